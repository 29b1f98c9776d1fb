#pragma once

#include "CacheView.h"
#include "BatchApproval.h"
#include "Session.h"
#include "security/Permissions.h"
#include "sync/DecisionWorkflow.h"

#include <QObject>

namespace adm::store {
class Connection;
}

namespace adm::views {

// The school settings that change what a role may do (a principal deciding), for the window to
// offer each role its work; read on a reader connection.
Result<security::SchoolSettings> readSchoolSettings(store::Connection& connection);
Result<security::SchoolSettings> readSchoolSettings(const CacheView& cache);

// The GUI's way to decide: sync::DecisionWorkflow (the same checks and the same outbox item plus
// audit entry as `admissionsctl decide`), run where the session keeps the writer. Remembers the
// decisions made in this session, newest last, so that Ctrl+Z can take back the last one while
// it is still waiting in the outbox.
class DecisionService : public QObject {
    Q_OBJECT
public:
    explicit DecisionService(Session& session, QObject* parent = nullptr);

    void decide(const sync::DecisionRequest& request, QObject* context,
                std::function<void(Result<sync::OutboxItem>)> done);
    bool canUndo() const { return !m_made.isEmpty(); }
    // Drops the last decision of this session; done gets its application id. Error codes of
    // DecisionWorkflow::drop ("decision_in_flight": already sent; "not_found": already answered).
    void undoLast(QObject* context, std::function<void(Result<QString>)> done);
    // Approves the clean applications among these, in ONE writer job: the plan is made again on the
    // writer (BatchApproval::plan), the whole set is refused when it would go over a school's seats
    // (error "over_capacity", nothing saved), then each clean one is decided through the single
    // decision's path (its own outbox item and audit entry, taken back one by one with undoLast).
    // Error "not_allowed" for a role that may not decide.
    void approveBatch(const QStringList& applicationIds, QObject* context,
                      std::function<void(Result<BatchOutcome>)> done);
    // Drops an outbox item (a conflict the reviewer gives up, or an unsent decision).
    void drop(qint64 itemId, const QString& applicationId, QObject* context, std::function<void(Status)> done);

Q_SIGNALS:
    void decided(const QString& applicationId, qint64 itemId);
    void dropped(const QString& applicationId, qint64 itemId);

private:
    Session& m_session;
    QList<QPair<QString, qint64>> m_made;
};

// Shows a full ID number only after an audit entry says who, which application, which person and
// why: action "id.reveal", subject "application=<id> person=<child|guardian1…> reason=<code>". The
// subject holds ids and a code, never the number, and no free text that could carry one.
class IdRevealer {
public:
    // Standard reasons, stable codes.
    static QStringList reasonCodes();
    static QString reasonLabel(const QString& code);
    static QString personKey(int position); // 0 → "child", 1 → "guardian1", …
    static QString auditSubject(const QString& applicationId, int position, const QString& reasonCode);

    // Error "role_not_allowed" without a reason (no role may) or for a role that may not reveal
    // (security::may), "bad_input" for an unknown reason; nothing is written then.
    static void reveal(Session& session, const QString& applicationId, int position, const QString& reasonCode,
                       QObject* context, std::function<void(Status)> done);
};

} // namespace adm::views
