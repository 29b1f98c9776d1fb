#pragma once

#include "DecisionDraft.h"
#include "QueueViewState.h"
#include "domain/Result.h"

#include <QObject>
#include <functional>
#include <optional>

namespace adm::store {
class Connection;
class Workspace;
} // namespace adm::store

namespace adm::views {
class OpenCache;

class Session;

// The officer's unfinished work, per local user, in the encrypted cache (table drafts, migration 7),
// never in a plain file: the draft of the open decision dialog (slot "decision") and the queue place
// kept at the last lock (slot "place"), and the counter form being typed (slot "counter"). One of each
// per user.
class DraftStore {
public:
    explicit DraftStore(store::Connection& connection)
        : m_c(connection)
    {}

    Status saveDraft(const QString& user, const DecisionDraft& draft);
    Result<std::optional<DecisionDraft>> draft(const QString& user);
    Status clearDraft(const QString& user);
    Status savePlace(const QString& user, const QueueViewState& place);
    // Reads the place and forgets it: it is put back once.
    Result<std::optional<QueueViewState>> takePlace(const QString& user);

    // The counter form being typed (slot "counter"): the application as JSON (sync::CounterApplication).
    Status saveCounterForm(const QString& user, const QByteArray& json) { return put(user, kCounterSlot, json); }
    Result<std::optional<QByteArray>> counterForm(const QString& user) { return get(user, kCounterSlot); }
    Status clearCounterForm(const QString& user) { return remove(user, kCounterSlot); }
    static inline const QString kCounterSlot = QStringLiteral("counter");

    // What a session that opens puts back.
    struct Resumed {
        std::optional<QueueViewState> place;
        std::optional<DecisionDraft> draft;
    };

    // At a lock, on the workspace the closed session handed back (the writer is idle then): the
    // open dialog's draft and the queue place, for the workspace's user, in one transaction.
    static Status keep(store::Workspace& workspace, const std::optional<DecisionDraft>& draft,
                       const std::optional<QueueViewState>& place);
    static Status keep(const OpenCache& cache, const std::optional<DecisionDraft>& draft,
                       const std::optional<QueueViewState>& place);

    // Through a session, on the writer's thread; `done` (may be empty) in the thread of `context`.
    static void save(Session& session, const DecisionDraft& draft, QObject* context,
                     std::function<void(Status)> done = {});
    static void clear(Session& session, QObject* context, std::function<void(Status)> done = {});
    static void resume(Session& session, QObject* context, std::function<void(Result<Resumed>)> done);

private:
    Status put(const QString& user, const QString& slot, const QByteArray& body);
    Result<std::optional<QByteArray>> get(const QString& user, const QString& slot);
    Status remove(const QString& user, const QString& slot);

    store::Connection& m_c;
};

} // namespace adm::views
