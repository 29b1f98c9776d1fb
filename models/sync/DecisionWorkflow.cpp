#include "DecisionWorkflow.h"

#include "ReasonCodes.h"
#include "Relations.h"
#include "SyncTypes.h"
#include "domain/JsonCodec.h"
#include "security/AuditLog.h"
#include "store/NotesSchema.h"
#include "store/SchoolSettingsStore.h"
#include "store/Sql.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace adm::sync {

namespace {

const QStringList kOutcomes = {QStringLiteral("approve"), QStringLiteral("reject"), QStringLiteral("request_info")};
const QStringList kCategories = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")};
constexpr int kMaxNote = 2000;

Error bad(const QString& code, const QString& message)
{
    return Error{code, message};
}

} // namespace

bool ApplicationSnapshot::isOpen() const
{
    return status == QLatin1String("submitted") || status == QLatin1String("under_review") ||
           status == QLatin1String("info_requested");
}

DecisionWorkflow::DecisionWorkflow(store::Connection& writer, security::AuditLog& audit, QString localUser,
                                   QString role, QString account)
    : m_writer(writer)
    , m_audit(audit)
    , m_localUser(std::move(localUser))
    , m_role(std::move(role))
    , m_account(std::move(account))
{}

Status DecisionWorkflow::allowed(security::Action action, const QString& schoolId) const
{
    security::SchoolSettings settings;
    if (m_role == role::Principal) { // the only role whose rights depend on a school setting
        auto loaded = store::SchoolSettingsStore::load(m_writer);
        if (!loaded)
            return loaded.error();
        settings = *loaded;
    }
    if (!security::may(m_role, action, settings, schoolId))
        return security::refusal(m_role, action);
    return {};
}

bool DecisionWorkflow::tableExists(const QString& name) const
{
    auto q = m_writer.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
    if (!q)
        return false;
    q->bind(1, name);
    return q->step();
}

Result<ApplicationSnapshot> DecisionWorkflow::snapshot(const QString& applicationId) const
{
    auto q = m_writer.prepare(QStringLiteral(
        "SELECT id, version, status, claimed_category, target_school_id FROM applications WHERE id = ?"));
    if (!q)
        return q.error();
    q->bind(1, applicationId);
    if (!q->step())
        return bad(
            QStringLiteral("not_found"),
            SyncText::tr("There is no application %1 on this workstation. Check the number, or sync to receive it.")
                .arg(applicationId));
    ApplicationSnapshot a;
    a.id = q->text(0);
    a.version = q->int64(1);
    a.status = q->text(2);
    a.claimedCategory = q->text(3);
    a.targetSchoolId = q->text(4);
    // The automatic check lives in eligibility_results (migration 2) when this build has it. A
    // result marked dirty was computed from data that has changed since: not a basis to skip a reason.
    if (tableExists(QStringLiteral("eligibility_results"))) {
        auto r = m_writer.prepare(
            QStringLiteral("SELECT category, policy_id, result FROM eligibility_results WHERE application_id = ?"));
        if (!r)
            return r.error();
        r->bind(1, applicationId);
        if (r->step()) {
            const QString category = r->text(0);
            // Reference data (policy, school, zone) changed since: every result waits for a new check.
            auto allStale =
                m_writer.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'eligibility.all_stale'"));
            bool dirty = allStale && allStale->toString() == QLatin1String("1");
            if (!dirty && tableExists(QStringLiteral("eligibility_dirty"))) {
                auto d = m_writer.prepare(QStringLiteral("SELECT 1 FROM eligibility_dirty WHERE application_id = ?"));
                if (d) {
                    d->bind(1, applicationId);
                    dirty = d->step();
                }
            }
            if (kCategories.contains(category) && !dirty)
                a.checkedCategory = category;
            a.policyId = r->text(1);
            const QJsonArray checks =
                QJsonDocument::fromJson(r->utf8(2)).object().value(QStringLiteral("checks")).toArray();
            for (const QJsonValue& c : checks)
                for (const QJsonValue& id : c.toObject().value(QStringLiteral("record_ids")).toArray())
                    if (!a.checkedRecordIds.contains(id.toString()))
                        a.checkedRecordIds += id.toString();
        }
    }
    return a;
}

Result<QStringList> DecisionWorkflow::peopleRecordIds(const QString& applicationId) const
{
    auto q = m_writer.prepare(QStringLiteral(
        "SELECT DISTINCT s.record_id FROM application_people p JOIN record_subjects s ON s.id_number = p.id_number "
        "WHERE p.application_id = ? ORDER BY s.record_id LIMIT 200"));
    if (!q)
        return q.error();
    q->bind(1, applicationId);
    QStringList ids;
    while (q->step())
        ids += q->text(0);
    return ids;
}

Result<DecisionWorkflow::Checked> DecisionWorkflow::validate(const DecisionRequest& request) const
{
    if (!kOutcomes.contains(request.outcome))
        return bad(QStringLiteral("bad_input"),
                   SyncText::tr("Say what the decision is: approve, reject or request information."));
    const security::Action action =
        request.outcome == QLatin1String("request_info") ? security::Action::RequestInfo : security::Action::Decide;
    if (Status s = allowed(action, QString()); !s) // before reading anything of the application
        return s.error();
    auto app = snapshot(request.applicationId.trimmed());
    if (!app)
        return app.error();
    if (Status s = allowed(action, app->targetSchoolId); !s)
        return s.error();
    // Someone else decides on an application naming a person this user declared a relative.
    auto related = Relations::relatedApplication(m_writer, m_localUser, app->id);
    if (!related)
        return related.error();
    if (*related)
        return Relations::refusal(app->id, QStringLiteral("decide"));
    if (!app->isOpen())
        return bad(QStringLiteral("application_closed"),
                   SyncText::tr("Application %1 is %2 and cannot be decided on. If a decision of yours came back as a "
                                "conflict, drop it.")
                       .arg(app->id, app->status));
    const QString note = request.note.trimmed();
    if (note.size() > kMaxNote)
        return bad(QStringLiteral("bad_input"),
                   SyncText::tr("The note is longer than %1 characters; shorten it.").arg(kMaxNote));
    const QString reason = request.reasonCode.trimmed();
    if (!reason.isEmpty() && !ReasonCodes::fits(reason, request.outcome))
        return bad(QStringLiteral("bad_input"),
                   SyncText::tr("\"%1\" is not a standard reason for this decision. Use one of: %2.")
                       .arg(reason, ReasonCodes::codesFor(request.outcome).join(QStringLiteral(", "))));
    if (reason == QLatin1String("other") && note.isEmpty())
        return bad(QStringLiteral("note_required"),
                   SyncText::tr("The reason \"other\" needs a note saying what it is."));

    Checked checked;
    checked.application = *app;
    if (request.outcome == QLatin1String("approve")) {
        checked.category = request.category.trimmed().toUpper();
        if (checked.category.isEmpty())
            checked.category = !app->checkedCategory.isEmpty() ? app->checkedCategory : app->claimedCategory;
        if (!kCategories.contains(checked.category))
            return bad(QStringLiteral("bad_input"),
                       SyncText::tr("Say in which category the child is admitted: A, B or C."));
        // The one decision that needs no explanation: approving what the automatic check found.
        if (reason.isEmpty() && checked.category != app->checkedCategory)
            return bad(
                QStringLiteral("reason_required"),
                app->checkedCategory.isEmpty()
                    ? SyncText::tr("The automatic check has no category for this application, so an approval needs a "
                                   "standard reason (for example verified_on_paper).")
                    : SyncText::tr("The automatic check found category %1; approving in category %2 needs a standard "
                                   "reason (for example category_override).")
                          .arg(app->checkedCategory, checked.category));
    } else {
        if (!request.category.trimmed().isEmpty())
            return bad(QStringLiteral("bad_input"), SyncText::tr("A category goes only with an approval."));
        if (request.outcome == QLatin1String("reject") && reason.isEmpty())
            return bad(QStringLiteral("reason_required"),
                       SyncText::tr("A rejection needs a standard reason, so that the family "
                                    "can be told why. Use one of: %1.")
                           .arg(ReasonCodes::codesFor(QStringLiteral("reject")).join(QStringLiteral(", "))));
        if (request.outcome == QLatin1String("request_info") && note.isEmpty())
            return bad(
                QStringLiteral("note_required"),
                SyncText::tr("A request for information needs a note saying what the family must bring or explain."));
    }
    if (request.outcome == QLatin1String("request_info")) {
        const QDate today = QDate::currentDate();
        checked.dueDate = request.dueDate.isValid() ? request.dueDate : today.addDays(kDefaultDueDays);
        if (checked.dueDate <= today)
            return bad(QStringLiteral("bad_input"),
                       SyncText::tr("The family needs at least a day: choose a due date after today (%1).")
                           .arg(today.toString(Qt::ISODate)));
    } else if (request.dueDate.isValid()) {
        return bad(QStringLiteral("bad_input"), SyncText::tr("A due date goes only with a request for information."));
    }

    // Earlier decisions of this workstation on the same application.
    Outbox outbox(m_writer);
    auto open = outbox.openItemsFor(kind::Decision, app->id);
    if (!open)
        return open.error();
    for (const OutboxItem& item : *open) {
        if (item.state == state::Pending && item.attempts > 0)
            return bad(
                QStringLiteral("decision_in_flight"),
                SyncText::tr("An earlier decision on %1 was sent and its answer has not arrived. Sync, then decide "
                             "again if needed.")
                    .arg(app->id));
        if (item.resultVersion && *item.resultVersion > app->version)
            return bad(
                QStringLiteral("sync_first"),
                SyncText::tr("Application %1 changed upstream (version %2; this workstation has %3). Sync to see what "
                             "changed, then decide again.")
                    .arg(app->id)
                    .arg(*item.resultVersion)
                    .arg(app->version));
    }
    checked.superseded = *open;
    return checked;
}

Status DecisionWorkflow::check(const DecisionRequest& request) const
{
    auto v = validate(request);
    if (!v)
        return v.error();
    return {};
}

Result<OutboxItem> DecisionWorkflow::decide(const DecisionRequest& request)
{
    auto item = write(request);
    // A refusal for a declared relationship is recorded although the decision is not: in a statement
    // of its own, after write()'s transaction was rolled back.
    if (!item && item.error().code == kDeclaredRelation)
        if (Status s = Relations::recordRefusal(m_audit, m_localUser, request.applicationId.trimmed(),
                                                QStringLiteral("decide"));
            !s)
            return s.error();
    return item;
}

Result<OutboxItem> DecisionWorkflow::write(const DecisionRequest& request)
{
    // Checked inside the write transaction: nothing can change between the check and the write.
    store::Transaction tx(m_writer);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    auto checked = validate(request);
    if (!checked)
        return checked.error();
    const ApplicationSnapshot& app = checked->application;
    QStringList evidence = request.evidenceRecordIds;
    if (evidence.isEmpty())
        evidence = app.checkedRecordIds;
    if (evidence.isEmpty()) {
        auto people = peopleRecordIds(app.id);
        if (!people)
            return people.error();
        evidence = *people;
    }
    auto nullable = [](const QString& s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    QJsonObject payload{{QStringLiteral("application_id"), app.id},
                        {QStringLiteral("base_version"), app.version},
                        {QStringLiteral("outcome"), request.outcome},
                        {QStringLiteral("category"), nullable(checked->category)},
                        {QStringLiteral("reason_code"), nullable(request.reasonCode.trimmed())},
                        {QStringLiteral("note"), nullable(request.note.trimmed())},
                        {QStringLiteral("decided_at"), json::formatTime(QDateTime::currentDateTimeUtc())},
                        {QStringLiteral("policy_id"), nullable(app.policyId)},
                        {QStringLiteral("evidence_record_ids"), QJsonArray::fromStringList(evidence)}};
    // The hub records the signed-in account as the decider and refuses another name: send the hub
    // account when this user has one, and nothing (never the local user name) when not.
    if (!m_account.isEmpty())
        payload.insert(QStringLiteral("decided_by"), m_account);
    // An optional extension of the contract (docs/upstream-api-extensions.md): a server that does
    // not know it ignores it; this workstation keeps it for the overdue filter either way.
    if (checked->dueDate.isValid()) {
        payload.insert(QStringLiteral("due_date"), checked->dueDate.toString(Qt::ISODate));
        if (Status s =
                store::NotesSchema::recordDueDate(m_writer, app.id, store::NotesSchema::Source::Here, checked->dueDate);
            !s)
            return s.error();
    }

    Outbox outbox(m_writer);
    auto item = outbox.enqueue(kind::Decision, app.id, payload, app.version, m_localUser);
    if (!item)
        return item.error();
    QStringList replaced;
    for (const OutboxItem& old : checked->superseded) {
        if (Status s = outbox.markSuperseded(old.id, item->id); !s)
            return s.error();
        replaced += QString::number(old.id);
    }
    QString subject = QStringLiteral("application=%1 outcome=%2 item=%3").arg(app.id, request.outcome).arg(item->id);
    if (!replaced.isEmpty())
        subject += QStringLiteral(" supersedes=") + replaced.join(u',');
    if (auto e = m_audit.append(m_localUser, QStringLiteral("decision.make"), subject); !e)
        return e.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    qCInfo(lcSync) << "decision queued: item" << item->id << "application" << app.id << request.outcome;
    return *item;
}

Status DecisionWorkflow::drop(qint64 itemId)
{
    if (Status s = allowed(security::Action::Undo, QString()); !s)
        return s;
    store::Transaction tx(m_writer);
    if (!tx.beginStatus())
        return tx.beginStatus();
    Outbox outbox(m_writer);
    auto item = outbox.item(itemId);
    if (!item)
        return item.error();
    if (!*item || !(*item)->isOpen())
        return bad(QStringLiteral("not_found"), SyncText::tr("There is no open outbox item %1.").arg(itemId));
    const OutboxItem& it = **item;
    if (it.kind == kind::Decision) {
        auto app = snapshot(it.subjectId);
        if (Status s = allowed(security::Action::Undo, app ? app->targetSchoolId : QString()); !s)
            return s;
    }
    if (it.state == state::Pending && it.attempts > 0)
        return bad(
            QStringLiteral("decision_in_flight"),
            SyncText::tr(
                "Item %1 was sent and its answer has not arrived; the city platform may already have it. Sync first.")
                .arg(itemId));
    if (Status s = outbox.markDropped(itemId); !s)
        return s;
    if (auto e = m_audit.append(m_localUser, QStringLiteral("outbox.drop"),
                                QStringLiteral("item=%1 kind=%2 subject=%3").arg(itemId).arg(it.kind, it.subjectId));
        !e)
        return e.error();
    return tx.commit();
}

} // namespace adm::sync
