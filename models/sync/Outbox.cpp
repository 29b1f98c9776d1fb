#include "Outbox.h"

#include "domain/JsonCodec.h"
#include "store/Sql.h"

#include <QJsonDocument>
#include <QUuid>

namespace adm::sync {

namespace {

const QString kColumns = QStringLiteral(
    "SELECT id, kind, idempotency_key, subject_id, base_version, payload, created_at, created_by, state, attempts, "
    "result_status, result_id, result_version, result_code, result_message, superseded_by FROM outbox ");

QString now()
{
    return json::formatTime(QDateTime::currentDateTimeUtc());
}

std::optional<qint64> optionalInt(const store::Statement& q, int column)
{
    return q.isNull(column) ? std::nullopt : std::optional<qint64>(q.int64(column));
}

OutboxItem readRow(const store::Statement& q)
{
    OutboxItem item;
    item.id = q.int64(0);
    item.kind = q.text(1);
    item.idempotencyKey = q.text(2);
    item.subjectId = q.text(3);
    item.baseVersion = optionalInt(q, 4);
    item.payload = QJsonDocument::fromJson(q.utf8(5)).object();
    item.createdAt = json::parseTime(q.text(6));
    item.createdBy = q.text(7);
    item.state = q.text(8);
    item.attempts = int(q.int64(9));
    item.resultStatus = q.text(10);
    item.resultId = q.text(11);
    item.resultVersion = optionalInt(q, 12);
    item.resultCode = q.text(13);
    item.resultMessage = q.text(14);
    item.supersededBy = optionalInt(q, 15);
    return item;
}

} // namespace

QString ItemResult::effectiveStatus() const
{
    if (status != QLatin1String("duplicate"))
        return status;
    if (originalStatus == QLatin1String("conflict") || originalStatus == QLatin1String("invalid"))
        return originalStatus;
    if (originalStatus.isEmpty() && !code.isEmpty())
        return QStringLiteral("conflict");
    return status;
}

bool OutboxItem::isOpen() const
{
    return state == state::Pending || state == state::Conflict || state == state::Invalid;
}

QJsonObject OutboxItem::toJson() const
{
    QJsonObject o{{QStringLiteral("item"), id},
                  {QStringLiteral("kind"), kind},
                  {QStringLiteral("idempotency_key"), idempotencyKey},
                  {QStringLiteral("subject_id"), subjectId},
                  {QStringLiteral("state"), state},
                  {QStringLiteral("attempts"), attempts},
                  {QStringLiteral("created_at"), json::formatTime(createdAt)},
                  {QStringLiteral("created_by"), createdBy}};
    if (baseVersion)
        o.insert(QStringLiteral("base_version"), *baseVersion);
    if (!resultStatus.isEmpty()) {
        QJsonObject result{{QStringLiteral("status"), resultStatus}};
        if (!resultId.isEmpty())
            result.insert(QStringLiteral("id"), resultId);
        if (resultVersion)
            result.insert(QStringLiteral("version"), *resultVersion);
        if (!resultCode.isEmpty())
            result.insert(QStringLiteral("code"), resultCode);
        if (!resultMessage.isEmpty())
            result.insert(QStringLiteral("message"), resultMessage);
        o.insert(QStringLiteral("result"), result);
    }
    if (supersededBy)
        o.insert(QStringLiteral("superseded_by"), *supersededBy);
    // A decision's own fields are ids and codes: safe to show. Other kinds may hold personal data.
    if (kind == kind::Decision) {
        for (const char* key : {"outcome", "category", "reason_code"})
            o.insert(QLatin1String(key), payload.value(QLatin1String(key)));
    }
    return o;
}

Result<QList<OutboxItem>> Outbox::select(const QString& tail, const QVariantList& params) const
{
    auto q = m_connection.prepare(kColumns + tail);
    if (!q)
        return q.error();
    for (int i = 0; i < params.size(); ++i) {
        const QVariant& v = params.at(i);
        if (v.typeId() == QMetaType::QString)
            q->bind(i + 1, v.toString());
        else
            q->bind(i + 1, v.toLongLong());
    }
    QList<OutboxItem> out;
    Error error;
    while (q->step(&error))
        out.append(readRow(*q));
    if (!error.code.isEmpty())
        return error;
    return out;
}

Result<OutboxItem> Outbox::enqueue(const QString& kind, const QString& subjectId, QJsonObject payload,
                                   std::optional<qint64> baseVersion, const QString& createdBy)
{
    QString key = payload.value(QStringLiteral("idempotency_key")).toString();
    if (key.isEmpty()) {
        key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        payload.insert(QStringLiteral("idempotency_key"), key);
    }
    auto q = m_connection.prepare(QStringLiteral(
        "INSERT INTO outbox (kind, idempotency_key, subject_id, base_version, payload, created_at, created_by, state, "
        "outcome) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)"));
    if (!q)
        return q.error();
    q->bind(1, kind).bind(2, key).bind(3, subjectId);
    if (baseVersion)
        q->bind(4, *baseVersion);
    else
        q->bindNull(4);
    q->bindUtf8(5, QJsonDocument(payload).toJson(QJsonDocument::Compact)).bind(6, now()).bind(7, createdBy);
    // A decision's outcome in a column of its own: the queue triggers read it (store/QueueRules.h).
    q->bind(8, kind == kind::Decision ? payload.value(QStringLiteral("outcome")).toString() : QString());
    if (Status s = q->run(); !s)
        return s.error();
    auto id = m_connection.scalar(QStringLiteral("SELECT last_insert_rowid()"));
    if (!id)
        return id.error();
    auto made = item(id->toLongLong());
    if (!made)
        return made.error();
    if (!*made)
        return Error{QStringLiteral("sql_failed"), QStringLiteral("the new outbox item cannot be read back")};
    return **made;
}

Result<QList<OutboxItem>> Outbox::pending(const QString& kind, qint64 afterId, int limit) const
{
    return select(QStringLiteral("WHERE state = 'pending' AND kind = ? AND id > ? ORDER BY id LIMIT ?"),
                  {kind, afterId, qint64(limit)});
}

Result<QList<OutboxItem>> Outbox::list(const QStringList& states) const
{
    if (states.isEmpty())
        return select(QStringLiteral("ORDER BY id"), {});
    QStringList marks;
    QVariantList params;
    for (const QString& s : states) {
        marks += QStringLiteral("?");
        params += s;
    }
    return select(QStringLiteral("WHERE state IN (%1) ORDER BY id").arg(marks.join(u',')), params);
}

Result<std::optional<OutboxItem>> Outbox::item(qint64 id) const
{
    auto rows = select(QStringLiteral("WHERE id = ?"), {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<OutboxItem>();
    return std::optional<OutboxItem>(rows->first());
}

Result<QList<OutboxItem>> Outbox::openItemsFor(const QString& kind, const QString& subjectId) const
{
    return select(QStringLiteral("WHERE kind = ? AND subject_id = ? AND state IN ('pending', 'conflict', 'invalid') "
                                 "ORDER BY id"),
                  {kind, subjectId});
}

Result<QMap<QString, qint64>> Outbox::countByState() const
{
    auto q = m_connection.prepare(QStringLiteral("SELECT state, count(*) FROM outbox GROUP BY state"));
    if (!q)
        return q.error();
    QMap<QString, qint64> out;
    while (q->step())
        out.insert(q->text(0), q->int64(1));
    return out;
}

Status Outbox::markAttempt(const QList<qint64>& ids)
{
    store::Transaction tx(m_connection);
    if (!tx.beginStatus())
        return tx.beginStatus();
    auto q = m_connection.prepare(
        QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ? WHERE id = ?"));
    if (!q)
        return q.error();
    const QString at = now();
    for (qint64 id : ids) {
        q->bind(1, at).bind(2, id);
        if (Status s = q->run(); !s)
            return s;
        q->reset();
    }
    return tx.commit();
}

Status Outbox::record(const QList<QPair<qint64, ItemResult>>& results)
{
    if (results.isEmpty())
        return {};
    store::Transaction tx(m_connection);
    if (!tx.beginStatus())
        return tx.beginStatus();
    auto q = m_connection.prepare(QStringLiteral(
        "UPDATE outbox SET state = ?, result_status = ?, result_id = ?, result_version = ?, result_code = ?, "
        "result_message = ?, resolved_at = ? WHERE id = ? AND state = 'pending'"));
    if (!q)
        return q.error();
    const QString at = now();
    for (const auto& [id, r] : results) {
        QString newState;
        const QString status = r.effectiveStatus();
        if (status == QLatin1String("accepted") || status == QLatin1String("duplicate"))
            newState = state::Done;
        else if (status == QLatin1String("conflict"))
            newState = state::Conflict;
        else if (status == QLatin1String("invalid"))
            newState = state::Invalid;
        else
            continue; // an answer this version does not know: keep the item and send it again
        q->bind(1, newState).bind(2, r.status).bind(3, r.id.isEmpty() ? QString() : r.id);
        if (r.version)
            q->bind(4, *r.version);
        else
            q->bindNull(4);
        q->bind(5, r.code.isEmpty() ? QString() : r.code)
            .bind(6, r.message.isEmpty() ? QString() : r.message)
            .bind(7, newState == state::Done ? at : QString())
            .bind(8, id);
        if (Status s = q->run(); !s)
            return s;
        q->reset();
    }
    return tx.commit();
}

Status Outbox::markSuperseded(qint64 id, qint64 byId)
{
    auto q = m_connection.prepare(
        QStringLiteral("UPDATE outbox SET state = 'superseded', superseded_by = ?, resolved_at = ? WHERE id = ?"));
    if (!q)
        return q.error();
    q->bind(1, byId).bind(2, now()).bind(3, id);
    return q->run();
}

Status Outbox::markDropped(qint64 id)
{
    auto q = m_connection.prepare(QStringLiteral("UPDATE outbox SET state = 'dropped', resolved_at = ? WHERE id = ?"));
    if (!q)
        return q.error();
    q->bind(1, now()).bind(2, id);
    return q->run();
}

} // namespace adm::sync
