#pragma once

#include "domain/Result.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace adm::store {
class Connection;
}
namespace adm::security {
class AuditLog;
}

namespace adm::sync {

// One ID number a local user declared as a relative's (table relations, migration 11).
struct DeclaredRelation {
    QString user;
    QString idNumber; // in the encrypted cache only; screens and admissionsctl show it masked
    QString note;
    QDateTime declaredAt;
};

// Declared relationships (issue 14, docs/signoff.md "Declared relationships"): every local user may
// declare the ID numbers of relatives. They stay in the encrypted cache and are never sent upstream;
// the audit log records that a declaration was made (the user's count), never the number. An
// application that names a declared person as its child or a guardian cannot be decided
// (DecisionWorkflow) or signed off (SignOff) by the user who declared it: the workflows refuse it with
// code "declared_relation" and record the refusal in the audit log ("relation.refuse").
class Relations {
public:
    Relations(store::Connection& writer, security::AuditLog& audit, QString localUser);

    // Adds a declaration with its audit entry, in one transaction. True when it is new, false when
    // the user had declared this number already (nothing is written). Error "bad_input" (the message
    // says what is wrong with the number; nothing is written).
    Result<bool> declare(const QString& idNumber, const QString& note = {});

    // The reads take any connection (a reader's for the GUI) and write nothing.
    static Result<QList<DeclaredRelation>> list(store::Connection& connection, const QString& user);
    // Whether the application names a person `user` declared, as its child or a guardian.
    static Result<bool> relatedApplication(store::Connection& connection, const QString& user,
                                           const QString& applicationId);
    // Every application that names a person `user` declared (the queue shows them greyed).
    static Result<QSet<QString>> relatedApplications(store::Connection& connection, const QString& user);
    // The local users who declared a person the application names (sorted).
    static Result<QStringList> declaringUsers(store::Connection& connection, const QString& applicationId);

    // The refusal the workflows give for a related application (code "declared_relation"), with the
    // sentence for `action` ("decide" or "sign").
    static Error refusal(const QString& applicationId, const QString& action);
    // The audit entry of a refusal, in its own statement: call it after the refused transaction was
    // rolled back, so that the refusal is recorded although nothing else is.
    static Status recordRefusal(security::AuditLog& audit, const QString& user, const QString& applicationId,
                                const QString& action, const QString& batchId = {});

private:
    store::Connection& m_writer;
    security::AuditLog& m_audit;
    QString m_localUser;
};

inline const QString kDeclaredRelation = QStringLiteral("declared_relation");

} // namespace adm::sync
