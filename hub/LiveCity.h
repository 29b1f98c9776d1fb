#pragma once

#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QTimer>

namespace adm::hub {

struct HubContext;

// Keeps the city moving (--live RATE, events per second): new online applications, applications
// taken under review, withdrawals, agency records that change, get cancelled or deleted, and
// decisions made "at other workstations". Each event bumps versions and emits changes, so that a
// reviewer sees changes arrive and pushes meet conflicts. Deterministic for the city's seed.
class LiveCity : public QObject {
    Q_OBJECT

public:
    LiveCity(HubContext& context, double eventsPerSecond, quint64 seed, QObject* parent = nullptr);

    void start();
    void stop();
    // Runs `count` events now, in one transaction (tests call this directly). False on a storage error.
    bool step(int count);
    qint64 eventCount() const { return m_events; }

private:
    enum class Event {
        NewApplication,
        UnderReview,
        Withdrawal,
        OtherDecision,
        RecordChange,
        RecordCancel,
        RecordDelete
    };

    void tick();
    bool runEvent(Event event);
    bool newApplication();
    bool changeApplication(Event event);
    bool changeRecord(Event event);
    quint64 next();
    int below(int n) { return n > 0 ? int(next() % quint64(n)) : 0; }

    HubContext& m_context;
    double m_rate;
    quint64 m_state;
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_owed = 0;
    qint64 m_events = 0;
    QMap<QString, qint64> m_counts; // per event kind since the last summary line
    QElapsedTimer m_sinceSummary;
};

} // namespace adm::hub
