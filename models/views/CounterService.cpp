#include "CounterService.h"

#include "DraftStore.h"
#include "domain/IdNumber.h"
#include "store/CacheEligibility.h"
#include "store/Sql.h"
#include "store/Workspace.h"
#include "sync/AgencyLookup.h"
#include "sync/SyncState.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QThread>

namespace adm::views {

namespace {

Q_LOGGING_CATEGORY(lcCounter, "admissions.counter")

QString accountOf(store::Workspace& w)
{
    return sync::SyncState(w.database().writer()).accountFor(w.user());
}

} // namespace

Result<CounterContext> readCounterContext(const CacheView& cache)
{
    store::Connection& c = cache.connection();
    CounterContext context;
    auto scope = sync::CounterIntake::scope(c);
    if (!scope)
        return scope.error();
    context.scope = *scope;
    auto q = c.prepare(QStringLiteral("SELECT id, name FROM schools ORDER BY id"));
    if (!q)
        return q.error();
    Error error;
    while (q->step(&error))
        context.schools.append({q->text(0), q->text(1)});
    if (!error.code.isEmpty())
        return error;
    return context;
}

Result<CounterPreview> readCounterPreview(const CacheView& cache, const sync::CounterApplication& application,
                                          const QList<AgencyRecord>& lookedUp)
{
    store::Connection& c = cache.connection();
    CounterPreview preview;
    const IdNumber child = IdNumber::parse(application.child.idNumber);
    if (child.isValid()) {
        auto known = sync::CounterIntake::knownApplicationsOf(c, child.text(), application.admissionYear);
        if (!known)
            return known.error();
        preview.known = *known;
    }
    store::CacheEligibility eligibility(c);
    const Application typed = application.toApplication();
    auto details = eligibility.claimDetails(typed);
    if (!details)
        return details.error();
    preview.addressMatch = details->addressMatch;
    preview.zoneName = details->zoneName;
    preview.addressText = details->addressText;
    preview.policyId = details->policyId;
    preview.birthFrom = details->birthFrom;
    preview.birthTo = details->birthTo;
    // The check needs at least the child, the school and a claimed category to say anything useful.
    if (!child.isValid() || application.targetSchoolId.isEmpty() || application.claimedCategory.isEmpty())
        return preview;
    auto result = eligibility.explainUnsaved(typed, lookedUp);
    if (!result)
        return result.error();
    preview.checked = true;
    preview.category = policy::categoryCode(result->category);
    if (preview.category == QLatin1String("none"))
        preview.category.clear();
    preview.flags = result->flags;
    preview.flagReasons = result->flagReasons;
    return preview;
}

Result<QList<sync::CounterRecord>> readCounterList(const CacheView& cache, const QDate& day)
{
    return sync::CounterIntake::list(cache.connection(), day);
}

Result<std::optional<sync::CounterRecord>> findCounterApplication(const CacheView& cache, const QString& ref)
{
    return sync::CounterIntake::find(cache.connection(), ref);
}

Result<CounterReceiptData> readCounterReceipt(store::Connection& c, const QString& clientRef, const QString& clerk)
{
    auto record = sync::CounterIntake::find(c, clientRef);
    if (!record)
        return record.error();
    if (!record->has_value())
        return Error{QStringLiteral("not_found"),
                     QCoreApplication::translate("CounterIntake",
                                                 "No application with local number %1 was taken at this workstation.")
                         .arg(clientRef)};
    const sync::CounterRecord& r = **record;
    CounterReceiptData data;
    data.clientRef = r.clientRef;
    data.takenAt = r.takenAt;
    data.schoolId = r.schoolId;
    data.grade = r.grade;
    data.childName = r.childName;
    data.childIdMasked = IdNumber::masked(r.childIdNumber);
    data.evidence = r.evidence;
    data.clerk = clerk.isEmpty() ? r.takenBy : clerk;
    auto school = c.prepare(QStringLiteral("SELECT name FROM schools WHERE id = ?"));
    if (!school)
        return school.error();
    school->bind(1, r.schoolId);
    data.schoolName = school->step() ? school->text(0) : r.schoolId;
    return data;
}

CounterService::CounterService(Session& session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{}

void CounterService::save(const sync::CounterApplication& application, QObject* context,
                          std::function<void(Result<sync::CounterRecord>)> done)
{
    QPointer<CounterService> self(this);
    postJob<Result<sync::CounterRecord>>(
        m_session,
        [application](store::Workspace& w) -> Result<sync::CounterRecord> {
            sync::CounterIntake intake(w.database().writer(), w.audit(), w.user(), w.role(), accountOf(w));
            auto saved = intake.save(application);
            // The draft goes with the save: what was typed is now an application.
            if (saved)
                (void)DraftStore(w.database().writer()).clearCounterForm(w.user());
            return saved;
        },
        context,
        [self, done = std::move(done)](Result<sync::CounterRecord> saved) {
            if (saved && self) {
                Q_EMIT self->saved(saved->clientRef);
                Q_EMIT self->m_session.cacheChanged();
            }
            done(std::move(saved));
        });
}

void CounterService::keepDraft(const sync::CounterApplication& application, QObject* context,
                               std::function<void(Status)> done)
{
    QJsonObject body = application.toJson();
    body.insert(QStringLiteral("form_id"), application.formId);
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    postJob<Status>(
        m_session,
        [json](store::Workspace& w) -> Status {
            Status s = DraftStore(w.database().writer()).saveCounterForm(w.user(), json);
            if (!s)
                qCWarning(lcCounter) << "counter draft not kept:" << s.error().code;
            return s;
        },
        context,
        [done = std::move(done)](Status s) {
            if (done)
                done(s);
        });
}

void CounterService::clearDraft(QObject* context, std::function<void(Status)> done)
{
    postJob<Status>(
        m_session,
        [](store::Workspace& w) -> Status { return DraftStore(w.database().writer()).clearCounterForm(w.user()); },
        context,
        [done = std::move(done)](Status s) {
            if (done)
                done(s);
        });
}

void CounterService::takeDraft(QObject* context,
                               std::function<void(Result<std::optional<sync::CounterApplication>>)> done)
{
    using R = Result<std::optional<sync::CounterApplication>>;
    postJob<R>(
        m_session,
        [](store::Workspace& w) -> R {
            auto body = DraftStore(w.database().writer()).counterForm(w.user());
            if (!body)
                return body.error();
            if (!body->has_value())
                return std::optional<sync::CounterApplication>();
            const QJsonObject o = QJsonDocument::fromJson(**body).object();
            auto parsed = sync::CounterApplication::fromJson(o);
            if (!parsed)
                return parsed.error();
            parsed->formId = o.value(QStringLiteral("form_id")).toString();
            return std::optional<sync::CounterApplication>(*parsed);
        },
        context, std::move(done));
}

void CounterService::lookup(const QString& formId, const QString& person, const QString& idNumber, QObject* context,
                            std::function<void(Result<QList<AgencyRecord>>)> done)
{
    using Access = std::shared_ptr<sync::agencylookup::Access>;
    QPointer<QObject> guard(context);
    Session* session = &m_session;
    // 1. What the lookup needs, from the cache (writer's thread).
    postJob<Result<Access>>(
        m_session, [](store::Workspace& w) { return sync::agencylookup::prepare(w.database().writer(), w.user()); },
        context,
        [guard, session, formId, person, idNumber, done = std::move(done)](Result<Access> access) {
            if (!access) {
                done(access.error());
                return;
            }
            // 2. The request, on a thread of its own: its client waits in a local event loop.
            auto result = std::make_shared<Result<QList<AgencyRecord>>>(QList<AgencyRecord>());
            QThread* worker = QThread::create(
                [result, access = *access, idNumber] { *result = sync::agencylookup::lookup(*access, idNumber); });
            worker->setObjectName(QStringLiteral("counter-lookup"));
            QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
            QObject::connect(worker, &QThread::finished, guard ? guard.data() : worker,
                             [guard, session, formId, person, result, done] {
                                 if (!guard)
                                     return;
                                 // 3. Who looked up whom, in the audit log: the form and the position, never the
                                 // number.
                                 const int count = *result ? int((*result)->size()) : -1;
                                 postJob<Status>(
                                     *session,
                                     [formId, person, count](store::Workspace& w) -> Status {
                                         if (count < 0)
                                             return {};
                                         sync::CounterIntake intake(w.database().writer(), w.audit(), w.user(),
                                                                    w.role(), accountOf(w));
                                         return intake.recordLookup(formId, person, count);
                                     },
                                     guard.data(),
                                     [result, done](Status logged) {
                                         if (!logged)
                                             done(logged.error());
                                         else
                                             done(*result);
                                     });
                             });
            worker->start();
        });
}

void CounterService::receipt(const QString& clientRef, bool reprint, QObject* context,
                             std::function<void(Result<CounterReceiptData>)> done)
{
    postJob<Result<CounterReceiptData>>(
        m_session,
        [clientRef, reprint](store::Workspace& w) -> Result<CounterReceiptData> {
            // The clerk on the receipt is who took it, also on a reprint by someone else.
            auto data = readCounterReceipt(w.database().writer(), clientRef, QString());
            if (data && reprint) {
                sync::CounterIntake intake(w.database().writer(), w.audit(), w.user(), w.role(), accountOf(w));
                if (Status s = intake.recordReprint(data->clientRef); !s)
                    return s.error();
            }
            return data;
        },
        context, std::move(done));
}

} // namespace adm::views
