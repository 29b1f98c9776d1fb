#include "CityFixture.h"
#include "ResultCheck.h"
#include "domain/JsonCodec.h"
#include "store/CacheEligibility.h"
#include "store/ChangeApplier.h"
#include "store/Sql.h"
#include "views/QueueExport.h"
#include "views/QueueReader.h"
#include "views/QueueSql.h"
#include "views/QueueViewState.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace adm;
using namespace adm::views;

// Supervision's drill-down filters (issue 16) on the queue: a district, an officer's decisions, the
// decisions that override the check. Each is compared with counts this test makes from the cache's
// applications (their JSON's decision, decided_by) and the check's stored results, not from the
// supervision tables the filters read; the bin counts follow them; a saved view keeps them.
class TestQueueDrillDown : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void filtersMatchTheApplications_data();
    void filtersMatchTheApplications();
    void binCountsFollowTheFilters();
    void savedViewKeepsThem();
    void headingSaysThem();

private:
    struct Known {
        int bin = 0;
        QString district, officer;
        bool override = false;
    };
    // Expected qids per bin of `f` (only the drill-down's three filters are set).
    QMap<int, QSet<qint64>> expected(const QueueFilter& f) const;
    QSet<qint64> scanned(const QueueQuery& q);

    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_ws;
    std::unique_ptr<store::Connection> m_reader;
    QHash<qint64, Known> m_known; // by qid
    QString m_district;
};

void TestQueueDrillDown::initTestCase()
{
    m_ws = testsupport::makeCityWorkspace(m_dir.path(), 900, 16);
    QVERIFY2(m_ws, "no workspace with a generated city (see the warning above)");
    store::Connection& db = m_ws->database().writer();

    // Upstream decisions by four officers on two in five applications; officer.3 approves in A
    // whatever the check found (many overrides).
    QList<Change> changes;
    {
        auto q =
            db.prepare(QStringLiteral("SELECT a.id, a.version, a.data, coalesce(e.category, '') FROM applications "
                                      "a LEFT JOIN eligibility_results e ON e.application_id = a.id ORDER BY a.id"));
        QVERIFY_OK(q);
        int n = 0;
        while (q->step()) {
            if (n++ % 5 >= 2)
                continue;
            QJsonObject data = QJsonDocument::fromJson(q->utf8(2)).object();
            const QString checked = q->text(3);
            const QString officer = QStringLiteral("officer.%1").arg(n % 4);
            const QString outcome = n % 7 == 0    ? QStringLiteral("reject")
                                    : n % 11 == 0 ? QStringLiteral("request_info")
                                                  : QStringLiteral("approve");
            QJsonValue category;
            if (outcome == QLatin1String("approve"))
                category = officer == QLatin1String("officer.3") || checked.size() != 1 ? QStringLiteral("A") : checked;
            data.insert(QStringLiteral("decision"),
                        QJsonObject{{QStringLiteral("outcome"), outcome},
                                    {QStringLiteral("category"), category},
                                    {QStringLiteral("decided_by"), officer},
                                    {QStringLiteral("decided_at"), QStringLiteral("2026-06-02T08:00:00Z")}});
            data.insert(QStringLiteral("status"), outcome == QLatin1String("approve") ? QStringLiteral("approved")
                                                  : outcome == QLatin1String("reject")
                                                      ? QStringLiteral("rejected")
                                                      : QStringLiteral("info_requested"));
            const qint64 version = q->int64(1) + 1;
            data.insert(QStringLiteral("version"), version);
            changes.append(testsupport::applicationUpsert(q->text(0), data, version));
        }
    }
    QVERIFY(changes.size() > 100);
    QVERIFY_OK(store::ChangeApplier(db).apply(changes));
    QVERIFY_OK(store::CacheEligibility(db).refresh());

    // What the test knows, from the base tables: the school's district, the decision in the JSON and
    // the check's category (the override rule written out: an approval in another category than the
    // check's A/B/C, or of an application the check found no category for; a rejection of one it did).
    auto q = db.prepare(QStringLiteral(
        "SELECT q.qid, q.bin, s.district_code, a.data, coalesce(e.category, '') FROM queue_rows q JOIN applications a "
        "ON a.id = q.application_id LEFT JOIN schools s ON s.id = a.target_school_id LEFT JOIN eligibility_results e "
        "ON e.application_id = a.id"));
    QVERIFY_OK(q);
    QMap<QString, int> perDistrict;
    while (q->step()) {
        Known k;
        k.bin = int(q->int64(1));
        k.district = q->text(2);
        const QJsonObject d = QJsonDocument::fromJson(q->utf8(3)).object().value(QStringLiteral("decision")).toObject();
        const QString checked = q->text(4);
        const bool abc =
            checked == QLatin1String("A") || checked == QLatin1String("B") || checked == QLatin1String("C");
        if (!d.isEmpty()) {
            k.officer = d.value(QStringLiteral("decided_by")).toString();
            const QString outcome = d.value(QStringLiteral("outcome")).toString();
            if (outcome == QLatin1String("approve"))
                k.override = !abc || d.value(QStringLiteral("category")).toString() != checked;
            else if (outcome == QLatin1String("reject"))
                k.override = abc;
        }
        perDistrict[k.district] += 1;
        m_known.insert(q->int64(0), k);
    }
    QVERIFY(perDistrict.size() >= 2);
    // The district with the fewest applications: a real narrowing.
    m_district = perDistrict.firstKey();
    for (auto it = perDistrict.cbegin(); it != perDistrict.cend(); ++it)
        if (it.value() < perDistrict.value(m_district))
            m_district = it.key();

    auto r = m_ws->database().openReader();
    QVERIFY_OK(r);
    m_reader = std::move(*r);
}

QMap<int, QSet<qint64>> TestQueueDrillDown::expected(const QueueFilter& f) const
{
    QMap<int, QSet<qint64>> out;
    for (auto it = m_known.cbegin(); it != m_known.cend(); ++it) {
        const Known& k = it.value();
        if (!f.districtCode.isEmpty() && k.district != f.districtCode)
            continue;
        if (!f.officer.isEmpty() && k.officer != f.officer)
            continue;
        if (f.overridesOnly && !k.override)
            continue;
        out[k.bin].insert(it.key());
    }
    return out;
}

QSet<qint64> TestQueueDrillDown::scanned(const QueueQuery& q)
{
    QSet<qint64> qids;
    QueueReader reader(*m_reader);
    const Status s = reader.scan(
        q,
        [&](const ScanChunk& chunk, bool) {
            for (qint64 qid : chunk.qids)
                qids.insert(qid);
        },
        {}, 1 << 20, 1000);
    if (!s)
        qWarning("scan: %s", qPrintable(s.error().message));
    return qids;
}

void TestQueueDrillDown::filtersMatchTheApplications_data()
{
    QTest::addColumn<QString>("district");
    QTest::addColumn<QString>("officer");
    QTest::addColumn<bool>("overrides");
    QTest::newRow("district") << "smallest"
                              << "" << false;
    QTest::newRow("officer") << ""
                             << "officer.1" << false;
    QTest::newRow("overrides") << ""
                               << "" << true;
    QTest::newRow("officer's overrides") << ""
                                         << "officer.3" << true;
    QTest::newRow("all three") << "smallest"
                               << "officer.3" << true;
    QTest::newRow("an officer with no decision") << ""
                                                 << "officer.none" << false;
}

void TestQueueDrillDown::filtersMatchTheApplications()
{
    QFETCH(QString, district);
    QFETCH(QString, officer);
    QFETCH(bool, overrides);
    QueueFilter f;
    f.districtCode = district == QLatin1String("smallest") ? m_district : district;
    f.officer = officer;
    f.overridesOnly = overrides;
    const QMap<int, QSet<qint64>> want = expected(f);
    qint64 total = 0;
    for (int row = 0; row < kBinCount; ++row) {
        const Bin bin = store::QueueRules::listedAt(row);
        if (store::QueueRules::rule(bin).overlay)
            continue;
        QueueQuery q;
        q.bin = bin;
        q.filter = f;
        for (const Column c : {Column::Submitted, Column::Child}) {
            q.sortColumn = c;
            // The decisions' bins walk the order's index; the others read candidates by qid.
            QCOMPARE(scanned(q), want.value(int(bin)));
            auto first = QueueReader(*m_reader).firstRows(q, 25);
            QVERIFY_OK(first);
            QCOMPARE(first->size(), std::min<qsizetype>(25, want.value(int(bin)).size()));
            for (const QueueRow& r : *first)
                QVERIFY(want.value(int(bin)).contains(r.qid));
        }
        total += want.value(int(bin)).size();
    }
    if (officer != QLatin1String("officer.none"))
        QVERIFY2(total > 0, "the case selects nothing: it would prove nothing");
    else
        QCOMPARE(total, 0);
}

void TestQueueDrillDown::binCountsFollowTheFilters()
{
    for (const QueueFilter& f : {QueueFilter{},
                                 [&] {
                                     QueueFilter d;
                                     d.districtCode = m_district;
                                     return d;
                                 }(),
                                 [] {
                                     QueueFilter d;
                                     d.officer = QStringLiteral("officer.3");
                                     d.overridesOnly = true;
                                     return d;
                                 }()}) {
        QueueQuery q;
        q.filter = f;
        auto counts = QueueReader(*m_reader).binCounts(q);
        QVERIFY_OK(counts);
        const QMap<int, QSet<qint64>> want = expected(f);
        for (int row = 0; row < kBinCount; ++row) {
            const Bin bin = store::QueueRules::listedAt(row);
            if (!store::QueueRules::rule(bin).overlay)
                QCOMPARE(counts->counts[row], qint64(want.value(int(bin)).size()));
        }
    }
}

void TestQueueDrillDown::savedViewKeepsThem()
{
    QueueViewState s;
    s.query.bin = Bin::Approved;
    s.query.filter.districtCode = QStringLiteral("371102");
    s.query.filter.officer = QStringLiteral("officer.liu");
    s.query.filter.overridesOnly = true;
    s.query.filter.category = QStringLiteral("B");
    s.query.search = QStringLiteral("A2026");
    const auto back = QueueViewState::fromJson(s.toJson());
    QVERIFY(back);
    QCOMPARE(back->query.filter.districtCode, s.query.filter.districtCode);
    QCOMPARE(back->query.filter.officer, s.query.filter.officer);
    QCOMPARE(back->query.filter.overridesOnly, true);
    QVERIFY(*back == s);
    // A view kept before the drill-down existed reads as "no drill-down".
    const QueueQuery old = QueueViewState::queryFromJson(QJsonObject{{QStringLiteral("bin"), 3}});
    QVERIFY(old.filter == QueueFilter());
}

void TestQueueDrillDown::headingSaysThem()
{
    QueueQuery q;
    q.filter.districtCode = QStringLiteral("371102");
    q.filter.officer = QStringLiteral("officer.liu");
    q.filter.overridesOnly = true;
    const ExportHeading h = QueueExport::heading(q, {}, QDateTime(QDate(2026, 6, 1), QTime(9, 0)));
    QVERIFY2(h.filters.contains(QStringLiteral("District 371102")), qPrintable(h.filters));
    QVERIFY2(h.filters.contains(QStringLiteral("Decisions by officer.liu that override the check")),
             qPrintable(h.filters));
    q.filter.officer.clear();
    QVERIFY(QueueExport::heading(q, {}, {}).filters.contains(QStringLiteral("Decisions that override the check")));
}

QTEST_GUILESS_MAIN(TestQueueDrillDown)
#include "tst_queuedrilldown.moc"
