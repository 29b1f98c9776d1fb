#include "Conflicts.h"

#include "DecisionWorkflow.h"
#include "store/Sql.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace adm::sync {

QJsonObject Conflict::toJson() const
{
    QJsonObject o = item.toJson();
    o.insert(QStringLiteral("mine"), mine);
    o.insert(QStringLiteral("upstream"), upstream.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(upstream));
    o.insert(QStringLiteral("upstream_current"), upstreamCurrent);
    o.insert(QStringLiteral("actions"), QJsonArray::fromStringList(actions));
    return o;
}

Result<QJsonObject> Conflicts::upstreamApplication(store::Connection& c, const QString& applicationId, qint64* version)
{
    *version = -1;
    auto q = c.prepare(QStringLiteral("SELECT version, data FROM applications WHERE id = ?"));
    if (!q)
        return q.error();
    q->bind(1, applicationId);
    if (q->step()) {
        *version = q->int64(0);
        const QJsonObject data = QJsonDocument::fromJson(q->utf8(1)).object();
        QJsonObject out{{QStringLiteral("id"), applicationId}, {QStringLiteral("version"), *version}};
        for (const char* key : {"status", "decision", "target_school_id", "claimed_category", "channel"})
            if (data.contains(QLatin1String(key)))
                out.insert(QLatin1String(key), data.value(QLatin1String(key)));
        return out;
    }
    auto t = c.prepare(QStringLiteral("SELECT version FROM tombstones WHERE entity = 'application' AND id = ?"));
    if (!t)
        return t.error();
    t->bind(1, applicationId);
    if (t->step()) {
        *version = t->int64(0);
        return QJsonObject{{QStringLiteral("id"), applicationId},
                           {QStringLiteral("version"), *version},
                           {QStringLiteral("deleted"), true}};
    }
    return QJsonObject();
}

Result<QList<Conflict>> Conflicts::list(store::Connection& c)
{
    Outbox outbox(c);
    auto items = outbox.list({state::Conflict, state::Invalid});
    if (!items)
        return items.error();
    QList<Conflict> out;
    for (const OutboxItem& item : *items) {
        Conflict conflict;
        conflict.item = item;
        conflict.actions = {QStringLiteral("drop")};
        const QJsonObject& p = item.payload;
        QString applicationId;
        if (item.kind == kind::Decision) {
            for (const char* key : {"application_id", "base_version", "outcome", "category", "reason_code", "note",
                                    "decided_by", "decided_at"})
                conflict.mine.insert(QLatin1String(key), p.value(QLatin1String(key)));
            applicationId = item.subjectId;
        } else if (item.kind == kind::Application) {
            for (const char* key : {"client_ref", "target_school_id", "claimed_category", "admission_year", "grade"})
                conflict.mine.insert(QLatin1String(key), p.value(QLatin1String(key)));
            applicationId = item.resultId; // duplicate_child: the application the child already has
        } else if (item.kind == kind::Batch) {
            const QJsonObject batch = p.value(QStringLiteral("batch")).toObject();
            for (const char* key : {"id", "school_id", "title", "signer", "key_id"})
                conflict.mine.insert(QLatin1String(key), batch.value(QLatin1String(key)));
            conflict.mine.insert(QStringLiteral("items"), batch.value(QStringLiteral("items")).toArray().size());
        } else {
            conflict.mine = QJsonObject{{QStringLiteral("key_id"), item.subjectId},
                                        {QStringLiteral("algorithm"), p.value(QStringLiteral("algorithm"))}};
        }
        if (!applicationId.isEmpty()) {
            qint64 version = -1;
            auto up = upstreamApplication(c, applicationId, &version);
            if (!up)
                return up.error();
            conflict.upstream = *up;
            conflict.upstreamCurrent = version >= 0 && (!item.resultVersion || version >= *item.resultVersion);
            if (item.kind == kind::Decision && !up->value(QStringLiteral("deleted")).toBool()) {
                ApplicationSnapshot s;
                s.status = up->value(QStringLiteral("status")).toString();
                if (s.isOpen() && conflict.upstreamCurrent)
                    conflict.actions.prepend(QStringLiteral("decide"));
            }
        }
        out.append(conflict);
    }
    return out;
}

} // namespace adm::sync
