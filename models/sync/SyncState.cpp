#include "SyncState.h"

#include "store/Sql.h"

namespace adm::sync {

Result<QString> SyncState::get(const QString& key) const
{
    auto q = m_connection.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    if (!q)
        return q.error();
    q->bind(1, key);
    Error error;
    if (q->step(&error))
        return q->text(0);
    if (!error.code.isEmpty())
        return error;
    return QString();
}

Status SyncState::set(const QString& key, const QString& value)
{
    auto q = m_connection.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    if (!q)
        return q.error();
    q->bind(1, key).bind(2, value.isNull() ? QStringLiteral("") : value);
    return q->run();
}

QString SyncState::accountFor(const QString& localUser) const
{
    auto v = get(accountKey(localUser));
    return v ? *v : QString();
}

Status SyncState::setAccountFor(const QString& localUser, const QString& account)
{
    return set(accountKey(localUser), account);
}

Status SyncState::restartFullPull()
{
    auto cursor = get(Cursor);
    if (!cursor)
        return cursor.error();
    // Only a cache that followed a feed before holds rows the new pull may not bring back.
    auto sweeping = get(SweepPending);
    const bool hadView = !cursor->isEmpty() || (sweeping && *sweeping == QLatin1String("1"));
    if (Status s = set(Cursor, QString()); !s)
        return s;
    if (Status s = set(SweepPending, hadView ? QStringLiteral("1") : QString()); !s)
        return s;
    return m_connection.exec(QStringLiteral("DELETE FROM sync_seen"));
}

} // namespace adm::sync
