#include "SupervisionReport.h"

#include "domain/JsonCodec.h"
#include "security/Permissions.h"
#include "store/Sql.h"
#include "store/SupervisionSchema.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace adm::views {

namespace {

using store::SupervisionSchema;

// Translated in the context "Supervision".
struct SupervisionText {
    Q_DECLARE_TR_FUNCTIONS(Supervision)
};

QString quoted(const QString& s)
{
    return u'\'' + QString(s).replace(u'\'', QStringLiteral("''")) + u'\'';
}

// An SQL condition on a school id column (%1) that holds for the schools of the scope.
QString scopeCondition(const SupervisionScope& scope)
{
    switch (scope.kind) {
    case SupervisionScope::Kind::City:
        return QStringLiteral("%1 IS NOT NULL");
    case SupervisionScope::Kind::District:
        return QStringLiteral("%1 IN (SELECT id FROM schools WHERE district_code = %2)")
            .arg(QStringLiteral("%1"), quoted(scope.code));
    case SupervisionScope::Kind::School:
        return QStringLiteral("%1 = %2").arg(QStringLiteral("%1"), quoted(scope.code));
    }
    return QStringLiteral("%1 IS NULL");
}

// What both ways of reading give: the counters per school and day, per school and decision day, per
// school and whole hours, per account and school.
struct Raw {
    struct Cell {
        QString school, day;
        QList<qint64> values; // cellColumns()
    };
    struct Decided {
        QString school, day;
        qint64 decisions = 0, approvals = 0, rejections = 0, infoRequests = 0, overrides = 0;
    };
    struct Hours {
        QString school;
        int hours = 0;
        qint64 decisions = 0;
    };
    struct Reviewer {
        QString account, school;
        qint64 decisions = 0, approvals = 0, rejections = 0, infoRequests = 0, overrides = 0;
    };
    QList<Cell> cells;
    QList<Decided> decided;
    QList<Hours> hours;
    QList<Reviewer> reviewers;
    QMap<QString, qint64> overdue; // per school
};

// Open information requests due before `today`, per school (the queue's "Information overdue" filter,
// counted): from their counters per school and due date, which need no trigger when the calendar
// moves, or (`plain`) from info_due and the queue rows, as the baseline.
Status readOverdue(store::Connection& c, const SupervisionScope& scope, const QDate& today, bool plain, Raw& raw)
{
    auto q = c.prepare(
        plain ? QStringLiteral("SELECT q.school_id, count(*) FROM info_due d JOIN queue_rows q ON q.application_id = "
                               "d.application_id WHERE d.due_date < ? AND CASE d.source WHEN 'here' THEN q.pending = "
                               "'request_info' ELSE q.pending = '' AND q.status = 'info_requested' END AND %1 GROUP BY "
                               "q.school_id")
                    .arg(scopeCondition(scope).arg(QStringLiteral("q.school_id")))
              : QStringLiteral("SELECT school_id, sum(open) FROM supervision_info_due WHERE due_date < ? AND %1 GROUP "
                               "BY school_id")
                    .arg(scopeCondition(scope).arg(QStringLiteral("school_id"))));
    if (!q)
        return q.error();
    q->bind(1, today.toString(Qt::ISODate));
    Error error;
    while (q->step(&error))
        raw.overdue[q->text(0)] += q->int64(1);
    if (!error.code.isEmpty())
        return error;
    return {};
}

template <typename Fn> Status each(store::Connection& c, const QString& sql, Fn fn)
{
    auto q = c.prepare(sql);
    if (!q)
        return q.error();
    Error error;
    while (q->step(&error))
        fn(*q);
    if (!error.code.isEmpty())
        return error;
    return {};
}

Result<Raw> readCounters(store::Connection& c, const SupervisionScope& scope)
{
    const QString where = scopeCondition(scope).arg(QStringLiteral("school_id"));
    const QStringList columns = SupervisionSchema::cellColumns();
    Raw raw;
    Status s = each(c,
                    QStringLiteral("SELECT school_id, day, %1 FROM supervision_cells WHERE %2 AND applications != 0")
                        .arg(columns.join(QStringLiteral(", ")), where),
                    [&](const store::Statement& q) {
                        Raw::Cell cell{q.text(0), q.text(1), {}};
                        for (int i = 0; i < columns.size(); ++i)
                            cell.values.append(q.int64(2 + i));
                        raw.cells.append(cell);
                    });
    if (s)
        s = each(
            c,
            QStringLiteral("SELECT school_id, day, decisions, approvals, rejections, info_requests, overrides FROM "
                           "supervision_decided WHERE %1 AND decisions != 0")
                .arg(where),
            [&](const store::Statement& q) {
                raw.decided.append({q.text(0), q.text(1), q.int64(2), q.int64(3), q.int64(4), q.int64(5), q.int64(6)});
            });
    if (s)
        s = each(c,
                 QStringLiteral("SELECT school_id, hours, decisions FROM supervision_hours WHERE %1 AND decisions != 0")
                     .arg(where),
                 [&](const store::Statement& q) {
                     raw.hours.append({q.text(0), int(q.int64(1)), q.int64(2)});
                 });
    if (s)
        s = each(c,
                 QStringLiteral("SELECT account, school_id, decisions, approvals, rejections, info_requests, overrides "
                                "FROM supervision_reviewers WHERE %1 AND decisions != 0")
                     .arg(where),
                 [&](const store::Statement& q) {
                     raw.reviewers.append(
                         {q.text(0), q.text(1), q.int64(2), q.int64(3), q.int64(4), q.int64(5), q.int64(6)});
                 });
    if (!s)
        return s.error();
    return raw;
}

Result<Raw> readPlainRaw(store::Connection& c, const SupervisionScope& scope)
{
    const QString condition = scopeCondition(scope);
    const int columns = int(SupervisionSchema::cellColumns().size());
    Raw raw;
    Status s = each(c, SupervisionSchema::plainCellsSql(condition), [&](const store::Statement& q) {
        Raw::Cell cell{q.text(0), q.text(1), {}};
        for (int i = 0; i < columns; ++i)
            cell.values.append(q.int64(2 + i));
        raw.cells.append(cell);
    });
    if (!s)
        return s.error();
    // Rows: school_id, account, outcome, override, day, hours, decisions; folded as the triggers count.
    QMap<QPair<QString, QString>, Raw::Decided> decided;
    QMap<QPair<QString, int>, qint64> hours;
    QMap<QPair<QString, QString>, Raw::Reviewer> reviewers;
    s = each(c, SupervisionSchema::plainDecisionsSql(condition), [&](const store::Statement& q) {
        const QString school = q.text(0), account = q.text(1), outcome = q.text(2), day = q.text(4);
        const qint64 overrides = q.int64(3) != 0 ? q.int64(6) : 0;
        const qint64 n = q.int64(6);
        auto count = [&](auto& row) {
            row.decisions += n;
            row.approvals += outcome == QLatin1String("approve") ? n : 0;
            row.rejections += outcome == QLatin1String("reject") ? n : 0;
            row.infoRequests += outcome == QLatin1String("request_info") ? n : 0;
            row.overrides += overrides;
        };
        Raw::Decided& d = decided[{school, day}];
        d.school = school;
        d.day = day;
        count(d);
        Raw::Reviewer& r = reviewers[{account, school}];
        r.account = account;
        r.school = school;
        count(r);
        if (!q.isNull(5))
            hours[{school, int(q.int64(5))}] += n;
    });
    if (!s)
        return s.error();
    raw.decided = decided.values();
    raw.reviewers = reviewers.values();
    for (auto it = hours.cbegin(); it != hours.cend(); ++it)
        raw.hours.append({it.key().first, it.key().second, it.value()});
    return raw;
}

struct SchoolInfo {
    QString districtCode;
    qint64 capacity = 0;
};

Result<QMap<QString, SchoolInfo>> schoolsOf(store::Connection& c, const SupervisionScope& scope)
{
    QMap<QString, SchoolInfo> out;
    Status s = each(c,
                    QStringLiteral("SELECT id, district_code, capacity FROM schools WHERE %1")
                        .arg(scopeCondition(scope).arg(QStringLiteral("id"))),
                    [&](const store::Statement& q) {
                        out.insert(q.text(0), {q.text(1), q.int64(2)});
                    });
    if (!s)
        return s.error();
    return out;
}

SupervisionFigures assemble(const SupervisionScope& scope, const QMap<QString, SchoolInfo>& known, const Raw& raw)
{
    SupervisionFigures f;
    f.scope = scope;
    f.generatedAt = QDateTime::currentDateTimeUtc();
    const QStringList columns = SupervisionSchema::cellColumns();
    QMap<QString, SupervisionSchool> schools;
    for (auto it = known.cbegin(); it != known.cend(); ++it) {
        SupervisionSchool& s = schools[it.key()];
        s.schoolId = it.key();
        s.districtCode = it->districtCode;
        s.capacity = it->capacity;
        for (const QString& column : columns)
            s.counts.cells.insert(column, 0);
    }
    // A school the applications name and the cache does not hold (no district, no capacity).
    auto school = [&](const QString& id) -> SupervisionSchool& {
        SupervisionSchool& s = schools[id];
        if (s.schoolId.isEmpty()) {
            s.schoolId = id;
            s.districtCode = scope.kind == SupervisionScope::Kind::School ? scope.districtCode : QString();
            for (const QString& column : columns)
                s.counts.cells.insert(column, 0);
        }
        return s;
    };
    QMap<QString, SupervisionDay> days;
    for (const Raw::Cell& cell : raw.cells) {
        SupervisionCounts& counts = school(cell.school).counts;
        for (int i = 0; i < columns.size(); ++i)
            counts.cells[columns.at(i)] += cell.values.value(i);
        SupervisionDay& d = days[cell.day];
        d.day = cell.day;
        d.submitted += cell.values.value(0);
    }
    for (const Raw::Decided& row : raw.decided) {
        SupervisionCounts& counts = school(row.school).counts;
        counts.decisions += row.decisions;
        counts.approvals += row.approvals;
        counts.rejections += row.rejections;
        counts.infoRequests += row.infoRequests;
        counts.overrides += row.overrides;
        if (!row.day.isEmpty() && row.day > counts.lastDecisionDay)
            counts.lastDecisionDay = row.day;
        SupervisionDay& d = days[row.day];
        d.day = row.day;
        d.decided += row.approvals + row.rejections;
        d.infoRequests += row.infoRequests;
    }
    for (const Raw::Hours& row : raw.hours)
        school(row.school).counts.hours.counts[row.hours] += row.decisions;
    for (auto it = raw.overdue.cbegin(); it != raw.overdue.cend(); ++it)
        school(it.key()).counts.infoOverdue += it.value();

    QMap<QString, SupervisionDistrict> districts;
    for (const SupervisionSchool& s : std::as_const(schools)) {
        SupervisionDistrict& d = districts[s.districtCode];
        d.districtCode = s.districtCode;
        d.schools += 1;
        d.capacity += s.capacity;
        d.counts.add(s.counts);
        f.totals.add(s.counts);
        f.schools.append(s);
    }
    f.districts = districts.values();
    f.days = days.values();

    QMap<QString, SupervisionReviewer> reviewers;
    for (const Raw::Reviewer& row : raw.reviewers) {
        SupervisionReviewer& r = reviewers[row.account];
        r.account = row.account;
        r.decisions += row.decisions;
        r.approvals += row.approvals;
        r.rejections += row.rejections;
        r.infoRequests += row.infoRequests;
        r.overrides += row.overrides;
    }
    for (const SupervisionReviewer& r : std::as_const(reviewers))
        if (r.decisions > 0)
            f.reviewers.append(r);
    f.method = SupervisionReport::markOutliers(f.reviewers);
    return f;
}

double medianOf(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

QJsonValue optionalNumber(const std::optional<double>& v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue optionalInt(const std::optional<int>& v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString SupervisionScope::kindName() const
{
    switch (kind) {
    case Kind::City:
        return QStringLiteral("city");
    case Kind::District:
        return QStringLiteral("district");
    case Kind::School:
        return QStringLiteral("school");
    }
    return {};
}

qint64 HoursHistogram::total() const
{
    qint64 n = 0;
    for (qint64 v : counts)
        n += v;
    return n;
}

std::optional<int> HoursHistogram::percentile(double fraction) const
{
    const qint64 n = total();
    if (n <= 0)
        return std::nullopt;
    const qint64 rank = std::max<qint64>(1, qint64(std::ceil(fraction * double(n) - 1e-9)));
    qint64 seen = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        seen += it.value();
        if (seen >= rank)
            return it.key();
    }
    return counts.lastKey();
}

void HoursHistogram::add(const HoursHistogram& other)
{
    for (auto it = other.counts.cbegin(); it != other.counts.cend(); ++it)
        counts[it.key()] += it.value();
}

void SupervisionCounts::add(const SupervisionCounts& o)
{
    for (auto it = o.cells.cbegin(); it != o.cells.cend(); ++it)
        cells[it.key()] += it.value();
    decisions += o.decisions;
    approvals += o.approvals;
    rejections += o.rejections;
    infoRequests += o.infoRequests;
    overrides += o.overrides;
    hours.add(o.hours);
    infoOverdue += o.infoOverdue;
    if (o.lastDecisionDay > lastDecisionDay)
        lastDecisionDay = o.lastDecisionDay;
}

void SupervisionCounts::writeJson(QJsonObject& o) const
{
    o.insert(QStringLiteral("applications"), applications());
    QJsonObject byStatus;
    for (const QString& s : SupervisionSchema::statuses())
        byStatus.insert(s, cell(QStringLiteral("st_") + s));
    if (cell(QStringLiteral("st_other")) != 0)
        byStatus.insert(QStringLiteral("other"), cell(QStringLiteral("st_other")));
    o.insert(QStringLiteral("by_status"), byStatus);
    o.insert(QStringLiteral("by_checked_category"),
             QJsonObject{{QStringLiteral("A"), cell(QStringLiteral("ck_a"))},
                         {QStringLiteral("B"), cell(QStringLiteral("ck_b"))},
                         {QStringLiteral("C"), cell(QStringLiteral("ck_c"))},
                         {QStringLiteral("none"), cell(QStringLiteral("ck_none"))}});
    o.insert(QStringLiteral("unchecked"), cell(QStringLiteral("ck_unchecked")));
    QJsonObject byChannel{{QStringLiteral("online"), cell(QStringLiteral("ch_online"))},
                          {QStringLiteral("counter"), cell(QStringLiteral("ch_counter"))}};
    if (cell(QStringLiteral("ch_other")) != 0)
        byChannel.insert(QStringLiteral("other"), cell(QStringLiteral("ch_other")));
    o.insert(QStringLiteral("by_channel"), byChannel);
    o.insert(QStringLiteral("approved"), approved());
    o.insert(QStringLiteral("pending_local"), cell(QStringLiteral("pending_local")));
    o.insert(QStringLiteral("conflicts"), cell(QStringLiteral("conflicts")));
    o.insert(QStringLiteral("flagged"), cell(QStringLiteral("flagged")));
    QJsonObject flags;
    for (const QString& name : SupervisionSchema::flags())
        flags.insert(name, cell(QStringLiteral("flag_") + name));
    o.insert(QStringLiteral("flags"), flags);
    o.insert(QStringLiteral("decisions"), decisions);
    o.insert(QStringLiteral("approvals"), approvals);
    o.insert(QStringLiteral("rejections"), rejections);
    o.insert(QStringLiteral("info_requests"), infoRequests);
    o.insert(QStringLiteral("info_overdue"), infoOverdue);
    o.insert(QStringLiteral("overrides"), overrides);
    o.insert(QStringLiteral("median_hours_to_decision"), optionalInt(hours.percentile(0.5)));
    o.insert(QStringLiteral("p90_hours_to_decision"), optionalInt(hours.percentile(0.9)));
    o.insert(QStringLiteral("last_decision_day"),
             lastDecisionDay.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(lastDecisionDay));
}

std::optional<double> SupervisionReviewer::overrideRate() const
{
    const qint64 finals = approvals + rejections;
    if (finals <= 0)
        return std::nullopt;
    return double(overrides) / double(finals);
}

QJsonObject SupervisionFigures::toJson() const
{
    QJsonObject o{{QStringLiteral("scope"), scope.code},
                  {QStringLiteral("scope_kind"), scope.kindName()},
                  {QStringLiteral("generated_at"), json::formatTime(generatedAt)}};
    QJsonObject totalsJson;
    totals.writeJson(totalsJson);
    o.insert(QStringLiteral("totals"), totalsJson);
    QJsonArray districtsJson;
    for (const SupervisionDistrict& d : districts) {
        QJsonObject j{{QStringLiteral("district_code"), d.districtCode},
                      {QStringLiteral("schools"), d.schools},
                      {QStringLiteral("capacity"), d.capacity}};
        d.counts.writeJson(j);
        districtsJson.append(j);
    }
    o.insert(QStringLiteral("districts"), districtsJson);
    QJsonArray schoolsJson;
    for (const SupervisionSchool& s : schools) {
        QJsonObject j{{QStringLiteral("school_id"), s.schoolId},
                      {QStringLiteral("district_code"), s.districtCode},
                      {QStringLiteral("capacity"), s.capacity}};
        s.counts.writeJson(j);
        j.insert(QStringLiteral("over_capacity"), s.capacity > 0 && s.counts.approved() > s.capacity);
        schoolsJson.append(j);
    }
    o.insert(QStringLiteral("schools"), schoolsJson);
    QJsonArray daysJson;
    for (const SupervisionDay& d : days)
        daysJson.append(QJsonObject{{QStringLiteral("day"), d.day},
                                    {QStringLiteral("submitted"), d.submitted},
                                    {QStringLiteral("decided"), d.decided},
                                    {QStringLiteral("info_requests"), d.infoRequests}});
    o.insert(QStringLiteral("daily"), daysJson);
    QJsonArray reviewersJson;
    for (const SupervisionReviewer& r : reviewers)
        reviewersJson.append(QJsonObject{{QStringLiteral("account"), r.account},
                                         {QStringLiteral("decisions"), r.decisions},
                                         {QStringLiteral("approvals"), r.approvals},
                                         {QStringLiteral("rejections"), r.rejections},
                                         {QStringLiteral("overrides"), r.overrides},
                                         {QStringLiteral("info_requests"), r.infoRequests},
                                         {QStringLiteral("override_rate"), optionalNumber(r.overrideRate())},
                                         {QStringLiteral("robust_z"), optionalNumber(r.robustZ)},
                                         {QStringLiteral("outlier"), r.outlier}});
    o.insert(QStringLiteral("reviewers"), reviewersJson);
    o.insert(QStringLiteral("reviewer_method"),
             QJsonObject{{QStringLiteral("measure"), QStringLiteral("robust_z_mad")},
                         {QStringLiteral("min_decisions"), OutlierMethod::kMinDecisions},
                         {QStringLiteral("min_peers"), OutlierMethod::kMinPeers},
                         {QStringLiteral("threshold"), OutlierMethod::kThreshold},
                         {QStringLiteral("peers"), method.peers},
                         {QStringLiteral("median_override_rate"), optionalNumber(method.median)},
                         {QStringLiteral("mad"), optionalNumber(method.mad)},
                         {QStringLiteral("mean_ad_used"), method.meanAdUsed}});
    return o;
}

OutlierMethod SupervisionReport::markOutliers(QList<SupervisionReviewer>& reviewers)
{
    OutlierMethod m;
    QList<double> rates;
    QList<SupervisionReviewer*> peers;
    for (SupervisionReviewer& r : reviewers) {
        r.robustZ.reset();
        r.outlier = false;
        if (r.approvals + r.rejections >= OutlierMethod::kMinDecisions) {
            rates.append(*r.overrideRate());
            peers.append(&r);
        }
    }
    m.peers = int(peers.size());
    if (m.peers < OutlierMethod::kMinPeers)
        return m;
    const double median = medianOf(rates);
    QList<double> deviations;
    double sum = 0;
    for (double x : rates) {
        deviations.append(std::abs(x - median));
        sum += std::abs(x - median);
    }
    const double mad = medianOf(deviations);
    const double meanAd = sum / double(rates.size());
    m.median = median;
    m.mad = mad;
    m.meanAdUsed = mad <= 0;
    if (mad <= 0 && meanAd <= 0)
        return m; // every peer has the same rate: no one stands out
    for (SupervisionReviewer* r : peers) {
        const double x = *r->overrideRate();
        const double z = mad > 0 ? 0.6745 * (x - median) / mad : (x - median) / (1.253314 * meanAd);
        r->robustZ = z;
        r->outlier = std::abs(z) > OutlierMethod::kThreshold;
    }
    return m;
}

Result<SupervisionScope> SupervisionReport::resolveScope(store::Connection& c, const QString& text)
{
    const QString code = text.trimmed();
    SupervisionScope scope;
    if (code == SupervisionSchema::kCityCode) {
        scope.kind = SupervisionScope::Kind::City;
        scope.code = code;
        return scope;
    }
    auto district = c.prepare(QStringLiteral("SELECT 1 FROM schools WHERE district_code = ? LIMIT 1"));
    if (!district)
        return district.error();
    district->bind(1, code);
    if (!code.isEmpty() && district->step()) {
        scope.kind = SupervisionScope::Kind::District;
        scope.code = code;
        return scope;
    }
    auto school =
        c.prepare(QStringLiteral("SELECT coalesce((SELECT district_code FROM schools WHERE id = ?1), '') "
                                 "WHERE EXISTS (SELECT 1 FROM schools WHERE id = ?1) OR EXISTS (SELECT 1 FROM "
                                 "supervision_cells WHERE school_id = ?1 AND applications != 0)"));
    if (!school)
        return school.error();
    school->bind(1, code);
    if (!code.isEmpty() && school->step()) {
        scope.kind = SupervisionScope::Kind::School;
        scope.code = code;
        scope.districtCode = school->text(0);
        return scope;
    }
    return Error{QStringLiteral("bad_scope"),
                 SupervisionText::tr("\"%1\" is not a scope this workstation holds: give the city (%2), the code of a "
                                     "district it holds schools of, or the id of a school.")
                     .arg(code, SupervisionSchema::kCityCode)};
}

Result<SupervisionScope> SupervisionReport::defaultScope(store::Connection& c, const QString& role)
{
    if (role != role::Principal)
        return resolveScope(c, SupervisionSchema::kCityCode);
    auto held = heldSchools(c);
    if (!held)
        return held.error();
    if (held->size() == 1)
        return resolveScope(c, held->first());
    return Error{QStringLiteral("bad_scope"),
                 SupervisionText::tr("This workstation holds the applications of %n school(s); say which with --scope "
                                     "SCHOOL.",
                                     nullptr, int(held->size()))};
}

Result<QStringList> SupervisionReport::heldSchools(store::Connection& c)
{
    QStringList held;
    Status s =
        each(c, QStringLiteral("SELECT DISTINCT school_id FROM supervision_cells WHERE applications != 0 ORDER BY 1"),
             [&](const store::Statement& q) { held.append(q.text(0)); });
    if (!s)
        return s.error();
    return held;
}

Status SupervisionReport::allowed(const QString& role, const SupervisionScope& scope)
{
    if (role == role::Supervisor)
        return {};
    if (role == role::Principal) {
        if (scope.kind == SupervisionScope::Kind::School)
            return {};
        return Error{security::kRoleNotAllowed,
                     SupervisionText::tr("A principal reads the figures of the school, not of a district or the city: "
                                         "say the school with --scope SCHOOL.")};
    }
    return Error{security::kRoleNotAllowed,
                 SupervisionText::tr("You are signed in as %1, who may not read the supervision figures. A bureau "
                                     "supervisor reads those of its district or the city, a principal those of the "
                                     "school.")
                     .arg(role::displayName(role))};
}

QDate SupervisionReport::cityToday()
{
    return QDateTime::currentDateTimeUtc().addSecs(SupervisionSchema::kDayOffsetHours * 3600).date();
}

namespace {

Result<SupervisionFigures> readWith(store::Connection& c, const SupervisionScope& scope, QDate today,
                                    Result<Raw> (*counts)(store::Connection&, const SupervisionScope&), bool plain)
{
    auto known = schoolsOf(c, scope);
    if (!known)
        return known.error();
    auto raw = counts(c, scope);
    if (!raw)
        return raw.error();
    if (Status s = readOverdue(c, scope, today.isValid() ? today : SupervisionReport::cityToday(), plain, *raw); !s)
        return s.error();
    return assemble(scope, *known, *raw);
}

} // namespace

Result<SupervisionFigures> SupervisionReport::read(store::Connection& c, const SupervisionScope& scope, QDate today)
{
    return readWith(c, scope, today, &readCounters, false);
}

Result<SupervisionFigures> SupervisionReport::readPlain(store::Connection& c, const SupervisionScope& scope,
                                                        QDate today)
{
    return readWith(c, scope, today, &readPlainRaw, true);
}

Status SupervisionReport::rebuild(store::Connection& writer)
{
    return SupervisionSchema::rebuild(writer);
}

} // namespace adm::views
