#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace adm::hub {

// A request as the handlers see it: copied out of the parser (HttpConnection), so that a reply may
// be written later (slow replies) without touching the connection's state.
struct HttpRequest {
    QString method; // "GET", "POST", ...
    QString path;
    QUrlQuery query;
    QByteArray body;
    QByteArray authorization;
    bool closeAfter = false; // the client sent "Connection: close"
    QString endpoint;        // route name: sessions, changes, decisions, ... (faults and logs)
    QString pathArgument;    // the <key_id> of PUT /api/v1/signing-keys/<key_id>

    // The path with query values masked (a query may carry an ID number): for log lines.
    QString pathForLog() const;
};

struct HttpReply {
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool committed = false; // the request changed state (drop-after faults act only then)

    static HttpReply json(const QJsonObject& object, int status = 200);
    static HttpReply error(int status, const QString& code, const QString& message);
    // 422 naming the field: the message comes from FieldReader ("decisions[2].base_version: ...").
    static HttpReply invalid(const QString& message) { return error(422, QStringLiteral("invalid_input"), message); }

    // Status line, headers and body as they go on the wire.
    QByteArray serialize(bool close) const;
};

QByteArray reasonPhrase(int status);

} // namespace adm::hub
