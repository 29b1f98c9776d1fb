#include "SchoolSettingsStore.h"

#include "Sql.h"
#include "security/AuditLog.h"

#include <QCoreApplication>

namespace adm::store {

namespace {
const QString kPrincipalPrefix = QStringLiteral("settings.principal_decides.");
}

Result<security::SchoolSettings> SchoolSettingsStore::load(Connection& connection)
{
    // substr, not LIKE: a school id may hold '_' or '%'.
    auto q = connection.prepare(QStringLiteral("SELECT substr(key, ?) FROM meta WHERE substr(key, 1, ?) = ? "
                                               "AND value = '1'"));
    if (!q)
        return q.error();
    q->bind(1, qint64(kPrincipalPrefix.size() + 1)).bind(2, qint64(kPrincipalPrefix.size())).bind(3, kPrincipalPrefix);
    security::SchoolSettings settings;
    Error error;
    while (q->step(&error))
        settings.principalDecides.insert(q->text(0));
    if (!error.code.isEmpty())
        return error;
    return settings;
}

Status SchoolSettingsStore::setPrincipalDecides(Connection& writer, security::AuditLog& audit, const QString& actor,
                                                const QString& schoolId, bool on)
{
    Transaction tx(writer);
    if (!tx.beginStatus())
        return tx.beginStatus();
    auto school = writer.prepare(QStringLiteral("SELECT 1 FROM schools WHERE id = ?"));
    if (!school)
        return school.error();
    school->bind(1, schoolId);
    if (!school->step())
        return Error{QStringLiteral("not_found"),
                     QCoreApplication::translate("SchoolSettingsStore",
                                                 "There is no school %1 on this workstation. Check the id, or sync "
                                                 "to receive it.")
                         .arg(schoolId)};
    auto write = writer.prepare(on ? QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')")
                                   : QStringLiteral("DELETE FROM meta WHERE key = ?"));
    if (!write)
        return write.error();
    write->bind(1, kPrincipalPrefix + schoolId);
    if (Status s = write->run(); !s)
        return s;
    if (auto e = audit.append(
            actor, QStringLiteral("settings.principal_decides"),
            QStringLiteral("school=%1 value=%2").arg(schoolId, on ? QStringLiteral("on") : QStringLiteral("off")));
        !e)
        return e.error();
    return tx.commit();
}

Result<QStringList> SchoolSettingsStore::schoolIds(Connection& connection, int limit)
{
    auto q = connection.prepare(QStringLiteral("SELECT id FROM schools ORDER BY id LIMIT ?"));
    if (!q)
        return q.error();
    q->bind(1, qint64(limit));
    QStringList ids;
    while (q->step())
        ids << q->text(0);
    return ids;
}

} // namespace adm::store
