#include "CityFixture.h"
#include "DecisionDialog.h"
#include "DetailPane.h"
#include "DraftKeeper.h"
#include "MainWindow.h"
#include "QueuePane.h"
#include "ResultCheck.h"
#include "ScriptedPrompter.h"
#include "UnlockDialog.h"
#include "store/Workspace.h"
#include "views/ApplicationDetail.h"
#include "views/DraftStore.h"
#include "views/LocalSession.h"
#include "views/OpenCache.h"
#include "views/QueueModel.h"
#include "views/SessionStatus.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace adm;
using namespace adm::views;

namespace {

// The real dialogs of DialogPrompter (the decision dialog, its draft, its Esc), with the questions
// answered as the test says. `inDialog` runs inside the decision dialog's exec(), once it is shown.
class TestPrompter : public ui::DialogPrompter {
public:
    std::function<void(ui::DecisionDialog&)> inDialog;
    QList<int> choices; // answers to choose(), in order; none left: the escape answer
    QStringList asked;
    QStringList questions;
    QStringList informed;
    ui::DecisionContext lastContext;

    std::optional<sync::DecisionRequest> askApprove(QWidget* parent, const ui::DecisionContext& c) override
    {
        asked << QStringLiteral("approve ") + c.applicationId;
        lastContext = c;
        QTimer::singleShot(0, parent, [this, parent] {
            auto* dialog = parent->findChild<ui::DecisionDialog*>();
            if (dialog && inDialog)
                std::exchange(inDialog, nullptr)(*dialog);
        });
        return DialogPrompter::askApprove(parent, c);
    }
    bool confirm(QWidget*, const QString& title, const QString&) override
    {
        asked << QStringLiteral("confirm ") + title;
        return true;
    }
    void inform(QWidget*, const QString&, const QString& text) override { informed << text; }
    int choose(QWidget*, const QString& title, const QString& text, const QStringList&, int escape) override
    {
        asked << QStringLiteral("choose ") + title;
        questions << text;
        return choices.isEmpty() ? escape : choices.takeFirst();
    }
};

} // namespace

// Nothing an officer types is lost (issue 11, point 3): Esc asks before throwing text away; the idle
// lock keeps the open dialog's text and the place in the queue, encrypted in the cache, and gives
// them back after unlocking; quitting with unsent decisions says how many.
class TestDrafts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void escAsksOnlyWhenTextWasTyped();
    void draftRestoresEveryField();
    void quitWithEmptyOutboxAsksNothing();
    void lockKeepsTheDialogAndThePlace();
    void draftIsSavedWhileTypingAndClearedOnDiscard();
    void quitWithUnsentDecisionsWarns();

private:
    struct Open {
        std::unique_ptr<ui::MainWindow> window;
        QTableView* table = nullptr;
        QueueModel* model = nullptr;
        QString error;
    };
    Open open(ui::Prompter& prompter);
    // Read from a connection of the test's own (the window's may be closed).
    std::optional<DecisionDraft> draftInCache();
    qint64 outboxInCache();

    static ui::DecisionContext context()
    {
        ui::DecisionContext c;
        c.applicationId = QStringLiteral("A2026P0001");
        c.checkedCategory = QStringLiteral("A");
        c.claimedCategory = QStringLiteral("A");
        c.seats = {QStringLiteral("S1"), QStringLiteral("第五小学"), 180, 12};
        return c;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_reader; // the test's own connection to the cache
};

void TestDrafts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setQuitOnLastWindowClosed(false); // the quit tests close windows
    m_reader = testsupport::makeCityWorkspace(m_dir.path(), 1500);
    QVERIFY(m_reader);
}

TestDrafts::Open TestDrafts::open(ui::Prompter& prompter)
{
    Open o;
    auto ws = store::Workspace::unlock(m_dir.path(), testsupport::kReviewer, testsupport::kPassphrase);
    if (!ws) {
        o.error = QStringLiteral("unlock failed: ") + ws.error().message;
        return o;
    }
    o.window = std::make_unique<ui::MainWindow>(
        std::make_unique<LocalSession>(std::move(*ws)),
        [](views::OpenCache cache) -> std::unique_ptr<Session> { return std::make_unique<LocalSession>(cache.take()); },
        &prompter);
    o.window->show();
    QApplication::setActiveWindow(o.window.get());
    if (!QTest::qWaitForWindowActive(o.window.get()))
        o.error = QStringLiteral("the window did not become active");
    o.table = o.window->findChild<QTableView*>(QStringLiteral("queueTable"));
    o.model = o.table ? qobject_cast<QueueModel*>(o.table->model()) : nullptr;
    if (!o.model) {
        o.error = QStringLiteral("no queue model");
        return o;
    }
    if (!QTest::qWaitFor([&] { return !o.model->isCounting() && o.model->rowCount() > 0; }, 10000))
        o.error = QStringLiteral("the queue was not counted");
    return o;
}

std::optional<DecisionDraft> TestDrafts::draftInCache()
{
    auto d = DraftStore(m_reader->database().writer()).draft(testsupport::kReviewer);
    if (!d)
        qWarning("draft: %s", qPrintable(d.error().message));
    return d ? *d : std::nullopt;
}

qint64 TestDrafts::outboxInCache()
{
    auto s = SessionStatus::read(m_reader->database().writer());
    return s ? s->outbox : -1;
}

void TestDrafts::escAsksOnlyWhenTextWasTyped()
{
    ScriptedPrompter prompter;
    {
        // Nothing typed: Esc closes at once.
        ui::DecisionDialog dialog(ui::DecisionDialog::Kind::RequestInfo, context());
        dialog.setPrompter(&prompter);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(prompter.asked.isEmpty());
    }
    ui::DecisionDialog dialog(ui::DecisionDialog::Kind::RequestInfo, context());
    dialog.setPrompter(&prompter);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* note = dialog.findChild<QPlainTextEdit*>(QStringLiteral("noteEdit"));
    QVERIFY(note);
    note->setFocus();
    QTest::keyClicks(note, QStringLiteral("The lease of the flat, signed by both parents"));

    // Esc: asked; "Keep editing" keeps the dialog and the text.
    prompter.choices = {0};
    QTest::keyClick(note, Qt::Key_Escape);
    QCOMPARE(prompter.asked, QStringList{QStringLiteral("choose Discard what you typed?")});
    QVERIFY(prompter.questions.last().contains(QStringLiteral("A2026P0001")));
    QVERIFY(dialog.isVisible());
    QVERIFY(note->toPlainText().startsWith(QStringLiteral("The lease")));

    // The Cancel button asks too; Esc on the question itself keeps editing.
    const QList<QPushButton*> buttons = dialog.findChildren<QPushButton*>();
    auto cancel = std::find_if(buttons.begin(), buttons.end(),
                               [](QPushButton* b) { return b->objectName() != QLatin1String("decideButton"); });
    QVERIFY(cancel != buttons.end());
    QTest::mouseClick(*cancel, Qt::LeftButton);
    QCOMPARE(prompter.asked.size(), 2);
    QVERIFY(dialog.isVisible());

    // The window's close button: asked, and "Discard" closes it.
    prompter.choices = {1};
    dialog.close();
    QCOMPARE(prompter.asked.size(), 3);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestDrafts::draftRestoresEveryField()
{
    ScriptedPrompter prompter;
    ui::DecisionDialog dialog(ui::DecisionDialog::Kind::Approve, context());
    dialog.setPrompter(&prompter);
    QSignalSpy edited(&dialog, &ui::DecisionDialog::edited);
    dialog.show();
    auto* category = dialog.findChild<QComboBox*>(QStringLiteral("categoryCombo"));
    auto* reason = dialog.findChild<QComboBox*>(QStringLiteral("reasonCombo"));
    auto* note = dialog.findChild<QPlainTextEdit*>(QStringLiteral("noteEdit"));
    category->setFocus();
    QTest::keyClick(category, Qt::Key_Down);
    reason->setCurrentIndex(reason->findData(QStringLiteral("category_override")));
    QTest::keyClicks(note, QStringLiteral("Moved in May; the lease is at the counter"));
    QVERIFY(edited.count() >= 3);
    const DecisionDraft draft = dialog.draft();
    QCOMPARE(draft.kind, QStringLiteral("approve"));
    QCOMPARE(draft.applicationId, QStringLiteral("A2026P0001"));
    QCOMPARE(draft.field(QStringLiteral("categoryCombo")), QStringLiteral("B"));
    QCOMPARE(draft.field(QStringLiteral("reasonCombo")), QStringLiteral("category_override"));
    QCOMPARE(draft.field(QStringLiteral("noteEdit")), QStringLiteral("Moved in May; the lease is at the counter"));
    // Through the JSON the cache keeps.
    const std::optional<DecisionDraft> back = DecisionDraft::fromJson(draft.toJson());
    QVERIFY(back);
    QCOMPARE(*back, draft);

    ui::DecisionDialog again(ui::DecisionDialog::Kind::Approve, context());
    QSignalSpy editedAgain(&again, &ui::DecisionDialog::edited);
    again.restore(*back);
    QCOMPARE(editedAgain.count(), 0); // restoring is not editing
    QCOMPARE(again.request().category, QStringLiteral("B"));
    QCOMPARE(again.request().reasonCode, QStringLiteral("category_override"));
    QCOMPARE(again.request().note, QStringLiteral("Moved in May; the lease is at the counter"));
    QVERIFY(again.hasTypedText());
}

void TestDrafts::quitWithEmptyOutboxAsksNothing()
{
    QCOMPARE(outboxInCache(), qint64(0));
    TestPrompter prompter;
    Open o = open(prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    o.window->findChild<QAction*>(QStringLiteral("quitAction"))->trigger();
    QTRY_VERIFY(!o.window->isVisible());
    QVERIFY(prompter.asked.isEmpty());
}

void TestDrafts::lockKeepsTheDialogAndThePlace()
{
    TestPrompter prompter;
    Open o = open(prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    ui::QueuePane* pane = o.window->queuePane();

    // A place: the Flagged bin, online applications, the child's name sorted backwards, a search for
    // a surname, the fourth applicant.
    auto* bins = o.window->findChild<QTreeView*>(QStringLiteral("binList"));
    bins->setCurrentIndex(bins->model()->index(int(Bin::Flagged), 0));
    QTRY_VERIFY(!o.model->isCounting() && o.model->query().bin == Bin::Flagged && o.model->rowCount() > 0);
    auto* channel = o.window->findChild<QComboBox*>(QStringLiteral("channelFilter"));
    channel->setCurrentIndex(channel->findData(QStringLiteral("online")));
    QTRY_VERIFY(!o.model->isCounting() && o.model->query().filter.channel == QLatin1String("online"));
    o.table->horizontalHeader()->setSortIndicator(int(Column::Child), Qt::DescendingOrder);
    QTRY_VERIFY(!o.model->isCounting() && o.model->query().sortColumn == Column::Child);
    QTRY_VERIFY(o.model->data(o.model->index(0, 0), QueueModel::LoadedRole).toBool());
    // The commonest surname of the first rows.
    QMap<QString, int> surnames;
    for (int row = 0; row < std::min(o.model->rowCount(), 60); ++row)
        ++surnames[testsupport::queueText(*o.model, row, Column::Child).left(1)];
    QString surname;
    for (auto it = surnames.cbegin(); it != surnames.cend(); ++it)
        if (surname.isEmpty() || it.value() > surnames.value(surname))
            surname = it.key();
    auto* search = o.window->findChild<QLineEdit*>(QStringLiteral("searchField"));
    search->setText(surname);
    QTRY_VERIFY(!o.model->isCounting() && o.model->query().search == surname);
    QVERIFY2(o.model->rowCount() >= 4, qPrintable(QString::number(o.model->rowCount())));
    QTRY_VERIFY(o.model->data(o.model->index(3, 0), QueueModel::LoadedRole).toBool());
    o.table->setFocus();
    o.table->setCurrentIndex(o.model->index(0, 0));
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(o.table, Qt::Key_J);
    const QString chosen = o.model->applicationIdAt(3);
    QCOMPARE(pane->currentApplicationId(), chosen);
    QTRY_VERIFY(o.window->detailPane()->detail() && o.window->detailPane()->detail()->application.id == chosen);
    const QueueViewState place = pane->state();
    QCOMPARE(place.row, 3);
    QCOMPARE(place.query.search, surname);

    // A decision dialog open, a note typed, then the lock (as the idle time would).
    const QString typed = QStringLiteral("Family brings the new lease on Monday; phone them first");
    bool locked = false;
    prompter.inDialog = [&](ui::DecisionDialog& dialog) {
        auto* note = dialog.findChild<QPlainTextEdit*>(QStringLiteral("noteEdit"));
        note->setFocus();
        QTest::keyClicks(note, typed);
        o.window->lock();
        locked = o.window->isLocked() && !dialog.isVisible();
        if (dialog.isVisible())
            dialog.done(QDialog::Rejected);
    };
    QTest::keyClick(o.table, Qt::Key_A);
    QVERIFY(locked);
    QCOMPARE(prompter.asked, QStringList{QStringLiteral("approve ") + chosen}); // closed without asking
    QCOMPARE(o.table->model(), nullptr);
    QCOMPARE(search->text(), QString()); // the search is off the screen too

    // The draft is in the cache, and the cache's files hold no plain copy of the note.
    const std::optional<DecisionDraft> kept = draftInCache();
    QVERIFY(kept);
    QCOMPARE(kept->applicationId, chosen);
    QCOMPARE(kept->kind, QStringLiteral("approve"));
    QCOMPARE(kept->field(QStringLiteral("noteEdit")), typed);
    for (const QString& name : QDir(m_dir.path()).entryList(QDir::Files)) {
        QFile f(m_dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY2(!bytes.contains(typed.toUtf8()), qPrintable(name));
        QVERIFY2(!bytes.contains(QByteArrayLiteral("Family brings")), qPrintable(name));
    }

    // Unlock: the place comes back, then the draft is offered and the dialog opens with the text.
    QString reopenedNote;
    prompter.choices = {0}; // "Go on"
    // The place as the dialog opens: once decided, the application leaves this bin and the queue
    // moves on to the row that takes its place.
    QueueViewState back;
    QString currentAtDialog;
    prompter.inDialog = [&](ui::DecisionDialog& dialog) {
        back = pane->state();
        currentAtDialog = pane->currentApplicationId();
        reopenedNote = dialog.findChild<QPlainTextEdit*>(QStringLiteral("noteEdit"))->toPlainText();
        // A flagged application may have no category from the check: approving needs a reason.
        auto* reason = dialog.findChild<QComboBox*>(QStringLiteral("reasonCombo"));
        reason->setCurrentIndex(reason->findData(QStringLiteral("category_override")));
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("decideButton")), Qt::LeftButton);
        if (dialog.isVisible()) // refused: the test fails below instead of waiting here
            dialog.done(QDialog::Rejected);
    };
    ui::UnlockDialog* unlock = nullptr;
    QTRY_VERIFY((unlock = o.window->findChild<ui::UnlockDialog*>()) && unlock->isVisible());
    QTest::keyClicks(unlock->findChild<QLineEdit*>(QStringLiteral("passphraseEdit")), testsupport::kPassphrase);
    QTest::mouseClick(unlock->findChild<QPushButton*>(QStringLiteral("unlockButton")), Qt::LeftButton);
    QTRY_VERIFY(!o.window->isLocked());

    QTRY_COMPARE(prompter.asked.size(), 3); // the offer, then the dialog
    QCOMPARE(prompter.asked.at(1), QStringLiteral("choose Go on with your draft?"));
    QVERIFY2(prompter.questions.last().contains(chosen), qPrintable(prompter.questions.last()));
    QVERIFY(prompter.questions.last().contains(QStringLiteral("locked")));
    QCOMPARE(prompter.asked.at(2), QStringLiteral("approve ") + chosen);
    QCOMPARE(prompter.lastContext.draft.field(QStringLiteral("noteEdit")), typed);
    QTRY_COMPARE(reopenedNote, typed);

    QVERIFY(qobject_cast<QueueModel*>(o.table->model()));
    QCOMPARE(currentAtDialog, chosen);
    QCOMPARE(back.query, place.query);
    QCOMPARE(back.applicationId, chosen);
    QCOMPARE(back.row, 3);
    QCOMPARE(search->text(), surname);
    QCOMPARE(channel->currentData().toString(), QStringLiteral("online"));
    QCOMPARE(o.table->horizontalHeader()->sortIndicatorSection(), int(Column::Child));
    QCOMPARE(o.table->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(bins->currentIndex().row(), int(Bin::Flagged));

    // Submitted: the decision is in the outbox and the draft is gone.
    QTRY_VERIFY(prompter.informed.isEmpty() && outboxInCache() == 1);
    QTRY_VERIFY(!draftInCache());
}

void TestDrafts::draftIsSavedWhileTypingAndClearedOnDiscard()
{
    // A draft left from before, put off with "Not now".
    DecisionDraft older;
    older.kind = QStringLiteral("reject");
    older.applicationId = QStringLiteral("A2026999999");
    older.fields.insert(QStringLiteral("noteEdit"), QStringLiteral("older text"));
    QVERIFY(DraftStore(m_reader->database().writer()).saveDraft(testsupport::kReviewer, older));
    TestPrompter prompter;
    prompter.choices = {2};
    Open o = open(prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QTRY_COMPARE(prompter.asked, QStringList{QStringLiteral("choose Go on with your draft?")});
    QVERIFY(prompter.questions.last().contains(QStringLiteral("A2026999999")));
    QVERIFY(prompter.questions.last().contains(QStringLiteral("stopped")));
    QTRY_VERIFY(o.window->detailPane()->detail() != nullptr);

    // A dialog closed with nothing typed leaves that draft alone.
    bool closed = false;
    prompter.inDialog = [&](ui::DecisionDialog& dialog) {
        QTest::keyClick(&dialog, Qt::Key_Escape);
        closed = !dialog.isVisible();
    };
    o.table->setFocus();
    QTest::keyClick(o.table, Qt::Key_A);
    QVERIFY(closed);
    QCOMPARE(prompter.asked.size(), 2); // no discard question
    QCOMPARE(draftInCache(), std::optional<DecisionDraft>(older));

    // Typing: the draft reaches the cache a short time later, while the dialog is open; "Discard"
    // at Esc clears it.
    auto* keeper = o.window->findChild<ui::DraftKeeper*>();
    QVERIFY(keeper);
    std::optional<DecisionDraft> whileOpen;
    prompter.choices = {1};
    prompter.inDialog = [&](ui::DecisionDialog& dialog) {
        QSignalSpy saved(keeper, &ui::DraftKeeper::saved);
        auto* note = dialog.findChild<QPlainTextEdit*>(QStringLiteral("noteEdit"));
        note->setFocus();
        QTest::keyClicks(note, QStringLiteral("Ask for the utility bills"));
        if (saved.wait(10000))
            whileOpen = draftInCache();
        QTest::keyClick(note, Qt::Key_Escape);
        if (dialog.isVisible())
            dialog.done(QDialog::Rejected);
    };
    // The offscreen platform gives the activation back to no one when a modal dialog closes.
    QApplication::setActiveWindow(o.window.get());
    QVERIFY(QTest::qWaitForWindowActive(o.window.get()));
    o.table->setFocus();
    QTest::keyClick(o.table, Qt::Key_A);
    QCOMPARE(prompter.asked.count(QStringLiteral("approve ") + o.window->detailPane()->detail()->application.id), 2);
    QVERIFY(whileOpen);
    QCOMPARE(whileOpen->field(QStringLiteral("noteEdit")), QStringLiteral("Ask for the utility bills"));
    QCOMPARE(whileOpen->applicationId, o.window->detailPane()->detail()->application.id);
    QCOMPARE(prompter.asked.last(), QStringLiteral("choose Discard what you typed?"));
    QTRY_VERIFY(!draftInCache());
}

void TestDrafts::quitWithUnsentDecisionsWarns()
{
    const qint64 before = outboxInCache();
    QVERIFY(before >= 0);
    ScriptedPrompter prompter;
    prompter.approve = [](const ui::DecisionContext& c) {
        sync::DecisionRequest r;
        r.applicationId = c.applicationId;
        r.outcome = QStringLiteral("approve");
        r.category = c.checkedCategory;
        return r;
    };
    Open o = open(prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    // Two approvals, each of the first application of To review (the approved one leaves the bin).
    o.table->setFocus();
    for (int i = 1; i <= 2; ++i) {
        QTRY_VERIFY(!o.model->isCounting() && !o.model->applicationIdAt(0).isEmpty());
        const QString id = o.model->applicationIdAt(0);
        o.table->setCurrentIndex(o.model->index(0, 0));
        QTRY_VERIFY(o.window->detailPane()->detail() && o.window->detailPane()->detail()->application.id == id);
        QTest::keyClick(o.table, Qt::Key_A);
        QTRY_COMPARE(outboxInCache(), before + i);
        QTRY_VERIFY(o.model->applicationIdAt(0) != id);
    }
    const qint64 unsent = before + 2;
    QTRY_COMPARE(outboxInCache(), unsent);

    // Cancel: the window stays.
    QAction* quit = o.window->findChild<QAction*>(QStringLiteral("quitAction"));
    quit->trigger();
    QTRY_COMPARE(prompter.asked.count(QStringLiteral("choose Decisions not sent")), 1);
    QVERIFY2(prompter.questions.last().contains(QString::number(unsent)), qPrintable(prompter.questions.last()));
    QVERIFY(o.window->isVisible());
    QVERIFY(!o.window->isLocked());

    // No hub here: the one answer is "Quit anyway".
    prompter.choices = {0};
    o.window->close(); // the window's close button asks the same
    QTRY_VERIFY(!o.window->isVisible());
    QCOMPARE(prompter.asked.count(QStringLiteral("choose Decisions not sent")), 2);
    QCOMPARE(outboxInCache(), unsent); // still there, for the next sync
}

QTEST_MAIN(TestDrafts)
#include "tst_drafts.moc"
