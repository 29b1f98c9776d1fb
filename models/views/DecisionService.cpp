#include "DecisionService.h"

#include "security/Permissions.h"
#include "security/Roles.h"
#include "store/SchoolSettingsStore.h"
#include "store/Workspace.h"
#include "sync/SyncState.h"

#include <QCoreApplication>

namespace adm::views {

Result<security::SchoolSettings> readSchoolSettings(const CacheView& cache)
{
    return readSchoolSettings(cache.connection());
}

Result<security::SchoolSettings> readSchoolSettings(store::Connection& connection)
{
    return store::SchoolSettingsStore::load(connection);
}

DecisionService::DecisionService(Session& session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{}

void DecisionService::decide(const sync::DecisionRequest& request, QObject* context,
                             std::function<void(Result<sync::OutboxItem>)> done)
{
    const QString user = m_session.user();
    postJob<Result<sync::OutboxItem>>(
        m_session,
        [request, user](store::Workspace& w) -> Result<sync::OutboxItem> {
            const QString account = sync::SyncState(w.database().writer()).accountFor(user);
            // The workflow refuses a role that may not decide ("role_not_allowed"), writing nothing.
            sync::DecisionWorkflow workflow(w.database().writer(), w.audit(), user, w.role(), account);
            return workflow.decide(request);
        },
        this,
        [this, ctx = QPointer<QObject>(context), done = std::move(done)](Result<sync::OutboxItem> result) {
            if (result) {
                m_made.append({result->subjectId, result->id});
                Q_EMIT decided(result->subjectId, result->id);
            }
            if (ctx)
                done(std::move(result));
        });
}

void DecisionService::approveBatch(const QStringList& applicationIds, QObject* context,
                                   std::function<void(Result<BatchOutcome>)> done)
{
    // A principal's right depends on each application's school: DecisionWorkflow checks it per item.
    const QString role = m_session.role();
    if (!security::may(role, security::Action::Decide) && role != role::Principal) {
        done(security::refusal(role, security::Action::Decide));
        return;
    }
    const QString user = m_session.user();
    postJob<Result<BatchOutcome>>(
        m_session,
        [applicationIds, user](store::Workspace& w) -> Result<BatchOutcome> {
            // On the writer's thread nothing else writes between this plan and the decisions below.
            auto plan = BatchApproval::plan(w.database().writer(), applicationIds);
            if (!plan)
                return plan.error();
            if (plan->overCapacity())
                return Error{QStringLiteral("over_capacity"), plan->refusal()};
            BatchOutcome outcome;
            outcome.plan = *plan;
            const QString account = sync::SyncState(w.database().writer()).accountFor(user);
            sync::DecisionWorkflow workflow(w.database().writer(), w.audit(), user, w.role(), account);
            for (const QString& id : plan->clean) {
                sync::DecisionRequest request;
                request.applicationId = id;
                request.outcome = QStringLiteral("approve"); // the checked category, which is the claimed one
                auto item = workflow.decide(request);
                if (!item) {
                    outcome.stopped = item.error();
                    break;
                }
                outcome.items << item->id;
                outcome.approved << id;
            }
            return outcome;
        },
        this,
        [this, ctx = QPointer<QObject>(context), done = std::move(done)](Result<BatchOutcome> result) {
            if (result) {
                for (int i = 0; i < result->items.size(); ++i) {
                    m_made.append({result->approved.at(i), result->items.at(i)});
                    Q_EMIT decided(result->approved.at(i), result->items.at(i));
                }
            }
            if (ctx)
                done(std::move(result));
        });
}

void DecisionService::undoLast(QObject* context, std::function<void(Result<QString>)> done)
{
    if (m_made.isEmpty()) {
        done(Error{QStringLiteral("nothing_to_undo"),
                   QCoreApplication::translate("DecisionService", "There is no decision of yours to take back.")});
        return;
    }
    const auto [applicationId, itemId] = m_made.last();
    drop(itemId, applicationId, context, [this, applicationId, done = std::move(done)](Status s) {
        if (!s) {
            done(s.error());
            return;
        }
        done(applicationId);
    });
}

void DecisionService::drop(qint64 itemId, const QString& applicationId, QObject* context,
                           std::function<void(Status)> done)
{
    const QString user = m_session.user();
    postJob<Status>(
        m_session,
        [itemId, user](store::Workspace& w) -> Status {
            sync::DecisionWorkflow workflow(w.database().writer(), w.audit(), user, w.role(), QString());
            return workflow.drop(itemId);
        },
        this,
        [this, itemId, applicationId, ctx = QPointer<QObject>(context), done = std::move(done)](Status s) {
            // Answered or gone: either way it is no longer this session's to take back.
            m_made.removeIf([itemId](const QPair<QString, qint64>& m) { return m.second == itemId; });
            if (s)
                Q_EMIT dropped(applicationId, itemId);
            if (ctx)
                done(s);
        });
}

QStringList IdRevealer::reasonCodes()
{
    return {QStringLiteral("identity_check"), QStringLiteral("family_enquiry"), QStringLiteral("counter_visit"),
            QStringLiteral("agency_mismatch"), QStringLiteral("supervisor_request")};
}

QString IdRevealer::reasonLabel(const QString& code)
{
    if (code == QLatin1String("identity_check"))
        return QCoreApplication::translate("IdRevealer", "Check the identity against a document");
    if (code == QLatin1String("family_enquiry"))
        return QCoreApplication::translate("IdRevealer", "The family asked about the application");
    if (code == QLatin1String("counter_visit"))
        return QCoreApplication::translate("IdRevealer", "The family is at the counter");
    if (code == QLatin1String("agency_mismatch"))
        return QCoreApplication::translate("IdRevealer", "An agency record does not match");
    if (code == QLatin1String("supervisor_request"))
        return QCoreApplication::translate("IdRevealer", "A supervisor asked");
    return code;
}

QString IdRevealer::personKey(int position)
{
    return position == 0 ? QStringLiteral("child") : QStringLiteral("guardian%1").arg(position);
}

QString IdRevealer::auditSubject(const QString& applicationId, int position, const QString& reasonCode)
{
    return QStringLiteral("application=%1 person=%2 reason=%3").arg(applicationId, personKey(position), reasonCode);
}

void IdRevealer::reveal(Session& session, const QString& applicationId, int position, const QString& reasonCode,
                        QObject* context, std::function<void(Status)> done)
{
    // No role may see a number without a reason; a role that may not reveal at all is refused too.
    if (reasonCode.trimmed().isEmpty() || !security::may(session.role(), security::Action::RevealId)) {
        done(security::refusal(session.role(), reasonCode.trimmed().isEmpty() ? security::Action::RevealIdWithoutReason
                                                                              : security::Action::RevealId));
        return;
    }
    if (!reasonCodes().contains(reasonCode)) {
        done(Error{QStringLiteral("bad_input"),
                   QCoreApplication::translate("IdRevealer", "Choose why you need to see the ID number.")});
        return;
    }
    const QString user = session.user();
    const QString subject = auditSubject(applicationId, position, reasonCode);
    postJob<Status>(
        session,
        [user, subject](store::Workspace& w) -> Status {
            auto entry = w.audit().append(user, QStringLiteral("id.reveal"), subject);
            if (!entry)
                return entry.error();
            return {};
        },
        context, std::move(done));
}

} // namespace adm::views
