#pragma once

#include "TestPki.h"

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

// tests/sync/independent_hub.py run by python3 (found through PATH): a second, minimal server of the
// upstream contract that is not the project's hub and reads queries the way common web frameworks
// do ('+' is a space). It listens on a free port of 127.0.0.1 over TLS with `server`'s certificate
// and reports every request it saw; see the script for its scenarios.
class IndependentHub {
public:
    struct Request {
        QString method;
        QString target; // the request target as it came on the wire
        QString path;   // decoded
        QString after;  // the decoded `after` value; null when there was none
        int status = 0;
        qint64 sent = 0; // body bytes written
        qint64 huge = 0; // for an oversized page: the size it would have had
    };

    static QString python(); // empty when PATH has no python3
    static QString account() { return QStringLiteral("independent.reviewer"); }
    static QString password() { return QStringLiteral("pass+word/=&"); }

    ~IndependentHub();
    // Writes the certificate, key and changes (JSON lines) into `dir` and starts the server; false
    // with `problem` set when it does not come up.
    bool start(const QString& dir, const testpki::Identity& server, const QList<QJsonObject>& changes,
               const QStringList& arguments, QString* problem);
    QString url() const;
    // Every request reported so far (reads what the server printed since the last call).
    QList<Request> requests();
    // Only the GET api/v1/changes ones.
    QList<Request> changeRequests();

private:
    QProcess m_process;
    QByteArray m_output;
    QList<Request> m_requests;
    quint16 m_port = 0;
};
