#include "SessionCache.h"

#include "SyncState.h"
#include "domain/JsonCodec.h"
#include "store/Sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace adm::sync {

namespace {

QJsonObject accountJson(const HubAccount& a)
{
    return QJsonObject{
        {QStringLiteral("id"), a.id},
        {QStringLiteral("display_name"), a.displayName},
        {QStringLiteral("roles"), QJsonArray::fromStringList(a.roles)},
        {QStringLiteral("district_code"), a.districtCode},
        {QStringLiteral("school_ids"), QJsonArray::fromStringList(a.schoolIds)},
        {QStringLiteral("expires_at"), a.expiresAt.isValid() ? json::formatTime(a.expiresAt) : QString()}};
}

HubAccount accountFrom(const QJsonObject& o)
{
    HubAccount a;
    a.id = o.value(QStringLiteral("id")).toString();
    a.displayName = o.value(QStringLiteral("display_name")).toString();
    for (const QJsonValue& v : o.value(QStringLiteral("roles")).toArray())
        a.roles += v.toString();
    a.districtCode = o.value(QStringLiteral("district_code")).toString();
    for (const QJsonValue& v : o.value(QStringLiteral("school_ids")).toArray())
        a.schoolIds += v.toString();
    const QString expires = o.value(QStringLiteral("expires_at")).toString();
    if (!expires.isEmpty())
        a.expiresAt = json::parseTime(expires);
    return a;
}

// Where a session was granted: the hub's address and this workstation's id.
QString origin(const Enrolment& e)
{
    return e.hubUrl.toString() + QLatin1Char('|') + e.workstationId;
}

} // namespace

Result<std::optional<HubSession>> SessionCache::load(const QString& localUser, const QString& account,
                                                     const Enrolment& enrolment, const QDateTime& now)
{
    auto info = SyncState(m_connection).get(infoKey(localUser));
    if (!info)
        return info.error();
    if (info->isEmpty())
        return std::optional<HubSession>();
    const QJsonObject o = QJsonDocument::fromJson(info->toUtf8()).object();
    HubSession session;
    session.account = accountFrom(o.value(QStringLiteral("account")).toObject());
    const bool usable =
        o.value(QStringLiteral("origin")).toString() == origin(enrolment) &&
        o.value(QStringLiteral("login")).toString() == account &&
        (!session.account.expiresAt.isValid() || now.addSecs(kExpiryMarginSeconds) < session.account.expiresAt);
    if (!usable) {
        if (Status s = drop(localUser); !s)
            return s.error();
        return std::optional<HubSession>();
    }
    auto q = m_connection.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    if (!q)
        return q.error();
    q->bind(1, tokenKey(localUser));
    Error error;
    if (q->step(&error))
        session.token = q->secret(0);
    else if (!error.code.isEmpty())
        return error;
    if (session.token.isEmpty())
        return std::optional<HubSession>();
    return std::optional<HubSession>(std::move(session));
}

Status SessionCache::save(const QString& localUser, const QString& account, const Enrolment& enrolment,
                          const HubSession& session)
{
    if (session.isEmpty())
        return drop(localUser);
    const QJsonObject info{{QStringLiteral("origin"), origin(enrolment)},
                           {QStringLiteral("login"), account},
                           {QStringLiteral("account"), accountJson(session.account)}};
    // No transaction of its own (a caller's may be open): without its token row, the info is ignored.
    if (Status s = SyncState(m_connection)
                       .set(infoKey(localUser), QString::fromUtf8(QJsonDocument(info).toJson(QJsonDocument::Compact)));
        !s)
        return s;
    auto q = m_connection.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    if (!q)
        return q.error();
    q->bind(1, tokenKey(localUser)).bindSecretText(2, session.token);
    return q->run();
}

Status SessionCache::drop(const QString& localUser)
{
    auto q = m_connection.prepare(QStringLiteral("DELETE FROM meta WHERE key IN (?, ?)"));
    if (!q)
        return q.error();
    q->bind(1, infoKey(localUser)).bind(2, tokenKey(localUser));
    return q->run();
}

} // namespace adm::sync
