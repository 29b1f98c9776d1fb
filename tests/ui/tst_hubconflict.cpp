#include "CityRepository.h"
#include "DecisionDialog.h"
#include "DetailPane.h"
#include "HubFixture.h"
#include "MainWindow.h"
#include "Prompter.h"
#include "store/Workspace.h"
#include "sync/Enrolment.h"
#include "sync/HubSignIn.h"
#include "views/ApplicationDetail.h"
#include "views/BinCountsModel.h"
#include "views/QueueModel.h"
#include "views/SessionStatus.h"
#include "views/SyncedSession.h"

#include <QApplication>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <functional>

using namespace adm;
using namespace adm::views;

namespace {

constexpr int kNetworkMs = 20000;

// The real decision dialogs (DialogPrompter); the other questions are answered and remembered
// here, so that no test waits on a message box.
class HubPrompter : public ui::DialogPrompter {
public:
    bool confirmAnswer = true;
    QStringList asked;
    QStringList informed;

    std::optional<QString> askRevealReason(QWidget*, const QString& applicationId, const QString&) override
    {
        asked << QStringLiteral("reveal ") + applicationId;
        return std::nullopt;
    }
    bool confirm(QWidget*, const QString& title, const QString&) override
    {
        asked << QStringLiteral("confirm ") + title;
        return confirmAnswer;
    }
    void inform(QWidget*, const QString&, const QString& text) override { informed << text; }
};

// Answers the next decision dialog the window opens (modal, inside the key press): it must be
// titled `title`; `fill` sets its fields with the keyboard, then Return presses its default button.
// A dialog that does not accept is cancelled, so that the test fails instead of hanging; `problem`
// says what went wrong.
void answerNextDecisionDialog(const QString& title, std::function<void(ui::DecisionDialog&)> fill,
                              std::shared_ptr<QString> problem)
{
    auto* timer = new QTimer;
    timer->setInterval(20);
    const QDeadlineTimer deadline(10000);
    QObject::connect(timer, &QTimer::timeout, [timer, deadline, title, fill, problem] {
        auto* dialog = qobject_cast<ui::DecisionDialog*>(QApplication::activeModalWidget());
        if (!dialog) {
            if (deadline.hasExpired()) {
                *problem = QStringLiteral("no decision dialog opened");
                timer->deleteLater();
                timer->stop();
            }
            return;
        }
        timer->stop();
        timer->deleteLater();
        if (dialog->windowTitle() != title) {
            *problem = QStringLiteral("opened \"%1\", not \"%2\"").arg(dialog->windowTitle(), title);
            dialog->reject();
            return;
        }
        fill(*dialog);
        QTest::keyClick(dialog, Qt::Key_Return);
        if (dialog->isVisible()) {
            auto* error = dialog->findChild<QLabel*>(QStringLiteral("decisionError"));
            *problem = QStringLiteral("the dialog refused: ") + (error ? error->text() : QString());
            dialog->reject();
        }
    });
    timer->start();
}

} // namespace

// A decision conflict that really comes from the sandbox hub (in-process, tests/hub HubFixture):
// a workstation enrolled with the hub approves an application in the main window, another reviewer
// decides on it first through the hub's API, and the next sync brings the refusal back. The window
// shows both sides; the reviewer decides again (or drops the decision) and syncs.
class TestHubConflict : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void conflictFromHubIsShownAndDecidedAgain();
    void conflictFromHubIsDropped();

private:
    struct Open {
        std::unique_ptr<QTemporaryDir> dir;
        std::unique_ptr<ui::MainWindow> window;
        SyncedSession* session = nullptr; // owned by the window
        QTableView* table = nullptr;
        QueueModel* model = nullptr;
        QTreeView* binList = nullptr;
        BinCountsModel* bins = nullptr;
        std::unique_ptr<QSignalSpy> synced;
    };
    // A new data folder enrolled with the hub and signed in, its window open, its first sync done.
    void open(Open& o, HubPrompter& prompter);
    // Selects the first application of the To review bin and approves it with A and the dialog.
    void approveFirstToReview(Open& o, HubPrompter& prompter, QString* id);
    // Another reviewer of the school asks for information on `id` through the hub's API.
    void decideElsewhere(const QString& id, qint64* newVersion);
    // F5 (Sync now), then waits for that pass to finish well.
    void syncNow(Open& o);
    // The Conflicts bin chosen with the mouse, with `id` open in the detail pane beside its conflict.
    void openConflict(Open& o, const QString& id);
    // All of the above: a decision of ours in conflict with the other desk's, open on screen.
    // `madeOn` is the version ours was made on, `upstreamVersion` the one the other desk made.
    void reachConflict(Open& o, HubPrompter& prompter, QString* id, qint64* madeOn, qint64* upstreamVersion);
    void clickBin(Open& o, Bin bin);
    static void activate(Open& o);
    static SessionStatus status(Open& o);
    // `id` is among the (loaded) rows of the queue.
    static bool listed(Open& o, const QString& id);
    hub::ApplicationRow onHub(const QString& id);

    HubFixture m_hub;
    QString m_account;   // this workstation's hub account: a reviewer of m_school
    QString m_otherDesk; // the token of another reviewer who sees m_school
    const QString m_school = QStringLiteral("S371102001");
    const QString m_user = QStringLiteral("liu.fang");
    const QString m_passphrase = QStringLiteral("desk passphrase 1");
};

void TestHubConflict::initTestCase()
{
    qputenv("ADMISSIONS_LANG", "en");
    QStandardPaths::setTestModeEnabled(true); // QSettings of the test, not of the user
    m_hub.options.liveRate = 0;               // only this test changes the city
    QVERIFY(m_hub.start());
    m_account = m_hub.accountWithRole(QStringLiteral("reviewer"), m_school);
    QVERIFY(!m_account.isEmpty());
    // reviewer.pair reviews both schools of the sandbox: the "other desk".
    QVERIFY(!m_hub.account(QStringLiteral("reviewer.pair")).isEmpty());
    m_otherDesk = m_hub.login(QStringLiteral("reviewer.pair"));
    QVERIFY(!m_otherDesk.isEmpty());
}

void TestHubConflict::open(Open& o, HubPrompter& prompter)
{
    o.dir = std::make_unique<QTemporaryDir>();
    QVERIFY(o.dir->isValid());
    auto ws = store::Workspace::initialise(o.dir->filePath(QStringLiteral("ws")), m_user, QStringLiteral("reviewer"),
                                           m_passphrase);
    QVERIFY2(ws, ws ? "" : qPrintable(ws.error().message));

    // Enrolled and signed in as the first-run wizard does it.
    auto url = sync::Enrolment::parseHubUrl(m_hub.url());
    QVERIFY(url);
    auto ca = sync::Enrolment::readCaFile(m_hub.dataDir() + QStringLiteral("/ca.pem"));
    QVERIFY(ca);
    const sync::Enrolment enrolment =
        sync::hubsignin::prepare((*ws)->database().writer(), *url, *ca, QStringLiteral("Counter 1"));
    auto account = sync::hubsignin::signIn(enrolment, m_account, m_hub.password(m_account), sync::SyncOptions{});
    QVERIFY2(account, account ? "" : qPrintable(account.error().message));
    Status saved = sync::hubsignin::recordEnrolment(**ws, enrolment);
    QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
    saved = sync::hubsignin::recordSignIn(**ws, m_account);
    QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));

    auto session = std::make_unique<SyncedSession>(std::move(*ws));
    session->setCredentials(m_account, m_hub.password(m_account));
    o.session = session.get();
    o.synced = std::make_unique<QSignalSpy>(o.session, &Session::syncFinished);
    o.window = std::make_unique<ui::MainWindow>(
        std::move(session),
        [](views::OpenCache cache) -> std::unique_ptr<Session> {
            return std::make_unique<SyncedSession>(cache.take());
        },
        &prompter);
    o.session->syncNow(); // as the program does once signed in
    o.window->show();
    activate(o);
    o.table = o.window->findChild<QTableView*>(QStringLiteral("queueTable"));
    o.binList = o.window->findChild<QTreeView*>(QStringLiteral("binList"));
    QVERIFY(o.table && o.binList);
    o.model = qobject_cast<QueueModel*>(o.table->model());
    o.bins = qobject_cast<BinCountsModel*>(o.binList->model());
    QVERIFY(o.model && o.bins);

    QTRY_COMPARE_WITH_TIMEOUT(o.synced->count(), 1, kNetworkMs);
    QVERIFY2(o.synced->first().at(0).toBool(), qPrintable(o.synced->first().at(1).toString()));
    QTRY_VERIFY(o.session->isOnline());
    QTRY_VERIFY(!o.bins->isCounting() && o.bins->countOf(Bin::ToReview) > 0);
    QCOMPARE(status(o).outbox, qint64(0));
    QCOMPARE(status(o).conflicts, qint64(0));
}

void TestHubConflict::activate(Open& o)
{
    // The offscreen platform gives the activation back to no one when a modal dialog closes; a
    // window manager would give it to the main window, whose shortcuts need it.
    QApplication::setActiveWindow(o.window.get());
    QVERIFY(QTest::qWaitForWindowActive(o.window.get()));
}

void TestHubConflict::clickBin(Open& o, Bin bin)
{
    const QRect rect = o.binList->visualRect(o.bins->index(int(bin), 0));
    QTest::mouseClick(o.binList->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_VERIFY(o.model->query().bin == bin && !o.model->isCounting());
}

void TestHubConflict::approveFirstToReview(Open& o, HubPrompter& prompter, QString* id)
{
    clickBin(o, Bin::ToReview);
    QTRY_VERIFY(o.model->rowCount() > 0 && o.model->data(o.model->index(0, 0), QueueModel::LoadedRole).toBool());
    // An application of this workstation's school that nobody decided yet.
    int row = -1;
    for (int r = 0; r < o.model->rowCount() && row < 0; ++r) {
        const auto found = onHub(o.model->applicationIdAt(r));
        if (found.schoolId == m_school && found.status == QLatin1String("submitted"))
            row = r;
    }
    QVERIFY2(row >= 0, "no submitted application of the school in To review");
    *id = o.model->applicationIdAt(row);
    o.table->setFocus();
    o.table->setCurrentIndex(o.model->index(row, 0));
    ui::DetailPane* pane = o.window->detailPane();
    QTRY_VERIFY(pane->detail() && pane->detail()->application.id == *id);
    const QString checked = pane->detail()->row.checked;
    const qint64 toReview = o.bins->countOf(Bin::ToReview);

    auto problem = std::make_shared<QString>();
    answerNextDecisionDialog(
        QStringLiteral("Approve ") + *id,
        [checked](ui::DecisionDialog& dialog) {
            auto* category = dialog.findChild<QComboBox*>(QStringLiteral("categoryCombo"));
            auto* reason = dialog.findChild<QComboBox*>(QStringLiteral("reasonCombo"));
            if (!category || !reason)
                return;
            if (category->currentData().toString() != checked) {
                // The check found no category: approving on the claimed one needs a reason.
                reason->setFocus();
                while (reason->currentData().toString() != QLatin1String("verified_on_paper") &&
                       reason->currentIndex() < reason->count() - 1)
                    QTest::keyClick(reason, Qt::Key_Down);
            }
        },
        problem);
    QTest::keyClick(o.table, Qt::Key_A);
    QTRY_VERIFY2_WITH_TIMEOUT(status(o).outbox == 1 || !problem->isEmpty(), qPrintable(*problem), 10000);
    QVERIFY2(problem->isEmpty(), qPrintable(*problem));
    QVERIFY2(prompter.informed.isEmpty(), qPrintable(prompter.informed.join(u'\n')));
    QVERIFY2(o.window->findChildren<ui::DecisionDialog*>().isEmpty() ||
                 !o.window->findChild<ui::DecisionDialog*>()->isVisible(),
             "the dialog stayed open");
    QTRY_VERIFY(!o.bins->isCounting() && o.bins->countOf(Bin::ToReview) == toReview - 1);
    QTRY_COMPARE(o.window->findChild<QLabel*>(QStringLiteral("outboxLabel"))->text(), QStringLiteral("Outbox: 1"));
    QCOMPARE(onHub(*id).status, QStringLiteral("submitted")); // not sent yet
}

void TestHubConflict::decideElsewhere(const QString& id, qint64* newVersion)
{
    const hub::ApplicationRow before = onHub(id);
    QVERIFY(before.version >= 1);
    const auto reply = m_hub.post(
        QStringLiteral("/api/v1/decisions"),
        QJsonObject{{QStringLiteral("decisions"),
                     QJsonArray{QJsonObject{{QStringLiteral("idempotency_key"), newKey()},
                                            {QStringLiteral("application_id"), id},
                                            {QStringLiteral("base_version"), before.version},
                                            {QStringLiteral("outcome"), QStringLiteral("request_info")},
                                            {QStringLiteral("reason_code"), QStringLiteral("documents_missing")},
                                            {QStringLiteral("note"), QStringLiteral("bring the rental contract")}}}}},
        m_otherDesk, kNetworkMs);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.result().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    *newVersion = reply.result().value(QStringLiteral("version")).toInteger();
    QCOMPARE(*newVersion, before.version + 1);
    QCOMPARE(onHub(id).status, QStringLiteral("info_requested"));
}

void TestHubConflict::syncNow(Open& o)
{
    const int before = o.synced->count();
    activate(o);
    QTest::keyClick(o.window.get(), Qt::Key_F5); // Sync now
    QTRY_COMPARE_WITH_TIMEOUT(o.synced->count(), before + 1, kNetworkMs);
    QVERIFY2(o.synced->last().at(0).toBool(), qPrintable(o.synced->last().at(1).toString()));
}

void TestHubConflict::openConflict(Open& o, const QString& id)
{
    QTRY_COMPARE(o.bins->countOf(Bin::Conflicts), qint64(1));
    QTRY_COMPARE(o.window->findChild<QLabel*>(QStringLiteral("conflictsLabel"))->text(),
                 QStringLiteral("Conflicts: 1"));
    QCOMPARE(status(o).conflicts, qint64(1));
    clickBin(o, Bin::Conflicts);
    QCOMPARE(o.model->rowCount(), 1);
    QTRY_COMPARE(o.model->applicationIdAt(0), id);
    QTRY_VERIFY(o.window->detailPane()->detail() && o.window->detailPane()->detail()->application.id == id);
    QTRY_VERIFY(o.window->findChild<QPushButton*>(QStringLiteral("dropButton")) != nullptr);
}

SessionStatus TestHubConflict::status(Open& o)
{
    auto reader = o.session->readers()();
    if (!reader)
        return {};
    auto s = SessionStatus::read(**reader);
    return s ? *s : SessionStatus{};
}

bool TestHubConflict::listed(Open& o, const QString& id)
{
    if (o.model->isCounting())
        return false;
    for (int r = 0; r < o.model->rowCount(); ++r)
        if (o.model->applicationIdAt(r) == id) // empty while the row is not loaded yet
            return true;
    return false;
}

hub::ApplicationRow TestHubConflict::onHub(const QString& id)
{
    auto found = m_hub.hub().city().application(id);
    if (!found || !found->has_value())
        return {};
    return **found;
}

void TestHubConflict::reachConflict(Open& o, HubPrompter& prompter, QString* id, qint64* madeOn,
                                    qint64* upstreamVersion)
{
    open(o, prompter);
    if (QTest::currentTestFailed())
        return;
    approveFirstToReview(o, prompter, id);
    if (QTest::currentTestFailed())
        return;
    *madeOn = onHub(*id).version;
    decideElsewhere(*id, upstreamVersion);
    if (QTest::currentTestFailed())
        return;
    // The push meets the other desk's decision: the hub answers "conflict", the pull brings it in.
    syncNow(o);
    if (QTest::currentTestFailed())
        return;
    openConflict(o, *id);
}

void TestHubConflict::conflictFromHubIsShownAndDecidedAgain()
{
    HubPrompter prompter;
    Open o;
    QString id;
    qint64 base = 0;
    qint64 upstreamVersion = 0;
    reachConflict(o, prompter, &id, &base, &upstreamVersion);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(status(o).outbox, qint64(0));
    auto* mine = o.window->findChild<QLabel*>(QStringLiteral("conflictMine"));
    auto* upstream = o.window->findChild<QLabel*>(QStringLiteral("conflictUpstream"));
    QVERIFY(mine && upstream);
    QVERIFY2(mine->text().contains(QStringLiteral("Approve")), qPrintable(mine->text()));
    QVERIFY2(mine->text().contains(QStringLiteral("made on version %1").arg(base)), qPrintable(mine->text()));
    QVERIFY2(!upstream->text().contains(QStringLiteral("not known yet")), qPrintable(upstream->text()));
    QVERIFY2(upstream->text().contains(QStringLiteral("Information requested")), qPrintable(upstream->text()));
    QVERIFY2(upstream->text().contains(QStringLiteral("decided: Request information")), qPrintable(upstream->text()));
    QVERIFY2(upstream->text().contains(QStringLiteral("version %1").arg(upstreamVersion)),
             qPrintable(upstream->text()));
    // Side by side: the two columns of one row.
    QCOMPARE(mine->y(), upstream->y());
    QVERIFY(mine->x() < upstream->x());
    QVERIFY(mine->isVisible() && upstream->isVisible());
    bool offered = false;
    for (QLabel* l : o.window->detailPane()->findChildren<QLabel*>())
        offered |= l->text().contains(QStringLiteral("Press A, R or I to decide again."));
    QVERIFY(offered);

    // Decided again on what is there now: R and a reason chosen with the keyboard in the dialog.
    auto problem = std::make_shared<QString>();
    answerNextDecisionDialog(
        QStringLiteral("Reject ") + id,
        [](ui::DecisionDialog& dialog) {
            auto* reason = dialog.findChild<QComboBox*>(QStringLiteral("reasonCombo"));
            if (!reason)
                return;
            reason->setFocus();
            while (reason->currentData().toString() != QLatin1String("not_in_zone") &&
                   reason->currentIndex() < reason->count() - 1)
                QTest::keyClick(reason, Qt::Key_Down);
            // Rejecting what the check found eligible needs a note saying why (issue 11 point 4).
            if (auto* note = dialog.findChild<QPlainTextEdit*>(QStringLiteral("noteEdit")))
                QTest::keyClicks(note, QStringLiteral("the family lives outside the zone since May"));
        },
        problem);
    activate(o);
    o.table->setFocus();
    QTest::keyClick(o.table, Qt::Key_R);
    QTRY_VERIFY2_WITH_TIMEOUT(status(o).outbox == 1 || !problem->isEmpty(), qPrintable(*problem), 10000);
    QVERIFY2(problem->isEmpty(), qPrintable(*problem));
    QVERIFY2(prompter.informed.isEmpty(), qPrintable(prompter.informed.join(u'\n')));
    QCOMPARE(status(o).conflicts, qint64(0)); // the new decision supersedes the refused one
    QTRY_COMPARE(o.bins->countOf(Bin::Conflicts), qint64(0));
    QTRY_COMPARE(o.model->rowCount(), 0);

    syncNow(o);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE(status(o).outbox, qint64(0));
    QCOMPARE(status(o).conflicts, qint64(0));
    QTRY_COMPARE(o.window->findChild<QLabel*>(QStringLiteral("conflictsLabel"))->text(),
                 QStringLiteral("Conflicts: 0"));
    QTRY_COMPARE(o.window->findChild<QLabel*>(QStringLiteral("outboxLabel"))->text(), QStringLiteral("Outbox: 0"));

    // The hub holds the new decision, made on the version the other desk left.
    const hub::ApplicationRow after = onHub(id);
    QCOMPARE(after.status, QStringLiteral("rejected"));
    QCOMPARE(after.version, upstreamVersion + 1);
    const QJsonObject decision = after.data.value(QStringLiteral("decision")).toObject();
    QCOMPARE(decision.value(QStringLiteral("outcome")).toString(), QStringLiteral("reject"));
    QCOMPARE(decision.value(QStringLiteral("reason_code")).toString(), QStringLiteral("not_in_zone"));
    QCOMPARE(decision.value(QStringLiteral("decided_by")).toString(), m_account);
    // … and the pull brought it back: the application sits in the Rejected bin.
    clickBin(o, Bin::Rejected);
    QTRY_VERIFY(listed(o, id));
}

void TestHubConflict::conflictFromHubIsDropped()
{
    HubPrompter prompter;
    Open o;
    QString id;
    qint64 base = 0;
    qint64 upstreamVersion = 0;
    reachConflict(o, prompter, &id, &base, &upstreamVersion);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(o.window->findChild<QLabel*>(QStringLiteral("conflictMine"))->text().contains(QStringLiteral("Approve")));
    QVERIFY(o.window->findChild<QLabel*>(QStringLiteral("conflictUpstream"))
                ->text()
                .contains(QStringLiteral("version %1").arg(upstreamVersion)));

    QTest::mouseClick(o.window->findChild<QPushButton*>(QStringLiteral("dropButton")), Qt::LeftButton);
    QVERIFY(prompter.asked.contains(QStringLiteral("confirm Drop the decision")));
    QTRY_COMPARE(o.bins->countOf(Bin::Conflicts), qint64(0));
    QTRY_COMPARE(o.model->rowCount(), 0);
    QCOMPARE(status(o).conflicts, qint64(0));
    QCOMPARE(status(o).outbox, qint64(0));
    QTRY_COMPARE(o.window->findChild<QLabel*>(QStringLiteral("conflictsLabel"))->text(),
                 QStringLiteral("Conflicts: 0"));

    // Nothing more goes to the hub: the other desk's decision stands.
    syncNow(o);
    if (QTest::currentTestFailed())
        return;
    const hub::ApplicationRow after = onHub(id);
    QCOMPARE(after.status, QStringLiteral("info_requested"));
    QCOMPARE(after.version, upstreamVersion);
    QCOMPARE(status(o).conflicts, qint64(0));
    clickBin(o, Bin::InfoRequested);
    QTRY_VERIFY(listed(o, id));
}

QTEST_MAIN(TestHubConflict)
#include "tst_hubconflict.moc"
