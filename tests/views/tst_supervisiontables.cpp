#include "CityFixture.h"
#include "ResultCheck.h"
#include "store/Sql.h"
#include "views/Labels.h"
#include "views/SupervisionReport.h"
#include "views/SupervisionTables.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace adm;
using views::SupervisionFigures;
using views::SupervisionTable;
using views::SupervisionTables;

namespace {

views::SupervisionSchool school(const QString& id, const QString& district, qint64 capacity, qint64 applications,
                                qint64 approved, const QString& lastDecisionDay = {})
{
    views::SupervisionSchool s;
    s.schoolId = id;
    s.districtCode = district;
    s.capacity = capacity;
    s.counts.cells.insert(QStringLiteral("applications"), applications);
    s.counts.cells.insert(QStringLiteral("st_approved"), approved);
    s.counts.cells.insert(QStringLiteral("st_submitted"), applications - approved);
    s.counts.lastDecisionDay = lastDecisionDay;
    return s;
}

views::SupervisionReviewer reviewer(const QString& account, qint64 approvals, qint64 overrides)
{
    views::SupervisionReviewer r;
    r.account = account;
    r.decisions = r.approvals = approvals;
    r.overrides = overrides;
    return r;
}

// Figures made by hand: three schools in two districts, one over capacity; six officers, one of them
// overriding far more than the others.
SupervisionFigures handMade()
{
    SupervisionFigures f;
    f.scope.code = QStringLiteral("371100");
    f.schools = {school(QStringLiteral("S1"), QStringLiteral("371102"), 100, 300, 40, QStringLiteral("2026-06-01")),
                 school(QStringLiteral("S2"), QStringLiteral("371102"), 50, 200, 60, QStringLiteral("2026-06-09")),
                 school(QStringLiteral("S3"), QStringLiteral("371103"), 80, 90, 70),
                 school(QStringLiteral("S4"), QStringLiteral("371103"), 10, 0, 0)};
    for (const views::SupervisionSchool& s : std::as_const(f.schools)) {
        f.totals.add(s.counts);
        bool found = false;
        for (views::SupervisionDistrict& d : f.districts)
            if (d.districtCode == s.districtCode) {
                d.counts.add(s.counts);
                d.capacity += s.capacity;
                d.schools += 1;
                found = true;
            }
        if (!found)
            f.districts.append({s.districtCode, 1, s.capacity, s.counts});
    }
    f.reviewers = {reviewer(QStringLiteral("officer.a"), 40, 1),  reviewer(QStringLiteral("officer.b"), 40, 2),
                   reviewer(QStringLiteral("officer.c"), 40, 1),  reviewer(QStringLiteral("officer.d"), 40, 2),
                   reviewer(QStringLiteral("officer.e"), 40, 20), reviewer(QString(), 5, 0)};
    f.method = views::SupervisionReport::markOutliers(f.reviewers);
    f.days = {{QStringLiteral("2026-05-06"), 10, 0, 0}, {QStringLiteral("2026-05-07"), 5, 3, 1}};
    return f;
}

} // namespace

// The supervision dashboard's tables (issue 16): each table's rows and order from known figures, the
// drill-down queries, the CSV and XLSX writers, and every table as an item model under
// QAbstractItemModelTester (the charts read the same tables).
class TestSupervisionTables : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyTableIsAGoodModel();
    void modelKeepsRowsWhenTheyComeAgain();
    void seatsOverCapacityFirst();
    void stalledSchools();
    void reviewersOutliersFirst();
    void drillQueries();
    void writers();
    void readsTheCity();

private:
    QList<SupervisionTable> allTables(const SupervisionFigures& f);
    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_ws;
};

void TestSupervisionTables::initTestCase()
{
    QLocale::setDefault(QLocale(QStringLiteral("en_GB")));
    m_ws = testsupport::makeCityWorkspace(m_dir.filePath(QStringLiteral("ws")), 300);
    QVERIFY(m_ws);
}

QList<SupervisionTable> TestSupervisionTables::allTables(const SupervisionFigures& f)
{
    const QMap<QString, QString> names{{QStringLiteral("S1"), QStringLiteral("第一小学")}};
    return {SupervisionTables::days(f),
            SupervisionTables::districtSeats(f),
            SupervisionTables::schoolSeats(f, names),
            SupervisionTables::categoryMix(f, names),
            SupervisionTables::channels(f),
            SupervisionTables::flags(f),
            SupervisionTables::quality(f, names),
            SupervisionTables::stalled(f, names, 3, QDate(2026, 6, 10)),
            SupervisionTables::reviewers(f)};
}

void TestSupervisionTables::everyTableIsAGoodModel()
{
    const SupervisionFigures f = handMade();
    for (const SupervisionTable& t : allTables(f)) {
        views::SupervisionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(t);
        QCOMPARE(model.rowCount(), t.rows.size());
        QCOMPARE(model.columnCount(), t.columns.size());
        for (int r = 0; r < t.rows.size(); ++r) {
            QCOMPARE(t.rows.at(r).cells.size(), t.columns.size());
            for (int c = 0; c < t.columns.size(); ++c)
                QCOMPARE(model.index(r, c).data().toString(), t.displayText(r, c));
        }
        model.setTable(t);  // the same rows again
        model.setTable({}); // none
        model.setTable(t);  // back
        SupervisionTable fewer = t;
        if (!fewer.rows.isEmpty())
            fewer.rows.removeLast();
        model.setTable(fewer); // other rows
    }
}

void TestSupervisionTables::modelKeepsRowsWhenTheyComeAgain()
{
    SupervisionFigures f = handMade();
    views::SupervisionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(SupervisionTables::channels(f));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    f.districts[0].counts.cells[QStringLiteral("ch_online")] = 7;
    model.setTable(SupervisionTables::channels(f));
    QCOMPARE(resets.size(), 0);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("7"));
    QCOMPARE(model.rowOf(QStringLiteral("371103")), 1);
    f.districts.removeFirst();
    model.setTable(SupervisionTables::channels(f));
    QCOMPARE(resets.size(), 1);
    QCOMPARE(model.rowOf(QStringLiteral("371103")), 0);
}

void TestSupervisionTables::seatsOverCapacityFirst()
{
    const SupervisionFigures f = handMade();
    const SupervisionTable t = SupervisionTables::schoolSeats(f, {{QStringLiteral("S1"), QStringLiteral("第一小学")}});
    QStringList order;
    for (const views::SupervisionRow& r : t.rows)
        order << r.key;
    // S2 is 10 over, then by the share filled: S3 (87.5 %), S1 (40 %), S4 (0 %).
    QCOMPARE(order,
             (QStringList{QStringLiteral("S2"), QStringLiteral("S3"), QStringLiteral("S1"), QStringLiteral("S4")}));
    QVERIFY(t.rows.at(0).highlight);
    QVERIFY(!t.rows.at(1).highlight);
    QCOMPARE(t.exportText(0, t.column(QStringLiteral("over_capacity"))), QStringLiteral("10"));
    QCOMPARE(t.displayText(0, t.column(QStringLiteral("filled"))), QStringLiteral("120.0 %"));
    QCOMPARE(t.displayText(2, t.column(QStringLiteral("name"))), QStringLiteral("第一小学"));
    QCOMPARE(t.displayText(1, t.column(QStringLiteral("over_capacity"))), QStringLiteral("—"));
    const SupervisionTable d = SupervisionTables::districtSeats(f);
    QCOMPARE(d.rows.size(), 2);
    QCOMPARE(d.exportText(0, d.column(QStringLiteral("approved"))), QStringLiteral("100"));
    QCOMPARE(d.exportText(0, d.column(QStringLiteral("capacity"))), QStringLiteral("150"));
    // Channels: the online share of each district and a line for all.
    const SupervisionTable c = SupervisionTables::channels(f);
    QCOMPARE(c.rows.size(), 3);
    QCOMPARE(c.rows.last().drill.kind, views::SupervisionDrill::Kind::None);
}

void TestSupervisionTables::stalledSchools()
{
    const SupervisionFigures f = handMade();
    // On 2026-06-10 with 3 days: S3 never decided (first), S1 nine days ago; S2 yesterday is fine, S4 has
    // no applications.
    SupervisionTable t = SupervisionTables::stalled(f, {}, 3, QDate(2026, 6, 10));
    QCOMPARE(t.rows.size(), 2);
    QCOMPARE(t.rows.at(0).key, QStringLiteral("S3"));
    QCOMPARE(t.displayText(0, t.column(QStringLiteral("days_without"))), QStringLiteral("—"));
    QCOMPARE(t.rows.at(1).key, QStringLiteral("S1"));
    QCOMPARE(t.exportText(1, t.column(QStringLiteral("days_without"))), QStringLiteral("9"));
    t = SupervisionTables::stalled(f, {}, 10, QDate(2026, 6, 10));
    QCOMPARE(t.rows.size(), 1);
    t = SupervisionTables::stalled(f, {}, 1, QDate(2026, 6, 10));
    QCOMPARE(t.rows.size(), 3);
}

void TestSupervisionTables::reviewersOutliersFirst()
{
    const SupervisionFigures f = handMade();
    const SupervisionTable t = SupervisionTables::reviewers(f);
    QCOMPARE(t.rows.size(), 6);
    QCOMPARE(t.rows.first().key, QStringLiteral("officer.e"));
    QVERIFY(t.rows.first().highlight);
    QCOMPARE(t.exportText(0, t.column(QStringLiteral("override_rate"))), QStringLiteral("50.0"));
    QCOMPARE(t.exportText(0, t.column(QStringLiteral("outlier"))), QStringLiteral("Yes"));
    QVERIFY(!t.exportText(0, t.column(QStringLiteral("robust_z"))).isEmpty());
    for (int r = 1; r < t.rows.size(); ++r)
        QVERIFY(!t.rows.at(r).highlight);
    // The officer without a hub account: no drill-down (an empty officer filter would mean everyone).
    QCOMPARE(t.rows.last().key, QString());
    QCOMPARE(t.rows.last().drill.kind, views::SupervisionDrill::Kind::None);
    const QString method = SupervisionTables::methodText(f.method);
    QVERIFY2(method.contains(QStringLiteral("3.5")) && method.contains(QStringLiteral("5 officer")),
             qPrintable(method));
}

void TestSupervisionTables::drillQueries()
{
    const SupervisionFigures f = handMade();
    views::SupervisionScope city;
    city.code = QStringLiteral("371100");
    views::SupervisionScope district{views::SupervisionScope::Kind::District, QStringLiteral("371102"),
                                     QStringLiteral("371102")};

    const SupervisionTable districts = SupervisionTables::districtSeats(f);
    auto q = SupervisionTables::drillQuery(districts, 1, city);
    QVERIFY(q);
    QCOMPARE(q->bin, views::Bin::Approved);
    QCOMPARE(q->filter.districtCode, QStringLiteral("371103"));
    QVERIFY(q->filter.schoolId.isEmpty());

    const SupervisionTable schools = SupervisionTables::categoryMix(f, {});
    q = SupervisionTables::drillQuery(schools, 0, district);
    QVERIFY(q);
    QCOMPARE(q->bin, views::Bin::ToReview);
    QCOMPARE(q->filter.schoolId, schools.rows.at(0).key);
    QVERIFY(q->filter.districtCode.isEmpty());

    const SupervisionTable officers = SupervisionTables::reviewers(f);
    q = SupervisionTables::drillQuery(officers, 0, district);
    QVERIFY(q);
    views::QueueQuery expected;
    expected.bin = views::Bin::Approved;
    expected.filter.districtCode = QStringLiteral("371102");
    expected.filter.officer = QStringLiteral("officer.e");
    expected.filter.overridesOnly = true;
    QCOMPARE(*q, expected);
    QVERIFY(!SupervisionTables::drillQuery(officers, int(officers.rows.size()) - 1, district));
    QVERIFY(!SupervisionTables::drillQuery(officers, 99, district));

    // Flags in the bit order of the flag mask.
    const SupervisionTable flags = SupervisionTables::flags(f);
    const QStringList codes = views::labels::flagsInBitOrder();
    QCOMPARE(flags.rows.size(), codes.size());
    for (int bit = 0; bit < codes.size(); ++bit) {
        QCOMPARE(flags.rows.at(bit).key, codes.at(bit));
        q = SupervisionTables::drillQuery(flags, bit, city);
        QVERIFY(q);
        QCOMPARE(q->bin, views::Bin::Flagged);
        QCOMPARE(q->filter.flagMask, qint64(1) << bit);
    }
    QVERIFY(!SupervisionTables::drillQuery(SupervisionTables::days(f), 0, city));

    // The audit subject: codes and counts.
    QCOMPARE(SupervisionTables::auditSubject(QStringLiteral("reviewers"), QStringLiteral("csv"), 6, district),
             QStringLiteral("table=reviewers format=csv rows=6 scope=district:371102"));
}

void TestSupervisionTables::writers()
{
    const SupervisionFigures f = handMade();
    const SupervisionTable t =
        SupervisionTables::schoolSeats(f, {{QStringLiteral("S1"), QStringLiteral("第一小学, \"东\"")}});
    const QString csvPath = m_dir.filePath(QStringLiteral("seats.csv"));
    QVERIFY_OK(views::SupervisionTableWriter::write(csvPath, t, QStringLiteral("City 371100")));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray bytes = csv.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2 + t.rows.size());
    QCOMPARE(lines.at(0), QStringLiteral("City 371100"));
    QCOMPARE(lines.at(2), QStringLiteral("S2,,371102,50,60,120.0,10,200,140"));
    QCOMPARE(lines.at(4), QStringLiteral("S1,\"第一小学, \"\"东\"\"\",371102,100,40,40.0,,300,260"));

    const QString xlsxPath = m_dir.filePath(QStringLiteral("seats.xlsx"));
    QVERIFY_OK(views::SupervisionTableWriter::write(xlsxPath, t, QStringLiteral("City 371100")));
    QProcess unzip;
    unzip.start(QStringLiteral("unzip"), {QStringLiteral("-p"), xlsxPath, QStringLiteral("xl/worksheets/sheet1.xml")});
    QVERIFY(unzip.waitForFinished(20000));
    const QString sheet = QString::fromUtf8(unzip.readAllStandardOutput());
    QVERIFY2(sheet.contains(QStringLiteral("<v>120</v>")) || sheet.contains(QStringLiteral("<c r=\"D3\"")),
             qPrintable(sheet.left(600)));
    QVERIFY2(sheet.contains(QStringLiteral("<c r=\"E3\" s=")) ||
                 sheet.contains(QStringLiteral("<c r=\"E3\"><v>60</v>")),
             qPrintable(sheet.left(600)));
    QVERIFY(sheet.contains(QStringLiteral("<v>1.2</v>"))); // the share filled, as a number with a percent format

    const Status bad = views::SupervisionTableWriter::write(m_dir.filePath(QStringLiteral("seats.txt")), t, {});
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, QStringLiteral("bad_input"));
}

// The read the dashboard runs: the figures of SupervisionReport, the scopes a supervisor may pick, the
// names; a clerk is refused.
void TestSupervisionTables::readsTheCity()
{
    auto reader = m_ws->database().openReader();
    QVERIFY_OK(reader);
    const views::CacheView cache(**reader);
    const auto read = TEST_VALUE(views::readSupervision(cache, QStringLiteral("supervisor"), {}));
    QCOMPARE(read.figures.scope.kind, views::SupervisionScope::Kind::City);
    const auto direct = TEST_VALUE(views::SupervisionReport::read(**reader, read.figures.scope));
    QCOMPARE(read.figures.toJson().value(QStringLiteral("schools")), direct.toJson().value(QStringLiteral("schools")));
    QVERIFY(read.choices.size() > 1 + read.figures.districts.size());
    QCOMPARE(read.choices.first().code, QStringLiteral("371100"));
    QCOMPARE(read.schoolNames.size(), read.figures.schools.size());
    auto q = (*reader)->prepare(QStringLiteral("SELECT count(*) FROM applications"));
    QVERIFY_OK(q);
    QVERIFY(q->step());
    const qint64 applications = q->int64(0);
    q->reset();
    QCOMPARE(SupervisionTables::tiles(read.figures).first().value.value_or(-1), applications);
    // Every table of the real figures is a good model too.
    for (const SupervisionTable& t : allTables(read.figures)) {
        views::SupervisionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(t);
        model.setTable(t);
    }
    const QString district = read.figures.districts.first().districtCode;
    const auto one = TEST_VALUE(views::readSupervision(cache, QStringLiteral("supervisor"), district));
    QCOMPARE(one.figures.scope.kind, views::SupervisionScope::Kind::District);
    QCOMPARE(one.figures.districts.size(), 1);
    const auto refused = views::readSupervision(cache, QStringLiteral("clerk"), QStringLiteral("371100"));
    QVERIFY(!refused);
}

QTEST_MAIN(TestSupervisionTables)
#include "tst_supervisiontables.moc"
