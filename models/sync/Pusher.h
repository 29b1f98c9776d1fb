#pragma once

#include "HubClient.h"
#include "Outbox.h"
#include "SyncTypes.h"
#include "domain/Result.h"

#include <functional>

namespace adm::store {
class Connection;
}

namespace adm::sync {

// The push half of a sync pass: every pending outbox item, kind by kind in creation order and in
// chunks, then the audit entries the hub does not have yet. Each item keeps its idempotency key
// for ever, so sending it again after any failure is harmless: the hub answers `duplicate`.
class Pusher {
public:
    struct Stats {
        qint64 pushed = 0; // accepted or duplicate (items and audit entries)
        qint64 conflicts = 0;
        qint64 rejected = 0; // invalid
    };
    using ProgressFn = std::function<void(qint64 done, qint64 total)>;

    Pusher(HubClient& client, store::Connection& writer, const SyncOptions& options, ProgressFn progress = {});

    // Stops at the first error that is not about one item (network, TLS, session, cancel); what was
    // answered before it stays recorded (and counted in stats()). An item the hub refuses never
    // holds back the others.
    Status run();
    const Stats& stats() const { return m_stats; }

    static QString endpointFor(const QString& kind); // "api/v1/decisions", …
    static QString listKeyFor(const QString& kind);  // "decisions", …

private:
    Status pushKind(const QString& kind);
    // POSTs a chunk; a whole-request 4xx is split in halves until the item it is about is found.
    Status sendChunk(const QString& kind, const QList<OutboxItem>& items);
    Status sendSigningKey(const OutboxItem& item);
    Status pushAudit();
    Status recordAndCount(const QList<QPair<qint64, ItemResult>>& results);
    void advance(qint64 count);
    // The hub account this pass pushes as: the signed-in one, or the configured one before sign-in.
    QString hubAccount() const;
    QJsonObject withoutLocalDecider(const OutboxItem& item) const;

    HubClient& m_client;
    store::Connection& m_writer;
    Outbox m_outbox;
    SyncOptions m_options;
    ProgressFn m_progress;
    Stats m_stats;
    qint64 m_done = 0;
    qint64 m_total = 0;
};

} // namespace adm::sync
