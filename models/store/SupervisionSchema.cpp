#include "SupervisionSchema.h"

#include "CacheEligibility.h"
#include "QueueRules.h"
#include "Sql.h"

#include <QCryptographicHash>
#include <QHash>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace adm::store {

namespace {

const QStringList kStatuses = {QStringLiteral("submitted"),      QStringLiteral("under_review"),
                               QStringLiteral("info_requested"), QStringLiteral("approved"),
                               QStringLiteral("rejected"),       QStringLiteral("withdrawn")};
const QStringList kCategories = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")};
const QString kOutcomes = QStringLiteral("('approve', 'reject', 'request_info')");
const QString kRulesKey = QStringLiteral("supervision.rules");

QString quoted(const QString& s)
{
    return u'\'' + QString(s).replace(u'\'', QStringLiteral("''")) + u'\'';
}

QString listOf(const QStringList& values)
{
    QStringList q;
    for (const QString& v : values)
        q << quoted(v);
    return u'(' + q.join(QStringLiteral(", ")) + u')';
}

// One application as the counters see it: an SQL expression for each field (NEW.x, OLD.x, q.x, or
// the base tables' columns).
struct RowSql {
    QString id, school, version, status, pending, conflict, checked, flagMask, channel, submitted;
};

RowSql rowOf(const QString& prefix)
{
    auto c = [&](const char* column) { return prefix + QLatin1String(column); };
    return {c("application_id"), c("school_id"), c("version"),   c("status"),  c("pending"),
            c("conflict"),       c("checked"),   c("flag_mask"), c("channel"), c("submitted_at")};
}

// A decision as the fact rows read it: from the application's JSON, or from an outbox item.
struct DecisionSql {
    QString account, outcome, category, decidedAt, local;
};

QString dayOf(const QString& time)
{
    return QStringLiteral("coalesce(date(%1, '+%2 hours'), '')").arg(time).arg(SupervisionSchema::kDayOffsetHours);
}

// The status an application counts under: a decision of this workstation still in the outbox gives
// its status, as in the queue (QueueRules: the pending decision wins over the upstream status).
QString effectiveStatus(const RowSql& r)
{
    return QStringLiteral("(CASE %1 WHEN 'approve' THEN 'approved' WHEN 'reject' THEN 'rejected' WHEN "
                          "'request_info' THEN 'info_requested' ELSE %2 END)")
        .arg(r.pending, r.status);
}

// The counters of supervision_cells and what each counts (0 or 1 for one application).
QList<QPair<QString, QString>> cellCounters(const RowSql& r)
{
    QList<QPair<QString, QString>> out;
    const QString status = effectiveStatus(r);
    out.append({QStringLiteral("applications"), QStringLiteral("1")});
    for (const QString& s : kStatuses)
        out.append({QStringLiteral("st_") + s, QStringLiteral("%1 = %2").arg(status, quoted(s))});
    out.append({QStringLiteral("st_other"), QStringLiteral("%1 NOT IN %2").arg(status, listOf(kStatuses))});
    for (const QString& c : kCategories)
        out.append({QStringLiteral("ck_") + c.toLower(), QStringLiteral("%1 = %2").arg(r.checked, quoted(c))});
    out.append({QStringLiteral("ck_none"), QStringLiteral("%1 = 'none'").arg(r.checked)});
    out.append({QStringLiteral("ck_unchecked"), QStringLiteral("%1 NOT IN ('A', 'B', 'C', 'none')").arg(r.checked)});
    out.append({QStringLiteral("ch_online"), QStringLiteral("%1 = 'online'").arg(r.channel)});
    out.append({QStringLiteral("ch_counter"), QStringLiteral("%1 = 'counter'").arg(r.channel)});
    out.append({QStringLiteral("ch_other"), QStringLiteral("%1 NOT IN ('online', 'counter')").arg(r.channel)});
    out.append({QStringLiteral("pending_local"), QStringLiteral("%1 != ''").arg(r.pending)});
    out.append({QStringLiteral("conflicts"), QStringLiteral("%1 != 0").arg(r.conflict)});
    out.append({QStringLiteral("flagged"), QStringLiteral("%1 != 0").arg(r.flagMask)});
    const QStringList flags = SupervisionSchema::flags();
    for (int bit = 0; bit < flags.size(); ++bit)
        out.append(
            {QStringLiteral("flag_") + flags.at(bit), QStringLiteral("((%1 >> %2) & 1)").arg(r.flagMask).arg(bit)});
    return out;
}

// `column = column + (condition)` for every counter; sign -1 subtracts. With `old`, the new row's
// conditions minus the old row's.
QString setCells(const RowSql& r, int sign, const RowSql* old = nullptr)
{
    const auto counters = cellCounters(r);
    const auto before = old ? cellCounters(*old) : QList<QPair<QString, QString>>{};
    QStringList sets;
    for (qsizetype i = 0; i < counters.size(); ++i) {
        const QString& column = counters.at(i).first;
        if (old)
            sets << QStringLiteral("%1 = %1 + (%2) - (%3)").arg(column, counters.at(i).second, before.at(i).second);
        else
            sets << QStringLiteral("%1 = %1 %2 (%3)")
                        .arg(column, sign > 0 ? QStringLiteral("+") : QStringLiteral("-"), counters.at(i).second);
    }
    return sets.join(QStringLiteral(", "));
}

// Makes the cell of the row's school and day when it is not there. A plain INSERT that cannot meet a
// conflict: an INSERT OR IGNORE in a trigger takes the conflict policy of the statement that fired it
// (the queue writes its rows with INSERT OR REPLACE), and would then replace the cell.
QString ensureCell(const RowSql& r)
{
    const QString day = dayOf(r.submitted);
    return QStringLiteral("    INSERT INTO supervision_cells (school_id, day) SELECT %1, %2 WHERE NOT EXISTS (SELECT 1 "
                          "FROM supervision_cells WHERE school_id = %1 AND day = %2);\n")
        .arg(r.school, day);
}

QString cellWhere(const RowSql& r)
{
    return QStringLiteral("school_id = %1 AND day = %2").arg(r.school, dayOf(r.submitted));
}

// Whether the decision overrides the automatic check: sync::SignOffDecision::classify() in SQL.
QString overrideSql(const QString& outcome, const QString& category, const QString& checked)
{
    return QStringLiteral("(CASE WHEN %1 = 'approve' THEN (CASE WHEN %3 IN ('A', 'B', 'C') THEN %2 != %3 ELSE 1 END) "
                          "WHEN %1 = 'reject' THEN %3 IN ('A', 'B', 'C') ELSE 0 END)")
        .arg(outcome, category, checked);
}

// Whole hours from submission to an approval or a rejection (0 when the clocks disagree); NULL for an
// information request or when a time is unknown.
QString hoursSql(const QString& outcome, const QString& decidedAt, const QString& submittedAt)
{
    return QStringLiteral("(CASE WHEN %1 IN ('approve', 'reject') AND strftime('%s', %2) IS NOT NULL AND "
                          "strftime('%s', %3) IS NOT NULL THEN max(0, (strftime('%s', %2) - strftime('%s', %3)) / "
                          "3600) END)")
        .arg(outcome, decidedAt, submittedAt);
}

DecisionSql upstreamDecision(const QString& data)
{
    const QString outcome = SupervisionSchema::jsonTextSql(data, QStringLiteral("outcome"));
    return {SupervisionSchema::jsonTextSql(data, QStringLiteral("decided_by")), outcome,
            QStringLiteral("(CASE WHEN %1 = 'approve' THEN %2 ELSE '' END)")
                .arg(outcome, SupervisionSchema::jsonTextSql(data, QStringLiteral("category"))),
            SupervisionSchema::jsonTextSql(data, QStringLiteral("decided_at")), QStringLiteral("0")};
}

DecisionSql localDecision(const QString& alias)
{
    const QString payload = alias + QStringLiteral(".payload");
    const QString outcome = alias + QStringLiteral(".outcome");
    return {SupervisionSchema::jsonTextSql(payload, QStringLiteral("decided_by")), outcome,
            QStringLiteral("(CASE WHEN %1 = 'approve' THEN %2 ELSE '' END)")
                .arg(outcome, SupervisionSchema::jsonTextSql(payload, QStringLiteral("category"))),
            SupervisionSchema::jsonTextSql(payload, QStringLiteral("decided_at")), QStringLiteral("1")};
}

// Whether the application's JSON carries a decision object (not null).
QString hasDecision(const QString& data)
{
    return QStringLiteral("(instr(%1, '\"decision\":{') > 0 OR instr(%1, '\"decision\": {') > 0)").arg(data);
}

// The outbox item whose decision the queue shows as pending (QueueRules::pendingSql): the latest
// decision item of the application, waiting or accepted, for its cached version or a later one.
QString latestPendingItem(const QString& id, const QString& version)
{
    return QStringLiteral("(SELECT o2.id FROM outbox o2 WHERE o2.kind = 'decision' AND o2.subject_id = %1 AND o2.state "
                          "IN ('pending', 'done') AND coalesce(o2.base_version, 0) >= %2 ORDER BY o2.id DESC LIMIT 1)")
        .arg(id, version);
}

const QString kFactColumns =
    QStringLiteral("application_id, school_id, account, outcome, category, checked, override, day, hours, local");

QString factColumns(const RowSql& r, const DecisionSql& d)
{
    return QStringList{r.id + QStringLiteral(" AS application_id"),
                       r.school + QStringLiteral(" AS school_id"),
                       d.account + QStringLiteral(" AS account"),
                       d.outcome + QStringLiteral(" AS outcome"),
                       d.category + QStringLiteral(" AS category"),
                       r.checked + QStringLiteral(" AS checked"),
                       overrideSql(d.outcome, d.category, r.checked) + QStringLiteral(" AS override"),
                       dayOf(d.decidedAt) + QStringLiteral(" AS day"),
                       hoursSql(d.outcome, d.decidedAt, r.submitted) + QStringLiteral(" AS hours"),
                       d.local + QStringLiteral(" AS local")}
        .join(QStringLiteral(", "));
}

// The fact row of one application in a trigger (r is NEW): its pending decision from the outbox, or
// else the decision its JSON carries. Conditions on NEW come first: SQLite tests them once.
QString triggerFacts(const RowSql& r)
{
    const DecisionSql up = upstreamDecision(QStringLiteral("a.data"));
    return QStringLiteral(
               "    INSERT INTO supervision_decisions (%1)\n    SELECT %2 FROM applications a WHERE %3 = '' AND "
               "a.id = %4 AND %5 AND %6 IN %7;\n"
               "    INSERT INTO supervision_decisions (%1)\n    SELECT %8 FROM outbox o WHERE %3 != '' AND "
               "o.id = %9 AND o.outcome IN %7;\n")
        .arg(kFactColumns, factColumns(r, up), r.pending, r.id, hasDecision(QStringLiteral("a.data")), up.outcome,
             kOutcomes, factColumns(r, localDecision(QStringLiteral("o"))), latestPendingItem(r.id, r.version));
}

// The base tables as rows of the counters: an application, its check, and its pending decision (p).
RowSql plainRow()
{
    RowSql r;
    r.id = QStringLiteral("a.id");
    r.school = QStringLiteral("a.target_school_id");
    r.version = QStringLiteral("a.version");
    r.status = QStringLiteral("a.status");
    r.pending = QStringLiteral("coalesce(CASE WHEN p.outcome IN %1 THEN p.outcome END, '')").arg(kOutcomes);
    r.conflict = QueueRules::conflictSql(QStringLiteral("a.id"));
    r.checked = QStringLiteral("coalesce(e.category, '')");
    r.flagMask = QStringLiteral("coalesce(e.flag_mask, 0)");
    r.channel = QStringLiteral("a.channel");
    r.submitted = QStringLiteral("coalesce(a.submitted_at, '')");
    return r;
}

QString plainFrom()
{
    return QStringLiteral(
               "applications a LEFT JOIN eligibility_results e ON e.application_id = a.id LEFT JOIN outbox p "
               "ON p.id = %1")
        .arg(latestPendingItem(QStringLiteral("a.id"), QStringLiteral("a.version")));
}

// An information request (a row of info_due, `due`) is open while the application's queue row (`q`)
// still waits for its answer: the platform's while the status is info_requested and no decision of
// this workstation is pending, this workstation's while it is pending. At most one of an application's
// two rows is open at a time.
QString openRequest(const QString& q, const QString& due)
{
    return QStringLiteral("(CASE %2.source WHEN 'here' THEN %1.pending = 'request_info' ELSE %1.pending = '' AND "
                          "%1.status = 'info_requested' END)")
        .arg(q, due);
}

// Whether a queue row can hold an open request at all: the cheap WHEN of the triggers below.
QString mayHoldRequest(const QString& q)
{
    return QStringLiteral("(%1.pending = 'request_info' OR (%1.pending = '' AND %1.status = 'info_requested'))").arg(q);
}

// Moves the open requests of (school, due date) by `sign`, making the row when it is missing. `from`
// ("table alias WHERE ...") gives the rows that move; `school` and `dueDate` are read from them.
QString moveOpen(const QString& school, const QString& dueDate, const QString& from, int sign)
{
    QString sql;
    if (sign > 0)
        sql +=
            QStringLiteral("    INSERT INTO supervision_info_due (school_id, due_date) SELECT %1, %2 FROM %3 AND NOT "
                           "EXISTS (SELECT 1 FROM supervision_info_due WHERE school_id = %1 AND due_date = %2);\n")
                .arg(school, dueDate, from);
    sql += QStringLiteral("    UPDATE supervision_info_due SET open = open %1 1 WHERE school_id IN (SELECT %2 FROM %4) "
                          "AND due_date IN (SELECT %3 FROM %4);\n")
               .arg(sign > 0 ? QStringLiteral("+") : QStringLiteral("-"), school, dueDate, from);
    return sql;
}

struct Made {
    QStringList tables;
    QList<QPair<QString, QString>> triggers; // name, CREATE TRIGGER
};

Made made()
{
    Made m;
    QStringList cells;
    for (const auto& [column, condition] : cellCounters(rowOf(QStringLiteral("NEW."))))
        cells << column + QStringLiteral(" INTEGER NOT NULL DEFAULT 0");
    m.tables << QStringLiteral("CREATE TABLE supervision_cells (school_id TEXT NOT NULL, day TEXT NOT NULL, %1, "
                               "PRIMARY KEY (school_id, day)) WITHOUT ROWID")
                    .arg(cells.join(QStringLiteral(", ")));
    m.tables << QStringLiteral("CREATE TABLE supervision_decisions (application_id TEXT PRIMARY KEY, school_id TEXT "
                               "NOT NULL, account TEXT NOT "
                               "NULL, outcome TEXT NOT NULL, category TEXT NOT NULL, checked TEXT NOT NULL, override "
                               "INTEGER NOT NULL, day TEXT "
                               "NOT NULL, hours INTEGER, local INTEGER NOT NULL) WITHOUT ROWID");
    // The queue's drill-down to an officer's decisions (QueueFilter::officer, overridesOnly).
    m.tables << QStringLiteral("CREATE INDEX supervision_decisions_by_account ON supervision_decisions (account, "
                               "override)");
    m.tables << QStringLiteral("CREATE INDEX supervision_decisions_overrides ON supervision_decisions (override) "
                               "WHERE override != 0");
    const QString counts =
        QStringLiteral("decisions INTEGER NOT NULL DEFAULT 0, approvals INTEGER NOT NULL DEFAULT 0, "
                       "rejections INTEGER NOT NULL DEFAULT 0, info_requests INTEGER NOT NULL DEFAULT "
                       "0, overrides INTEGER NOT NULL DEFAULT 0");
    m.tables << QStringLiteral("CREATE TABLE supervision_decided (school_id TEXT NOT NULL, day TEXT NOT NULL, %1, "
                               "PRIMARY KEY (school_id, day)) WITHOUT ROWID")
                    .arg(counts);
    m.tables << QStringLiteral("CREATE TABLE supervision_hours (school_id TEXT NOT NULL, hours INTEGER NOT NULL, "
                               "decisions INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (school_id, hours)) WITHOUT ROWID");
    m.tables << QStringLiteral(
                    "CREATE TABLE supervision_reviewers (account TEXT NOT NULL, school_id TEXT NOT NULL, %1, "
                    "PRIMARY KEY (account, school_id)) WITHOUT ROWID")
                    .arg(counts);
    // Open information requests per school and due date: "overdue" is read against the calendar.
    m.tables << QStringLiteral("CREATE TABLE supervision_info_due (school_id TEXT NOT NULL, due_date TEXT NOT NULL, "
                               "open INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (school_id, due_date)) WITHOUT ROWID");

    auto add = [&](const char* name, const QString& on, const QString& body) {
        m.triggers.append({QString::fromLatin1(name),
                           QStringLiteral("CREATE TRIGGER %1 %2 BEGIN\n%3END").arg(QLatin1String(name), on, body)});
    };
    const RowSql nu = rowOf(QStringLiteral("NEW."));
    const RowSql old = rowOf(QStringLiteral("OLD."));

    // The queue's insert trigger deletes an application's old row explicitly before it writes the new
    // one (QueueRules.cpp), so the delete trigger below runs even for an INSERT OR REPLACE into
    // applications (whose REPLACE fires no delete trigger: recursive_triggers is off). A BEFORE INSERT
    // trigger here doing the same was measured: SQLite then stages each row of the queue's
    // INSERT ... SELECT, and an import took twice as long.
    add("supervision_row_insert", QStringLiteral("AFTER INSERT ON queue_rows"),
        ensureCell(nu) +
            QStringLiteral("    UPDATE supervision_cells SET %1 WHERE %2;\n").arg(setCells(nu, +1), cellWhere(nu)) +
            // A decision row left behind (see above) must not make the application's write fail.
            QStringLiteral("    DELETE FROM supervision_decisions WHERE application_id = NEW.application_id;\n") +
            triggerFacts(nu));
    add("supervision_row_delete", QStringLiteral("AFTER DELETE ON queue_rows"),
        QStringLiteral("    UPDATE supervision_cells SET %1 WHERE %2;\n"
                       "    DELETE FROM supervision_decisions WHERE application_id = OLD.application_id;\n")
            .arg(setCells(old, -1), cellWhere(old)));
    // A row changed in place: the check's result, a pending decision, a conflict. Its cell moves when
    // its school or submission time did (never, from the queue's triggers; a cheap rule to keep).
    const QString changed =
        QStringLiteral("(OLD.status IS NOT NEW.status OR OLD.pending IS NOT NEW.pending OR OLD.conflict IS NOT "
                       "NEW.conflict OR OLD.checked IS NOT NEW.checked OR OLD.flag_mask IS NOT NEW.flag_mask OR "
                       "OLD.channel IS NOT NEW.channel)");
    const QString sameCell = QStringLiteral("OLD.school_id IS NEW.school_id AND OLD.submitted_at IS NEW.submitted_at");
    const QString columns = QStringLiteral("status, pending, conflict, checked, flag_mask, channel, school_id, "
                                           "submitted_at");
    add("supervision_row_update",
        QStringLiteral("AFTER UPDATE OF %1 ON queue_rows WHEN %2 AND %3").arg(columns, sameCell, changed),
        QStringLiteral("    UPDATE supervision_cells SET %1 WHERE %2;\n").arg(setCells(nu, +1, &old), cellWhere(nu)));
    add("supervision_row_move", QStringLiteral("AFTER UPDATE OF %1 ON queue_rows WHEN NOT (%2)").arg(columns, sameCell),
        QStringLiteral("    UPDATE supervision_cells SET %1 WHERE %2;\n").arg(setCells(old, -1), cellWhere(old)) +
            ensureCell(nu) +
            QStringLiteral("    UPDATE supervision_cells SET %1 WHERE %2;\n").arg(setCells(nu, +1), cellWhere(nu)));
    // A decision of this workstation was made, answered, superseded or dropped: the application's
    // decision is read again (the queue's outbox triggers set `pending` on every such change).
    add("supervision_row_pending", QStringLiteral("AFTER UPDATE OF pending ON queue_rows"),
        QStringLiteral("    DELETE FROM supervision_decisions WHERE application_id = NEW.application_id;\n") +
            triggerFacts(nu));
    // The check ran again: whether the decision overrides it may change.
    add("supervision_row_checked",
        QStringLiteral("AFTER UPDATE OF checked ON queue_rows WHEN OLD.checked IS NOT NEW.checked"),
        QStringLiteral(
            "    UPDATE supervision_decisions SET checked = NEW.checked, override = %1 WHERE application_id = "
            "NEW.application_id;\n")
            .arg(overrideSql(QStringLiteral("outcome"), QStringLiteral("category"), QStringLiteral("NEW.checked"))));

    // Open information requests: a due date recorded or taken back (NotesSchema::recordDueDate deletes
    // before it inserts), and a queue row that comes, goes or changes while it may hold an open request.
    const QString dueOfNew = QStringLiteral("queue_rows q WHERE q.application_id = NEW.application_id AND %1")
                                 .arg(openRequest(QStringLiteral("q"), QStringLiteral("NEW")));
    const QString dueOfOld = QStringLiteral("queue_rows q WHERE q.application_id = OLD.application_id AND %1")
                                 .arg(openRequest(QStringLiteral("q"), QStringLiteral("OLD")));
    add("supervision_due_insert", QStringLiteral("AFTER INSERT ON info_due"),
        moveOpen(QStringLiteral("q.school_id"), QStringLiteral("NEW.due_date"), dueOfNew, +1));
    add("supervision_due_delete", QStringLiteral("AFTER DELETE ON info_due"),
        moveOpen(QStringLiteral("q.school_id"), QStringLiteral("OLD.due_date"), dueOfOld, -1));
    add("supervision_due_update", QStringLiteral("AFTER UPDATE ON info_due"),
        moveOpen(QStringLiteral("q.school_id"), QStringLiteral("OLD.due_date"), dueOfOld, -1) +
            moveOpen(QStringLiteral("q.school_id"), QStringLiteral("NEW.due_date"), dueOfNew, +1));
    const QString requestsOfNew = QStringLiteral("info_due d WHERE d.application_id = NEW.application_id AND %1")
                                      .arg(openRequest(QStringLiteral("NEW"), QStringLiteral("d")));
    const QString requestsOfOld = QStringLiteral("info_due d WHERE d.application_id = OLD.application_id AND %1")
                                      .arg(openRequest(QStringLiteral("OLD"), QStringLiteral("d")));
    add("supervision_due_row_insert",
        QStringLiteral("AFTER INSERT ON queue_rows WHEN %1").arg(mayHoldRequest(QStringLiteral("NEW"))),
        moveOpen(QStringLiteral("NEW.school_id"), QStringLiteral("d.due_date"), requestsOfNew, +1));
    add("supervision_due_row_delete",
        QStringLiteral("AFTER DELETE ON queue_rows WHEN %1").arg(mayHoldRequest(QStringLiteral("OLD"))),
        moveOpen(QStringLiteral("OLD.school_id"), QStringLiteral("d.due_date"), requestsOfOld, -1));
    add("supervision_due_row_update",
        QStringLiteral("AFTER UPDATE OF pending, status, school_id ON queue_rows WHEN (%1 OR %2) AND (OLD.pending IS "
                       "NOT NEW.pending OR OLD.status IS NOT NEW.status OR OLD.school_id IS NOT NEW.school_id)")
            .arg(mayHoldRequest(QStringLiteral("OLD")), mayHoldRequest(QStringLiteral("NEW"))),
        moveOpen(QStringLiteral("OLD.school_id"), QStringLiteral("d.due_date"), requestsOfOld, -1) +
            moveOpen(QStringLiteral("NEW.school_id"), QStringLiteral("d.due_date"), requestsOfNew, +1));

    // The counters over the decisions.
    auto decisionCounts = [](const QString& row, const QString& sign) {
        return QStringLiteral(
                   "decisions = decisions %2 1, approvals = approvals %2 (%1.outcome = 'approve'), rejections "
                   "= rejections %2 (%1.outcome = 'reject'), info_requests = info_requests %2 (%1.outcome = "
                   "'request_info'), overrides = overrides %2 %1.override")
            .arg(row, sign);
    };
    add("supervision_decision_insert", QStringLiteral("AFTER INSERT ON supervision_decisions"),
        QStringLiteral(
            "    INSERT INTO supervision_decided (school_id, day) SELECT NEW.school_id, NEW.day WHERE NOT EXISTS "
            "(SELECT "
            "1 FROM supervision_decided WHERE school_id = NEW.school_id AND day = NEW.day);\n"
            "    UPDATE supervision_decided SET %1 WHERE school_id = NEW.school_id AND day = NEW.day;\n"
            "    INSERT INTO supervision_hours (school_id, hours) SELECT NEW.school_id, NEW.hours WHERE NEW.hours IS "
            "NOT "
            "NULL AND NOT EXISTS (SELECT 1 FROM supervision_hours WHERE school_id = NEW.school_id AND hours = "
            "NEW.hours);\n"
            "    UPDATE supervision_hours SET decisions = decisions + 1 WHERE school_id = NEW.school_id AND hours = "
            "NEW.hours;\n"
            "    INSERT INTO supervision_reviewers (account, school_id) SELECT NEW.account, NEW.school_id WHERE NOT "
            "EXISTS (SELECT 1 FROM supervision_reviewers WHERE account = NEW.account AND school_id = NEW.school_id);\n"
            "    UPDATE supervision_reviewers SET %1 WHERE account = NEW.account AND school_id = NEW.school_id;\n")
            .arg(decisionCounts(QStringLiteral("NEW"), QStringLiteral("+"))));
    add("supervision_decision_delete", QStringLiteral("AFTER DELETE ON supervision_decisions"),
        QStringLiteral("    UPDATE supervision_decided SET %1 WHERE school_id = OLD.school_id AND day = OLD.day;\n"
                       "    UPDATE supervision_hours SET decisions = decisions - 1 WHERE school_id = OLD.school_id AND "
                       "hours = OLD.hours;\n"
                       "    UPDATE supervision_reviewers SET %1 WHERE account = OLD.account AND school_id = "
                       "OLD.school_id;\n")
            .arg(decisionCounts(QStringLiteral("OLD"), QStringLiteral("-"))));
    add("supervision_decision_override",
        QStringLiteral("AFTER UPDATE OF override ON supervision_decisions WHEN OLD.override IS NOT NEW.override"),
        QStringLiteral("    UPDATE supervision_decided SET overrides = overrides + NEW.override - OLD.override WHERE "
                       "school_id = NEW.school_id AND day = NEW.day;\n"
                       "    UPDATE supervision_reviewers SET overrides = overrides + NEW.override - OLD.override WHERE "
                       "account = NEW.account AND school_id = NEW.school_id;\n"));
    return m;
}

QString digestOf(const Made& m)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const QString& t : m.tables)
        h.addData(t.toUtf8());
    for (const auto& [name, sql] : m.triggers)
        h.addData(sql.toUtf8());
    return QString::fromLatin1(h.result().toHex());
}

} // namespace

QStringList SupervisionSchema::statuses()
{
    return kStatuses;
}

QStringList SupervisionSchema::flags()
{
    return CacheEligibility::flagsInBitOrder();
}

QStringList SupervisionSchema::cellColumns()
{
    QStringList out;
    for (const auto& [column, condition] : cellCounters(rowOf(QStringLiteral("NEW."))))
        out << column;
    return out;
}

QString SupervisionSchema::jsonTextSql(const QString& text, const QString& key)
{
    // Both spellings: compact (`"key":"v"`, the Qt hub) and with a space (`"key": "v"`, Python's json).
    QStringList whens;
    for (const QString& sep : {QStringLiteral(":"), QStringLiteral(": ")}) {
        const QString pattern = u'"' + key + u'"' + sep + u'"';
        const QString at = QStringLiteral("instr(%1, '%2')").arg(text, pattern);
        const QString start = QStringLiteral("%1 + %2").arg(at).arg(pattern.size());
        whens
            << QStringLiteral("WHEN %1 > 0 THEN substr(%2, %3, instr(substr(%2, %3), '\"') - 1)").arg(at, text, start);
    }
    return QStringLiteral("(CASE %1 ELSE '' END)").arg(whens.join(u' '));
}

QString SupervisionSchema::plainCellsSql(const QString& schoolCondition)
{
    const RowSql r = plainRow();
    QStringList sums;
    for (const auto& [column, condition] : cellCounters(r))
        sums << QStringLiteral("sum(%1)").arg(condition);
    return QStringLiteral("SELECT %1, %2, %3 FROM %4 WHERE %5 GROUP BY 1, 2")
        .arg(r.school, dayOf(r.submitted), sums.join(QStringLiteral(", ")), plainFrom(), schoolCondition.arg(r.school));
}

QString SupervisionSchema::plainDecisionsSql(const QString& schoolCondition)
{
    const RowSql r = plainRow();
    const DecisionSql up = upstreamDecision(QStringLiteral("a.data"));
    const QString where = schoolCondition.arg(r.school);
    const QString facts =
        QStringLiteral(
            "SELECT %1 FROM %2 WHERE %3 AND %4 = '' AND %5 AND %6 IN %7 UNION ALL SELECT %8 FROM %2 WHERE %3 "
            "AND %4 != ''")
            .arg(factColumns(r, up), plainFrom(), where, r.pending, hasDecision(QStringLiteral("a.data")), up.outcome,
                 kOutcomes, factColumns(r, localDecision(QStringLiteral("p"))));
    return QStringLiteral("SELECT school_id, account, outcome, override, day, hours, count(*) FROM (%1) GROUP BY 1, 2, "
                          "3, 4, 5, 6")
        .arg(facts);
}

Status SupervisionSchema::install(Connection& c)
{
    // Everything made before goes (a trigger on queue_rows goes with its name; the tables with theirs).
    QStringList drops;
    {
        auto q = c.prepare(QStringLiteral("SELECT type, name FROM sqlite_master WHERE name LIKE 'supervision\\_%' "
                                          "ESCAPE '\\' AND type IN ('trigger', 'table')"));
        if (!q)
            return q.error();
        Error error;
        while (q->step(&error))
            drops << QStringLiteral("DROP %1 IF EXISTS %2").arg(q->text(0).toUpper(), q->text(1));
        if (!error.code.isEmpty())
            return error;
    }
    drops.sort(); // DROP TABLE before DROP TRIGGER does no harm: a table's triggers go with it
    for (const QString& sql : drops)
        if (Status s = c.exec(sql); !s)
            return s;
    const Made m = made();
    for (const QString& sql : m.tables)
        if (Status s = c.exec(sql); !s)
            return s;

    // One pass: the cells from the queue rows, the decisions from the queue rows with their JSON or
    // their outbox item, the counters over the decisions from those. The triggers come after.
    const RowSql q = rowOf(QStringLiteral("q."));
    QStringList sums;
    for (const auto& [column, condition] : cellCounters(q))
        sums << QStringLiteral("sum(%1)").arg(condition);
    const DecisionSql up = upstreamDecision(QStringLiteral("a.data"));
    const QString counts = QStringLiteral("count(*), sum(outcome = 'approve'), sum(outcome = 'reject'), sum(outcome = "
                                          "'request_info'), sum(override)");
    const QStringList fill = {
        QStringLiteral(
            "INSERT INTO supervision_cells (school_id, day, %1) SELECT q.school_id, %2, %3 FROM queue_rows q "
            "GROUP BY 1, 2")
            .arg(cellColumns().join(QStringLiteral(", ")), dayOf(q.submitted), sums.join(QStringLiteral(", "))),
        QStringLiteral(
            "INSERT INTO supervision_decisions (%1) SELECT %2 FROM queue_rows q JOIN applications a ON a.id = "
            "q.application_id WHERE q.pending = '' AND %3 AND %4 IN %5")
            .arg(kFactColumns, factColumns(q, up), hasDecision(QStringLiteral("a.data")), up.outcome, kOutcomes),
        QStringLiteral("INSERT INTO supervision_decisions (%1) SELECT %2 FROM queue_rows q JOIN outbox o ON o.id = %3 "
                       "WHERE q.pending != '' AND o.outcome IN %4")
            .arg(kFactColumns, factColumns(q, localDecision(QStringLiteral("o"))),
                 latestPendingItem(QStringLiteral("q.application_id"), QStringLiteral("q.version")), kOutcomes),
        QStringLiteral(
            "INSERT INTO supervision_decided (school_id, day, decisions, approvals, rejections, info_requests, "
            "overrides) SELECT school_id, day, %1 FROM supervision_decisions GROUP BY 1, 2")
            .arg(counts),
        QStringLiteral("INSERT INTO supervision_hours (school_id, hours, decisions) SELECT school_id, hours, count(*) "
                       "FROM supervision_decisions WHERE hours IS NOT NULL GROUP BY 1, 2"),
        QStringLiteral(
            "INSERT INTO supervision_reviewers (account, school_id, decisions, approvals, rejections, "
            "info_requests, overrides) SELECT account, school_id, %1 FROM supervision_decisions GROUP BY 1, 2")
            .arg(counts),
        QStringLiteral("INSERT INTO supervision_info_due (school_id, due_date, open) SELECT q.school_id, d.due_date, "
                       "count(*) FROM info_due d JOIN queue_rows q ON q.application_id = d.application_id WHERE %1 "
                       "GROUP BY 1, 2")
            .arg(openRequest(QStringLiteral("q"), QStringLiteral("d"))),
    };
    for (const QString& sql : fill)
        if (Status s = c.exec(sql); !s)
            return s;
    for (const auto& [name, sql] : m.triggers)
        if (Status s = c.exec(sql); !s)
            return s;
    auto setRules = c.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    if (!setRules)
        return setRules.error();
    setRules->bind(1, kRulesKey).bind(2, digestOf(m));
    if (Status s = setRules->run(); !s)
        return s;
    qCInfo(lcStore) << "supervision counters made and filled";
    return {};
}

Status SupervisionSchema::rebuild(Connection& c)
{
    Transaction tx(c);
    if (!tx.beginStatus())
        return tx.beginStatus();
    if (Status s = install(c); !s)
        return s;
    return tx.commit();
}

Status SupervisionSchema::suspend(Connection& c)
{
    auto triggers = schemaObjects(c, QStringLiteral("supervision_"), {QStringLiteral("trigger")});
    if (!triggers)
        return triggers.error();
    for (auto it = triggers->cbegin(); it != triggers->cend(); ++it)
        if (Status s = c.exec(QStringLiteral("DROP TRIGGER IF EXISTS %1").arg(it.key())); !s)
            return s;
    return {};
}

SupervisionBulkLoad::SupervisionBulkLoad(Connection& c)
    : m_connection(c)
{
    auto any = c.scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM applications)"));
    if (!any || any->toInt() != 0)
        return;
    if (Status s = SupervisionSchema::suspend(c); !s) {
        qCWarning(lcStore) << "supervision counters not suspended:" << s.error().code;
        return;
    }
    m_suspended = true;
}

SupervisionBulkLoad::~SupervisionBulkLoad()
{
    if (m_suspended)
        (void)finish();
}

Status SupervisionBulkLoad::finish()
{
    if (!m_suspended)
        return {};
    m_suspended = false;
    return SupervisionSchema::rebuild(m_connection);
}

Result<bool> SupervisionSchema::isCurrent(Connection& c)
{
    const Made m = made();
    auto rules = c.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    if (!rules)
        return rules.error();
    rules->bind(1, kRulesKey);
    if (!rules->step() || rules->text(0) != digestOf(m))
        return false;
    // The triggers on queue_rows go when that table is made again (a benchmark, a repair).
    auto tables = schemaObjects(c, QStringLiteral("supervision_"), {QStringLiteral("table"), QStringLiteral("index")});
    if (!tables)
        return tables.error();
    if (tables->size() != m.tables.size())
        return false;
    return hasExactlyTriggers(c, QStringLiteral("supervision_"), m.triggers);
}

Status SupervisionSchema::ensure(Connection& c)
{
    auto current = isCurrent(c);
    if (!current)
        return current.error();
    if (*current)
        return {};
    return rebuild(c);
}

} // namespace adm::store
