#include "CityFixture.h"
#include "DetailPane.h"
#include "EvidenceCard.h"
#include "IdleWatcher.h"
#include "MainWindow.h"
#include "ManualClock.h"
#include "QueuePane.h"
#include "ResultCheck.h"
#include "ScriptedPrompter.h"
#include "UnlockDialog.h"
#include "domain/IdNumber.h"
#include "i18n/Translations.h"
#include "store/Workspace.h"
#include "sync/DecisionWorkflow.h"
#include "sync/Outbox.h"
#include "views/BinCountsModel.h"
#include "views/LocalSession.h"
#include "views/QueueModel.h"
#include "views/SessionStatus.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <algorithm>

using namespace adm;
using namespace adm::views;

// The main window driven like a reviewer drives it (offscreen): keys, clicks and typing on the
// real widgets, dialogs answered through a scripted prompter, the effects read back from the cache.
class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void filterSortAndSearch();
    void keysMoveThroughTheQueue();
    void detailShowsEvidenceCards();
    void revealIsAudited();
    void approveByKeyboardThenUndo();
    void rejectWithoutReasonIsRefused();
    void conflictIsShownAndDropped();
    void idleLockClosesAndUnlockReopens();
    void languageSwitchRetranslates();

private:
    struct Open {
        std::unique_ptr<ui::MainWindow> window;
        store::Workspace* workspace = nullptr; // owned by the window's session
        Session* session = nullptr;
        QTableView* table = nullptr;
        QueueModel* model = nullptr;
        QString error; // why the window could not be opened; the test fails with it
    };
    Open open(ScriptedPrompter& prompter);
    SessionStatus status(Open& o);

    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings of the test, not of the user
    QVERIFY(testsupport::makeCityWorkspace(m_dir.path(), 1500));
}

TestMainWindow::Open TestMainWindow::open(ScriptedPrompter& prompter)
{
    Open o;
    auto ws = store::Workspace::unlock(m_dir.path(), testsupport::kReviewer, testsupport::kPassphrase);
    if (!ws) {
        o.error = QStringLiteral("unlock failed: ") + ws.error().message;
        return o;
    }
    o.workspace = ws->get();
    auto session = std::make_unique<LocalSession>(std::move(*ws));
    o.session = session.get();
    o.window = std::make_unique<ui::MainWindow>(
        std::move(session),
        [](views::OpenCache cache) -> std::unique_ptr<Session> { return std::make_unique<LocalSession>(cache.take()); },
        &prompter);
    o.window->show();
    QApplication::setActiveWindow(o.window.get());
    if (!QTest::qWaitForWindowActive(o.window.get()))
        o.error = QStringLiteral("the window did not become active");
    o.table = o.window->findChild<QTableView*>(QStringLiteral("queueTable"));
    o.model = o.table ? qobject_cast<QueueModel*>(o.table->model()) : nullptr;
    if (!o.model) {
        o.error = QStringLiteral("no queue table with a queue model");
        return o;
    }
    if (!QTest::qWaitFor([&] { return !o.model->isCounting() && o.model->rowCount() > 0; }, 10000))
        o.error = QStringLiteral("the queue was not counted");
    o.table->setFocus();
    return o;
}

SessionStatus TestMainWindow::status(Open& o)
{
    // A failed read gives -1 counts: the comparison that asked fails, with this warning beside it.
    SessionStatus failed;
    failed.outbox = failed.conflicts = -1;
    auto reader = o.workspace->database().openReader();
    if (!reader) {
        qWarning("no reader: %s", qPrintable(reader.error().message));
        return failed;
    }
    auto status = SessionStatus::read(**reader);
    if (!status) {
        qWarning("no status: %s", qPrintable(status.error().message));
        return failed;
    }
    return *status;
}

void TestMainWindow::filterSortAndSearch()
{
    ScriptedPrompter prompter;
    Open o = open(prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    const int total = o.model->rowCount();
    QVERIFY(total > 100);

    // Filter: counter applications only, chosen with the keyboard.
    auto* channel = o.window->findChild<QComboBox*>(QStringLiteral("channelFilter"));
    channel->setFocus();
    QTest::keyClick(channel, Qt::Key_Down);
    QTest::keyClick(channel, Qt::Key_Down);
    QCOMPARE(channel->currentData().toString(), QStringLiteral("counter"));
    QTRY_VERIFY(!o.model->isCounting() && o.model->query().filter.channel == QLatin1String("counter"));
    QVERIFY(o.model->rowCount() > 0 && o.model->rowCount() < total);
    QTRY_VERIFY(o.model->data(o.model->index(0, 0), QueueModel::LoadedRole).toBool());
    for (int row = 0; row < o.model->rowCount(); ++row)
        QCOMPARE(testsupport::queueText(*o.model, row, Column::Channel), QStringLiteral("Counter"));
    auto* count = o.window->findChild<QLabel*>(QStringLiteral("countLabel"));
    QVERIFY2(count->text().contains(QString::number(o.model->rowCount())), qPrintable(count->text()));

    QTest::mouseClick(o.window->findChild<QWidget*>(QStringLiteral("clearFiltersButton")), Qt::LeftButton);
    QTRY_COMPARE(o.model->rowCount(), total);

    // Sort: a click on the Child header.
    QHeaderView* header = o.table->horizontalHeader();
    const int x = header->sectionViewportPosition(int(Column::Child)) + header->sectionSize(int(Column::Child)) / 2;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QTRY_COMPARE(o.model->query().sortColumn, Column::Child);
    QTRY_VERIFY(!o.model->isCounting() && o.model->data(o.model->index(30, 0), QueueModel::LoadedRole).toBool());
    for (int row = 1; row <= 30; ++row) {
        const QByteArray a = o.model->data(o.model->index(row - 1, int(Column::Child))).toString().toUtf8();
        const QByteArray b = o.model->data(o.model->index(row, int(Column::Child))).toString().toUtf8();
        QVERIFY2(a <= b, (a + " > " + b).constData());
    }

    // Search: "/" then an application number.
    const QString wanted = o.model->applicationIdAt(7);
    const QString name = o.model->data(o.model->index(7, int(Column::Child))).toString();
    QTest::keyClick(o.table, Qt::Key_Slash);
    auto* search = o.window->findChild<QLineEdit*>(QStringLiteral("searchField"));
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, wanted);
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_VERIFY(!o.model->isCounting() && o.model->rowCount() == 1);
    QTRY_COMPARE(o.model->applicationIdAt(0), wanted);

    // … and any part of the child's name.
    search->clear();
    // Chinese arrives from an input method as committed text, not as key presses.
    QInputMethodEvent typed;
    typed.setCommitString(name.mid(1));
    QApplication::sendEvent(search, &typed);
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_VERIFY(!o.model->isCounting() && o.model->query().search == name.mid(1));
    QVERIFY(o.model->rowCount() >= 1);
    QTRY_VERIFY(o.model->data(o.model->index(0, 0), QueueModel::LoadedRole).toBool());
    bool found = false;
    for (int row = 0; row < o.model->rowCount(); ++row) {
        QVERIFY(testsupport::queueText(*o.model, row, Column::Child).contains(name.mid(1)));
        found |= o.model->applicationIdAt(row) == wanted;
    }
    QVERIFY(found);
}

void TestMainWindow::keysMoveThroughTheQueue()
{
    ScriptedPrompter prompter;
    Open o = open(prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QTRY_COMPARE(o.table->currentIndex().row(), 0);
    QTest::keyClick(o.table, Qt::Key_J);
    QTest::keyClick(o.table, Qt::Key_J);
    QCOMPARE(o.table->currentIndex().row(), 2);
    QTest::keyClick(o.table, Qt::Key_K);
    QCOMPARE(o.table->currentIndex().row(), 1);
    QTest::keyClick(o.table, Qt::Key_Down);
    QCOMPARE(o.table->currentIndex().row(), 2);
    QSignalSpy shown(o.window.get(), &ui::MainWindow::detailShown);
    QTest::keyClick(o.table, Qt::Key_Return); // open at once
    QTRY_VERIFY(!shown.isEmpty());
    QCOMPARE(shown.last().first().toString(), o.model->applicationIdAt(2));
}

void TestMainWindow::detailShowsEvidenceCards()
{
    ScriptedPrompter prompter;
    Open o = open(prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    auto* pane = o.window->detailPane();
    // The first application whose check used agency records.
    bool withEvidence = false;
    for (int row = 0; row < 40 && !withEvidence; ++row) {
        o.table->setCurrentIndex(o.model->index(row, 0));
        QTRY_VERIFY(pane->detail() && pane->detail()->application.id == o.model->applicationIdAt(row));
        withEvidence = !o.window->findChildren<ui::EvidenceCard*>().isEmpty();
    }
    QVERIFY(withEvidence);
    const ApplicationDetail* detail = pane->detail();
    QVERIFY(detail->check.has_value());
    // One card for each record a rule used, each naming a record about this application's people by
    // the agency's own number.
    qsizetype uses = 0;
    for (const policy::RuleCheck& c : detail->check->checks)
        uses += c.evidence.size();
    QList<ui::EvidenceCard*> cards;
    for (ui::EvidenceCard* card : o.window->findChildren<ui::EvidenceCard*>(QStringLiteral("evidenceCard")))
        if (card->isVisible())
            cards << card;
    QCOMPARE(cards.size(), uses);
    for (ui::EvidenceCard* card : cards) {
        const QString id = card->recordId();
        QVERIFY(!id.isEmpty());
        QVERIFY2(std::any_of(detail->records.cbegin(), detail->records.cend(),
                             [&](const AgencyRecord& r) { return r.id == id; }),
                 qPrintable(id));
        const QString number = detail->sourceRefOf(id).isEmpty() ? id : detail->sourceRefOf(id);
        const auto labels = card->findChildren<QLabel*>();
        QVERIFY2(std::any_of(labels.cbegin(), labels.cend(), [&](const QLabel* l) { return l->text() == number; }),
                 qPrintable(number));
    }
    auto* verdict = o.window->findChild<QLabel*>(QStringLiteral("checkVerdict"));
    QVERIFY(verdict && !verdict->text().isEmpty());
    auto* records = o.window->findChild<QTreeView*>(QStringLiteral("recordsTree"));
    QVERIFY(records && records->model()->rowCount() == pane->detail()->records.size());
    auto* address = o.window->findChild<QLabel*>(QStringLiteral("claimedAddress"));
    QCOMPARE(address->text(), pane->detail()->application.claimedAddress);
}

void TestMainWindow::revealIsAudited()
{
    ScriptedPrompter prompter;
    Open o = open(prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    auto* pane = o.window->detailPane();
    QTRY_VERIFY(pane->detail() != nullptr);
    const Application app = pane->detail()->application;
    QVERIFY(!app.guardians.isEmpty());
    const QString full = app.guardians.first().idNumber;
    auto* label = o.window->findChild<QLabel*>(QStringLiteral("idLabel_1"));
    QVERIFY(label && !label->text().contains(full));
    QCOMPARE(label->text(), IdNumber::masked(full));

    prompter.revealReason = std::nullopt; // cancelled: nothing shown, nothing logged
    QTest::mouseClick(o.window->findChild<QPushButton*>(QStringLiteral("revealButton_1")), Qt::LeftButton);
    QTRY_COMPARE(prompter.asked.count(QStringLiteral("reveal ") + app.id), 1); // the question was answered
    QCOMPARE(o.window->findChild<QLabel*>(QStringLiteral("idLabel_1"))->text(), IdNumber::masked(full));

    prompter.revealReason = QStringLiteral("family_enquiry");
    QTest::mouseClick(o.window->findChild<QPushButton*>(QStringLiteral("revealButton_1")), Qt::LeftButton);
    QTRY_COMPARE(o.window->findChild<QLabel*>(QStringLiteral("idLabel_1"))->text(), full);
    QVERIFY(!o.window->findChild<QLabel*>(QStringLiteral("idLabel_0"))->text().contains(app.child.idNumber));

    auto reader = o.workspace->database().openReader();
    QVERIFY_OK(reader);
    auto q = (*reader)->prepare(QStringLiteral("SELECT actor, subject FROM audit_log WHERE action = 'id.reveal'"));
    QVERIFY_OK(q);
    QStringList subjects;
    while (q->step()) {
        QCOMPARE(q->text(0), testsupport::kReviewer);
        subjects << q->text(1);
    }
    QCOMPARE(subjects.size(), 1);
    QCOMPARE(subjects.first(), QStringLiteral("application=%1 person=guardian1 reason=family_enquiry").arg(app.id));
    QVERIFY(!subjects.first().contains(full));
}

void TestMainWindow::approveByKeyboardThenUndo()
{
    ScriptedPrompter prompter;
    prompter.approve = [](const ui::DecisionContext& c) -> std::optional<sync::DecisionRequest> {
        sync::DecisionRequest r;
        r.applicationId = c.applicationId;
        r.outcome = QStringLiteral("approve");
        r.category = c.checkedCategory == QLatin1String("none") ? c.claimedCategory : c.checkedCategory;
        if (c.checkedCategory == QLatin1String("none"))
            r.reasonCode = QStringLiteral("verified_on_paper");
        return r;
    };
    Open o = open(prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    auto* pane = o.window->detailPane();
    QTRY_VERIFY(pane->detail() != nullptr);
    const QString id = pane->detail()->application.id;
    const qint64 before = status(o).outbox;
    auto* bins = qobject_cast<BinCountsModel*>(o.window->findChild<QTreeView*>(QStringLiteral("binList"))->model());
    QTRY_VERIFY(bins->countOf(Bin::ToReview) > 0);
    const qint64 toReview = bins->countOf(Bin::ToReview);
    const int rows = o.model->rowCount();

    QTest::keyClick(o.table, Qt::Key_A);
    QTRY_COMPARE(status(o).outbox, before + 1);
    QVERIFY(prompter.asked.contains(QStringLiteral("approve ") + id));
    QTRY_VERIFY(!bins->isCounting() && bins->countOf(Bin::ToReview) == toReview - 1);
    QTRY_VERIFY(!o.model->isCounting() && o.model->rowCount() == rows - 1);
    QTRY_COMPARE(o.window->findChild<QLabel*>(QStringLiteral("outboxLabel"))->text(),
                 QStringLiteral("Outbox: %1").arg(before + 1));
    QCOMPARE(bins->countOf(Bin::Approved) >= 1, true);

    // Ctrl+Z takes it back while it is still in the outbox.
    QTest::keyClick(o.table, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(status(o).outbox, before);
    QTRY_VERIFY(!bins->isCounting() && bins->countOf(Bin::ToReview) == toReview);
    QTRY_COMPARE(o.model->rowCount(), rows);
}

void TestMainWindow::rejectWithoutReasonIsRefused()
{
    ScriptedPrompter prompter;
    prompter.reject = [](const ui::DecisionContext& c) -> std::optional<sync::DecisionRequest> {
        sync::DecisionRequest r;
        r.applicationId = c.applicationId;
        r.outcome = QStringLiteral("reject");
        return r; // no reason
    };
    Open o = open(prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QTRY_VERIFY(o.window->detailPane()->detail() != nullptr);
    const qint64 before = status(o).outbox;
    QTest::keyClick(o.table, Qt::Key_R);
    QTRY_COMPARE(prompter.informed.size(), 1);
    QVERIFY2(prompter.informed.first().contains(QStringLiteral("reason")), qPrintable(prompter.informed.first()));
    QCOMPARE(status(o).outbox, before);
}

void TestMainWindow::conflictIsShownAndDropped()
{
    ScriptedPrompter prompter;
    Open o = open(prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QTRY_VERIFY(o.window->detailPane()->detail() != nullptr);
    const QString id = o.window->detailPane()->detail()->application.id;
    // A decision of this workstation that the hub refused (as the sync engine would record it).
    store::Connection& writer = o.workspace->database().writer();
    sync::DecisionWorkflow workflow(writer, o.workspace->audit(), testsupport::kReviewer, o.workspace->role(),
                                    QString());
    sync::DecisionRequest request;
    request.applicationId = id;
    request.outcome = QStringLiteral("reject");
    request.reasonCode = QStringLiteral("not_in_zone");
    auto item = workflow.decide(request);
    QVERIFY(item.ok());
    sync::Outbox outbox(writer);
    QVERIFY(outbox.markAttempt({item->id}).ok());
    QVERIFY(outbox
                .record({{item->id, sync::ItemResult{item->idempotencyKey, QStringLiteral("conflict"), id, 5,
                                                     QStringLiteral("version_mismatch"),
                                                     QStringLiteral("the application changed")}}})
                .ok());
    Q_EMIT o.session->cacheChanged();

    auto* binList = o.window->findChild<QTreeView*>(QStringLiteral("binList"));
    auto* bins = qobject_cast<BinCountsModel*>(binList->model());
    QTRY_COMPARE(bins->countOf(Bin::Conflicts), qint64(1));
    QTRY_COMPARE(o.window->findChild<QLabel*>(QStringLiteral("conflictsLabel"))->text(),
                 QStringLiteral("Conflicts: 1"));
    const QRect rect = binList->visualRect(bins->index(int(Bin::Conflicts), 0));
    QTest::mouseClick(binList->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_VERIFY(o.model->query().bin == Bin::Conflicts && !o.model->isCounting());
    QCOMPARE(o.model->rowCount(), 1);
    QTRY_COMPARE(o.model->applicationIdAt(0), id);
    QTRY_VERIFY(o.window->findChild<QPushButton*>(QStringLiteral("dropButton")) != nullptr);
    QVERIFY(o.window->findChild<QLabel*>(QStringLiteral("conflictMine"))->text().contains(QStringLiteral("Reject")));
    QTest::mouseClick(o.window->findChild<QPushButton*>(QStringLiteral("dropButton")), Qt::LeftButton);
    QVERIFY(prompter.asked.contains(QStringLiteral("confirm Drop the decision")));
    QTRY_COMPARE(bins->countOf(Bin::Conflicts), qint64(0));
    QTRY_COMPARE(o.model->rowCount(), 0);
    QCOMPARE(status(o).conflicts, 0);
}

void TestMainWindow::idleLockClosesAndUnlockReopens()
{
    ScriptedPrompter prompter;
    Open o = open(prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QTRY_VERIFY(o.window->detailPane()->detail() != nullptr);
    const QString child = o.window->detailPane()->detail()->application.child.name;
    QSignalSpy locked(o.window.get(), &ui::MainWindow::locked);
    // The idle time passes on a clock the test moves; the real timer (ten minutes) never fires here.
    auto* idle = o.window->findChild<ui::IdleWatcher*>();
    QVERIFY(idle);
    testsupport::ManualClock clock;
    idle->setClock(clock.steady());
    o.window->setIdleTimeout(std::chrono::minutes(10));
    clock.advance(std::chrono::minutes(9));
    idle->check();
    QCOMPARE(locked.count(), 0);
    QTest::keyClick(o.table, Qt::Key_Shift); // input: the ten minutes start again
    clock.advance(std::chrono::minutes(9));
    idle->check();
    QCOMPARE(locked.count(), 0);
    clock.advance(std::chrono::minutes(1));
    idle->check();
    QCOMPARE(locked.count(), 1);
    QVERIFY(o.window->isLocked());
    o.workspace = nullptr; // closed with the session
    QVERIFY(o.window->detailPane()->detail() == nullptr);
    QCOMPARE(o.table->model(), nullptr);
    for (QLabel* l : o.window->findChildren<QLabel*>())
        QVERIFY2(!l->isVisible() || !l->text().contains(child), qPrintable(l->objectName()));

    ui::UnlockDialog* unlock = nullptr;
    QTRY_VERIFY((unlock = o.window->findChild<ui::UnlockDialog*>()) && unlock->isVisible());
    auto* pass = unlock->findChild<QLineEdit*>(QStringLiteral("passphraseEdit"));
    QTest::keyClicks(pass, testsupport::kPassphrase);
    QSignalSpy unlocked(o.window.get(), &ui::MainWindow::unlocked);
    QTest::mouseClick(unlock->findChild<QPushButton*>(QStringLiteral("unlockButton")), Qt::LeftButton);
    QTRY_COMPARE(unlocked.count(), 1);
    QVERIFY(!o.window->isLocked());
    // Unlocking starts the idle time again.
    clock.advance(std::chrono::minutes(9));
    idle->check();
    QCOMPARE(locked.count(), 1);
    auto* model = qobject_cast<QueueModel*>(o.table->model());
    QVERIFY(model);
    QTRY_VERIFY(!model->isCounting() && model->rowCount() > 0);
    QTRY_VERIFY(o.window->detailPane()->detail() != nullptr);
}

void TestMainWindow::languageSwitchRetranslates()
{
    ScriptedPrompter prompter;
    Open o = open(prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    auto* bins = o.window->findChild<QTreeView*>(QStringLiteral("binList"))->model();
    auto* channel = o.window->findChild<QComboBox*>(QStringLiteral("channelFilter"));
    QCOMPARE(bins->index(0, 0).data().toString(), QStringLiteral("To review"));
    const QString title = o.window->windowTitle();
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
    auto isChinese = [](const QString& s) { return !s.isEmpty() && s.at(0).unicode() >= 0x3400; };
    QTRY_VERIFY(isChinese(o.window->windowTitle()));
    QVERIFY(isChinese(bins->index(0, 0).data().toString()));
    // Combo boxes are filled again in the new language (not asserted: their words may still wait for
    // the translator).
    QVERIFY(channel->count() == 3);
    QVERIFY(isChinese(o.model->headerData(0, Qt::Horizontal).toString()));
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("en")));
    QTRY_COMPARE(o.window->windowTitle(), title);
    QCOMPARE(bins->index(0, 0).data().toString(), QStringLiteral("To review"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
