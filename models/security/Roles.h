#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace adm {

// The roles of the upstream contract; a local user has exactly one.
namespace role {
inline const QString Clerk = QStringLiteral("clerk");
inline const QString Reviewer = QStringLiteral("reviewer");
inline const QString Principal = QStringLiteral("principal");
inline const QString Supervisor = QStringLiteral("supervisor");
inline QStringList all()
{
    return {Clerk, Reviewer, Principal, Supervisor};
}
inline bool isValid(const QString& r)
{
    return all().contains(r);
}
inline QString displayName(const QString& r)
{
    if (r == Clerk)
        return QCoreApplication::translate("Role", "Counter clerk");
    if (r == Reviewer)
        return QCoreApplication::translate("Role", "Admissions officer");
    if (r == Principal)
        return QCoreApplication::translate("Role", "Principal");
    if (r == Supervisor)
        return QCoreApplication::translate("Role", "Bureau supervisor");
    return r;
}
} // namespace role

} // namespace adm
