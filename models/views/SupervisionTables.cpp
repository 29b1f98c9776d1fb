#include "SupervisionTables.h"

#include "Labels.h"
#include "security/Roles.h"
#include "store/Sql.h"
#include "store/SupervisionSchema.h"

#include <QColor>
#include <QCoreApplication>
#include <QLocale>
#include <algorithm>

namespace adm::views {

namespace {

// Translated in the context "SupervisionTables".
struct T {
    Q_DECLARE_TR_FUNCTIONS(SupervisionTables)
};

// A text marked with QT_TRANSLATE_NOOP("SupervisionTables", …).
QString translated(const char* text)
{
    return QCoreApplication::translate("SupervisionTables", text);
}

SupervisionColumn col(const char* code, const char* title, SupervisionCell kind)
{
    return {QLatin1String(code), translated(title), kind};
}

QVariant fraction(qint64 part, qint64 whole)
{
    return whole > 0 ? QVariant(double(part) / double(whole)) : QVariant();
}

QVariant optionalInt(const std::optional<int>& v)
{
    return v ? QVariant(*v) : QVariant();
}

QVariant optionalDouble(const std::optional<double>& v)
{
    return v ? QVariant(*v) : QVariant();
}

qint64 awaiting(const SupervisionCounts& c)
{
    return c.cell(QStringLiteral("st_submitted")) + c.cell(QStringLiteral("st_under_review"));
}

QString nameOf(const QMap<QString, QString>& names, const QString& id)
{
    return names.value(id);
}

// A figure tile: its code, title and how it is read from the scope's counters. Adding a figure to the
// Progress tab is one line here.
struct TileRule {
    const char* code;
    const char* title;
    std::function<std::optional<qint64>(const SupervisionCounts&)> value;
    bool warnUnlessZero = false;
};

const QList<TileRule>& tileRules()
{
    static const QList<TileRule> rules = {
        {"applications", QT_TRANSLATE_NOOP("SupervisionTables", "Applications"),
         [](const SupervisionCounts& c) { return c.applications(); }},
        {"awaiting", QT_TRANSLATE_NOOP("SupervisionTables", "Awaiting a decision"),
         [](const SupervisionCounts& c) { return awaiting(c); }},
        {"approved", QT_TRANSLATE_NOOP("SupervisionTables", "Approved"),
         [](const SupervisionCounts& c) { return c.approved(); }},
        {"rejected", QT_TRANSLATE_NOOP("SupervisionTables", "Rejected"),
         [](const SupervisionCounts& c) { return c.cell(QStringLiteral("st_rejected")); }},
        {"info_requested", QT_TRANSLATE_NOOP("SupervisionTables", "Information requested"),
         [](const SupervisionCounts& c) { return c.cell(QStringLiteral("st_info_requested")); }},
        {"info_overdue", QT_TRANSLATE_NOOP("SupervisionTables", "Information past its due date"),
         [](const SupervisionCounts& c) { return c.infoOverdue; }, true},
        {"conflicts", QT_TRANSLATE_NOOP("SupervisionTables", "Conflicts"),
         [](const SupervisionCounts& c) { return c.cell(QStringLiteral("conflicts")); }, true},
        {"pending_local", QT_TRANSLATE_NOOP("SupervisionTables", "Decisions waiting to be sent"),
         [](const SupervisionCounts& c) { return c.cell(QStringLiteral("pending_local")); }},
    };
    return rules;
}

QString scopeFilterText(const SupervisionScope& scope)
{
    return scope.kindName() + u':' + scope.code;
}

} // namespace

// --- the table ----------------------------------------------------------------------------------

QStringList SupervisionTable::headers() const
{
    QStringList out;
    for (const SupervisionColumn& c : columns)
        out << c.title;
    return out;
}

int SupervisionTable::column(const QString& code) const
{
    for (int i = 0; i < columns.size(); ++i)
        if (columns.at(i).code == code)
            return i;
    return -1;
}

QString SupervisionTable::displayText(int row, int column) const
{
    if (row < 0 || row >= rows.size() || column < 0 || column >= columns.size())
        return {};
    const QVariant v = rows.at(row).cells.value(column);
    const SupervisionCell kind = columns.at(column).kind;
    if (kind == SupervisionCell::Mark)
        return v.toBool() ? T::tr("Yes") : QString();
    if (!v.isValid() || v.isNull())
        return (kind == SupervisionCell::Text || kind == SupervisionCell::Code) ? QString() : QStringLiteral("—");
    const QLocale locale;
    switch (kind) {
    case SupervisionCell::Count:
        return locale.toString(v.toLongLong());
    case SupervisionCell::Percent:
        return T::tr("%1 %").arg(locale.toString(v.toDouble() * 100.0, 'f', 1));
    case SupervisionCell::Hours:
        return T::tr("%1 h").arg(locale.toString(v.toInt()));
    case SupervisionCell::Score:
        return locale.toString(v.toDouble(), 'f', 2);
    default:
        return v.toString();
    }
}

QString SupervisionTable::exportText(int row, int column) const
{
    if (row < 0 || row >= rows.size() || column < 0 || column >= columns.size())
        return {};
    const QVariant v = rows.at(row).cells.value(column);
    const SupervisionCell kind = columns.at(column).kind;
    if (kind == SupervisionCell::Mark)
        return v.toBool() ? T::tr("Yes") : QString();
    if (!v.isValid() || v.isNull())
        return {};
    switch (kind) {
    case SupervisionCell::Count:
        return QString::number(v.toLongLong());
    case SupervisionCell::Percent:
        return QString::number(v.toDouble() * 100.0, 'f', 1);
    case SupervisionCell::Hours:
        return QString::number(v.toInt());
    case SupervisionCell::Score:
        return QString::number(v.toDouble(), 'f', 2);
    default:
        return v.toString();
    }
}

// --- the read -----------------------------------------------------------------------------------

Result<SupervisionRead> readSupervision(const CacheView& cache, const QString& role, const QString& scopeCode)
{
    store::Connection& c = cache.connection();
    // One snapshot: a sync writing meanwhile changes nothing of what is read here.
    if (Status s = c.exec(QStringLiteral("BEGIN")); !s)
        return s.error();
    auto finish = [&c] { (void)c.exec(QStringLiteral("COMMIT")); };
    // A principal of several schools: the first, and the others to choose from.
    QStringList held;
    if (role == role::Principal) {
        auto schools = SupervisionReport::heldSchools(c);
        if (!schools) {
            finish();
            return schools.error();
        }
        held = *schools;
    }
    const QString code = scopeCode.isEmpty() && !held.isEmpty() ? held.first() : scopeCode;
    auto scope = code.isEmpty() ? SupervisionReport::defaultScope(c, role) : SupervisionReport::resolveScope(c, code);
    if (!scope) {
        finish();
        return scope.error();
    }
    if (Status s = SupervisionReport::allowed(role, *scope); !s) {
        finish();
        return s.error();
    }
    auto figures = SupervisionReport::read(c, *scope);
    if (!figures) {
        finish();
        return figures.error();
    }
    SupervisionRead out;
    out.figures = std::move(*figures);
    auto q = c.prepare(QStringLiteral("SELECT id, district_code, name FROM schools ORDER BY district_code, id"));
    if (!q) {
        finish();
        return q.error();
    }
    const bool everything = role == role::Supervisor;
    if (everything) {
        SupervisionScope city;
        city.code = store::SupervisionSchema::kCityCode;
        out.choices.append(city);
    }
    QList<SupervisionScope> schools;
    QString lastDistrict;
    Error error;
    while (q->step(&error)) {
        const QString id = q->text(0), district = q->text(1);
        out.schoolNames.insert(id, q->text(2));
        if (!everything) {
            if (held.contains(id))
                schools.append({SupervisionScope::Kind::School, id, district});
            continue;
        }
        if (district != lastDistrict) {
            out.choices.append({SupervisionScope::Kind::District, district, district});
            lastDistrict = district;
        }
        schools.append({SupervisionScope::Kind::School, id, district});
    }
    finish();
    if (!error.code.isEmpty())
        return error;
    out.choices += schools;
    if (!everything && schools.isEmpty())
        out.choices.append(out.figures.scope);
    return out;
}

// --- the tables ---------------------------------------------------------------------------------

QString SupervisionTables::scopeText(const SupervisionScope& scope, const QMap<QString, QString>& schoolNames)
{
    switch (scope.kind) {
    case SupervisionScope::Kind::City:
        return T::tr("City %1").arg(scope.code);
    case SupervisionScope::Kind::District:
        return T::tr("District %1").arg(scope.code);
    case SupervisionScope::Kind::School: {
        const QString name = schoolNames.value(scope.code);
        return name.isEmpty() ? T::tr("School %1").arg(scope.code) : T::tr("School %1 (%2)").arg(scope.code, name);
    }
    }
    return scope.code;
}

QList<SupervisionTile> SupervisionTables::tiles(const SupervisionFigures& f)
{
    QList<SupervisionTile> out;
    for (const TileRule& r : tileRules()) {
        SupervisionTile t{QLatin1String(r.code), translated(r.title), r.value(f.totals), false};
        t.warning = r.warnUnlessZero && t.value.value_or(0) > 0;
        out.append(t);
    }
    return out;
}

SupervisionTable SupervisionTables::days(const SupervisionFigures& f)
{
    SupervisionTable t;
    t.code = QStringLiteral("daily");
    t.title = T::tr("Progress per day");
    t.columns = {
        col("day", QT_TRANSLATE_NOOP("SupervisionTables", "Day"), SupervisionCell::Day),
        col("submitted", QT_TRANSLATE_NOOP("SupervisionTables", "Submitted"), SupervisionCell::Count),
        col("decided", QT_TRANSLATE_NOOP("SupervisionTables", "Decided"), SupervisionCell::Count),
        col("info_requests", QT_TRANSLATE_NOOP("SupervisionTables", "Information requests"), SupervisionCell::Count),
        col("submitted_total", QT_TRANSLATE_NOOP("SupervisionTables", "Submitted in all"), SupervisionCell::Count),
        col("decided_total", QT_TRANSLATE_NOOP("SupervisionTables", "Decided in all"), SupervisionCell::Count)};
    qint64 submitted = 0, decided = 0;
    for (const SupervisionDay& d : f.days) {
        if (d.day.isEmpty())
            continue; // a decision without a time: counted in the totals, on no day
        submitted += d.submitted;
        decided += d.decided;
        t.rows.append({d.day, {d.day, d.submitted, d.decided, d.infoRequests, submitted, decided}, {}, false});
    }
    return t;
}

SupervisionTable SupervisionTables::districtSeats(const SupervisionFigures& f)
{
    SupervisionTable t;
    t.code = QStringLiteral("district_seats");
    t.title = T::tr("Seats per district");
    t.drillBin = Bin::Approved;
    t.columns = {
        col("district_code", QT_TRANSLATE_NOOP("SupervisionTables", "District"), SupervisionCell::Code),
        col("schools", QT_TRANSLATE_NOOP("SupervisionTables", "Schools"), SupervisionCell::Count),
        col("capacity", QT_TRANSLATE_NOOP("SupervisionTables", "Capacity"), SupervisionCell::Count),
        col("approved", QT_TRANSLATE_NOOP("SupervisionTables", "Approved"), SupervisionCell::Count),
        col("filled", QT_TRANSLATE_NOOP("SupervisionTables", "Filled"), SupervisionCell::Percent),
        col("applications", QT_TRANSLATE_NOOP("SupervisionTables", "Applications"), SupervisionCell::Count),
        col("awaiting", QT_TRANSLATE_NOOP("SupervisionTables", "Awaiting a decision"), SupervisionCell::Count)};
    for (const SupervisionDistrict& d : f.districts) {
        const qint64 approved = d.counts.approved();
        SupervisionRow r{d.districtCode,
                         {d.districtCode, d.schools, d.capacity, approved, fraction(approved, d.capacity),
                          d.counts.applications(), awaiting(d.counts)},
                         {SupervisionDrill::Kind::District, d.districtCode},
                         d.capacity > 0 && approved > d.capacity};
        if (d.districtCode.isEmpty())
            r.drill = {};
        t.rows.append(r);
    }
    return t;
}

SupervisionTable SupervisionTables::schoolSeats(const SupervisionFigures& f, const QMap<QString, QString>& names)
{
    SupervisionTable t;
    t.code = QStringLiteral("school_seats");
    t.title = T::tr("Seats per school");
    t.drillBin = Bin::Approved;
    t.columns = {
        col("school_id", QT_TRANSLATE_NOOP("SupervisionTables", "School"), SupervisionCell::Code),
        col("name", QT_TRANSLATE_NOOP("SupervisionTables", "Name"), SupervisionCell::Text),
        col("district_code", QT_TRANSLATE_NOOP("SupervisionTables", "District"), SupervisionCell::Code),
        col("capacity", QT_TRANSLATE_NOOP("SupervisionTables", "Capacity"), SupervisionCell::Count),
        col("approved", QT_TRANSLATE_NOOP("SupervisionTables", "Approved"), SupervisionCell::Count),
        col("filled", QT_TRANSLATE_NOOP("SupervisionTables", "Filled"), SupervisionCell::Percent),
        col("over_capacity", QT_TRANSLATE_NOOP("SupervisionTables", "Over capacity by"), SupervisionCell::Count),
        col("applications", QT_TRANSLATE_NOOP("SupervisionTables", "Applications"), SupervisionCell::Count),
        col("awaiting", QT_TRANSLATE_NOOP("SupervisionTables", "Awaiting a decision"), SupervisionCell::Count)};
    QList<SupervisionSchool> schools = f.schools;
    // Over capacity first (the most over first), then the fullest, then by id.
    auto over = [](const SupervisionSchool& s) { return s.capacity > 0 ? s.counts.approved() - s.capacity : 0; };
    auto filled = [](const SupervisionSchool& s) {
        return s.capacity > 0 ? double(s.counts.approved()) / double(s.capacity) : -1.0;
    };
    std::stable_sort(schools.begin(), schools.end(), [&](const SupervisionSchool& a, const SupervisionSchool& b) {
        const qint64 oa = std::max<qint64>(0, over(a)), ob = std::max<qint64>(0, over(b));
        if (oa != ob)
            return oa > ob;
        if (filled(a) != filled(b))
            return filled(a) > filled(b);
        return a.schoolId < b.schoolId;
    });
    for (const SupervisionSchool& s : schools) {
        const qint64 approved = s.counts.approved();
        const qint64 o = over(s);
        t.rows.append({s.schoolId,
                       {s.schoolId, nameOf(names, s.schoolId), s.districtCode, s.capacity, approved,
                        fraction(approved, s.capacity), o > 0 ? QVariant(o) : QVariant(), s.counts.applications(),
                        awaiting(s.counts)},
                       {SupervisionDrill::Kind::School, s.schoolId},
                       o > 0});
    }
    return t;
}

SupervisionTable SupervisionTables::categoryMix(const SupervisionFigures& f, const QMap<QString, QString>& names)
{
    SupervisionTable t;
    t.code = QStringLiteral("category_mix");
    t.title = T::tr("Checked category per school");
    t.columns = {col("school_id", QT_TRANSLATE_NOOP("SupervisionTables", "School"), SupervisionCell::Code),
                 col("name", QT_TRANSLATE_NOOP("SupervisionTables", "Name"), SupervisionCell::Text),
                 col("applications", QT_TRANSLATE_NOOP("SupervisionTables", "Applications"), SupervisionCell::Count),
                 col("A", QT_TRANSLATE_NOOP("SupervisionTables", "A"), SupervisionCell::Count),
                 col("B", QT_TRANSLATE_NOOP("SupervisionTables", "B"), SupervisionCell::Count),
                 col("C", QT_TRANSLATE_NOOP("SupervisionTables", "C"), SupervisionCell::Count),
                 col("none", QT_TRANSLATE_NOOP("SupervisionTables", "None"), SupervisionCell::Count),
                 col("unchecked", QT_TRANSLATE_NOOP("SupervisionTables", "Not checked yet"), SupervisionCell::Count)};
    QList<SupervisionSchool> schools = f.schools;
    std::stable_sort(schools.begin(), schools.end(), [](const SupervisionSchool& a, const SupervisionSchool& b) {
        if (a.counts.applications() != b.counts.applications())
            return a.counts.applications() > b.counts.applications();
        return a.schoolId < b.schoolId;
    });
    for (const SupervisionSchool& s : schools) {
        const SupervisionCounts& c = s.counts;
        t.rows.append({s.schoolId,
                       {s.schoolId, nameOf(names, s.schoolId), c.applications(), c.cell(QStringLiteral("ck_a")),
                        c.cell(QStringLiteral("ck_b")), c.cell(QStringLiteral("ck_c")),
                        c.cell(QStringLiteral("ck_none")), c.cell(QStringLiteral("ck_unchecked"))},
                       {SupervisionDrill::Kind::School, s.schoolId},
                       false});
    }
    return t;
}

SupervisionTable SupervisionTables::channels(const SupervisionFigures& f)
{
    SupervisionTable t;
    t.code = QStringLiteral("channels");
    t.title = T::tr("Channels per district");
    t.columns = {col("district_code", QT_TRANSLATE_NOOP("SupervisionTables", "District"), SupervisionCell::Code),
                 col("applications", QT_TRANSLATE_NOOP("SupervisionTables", "Applications"), SupervisionCell::Count),
                 col("online", QT_TRANSLATE_NOOP("SupervisionTables", "Online"), SupervisionCell::Count),
                 col("counter", QT_TRANSLATE_NOOP("SupervisionTables", "At the counter"), SupervisionCell::Count),
                 col("online_share", QT_TRANSLATE_NOOP("SupervisionTables", "Online share"), SupervisionCell::Percent)};
    auto row = [](const SupervisionCounts& c) -> QVariantList {
        const qint64 online = c.cell(QStringLiteral("ch_online")), counter = c.cell(QStringLiteral("ch_counter"));
        return {c.applications(), online, counter, fraction(online, online + counter)};
    };
    for (const SupervisionDistrict& d : f.districts) {
        SupervisionRow r{d.districtCode,
                         QVariantList{d.districtCode} + row(d.counts),
                         {SupervisionDrill::Kind::District, d.districtCode},
                         false};
        if (d.districtCode.isEmpty())
            r.drill = {};
        t.rows.append(r);
    }
    if (f.districts.size() > 1)
        t.rows.append({QStringLiteral("*"), QVariantList{T::tr("All")} + row(f.totals), {}, false});
    return t;
}

SupervisionTable SupervisionTables::flags(const SupervisionFigures& f)
{
    SupervisionTable t;
    t.code = QStringLiteral("flags");
    t.title = T::tr("Flags");
    t.drillBin = Bin::Flagged;
    t.columns = {col("flag", QT_TRANSLATE_NOOP("SupervisionTables", "Flag"), SupervisionCell::Text),
                 col("code", QT_TRANSLATE_NOOP("SupervisionTables", "Code"), SupervisionCell::Code),
                 col("applications", QT_TRANSLATE_NOOP("SupervisionTables", "Applications"), SupervisionCell::Count),
                 col("rate", QT_TRANSLATE_NOOP("SupervisionTables", "Share"), SupervisionCell::Percent)};
    const QStringList codes = labels::flagsInBitOrder();
    const qint64 all = f.totals.applications();
    for (int bit = 0; bit < codes.size(); ++bit) {
        const QString& code = codes.at(bit);
        const qint64 n = f.totals.cell(QStringLiteral("flag_") + code);
        t.rows.append(
            {code, {labels::flag(code), code, n, fraction(n, all)}, {SupervisionDrill::Kind::Flag, code, bit}, false});
    }
    return t;
}

SupervisionTable SupervisionTables::quality(const SupervisionFigures& f, const QMap<QString, QString>& names)
{
    SupervisionTable t;
    t.code = QStringLiteral("quality");
    t.title = T::tr("Quality per school");
    t.drillBin = Bin::Flagged;
    t.columns = {col("school_id", QT_TRANSLATE_NOOP("SupervisionTables", "School"), SupervisionCell::Code),
                 col("name", QT_TRANSLATE_NOOP("SupervisionTables", "Name"), SupervisionCell::Text),
                 col("applications", QT_TRANSLATE_NOOP("SupervisionTables", "Applications"), SupervisionCell::Count),
                 col("flagged", QT_TRANSLATE_NOOP("SupervisionTables", "With a flag"), SupervisionCell::Percent)};
    const QStringList codes = labels::flagsInBitOrder();
    for (const QString& code : codes)
        t.columns.append({QStringLiteral("flag_") + code, labels::flag(code), SupervisionCell::Percent});
    t.columns +=
        {col("median_hours", QT_TRANSLATE_NOOP("SupervisionTables", "Median time to decision"), SupervisionCell::Hours),
         col("p90_hours", QT_TRANSLATE_NOOP("SupervisionTables", "90th percentile"), SupervisionCell::Hours),
         col("last_decision_day", QT_TRANSLATE_NOOP("SupervisionTables", "Last decision"), SupervisionCell::Day)};
    QList<SupervisionSchool> schools = f.schools;
    auto flagged = [](const SupervisionSchool& s) {
        const qint64 n = s.counts.applications();
        return n > 0 ? double(s.counts.cell(QStringLiteral("flagged"))) / double(n) : -1.0;
    };
    std::stable_sort(schools.begin(), schools.end(), [&](const SupervisionSchool& a, const SupervisionSchool& b) {
        if (flagged(a) != flagged(b))
            return flagged(a) > flagged(b);
        return a.schoolId < b.schoolId;
    });
    for (const SupervisionSchool& s : schools) {
        const SupervisionCounts& c = s.counts;
        const qint64 n = c.applications();
        QVariantList cells{s.schoolId, nameOf(names, s.schoolId), n, fraction(c.cell(QStringLiteral("flagged")), n)};
        for (const QString& code : codes)
            cells << fraction(c.cell(QStringLiteral("flag_") + code), n);
        cells << optionalInt(c.hours.percentile(0.5)) << optionalInt(c.hours.percentile(0.9))
              << (c.lastDecisionDay.isEmpty() ? QVariant() : QVariant(c.lastDecisionDay));
        t.rows.append({s.schoolId, cells, {SupervisionDrill::Kind::School, s.schoolId}, false});
    }
    return t;
}

SupervisionTable SupervisionTables::stalled(const SupervisionFigures& f, const QMap<QString, QString>& names, int days,
                                            const QDate& today)
{
    SupervisionTable t;
    t.code = QStringLiteral("stalled");
    t.title = T::tr("Schools without a decision for %n day(s)", nullptr, days);
    t.columns = {
        col("school_id", QT_TRANSLATE_NOOP("SupervisionTables", "School"), SupervisionCell::Code),
        col("name", QT_TRANSLATE_NOOP("SupervisionTables", "Name"), SupervisionCell::Text),
        col("district_code", QT_TRANSLATE_NOOP("SupervisionTables", "District"), SupervisionCell::Code),
        col("applications", QT_TRANSLATE_NOOP("SupervisionTables", "Applications"), SupervisionCell::Count),
        col("awaiting", QT_TRANSLATE_NOOP("SupervisionTables", "Awaiting a decision"), SupervisionCell::Count),
        col("last_decision_day", QT_TRANSLATE_NOOP("SupervisionTables", "Last decision"), SupervisionCell::Day),
        col("days_without", QT_TRANSLATE_NOOP("SupervisionTables", "Days without a decision"), SupervisionCell::Count)};
    struct Entry {
        const SupervisionSchool* school;
        std::optional<qint64> since; // nullopt: never decided
    };
    QList<Entry> entries;
    for (const SupervisionSchool& s : f.schools) {
        if (s.counts.applications() <= 0)
            continue;
        const QDate last = QDate::fromString(s.counts.lastDecisionDay, Qt::ISODate);
        if (!last.isValid()) {
            entries.append({&s, std::nullopt});
            continue;
        }
        const qint64 since = last.daysTo(today);
        if (since >= days)
            entries.append({&s, since});
    }
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        if (a.since.has_value() != b.since.has_value())
            return !a.since.has_value(); // never decided first
        if (a.since != b.since)
            return *a.since > *b.since;
        return a.school->schoolId < b.school->schoolId;
    });
    for (const Entry& e : entries) {
        const SupervisionSchool& s = *e.school;
        t.rows.append(
            {s.schoolId,
             {s.schoolId, nameOf(names, s.schoolId), s.districtCode, s.counts.applications(), awaiting(s.counts),
              s.counts.lastDecisionDay.isEmpty() ? QVariant() : QVariant(s.counts.lastDecisionDay),
              e.since ? QVariant(*e.since) : QVariant()},
             {SupervisionDrill::Kind::School, s.schoolId},
             !e.since.has_value()});
    }
    return t;
}

SupervisionTable SupervisionTables::reviewers(const SupervisionFigures& f)
{
    SupervisionTable t;
    t.code = QStringLiteral("reviewers");
    t.title = T::tr("Officers");
    t.drillBin = Bin::Approved;
    t.columns = {
        col("account", QT_TRANSLATE_NOOP("SupervisionTables", "Officer account"), SupervisionCell::Code),
        col("decisions", QT_TRANSLATE_NOOP("SupervisionTables", "Decisions"), SupervisionCell::Count),
        col("approvals", QT_TRANSLATE_NOOP("SupervisionTables", "Approvals"), SupervisionCell::Count),
        col("rejections", QT_TRANSLATE_NOOP("SupervisionTables", "Rejections"), SupervisionCell::Count),
        col("overrides", QT_TRANSLATE_NOOP("SupervisionTables", "Overrides"), SupervisionCell::Count),
        col("override_rate", QT_TRANSLATE_NOOP("SupervisionTables", "Override rate"), SupervisionCell::Percent),
        col("info_requests", QT_TRANSLATE_NOOP("SupervisionTables", "Information requests"), SupervisionCell::Count),
        col("robust_z", QT_TRANSLATE_NOOP("SupervisionTables", "Robust z"), SupervisionCell::Score),
        col("outlier", QT_TRANSLATE_NOOP("SupervisionTables", "Stands out"), SupervisionCell::Mark)};
    QList<SupervisionReviewer> reviewers = f.reviewers;
    std::stable_sort(reviewers.begin(), reviewers.end(),
                     [](const SupervisionReviewer& a, const SupervisionReviewer& b) {
                         if (a.outlier != b.outlier)
                             return a.outlier;
                         const double ra = a.overrideRate().value_or(-1), rb = b.overrideRate().value_or(-1);
                         if (ra != rb)
                             return ra > rb;
                         return a.account < b.account;
                     });
    for (const SupervisionReviewer& r : reviewers) {
        SupervisionRow row{r.account,
                           {r.account.isEmpty() ? T::tr("(no hub account)") : r.account, r.decisions, r.approvals,
                            r.rejections, r.overrides, optionalDouble(r.overrideRate()), r.infoRequests,
                            optionalDouble(r.robustZ), r.outlier},
                           {SupervisionDrill::Kind::Officer, r.account},
                           r.outlier};
        if (r.account.isEmpty())
            row.drill = {}; // an empty officer filter would mean everyone
        t.rows.append(row);
    }
    return t;
}

QString SupervisionTables::methodText(const OutlierMethod& m)
{
    const QLocale locale;
    auto percent = [&](const std::optional<double>& v) {
        return v ? T::tr("%1 %").arg(locale.toString(*v * 100.0, 'f', 1)) : QStringLiteral("—");
    };
    const QString rule = T::tr("An officer stands out when |robust z| > %1, with z = 0.6745 (rate − median) / MAD over "
                               "the officers with at least %n approval(s) and rejection(s).",
                               nullptr, OutlierMethod::kMinDecisions)
                             .arg(locale.toString(OutlierMethod::kThreshold, 'f', 1));
    if (m.peers < OutlierMethod::kMinPeers)
        return rule + u' ' +
               T::tr("Fewer than %1 such officers here (%2): no one is measured.")
                   .arg(OutlierMethod::kMinPeers)
                   .arg(m.peers);
    QString s = rule + u' ' +
                T::tr("Here: %n officer(s), median override rate %1, MAD %2.", nullptr, m.peers)
                    .arg(percent(m.median), percent(m.mad));
    if (m.meanAdUsed)
        s += u' ' + T::tr("The MAD is 0, so the mean absolute deviation stands in.");
    return s;
}

std::optional<QueueQuery> SupervisionTables::drillQuery(const SupervisionTable& table, int row,
                                                        const SupervisionScope& scope)
{
    if (row < 0 || row >= table.rows.size())
        return std::nullopt;
    const SupervisionDrill& d = table.rows.at(row).drill;
    if (d.kind == SupervisionDrill::Kind::None)
        return std::nullopt;
    QueueQuery q;
    q.bin = table.drillBin;
    // Within the scope the dashboard shows.
    if (scope.kind == SupervisionScope::Kind::District)
        q.filter.districtCode = scope.code;
    else if (scope.kind == SupervisionScope::Kind::School)
        q.filter.schoolId = scope.code;
    switch (d.kind) {
    case SupervisionDrill::Kind::District:
        q.filter.districtCode = d.key;
        break;
    case SupervisionDrill::Kind::School:
        q.filter.schoolId = d.key;
        q.filter.districtCode.clear();
        break;
    case SupervisionDrill::Kind::Officer:
        q.filter.officer = d.key;
        q.filter.overridesOnly = true;
        break;
    case SupervisionDrill::Kind::Flag:
        if (d.flagBit < 0 || d.flagBit >= 63)
            return std::nullopt;
        q.filter.flagMask = qint64(1) << d.flagBit;
        break;
    case SupervisionDrill::Kind::None:
        break;
    }
    return q;
}

QString SupervisionTables::auditSubject(const QString& tableCode, const QString& format, qint64 rows,
                                        const SupervisionScope& scope)
{
    return QStringLiteral("table=%1 format=%2 rows=%3 scope=%4")
        .arg(tableCode, format)
        .arg(rows)
        .arg(scopeFilterText(scope));
}

QString SupervisionTables::defaultFileName(const QString& tableCode, const SupervisionScope& scope,
                                           const QDateTime& when, const QString& suffix)
{
    return QStringLiteral("supervision-%1-%2-%3.%4")
        .arg(tableCode, scope.code, when.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmm")), suffix);
}

// --- the model ----------------------------------------------------------------------------------

SupervisionTableModel::SupervisionTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void SupervisionTableModel::setTable(SupervisionTable table)
{
    bool same = table.rows.size() == m_table.rows.size() && table.columns.size() == m_table.columns.size();
    for (int i = 0; same && i < table.columns.size(); ++i)
        same = table.columns.at(i).code == m_table.columns.at(i).code;
    for (int i = 0; same && i < table.rows.size(); ++i)
        same = table.rows.at(i).key == m_table.rows.at(i).key;
    if (!same) {
        beginResetModel();
        m_table = std::move(table);
        endResetModel();
        return;
    }
    // The same rows in the same order: new figures in place; the view keeps its selection and scroll.
    m_table = std::move(table);
    if (!m_table.columns.isEmpty())
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, int(m_table.columns.size()) - 1);
    if (!m_table.rows.isEmpty() && !m_table.columns.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_table.rows.size()) - 1, int(m_table.columns.size()) - 1));
}

int SupervisionTableModel::rowOf(const QString& key) const
{
    for (int i = 0; i < m_table.rows.size(); ++i)
        if (m_table.rows.at(i).key == key)
            return i;
    return -1;
}

int SupervisionTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_table.rows.size());
}

int SupervisionTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_table.columns.size());
}

QVariant SupervisionTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SupervisionRow& row = m_table.rows.at(index.row());
    const SupervisionCell kind = m_table.columns.at(index.column()).kind;
    switch (role) {
    case Qt::DisplayRole:
        return m_table.displayText(index.row(), index.column());
    case Qt::TextAlignmentRole:
        if (kind == SupervisionCell::Text || kind == SupervisionCell::Code || kind == SupervisionCell::Day ||
            kind == SupervisionCell::Mark)
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        return row.highlight ? QVariant(QColor(255, 236, 204)) : QVariant();
    case Qt::ForegroundRole:
        return row.highlight ? QVariant(QColor(110, 50, 0)) : QVariant();
    case Qt::ToolTipRole:
        return row.drill.kind == SupervisionDrill::Kind::None
                   ? QVariant()
                   : QVariant(T::tr("Double-click or press Enter to open the matching queue."));
    case KeyRole:
        return row.key;
    case ValueRole:
        return row.cells.value(index.column());
    default:
        return {};
    }
}

QVariant SupervisionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_table.columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return m_table.columns.at(section).title;
    return {};
}

} // namespace adm::views
