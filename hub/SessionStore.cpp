#include "SessionStore.h"

#include "security/Crypto.h"

namespace adm::hub {

namespace {
constexpr int kMaxFailures = 10;
constexpr int kFailureWindowSeconds = 60;
} // namespace

SessionStore::SessionStore(int ttlSeconds, Clock clock)
    : m_ttlSeconds(ttlSeconds)
    , m_clock(std::move(clock))
{}

QDateTime SessionStore::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

SessionStore::Issued SessionStore::create(const Account& account, const QString& workstationId,
                                          const QString& workstationName)
{
    if (++m_sinceCleanup >= 256)
        purge();
    const QString token = QString::fromLatin1(
        crypto::randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    Session s{account, workstationId, workstationName, now().addSecs(m_ttlSeconds)};
    m_sessions.insert(crypto::sha256(token.toLatin1()), s);
    m_failures.remove(account.id);
    return Issued{token, s.expiresAt};
}

std::optional<Session> SessionStore::find(const QByteArray& token)
{
    if (token.isEmpty() || token.size() > 512)
        return std::nullopt;
    const QByteArray key = crypto::sha256(token);
    const auto it = m_sessions.constFind(key);
    if (it == m_sessions.constEnd())
        return std::nullopt;
    if (it->expiresAt <= now()) {
        m_sessions.remove(key);
        return std::nullopt;
    }
    return *it;
}

void SessionStore::noteFailure(const QString& accountId)
{
    if (m_failures.size() > 10000)
        m_failures.clear(); // bounded memory whatever names a client invents
    m_failures[accountId].append(now());
}

int SessionStore::secondsLocked(const QString& accountId)
{
    auto it = m_failures.find(accountId);
    if (it == m_failures.end())
        return 0;
    const QDateTime now = this->now();
    QList<QDateTime>& times = *it;
    times.removeIf([&](const QDateTime& t) { return t.secsTo(now) >= kFailureWindowSeconds; });
    if (times.isEmpty()) {
        m_failures.erase(it);
        return 0;
    }
    if (times.size() < kMaxFailures)
        return 0;
    return int(std::max<qint64>(1, kFailureWindowSeconds - times.first().secsTo(now)));
}

void SessionStore::purge()
{
    m_sinceCleanup = 0;
    const QDateTime now = this->now();
    m_sessions.removeIf([&](const auto& it) { return it.value().expiresAt <= now; });
}

} // namespace adm::hub
