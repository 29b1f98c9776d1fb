#include "ChangesApi.h"

#include "ApiSupport.h"
#include "HubContext.h"
#include "HubStorage.h"
#include "Visibility.h"
#include "domain/CanonicalJson.h"
#include "domain/JsonCodec.h"

#include <QDateTime>

namespace adm::hub {

QString ChangesApi::encodeCursor(const Cursor& c)
{
    const QByteArray raw =
        c.epoch.toLatin1() + ':' + QByteArray::number(c.after) + ':' + QByteArray::number(c.issuedHead);
    return QStringLiteral("c1") +
           QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<ChangesApi::Cursor> ChangesApi::decodeCursor(const QString& text)
{
    if (!text.startsWith(QLatin1String("c1")) || text.size() > 200)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        text.mid(2).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QList<QByteArray> parts = decoded.decoded.split(':');
    if (parts.size() != 3)
        return std::nullopt;
    Cursor c;
    bool okAfter = false;
    bool okHead = false;
    c.epoch = QString::fromLatin1(parts.at(0));
    c.after = parts.at(1).toLongLong(&okAfter);
    c.issuedHead = parts.at(2).toLongLong(&okHead);
    if (!okAfter || !okHead || c.after < 0 || c.issuedHead < c.after)
        return std::nullopt;
    return c;
}

HttpReply ChangesApi::pull(const HttpRequest& request, const Session& session)
{
    HubStorage& storage = m_context.storage;
    int limit = kDefaultLimit;
    if (request.query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > kMaxLimit)
            return HttpReply::invalid(QStringLiteral("limit: must be a whole number from 1 to %1").arg(kMaxLimit));
    }
    // Old tombstones go first, so that the expiry test below sees the current horizon.
    if (Status s = storage.purgeTombstones(m_context.options.cursorRetention); !s)
        return api::storageFailure(s.error());

    qint64 after = 0;
    const QString cursorText = request.query.queryItemValue(QStringLiteral("after"), QUrl::FullyDecoded);
    if (request.query.hasQueryItem(QStringLiteral("after")) && !cursorText.isEmpty()) {
        const auto cursor = decodeCursor(cursorText);
        if (!cursor)
            return HttpReply::invalid(QStringLiteral("after: not a cursor of this hub; omit it for a full pull"));
        const bool expired = cursor->epoch != storage.epoch() || cursor->after > storage.head() ||
                             storage.head() - cursor->issuedHead > m_context.options.cursorRetention ||
                             cursor->after < storage.purgedThrough();
        if (expired)
            return HttpReply::error(410, QStringLiteral("cursor_expired"),
                                    QStringLiteral("this cursor is too old for the hub's history; start again with "
                                                   "a full pull"));
        after = cursor->after;
    }

    const qint64 head = storage.head();
    const qint64 upTo = std::min(head, after + kScanWindow);
    const Visibility::Filter filter = Visibility(session.account).objectFilter();
    auto q = storage.connection().prepare(
        QStringLiteral("SELECT o.seq, o.entity, o.id, o.version, o.deleted, o.data FROM objects o "
                       "WHERE o.seq > ? AND o.seq <= ? AND %1 ORDER BY o.seq LIMIT ?")
            .arg(filter.sql));
    if (!q)
        return api::storageFailure(q.error());
    int index = 1;
    q->bind(1, after);
    q->bind(2, upTo);
    index = 3;
    for (const QString& v : filter.values)
        q->bind(index++, v);
    q->bind(index, qint64(limit) + 1);

    QByteArray body;
    body.reserve(1 << 20);
    body += "{\"changes\":[";
    int count = 0;
    qint64 last = after;
    bool fullPage = false; // a row beyond the limit exists
    Error error;
    while (q->step(&error)) {
        if (count == limit) {
            fullPage = true;
            break;
        }
        if (count)
            body += ',';
        last = q->int64(0);
        const bool deleted = q->int64(4) != 0;
        body += "{\"seq\":" + QByteArray::number(last) + ",\"entity\":";
        json::appendJsonString(body, q->text(1));
        body += deleted ? ",\"op\":\"delete\",\"id\":" : ",\"op\":\"upsert\",\"id\":";
        json::appendJsonString(body, q->text(2));
        body += ",\"version\":" + QByteArray::number(q->int64(3));
        if (!deleted) {
            // Stored as compact JSON written by QJsonDocument: it goes out as it is.
            body += ",\"data\":";
            body += q->utf8(5);
        }
        body += '}';
        ++count;
    }
    if (!error.code.isEmpty())
        return api::storageFailure(error);
    // Past the last row returned when the page is full; else past everything scanned. When the scan
    // window ended before the head, the page may be short and still have more to come.
    const bool more = fullPage || upTo < head;
    const qint64 position = fullPage ? last : upTo;
    body += "],\"cursor\":";
    json::appendJsonString(body, encodeCursor(Cursor{storage.epoch(), position, head}));
    body += more ? ",\"has_more\":true" : ",\"has_more\":false";
    body += ",\"server_time\":";
    json::appendJsonString(body, json::formatTime(QDateTime::currentDateTimeUtc()));
    body += '}';
    HttpReply reply;
    reply.body = std::move(body);
    return reply;
}

} // namespace adm::hub
