#include "SignOff.h"

#include "Outbox.h"
#include "Relations.h"
#include "SignOffReads.h"
#include "SigningKeys.h"
#include "SyncTypes.h"
#include "domain/CanonicalJson.h"
#include "domain/JsonCodec.h"
#include "security/AuditLog.h"
#include "security/Permissions.h"
#include "security/Signatures.h"
#include "store/Sql.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QSaveFile>
#include <QUuid>

namespace adm::sync {

namespace {

constexpr int kMaxTitle = 200; // the contract's limit (InputRules: batch.title)
constexpr int kMaxNote = 2000;

QString now()
{
    return json::formatTime(QDateTime::currentDateTimeUtc());
}

Error bad(const QString& code, const QString& message)
{
    return Error{code, message};
}

Error notFound(const QString& batchId)
{
    return bad(QStringLiteral("not_found"), SyncText::tr("There is no batch %1 on this workstation.").arg(batchId));
}

Error notDraft(const BatchSummary& b)
{
    return bad(QStringLiteral("not_draft"),
               SyncText::tr("Batch %1 is %2, not a draft: it cannot be changed or signed again.").arg(b.id, b.state));
}

// Whether another live batch than `except` holds the application at `version` (SignOffReads' rule).
Result<bool> heldElsewhere(store::Connection& c, const QString& applicationId, qint64 version, const QString& except)
{
    auto q = c.prepare(
        QStringLiteral("SELECT 1 FROM batch_items bi JOIN batches b ON b.id = bi.batch_id LEFT JOIN outbox bo ON "
                       "bo.id = b.outbox_id WHERE bi.application_id = ? AND bi.version = ? AND bi.batch_id <> ? AND "
                       "(bi.returned_note IS NOT NULL OR (b.replaced_by IS NULL AND b.state <> 'invalid' AND "
                       "coalesce(bo.state, '') NOT IN ('invalid', 'dropped'))) LIMIT 1"));
    if (!q)
        return q.error();
    q->bind(1, applicationId).bind(2, version).bind(3, except);
    return q->step();
}

// A batch item as the contract has it: a rejection carries no category.
QJsonObject contractItem(const SignOffDecision& d)
{
    QJsonObject o{{QStringLiteral("application_id"), d.applicationId},
                  {QStringLiteral("version"), d.version},
                  {QStringLiteral("outcome"), d.outcome}};
    if (!d.category.isEmpty())
        o.insert(QStringLiteral("category"), d.category);
    return o;
}

Status writeFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return bad(QStringLiteral("write_failed"), SyncText::tr("Cannot write %1: %2").arg(path, f.errorString()));
    return {};
}

} // namespace

SignOff::SignOff(store::Connection& writer, security::AuditLog& audit, QString localUser, QString role, QString account)
    : m_writer(writer)
    , m_audit(audit)
    , m_localUser(std::move(localUser))
    , m_role(std::move(role))
    , m_account(std::move(account))
{}

Status SignOff::allowed() const
{
    if (!security::may(m_role, security::Action::SignBatches))
        return security::refusal(m_role, security::Action::SignBatches);
    return {};
}

Result<BatchSummary> SignOff::load(const QString& batchId) const
{
    auto found = SignOffReads::find(m_writer, batchId);
    if (!found)
        return found.error();
    if (!*found)
        return notFound(batchId);
    return **found;
}

Status SignOff::settleAnswers(store::Connection& writer)
{
    if (Status s = writer.exec(QStringLiteral(
            "UPDATE batches SET "
            "state = (SELECT CASE o.state WHEN 'done' THEN 'accepted' WHEN 'conflict' THEN 'conflict' "
            "WHEN 'invalid' THEN 'invalid' WHEN 'pending' THEN CASE WHEN o.attempts > 0 THEN 'sent' ELSE 'signed' END "
            "ELSE 'invalid' END FROM outbox o WHERE o.id = batches.outbox_id), "
            "result_code = (SELECT CASE WHEN o.state IN ('dropped', 'superseded') THEN 'dropped' ELSE o.result_code "
            "END FROM outbox o WHERE o.id = batches.outbox_id), "
            "result_message = (SELECT o.result_message FROM outbox o WHERE o.id = batches.outbox_id) "
            "WHERE state IN ('signed', 'sent') AND EXISTS (SELECT 1 FROM outbox o WHERE o.id = batches.outbox_id)"));
        !s)
        return s;
    return SigningKeys::settle(writer);
}

Status SignOff::insertItem(const QString& batchId, const SignOffDecision& d, const QString& seenAt)
{
    auto q = m_writer.prepare(QStringLiteral(
        "INSERT INTO batch_items (batch_id, application_id, version, outcome, category, decided_by, decided_at, "
        "reason_code, note, check_category, override, override_reason, seen_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!q)
        return q.error();
    auto text = [](const QString& s) { return s.isEmpty() ? QString() : s; }; // "" binds NULL
    q->bind(1, batchId).bind(2, d.applicationId).bind(3, d.version).bind(4, d.outcome).bind(5, text(d.category));
    q->bind(6, text(d.decidedBy)).bind(7, d.decidedAt.isValid() ? json::formatTime(d.decidedAt) : QString());
    q->bind(8, text(d.reasonCode)).bind(9, text(d.note)).bind(10, text(d.checkCategory));
    q->bind(11, d.isOverride() ? 1 : 0).bind(12, text(d.overrideReason)).bind(13, text(seenAt));
    return q->run();
}

Result<BatchSummary> SignOff::insertBatch(const QString& title, const QString& schoolId,
                                          const QList<QPair<SignOffDecision, QString>>& items)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto q = m_writer.prepare(QStringLiteral(
        "INSERT INTO batches (id, school_id, title, created_at, created_by, state) VALUES (?, ?, ?, ?, ?, 'draft')"));
    if (!q)
        return q.error();
    q->bind(1, id).bind(2, schoolId).bind(3, title).bind(4, now()).bind(5, m_localUser);
    if (Status s = q->run(); !s)
        return s.error();
    for (const auto& [decision, seenAt] : items)
        if (Status s = insertItem(id, decision, seenAt); !s)
            return s.error();
    return load(id);
}

Result<BatchSummary> SignOff::createBatch(const BatchSelection& selection)
{
    if (Status s = allowed(); !s)
        return s.error();
    const QString title = selection.title.trimmed();
    if (title.isEmpty() || title.size() > kMaxTitle)
        return bad(QStringLiteral("bad_input"),
                   SyncText::tr("Give the batch a title of 1 to %1 characters (for example \"First round, "
                                "approvals\").")
                       .arg(kMaxTitle));
    if (selection.schoolId.trimmed().isEmpty())
        return bad(QStringLiteral("bad_input"), SyncText::tr("Say which school the batch is for."));
    if (!selection.outcome.isEmpty() && selection.outcome != QLatin1String("approve") &&
        selection.outcome != QLatin1String("reject"))
        return bad(
            QStringLiteral("bad_input"),
            SyncText::tr("A batch holds approvals or rejections (or both): \"%1\" is neither.").arg(selection.outcome));
    if (selection.from.isValid() && selection.to.isValid() && selection.from > selection.to)
        return bad(QStringLiteral("bad_input"),
                   SyncText::tr("The first decision date (%1) is after the last (%2).")
                       .arg(selection.from.toString(Qt::ISODate), selection.to.toString(Qt::ISODate)));
    const QString school = selection.schoolId.trimmed();

    store::Transaction tx(m_writer);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    if (Status s = settle(); !s)
        return s.error();
    auto known = m_writer.prepare(QStringLiteral("SELECT 1 FROM schools WHERE id = ?"));
    if (!known)
        return known.error();
    known->bind(1, school);
    if (!known->step())
        return bad(QStringLiteral("bad_input"),
                   SyncText::tr("There is no school %1 on this workstation. Check the number, or sync.").arg(school));
    auto candidates = SignOffReads::candidates(m_writer, school);
    if (!candidates)
        return candidates.error();
    QList<QPair<SignOffDecision, QString>> items;
    int overrides = 0;
    for (auto it = candidates->cbegin(); it != candidates->cend(); ++it) {
        if (!selection.outcome.isEmpty() && it.key() != selection.outcome)
            continue;
        for (const SignOffDecision& d : it.value()) {
            const QDate day = d.decidedAt.toLocalTime().date();
            if ((selection.from.isValid() && (!day.isValid() || day < selection.from)) ||
                (selection.to.isValid() && (!day.isValid() || day > selection.to)))
                continue;
            items.append({d, QString()});
            overrides += d.isOverride() ? 1 : 0;
        }
    }
    if (items.isEmpty())
        return bad(QStringLiteral("nothing_to_sign"),
                   SyncText::tr("No decision of school %1 waits for a signature in this selection: every accepted "
                                "decision is signed or in a batch already, or none was made in those dates. Sync to "
                                "receive the latest decisions.")
                       .arg(school));
    std::sort(items.begin(), items.end(),
              [](const auto& a, const auto& b) { return a.first.applicationId < b.first.applicationId; });
    auto batch = insertBatch(title, school, items);
    if (!batch)
        return batch.error();
    if (auto e = m_audit.append(m_localUser, QStringLiteral("batch.create"),
                                QStringLiteral("batch=%1 school=%2 items=%3 overrides=%4")
                                    .arg(batch->id, school)
                                    .arg(items.size())
                                    .arg(overrides));
        !e)
        return e.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    qCInfo(lcSync) << "batch made:" << batch->id << "items" << items.size();
    return *batch;
}

Status SignOff::markSeen(const QString& batchId, const QString& applicationId)
{
    if (Status s = allowed(); !s)
        return s;
    store::Transaction tx(m_writer);
    if (!tx.beginStatus())
        return tx.beginStatus();
    auto batch = load(batchId);
    if (!batch)
        return batch.error();
    if (batch->state != batchstate::Draft)
        return notDraft(*batch);
    auto q = m_writer.prepare(QStringLiteral("SELECT override, seen_at FROM batch_items WHERE batch_id = ? AND "
                                             "application_id = ? AND returned_note IS NULL"));
    if (!q)
        return q.error();
    q->bind(1, batch->id).bind(2, applicationId.trimmed());
    if (!q->step())
        return bad(QStringLiteral("not_found"),
                   SyncText::tr("Application %1 is not in batch %2.").arg(applicationId.trimmed(), batch->id));
    if (q->int64(0) == 0)
        return bad(QStringLiteral("not_override"),
                   SyncText::tr("The decision on %1 follows the automatic check: there is no override to mark seen.")
                       .arg(applicationId.trimmed()));
    if (!q->isNull(1))
        return {}; // seen already
    auto u = m_writer.prepare(
        QStringLiteral("UPDATE batch_items SET seen_at = ? WHERE batch_id = ? AND application_id = ?"));
    if (!u)
        return u.error();
    u->bind(1, now()).bind(2, batch->id).bind(3, applicationId.trimmed());
    if (Status s = u->run(); !s)
        return s;
    if (auto e = m_audit.append(m_localUser, QStringLiteral("batch.seen"),
                                QStringLiteral("batch=%1 application=%2").arg(batch->id, applicationId.trimmed()));
        !e)
        return e.error();
    return tx.commit();
}

Result<int> SignOff::markAllSeen(const QString& batchId)
{
    if (Status s = allowed(); !s)
        return s.error();
    store::Transaction tx(m_writer);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    auto batch = load(batchId);
    if (!batch)
        return batch.error();
    if (batch->state != batchstate::Draft)
        return notDraft(*batch);
    auto u = m_writer.prepare(QStringLiteral("UPDATE batch_items SET seen_at = ? WHERE batch_id = ? AND override = 1 "
                                             "AND seen_at IS NULL AND returned_note IS NULL"));
    if (!u)
        return u.error();
    u->bind(1, now()).bind(2, batch->id);
    if (Status s = u->run(); !s)
        return s.error();
    const int marked = int(m_writer.changes());
    if (marked > 0)
        if (auto e = m_audit.append(m_localUser, QStringLiteral("batch.seen"),
                                    QStringLiteral("batch=%1 all=%2").arg(batch->id).arg(marked));
            !e)
            return e.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return marked;
}

Status SignOff::returnItem(const QString& batchId, const QString& applicationId, const QString& note)
{
    if (Status s = allowed(); !s)
        return s;
    const QString text = note.trimmed();
    if (text.isEmpty() || text.size() > kMaxNote)
        return bad(QStringLiteral("bad_input"),
                   SyncText::tr("Say in a note (at most %1 characters) why the decision goes back to its officer.")
                       .arg(kMaxNote));
    store::Transaction tx(m_writer);
    if (!tx.beginStatus())
        return tx.beginStatus();
    auto batch = load(batchId);
    if (!batch)
        return batch.error();
    if (batch->state != batchstate::Draft)
        return notDraft(*batch);
    auto u = m_writer.prepare(
        QStringLiteral("UPDATE batch_items SET returned_note = ?, returned_at = ?, returned_by = ? WHERE batch_id = ? "
                       "AND application_id = ? AND returned_note IS NULL"));
    if (!u)
        return u.error();
    u->bind(1, text).bind(2, now()).bind(3, m_localUser).bind(4, batch->id).bind(5, applicationId.trimmed());
    if (Status s = u->run(); !s)
        return s;
    if (m_writer.changes() != 1)
        return bad(QStringLiteral("not_found"),
                   SyncText::tr("Application %1 is not in batch %2.").arg(applicationId.trimmed(), batch->id));
    // The note is for the officer and may name people: the audit log says only what was returned.
    if (auto e = m_audit.append(m_localUser, QStringLiteral("batch.return"),
                                QStringLiteral("batch=%1 application=%2").arg(batch->id, applicationId.trimmed()));
        !e)
        return e.error();
    return tx.commit();
}

Result<BatchSummary> SignOff::sign(const QString& batchId, const security::SecretBytes& passphrase)
{
    if (Status s = allowed(); !s)
        return s.error();
    if (m_account.isEmpty())
        return bad(code::NoAccount,
                   SyncText::tr("A batch is signed for your account on the city platform, and this workstation does "
                                "not know it yet: sign in once (admissionsctl login), then sign."));
    // The batch first (read only): a mistyped id is said as such, before any passphrase is tried.
    auto batch = load(batchId.trimmed());
    if (!batch)
        return batch.error();
    if (batch->state != batchstate::Draft)
        return notDraft(*batch);
    auto key = SigningKeys::current(m_writer, m_localUser, m_account);
    if (!key)
        return key.error();
    if (!*key)
        return bad(QStringLiteral("no_signing_key"),
                   SyncText::tr("You have no signing key for account %1 yet: generate one first.").arg(m_account));
    // Before the transaction: unwrapping takes a moment (the passphrase's key derivation).
    auto privateKey = SigningKeys::unlockPrivateKey(m_writer, m_localUser, passphrase, (*key)->keyId);
    if (!privateKey)
        return privateKey.error();
    QStringList related;
    auto signedBatch = signInTransaction(batchId.trimmed(), *privateKey, (*key)->keyId, &related);
    // A refusal for a declared relationship is recorded although nothing else is: after the rollback.
    if (!signedBatch && signedBatch.error().code == kDeclaredRelation)
        for (const QString& application : std::as_const(related))
            if (Status s = Relations::recordRefusal(m_audit, m_localUser, application, QStringLiteral("sign"),
                                                    batchId.trimmed());
                !s)
                return s.error();
    return signedBatch;
}

Result<BatchSummary> SignOff::signInTransaction(const QString& batchId, const security::SecretBytes& privateKey,
                                                const QString& keyId, QStringList* relatedItems)
{
    store::Transaction tx(m_writer);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    if (Status s = settle(); !s)
        return s.error();
    auto review = SignOffReads::review(m_writer, batchId);
    if (!review)
        return review.error();
    const BatchSummary& batch = review->batch;
    if (batch.state != batchstate::Draft)
        return notDraft(batch);
    if (review->items.isEmpty())
        return bad(
            QStringLiteral("empty_batch"),
            SyncText::tr("Batch %1 holds no decision (all were returned): there is nothing to sign.").arg(batchId));
    QStringList unseen, stale;
    for (const BatchItem& item : std::as_const(review->items)) {
        if (item.declaredBy.contains(m_localUser))
            relatedItems->append(item.applicationId);
        if (item.needsSeeing())
            unseen.append(item.applicationId);
        if (item.stale)
            stale.append(item.applicationId);
    }
    if (!relatedItems->isEmpty())
        return Relations::refusal(relatedItems->join(QStringLiteral(", ")), QStringLiteral("sign"));
    if (!unseen.isEmpty())
        return bad(QStringLiteral("overrides_not_seen"),
                   SyncText::tr("Mark every override as seen before signing; not seen yet: %1.")
                       .arg(unseen.join(QStringLiteral(", "))));
    if (!stale.isEmpty())
        return bad(QStringLiteral("items_moved_on"),
                   SyncText::tr("These applications or their decisions changed since the batch was made: %1. Take "
                                "them out of the batch (return them), or discard it and make a new one.")
                       .arg(stale.join(QStringLiteral(", "))));
    auto key = SigningKeys::find(m_writer, keyId);
    if (!key)
        return key.error();
    if (!*key)
        return bad(QStringLiteral("no_signing_key"), SyncText::tr("There is no signing key %1.").arg(keyId));
    const auto algorithm = crypto::signatureAlgorithmFromName((*key)->algorithm);
    if (!algorithm)
        return bad(QStringLiteral("bad_private_key"),
                   SyncText::tr("Signing key %1 has an unknown algorithm.").arg(keyId));

    QJsonArray items;
    for (const BatchItem& item : std::as_const(review->items))
        items.append(contractItem(item));
    const QJsonObject object{{QStringLiteral("id"), batch.id},
                             {QStringLiteral("school_id"), batch.schoolId},
                             {QStringLiteral("title"), batch.title},
                             {QStringLiteral("created_at"), json::formatTime(batch.createdAt)},
                             {QStringLiteral("signer"), m_account},
                             {QStringLiteral("key_id"), keyId},
                             {QStringLiteral("algorithm"), (*key)->algorithm},
                             {QStringLiteral("items"), items}};
    const QByteArray canonical = json::canonical(object);
    auto signature = crypto::signMessage(privateKey, *algorithm, canonical);
    if (!signature)
        return signature.error();
    // What goes upstream must verify here first (a key row that does not match its private key).
    if (Status s = crypto::verifySignature((*key)->publicKeyPem, *algorithm, canonical, *signature); !s)
        return s.error();

    Outbox outbox(m_writer);
    auto item = outbox.enqueue(
        kind::Batch, batch.id,
        {{QStringLiteral("batch"), object}, {QStringLiteral("signature"), QString::fromLatin1(signature->toBase64())}},
        std::nullopt, m_localUser);
    if (!item)
        return item.error();
    auto u = m_writer.prepare(
        QStringLiteral("UPDATE batches SET state = 'signed', signed_at = ?, key_id = ?, canonical = ?, signature = ?, "
                       "outbox_id = ? WHERE id = ? AND state = 'draft'"));
    if (!u)
        return u.error();
    u->bind(1, now()).bind(2, keyId).bind(3, canonical).bind(4, *signature).bind(5, item->id).bind(6, batch.id);
    if (Status s = u->run(); !s)
        return s.error();
    const QString digest = QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
    if (auto e = m_audit.append(m_localUser, QStringLiteral("batch.sign"),
                                QStringLiteral("batch=%1 items=%2 key=%3 sha256=%4 item=%5")
                                    .arg(batch.id)
                                    .arg(items.size())
                                    .arg(keyId, digest)
                                    .arg(item->id));
        !e)
        return e.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    qCInfo(lcSync) << "batch signed:" << batch.id << "outbox item" << item->id;
    return load(batch.id);
}

Result<BatchSummary> SignOff::newBatchWithout(const QString& batchId, QStringList* dropped)
{
    if (Status s = allowed(); !s)
        return s.error();
    store::Transaction tx(m_writer);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    if (Status s = settle(); !s)
        return s.error();
    auto review = SignOffReads::review(m_writer, batchId.trimmed());
    if (!review)
        return review.error();
    const BatchSummary& old = review->batch;
    if (old.state != batchstate::Conflict && old.state != batchstate::Invalid)
        return bad(QStringLiteral("not_refused"),
                   SyncText::tr("Batch %1 is %2: only a batch the city platform refused is made again.")
                       .arg(old.id, old.state));
    if (!old.replacedBy.isEmpty())
        return bad(QStringLiteral("already_replaced"),
                   SyncText::tr("Batch %1 was made again already, as batch %2.").arg(old.id, old.replacedBy));
    QList<QPair<SignOffDecision, QString>> kept;
    QStringList left;
    for (const BatchItem& item : std::as_const(review->items)) {
        // The conflict names the application that moved on; the cache may not show it yet.
        bool keep = !item.stale && item.applicationId != old.resultId;
        if (keep) {
            auto elsewhere = heldElsewhere(m_writer, item.applicationId, item.version, old.id);
            if (!elsewhere)
                return elsewhere.error();
            keep = !*elsewhere;
        }
        if (keep)
            kept.append({item, item.seenAt.isValid() ? json::formatTime(item.seenAt) : QString()});
        else
            left.append(item.applicationId);
    }
    if (dropped)
        *dropped = left;
    if (kept.isEmpty())
        return bad(QStringLiteral("nothing_left"),
                   SyncText::tr("Every application of batch %1 moved on since it was signed: nothing is left to sign "
                                "again. Make a new batch from the decisions waiting.")
                       .arg(old.id));
    auto batch = insertBatch(old.title, old.schoolId, kept);
    if (!batch)
        return batch.error();
    auto u = m_writer.prepare(QStringLiteral("UPDATE batches SET replaced_by = ? WHERE id = ?"));
    if (!u)
        return u.error();
    u->bind(1, batch->id).bind(2, old.id);
    if (Status s = u->run(); !s)
        return s.error();
    // The refused item is settled: it leaves the conflicts list, and nothing sends it again.
    Outbox outbox(m_writer);
    if (old.outboxId > 0) {
        auto item = outbox.item(old.outboxId);
        if (!item)
            return item.error();
        if (*item && (*item)->isOpen())
            if (Status s = outbox.markDropped(old.outboxId); !s)
                return s.error();
    }
    if (auto e = m_audit.append(m_localUser, QStringLiteral("batch.renew"),
                                QStringLiteral("batch=%1 replaces=%2 items=%3 dropped=%4")
                                    .arg(batch->id, old.id)
                                    .arg(kept.size())
                                    .arg(left.isEmpty() ? QStringLiteral("-") : left.join(u',')));
        !e)
        return e.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return *batch;
}

Status SignOff::discard(const QString& batchId)
{
    if (Status s = allowed(); !s)
        return s;
    store::Transaction tx(m_writer);
    if (!tx.beginStatus())
        return tx.beginStatus();
    auto batch = load(batchId);
    if (!batch)
        return batch.error();
    if (batch->state != batchstate::Draft)
        return notDraft(*batch);
    for (const char* sql : {"DELETE FROM batch_items WHERE batch_id = ?", "DELETE FROM batches WHERE id = ?"}) {
        auto q = m_writer.prepare(QString::fromLatin1(sql));
        if (!q)
            return q.error();
        q->bind(1, batch->id);
        if (Status s = q->run(); !s)
            return s;
    }
    if (auto e =
            m_audit.append(m_localUser, QStringLiteral("batch.discard"), QStringLiteral("batch=%1").arg(batch->id));
        !e)
        return e.error();
    return tx.commit();
}

Status SignOff::exportBatch(const QString& batchId, const QString& dir)
{
    auto bytes = SignOffReads::signedBytes(m_writer, batchId);
    if (!bytes)
        return bytes.error();
    if (bytes->publicKeyPem.isEmpty())
        return bad(QStringLiteral("no_signing_key"),
                   SyncText::tr("The key that signed batch %1 is not on this workstation.").arg(batchId));
    if (!QDir().mkpath(dir))
        return bad(QStringLiteral("write_failed"), SyncText::tr("Cannot make the folder %1.").arg(dir));
    const QDir out(dir);
    if (Status s = writeFile(out.filePath(QStringLiteral("batch.json")), bytes->canonical); !s)
        return s;
    if (Status s = writeFile(out.filePath(QStringLiteral("batch.sig")), bytes->signature); !s)
        return s;
    if (Status s = writeFile(out.filePath(QStringLiteral("signer.pem")), bytes->publicKeyPem); !s)
        return s;
    if (auto e = m_audit.append(m_localUser, QStringLiteral("batch.export"),
                                QStringLiteral("batch=%1").arg(batchId.trimmed()));
        !e)
        return e.error();
    return {};
}

} // namespace adm::sync
