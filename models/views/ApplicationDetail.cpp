#include "ApplicationDetail.h"

#include "Labels.h"
#include "QueueReader.h"
#include "domain/JsonCodec.h"
#include "store/CacheEligibility.h"
#include "store/NotesSchema.h"
#include "store/Sql.h"
#include "sync/SignOffReads.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <algorithm>

namespace adm::views {

namespace {

// lupdate files these strings under the namespace: the same context here.
QString tr(const char* text)
{
    return QCoreApplication::translate("adm::views", text);
}

Status readRow(store::Connection& c, const QString& id, QueueRow& row)
{
    auto q = c.prepare(QStringLiteral("SELECT %1 FROM queue_rows WHERE application_id = ?").arg(QueueSql::columns()));
    if (!q)
        return q.error();
    q->bind(1, id);
    if (!q->step())
        return {};
    row.qid = q->int64(0);
    row.applicationId = q->text(1);
    row.version = q->int64(2);
    row.status = q->text(3);
    row.pending = q->text(4);
    row.conflict = q->int64(5) != 0;
    row.bin = int(q->int64(6));
    row.schoolId = q->text(7);
    row.schoolName = q->text(8);
    row.childName = q->text(9);
    row.birthDate = q->text(10);
    row.claimed = q->text(11);
    row.checked = q->text(12);
    row.flagMask = q->int64(13);
    row.channel = q->text(14);
    row.submittedAt = q->text(15);
    return {};
}

Status readRecords(store::Connection& c, const QString& id, QList<AgencyRecord>& out)
{
    auto q = c.prepare(QStringLiteral(
        "SELECT DISTINCT r.id, r.dataset, r.data FROM application_people ap "
        "JOIN record_subjects rs ON rs.id_number = ap.id_number JOIN agency_records r ON r.id = rs.record_id "
        "WHERE ap.application_id = ? ORDER BY r.dataset, r.id"));
    if (!q)
        return q.error();
    q->bind(1, id);
    while (q->step())
        if (auto r = json::readAgencyRecord(QJsonDocument::fromJson(q->utf8(2)).object()))
            out.append(std::move(r.value()));
    return {};
}

Status readRelated(store::Connection& c, const ApplicationDetail& d, QList<RelatedApplication>& out)
{
    const QString sql = QStringLiteral(
        "SELECT q.application_id, q.child_name, q.school_name, q.bin FROM queue_rows q WHERE q.application_id IN (%1) "
        "AND q.application_id != ? ORDER BY q.application_id");
    auto add = [&](const QString& sub, const QString& key, const QString& why) -> Status {
        if (key.isEmpty())
            return {};
        auto q = c.prepare(sql.arg(sub));
        if (!q)
            return q.error();
        q->bind(1, key).bind(2, d.application.id);
        while (q->step())
            out.append({q->text(0), q->text(1), q->text(2), int(q->int64(3)), why});
        return {};
    };
    if (Status s = add(QStringLiteral("SELECT id FROM applications WHERE child_id_number = ?"),
                       d.application.child.idNumber, QStringLiteral("same_child"));
        !s)
        return s;
    const QString certificate = d.check ? d.check->summary.decisiveCertificateNo : QString();
    return add(QStringLiteral("SELECT application_id FROM eligibility_results WHERE certificate_no = ?"), certificate,
               QStringLiteral("same_property"));
}

QString outboxText(const QString& outcome, const QString& category, const QString& state)
{
    QString what = labels::outcome(outcome);
    if (outcome == QLatin1String("approve") && !category.isEmpty())
        what = tr("%1 in category %2").arg(what, category);
    if (state == QLatin1String("pending"))
        return tr("%1 (decided here, waiting to be sent)").arg(what);
    if (state == QLatin1String("done"))
        return tr("%1 (decided here, taken by the city platform)").arg(what);
    if (state == QLatin1String("conflict"))
        return tr("%1 (decided here, refused: the application changed upstream)").arg(what);
    if (state == QLatin1String("invalid"))
        return tr("%1 (decided here, refused by the city platform as invalid)").arg(what);
    if (state == QLatin1String("superseded"))
        return tr("%1 (decided here, replaced by a later decision)").arg(what);
    if (state == QLatin1String("dropped"))
        return tr("%1 (decided here, then withdrawn)").arg(what);
    return tr("%1 (%2)").arg(what, state);
}

Status readHistory(store::Connection& c, ApplicationDetail& d)
{
    const Application& a = d.application;
    if (a.submittedAt.isValid())
        d.history.append(
            {a.submittedAt, QString(),
             a.channel == QLatin1String("counter") ? tr("Submitted at a counter") : tr("Submitted online")});
    if (a.decision) {
        QString text = tr("Decided upstream: %1").arg(labels::outcome(a.decision->outcome));
        if (!a.decision->category.isEmpty())
            text = tr("%1, category %2").arg(text, a.decision->category);
        if (!a.decision->reasonCode.isEmpty())
            text = tr("%1; reason: %2").arg(text, labels::reason(a.decision->reasonCode, a.decision->outcome));
        const QDate due = store::NotesSchema::dueDateOf(a.decision->raw);
        d.history.append({a.decision->decidedAt, a.decision->decidedBy, text, a.decision->note, due});
        d.decision = DecisionSummary{
            a.decision->outcome, a.decision->category, a.decision->reasonCode, a.decision->note, due, false};
    }
    auto o = c.prepare(QStringLiteral("SELECT id, created_at, created_by, state, payload, attempts, "
                                      "coalesce(base_version, 0) FROM outbox "
                                      "WHERE kind = 'decision' AND subject_id = ? ORDER BY id"));
    if (!o)
        return o.error();
    o->bind(1, a.id);
    while (o->step()) {
        const QJsonObject payload = QJsonDocument::fromJson(o->utf8(4)).object();
        const QString state = o->text(3);
        const QString outcome = payload.value(QStringLiteral("outcome")).toString();
        const QString category = payload.value(QStringLiteral("category")).toString();
        const QString reason = payload.value(QStringLiteral("reason_code")).toString();
        const QString note = payload.value(QStringLiteral("note")).toString();
        const QDate due = store::NotesSchema::dueDateOf(payload);
        QString text = outboxText(outcome, category, state);
        if (!reason.isEmpty())
            text = tr("%1; reason: %2").arg(text, labels::reason(reason, outcome));
        d.history.append({json::parseTime(o->text(1)), o->text(2), text, note, due});
        // While it waits, or until the pull brings it back, this workstation's decision is the latest.
        if (state == QLatin1String("pending") || (state == QLatin1String("done") && o->int64(6) >= a.version))
            d.decision = DecisionSummary{outcome, category, reason, note, due, true};
        if (state == QLatin1String("pending") && o->int64(5) == 0)
            d.openDecisionItem = o->int64(0);
    }
    // Who saw this application's ID numbers. The subject holds ids and a reason code only.
    auto r = c.prepare(QStringLiteral("SELECT at, actor, subject FROM audit_log WHERE action = 'id.reveal' AND "
                                      "subject LIKE ? ORDER BY seq"));
    if (!r)
        return r.error();
    r->bind(1, QStringLiteral("application=%1 %").arg(a.id));
    while (r->step()) {
        const QString subject = r->text(2);
        const QString person = subject.section(QStringLiteral("person="), 1).section(u' ', 0, 0);
        d.history.append({json::parseTime(r->text(0)), r->text(1), tr("ID number shown (%1)").arg(person)});
    }
    std::stable_sort(d.history.begin(), d.history.end(),
                     [](const HistoryEntry& x, const HistoryEntry& y) { return x.at < y.at; });
    return {};
}

} // namespace

QString ApplicationDetail::sourceRefOf(const QString& recordId) const
{
    for (const AgencyRecord& r : records)
        if (r.id == recordId)
            return r.sourceRef;
    return {};
}

Result<ApplicationDetail> loadApplicationDetail(store::Connection& c, const QString& applicationId)
{
    ApplicationDetail d;
    {
        auto q = c.prepare(QStringLiteral("SELECT data FROM applications WHERE id = ?"));
        if (!q)
            return q.error();
        q->bind(1, applicationId);
        if (!q->step())
            return Error{QStringLiteral("not_found"),
                         tr("Application %1 is no longer on this workstation.").arg(applicationId)};
        auto app = json::readApplication(QJsonDocument::fromJson(q->utf8(0)).object());
        if (!app)
            return app.error();
        d.application = std::move(app.value());
    }
    if (Status s = readRow(c, applicationId, d.row); !s)
        return s.error();
    if (auto seats = QueueReader(c).seats(d.application.targetSchoolId))
        d.seats = *seats;
    if (auto check = store::CacheEligibility(c).explain(applicationId))
        d.check = std::move(check.value());
    else
        d.checkError = check.error().message;
    if (Status s = readRecords(c, applicationId, d.records); !s)
        return s.error();
    if (Status s = readRelated(c, d, d.related); !s)
        return s.error();
    if (Status s = readHistory(c, d); !s)
        return s.error();
    if (auto notes = ApplicantNotes::list(c, applicationId))
        d.notes = std::move(notes.value());
    else
        return notes.error();
    if (auto returned = sync::SignOffReads::returnedItem(c, applicationId))
        d.returned = std::move(returned.value());
    else
        return returned.error();
    if (d.row.conflict) {
        if (auto all = sync::Conflicts::list(c)) {
            for (const sync::Conflict& k : *all)
                if (k.item.subjectId == applicationId)
                    d.conflicts.append(k);
        }
    }
    return d;
}

} // namespace adm::views
