#pragma once

#include <QByteArray>
#include <QDateTime>
#include <functional>
#include <optional>

namespace adm::sync {

// Delays between attempts: exponential with "equal jitter" (half fixed, half random), so that
// many workstations coming back after an outage do not knock on the hub at the same moment, and
// no retry comes immediately. A Retry-After from the hub is a floor. The random source is
// injected so that tests are deterministic.
class Backoff {
public:
    using RandomFn = std::function<double()>; // uniform in [0, 1)

    Backoff(int baseMs, int capMs, RandomFn random = {});

    // The wait before retry number `attempt` (1 for the first retry).
    int delayMs(int attempt) const;
    // With the hub's Retry-After (seconds): at least that long. No value when the hub asks for
    // more than `maxRetryAfterSeconds`: give up this pass instead of holding it for minutes.
    std::optional<int> delayMs(int attempt, std::optional<int> retryAfterSeconds, int maxRetryAfterSeconds) const;

    // Retry-After is seconds ("120") or an HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT").
    static std::optional<int> parseRetryAfter(const QByteArray& header, const QDateTime& now);

private:
    int m_baseMs;
    int m_capMs;
    RandomFn m_random;
};

} // namespace adm::sync
