#include "AuditLog.h"

#include "Crypto.h"
#include "store/Sql.h"

#include <QUuid>

namespace adm::security {

QString AuditLog::computeHash(const AuditEntry& e)
{
    const QByteArray material = e.prevHash.toUtf8() + '\n' + QByteArray::number(e.seq) + '\n' +
                                e.at.toUTC().toString(Qt::ISODate).toUtf8() + '\n' + e.actor.toUtf8() + '\n' +
                                e.action.toUtf8() + '\n' + e.subject.toUtf8();
    return QString::fromLatin1(crypto::sha256(material).toHex());
}

Result<AuditEntry> AuditLog::append(const QString& actor, const QString& action, const QString& subject)
{
    auto last = m_connection.prepare(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    if (!last)
        return last.error();
    AuditEntry e;
    e.seq = 1;
    if (last->step()) {
        e.seq = last->int64(0) + 1;
        e.prevHash = last->text(1);
    }
    e.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.at = QDateTime::currentDateTimeUtc();
    e.at = e.at.addMSecs(-e.at.time().msec()); // whole seconds, as RFC 3339 carries them
    e.actor = actor;
    e.action = action;
    e.subject = subject;
    e.hash = computeHash(e);
    auto insert = m_connection.prepare(
        QStringLiteral("INSERT INTO audit_log (seq, idempotency_key, at, actor, action, subject, prev_hash, hash) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return insert.error();
    insert->bind(1, e.seq)
        .bind(2, e.idempotencyKey)
        .bind(3, e.at.toString(Qt::ISODate))
        .bind(4, e.actor)
        .bind(5, e.action)
        .bind(6, e.subject)
        .bind(7, e.prevHash.isNull() ? QStringLiteral("") : e.prevHash)
        .bind(8, e.hash);
    if (Status s = insert->run(); !s)
        return s.error();
    return e;
}

Result<QList<AuditEntry>> AuditLog::entries(qint64 afterSeq, int limit) const
{
    auto q = m_connection.prepare(
        QStringLiteral("SELECT seq, idempotency_key, at, actor, action, subject, prev_hash, hash FROM audit_log "
                       "WHERE seq > ? ORDER BY seq LIMIT ?"));
    if (!q)
        return q.error();
    q->bind(1, afterSeq).bind(2, limit);
    QList<AuditEntry> out;
    while (q->step()) {
        AuditEntry e;
        e.seq = q->int64(0);
        e.idempotencyKey = q->text(1);
        e.at = QDateTime::fromString(q->text(2), Qt::ISODate);
        e.actor = q->text(3);
        e.action = q->text(4);
        e.subject = q->text(5);
        e.prevHash = q->text(6);
        e.hash = q->text(7);
        out.append(e);
    }
    return out;
}

Status AuditLog::verify() const
{
    QString prev = QStringLiteral("");
    qint64 after = 0;
    qint64 expectedSeq = 1;
    while (true) {
        auto batch = entries(after, 5000);
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            return {};
        for (const AuditEntry& e : *batch) {
            if (e.seq != expectedSeq || e.prevHash != prev || computeHash(e) != e.hash)
                return Error{QStringLiteral("audit_chain_broken"),
                             QStringLiteral("the audit chain is broken at entry %1").arg(e.seq)};
            prev = e.hash;
            ++expectedSeq;
            after = e.seq;
        }
    }
}

} // namespace adm::security
