#pragma once

#include "Roles.h"
#include "domain/Result.h"

#include <QSet>
#include <QString>

namespace adm::security {

// What a user may do. The one definition of the roles table (issue 11, docs/security.md "Roles"):
// the window offers only the actions may() allows, and the workflow objects refuse the others
// with the error of refusal().
enum class Action {
    ReadQueues,            // the queues and detail of the schools this workstation holds
    ReadScope,             // every school of a district or the city
    Dashboards,            // the supervision figures: a supervisor its scope, a principal the school
    Decide,                // approve or reject
    RequestInfo,           // ask a family for information
    Undo,                  // take back (drop) a decision still in the outbox, or one the hub refused
    RevealId,              // show a full ID number, with a reason in the audit log
    RevealIdWithoutReason, // no role may
    SignBatches,           // sign off a batch of decisions (a later issue)
    CounterIntake,         // enter a paper application at the counter (a later issue)
};

// The settings of the schools on this workstation that change what a role may do. Kept in the
// cache (store::SchoolSettingsStore) and changed with `admissionsctl settings`.
struct SchoolSettings {
    // Schools whose principal may decide (off by default: a principal reads and signs off).
    QSet<QString> principalDecides;

    // With an empty school: whether any school of this workstation allows it.
    bool principalMayDecide(const QString& schoolId = {}) const
    {
        return schoolId.isEmpty() ? !principalDecides.isEmpty() : principalDecides.contains(schoolId);
    }
};

// Whether `role` may take `action`; for the decisions of a principal, on an application of
// `schoolId` (empty: on any school of this workstation).
bool may(const QString& role, Action action, const SchoolSettings& settings = {}, const QString& schoolId = {});
// Whether the action decides on an application (Decide, RequestInfo, Undo).
bool isDecision(Action action);
// Who may take the action, as a sentence ("Only an admissions officer (reviewer) may decide…").
QString whoMay(Action action);
// The error (code "role_not_allowed") for a user of `role` who may not take `action`: their role,
// who may, and for a principal how the school can allow it.
Error refusal(const QString& role, Action action);

// The role of the local user must be one of the hub account's roles (POST /api/v1/sessions):
// else the error "role_mismatch", naming both and saying what to do. Signing in and enrolling
// are refused with it.
Status rolesAgree(const QString& localRole, const QString& account, const QStringList& hubRoles);

inline const QString kRoleNotAllowed = QStringLiteral("role_not_allowed");
inline const QString kRoleMismatch = QStringLiteral("role_mismatch");

} // namespace adm::security
