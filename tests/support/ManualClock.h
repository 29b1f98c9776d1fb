#pragma once

#include <QDateTime>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

namespace testsupport {

// The fixed clock of the tests: it stands still (at a whole second) until the test moves it, so
// that expiry, lockouts and idle times are tested without waiting. The functions it hands out share its time (a test
// gives one to the code under test and moves the clock afterwards) and may outlive it.
class ManualClock {
public:
    explicit ManualClock(QDateTime start = QDateTime::currentDateTimeUtc())
        : m_start(start.toUTC().addMSecs(-start.time().msec()))
        , m_offsetMs(std::make_shared<std::atomic<qint64>>(0))
    {}

    void advance(std::chrono::milliseconds by) { *m_offsetMs += by.count(); }

    QDateTime utcNow() const { return m_start.addMSecs(*m_offsetMs); }

    // For code that reads QDateTime::currentDateTimeUtc().
    std::function<QDateTime()> utc() const
    {
        return [start = m_start, offset = m_offsetMs] { return start.addMSecs(*offset); };
    }
    // For code that reads std::chrono::steady_clock.
    std::function<std::chrono::steady_clock::time_point()> steady() const
    {
        return
            [offset = m_offsetMs] { return std::chrono::steady_clock::time_point(std::chrono::milliseconds(*offset)); };
    }

private:
    QDateTime m_start;
    std::shared_ptr<std::atomic<qint64>> m_offsetMs;
};

} // namespace testsupport
