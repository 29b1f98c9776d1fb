#pragma once

#include "SignOffTypes.h"
#include "domain/Result.h"

#include <QDate>
#include <QMap>
#include <optional>

namespace adm::store {
class Connection;
}

namespace adm::sync {

// The reads of the principal's sign-off. They take any connection (a reader's for the GUI) and write
// nothing; the state of a signed batch is read with its outbox item's answer, so it is current even
// before SignOff::settle stored it.
class SignOffReads {
public:
    // The school's decisions the platform accepted (the cached application is approved or rejected,
    // its decision not signed and in no batch upstream) that no batch of this workstation holds yet
    // (a batch holds its items unless it was refused and replaced; a returned item stays out until its
    // application changes), and with no decision of this workstation waiting in the outbox. Grouped by
    // outcome ("approve", "reject"), by application id.
    static Result<QMap<QString, QList<SignOffDecision>>> candidates(store::Connection& connection,
                                                                    const QString& schoolId);
    // The accepted, unsigned decision of one cached application, with the check's verdict; none when
    // the application is not decided (approved or rejected), is signed already or is not cached.
    static Result<std::optional<SignOffDecision>> cachedDecision(store::Connection& connection,
                                                                 const QString& applicationId);
    // The schools the cache holds applications of (a principal's: usually one).
    static Result<QStringList> schoolsWithApplications(store::Connection& connection);

    // Batches, newest first (of one school when given).
    static Result<QList<BatchSummary>> list(store::Connection& connection, const QString& schoolId = {});
    static Result<std::optional<BatchSummary>> find(store::Connection& connection, const QString& batchId);
    // Everything the principal sees before signing: items with overrides, flags, declared
    // relationships and whether they changed since; the items returned; the seats.
    // Error "not_found".
    static Result<BatchReview> review(store::Connection& connection, const QString& batchId);
    // The exact signed bytes, the signature and the signer's public key of a signed batch.
    struct SignedBytes {
        QByteArray canonical;
        QByteArray signature;
        QByteArray publicKeyPem;
        QString algorithm;
    };
    // Errors "not_found", "not_signed".
    static Result<SignedBytes> signedBytes(store::Connection& connection, const QString& batchId);
    // Items principals took out and sent back to their officer, newest first (for the reviewers' bin
    // "Returned by the principal"), of one school when given. Only those whose application has not
    // changed since (once the officer decides again, it is no longer waiting for them).
    static Result<QList<BatchItem>> returnedItems(store::Connection& connection, const QString& schoolId = {});
    // The item of one application returned to its officer, while the application has not changed.
    static Result<std::optional<BatchItem>> returnedItem(store::Connection& connection, const QString& applicationId);

    // The state a batch is in given its stored state and its outbox item's (empty: none).
    static QString effectiveState(const QString& stored, const QString& outboxState, int attempts);
};

} // namespace adm::sync
