#pragma once

#include "SignOffTypes.h"
#include "domain/Result.h"
#include "security/SecretBytes.h"

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace adm::store {
class Connection;
}
namespace adm::security {
class AuditLog;
}

namespace adm::sync {

// What a new batch takes from the candidates (SignOffReads::candidates).
struct BatchSelection {
    QString title;    // required, at most 200 characters
    QString schoolId; // required
    QString outcome;  // approve | reject; empty: both
    QDate from;       // decision dates (local), inclusive; invalid: open
    QDate to;
};

// The principal's sign-off (issue 14; docs/signoff.md), for the CLI and the GUI alike, beside the outbox
// it writes to. A batch is made as a draft from the school's accepted decisions; the principal sees
// the seats, the overrides (each marked seen), the flagged approvals and the declared relationships
// (SignOffReads::review), may return items to their officer, then signs it with the passphrase asked
// again. sign() stores the exact canonical bytes and the signature, queues the batch (POST
// /api/v1/batches, one idempotency key for ever) and writes the audit entry in one transaction: a
// crash loses all or nothing, and a signed batch is sent once. A batch the platform refused as a
// conflict (an application moved on) is replaced by a new draft without those items.
//
// Every write checks the role first (security::Action::SignBatches: principals only; error
// "role_not_allowed") and writes its audit entry in its own transaction. Uses the writer connection:
// only on its owning thread.
class SignOff {
public:
    // `account`: the hub account that signs (the batch's signer; the hub refuses any other).
    SignOff(store::Connection& writer, security::AuditLog& audit, QString localUser, QString role, QString account);

    // A draft with the candidates the selection takes. Errors: "bad_input" (the message names what),
    // "nothing_to_sign" (no candidate fits the selection). Audit "batch.create".
    Result<BatchSummary> createBatch(const BatchSelection& selection);
    // Marks an override seen (audit "batch.seen"). Errors: "not_found", "not_draft", "not_override".
    Status markSeen(const QString& batchId, const QString& applicationId);
    // Marks every override of the batch seen (for scripts); returns how many were marked.
    Result<int> markAllSeen(const QString& batchId);
    // Takes an item out of a draft and sends it back to its officer with `note` (required): it stays
    // in batch_items with the note (SignOffReads::returnedItems) and out of new batches until the
    // application changes. Audit "batch.return".
    Status returnItem(const QString& batchId, const QString& applicationId, const QString& note);
    // Signs a draft with the user's current signing key, unwrapped with `passphrase`. Errors:
    // "role_not_allowed", "no_account", "no_signing_key", "wrong_passphrase", "not_found", "not_draft",
    // "empty_batch", "overrides_not_seen" (the message lists them), "items_moved_on" (an application or
    // its decision changed since the batch was made: make a new batch), "declared_relation" (the user
    // declared a relative named on an item; each refusal is audited as "relation.refuse" although
    // nothing else is written). Audit "batch.sign".
    Result<BatchSummary> sign(const QString& batchId, const security::SecretBytes& passphrase);
    // For a batch the platform refused (conflict, or invalid once the cause is fixed): a new draft
    // with the items whose application is still as signed, without those that moved on (the
    // conflict's application, and any whose cached version or decision differs). The old batch is
    // marked replaced and its outbox item dropped. `dropped` receives the ids left out. Errors:
    // "not_found", "not_refused", "already_replaced", "nothing_left". Audit "batch.renew".
    Result<BatchSummary> newBatchWithout(const QString& batchId, QStringList* dropped = nullptr);
    // Deletes a draft (audit "batch.discard"). Error "not_draft".
    Status discard(const QString& batchId);
    // Writes `batch.json` (the exact signed bytes), `batch.sig` (the raw signature) and `signer.pem`
    // (the public key) into `dir`, made if needed; docs/signoff.md says how to check them with
    // openssl. Any role may (the files are public). Audit "batch.export". Errors: "not_found",
    // "not_signed", "write_failed".
    Status exportBatch(const QString& batchId, const QString& dir);

    // Stores the platform's answers to signed batches (state, code, message) and to signing keys
    // (registered). Reads do not need it (they join the outbox); the writer's operations call it, and
    // the sync pass after each push (settleAnswers), so that the stored state is the platform's answer.
    Status settle() { return settleAnswers(m_writer); }
    static Status settleAnswers(store::Connection& writer);

private:
    Status allowed() const;
    Result<BatchSummary> load(const QString& batchId) const;
    Result<BatchSummary> signInTransaction(const QString& batchId, const security::SecretBytes& privateKey,
                                           const QString& keyId, QStringList* relatedItems);
    Status insertItem(const QString& batchId, const SignOffDecision& d, const QString& seenAt = {});
    Result<BatchSummary> insertBatch(const QString& title, const QString& schoolId,
                                     const QList<QPair<SignOffDecision, QString>>& items);

    store::Connection& m_writer;
    security::AuditLog& m_audit;
    QString m_localUser;
    QString m_role;
    QString m_account;
};

} // namespace adm::sync
