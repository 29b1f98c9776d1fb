#pragma once

#include "TestPki.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QThread>
#include <memory>

// An in-process implementation of the upstream contract (shared/upstream-api.md) over HTTPS on
// 127.0.0.1, with faults injected per request, in the spirit of the ownCloud client's fake server.
// It keeps the feed, versions, idempotency keys and the audit chain like a real hub, and counts how
// many times each pushed key changed its state (it must be once). The server runs in a thread of
// its own, so a test may drive the engine in its main thread or a real admissionsctl in a child
// process. Every method is thread-safe.
class FakeHub {
public:
    enum class Fault {
        DropBeforeReply, // the request is read, nothing is done, the connection is cut
        DropAfterCommit, // the request is carried out, then the connection is cut without an answer
        Status,          // an error status instead of carrying it out (500, 503 + Retry-After, 409, 429, ...)
        Truncate,        // carried out; the answer stops halfway (Content-Length promises more)
        InvalidJson,     // carried out; the answer is 200 with a body that is not JSON
        Hang,            // nothing is done and nothing is answered
        Slow,            // carried out; the answer comes after delayMs
    };
    struct FaultRule {
        QByteArray method; // empty: any
        QString path;      // prefix, e.g. "/api/v1/decisions"
        Fault kind = Fault::Status;
        int count = 1;
        int status = 503;
        int retryAfterSeconds = -1;
        int delayMs = 0;
        QString code = QStringLiteral("injected");
        int after = 0; // matching requests let through before the first faulty one
    };
    struct Logged {
        QByteArray method;
        QString path;
        int status = 0; // 0: no answer
        QString fault;
    };

    FakeHub();
    ~FakeHub();

    // Listens on 127.0.0.1 (any free port) with this certificate; plainHttp listens without TLS.
    bool start(const testpki::Identity& identity, bool plainHttp = false);
    quint16 port() const { return m_port; }
    QString url(const QString& host = QStringLiteral("127.0.0.1")) const;

    void addAccount(const QString& account, const QString& password, const QString& role = QStringLiteral("reviewer"));
    // The shared policy fixture plus copies of its first application, up to `applications`. False
    // (with a warning) when the shared fixtures are missing.
    bool seedCity(int applications);
    // JSON lines of changes (admissionsctl generate).
    bool loadBundle(const QString& path);
    // Appends a change to the feed as if upstream had made it.
    void upsert(const QString& entity, const QString& id, QJsonObject data);
    void remove(const QString& entity, const QString& id);
    void withdraw(const QString& applicationId);

    QJsonObject entity(const QString& entity, const QString& id) const; // {} when absent or deleted
    qint64 version(const QString& entity, const QString& id) const;
    int liveCount(const QString& entity) const;
    QStringList liveIds(const QString& entity) const;
    qint64 lastSeq() const;

    void expireCursors();  // every cursor handed out so far answers 410
    void expireSessions(); // every token answers 401
    void addFault(const FaultRule& rule);
    void clearFaults();
    int unusedFaults() const;

    QList<Logged> log() const;
    void clearLog();
    int connections() const;
    // For every idempotency key pushed: how many times it changed the hub's state.
    QMap<QString, int> appliedCounts() const;
    QList<QJsonObject> auditEntries() const;
    QMap<QString, QJsonObject> counterApplications() const; // client_ref → the application made
    QMap<QString, QJsonObject> signingKeys() const;
    int batchCount() const;

private:
    struct State;
    class Server;
    std::unique_ptr<State> m_state;
    QThread m_thread;
    Server* m_server = nullptr;
    quint16 m_port = 0;
    bool m_plain = false;
};
