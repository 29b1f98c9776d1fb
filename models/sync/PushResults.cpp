#include "PushResults.h"

#include "SyncTypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QSet>

namespace adm::sync {

Result<QList<ItemResult>> PushResults::parse(const QJsonObject& body)
{
    const QJsonValue list = body.value(QStringLiteral("results"));
    if (!list.isArray())
        return Error{code::BadReply,
                     QCoreApplication::translate("Sync", "The city platform's answer to a push has no results.")};
    QList<ItemResult> out;
    for (const QJsonValue& v : list.toArray()) {
        const QJsonObject o = v.toObject();
        ItemResult r;
        r.idempotencyKey = o.value(QStringLiteral("idempotency_key")).toString();
        r.status = o.value(QStringLiteral("status")).toString();
        const QJsonValue id = o.value(QStringLiteral("id"));
        r.id = id.isDouble() ? QString::number(id.toInteger()) : id.toString();
        const QJsonValue version = o.value(QStringLiteral("version"));
        if (version.isDouble())
            r.version = version.toInteger();
        r.code = o.value(QStringLiteral("code")).toString();
        r.message = o.value(QStringLiteral("message")).toString();
        r.originalStatus = o.value(QStringLiteral("original_status")).toString();
        out.append(r);
    }
    return out;
}

QList<QPair<qint64, ItemResult>> PushResults::match(const QList<OutboxItem>& sent, const QList<ItemResult>& results)
{
    QHash<QString, qint64> byKey;
    for (const OutboxItem& item : sent)
        byKey.insert(item.idempotencyKey, item.id);
    QList<QPair<qint64, ItemResult>> out;
    QSet<qint64> answered;
    for (qsizetype i = 0; i < results.size(); ++i) {
        const ItemResult& r = results.at(i);
        qint64 id = -1;
        if (!r.idempotencyKey.isEmpty())
            id = byKey.value(r.idempotencyKey, -1); // a key we did not send is ignored
        else if (i < sent.size())
            id = sent.at(i).id;
        if (id < 0 || answered.contains(id))
            continue;
        answered.insert(id);
        out.append({id, r});
    }
    return out;
}

ItemResult PushResults::fromRefusal(const OutboxItem& item, int status, const QString& code, const QString& message)
{
    ItemResult r;
    r.idempotencyKey = item.idempotencyKey;
    r.status = status == 409 ? QStringLiteral("conflict") : QStringLiteral("invalid");
    r.code = code.isEmpty() ? QStringLiteral("http_%1").arg(status) : code;
    r.message = message;
    return r;
}

} // namespace adm::sync
