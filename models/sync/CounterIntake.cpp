#include "CounterIntake.h"

#include "Outbox.h"
#include "SyncState.h"
#include "SyncTypes.h"
#include "domain/IdNumber.h"
#include "domain/JsonCodec.h"
#include "security/AuditLog.h"
#include "security/Permissions.h"
#include "store/Sql.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace adm::sync {

namespace {

const QString kSequenceKey = QStringLiteral("counter.next_sequence");

const char* const kRecordColumns =
    "SELECT c.client_ref, c.outbox_id, c.admission_year, c.school_id, c.grade, c.child_name, c.child_id_number, "
    "c.taken_at, c.taken_by, c.evidence, o.state, o.result_status, o.result_id, o.result_code, o.result_message "
    "FROM counter_applications c JOIN outbox o ON o.id = c.outbox_id ";

CounterRecord recordFrom(const store::Statement& q)
{
    CounterRecord r;
    r.clientRef = q.text(0);
    r.outboxId = q.int64(1);
    r.admissionYear = int(q.int64(2));
    r.schoolId = q.text(3);
    r.grade = q.text(4);
    r.childName = q.text(5);
    r.childIdNumber = q.text(6);
    r.takenAt = QDateTime::fromString(q.text(7), Qt::ISODate);
    r.takenBy = q.text(8);
    for (const QJsonValue& v : QJsonDocument::fromJson(q.text(9).toUtf8()).array())
        r.evidence.append(v.toString());
    const QString state = q.text(10);
    r.applicationId = q.text(12);
    r.resultCode = q.text(13);
    r.resultMessage = q.text(14);
    if (state == state::Done)
        r.state = CounterRecord::State::Uploaded;
    else if (state == state::Conflict && r.resultCode == QLatin1String("duplicate_child"))
        r.state = CounterRecord::State::Duplicate;
    else if (state == state::Conflict || state == state::Invalid || state == state::Dropped)
        r.state = CounterRecord::State::Refused;
    else
        r.state = CounterRecord::State::Waiting;
    return r;
}

} // namespace

QString CounterRecord::stateCode(State state)
{
    switch (state) {
    case State::Waiting:
        return QStringLiteral("waiting");
    case State::Uploaded:
        return QStringLiteral("uploaded");
    case State::Duplicate:
        return QStringLiteral("duplicate");
    case State::Refused:
        return QStringLiteral("refused");
    }
    return {};
}

QJsonObject CounterRecord::toJson() const
{
    auto nullable = [](const QString& s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    return {{QStringLiteral("client_ref"), clientRef},
            {QStringLiteral("state"), stateCode(state)},
            {QStringLiteral("application_id"), nullable(applicationId)},
            {QStringLiteral("code"), nullable(resultCode)},
            {QStringLiteral("message"), nullable(resultMessage)},
            {QStringLiteral("school_id"), schoolId},
            {QStringLiteral("grade"), grade},
            {QStringLiteral("child_name"), childName},
            {QStringLiteral("child_id_number"), IdNumber::masked(childIdNumber)},
            {QStringLiteral("taken_at"), json::formatTime(takenAt)},
            {QStringLiteral("taken_by"), takenBy},
            {QStringLiteral("paper_evidence"), QJsonArray::fromStringList(evidence)}};
}

CounterIntake::CounterIntake(store::Connection& writer, security::AuditLog& audit, QString localUser, QString role,
                             QString account)
    : m_writer(writer)
    , m_audit(audit)
    , m_localUser(std::move(localUser))
    , m_role(std::move(role))
    , m_account(std::move(account))
{}

QString CounterIntake::makeClientRef(const QString& schoolId, const QString& workstationId, qint64 sequence)
{
    QString station = workstationId;
    station.remove(u'-');
    // Upper case throughout: a scanner or a clerk may type it in either case, and find() upper-cases it.
    return QStringLiteral("%1-%2-%3")
        .arg(schoolId.toUpper(), station.left(8).toUpper())
        .arg(sequence, 5, 10, QLatin1Char('0'));
}

Result<CounterScope> CounterIntake::scope(store::Connection& c)
{
    CounterScope scope;
    auto schools = c.prepare(QStringLiteral("SELECT id, level FROM schools"));
    if (!schools)
        return schools.error();
    Error error;
    while (schools->step(&error))
        scope.schoolLevels.insert(schools->text(0), schools->text(1));
    if (!error.code.isEmpty())
        return error;
    auto year = c.prepare(QStringLiteral("SELECT MAX(admission_year) FROM policies"));
    if (!year)
        return year.error();
    scope.admissionYear = year->step() && !year->isNull(0) ? int(year->int64(0)) : QDate::currentDate().year();
    return scope;
}

Result<QString> CounterIntake::nextClientRef(const QString& schoolId)
{
    SyncState state(m_writer);
    auto station = state.get(SyncState::WorkstationId);
    if (!station)
        return station.error();
    QString workstationId = *station;
    if (workstationId.isEmpty()) {
        // Not enrolled yet (a counter working offline from its first day): the id enrolment keeps later.
        workstationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (Status s = state.set(SyncState::WorkstationId, workstationId); !s)
            return s.error();
    }
    auto last = state.get(kSequenceKey);
    if (!last)
        return last.error();
    const qint64 sequence = last->toLongLong() + 1;
    if (Status s = state.set(kSequenceKey, QString::number(sequence)); !s)
        return s.error();
    return makeClientRef(schoolId, workstationId, sequence);
}

Result<CounterRecord> CounterIntake::save(const CounterApplication& input)
{
    if (!security::may(m_role, security::Action::CounterIntake))
        return security::refusal(m_role, security::Action::CounterIntake);
    store::Transaction tx(m_writer);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    auto scoped = scope(m_writer);
    if (!scoped)
        return scoped.error();
    const QList<FieldProblem> problems = checkCounterApplication(input, *scoped);
    if (!problems.isEmpty())
        return Error{QStringLiteral("bad_input"),
                     SyncText::tr("%1: %2 Nothing was saved.").arg(problems.first().field, problems.first().message)};

    CounterApplication a = input;
    a.child.idNumber = IdNumber::parse(a.child.idNumber).text();
    for (Guardian& g : a.guardians) {
        g.idNumber = IdNumber::parse(g.idNumber).text();
        g.phone = normalisedMobile(g.phone);
    }
    for (PaperEvidence& e : a.paperEvidence)
        if (e.checkedBy.isEmpty())
            e.checkedBy = m_account.isEmpty() ? m_localUser : m_account;

    auto clientRef = nextClientRef(a.targetSchoolId);
    if (!clientRef)
        return clientRef.error();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonObject payload = a.toJson();
    payload.insert(QStringLiteral("client_ref"), *clientRef);
    // The platform takes its own clock for the time; ours goes with it for the record.
    payload.insert(QStringLiteral("submitted_at"), json::formatTime(now));

    Outbox outbox(m_writer);
    auto item = outbox.enqueue(kind::Application, *clientRef, payload, std::nullopt, m_localUser);
    if (!item)
        return item.error();
    auto row = m_writer.prepare(QStringLiteral(
        "INSERT INTO counter_applications (client_ref, outbox_id, admission_year, school_id, grade, child_name, "
        "child_id_number, taken_at, taken_by, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!row)
        return row.error();
    const QStringList kinds = a.evidenceKinds();
    row->bind(1, *clientRef)
        .bind(2, item->id)
        .bind(3, a.admissionYear)
        .bind(4, a.targetSchoolId)
        .bind(5, a.grade)
        .bind(6, a.child.name)
        .bind(7, a.child.idNumber)
        .bind(8, json::formatTime(now))
        .bind(9, m_localUser)
        .bind(10, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(kinds)).toJson(QJsonDocument::Compact)));
    if (Status s = row->run(); !s)
        return s.error();
    // Ids only: the audit log never holds a name or an ID number.
    QString subject = QStringLiteral("client_ref=%1 school=%2 item=%3 evidence=%4")
                          .arg(*clientRef, a.targetSchoolId)
                          .arg(item->id)
                          .arg(kinds.size());
    if (!a.formId.isEmpty())
        subject += QStringLiteral(" form=") + a.formId;
    if (auto e = m_audit.append(m_localUser, QStringLiteral("counter.intake"), subject); !e)
        return e.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    qCInfo(lcSync) << "counter application saved:" << *clientRef << "item" << item->id;

    CounterRecord r;
    r.clientRef = *clientRef;
    r.outboxId = item->id;
    r.admissionYear = a.admissionYear;
    r.schoolId = a.targetSchoolId;
    r.grade = a.grade;
    r.childName = a.child.name;
    r.childIdNumber = a.child.idNumber;
    r.takenAt = now;
    r.takenBy = m_localUser;
    r.evidence = kinds;
    return r;
}

Result<QList<KnownApplication>> CounterIntake::knownApplicationsOf(store::Connection& c, const QString& childIdNumber,
                                                                   int admissionYear)
{
    QList<KnownApplication> out;
    const IdNumber id = IdNumber::parse(childIdNumber);
    if (!id.isValid())
        return out;
    auto cached = c.prepare(
        QStringLiteral("SELECT id, status, target_school_id, child_name FROM applications WHERE child_id_number = ? "
                       "AND admission_year = ? ORDER BY submitted_at, id"));
    if (!cached)
        return cached.error();
    cached->bind(1, id.text()).bind(2, admissionYear);
    Error error;
    while (cached->step(&error))
        out.append({cached->text(0), cached->text(1), cached->text(2), cached->text(3), false});
    if (!error.code.isEmpty())
        return error;
    // Taken here and not in the cache yet: waiting in the outbox, or uploaded but not pulled back.
    auto local = c.prepare(QString::fromLatin1(kRecordColumns) +
                           QStringLiteral("WHERE c.child_id_number = ? AND c.admission_year = ? "
                                          "AND o.state IN ('pending', 'done') ORDER BY c.taken_at"));
    if (!local)
        return local.error();
    local->bind(1, id.text()).bind(2, admissionYear);
    while (local->step(&error)) {
        const CounterRecord r = recordFrom(*local);
        const bool known =
            std::any_of(out.cbegin(), out.cend(), [&r](const KnownApplication& k) { return k.id == r.applicationId; });
        if (!known)
            out.append({r.applicationId.isEmpty() ? r.clientRef : r.applicationId,
                        r.applicationId.isEmpty() ? QStringLiteral("waiting") : QStringLiteral("submitted"), r.schoolId,
                        r.childName, r.applicationId.isEmpty()});
    }
    if (!error.code.isEmpty())
        return error;
    return out;
}

Result<QList<CounterRecord>> CounterIntake::list(store::Connection& c, const QDate& day)
{
    QString tail = QStringLiteral("ORDER BY c.taken_at DESC, c.client_ref DESC");
    QString from, to;
    if (day.isValid()) {
        // The day in local time, compared as UTC text (taken_at is RFC 3339 UTC, which sorts as time).
        from = json::formatTime(day.startOfDay().toUTC());
        to = json::formatTime(day.addDays(1).startOfDay().toUTC());
        tail = QStringLiteral("WHERE c.taken_at >= ? AND c.taken_at < ? ") + tail;
    }
    auto q = c.prepare(QString::fromLatin1(kRecordColumns) + tail);
    if (!q)
        return q.error();
    if (day.isValid())
        q->bind(1, from).bind(2, to);
    QList<CounterRecord> out;
    Error error;
    while (q->step(&error))
        out.append(recordFrom(*q));
    if (!error.code.isEmpty())
        return error;
    return out;
}

Result<std::optional<CounterRecord>> CounterIntake::find(store::Connection& c, const QString& ref)
{
    auto q = c.prepare(QString::fromLatin1(kRecordColumns) +
                       QStringLiteral("WHERE c.client_ref = ?1 OR (o.result_id = ?1 AND o.state = 'done')"));
    if (!q)
        return q.error();
    q->bind(1, ref.trimmed().toUpper());
    Error error;
    if (q->step(&error))
        return std::optional<CounterRecord>(recordFrom(*q));
    if (!error.code.isEmpty())
        return error;
    return std::optional<CounterRecord>();
}

Result<std::optional<CounterApplication>> CounterIntake::application(store::Connection& c, const QString& clientRef)
{
    auto q = c.prepare(QStringLiteral(
        "SELECT o.payload FROM counter_applications c JOIN outbox o ON o.id = c.outbox_id WHERE c.client_ref = ?"));
    if (!q)
        return q.error();
    q->bind(1, clientRef.trimmed().toUpper());
    Error error;
    if (!q->step(&error)) {
        if (!error.code.isEmpty())
            return error;
        return std::optional<CounterApplication>();
    }
    auto parsed = CounterApplication::fromJson(QJsonDocument::fromJson(q->text(0).toUtf8()).object());
    if (!parsed)
        return parsed.error();
    return std::optional<CounterApplication>(*parsed);
}

Status CounterIntake::recordLookup(const QString& formId, const QString& person, int records)
{
    if (auto e = m_audit.append(m_localUser, QStringLiteral("counter.lookup"),
                                QStringLiteral("form=%1 person=%2 records=%3").arg(formId, person).arg(records));
        !e)
        return e.error();
    return {};
}

Status CounterIntake::recordReprint(const QString& clientRef)
{
    if (auto e = m_audit.append(m_localUser, QStringLiteral("counter.receipt"),
                                QStringLiteral("client_ref=%1").arg(clientRef));
        !e)
        return e.error();
    return {};
}

} // namespace adm::sync
