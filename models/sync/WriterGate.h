#pragma once

#include <QMutex>
#include <QThread>
#include <atomic>

namespace adm::sync {

// Who may use the workspace's writer connection now. A sync pass runs on its own thread and holds
// the gate, except while it waits for an answer of the hub (HubClient) and while the pull fetches
// pages (Puller), whose transactions run on the apply thread, which holds the gate for each. Jobs
// given to SyncService::post hold it while they run, so a decision is written between two steps
// of a pass, never inside one of its transactions. Held and LetGo know whether the calling thread
// holds the gate: taking it again, or letting go of a gate it does not hold, does nothing. Without a
// gate (nullptr: the tests' own Puller, a sign-in client) they do nothing either.
class WriterGate {
public:
    void lock()
    {
        m_mutex.lock();
        m_owner.store(QThread::currentThreadId());
    }
    void unlock()
    {
        m_owner.store(nullptr);
        m_mutex.unlock();
    }
    bool isHeldHere() const { return m_owner.load() == QThread::currentThreadId(); }

    // Held for the lifetime of the object.
    class Held {
    public:
        explicit Held(WriterGate* gate)
            : m_gate(gate && !gate->isHeldHere() ? gate : nullptr)
        {
            if (m_gate)
                m_gate->lock();
        }
        ~Held()
        {
            if (m_gate)
                m_gate->unlock();
        }
        Held(const Held&) = delete;
        Held& operator=(const Held&) = delete;

    private:
        WriterGate* m_gate;
    };

    // Let go for the lifetime of the object by the thread that holds it (a wait), taken back after.
    class LetGo {
    public:
        explicit LetGo(WriterGate* gate)
            : m_gate(gate && gate->isHeldHere() ? gate : nullptr)
        {
            if (m_gate)
                m_gate->unlock();
        }
        ~LetGo()
        {
            if (m_gate)
                m_gate->lock();
        }
        LetGo(const LetGo&) = delete;
        LetGo& operator=(const LetGo&) = delete;

    private:
        WriterGate* m_gate;
    };

private:
    QMutex m_mutex;
    std::atomic<Qt::HANDLE> m_owner{nullptr};
};

} // namespace adm::sync
