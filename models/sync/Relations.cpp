#include "Relations.h"

#include "SyncTypes.h"
#include "domain/IdNumber.h"
#include "domain/JsonCodec.h"
#include "security/AuditLog.h"
#include "store/Sql.h"

namespace adm::sync {

namespace {
constexpr int kMaxNote = 200;
} // namespace

Relations::Relations(store::Connection& writer, security::AuditLog& audit, QString localUser)
    : m_writer(writer)
    , m_audit(audit)
    , m_localUser(std::move(localUser))
{}

Result<bool> Relations::declare(const QString& idNumber, const QString& note)
{
    const IdNumber id = IdNumber::parse(idNumber.trimmed());
    if (!id.isValid())
        return Error{
            QStringLiteral("bad_input"),
            SyncText::tr("That is not a resident ID number: %1 Nothing was declared.").arg(id.problemMessage())};
    if (note.trimmed().size() > kMaxNote)
        return Error{
            QStringLiteral("bad_input"),
            SyncText::tr("The note is longer than %1 characters; shorten it. Nothing was declared.").arg(kMaxNote)};
    store::Transaction tx(m_writer);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    auto known = m_writer.prepare(QStringLiteral("SELECT 1 FROM relations WHERE user = ? AND id_number = ?"));
    if (!known)
        return known.error();
    known->bind(1, m_localUser).bind(2, id.text());
    if (known->step())
        return false;
    auto q = m_writer.prepare(
        QStringLiteral("INSERT INTO relations (user, id_number, note, declared_at) VALUES (?, ?, ?, ?)"));
    if (!q)
        return q.error();
    q->bind(1, m_localUser).bind(2, id.text());
    if (note.trimmed().isEmpty())
        q->bindNull(3);
    else
        q->bind(3, note.trimmed());
    q->bind(4, json::formatTime(QDateTime::currentDateTimeUtc()));
    if (Status s = q->run(); !s)
        return s.error();
    auto count = m_writer.prepare(QStringLiteral("SELECT count(*) FROM relations WHERE user = ?"));
    if (!count)
        return count.error();
    count->bind(1, m_localUser);
    const qint64 n = count->step() ? count->int64(0) : 0;
    // The audit log goes upstream: it says that a declaration was made, never whose number.
    if (auto e = m_audit.append(m_localUser, QStringLiteral("relation.declare"), QStringLiteral("declared=%1").arg(n));
        !e)
        return e.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return true;
}

Result<QList<DeclaredRelation>> Relations::list(store::Connection& c, const QString& user)
{
    auto q = c.prepare(
        QStringLiteral("SELECT user, id_number, note, declared_at FROM relations WHERE user = ? ORDER BY declared_at, "
                       "id_number"));
    if (!q)
        return q.error();
    q->bind(1, user);
    QList<DeclaredRelation> out;
    Error error;
    while (q->step(&error))
        out.append({q->text(0), q->text(1), q->text(2), json::parseTime(q->text(3))});
    if (!error.code.isEmpty())
        return error;
    return out;
}

Result<bool> Relations::relatedApplication(store::Connection& c, const QString& user, const QString& applicationId)
{
    auto q = c.prepare(
        QStringLiteral("SELECT 1 FROM application_people p JOIN relations r ON r.id_number = upper(p.id_number) "
                       "WHERE p.application_id = ? AND r.user = ? LIMIT 1"));
    if (!q)
        return q.error();
    q->bind(1, applicationId).bind(2, user);
    Error error;
    const bool found = q->step(&error);
    if (!error.code.isEmpty())
        return error;
    return found;
}

Result<QSet<QString>> Relations::relatedApplications(store::Connection& c, const QString& user)
{
    // Declared numbers are kept in upper case; a cached one may end in a lower-case x. Each side of
    // the OR is read from the people's index by ID number.
    auto q = c.prepare(QStringLiteral("SELECT DISTINCT p.application_id FROM relations r JOIN application_people p "
                                      "ON (p.id_number = r.id_number OR p.id_number = lower(r.id_number)) "
                                      "WHERE r.user = ?"));
    if (!q)
        return q.error();
    q->bind(1, user);
    QSet<QString> out;
    Error error;
    while (q->step(&error))
        out.insert(q->text(0));
    if (!error.code.isEmpty())
        return error;
    return out;
}

Result<QStringList> Relations::declaringUsers(store::Connection& c, const QString& applicationId)
{
    auto q =
        c.prepare(QStringLiteral("SELECT DISTINCT r.user FROM application_people p JOIN relations r "
                                 "ON r.id_number = upper(p.id_number) WHERE p.application_id = ? ORDER BY r.user"));
    if (!q)
        return q.error();
    q->bind(1, applicationId);
    QStringList out;
    Error error;
    while (q->step(&error))
        out.append(q->text(0));
    if (!error.code.isEmpty())
        return error;
    return out;
}

Error Relations::refusal(const QString& applicationId, const QString& action)
{
    if (action == QLatin1String("sign"))
        return Error{kDeclaredRelation,
                     SyncText::tr("You declared a relationship to a person named on application %1, so you may not "
                                  "sign it off: take it out of the batch (return it) and let someone else sign it.")
                         .arg(applicationId)};
    return Error{kDeclaredRelation,
                 SyncText::tr("You declared a relationship to a person named on application %1, so you may not decide "
                              "on it: someone else must decide. Nothing was saved.")
                     .arg(applicationId)};
}

Status Relations::recordRefusal(security::AuditLog& audit, const QString& user, const QString& applicationId,
                                const QString& action, const QString& batchId)
{
    QString subject = QStringLiteral("application=%1 action=%2").arg(applicationId, action);
    if (!batchId.isEmpty())
        subject += QStringLiteral(" batch=") + batchId;
    if (auto e = audit.append(user, QStringLiteral("relation.refuse"), subject); !e)
        return e.error();
    return {};
}

} // namespace adm::sync
