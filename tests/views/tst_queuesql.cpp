#include "CityFixture.h"
#include "ResultCheck.h"
#include "domain/JsonCodec.h"
#include "store/CacheEligibility.h"
#include "sync/DecisionWorkflow.h"
#include "sync/Outbox.h"
#include "views/QueueReader.h"
#include "views/QueueSql.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace adm;
using namespace adm::views;

// The queue's SQL against a generated city: keyset pages and anchors give exactly the rows and the
// order that a plain sort of the whole table gives, for every column and direction; filters and
// search find what they should; the triggers of migration 0004 keep queue_rows in step.
class TestQueueSql : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void classify_data();
    void classify();
    void pagesMatchAFullSort_data();
    void pagesMatchAFullSort();
    void filters();
    void searchFindsEachKind();
    void planUsesTheOrderIndex();
    void searchPlansAgree();
    void decisionsMoveBinsAndUndoMovesBack();
    void checkAndSchoolUpdatesReachTheQueue();
    void migrationFillsAnExistingCache();

private:
    QVector<QueueRow> allRows();
    QVector<QueueRow> reference(const QueueQuery& q);
    QVector<qint64> scanQids(const QueueQuery& q, QVector<QueueKey>* anchors = nullptr, bool* dropped = nullptr);

    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_ws;
    std::unique_ptr<store::Connection> m_reader;
};

void TestQueueSql::initTestCase()
{
    m_ws = testsupport::makeCityWorkspace(m_dir.path(), 3000);
    QVERIFY2(m_ws, "no workspace with a generated city (see the warning above)");
    auto r = m_ws->database().openReader();
    QVERIFY_OK(r);
    m_reader = std::move(*r);
}

void TestQueueSql::classify_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("app");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("name");
    QTest::newRow("application") << "a2026000123"
                                 << "A2026000123"
                                 << ""
                                 << ""
                                 << "";
    QTest::newRow("full id") << "37110220190612003x"
                             << ""
                             << "37110220190612003X"
                             << ""
                             << "";
    QTest::newRow("phone") << "13800000000"
                           << "A13800000000"
                           << "13800000000"
                           << "13800000000"
                           << "";
    QTest::newRow("full-width digits") << QStringLiteral("１３８００") << "A13800"
                                       << ""
                                       << "13800"
                                       << "";
    QTest::newRow("name") << QStringLiteral("王 小明") << ""
                          << ""
                          << "" << QStringLiteral("王小明");
    QTest::newRow("short digits") << "12"
                                  << ""
                                  << ""
                                  << ""
                                  << "";
}

void TestQueueSql::classify()
{
    QFETCH(QString, text);
    const SearchTerms t = QueueSql::classify(text);
    QTEST(t.applicationPrefix, "app");
    QTEST(t.idNumberPrefix, "id");
    QTEST(t.phonePrefix, "phone");
    QTEST(t.name, "name");
}

QVector<QueueRow> TestQueueSql::allRows()
{
    QueueQuery q;
    QVector<QueueRow> out;
    // Read straight by qid: the reference does not go through the paging under test.
    auto s = m_reader->prepare(QStringLiteral("SELECT qid FROM queue_rows"));
    QVector<qint64> qids;
    while (s->step())
        qids.append(s->int64(0));
    auto rows = QueueReader(*m_reader).rowsByQid(qids);
    return rows ? *rows : out;
}

QVector<QueueRow> TestQueueSql::reference(const QueueQuery& q)
{
    QVector<QueueRow> rows;
    for (const QueueRow& r : allRows()) {
        if (q.bin == Bin::Conflicts ? !r.conflict : r.bin != int(q.bin))
            continue;
        const QueueFilter& f = q.filter;
        if ((!f.schoolId.isEmpty() && r.schoolId != f.schoolId) || (!f.category.isEmpty() && r.checked != f.category) ||
            (f.flagMask && !(r.flagMask & f.flagMask)) || (!f.channel.isEmpty() && r.channel != f.channel))
            continue;
        rows.append(r);
    }
    auto key = [&](const QueueRow& r) -> QVariant {
        switch (q.sortColumn) {
        case Column::Number:
            return r.applicationId.toUtf8();
        case Column::Child:
            return r.childName.toUtf8();
        case Column::Age:
            return r.birthDate.toUtf8();
        case Column::School:
            return r.schoolName.toUtf8();
        case Column::Claimed:
            return r.claimed.toUtf8();
        case Column::Checked:
            return r.checked.toUtf8();
        case Column::Flags:
            return r.flagMask;
        case Column::Channel:
            return r.channel.toUtf8();
        case Column::Submitted:
            return r.submittedAt.toUtf8();
        }
        return {};
    };
    const bool desc = QueueSql::descending(q);
    std::sort(rows.begin(), rows.end(), [&](const QueueRow& a, const QueueRow& b) {
        const QVariant ka = key(a), kb = key(b);
        const auto c = QVariant::compare(ka, kb);
        if (c != QPartialOrdering::Equivalent)
            return desc ? c == QPartialOrdering::Greater : c == QPartialOrdering::Less;
        return desc ? a.qid > b.qid : a.qid < b.qid;
    });
    return rows;
}

QVector<qint64> TestQueueSql::scanQids(const QueueQuery& q, QVector<QueueKey>* anchors, bool* dropped)
{
    QVector<qint64> qids;
    QueueReader reader(*m_reader);
    const Status s = reader.scan(q, [&](const ScanChunk& c, bool) {
        qids += c.qids;
        if (anchors)
            *anchors += c.anchors;
        if (dropped && c.qidsDropped)
            *dropped = true;
    });
    if (!s)
        qWarning() << s.error().message;
    return qids;
}

void TestQueueSql::pagesMatchAFullSort_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<int>("bin");
    for (int c = 0; c < kColumnCount; ++c)
        for (int o : {int(Qt::AscendingOrder), int(Qt::DescendingOrder)})
            QTest::addRow("column %d %s", c, o == 0 ? "asc" : "desc")
                << c << o << int(c % 2 ? Bin::ToReview : Bin::Flagged);
}

void TestQueueSql::pagesMatchAFullSort()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(int, bin);
    QueueQuery q;
    q.bin = Bin(bin);
    q.sortColumn = Column(column);
    q.order = Qt::SortOrder(order);
    const QVector<QueueRow> want = reference(q);
    QVERIFY(want.size() > 300);

    QVector<QueueKey> anchors;
    const QVector<qint64> qids = scanQids(q, &anchors);
    QCOMPARE(qids.size(), want.size());
    for (int i = 0; i < want.size(); ++i)
        QCOMPARE(qids.at(i), want.at(i).qid);
    QCOMPARE(anchors.size(), (want.size() + QueueReader::kStride - 1) / QueueReader::kStride);

    QueueReader reader(*m_reader);
    auto first = reader.firstRows(q, 50);
    QVERIFY(first.ok());
    QCOMPARE(first->size(), 50);
    QCOMPARE(first->at(49).qid, want.at(49).qid);
    // Any window, read from the anchor before it: the rows of a full sort, in its order.
    for (int start : {0, 1, 255, 256, 300, int(want.size()) - 40}) {
        const int a = start / QueueReader::kStride;
        auto page = reader.rowsFrom(q, anchors.at(a), start - a * QueueReader::kStride, 40);
        QVERIFY(page.ok());
        QCOMPARE(page->size(), std::min(40, int(want.size()) - start));
        for (int i = 0; i < page->size(); ++i)
            QCOMPARE(page->at(i).applicationId, want.at(start + i).applicationId);
    }
}

void TestQueueSql::filters()
{
    const QVector<QueueRow> all = allRows();
    QueueQuery q;
    q.bin = Bin::Flagged;
    q.filter.schoolId = all.at(0).schoolId;
    QCOMPARE(scanQids(q).size(), reference(q).size());
    q.filter = {};
    q.filter.category = QStringLiteral("A");
    QCOMPARE(scanQids(q).size(), reference(q).size());
    q.filter = {};
    q.filter.flagMask = qint64(1) << store::CacheEligibility::flagBit(QStringLiteral("record_missing"));
    const auto flagged = scanQids(q);
    QVERIFY(!flagged.isEmpty());
    QCOMPARE(flagged.size(), reference(q).size());
    q.filter = {};
    q.bin = Bin::ToReview;
    q.filter.channel = QStringLiteral("counter");
    QVERIFY(!scanQids(q).isEmpty());
    QCOMPARE(scanQids(q).size(), reference(q).size());

    // Dates: a day's submissions (local time) and nothing outside it.
    q = {};
    const QDateTime t = json::parseTime(all.at(5).submittedAt).toLocalTime();
    q.bin = Bin(all.at(5).bin);
    q.filter.from = q.filter.to = t.date();
    const QVector<qint64> day = scanQids(q);
    QVERIFY(day.contains(all.at(5).qid));
    auto rows = QueueReader(*m_reader).rowsByQid(day);
    QVERIFY_OK(rows);
    for (const QueueRow& r : *rows)
        QCOMPARE(json::parseTime(r.submittedAt).toLocalTime().date(), t.date());
}

void TestQueueSql::searchFindsEachKind()
{
    const QVector<QueueRow> all = allRows();
    const QueueRow target = all.at(1234);
    auto data = m_reader->prepare(QStringLiteral("SELECT data FROM applications WHERE id = ?"));
    QVERIFY_OK(data);
    data->bind(1, target.applicationId);
    QVERIFY(data->step());
    const Application app = *json::readApplication(QJsonDocument::fromJson(data->utf8(0)).object());
    QVERIFY(!app.guardians.isEmpty());

    auto found = [&](const QString& text) {
        QueueQuery q;
        q.bin = Bin(target.bin);
        q.search = text;
        return scanQids(q);
    };
    QVERIFY(found(target.applicationId).contains(target.qid));
    QCOMPARE(found(target.applicationId).size(), 1);
    QVERIFY(found(app.child.idNumber).contains(target.qid));
    QVERIFY(found(app.child.idNumber.toLower()).contains(target.qid));
    QVERIFY(found(app.guardians.first().idNumber).contains(target.qid));
    QVERIFY(found(app.guardians.first().phone).contains(target.qid));
    QVERIFY(found(app.child.name.left(2)).contains(target.qid));  // prefix
    QVERIFY(found(app.child.name.mid(1)).contains(target.qid));   // any part
    QVERIFY(found(app.child.name.right(1)).contains(target.qid)); // one character
    QVERIFY(found(QStringLiteral("zz")).isEmpty());

    // Every hit of a part of a name holds that part.
    const QString part = app.child.name.mid(1, 2);
    QueueQuery q;
    q.bin = Bin(target.bin);
    q.search = part;
    auto rows = QueueReader(*m_reader).rowsByQid(scanQids(q));
    QVERIFY(!rows->isEmpty());
    for (const QueueRow& r : *rows)
        QVERIFY2(r.childName.contains(part), qPrintable(r.applicationId));
}

void TestQueueSql::planUsesTheOrderIndex()
{
    // Every order, filtered or not: the qids of a page come from the order's index alone.
    for (int c = 0; c < kColumnCount; ++c) {
        for (bool filtered : {false, true}) {
            QueueQuery q;
            q.sortColumn = Column(c);
            if (filtered) {
                q.filter.channel = QStringLiteral("counter");
                q.filter.category = QStringLiteral("A");
                q.filter.flagMask = 3;
            }
            const SqlText t = QueueSql::firstQids(q, 100);
            auto plan = m_reader->prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + t.sql);
            QVERIFY(plan.ok());
            for (int i = 0; i < t.binds.size(); ++i)
                plan->bind(i + 1, t.binds.at(i).toLongLong());
            QStringList lines;
            while (plan->step())
                lines << plan->text(3);
            const QString text = lines.join(u'\n');
            QVERIFY2(text.contains(QStringLiteral("USING COVERING INDEX queue_by_")), qPrintable(text));
            QVERIFY2(!text.contains(QStringLiteral("TEMP B-TREE")), qPrintable(text));
        }
    }
    // A search reads its candidates by qid; a school filter reads the school's rows. Neither walks
    // the whole bin.
    auto planOf = [&](const QueueQuery& q) {
        const SqlText t = QueueSql::firstQids(q, 100);
        auto plan = m_reader->prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + t.sql);
        if (!plan)
            return QStringLiteral("prepare failed: ") + plan.error().message; // fails the check below
        for (int i = 0; i < t.binds.size(); ++i)
            plan->bind(i + 1, t.binds.at(i).toString());
        QStringList lines;
        while (plan->step())
            lines << plan->text(3);
        return lines.join(u'\n');
    };
    QueueQuery search;
    search.search = QStringLiteral("371102201911051073");
    QVERIFY2(planOf(search).contains(QStringLiteral("USING INTEGER PRIMARY KEY (rowid=?)")),
             qPrintable(planOf(search)));
    QueueQuery school;
    school.filter.schoolId = QStringLiteral("S371102001");
    QVERIFY2(planOf(school).contains(QStringLiteral("USING INDEX queue_by_school")), qPrintable(planOf(school)));
}

// A name part answered from its candidates, or by walking the order's index: the same rows.
void TestQueueSql::searchPlansAgree()
{
    const QVector<QueueRow> all = allRows();
    for (const QString& part : {all.at(10).childName.mid(1), all.at(20).childName.left(2)}) {
        QueueQuery q;
        q.bin = Bin(all.at(10).bin);
        q.search = part;
        QList<QVector<qint64>> results;
        for (SearchPlan plan : {SearchPlan::Candidates, SearchPlan::InOrder}) {
            const SqlText t = QueueSql::scan(q, plan);
            auto s = m_reader->prepare(t.sql);
            QVERIFY(s.ok());
            for (int i = 0; i < t.binds.size(); ++i) {
                const QVariant& v = t.binds.at(i);
                if (v.typeId() == QMetaType::LongLong)
                    s->bind(i + 1, v.toLongLong());
                else
                    s->bind(i + 1, v.toString());
            }
            QVector<qint64> qids;
            while (s->step())
                qids << s->int64(0);
            results << qids;
        }
        QVERIFY(!results.first().isEmpty());
        QCOMPARE(results.first(), results.last());
    }
}

void TestQueueSql::decisionsMoveBinsAndUndoMovesBack()
{
    QueueQuery q;
    q.bin = Bin::ToReview;
    auto first = QueueReader(*m_reader).firstRows(q, 1);
    QVERIFY(first.ok() && !first->isEmpty());
    const QString id = first->first().applicationId;
    auto binOf = [&]() {
        auto s =
            m_reader->prepare(QStringLiteral("SELECT bin, pending, conflict FROM queue_rows WHERE application_id = ?"));
        if (!s)
            return QStringLiteral("prepare failed: ") + s.error().message; // fails the comparison
        s->bind(1, id);
        s->step();
        return QStringLiteral("%1 %2 %3").arg(s->int64(0)).arg(s->text(1)).arg(s->int64(2));
    };
    QCOMPARE(binOf(), QStringLiteral("0  0"));

    store::Connection& writer = m_ws->database().writer();
    sync::DecisionWorkflow workflow(writer, m_ws->audit(), testsupport::kReviewer, m_ws->role(), QString());
    sync::DecisionRequest reject;
    reject.applicationId = id;
    reject.outcome = QStringLiteral("reject");
    reject.reasonCode = QStringLiteral("not_in_zone");
    auto item = workflow.decide(reject);
    QVERIFY2(item.ok(), qPrintable(item.error().message));
    QCOMPARE(binOf(), QStringLiteral("4 reject 0"));

    // The hub refuses it: the application shows in Conflicts, and in its bin by its upstream state.
    sync::Outbox outbox(writer);
    QVERIFY(outbox.markAttempt({item->id}).ok());
    sync::ItemResult refused{
        item->idempotencyKey,     QStringLiteral("conflict"), id, 9, QStringLiteral("version_mismatch"),
        QStringLiteral("changed")};
    QVERIFY(outbox.record({{item->id, refused}}).ok());
    QCOMPARE(binOf(), QStringLiteral("0  1"));
    QVERIFY(workflow.drop(item->id).ok());
    QCOMPARE(binOf(), QStringLiteral("0  0"));

    // A new decision, then undone while still unsent.
    sync::DecisionRequest info;
    info.applicationId = id;
    info.outcome = QStringLiteral("request_info");
    info.note = QStringLiteral("bring the rental contract");
    auto second = workflow.decide(info);
    QVERIFY(second.ok());
    QCOMPARE(binOf(), QStringLiteral("2 request_info 0"));
    QVERIFY(workflow.drop(second->id).ok());
    QCOMPARE(binOf(), QStringLiteral("0  0"));
}

void TestQueueSql::checkAndSchoolUpdatesReachTheQueue()
{
    store::Connection& writer = m_ws->database().writer();
    QueueQuery q;
    q.bin = Bin::ToReview;
    auto first = QueueReader(*m_reader).firstRows(q, 1);
    QVERIFY_OK(first);
    const QueueRow row = first->first();
    auto update = writer.prepare(
        QStringLiteral("UPDATE eligibility_results SET flag_mask = 4, category = 'B' WHERE application_id = ?"));
    QVERIFY_OK(update);
    update->bind(1, row.applicationId);
    QVERIFY(update->run().ok());
    auto after = QueueReader(*m_reader).rowsByQid({row.qid});
    QVERIFY_OK(after);
    QCOMPARE(after->first().bin, int(Bin::Flagged));
    QCOMPARE(after->first().checked, QStringLiteral("B"));
    QueueQuery byFacets;
    byFacets.bin = Bin::Flagged;
    byFacets.filter.category = QStringLiteral("B");
    byFacets.filter.flagMask = 1 << 2;
    QVERIFY(scanQids(byFacets).contains(row.qid));
    byFacets.filter.flagMask = 1 << 3;
    QVERIFY(!scanQids(byFacets).contains(row.qid));

    auto rename = writer.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO schools (id, version, district_code, level, name, capacity, data) "
        "SELECT id, version + 1, district_code, level, '新名字小学', capacity, data FROM schools WHERE id = ?"));
    QVERIFY_OK(rename);
    rename->bind(1, row.schoolId);
    QVERIFY(rename->run().ok());
    after = QueueReader(*m_reader).rowsByQid({row.qid});
    QCOMPARE(after->first().schoolName, QStringLiteral("新名字小学"));
}

void TestQueueSql::migrationFillsAnExistingCache()
{
    const QVector<QueueRow> before = allRows();
    QTemporaryDir copy;
    // Take the queue away as if the cache were made before migration 4, then open it again.
    store::Connection& writer = m_ws->database().writer();
    auto count = writer.scalar(QStringLiteral("SELECT count(*) FROM queue_name_grams"));
    QVERIFY_OK(count);
    const qint64 grams = count->toLongLong();
    QVERIFY(grams > 0);
    for (const char* sql : {"DROP TRIGGER queue_application_insert", "DROP TRIGGER queue_application_delete",
                            "DROP TRIGGER queue_eligibility_insert", "DROP TRIGGER queue_eligibility_update",
                            "DROP TRIGGER queue_eligibility_delete", "DROP TRIGGER queue_school_insert",
                            "DROP TRIGGER queue_outbox_insert", "DROP TRIGGER queue_outbox_update",
                            "DROP TRIGGER queue_rows_pending", "DROP TABLE queue_rows", "DROP TABLE queue_name_grams",
                            "DROP TABLE queue_gram_positions", "PRAGMA user_version = 3"})
        QVERIFY(writer.exec(QString::fromLatin1(sql)).ok());
    m_reader.reset();
    m_ws.reset();
    auto ws = store::Workspace::unlock(m_dir.path(), testsupport::kReviewer, testsupport::kPassphrase);
    QVERIFY2(ws.ok(), qPrintable(ws.error().message));
    m_ws = std::move(*ws);
    QCOMPARE(m_ws->database().schemaVersion(), store::Database::latestSchemaVersion());
    m_reader = std::move(m_ws->database().openReader().value());
    const QVector<QueueRow> after = allRows();
    QCOMPARE(after.size(), before.size());
    QHash<QString, QueueRow> byId;
    for (const QueueRow& r : after)
        byId.insert(r.applicationId, r);
    for (const QueueRow& r : before) {
        const QueueRow& a = byId.value(r.applicationId);
        QCOMPARE(a.bin, r.bin);
        QCOMPARE(a.checked, r.checked);
        QCOMPARE(a.flagMask, r.flagMask);
        QCOMPARE(a.schoolName, r.schoolName);
        QCOMPARE(a.birthDate, r.birthDate);
    }
    QCOMPARE(TEST_VALUE(m_reader->scalar(QStringLiteral("SELECT count(*) FROM queue_name_grams"))).toLongLong(), grams);
}

QTEST_GUILESS_MAIN(TestQueueSql)
#include "tst_queuesql.moc"
