#pragma once

#include "domain/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <functional>

class QObject;

namespace adm::store {
class Connection;
}
namespace adm::security {
class AuditLog;
}

namespace adm::views {

class Session;

// An officer's internal note about an applicant: never shown to the family, never sent upstream
// (kept on this workstation only, in the encrypted cache), never written to a log.
struct ApplicantNote {
    qint64 id = 0;
    QString applicationId;
    QString author; // the local user who wrote it
    QDateTime at;   // UTC
    QString text;
};

// Reads and writes applicant_notes (store/NotesSchema, migration 7).
class ApplicantNotes {
public:
    static constexpr int kMaxChars = 2000;

    // The notes of one application, oldest first.
    static Result<QList<ApplicantNote>> list(store::Connection& reader, const QString& applicationId);

    // Adds a note by `author` (the signed-in user) with its audit entry ("note.add", ids only: never
    // the text), in one transaction. Error codes: "bad_input" (empty or too long), "not_found".
    static Result<ApplicantNote> add(store::Connection& writer, security::AuditLog& audit, const QString& author,
                                     const QString& applicationId, const QString& text);
    // The same under the session's signed-in user, on the writer's thread; `done` runs in the
    // thread of `context`.
    static void addInSession(Session& session, const QString& applicationId, const QString& text, QObject* context,
                             std::function<void(Status)> done);
};

} // namespace adm::views
