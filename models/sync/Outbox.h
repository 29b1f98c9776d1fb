#pragma once

#include "domain/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <optional>

namespace adm::store {
class Connection;
}

namespace adm::sync {

// Kinds of outbox items, in the order they are pushed: a key before the batches it signs, a
// counter application before anything that could refer to it, decisions before the batches
// that sign them off.
namespace kind {
inline const QString SigningKey = QStringLiteral("signing_key");
inline const QString Application = QStringLiteral("application");
inline const QString Decision = QStringLiteral("decision");
inline const QString Batch = QStringLiteral("batch");
inline QStringList pushOrder()
{
    return {SigningKey, Application, Decision, Batch};
}
} // namespace kind

namespace state {
inline const QString Pending = QStringLiteral("pending");
inline const QString Done = QStringLiteral("done");
inline const QString Conflict = QStringLiteral("conflict");
inline const QString Invalid = QStringLiteral("invalid");
inline const QString Superseded = QStringLiteral("superseded");
inline const QString Dropped = QStringLiteral("dropped");
} // namespace state

// The hub's answer for one item (`results[i]` of a push).
struct ItemResult {
    QString idempotencyKey;
    QString status; // accepted | duplicate | conflict | invalid
    QString id;
    std::optional<qint64> version;
    QString code;
    QString message;
    QString originalStatus; // with "duplicate": what the first answer was (an optional field)

    // The answer that counts: a repeated key replays the first outcome, and a replayed conflict is
    // still a conflict (known from original_status, or, when a hub does not send it, from its code).
    QString effectiveStatus() const;
};

struct OutboxItem {
    qint64 id = 0;
    QString kind;
    QString idempotencyKey;
    QString subjectId;
    std::optional<qint64> baseVersion;
    QJsonObject payload; // exactly what is sent, idempotency_key included
    QDateTime createdAt;
    QString createdBy;
    QString state;
    int attempts = 0;
    QString resultStatus;
    QString resultId;
    std::optional<qint64> resultVersion;
    QString resultCode;
    QString resultMessage;
    std::optional<qint64> supersededBy;

    bool isOpen() const; // pending, conflict or invalid: still the user's business
    // Ids and states only, never the payload (a counter application holds names and ID numbers).
    QJsonObject toJson() const;
};

// The outbox table of the cache. Writes happen in the caller's transaction when one is open
// (a decision and its audit entry commit together); markAttempt() and record() open their own.
// Used only from the thread that owns the connection.
class Outbox {
public:
    explicit Outbox(store::Connection& connection)
        : m_connection(connection)
    {}

    // Adds an item; the payload gets a fresh idempotency_key (UUID) unless it holds one.
    Result<OutboxItem> enqueue(const QString& kind, const QString& subjectId, QJsonObject payload,
                               std::optional<qint64> baseVersion, const QString& createdBy);

    // Pending items of a kind in creation order, after `afterId`.
    Result<QList<OutboxItem>> pending(const QString& kind, qint64 afterId, int limit) const;
    // Everything, or the items in `states`, in creation order.
    Result<QList<OutboxItem>> list(const QStringList& states = {}) const;
    Result<std::optional<OutboxItem>> item(qint64 id) const;
    // Open items (pending, conflict, invalid) about one subject, oldest first.
    Result<QList<OutboxItem>> openItemsFor(const QString& kind, const QString& subjectId) const;
    Result<QMap<QString, qint64>> countByState() const;

    // Before a request: these items are about to be sent (from now on the hub may have them).
    Status markAttempt(const QList<qint64>& ids);
    // Stores the hub's answers in one transaction: accepted and duplicate clear the item, conflict
    // and invalid keep it for the user. Only items still pending are touched.
    Status record(const QList<QPair<qint64, ItemResult>>& results);

    // For the workflows, inside their transaction.
    Status markSuperseded(qint64 id, qint64 byId);
    Status markDropped(qint64 id);

private:
    // SELECT … FROM outbox <tail>, binding strings and integers in order.
    Result<QList<OutboxItem>> select(const QString& tail, const QVariantList& params) const;

    store::Connection& m_connection;
};

} // namespace adm::sync
