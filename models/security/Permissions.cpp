#include "Permissions.h"

#include <QCoreApplication>

namespace adm::security {

bool isDecision(Action action)
{
    return action == Action::Decide || action == Action::RequestInfo || action == Action::Undo;
}

bool may(const QString& role, Action action, const SchoolSettings& settings, const QString& schoolId)
{
    if (!role::isValid(role) || action == Action::RevealIdWithoutReason)
        return false;
    switch (action) {
    case Action::ReadQueues:
    case Action::RevealId:
        return true; // every role; a reveal always with a reason in the audit log
    case Action::ReadScope:
        return role == role::Supervisor;
    case Action::Dashboards:
        // A principal sees the figures of the school (views::SupervisionReport::allowed).
        return role == role::Supervisor || role == role::Principal;
    case Action::Decide:
    case Action::RequestInfo:
    case Action::Undo:
        return role == role::Reviewer || (role == role::Principal && settings.principalMayDecide(schoolId));
    case Action::SignBatches:
        return role == role::Principal;
    case Action::CounterIntake:
        // The clerk's work; an officer or a principal standing in at the counter may take one too.
        return role == role::Clerk || role == role::Reviewer || role == role::Principal;
    case Action::RevealIdWithoutReason:
        break;
    }
    return false;
}

QString whoMay(Action action)
{
    switch (action) {
    case Action::ReadQueues:
        return QCoreApplication::translate(
            "Permissions", "Only a local user with a role (counter clerk, admissions officer, principal or bureau "
                           "supervisor) may read the queues.");
    case Action::ReadScope:
        return QCoreApplication::translate(
            "Permissions", "Only a bureau supervisor may read every school of a district or of the city.");
    case Action::Dashboards:
        return QCoreApplication::translate(
            "Permissions",
            "Only a bureau supervisor (its district or the city) or a principal (the school) may open the dashboards.");
    case Action::Decide:
        return QCoreApplication::translate(
            "Permissions",
            "Only an admissions officer (reviewer) may decide on an application, or a principal where the "
            "school allows it.");
    case Action::RequestInfo:
        return QCoreApplication::translate(
            "Permissions",
            "Only an admissions officer (reviewer) may ask a family for information, or a principal where the "
            "school allows it.");
    case Action::Undo:
        return QCoreApplication::translate(
            "Permissions",
            "Only an admissions officer (reviewer) may take back a decision, or a principal where the school "
            "allows it.");
    case Action::RevealId:
        return QCoreApplication::translate(
            "Permissions", "Only a local user with a role may see a full ID number, and only with a reason.");
    case Action::RevealIdWithoutReason:
        return QCoreApplication::translate("Permissions",
                                           "No one may see a full ID number without a reason: choose why you need it.");
    case Action::SignBatches:
        return QCoreApplication::translate("Permissions", "Only a principal may sign off a batch of decisions.");
    case Action::CounterIntake:
        return QCoreApplication::translate("Permissions",
                                           "Only a counter clerk, an admissions officer or a principal may enter "
                                           "applications at the counter; a supervisor may not.");
    }
    return {};
}

Error refusal(const QString& role, Action action)
{
    QString message =
        action == Action::RevealIdWithoutReason
            ? whoMay(action)
            : QCoreApplication::translate("Permissions", "You are signed in as %1, who may not do this. %2")
                  .arg(role::displayName(role), whoMay(action));
    if (role == role::Principal && isDecision(action))
        message += u' ' + QCoreApplication::translate(
                              "Permissions",
                              "This school does not let its principal decide; an administrator can allow it with "
                              "\"admissionsctl settings principal-decides on\".");
    return Error{kRoleNotAllowed, message};
}

Status rolesAgree(const QString& localRole, const QString& account, const QStringList& hubRoles)
{
    if (hubRoles.contains(localRole))
        return {};
    QStringList names;
    for (const QString& r : hubRoles)
        names << role::displayName(r);
    const QString hub =
        names.isEmpty() ? QCoreApplication::translate("Permissions", "no role") : names.join(QStringLiteral(", "));
    return Error{kRoleMismatch,
                 QCoreApplication::translate(
                     "Permissions",
                     "This local user's role is %1, but the hub account %2 has the role %3. "
                     "Sign in with a hub account of the same role, or ask an administrator for a local user "
                     "whose role matches the account (admissionsctl users add).")
                     .arg(role::displayName(localRole), account, hub)};
}

} // namespace adm::security
