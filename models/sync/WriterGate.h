#pragma once

#include <QMutex>

namespace adm::sync {

// Who may use the workspace's writer connection now. A sync pass runs on its own thread and holds
// the gate, except while it waits: for an answer of the hub (HubClient) or for a transaction the
// pull applies on its apply thread (Puller), which holds the gate itself. Jobs given to
// SyncService::post hold it while they run, so a decision is written between two steps of a pass,
// never inside one of its transactions. Without a gate (nullptr: the tests' own Puller, a sign-in
// client) these do nothing.
class WriterGate {
public:
    void lock() { m_mutex.lock(); }
    void unlock() { m_mutex.unlock(); }

    // Held for the lifetime of the object.
    class Held {
    public:
        explicit Held(WriterGate* gate)
            : m_gate(gate)
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
            : m_gate(gate)
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
};

} // namespace adm::sync
