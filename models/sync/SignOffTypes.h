#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// The values of the principal's sign-off (issue 14; docs/signoff.md), for the CLI and the GUI alike:
// plain values, no cache types.
namespace adm::sync {

namespace batchstate {
inline const QString Draft = QStringLiteral("draft");       // made, not signed: items can be seen and returned
inline const QString Signed = QStringLiteral("signed");     // signed, waiting in the outbox
inline const QString Sent = QStringLiteral("sent");         // sent at least once; the answer has not come
inline const QString Accepted = QStringLiteral("accepted"); // the platform took it (or had it: duplicate)
inline const QString Conflict = QStringLiteral("conflict"); // an item's application moved on upstream
inline const QString Invalid = QStringLiteral("invalid");   // refused (bad_signature, unknown_key, …)
} // namespace batchstate

// Why a decision is an override: it differs from the automatic check.
namespace overridekind {
inline const QString CategoryChanged = QStringLiteral("category_changed");          // approved in another category
inline const QString ApprovedNotEligible = QStringLiteral("approved_not_eligible"); // the check found none
inline const QString RejectedEligible = QStringLiteral("rejected_eligible");        // the check found a category
inline const QString NotChecked = QStringLiteral("not_checked");                    // approved with no check result
} // namespace overridekind

// One decision of a school, as a batch holds it (or would hold it).
struct SignOffDecision {
    QString applicationId;
    qint64 version = 0; // the application's version the signature covers
    QString outcome;    // approve | reject
    QString category;   // approve: A | B | C; reject: empty
    QString reasonCode;
    QString note;
    QString decidedBy; // the officer's hub account
    QDateTime decidedAt;
    QString checkCategory;  // what the automatic check found: A | B | C | none; empty: no result
    QStringList flags;      // the check's flags
    QString overrideKind;   // empty: the decision follows the check
    QString overrideReason; // the officer's reason: "reason_code: note"

    bool isOverride() const { return !overrideKind.isEmpty(); }
    bool isFlaggedApproval() const { return outcome == QLatin1String("approve") && !flags.isEmpty(); }
    // Sets overrideKind and overrideReason from the outcome, the category and the check.
    void classify();
    QJsonObject toJson() const;
};

// An item of a batch, with what the principal must see about it.
struct BatchItem : SignOffDecision {
    QDateTime seenAt;     // the override was marked seen
    QString returnedNote; // taken out and sent back to the officer
    QDateTime returnedAt;
    QString returnedBy;
    qint64 cachedVersion = 0;        // the application's version in the cache now (0: not in the cache)
    bool stale = false;              // the application or its decision changed since the batch was made
    QStringList declaredBy;          // local users who declared a relative named on the application
    bool decidedByDeclarant = false; // the officer who decided it is one of them (through their hub account)

    bool isReturned() const { return !returnedNote.isEmpty(); }
    bool needsSeeing() const { return isOverride() && !seenAt.isValid(); }
    QJsonObject toJson() const;
};

// A batch as lists show it.
struct BatchSummary {
    QString id;
    QString schoolId;
    QString title;
    QDateTime createdAt;
    QString createdBy;
    QString state; // batchstate: the stored state brought up to date with its outbox item's answer
    QDateTime signedAt;
    QString keyId;
    QString algorithm;
    QString fingerprint;
    qint64 outboxId = 0;
    QString resultCode; // the platform's answer when it refused (conflict or invalid)
    QString resultMessage;
    QString resultId;   // with a conflict: the application that moved on
    QString replacedBy; // the draft made from it without the items that moved on
    QString advice;     // what to do now, as a sentence (conflict, invalid), else empty
    int items = 0;      // in the batch (returned ones not counted)
    int overrides = 0;
    int unseen = 0; // overrides not marked seen yet
    int returned = 0;
    QJsonObject toJson() const;
};

// Approvals against the school's seats, category by category in priority order (A fills seats first).
struct SeatLine {
    QString category;
    qint64 inBatch = 0;    // approvals of this category in the batch
    qint64 approved = 0;   // approved applications of the school in this category (the batch's included)
    qint64 cumulative = 0; // approved in this category and those before it
    bool over = false;     // cumulative > capacity
};
struct BatchSeats {
    QString schoolId;
    QString schoolName;
    qint64 capacity = 0; // 0: not known
    qint64 approved = 0; // all approved applications of the school in the cache
    QList<SeatLine> categories;
    bool over() const { return capacity > 0 && approved > capacity; }
    QString warning; // a sentence when over capacity
    QJsonObject toJson() const;
};

// What the principal sees before signing.
struct BatchReview {
    BatchSummary batch;
    QList<BatchItem> items;    // in the batch, by application id
    QList<BatchItem> returned; // taken out and sent back
    BatchSeats seats;
    QList<BatchItem> overrides() const;
    QList<BatchItem> flaggedApprovals() const;
    QList<BatchItem> related() const; // a declared relationship names a person of the application
    QList<BatchItem> stale() const;
    QJsonObject toJson() const;
};

} // namespace adm::sync
