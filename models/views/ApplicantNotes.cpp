#include "ApplicantNotes.h"

#include "Session.h"
#include "domain/JsonCodec.h"
#include "security/AuditLog.h"
#include "store/Sql.h"
#include "store/Workspace.h"

#include <QCoreApplication>

namespace adm::views {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("adm::views", text);
}

} // namespace

Result<QList<ApplicantNote>> ApplicantNotes::list(store::Connection& reader, const QString& applicationId)
{
    auto q = reader.prepare(QStringLiteral("SELECT id, author, created_at, text FROM applicant_notes "
                                           "WHERE application_id = ? ORDER BY id"));
    if (!q)
        return q.error();
    q->bind(1, applicationId);
    QList<ApplicantNote> out;
    Error error;
    while (q->step(&error))
        out.append({q->int64(0), applicationId, q->text(1), json::parseTime(q->text(2)), q->text(3)});
    if (!error.code.isEmpty())
        return error;
    return out;
}

Result<ApplicantNote> ApplicantNotes::add(store::Connection& writer, security::AuditLog& audit, const QString& author,
                                          const QString& applicationId, const QString& text)
{
    const QString body = text.trimmed();
    if (body.isEmpty())
        return Error{QStringLiteral("bad_input"), tr("Write the note first.")};
    if (body.size() > kMaxChars)
        return Error{QStringLiteral("bad_input"),
                     tr("The note is longer than %1 characters; shorten it.").arg(kMaxChars)};
    store::Transaction tx(writer);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    {
        auto known = writer.prepare(QStringLiteral("SELECT 1 FROM applications WHERE id = ?"));
        if (!known)
            return known.error();
        known->bind(1, applicationId);
        if (!known->step())
            return Error{QStringLiteral("not_found"),
                         tr("Application %1 is no longer on this workstation.").arg(applicationId)};
    }
    ApplicantNote note{0, applicationId, author, QDateTime::currentDateTimeUtc(), body};
    auto insert = writer.prepare(
        QStringLiteral("INSERT INTO applicant_notes (application_id, author, created_at, text) VALUES (?, ?, ?, ?)"));
    if (!insert)
        return insert.error();
    insert->bind(1, applicationId).bind(2, author).bind(3, json::formatTime(note.at)).bind(4, body);
    if (Status s = insert->run(); !s)
        return s.error();
    auto id = writer.scalar(QStringLiteral("SELECT last_insert_rowid()"));
    if (!id)
        return id.error();
    note.id = id->toLongLong();
    // Ids only: the text is personal data and stays in applicant_notes.
    if (auto e = audit.append(author, QStringLiteral("note.add"),
                              QStringLiteral("application=%1 note=%2").arg(applicationId).arg(note.id));
        !e)
        return e.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return note;
}

void ApplicantNotes::addInSession(Session& session, const QString& applicationId, const QString& text, QObject* context,
                                  std::function<void(Status)> done)
{
    const QString user = session.user();
    postJob<Status>(
        session,
        [user, applicationId, text](store::Workspace& w) -> Status {
            auto note = add(w.database().writer(), w.audit(), user, applicationId, text);
            if (!note)
                return note.error();
            return {};
        },
        context, std::move(done));
}

} // namespace adm::views
