#include "ResultCheck.h"
#include "security/SecretBytes.h"
#include "store/Workspace.h"
#include "views/DraftStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace adm;
using namespace adm::views;

// The drafts table (migration 7) through views::DraftStore: one draft and one place per local user,
// the place read once, and the JSON of both keeping every field.
class TestDraftStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void draftsArePerUser();
    void placeIsReadOnce();
    void keepWritesBoth();
    void viewStateJsonKeepsEveryField();

private:
    static DecisionDraft draft(const QString& application, const QString& note)
    {
        DecisionDraft d;
        d.kind = QStringLiteral("request_info");
        d.applicationId = application;
        d.fields.insert(QStringLiteral("noteEdit"), note);
        d.fields.insert(QStringLiteral("dueDate"), QStringLiteral("2026-06-09"));
        return d;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_ws;
};

void TestDraftStore::initTestCase()
{
    auto ws =
        store::Workspace::initialise(m_dir.filePath(QStringLiteral("ws")), QStringLiteral("liu.fang"),
                                     QStringLiteral("reviewer"), security::SecretBytes(QByteArray("pass phrase 1")));
    QVERIFY_OK(ws);
    m_ws = std::move(*ws);
}

void TestDraftStore::draftsArePerUser()
{
    DraftStore store(m_ws->database().writer());
    QVERIFY(!TEST_VALUE(store.draft(QStringLiteral("liu.fang"))));
    QVERIFY(store.saveDraft(QStringLiteral("liu.fang"), draft(QStringLiteral("A1"), QStringLiteral("first"))));
    QVERIFY(store.saveDraft(QStringLiteral("wang.li"), draft(QStringLiteral("A2"), QStringLiteral("other desk"))));
    // A later save replaces the user's draft.
    QVERIFY(store.saveDraft(QStringLiteral("liu.fang"), draft(QStringLiteral("A1"), QStringLiteral("first, longer"))));
    const auto mine = TEST_VALUE(store.draft(QStringLiteral("liu.fang")));
    QVERIFY(mine);
    QCOMPARE(*mine, draft(QStringLiteral("A1"), QStringLiteral("first, longer")));
    const auto theirs = TEST_VALUE(store.draft(QStringLiteral("wang.li")));
    QVERIFY(theirs);
    QCOMPARE(theirs->field(QStringLiteral("noteEdit")), QStringLiteral("other desk"));

    QVERIFY(store.clearDraft(QStringLiteral("liu.fang")));
    QVERIFY(!TEST_VALUE(store.draft(QStringLiteral("liu.fang"))));
    QVERIFY(TEST_VALUE(store.draft(QStringLiteral("wang.li"))));
    QVERIFY(store.clearDraft(QStringLiteral("wang.li")));
    // A draft without an application is refused, not stored.
    QVERIFY(!store.saveDraft(QStringLiteral("liu.fang"), DecisionDraft{}));
}

void TestDraftStore::placeIsReadOnce()
{
    DraftStore store(m_ws->database().writer());
    QueueViewState place;
    place.query.bin = Bin::Flagged;
    place.query.search = QStringLiteral("王");
    place.applicationId = QStringLiteral("A7");
    place.row = 12;
    QVERIFY(store.savePlace(QStringLiteral("liu.fang"), place));
    const auto first = TEST_VALUE(store.takePlace(QStringLiteral("liu.fang")));
    QVERIFY(first);
    QCOMPARE(*first, place);
    QVERIFY(!TEST_VALUE(store.takePlace(QStringLiteral("liu.fang"))));
}

void TestDraftStore::keepWritesBoth()
{
    QueueViewState place;
    place.applicationId = QStringLiteral("A9");
    place.row = 0;
    QVERIFY(DraftStore::keep(*m_ws, draft(QStringLiteral("A9"), QStringLiteral("at the lock")), place));
    DraftStore store(m_ws->database().writer());
    QCOMPARE(TEST_VALUE(store.draft(QStringLiteral("liu.fang")))->field(QStringLiteral("noteEdit")),
             QStringLiteral("at the lock"));
    QCOMPARE(TEST_VALUE(store.takePlace(QStringLiteral("liu.fang")))->applicationId, QStringLiteral("A9"));
    // Nothing to keep: nothing written, the draft stays.
    QVERIFY(DraftStore::keep(*m_ws, std::nullopt, std::nullopt));
    QVERIFY(TEST_VALUE(store.draft(QStringLiteral("liu.fang"))));
    QVERIFY(store.clearDraft(QStringLiteral("liu.fang")));
}

void TestDraftStore::viewStateJsonKeepsEveryField()
{
    QueueViewState s;
    s.query.bin = Bin::Rejected;
    s.query.filter.schoolId = QStringLiteral("S371102001");
    s.query.filter.category = QStringLiteral("none");
    s.query.filter.flagMask = qint64(1) << 40;
    s.query.filter.channel = QStringLiteral("counter");
    s.query.filter.from = QDate(2026, 5, 1);
    s.query.filter.to = QDate(2026, 5, 31);
    s.query.filter.overdueOn = QDate::currentDate(); // kept as "overdue", read back as overdue today
    s.query.search = QStringLiteral("370102201");
    s.query.sortColumn = Column::Age;
    s.query.order = Qt::DescendingOrder;
    s.applicationId = QStringLiteral("A2026000123");
    s.row = 4711;
    const auto back = QueueViewState::fromJson(s.toJson());
    QVERIFY(back);
    QCOMPARE(*back, s);
    QVERIFY(!QueueViewState::fromJson("not json"));
    // An unknown bin or column from an older or newer build falls back to the defaults.
    const auto odd = QueueViewState::fromJson(R"({"query":{"bin":77,"sort":99}})");
    QVERIFY(odd);
    QCOMPARE(odd->query.bin, Bin::ToReview);
    QCOMPARE(odd->query.sortColumn, Column::Submitted);
}

QTEST_GUILESS_MAIN(TestDraftStore)
#include "tst_draftstore.moc"
