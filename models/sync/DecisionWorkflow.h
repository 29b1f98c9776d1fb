#pragma once

#include "Outbox.h"
#include "domain/Result.h"
#include "security/Permissions.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <optional>

namespace adm::store {
class Connection;
}
namespace adm::security {
class AuditLog;
}

namespace adm::sync {

// An information request is due this many days after it is made, unless the officer says otherwise.
inline constexpr int kDefaultDueDays = 7;

struct DecisionRequest {
    QString applicationId;
    QString outcome;               // approve | reject | request_info
    QString category;              // approve only; empty: the category the check found, else the one claimed
    QString reasonCode;            // a standard code (ReasonCodes) for this outcome
    QString note;                  // sent upstream: the family is told it (for request_info: what they must bring)
    QDate dueDate;                 // request_info only: by when; invalid: kDefaultDueDays from today
    QStringList evidenceRecordIds; // empty: the records the check used, else those about the application's people
};

// What a decision is checked against: the application as this workstation last saw it.
struct ApplicationSnapshot {
    QString id;
    qint64 version = 0;
    QString status;
    QString claimedCategory;
    QString targetSchoolId;
    QString checkedCategory; // A | B | C from eligibility_results; empty when unknown, stale or none
    QString policyId;
    QStringList checkedRecordIds;
    bool isOpen() const;
};

// Taking a decision, for the CLI and the GUI alike (models/sync, beside the outbox it writes to).
// It checks the decision against the cached application, then writes the outbox item and its audit
// entry in one transaction: a crash loses both or neither. The decision carries base_version, the
// version the reviewer saw, so that if the application moved on upstream meanwhile the hub answers
// `conflict` instead of applying it to something the reviewer never saw.
//
// Deciding again on an application whose earlier decision came back as a conflict (or invalid), or
// was not sent yet, supersedes that item. Uses the writer connection: only on its owning thread.
class DecisionWorkflow {
public:
    // `account`: the hub account decisions are made under (decided_by). When empty (a local user
    // without a hub account) decided_by is left out and the hub records the account that pushes.
    // `role`: the local user's role; a role that may not decide (security::may) is refused with
    // "role_not_allowed" before anything is read or written.
    DecisionWorkflow(store::Connection& writer, security::AuditLog& audit, QString localUser, QString role,
                     QString account);

    // Error codes: "role_not_allowed", "not_found", "application_closed", "bad_input", "reason_required",
    // "note_required", "decision_in_flight" (an earlier one was sent and its answer has not come), "sync_first" (the
    // hub reported a newer version than the cache holds: pull it before deciding again), "declared_relation" (this
    // user declared a relative named on the application: someone else decides; the refusal is recorded in the
    // audit log as "relation.refuse", in its own transaction, although nothing else is written).
    Result<OutboxItem> decide(const DecisionRequest& request);
    // The same checks without writing anything (a dialog enables its button with this).
    Status check(const DecisionRequest& request) const;
    // Drops an item the hub refused (conflict, invalid) or one never sent, with an audit entry.
    Status drop(qint64 itemId);

    Result<ApplicationSnapshot> snapshot(const QString& applicationId) const;

private:
    struct Checked {
        ApplicationSnapshot application;
        QString category;
        QDate dueDate; // request_info only
        QList<OutboxItem> superseded;
    };
    Result<Checked> validate(const DecisionRequest& request) const;
    Result<OutboxItem> write(const DecisionRequest& request); // decide() but the refusal's audit entry
    Result<QStringList> peopleRecordIds(const QString& applicationId) const;
    bool tableExists(const QString& name) const;
    // "role_not_allowed" unless this user's role may take the action on an application of the school.
    Status allowed(security::Action action, const QString& schoolId) const;

    store::Connection& m_writer;
    security::AuditLog& m_audit;
    QString m_localUser;
    QString m_role;
    QString m_account;
};

} // namespace adm::sync
