#include "Backoff.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTimeZone>
#include <algorithm>

namespace adm::sync {

Backoff::Backoff(int baseMs, int capMs, RandomFn random)
    : m_baseMs(std::max(1, baseMs))
    , m_capMs(std::max(m_baseMs, capMs))
    , m_random(std::move(random))
{
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
}

int Backoff::delayMs(int attempt) const
{
    const int exponent = std::clamp(attempt - 1, 0, 30);
    const qint64 ceiling = std::min<qint64>(m_capMs, qint64(m_baseMs) << exponent);
    const double r = std::clamp(m_random(), 0.0, 1.0);
    return int(ceiling / 2 + qint64(r * double(ceiling - ceiling / 2)));
}

std::optional<int> Backoff::delayMs(int attempt, std::optional<int> retryAfterSeconds, int maxRetryAfterSeconds) const
{
    const int jittered = delayMs(attempt);
    if (!retryAfterSeconds)
        return jittered;
    if (*retryAfterSeconds > maxRetryAfterSeconds)
        return std::nullopt;
    return std::max(jittered, *retryAfterSeconds * 1000);
}

std::optional<int> Backoff::parseRetryAfter(const QByteArray& header, const QDateTime& now)
{
    const QByteArray text = header.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? std::nullopt : std::optional<int>(int(std::min<qint64>(seconds, 365LL * 24 * 3600)));
    // IMF-fixdate, always in English and GMT.
    QDateTime when =
        QLocale::c().toDateTime(QString::fromLatin1(text), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    when.setTimeZone(QTimeZone::utc());
    return int(std::clamp<qint64>(now.secsTo(when), 0, 365LL * 24 * 3600));
}

} // namespace adm::sync
