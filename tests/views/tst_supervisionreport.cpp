#include "CityFixture.h"
#include "citygen/CityGenerator.h"
#include "domain/JsonCodec.h"
#include "security/Crypto.h"
#include "store/CacheEligibility.h"
#include "store/ChangeApplier.h"
#include "store/Database.h"
#include "store/Sql.h"
#include "store/SupervisionSchema.h"
#include "sync/DecisionWorkflow.h"
#include "sync/SignOffTypes.h"
#include "views/SupervisionReport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <numeric>

using namespace adm;
using views::SupervisionFigures;
using views::SupervisionReport;
using views::SupervisionScope;

namespace {

// JSON as Python's json.dumps writes it (", " and ": "), as an independent hub serves it.
QString spaced(const QJsonValue& v)
{
    if (v.isObject()) {
        QStringList parts;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            parts << spaced(it.key()) + QStringLiteral(": ") + spaced(it.value());
        return u'{' + parts.join(QStringLiteral(", ")) + u'}';
    }
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue& e : v.toArray())
            parts << spaced(e);
        return u'[' + parts.join(QStringLiteral(", ")) + u']';
    }
    const QByteArray one = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(one.mid(1, one.size() - 2));
}

QString dayOf(const QDateTime& t)
{
    return t.isValid() ? t.toOffsetFromUtc(8 * 3600).date().toString(Qt::ISODate) : QString();
}

// An application as this test knows it: from the changes it applied, the check's stored result and
// the decisions it made here.
struct Known {
    QString school, status, channel;
    QDateTime submittedAt;
    QJsonObject decision; // upstream
    // A decision of this workstation still in the outbox.
    QString localOutcome, localCategory;
    QDateTime localAt;
    QDate localDue; // a request for information's due date
};

struct Expected {
    struct School {
        QMap<QString, qint64> cells;
        qint64 decisions = 0, approvals = 0, rejections = 0, infoRequests = 0, overrides = 0;
        QList<int> hours;
    };
    QMap<QString, School> schools;
    QMap<QString, views::SupervisionReviewer> reviewers;
    QMap<QString, qint64> submittedPerDay, decidedPerDay;
};

std::optional<int> nearestRank(QList<int> values, double fraction)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const qsizetype rank = std::max<qsizetype>(1, qsizetype(std::ceil(fraction * double(values.size()) - 1e-9)));
    return values.at(rank - 1);
}

} // namespace

class TestSupervisionReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cityFiguresMatchTheCity();
    void furtherChangesAndDeletes();
    void localDecisions();
    void overdueInformationRequests();
    void replaceOfAnApplication();
    void rebuildGivesTheSameFigures();
    void bulkLoadFillsOnceAtTheEnd();
    void scopes();
    void outliersByMad();

private:
    void applyAndRemember(const QList<Change>& changes);
    Expected expected(const SupervisionScope& scope);
    void compareAll(const char* when);
    void compare(const SupervisionFigures& f, const Expected& e, const char* what);
    store::Connection& db() { return m_ws->database().writer(); }

    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_ws;
    QMap<QString, Known> m_apps;
    QMap<QString, QPair<QString, qint64>> m_schools; // id: district, capacity
    QList<Change> m_appChanges;                      // the city's applications as generated
    QString m_district;
    qint64 m_seq = 0;
};

void TestSupervisionReport::applyAndRemember(const QList<Change>& changes)
{
    store::ChangeApplier applier(db());
    auto applied = applier.apply(changes);
    QVERIFY2(applied, qPrintable(applied.error().message));
    for (const Change& c : changes) {
        if (c.entity == entity::School && !c.isDelete())
            m_schools.insert(c.id, {c.data.value(QStringLiteral("district_code")).toString(),
                                    qint64(c.data.value(QStringLiteral("capacity")).toInt())});
        if (c.entity != entity::Application)
            continue;
        if (c.isDelete()) {
            m_apps.remove(c.id);
            continue;
        }
        Known k = m_apps.value(c.id);
        k.school = c.data.value(QStringLiteral("target_school_id")).toString();
        k.status = c.data.value(QStringLiteral("status")).toString(QStringLiteral("submitted"));
        k.channel = c.data.value(QStringLiteral("channel")).toString();
        k.submittedAt = json::parseTime(c.data.value(QStringLiteral("submitted_at")).toString());
        k.decision = c.data.value(QStringLiteral("decision")).toObject();
        m_apps.insert(c.id, k);
    }
    auto checked = store::CacheEligibility(db()).refresh();
    QVERIFY2(checked, qPrintable(checked.error().message));
}

void TestSupervisionReport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto ws = store::Workspace::initialise(m_dir.path(), testsupport::kReviewer, QStringLiteral("reviewer"),
                                           testsupport::kPassphrase);
    QVERIFY2(ws, qPrintable(ws.error().message));
    m_ws = std::move(*ws);

    citygen::Options options;
    options.applications = 2500;
    options.seed = 16;
    QList<Change> changes;
    QHash<QString, QString> truth;
    citygen::CityGenerator(options).generate(
        [&](const Change& c) { changes.append(c); },
        [&](const citygen::Truth& t) { truth.insert(t.applicationId, t.category); });
    // Decisions upstream: eight officers; officer.7 approves in category A whatever the family is.
    QRandomGenerator rng(16);
    int n = 0;
    for (Change& c : changes) {
        m_seq = std::max(m_seq, c.seq);
        if (c.entity != entity::Application)
            continue;
        m_appChanges.append(c);
        ++n;
        const int roll = int(rng.bounded(100));
        if (roll < 55) {
            const QString officer = QStringLiteral("officer.%1").arg(n % 8);
            const QString outcome = roll < 30   ? QStringLiteral("approve")
                                    : roll < 45 ? QStringLiteral("reject")
                                                : QStringLiteral("request_info");
            const QString category = outcome != QLatin1String("approve")          ? QString()
                                     : n % 8 == 7                                 ? QStringLiteral("A")
                                     : truth.value(c.id) == QLatin1String("none") ? QStringLiteral("C")
                                                                                  : truth.value(c.id);
            const QDateTime submitted = json::parseTime(c.data.value(QStringLiteral("submitted_at")).toString());
            QJsonObject decision{
                {QStringLiteral("outcome"), outcome},
                {QStringLiteral("category"), category.isEmpty() ? QJsonValue() : QJsonValue(category)},
                {QStringLiteral("reason_code"), QJsonValue()},
                {QStringLiteral("note"), QStringLiteral("a note with \"quotes\" and a } brace")},
                {QStringLiteral("decided_by"), officer},
                {QStringLiteral("decided_at"), json::formatTime(submitted.addSecs(qint64(rng.bounded(400 * 3600))))},
                {QStringLiteral("client_decided_at"), QStringLiteral("1999-01-01T00:00:00Z")},
                {QStringLiteral("batch_id"), QJsonValue()},
                {QStringLiteral("signed"), false}};
            // Most of the platform's requests with a due date around today: some overdue now, more in 30 days.
            if (outcome == QLatin1String("request_info") && n % 5 != 0)
                decision.insert(QStringLiteral("due_date"),
                                SupervisionReport::cityToday().addDays(n % 60 - 30).toString(Qt::ISODate));
            c.data.insert(QStringLiteral("decision"), decision);
            c.data.insert(QStringLiteral("status"), outcome == QLatin1String("approve") ? QStringLiteral("approved")
                                                    : outcome == QLatin1String("reject")
                                                        ? QStringLiteral("rejected")
                                                        : QStringLiteral("info_requested"));
            c.data.insert(QStringLiteral("version"), 2);
            c.version = 2;
        } else if (roll < 58) {
            c.data.insert(QStringLiteral("status"), QStringLiteral("withdrawn"));
        }
        // Every third application as a Python hub writes it: the same JSON with spaces.
        c.rawData = n % 3 == 0 ? spaced(c.data).toUtf8() : QByteArray();
    }
    applyAndRemember(changes);
    QVERIFY(!m_schools.isEmpty());
    m_district = m_schools.first().first;
}

Expected TestSupervisionReport::expected(const SupervisionScope& scope)
{
    // The check as stored: category and flags of each application.
    QHash<QString, QPair<QString, QStringList>> checks;
    auto q = db().prepare(QStringLiteral("SELECT application_id, category, flags FROM eligibility_results"));
    while (q && q->step())
        checks.insert(q->text(0), {q->text(1), q->text(2).split(u',', Qt::SkipEmptyParts)});
    Expected e;
    auto inScope = [&](const QString& school) {
        switch (scope.kind) {
        case SupervisionScope::Kind::City:
            return true;
        case SupervisionScope::Kind::District:
            return m_schools.value(school).first == scope.code;
        case SupervisionScope::Kind::School:
            return school == scope.code;
        }
        return false;
    };
    for (auto it = m_schools.cbegin(); it != m_schools.cend(); ++it)
        if (inScope(it.key()))
            e.schools[it.key()];
    for (auto it = m_apps.cbegin(); it != m_apps.cend(); ++it) {
        const Known& k = it.value();
        if (!inScope(k.school))
            continue;
        Expected::School& s = e.schools[k.school];
        const QString status = k.localOutcome == QLatin1String("approve")        ? QStringLiteral("approved")
                               : k.localOutcome == QLatin1String("reject")       ? QStringLiteral("rejected")
                               : k.localOutcome == QLatin1String("request_info") ? QStringLiteral("info_requested")
                                                                                 : k.status;
        const auto check = checks.value(it.key());
        s.cells[QStringLiteral("applications")] += 1;
        s.cells[QStringLiteral("st_") + status] += 1;
        s.cells[check.first.isEmpty() ? QStringLiteral("ck_unchecked")
                                      : QStringLiteral("ck_") + check.first.toLower()] += 1;
        s.cells[QStringLiteral("ch_") + k.channel] += 1;
        s.cells[QStringLiteral("pending_local")] += k.localOutcome.isEmpty() ? 0 : 1;
        s.cells[QStringLiteral("flagged")] += check.second.isEmpty() ? 0 : 1;
        for (const QString& flag : check.second)
            s.cells[QStringLiteral("flag_") + flag] += 1;
        e.submittedPerDay[dayOf(k.submittedAt)] += 1;

        sync::SignOffDecision d;
        QString account;
        if (!k.localOutcome.isEmpty()) {
            d.outcome = k.localOutcome;
            d.category = k.localCategory;
            d.decidedAt = k.localAt;
            account = QStringLiteral("officer.local");
        } else if (!k.decision.isEmpty()) {
            d.outcome = k.decision.value(QStringLiteral("outcome")).toString();
            d.category = d.outcome == QLatin1String("approve") ? k.decision.value(QStringLiteral("category")).toString()
                                                               : QString();
            d.decidedAt = json::parseTime(k.decision.value(QStringLiteral("decided_at")).toString());
            account = k.decision.value(QStringLiteral("decided_by")).toString();
        } else {
            continue;
        }
        d.checkCategory = check.first;
        d.classify(); // the sign-off's own definition of an override
        const bool final = d.outcome != QLatin1String("request_info");
        s.decisions += 1;
        s.approvals += d.outcome == QLatin1String("approve");
        s.rejections += d.outcome == QLatin1String("reject");
        s.infoRequests += !final;
        s.overrides += d.isOverride();
        if (final) {
            s.hours.append(int(std::max<qint64>(0, k.submittedAt.secsTo(d.decidedAt)) / 3600));
            e.decidedPerDay[dayOf(d.decidedAt)] += 1;
        }
        views::SupervisionReviewer& r = e.reviewers[account];
        r.account = account;
        r.decisions += 1;
        r.approvals += d.outcome == QLatin1String("approve");
        r.rejections += d.outcome == QLatin1String("reject");
        r.infoRequests += !final;
        r.overrides += d.isOverride();
    }
    return e;
}

void TestSupervisionReport::compare(const SupervisionFigures& f, const Expected& e, const char* what)
{
    const QByteArray w(what);
    QCOMPARE(f.schools.size(), e.schools.size());
    qint64 total = 0;
    for (const views::SupervisionSchool& s : f.schools) {
        QVERIFY2(e.schools.contains(s.schoolId), qPrintable(w + ' ' + s.schoolId));
        const Expected::School& x = e.schools.value(s.schoolId);
        QCOMPARE(s.districtCode, m_schools.value(s.schoolId).first);
        QCOMPARE(s.capacity, m_schools.value(s.schoolId).second);
        for (auto it = s.counts.cells.cbegin(); it != s.counts.cells.cend(); ++it)
            if (it.key() != QLatin1String("conflicts") && it.key() != QLatin1String("st_other") &&
                it.key() != QLatin1String("ch_other"))
                QVERIFY2(it.value() == x.cells.value(it.key()),
                         qPrintable(QStringLiteral("%1: %2 %3: %4, expected %5")
                                        .arg(QString::fromLatin1(w), s.schoolId, it.key())
                                        .arg(it.value())
                                        .arg(x.cells.value(it.key()))));
        QCOMPARE(s.counts.cell(QStringLiteral("st_other")), 0);
        QCOMPARE(s.counts.approved(), x.cells.value(QStringLiteral("st_approved")));
        QCOMPARE(s.counts.decisions, x.decisions);
        QCOMPARE(s.counts.approvals, x.approvals);
        QCOMPARE(s.counts.rejections, x.rejections);
        QCOMPARE(s.counts.infoRequests, x.infoRequests);
        QCOMPARE(s.counts.overrides, x.overrides);
        QCOMPARE(s.counts.hours.total(), qint64(x.hours.size()));
        QCOMPARE(s.counts.hours.percentile(0.5), nearestRank(x.hours, 0.5));
        QCOMPARE(s.counts.hours.percentile(0.9), nearestRank(x.hours, 0.9));
        total += s.counts.applications();
    }
    QCOMPARE(f.totals.applications(), total);
    QCOMPARE(f.reviewers.size(), e.reviewers.size());
    for (const views::SupervisionReviewer& r : f.reviewers) {
        const views::SupervisionReviewer x = e.reviewers.value(r.account);
        QVERIFY2(x.account == r.account, qPrintable(w + ' ' + r.account));
        QCOMPARE(r.decisions, x.decisions);
        QCOMPARE(r.approvals, x.approvals);
        QCOMPARE(r.rejections, x.rejections);
        QCOMPARE(r.infoRequests, x.infoRequests);
        QCOMPARE(r.overrides, x.overrides);
    }
    qint64 submitted = 0, decided = 0;
    for (const views::SupervisionDay& d : f.days) {
        QCOMPARE(d.submitted, e.submittedPerDay.value(d.day));
        QCOMPARE(d.decided, e.decidedPerDay.value(d.day));
        submitted += d.submitted;
        decided += d.decided;
    }
    QCOMPARE(submitted, total);
    qint64 expectedDecided = 0;
    for (qint64 v : e.decidedPerDay)
        expectedDecided += v;
    QCOMPARE(decided, expectedDecided);
}

void TestSupervisionReport::compareAll(const char* when)
{
    QList<SupervisionScope> scopes;
    auto city = SupervisionReport::resolveScope(db(), QStringLiteral("371100"));
    auto district = SupervisionReport::resolveScope(db(), m_district);
    auto school = SupervisionReport::resolveScope(db(), m_apps.first().school);
    QVERIFY(city && district && school);
    QCOMPARE(district->kind, SupervisionScope::Kind::District);
    QCOMPARE(school->kind, SupervisionScope::Kind::School);
    for (const SupervisionScope& scope : {*city, *district, *school}) {
        auto counters = SupervisionReport::read(db(), scope);
        QVERIFY2(counters, qPrintable(counters.error().message));
        auto plain = SupervisionReport::readPlain(db(), scope);
        QVERIFY2(plain, qPrintable(plain.error().message));
        const Expected e = expected(scope);
        compare(*counters, e, when);
        if (QTest::currentTestFailed())
            return;
        compare(*plain, e, when);
        if (QTest::currentTestFailed())
            return;
        // And the two reads agree on everything they print.
        QJsonObject a = counters->toJson(), b = plain->toJson();
        a.remove(QStringLiteral("generated_at"));
        b.remove(QStringLiteral("generated_at"));
        QCOMPARE(a, b);
    }
}

void TestSupervisionReport::cityFiguresMatchTheCity()
{
    compareAll("after the import");
    auto city = SupervisionReport::read(db(), *SupervisionReport::resolveScope(db(), QStringLiteral("371100")));
    QVERIFY(city);
    QCOMPARE(city->totals.applications(), qint64(m_apps.size()));
    QVERIFY(city->totals.decisions > 1000);
    QVERIFY(city->totals.cell(QStringLiteral("ch_counter")) > 0);
    QVERIFY(city->totals.cell(QStringLiteral("flagged")) > 0);
    QVERIFY(city->totals.overrides > 0);
    QVERIFY(city->districts.size() > 1);
    // The officer who approves everyone in category A stands out among the eight.
    QCOMPARE(city->reviewers.size(), 8);
    QCOMPARE(city->method.peers, 8);
    for (const views::SupervisionReviewer& r : city->reviewers)
        QVERIFY2(r.outlier == (r.account == QLatin1String("officer.7")),
                 qPrintable(QStringLiteral("%1 z %2").arg(r.account).arg(r.robustZ.value_or(0))));
}

void TestSupervisionReport::furtherChangesAndDeletes()
{
    // A page of changes as a sync brings them: decisions, a school moved, withdrawals, deletions, new ones.
    QList<Change> page;
    int n = 0;
    for (const Change& generated : std::as_const(m_appChanges)) {
        if (!m_apps.contains(generated.id) || ++n % 17 != 0)
            continue;
        Change c = generated;
        c.seq = ++m_seq;
        c.version = 10;
        c.rawData.clear();
        c.data.insert(QStringLiteral("version"), 10);
        switch ((n / 17) % 5) {
        case 0:
            c.data.insert(QStringLiteral("status"), QStringLiteral("approved"));
            c.data.insert(QStringLiteral("decision"),
                          QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")},
                                      {QStringLiteral("category"), QStringLiteral("B")},
                                      {QStringLiteral("decided_by"), QStringLiteral("officer.late")},
                                      {QStringLiteral("decided_at"), QStringLiteral("2026-07-01T08:00:00Z")}});
            break;
        case 1:
            c.data.insert(QStringLiteral("status"), QStringLiteral("withdrawn"));
            break;
        case 2:
            c.data.insert(QStringLiteral("target_school_id"), m_schools.lastKey());
            break;
        case 3:
            c.op = QStringLiteral("delete");
            c.data = {};
            break;
        default:
            c.data.insert(QStringLiteral("status"), QStringLiteral("under_review"));
            c.data.insert(QStringLiteral("decision"), QJsonValue());
            break;
        }
        page.append(c);
    }
    QVERIFY(page.size() > 50);
    applyAndRemember(page);
    compareAll("after a page of changes");
}

void TestSupervisionReport::localDecisions()
{
    sync::DecisionWorkflow workflow(db(), m_ws->audit(), testsupport::kReviewer, QStringLiteral("reviewer"),
                                    QStringLiteral("officer.local"));
    int made = 0;
    qint64 toDrop = 0, requestToDrop = 0;
    QString dropped, droppedRequest;
    for (auto it = m_apps.begin(); it != m_apps.end() && made < 12; ++it) {
        if (it->status != QLatin1String("submitted") && it->status != QLatin1String("under_review"))
            continue;
        sync::DecisionRequest r;
        r.applicationId = it.key();
        r.outcome = made % 3 == 0   ? QStringLiteral("approve")
                    : made % 3 == 1 ? QStringLiteral("reject")
                                    : QStringLiteral("request_info");
        if (made % 3 == 0) {
            r.category = QStringLiteral("C");
            r.reasonCode = QStringLiteral("verified_on_paper");
        } else if (made % 3 == 1) {
            r.reasonCode = QStringLiteral("not_in_zone");
        } else {
            r.note = QStringLiteral("bring the rental contract");
        }
        auto item = workflow.decide(r);
        QVERIFY2(item, qPrintable(item.error().message));
        it->localOutcome = r.outcome;
        it->localCategory = made % 3 == 0 ? QStringLiteral("C") : QString();
        it->localAt = json::parseTime(item->payload.value(QStringLiteral("decided_at")).toString());
        it->localDue = QDate::fromString(item->payload.value(QStringLiteral("due_date")).toString(), Qt::ISODate);
        if (made == 4) {
            toDrop = item->id;
            dropped = it.key();
        }
        if (made == 5) { // an information request, taken back below: no longer open, nor overdue
            requestToDrop = item->id;
            droppedRequest = it.key();
        }
        ++made;
    }
    QCOMPARE(made, 12);
    compareAll("after local decisions");
    // A decision taken back: the application counts as it was again.
    QVERIFY(workflow.drop(toDrop));
    m_apps[dropped].localOutcome.clear();
    compareAll("after a dropped decision");
    QCOMPARE(m_apps[droppedRequest].localOutcome, QStringLiteral("request_info"));
    QVERIFY(workflow.drop(requestToDrop));
    m_apps[droppedRequest].localOutcome.clear();
    compareAll("after a dropped information request");
    // The check runs again over everything: overrides follow the new results.
    auto checked = store::CacheEligibility(db()).checkAll();
    QVERIFY2(checked, qPrintable(checked.error().message));
    compareAll("after the check ran again");
}

void TestSupervisionReport::overdueInformationRequests()
{
    // Open requests due before a day: this workstation's (due in 7 days by default) and the platform's
    // (the decision's due_date, when it has one), counted here from what the test applied and decided.
    auto expectedOverdue = [&](const QDate& today) {
        QMap<QString, qint64> out;
        for (const Known& k : std::as_const(m_apps)) {
            QDate due;
            if (k.localOutcome == QLatin1String("request_info"))
                due = k.localDue;
            else if (k.localOutcome.isEmpty() && k.status == QLatin1String("info_requested"))
                due = QDate::fromString(k.decision.value(QStringLiteral("due_date")).toString(), Qt::ISODate);
            if (due.isValid() && due < today)
                out[k.school] += 1;
        }
        return out;
    };
    const SupervisionScope city = *SupervisionReport::resolveScope(db(), QStringLiteral("371100"));
    const QDate today = SupervisionReport::cityToday();
    for (const QDate& day : {today, today.addDays(30)}) {
        const QMap<QString, qint64> expected = expectedOverdue(day);
        for (auto read : {&SupervisionReport::read, &SupervisionReport::readPlain}) {
            auto f = read(db(), city, day);
            QVERIFY2(f, qPrintable(f.error().message));
            qint64 total = 0;
            for (const views::SupervisionSchool& s : f->schools) {
                QCOMPARE(s.counts.infoOverdue, expected.value(s.schoolId));
                total += s.counts.infoOverdue;
            }
            QCOMPARE(f->totals.infoOverdue, total);
            QCOMPARE(f->toJson()
                         .value(QStringLiteral("totals"))
                         .toObject()
                         .value(QStringLiteral("info_overdue"))
                         .toInteger(),
                     total);
        }
    }
    // The requests made here are due in a week: not overdue today, overdue in 30 days.
    auto sum = [](const QMap<QString, qint64>& m) { return std::accumulate(m.cbegin(), m.cend(), qint64(0)); };
    QVERIFY(sum(expectedOverdue(today.addDays(30))) > sum(expectedOverdue(today)));
}

void TestSupervisionReport::replaceOfAnApplication()
{
    // INSERT OR REPLACE deletes the row it replaces without delete triggers (recursive_triggers is off):
    // the counters must not count it twice.
    auto recursive = db().scalar(QStringLiteral("PRAGMA recursive_triggers"));
    QVERIFY(recursive);
    QCOMPARE(recursive->toInt(), 0);
    const QString id = m_apps.lastKey();
    QVERIFY(
        db().exec(QStringLiteral("INSERT OR REPLACE INTO applications SELECT id, version + 1, admission_year, grade, "
                                 "channel, 'rejected', target_school_id, claimed_category, submitted_at, child_name, "
                                 "child_id_number, data FROM applications WHERE id = '%1'")
                      .arg(id)));
    auto rows = db().scalar(QStringLiteral("SELECT count(*) FROM queue_rows WHERE application_id = '%1'").arg(id));
    QVERIFY(rows);
    QCOMPARE(rows->toInt(), 1);
    m_apps[id].status = QStringLiteral("rejected");
    compareAll("after INSERT OR REPLACE");
}

void TestSupervisionReport::rebuildGivesTheSameFigures()
{
    const SupervisionScope city = *SupervisionReport::resolveScope(db(), QStringLiteral("371100"));
    auto before = SupervisionReport::read(db(), city);
    QVERIFY(before);
    auto current = store::SupervisionSchema::isCurrent(db());
    QVERIFY(current && *current);
    QVERIFY(SupervisionReport::rebuild(db()));
    auto after = SupervisionReport::read(db(), city);
    QVERIFY(after);
    QJsonObject a = before->toJson(), b = after->toJson();
    a.remove(QStringLiteral("generated_at"));
    b.remove(QStringLiteral("generated_at"));
    QCOMPARE(a, b);
    // Counters made wrong on purpose are put right by ensure() once the rules' digest differs.
    QVERIFY(db().exec(QStringLiteral("UPDATE supervision_cells SET applications = applications + 5")));
    QVERIFY(db().exec(QStringLiteral("UPDATE meta SET value = 'old' WHERE key = 'supervision.rules'")));
    QVERIFY(store::SupervisionSchema::ensure(db()));
    compareAll("after ensure");
}

// A first load into an empty cache (an import, a first sync) runs without the counters' triggers and
// fills the counters once at the end; a load into a cache that holds applications keeps the triggers.
void TestSupervisionReport::bulkLoadFillsOnceAtTheEnd()
{
    QTemporaryDir dir;
    auto opened = store::Database::open(dir.filePath(QStringLiteral("bulk.db")), crypto::randomBytes(32),
                                        store::Database::OpenMode::Create);
    QVERIFY2(opened, qPrintable(opened.error().message));
    store::Connection& c = (*opened)->writer();
    auto triggers = [&c] {
        auto t = store::schemaObjects(c, QStringLiteral("supervision_"), {QStringLiteral("trigger")});
        return t ? t->size() : -1;
    };
    const qsizetype made = triggers();
    QVERIFY(made > 10);

    citygen::Options options;
    options.applications = 400;
    options.seed = 23;
    QList<Change> city;
    citygen::CityGenerator(options).generate([&](const Change& ch) { city.append(ch); });
    QList<Change> last;
    for (qsizetype i = city.size() - 1; i >= 0 && last.size() < 30; --i)
        if (city.at(i).entity == entity::Application)
            last.prepend(city.takeAt(i));
    {
        store::SupervisionBulkLoad bulk(c);
        QVERIFY(bulk.suspended());
        QCOMPARE(triggers(), 0);
        store::ChangeApplier applier(c);
        QVERIFY(applier.apply(city.mid(0, city.size() / 2)));
        QVERIFY(applier.apply(city.mid(city.size() / 2)));
        QVERIFY(store::CacheEligibility(c).checkAll());
        QVERIFY(bulk.finish());
        QCOMPARE(triggers(), made);
        auto current = store::SupervisionSchema::isCurrent(c);
        QVERIFY(current && *current);
    }
    auto same = [&c](const char* when) {
        const SupervisionScope city = *SupervisionReport::resolveScope(c, QStringLiteral("371100"));
        auto counted = SupervisionReport::read(c, city);
        auto plain = SupervisionReport::readPlain(c, city);
        QVERIFY2(counted && plain, when);
        QVERIFY2(counted->totals.applications() > 0, when);
        QJsonObject a = counted->toJson(), b = plain->toJson();
        a.remove(QStringLiteral("generated_at"));
        b.remove(QStringLiteral("generated_at"));
        QVERIFY2(a == b, when);
    };
    same("after the bulk load");
    // The cache holds applications now: the next load keeps the triggers, and they count it.
    store::SupervisionBulkLoad again(c);
    QVERIFY(!again.suspended());
    QCOMPARE(triggers(), made);
    QVERIFY(store::ChangeApplier(c).apply(last));
    QVERIFY(store::CacheEligibility(c).refresh());
    same("after a load with the triggers");
}

void TestSupervisionReport::scopes()
{
    auto bad = SupervisionReport::resolveScope(db(), QStringLiteral("999999"));
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, QStringLiteral("bad_scope"));
    QVERIFY(bad.error().message.contains(QStringLiteral("999999")));
    auto school = SupervisionReport::resolveScope(db(), m_schools.firstKey());
    QVERIFY(school);
    QVERIFY(SupervisionReport::allowed(QStringLiteral("supervisor"), *school));
    QVERIFY(SupervisionReport::allowed(QStringLiteral("principal"), *school));
    auto city = SupervisionReport::resolveScope(db(), QStringLiteral("371100"));
    QVERIFY(city);
    QCOMPARE(SupervisionReport::allowed(QStringLiteral("principal"), *city).error().code,
             QStringLiteral("role_not_allowed"));
    QCOMPARE(SupervisionReport::allowed(QStringLiteral("reviewer"), *school).error().code,
             QStringLiteral("role_not_allowed"));
    QCOMPARE(SupervisionReport::allowed(QStringLiteral("clerk"), *city).error().code,
             QStringLiteral("role_not_allowed"));
}

void TestSupervisionReport::outliersByMad()
{
    auto officer = [](const QString& account, qint64 finals, qint64 overrides) {
        views::SupervisionReviewer r;
        r.account = account;
        r.approvals = finals;
        r.decisions = finals;
        r.overrides = overrides;
        return r;
    };
    // Rates 4-6% and one at 40%: z of the 40% is far past 3.5.
    QList<views::SupervisionReviewer> list;
    for (int i = 0; i < 9; ++i)
        list << officer(QStringLiteral("o%1").arg(i), 100, 4 + i % 3);
    list << officer(QStringLiteral("favours"), 100, 40) << officer(QStringLiteral("new"), 10, 9);
    auto m = SupervisionReport::markOutliers(list);
    QCOMPARE(m.peers, 10);
    QCOMPARE(*m.median, 0.05);
    QVERIFY(!m.meanAdUsed);
    for (const auto& r : list) {
        QCOMPARE(r.outlier, r.account == QLatin1String("favours"));
        QCOMPARE(r.robustZ.has_value(), r.account != QLatin1String("new")); // too few decisions to judge
    }
    // MAD 0 (most override nothing): the mean absolute deviation stands in.
    list.clear();
    for (int i = 0; i < 8; ++i)
        list << officer(QStringLiteral("o%1").arg(i), 50, 0);
    list << officer(QStringLiteral("favours"), 50, 15);
    m = SupervisionReport::markOutliers(list);
    QVERIFY(m.meanAdUsed);
    QCOMPARE(*m.mad, 0.0);
    for (const auto& r : list)
        QCOMPARE(r.outlier, r.account == QLatin1String("favours"));
    // Everyone alike: no one stands out. Two peers: no measure.
    list.clear();
    for (int i = 0; i < 5; ++i)
        list << officer(QStringLiteral("o%1").arg(i), 30, 3);
    m = SupervisionReport::markOutliers(list);
    for (const auto& r : list)
        QVERIFY(!r.outlier && !r.robustZ);
    list = {officer(QStringLiteral("a"), 30, 0), officer(QStringLiteral("b"), 30, 30)};
    m = SupervisionReport::markOutliers(list);
    QCOMPARE(m.peers, 2);
    QVERIFY(!list.at(0).robustZ && !list.at(1).robustZ);
}

QTEST_GUILESS_MAIN(TestSupervisionReport)
#include "tst_supervisionreport.moc"
