#include "CityFixture.h"
#include "ResultCheck.h"
#include "domain/IdNumber.h"
#include "views/ApplicationDetail.h"
#include "views/DecisionService.h"
#include "views/LocalSession.h"
#include "views/RecordTreeModel.h"
#include "views/SessionStatus.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace adm;
using namespace adm::views;

// The detail of one application read from the fixture, the record tree under
// QAbstractItemModelTester, and the session's writes (decide, undo, reveal) with their audit.
class TestDetailModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void detailHasCheckRecordsAndHistory();
    void recordTreeShowsEverythingMasked();
    void decideAndUndoThroughTheSession();
    void revealIsAudited();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalSession> m_session;
    std::unique_ptr<store::Connection> m_reader;
};

void TestDetailModels::initTestCase()
{
    auto ws = testsupport::makeFixtureWorkspace(m_dir.path());
    QVERIFY2(ws, "no workspace with the shared fixture (see the warning above)");
    m_session = std::make_unique<LocalSession>(std::move(ws));
    auto reader = m_session->readers()();
    QVERIFY_OK(reader);
    m_reader = std::move(*reader);
}

void TestDetailModels::cleanupTestCase()
{
    m_reader.reset();
    m_session.reset();
}

void TestDetailModels::detailHasCheckRecordsAndHistory()
{
    auto d = loadApplicationDetail(*m_reader, QStringLiteral("A2026P0001"));
    QVERIFY2(d.ok(), qPrintable(d.error().message));
    QCOMPARE(d->application.child.name, QStringLiteral("王小明"));
    QVERIFY(d->check.has_value());
    QVERIFY(!d->check->checks.isEmpty());
    QVERIFY(!d->records.isEmpty());
    QCOMPARE(d->seats.capacity, 180);
    QCOMPARE(d->seats.name, QStringLiteral("日照市东港区第五小学"));
    QVERIFY(!d->history.isEmpty());
    bool sawEvidence = false;
    for (const policy::RuleCheck& c : d->check->checks)
        for (const policy::EvidenceUse& e : c.evidence)
            if (!d->sourceRefOf(e.recordId).isEmpty())
                sawEvidence = true;
    QVERIFY(sawEvidence);
    QCOMPARE(loadApplicationDetail(*m_reader, QStringLiteral("A-none")).error().code, QStringLiteral("not_found"));
}

void TestDetailModels::recordTreeShowsEverythingMasked()
{
    auto d = loadApplicationDetail(*m_reader, QStringLiteral("A2026P0001"));
    QVERIFY(d.ok());
    // An unknown field must be shown, not dropped.
    AgencyRecord extra = d->records.first();
    extra.id = QStringLiteral("R-EXTRA");
    extra.raw.insert(QStringLiteral("future_field"), QStringLiteral("kept"));
    QList<AgencyRecord> records = d->records;
    records.append(extra);

    RecordTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRecords(records);
    QCOMPARE(model.rowCount(), records.size());
    const int row = model.rowOfRecord(QStringLiteral("R-EXTRA"));
    QVERIFY(row >= 0);
    const QModelIndex top = model.index(row, 0);
    bool sawUnknown = false;
    for (int i = 0; i < model.rowCount(top); ++i)
        if (model.index(i, 0, top).data().toString() == QLatin1String("future_field"))
            sawUnknown = model.index(i, 1, top).data().toString() == QLatin1String("kept");
    QVERIFY(sawUnknown);

    // No full ID number anywhere in the tree.
    const QString child = d->application.child.idNumber;
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int i = 0; i < model.rowCount(parent); ++i) {
            QVERIFY(!model.index(i, 1, parent).data().toString().contains(child));
            walk(model.index(i, 0, parent));
        }
    };
    walk({});
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestDetailModels::decideAndUndoThroughTheSession()
{
    DecisionService service(*m_session);
    QSignalSpy decided(&service, &DecisionService::decided);
    sync::DecisionRequest request;
    request.applicationId = QStringLiteral("A2026P0001");
    request.outcome = QStringLiteral("reject");
    std::optional<Result<sync::OutboxItem>> result;
    service.decide(request, this, [&](Result<sync::OutboxItem> r) { result.emplace(std::move(r)); });
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->error().code, QStringLiteral("reason_required")); // a rejection needs a reason
    QCOMPARE(decided.count(), 0);

    request.reasonCode = QStringLiteral("not_in_zone");
    result.reset();
    service.decide(request, this, [&](Result<sync::OutboxItem> r) { result.emplace(std::move(r)); });
    QTRY_VERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->error().message));
    QCOMPARE(decided.count(), 1);
    QCOMPARE(TEST_VALUE(SessionStatus::read(*m_reader)).outbox, 1);
    auto d = loadApplicationDetail(*m_reader, QStringLiteral("A2026P0001"));
    QVERIFY_OK(d);
    QCOMPARE(d->row.pending, QStringLiteral("reject"));
    QCOMPARE(d->openDecisionItem, (*result)->id);

    QVERIFY(service.canUndo());
    std::optional<Result<QString>> undone;
    service.undoLast(this, [&](Result<QString> r) { undone.emplace(std::move(r)); });
    QTRY_VERIFY(undone.has_value());
    QVERIFY(undone->ok());
    QCOMPARE(**undone, QStringLiteral("A2026P0001"));
    QCOMPARE(TEST_VALUE(SessionStatus::read(*m_reader)).outbox, 0);
    QVERIFY(!service.canUndo());
}

void TestDetailModels::revealIsAudited()
{
    std::optional<Status> status;
    IdRevealer::reveal(*m_session, QStringLiteral("A2026P0001"), 1, QStringLiteral("bogus"), this,
                       [&](Status s) { status = s; });
    QTRY_VERIFY(status.has_value());
    QVERIFY(!status->ok());
    status.reset();
    IdRevealer::reveal(*m_session, QStringLiteral("A2026P0001"), 1, QStringLiteral("family_enquiry"), this,
                       [&](Status s) { status = s; });
    QTRY_VERIFY(status.has_value());
    QVERIFY(status->ok());
    auto q = m_reader->prepare(QStringLiteral("SELECT subject FROM audit_log WHERE action = 'id.reveal'"));
    QVERIFY(q->step());
    QCOMPARE(q->text(0), QStringLiteral("application=A2026P0001 person=guardian1 reason=family_enquiry"));
    auto d = loadApplicationDetail(*m_reader, QStringLiteral("A2026P0001"));
    QVERIFY_OK(d);
    bool inHistory = false;
    for (const HistoryEntry& h : d->history)
        inHistory |= h.text.contains(QStringLiteral("guardian1")) && h.actor == testsupport::kReviewer;
    QVERIFY(inHistory);
}

QTEST_MAIN(TestDetailModels)
#include "tst_detailmodels.moc"
