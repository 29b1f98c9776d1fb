#include "CityFixture.h"
#include "ResultCheck.h"
#include "views/BinCountsModel.h"
#include "views/QueueModel.h"
#include "views/QueueReader.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace adm;
using namespace adm::views;

// QueueModel and BinCountsModel under QAbstractItemModelTester, on a generated city: the rows a
// view reads (first page, any window by qid or from an anchor) are those of the query, in order.
class TestQueueModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void firstPageThenCount();
    void anyRowIsReached_data();
    void anyRowIsReached();
    void sortAndFilterReset();
    void refreshFollowsTheCache();
    void binCounts();

private:
    ReaderFactory readers();
    QVector<QueueRow> expected(const QueueQuery& q);
    // Reads a row through the model as a view would: ask, then wait until it is loaded.
    QString idAt(QueueModel& model, int row);

    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_ws;
    std::unique_ptr<store::Connection> m_reader;
};

void TestQueueModel::initTestCase()
{
    m_ws = testsupport::makeCityWorkspace(m_dir.path(), 3000);
    QVERIFY2(m_ws, "no workspace with a generated city (see the warning above)");
    auto reader = m_ws->database().openReader();
    QVERIFY_OK(reader);
    m_reader = std::move(*reader);
}

void TestQueueModel::cleanupTestCase()
{
    m_reader.reset();
    m_ws.reset();
}

ReaderFactory TestQueueModel::readers()
{
    store::Database* db = &m_ws->database();
    return [db] { return db->openReader(); };
}

QVector<QueueRow> TestQueueModel::expected(const QueueQuery& q)
{
    QueueReader reader(*m_reader);
    QVector<qint64> qids;
    (void)reader.scan(q, [&](const ScanChunk& c, bool) { qids += c.qids; });
    return *reader.rowsByQid(qids);
}

QString TestQueueModel::idAt(QueueModel& model, int row)
{
    return testsupport::queueText(model, row, Column::Number);
}

void TestQueueModel::firstPageThenCount()
{
    QueueModel model(readers());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy first(&model, &QueueModel::firstRowsLoaded);
    QSignalSpy counted(&model, &QueueModel::counted);
    QueueQuery q;
    q.bin = Bin::ToReview;
    model.setQuery(q);
    QVERIFY(model.isCounting());
    QTRY_COMPARE(first.count(), 1);
    QTRY_COMPARE(counted.count(), 1);
    const QVector<QueueRow> want = expected(q);
    QCOMPARE(model.rowCount(), want.size());
    QCOMPARE(counted.first().first().toLongLong(), qint64(want.size()));
    QCOMPARE(model.data(model.index(0, int(Column::Child))).toString(), want.first().childName);
    QCOMPARE(model.data(model.index(0, int(Column::School))).toString(), want.first().schoolName);
    QVERIFY(!model.data(model.index(0, int(Column::Age))).toString().isEmpty());
    QCOMPARE(model.headerData(int(Column::Child), Qt::Horizontal).toString(), QStringLiteral("Child"));
}

void TestQueueModel::anyRowIsReached_data()
{
    QTest::addColumn<int>("keepAllQids");
    QTest::newRow("every qid kept") << QueueReader::kKeepAllQids;
    QTest::newRow("anchors only") << 100;
}

void TestQueueModel::anyRowIsReached()
{
    QFETCH(int, keepAllQids);
    QueueModel model(readers());
    model.setKeepAllQids(keepAllQids);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QueueQuery q;
    q.bin = Bin::ToReview;
    q.sortColumn = Column::Child;
    model.setQuery(q);
    QTRY_VERIFY(!model.isCounting());
    const QVector<QueueRow> want = expected(q);
    QCOMPARE(model.rowCount(), want.size());
    for (int row : {0, int(want.size()) - 1, 700, 3, 1000, 257, int(want.size()) / 2})
        QCOMPARE(idAt(model, row), want.at(row).applicationId);
}

void TestQueueModel::sortAndFilterReset()
{
    QueueModel model(readers());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QueueQuery q;
    q.bin = Bin::Flagged;
    model.setQuery(q);
    QTRY_VERIFY(!model.isCounting());

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.sort(int(Column::Age), Qt::DescendingOrder);
    QCOMPARE(reset.count(), 1);
    QTRY_VERIFY(!model.isCounting());
    QCOMPARE(model.query().sortColumn, Column::Age);
    QueueQuery sorted = model.query();
    QCOMPARE(idAt(model, 0), expected(sorted).first().applicationId);

    QueueQuery filtered = sorted;
    filtered.filter.channel = QStringLiteral("counter");
    model.setQuery(filtered);
    QTRY_VERIFY(!model.isCounting());
    const QVector<QueueRow> want = expected(filtered);
    QCOMPARE(model.rowCount(), want.size());
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(testsupport::queueText(model, row, Column::Channel), QStringLiteral("Counter"));
}

void TestQueueModel::refreshFollowsTheCache()
{
    QueueModel model(readers());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QueueQuery q;
    q.bin = Bin::ToReview;
    model.setQuery(q);
    QTRY_VERIFY(!model.isCounting());
    const int before = model.rowCount();
    const QString id = idAt(model, 0);
    auto st = m_ws->database().writer().prepare(QStringLiteral("UPDATE eligibility_results SET flag_mask = 1 WHERE "
                                                               "application_id = ?"));
    QVERIFY_OK(st);
    st->bind(1, id);
    QVERIFY(st->run().ok());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.refresh();
    QTRY_VERIFY(!model.isCounting());
    QCOMPARE(reset.count(), 0); // the view keeps its place
    QCOMPARE(model.rowCount(), before - 1);
    QTRY_VERIFY(idAt(model, 0) != id);
}

void TestQueueModel::binCounts()
{
    BinCountsModel model(readers());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &BinCountsModel::countsChanged);
    model.setQuery({});
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(model.rowCount(), kBinCount);
    qint64 total = 0;
    for (int b = 0; b < int(Bin::Conflicts); ++b) {
        QueueQuery q;
        q.bin = Bin(b);
        QCOMPARE(model.countOf(Bin(b)), qint64(expected(q).size()));
        total += model.countOf(Bin(b));
    }
    const qint64 open =
        TEST_VALUE(m_reader->scalar(QStringLiteral("SELECT count(*) FROM queue_rows WHERE bin != 9"))).toLongLong();
    QCOMPARE(total, open);
    QCOMPARE(model.data(model.index(int(Bin::Approved), 0)).toString(), QStringLiteral("Approved"));
    QVERIFY(model.countOf(Bin::Approved) > 0);

    // Under a filter, the counts follow it.
    QueueQuery counter;
    counter.filter.channel = QStringLiteral("counter");
    model.setQuery(counter);
    QTRY_COMPARE(changed.count(), 2);
    counter.bin = Bin::ToReview;
    QCOMPARE(model.countOf(Bin::ToReview), qint64(expected(counter).size()));
}

QTEST_MAIN(TestQueueModel)
#include "tst_queuemodel.moc"
