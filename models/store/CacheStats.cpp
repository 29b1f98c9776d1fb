#include "CacheStats.h"

#include "EntityKinds.h"

namespace adm::store {

namespace {

Result<QJsonObject> grouped(Connection& c, const QString& sql)
{
    auto q = c.prepare(sql);
    if (!q)
        return q.error();
    QJsonObject out;
    while (q->step())
        out.insert(q->text(0), q->int64(1));
    return out;
}

} // namespace

Result<QJsonObject> collectCacheStats(Connection& c)
{
    QJsonObject entities;
    for (const EntityKind& kind : entityKinds()) {
        auto n = c.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(kind.table));
        if (!n)
            return n.error();
        entities.insert(kind.name, n->toLongLong());
    }
    auto others = grouped(c, QStringLiteral("SELECT entity, count(*) FROM other_entities GROUP BY entity"));
    if (!others)
        return others.error();
    for (auto it = others->begin(); it != others->end(); ++it)
        entities.insert(it.key(), it.value());

    auto datasets = grouped(c, QStringLiteral("SELECT dataset, count(*) FROM agency_records GROUP BY dataset"));
    auto statuses = grouped(c, QStringLiteral("SELECT status, count(*) FROM applications GROUP BY status"));
    auto channels = grouped(c, QStringLiteral("SELECT channel, count(*) FROM applications GROUP BY channel"));
    auto grades = grouped(c, QStringLiteral("SELECT grade, count(*) FROM applications GROUP BY grade"));
    if (!datasets || !statuses || !channels || !grades)
        return Error{QStringLiteral("sql_failed"), QStringLiteral("cannot count the cache")};
    auto schema = c.scalar(QStringLiteral("PRAGMA user_version"));
    return QJsonObject{
        {QStringLiteral("entities"), entities},  {QStringLiteral("datasets"), *datasets},
        {QStringLiteral("statuses"), *statuses}, {QStringLiteral("channels"), *channels},
        {QStringLiteral("grades"), *grades},     {QStringLiteral("schema_version"), schema ? schema->toInt() : -1}};
}

} // namespace adm::store
