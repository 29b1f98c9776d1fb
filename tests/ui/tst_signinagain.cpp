#include "HubFixture.h"
#include "HubSignInDialog.h"
#include "MainWindow.h"
#include "ScriptedPrompter.h"
#include "StatusStrip.h"
#include "store/Workspace.h"
#include "sync/Enrolment.h"
#include "sync/HubSignIn.h"
#include "views/SyncedSession.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace adm;
using namespace adm::views;

// Issue 11, point 5: after "Work offline" the window offers a sign-in (a menu action and a link in
// the status bar) without locking; signing in there syncs with the sandbox hub (in-process), and the
// offer goes away. The composition root's part (showing the dialog on signInNeeded) is played here
// as app/workstation/main.cpp plays it.
class TestSignInAgain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void signInAfterWorkingOffline();
    void statusSaysNotAnswering();

private:
    HubFixture m_hub;
    QString m_account;
};

void TestSignInAgain::initTestCase()
{
    qputenv("ADMISSIONS_LANG", "en");
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setQuitOnLastWindowClosed(false);
    m_hub.options.liveRate = 0;
    QVERIFY(m_hub.start());
    m_account = m_hub.accountWithRole(QStringLiteral("reviewer"), QStringLiteral("S371102001"));
    QVERIFY(!m_account.isEmpty());
}

void TestSignInAgain::signInAfterWorkingOffline()
{
    QTemporaryDir dir;
    auto ws = store::Workspace::initialise(dir.filePath(QStringLiteral("ws")), QStringLiteral("liu.fang"),
                                           QStringLiteral("reviewer"), QStringLiteral("desk passphrase 1"));
    QVERIFY2(ws, ws ? "" : qPrintable(ws.error().message));
    auto url = sync::Enrolment::parseHubUrl(m_hub.url());
    auto ca = sync::Enrolment::readCaFile(m_hub.dataDir() + QStringLiteral("/ca.pem"));
    QVERIFY(url && ca);
    const sync::Enrolment enrolment =
        sync::hubsignin::prepare((*ws)->database().writer(), *url, *ca, QStringLiteral("Counter 1"));
    QVERIFY(sync::hubsignin::recordEnrolment(**ws, enrolment));
    QVERIFY(sync::hubsignin::recordSignIn(**ws, m_account)); // the account, and no session: as after "Work offline"

    auto session = std::make_unique<SyncedSession>(std::move(*ws));
    SyncedSession* raw = session.get();
    raw->workOffline();
    QSignalSpy asked(raw, &SyncedSession::signInNeeded);
    QSignalSpy synced(raw, &Session::syncFinished);
    QPointer<ui::HubSignInDialog> dialog;
    connect(raw, &SyncedSession::signInNeeded, raw, [&](bool sessionEnded) {
        QVERIFY(!sessionEnded); // asked for by the person
        dialog = new ui::HubSignInDialog(enrolment, m_account);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setLocalRole(raw->role());
        connect(dialog, &QDialog::accepted, raw, [&, d = dialog] {
            QVERIFY(d->hasSession());
            raw->setHubSession(m_account, d->takeSession());
            raw->setWatchInterval(60000);
        });
        dialog->open();
    });
    ScriptedPrompter prompter;
    ui::MainWindow window(
        std::move(session),
        [](views::OpenCache cache) -> std::unique_ptr<Session> {
            return std::make_unique<SyncedSession>(cache.take());
        },
        &prompter);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    // Offered in the menu and the status bar; "Sync now" asks for the sign-in rather than failing.
    auto* signIn = window.findChild<QAction*>(QStringLiteral("signInAction"));
    auto* online = window.findChild<QLabel*>(QStringLiteral("onlineLabel"));
    QVERIFY(signIn && online);
    QVERIFY(signIn->isVisible() && signIn->isEnabled());
    QVERIFY2(online->text().contains(QStringLiteral("not signed in")) && online->text().contains(QStringLiteral("<a ")),
             qPrintable(online->text()));
    QVERIFY(window.findChild<QAction*>(QStringLiteral("syncAction"))->isEnabled());
    QVERIFY(!window.findChild<QAction*>(QStringLiteral("cancelSyncAction"))->isEnabled());

    // The status bar's link opens the dialog; "Work offline" there leaves the offer as it was.
    QMetaObject::invokeMethod(online, "linkActivated", Q_ARG(QString, QStringLiteral("#sign-in")));
    QTRY_VERIFY(dialog && dialog->isVisible());
    QCOMPARE(asked.size(), 1);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("offlineButton")), Qt::LeftButton);
    QTRY_VERIFY(!dialog); // closed and deleted
    QVERIFY(signIn->isEnabled());
    QCOMPARE(synced.size(), 0);

    // The menu action: the dialog again; signing in there syncs, and the offer goes away.
    signIn->trigger();
    QTRY_VERIFY(dialog && dialog->isVisible());
    QCOMPARE(asked.size(), 2);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("hubPasswordEdit")), m_hub.password(m_account));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("signInButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(synced.size(), 1, 30000);
    QVERIFY2(synced.first().at(0).toBool(), qPrintable(synced.first().at(1).toString()));
    QVERIFY(!raw->needsSignIn());
    QVERIFY(!signIn->isEnabled());
    QVERIFY(window.findChild<QAction*>(QStringLiteral("cancelSyncAction"))->isEnabled());
    QTRY_VERIFY2(online->text().contains(QStringLiteral("Online")), qPrintable(online->text()));
    QVERIFY(!online->text().contains(QStringLiteral("<a ")));
}

// Issue 12: a platform that stalls is "Not answering", not "Online", until it answers again.
void TestSignInAgain::statusSaysNotAnswering()
{
    ui::StatusStrip strip;
    auto* online = strip.findChild<QLabel*>(QStringLiteral("onlineLabel"));
    strip.setOnline(true, true);
    QVERIFY(online->text().contains(QStringLiteral("Online")));
    strip.setAnswering(false);
    QVERIFY2(online->text().contains(QStringLiteral("Not answering")), qPrintable(online->text()));
    QVERIFY(online->toolTip().contains(QStringLiteral("keeps trying")));
    strip.setAnswering(true);
    QVERIFY(online->text().contains(QStringLiteral("Online")));
    strip.setAnswering(false);
    strip.setOnline(false, true); // once the pass gives up, it is offline
    QVERIFY2(online->text().contains(QStringLiteral("Offline")), qPrintable(online->text()));
}

QTEST_MAIN(TestSignInAgain)
#include "tst_signinagain.moc"
