#include "HubFixture.h"
#include "HubSignInDialog.h"
#include "sync/Enrolment.h"
#include "sync/HubClient.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTcpServer>
#include <QTest>

using namespace adm;

// Drives the real hub sign-in dialog (offscreen) against the sandbox hub, run in-process on a
// loopback port with the CA it makes (tests/hub HubFixture).
class TestHubSignInDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void wrongThenRightPassword();
    void unreachableHubIsExplained();
    void workOffline();
    void signInThatHangsIsCancelledAtOnce();
    void accountOfAnotherRoleIsRefused();

private:
    sync::Enrolment enrolment(const QString& url) const;

    HubFixture m_hub;
    QString m_account;
};

void TestHubSignInDialog::initTestCase()
{
    qputenv("ADMISSIONS_LANG", "en");
    QVERIFY(m_hub.start());
    m_account = m_hub.accountWithRole(QStringLiteral("reviewer"));
    QVERIFY(!m_account.isEmpty());
}

sync::Enrolment TestHubSignInDialog::enrolment(const QString& url) const
{
    sync::Enrolment e;
    e.hubUrl = *sync::Enrolment::parseHubUrl(url);
    e.caPem = *sync::Enrolment::readCaFile(m_hub.dataDir() + QStringLiteral("/ca.pem"));
    e.workstationId = QStringLiteral("ws-test-signin");
    e.workstationName = QStringLiteral("Counter 1");
    return e;
}

void TestHubSignInDialog::wrongThenRightPassword()
{
    ui::HubSignInDialog dialog(enrolment(m_hub.url()), m_account);
    dialog.show();
    auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("hubPasswordEdit"));
    auto* signIn = dialog.findChild<QPushButton*>(QStringLiteral("signInButton"));
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("errorLabel"));
    auto* account = dialog.findChild<QLabel*>(QStringLiteral("accountLabel"));
    QVERIFY(edit && signIn && error && account);
    QCOMPARE(account->text(), m_account);
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QVERIFY(signIn->isDefault());

    QTest::mouseClick(signIn, Qt::LeftButton); // nothing typed: told, nothing sent
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("Type the city platform password")), qPrintable(error->text()));

    QTest::keyClicks(edit, QStringLiteral("not the password"));
    QTest::mouseClick(signIn, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(error->text().contains(QStringLiteral("did not accept")), 20000);
    QTRY_VERIFY(signIn->isEnabled());
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.hasPassword() && !dialog.hasSession());
    QVERIFY(edit->text().isEmpty()); // taken out of the widget at once, also when refused
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("laterButton"))->isVisible()); // refused: no way around

    edit->clear();
    QTest::keyClicks(edit, m_hub.password(m_account));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 20000);
    // Signed in: the session (a real token of the hub) is handed on, the password is not kept.
    QVERIFY(!dialog.hasPassword());
    QVERIFY(dialog.hasSession());
    auto session = dialog.takeSession();
    QCOMPARE(session->account.id, m_account);
    QCOMPARE(m_hub
                 .get(QStringLiteral("/api/v1/changes?limit=1"),
                      QString::fromLatin1(session->token.constData(), session->token.size()))
                 .status,
             200);
    QVERIFY(edit->text().isEmpty());
}

void TestHubSignInDialog::unreachableHubIsExplained()
{
    QTcpServer probe; // a port nothing listens on any more
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    ui::HubSignInDialog dialog(enrolment(QStringLiteral("https://127.0.0.1:%1").arg(port)), m_account);
    dialog.show();
    auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("hubPasswordEdit"));
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("errorLabel"));
    QTest::keyClicks(edit, m_hub.password(m_account));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(error->text().contains(QStringLiteral("cannot be reached")), 20000);
    QTRY_VERIFY(edit->isEnabled());
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.hasPassword());

    // No network is no reason to stop work: keep the password and let the session sync later.
    auto* later = dialog.findChild<QPushButton*>(QStringLiteral("laterButton"));
    QVERIFY(later && later->isVisible());
    QTest::mouseClick(later, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.hasSession());
    QVERIFY(dialog.takePassword().equals(m_hub.password(m_account).toUtf8()));
}

void TestHubSignInDialog::workOffline()
{
    ui::HubSignInDialog dialog(enrolment(m_hub.url()), m_account);
    dialog.show();
    QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("hubPasswordEdit")), m_hub.password(m_account));
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("offlineButton")), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.hasPassword() && !dialog.hasSession()); // typed but not signed in: nothing for the session
}

// A platform that accepts the connection and never answers (not even the TLS handshake): the
// sign-in can be cancelled at once, the form is usable again, and "Work offline" closes the dialog
// at once while an attempt waits.
void TestHubSignInDialog::signInThatHangsIsCancelledAtOnce()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    ui::HubSignInDialog dialog(enrolment(QStringLiteral("https://127.0.0.1:%1").arg(silent.serverPort())), m_account);
    dialog.show();
    auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("hubPasswordEdit"));
    auto* signIn = dialog.findChild<QPushButton*>(QStringLiteral("signInButton"));
    auto* cancel = dialog.findChild<QPushButton*>(QStringLiteral("cancelSignInButton"));
    auto* offline = dialog.findChild<QPushButton*>(QStringLiteral("offlineButton"));
    auto* status = dialog.findChild<QLabel*>(QStringLiteral("errorLabel"));
    QVERIFY(edit && signIn && cancel && offline && status);
    QVERIFY(!cancel->isVisible());
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("laterButton"))->isVisible()); // offered once unreachable

    QTest::keyClicks(edit, m_hub.password(m_account));
    QTest::mouseClick(signIn, Qt::LeftButton);
    QVERIFY(status->text().contains(QStringLiteral("Signing in")));
    QVERIFY(cancel->isVisible() && cancel->isEnabled());
    QVERIFY(!signIn->isEnabled() && !edit->isEnabled());
    QVERIFY(offline->isEnabled());               // usable while the platform does not answer
    QTRY_VERIFY(silent.hasPendingConnections()); // the attempt waits on the silent platform

    QElapsedTimer t;
    t.start();
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(t.elapsed() < 1000);
    QVERIFY(!cancel->isVisible());
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("laterButton"))->isVisible());
    QVERIFY(signIn->isEnabled() && edit->isEnabled());
    QVERIFY2(status->text().contains(QStringLiteral("cancelled")), qPrintable(status->text()));
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.hasSession() && !dialog.hasPassword());

    // Again, then "Work offline" while it waits: closed at once, nothing handed on.
    QTest::keyClicks(edit, m_hub.password(m_account));
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(cancel->isVisible());
    t.restart();
    QTest::mouseClick(offline, Qt::LeftButton);
    QVERIFY(t.elapsed() < 1000);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isVisible());
    QVERIFY(!dialog.hasSession() && !dialog.hasPassword());
    QCOMPARE(QApplication::overrideCursor(), nullptr); // the busy cursor went with the attempts
}

// A clerk's local user signing in with a reviewer's account: refused with both roles named, and no
// session handed on (issue 11).
void TestHubSignInDialog::accountOfAnotherRoleIsRefused()
{
    ui::HubSignInDialog dialog(enrolment(m_hub.url()), m_account);
    dialog.setLocalRole(QStringLiteral("clerk"));
    dialog.show();
    auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("hubPasswordEdit"));
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("errorLabel"));
    QTest::keyClicks(edit, m_hub.password(m_account));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(error->text().contains(QStringLiteral("has the role")), 20000);
    QVERIFY2(error->text().contains(QStringLiteral("Counter clerk")) &&
                 error->text().contains(QStringLiteral("Admissions officer")) && error->text().contains(m_account),
             qPrintable(error->text()));
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.hasSession() && !dialog.hasPassword());
}

QTEST_MAIN(TestHubSignInDialog)
#include "tst_hubsignindialog.moc"
