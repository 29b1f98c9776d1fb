#include "FirstRunWizard.h"
#include "HubFixture.h"
#include "TestPki.h"
#include "security/AuditLog.h"
#include "store/Workspace.h"
#include "sync/Enrolment.h"
#include "sync/SessionCache.h"
#include "sync/SyncState.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace adm;

// Drives the real first-run wizard (offscreen) against the real sandbox hub, run in-process on a
// loopback port with the CA it makes (tests/hub HubFixture).
class TestFirstRunWizard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void badUserIsRefusedAndNothingCreated_data();
    void badUserIsRefusedAndNothingCreated();
    void createUserThenSkipHub();
    void wrongThenRightHubPassword();
    void hubProblemsAreExplained_data();
    void hubProblemsAreExplained();
    void accountOfAnotherRoleIsRefused();

private:
    // A wizard past its first page, with the workspace (its user of `role`) created in a fresh folder.
    std::unique_ptr<ui::FirstRunWizard> wizardOnHubPage(QTemporaryDir& dir,
                                                        const QString& role = QStringLiteral("clerk"));
    static void fillUser(ui::FirstRunWizard& wizard, const QString& name, const QString& passphrase,
                         const QString& confirmation, const QString& role = QStringLiteral("clerk"));
    static void fillHub(ui::FirstRunWizard& wizard, const QString& url, const QString& caFile, const QString& account,
                        const QString& password);
    static QLabel* hubStatus(ui::FirstRunWizard& wizard);
    QString writeFile(const QString& name, const QByteArray& bytes);

    HubFixture m_hub;
    QString m_account;
    QString m_caFile;
    QTemporaryDir m_files;
    const QString m_user = QStringLiteral("liu.fang");
    const QString m_pass = QStringLiteral("desk passphrase 1");
};

void TestFirstRunWizard::initTestCase()
{
    qputenv("ADMISSIONS_LANG", "en");
    QVERIFY(m_hub.start());
    m_account = m_hub.accountWithRole(QStringLiteral("reviewer"));
    QVERIFY(!m_account.isEmpty());
    m_caFile = m_hub.dataDir() + QStringLiteral("/ca.pem");
    QVERIFY(QFile::exists(m_caFile));
}

QString TestFirstRunWizard::writeFile(const QString& name, const QByteArray& bytes)
{
    const QString path = m_files.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(bytes);
    return path;
}

void TestFirstRunWizard::fillUser(ui::FirstRunWizard& wizard, const QString& name, const QString& passphrase,
                                  const QString& confirmation, const QString& role)
{
    auto* nameEdit = wizard.findChild<QLineEdit*>(QStringLiteral("userNameEdit"));
    auto* roleCombo = wizard.findChild<QComboBox*>(QStringLiteral("roleCombo"));
    auto* pass = wizard.findChild<QLineEdit*>(QStringLiteral("passphraseEdit"));
    auto* confirm = wizard.findChild<QLineEdit*>(QStringLiteral("confirmEdit"));
    QVERIFY(nameEdit && roleCombo && pass && confirm);
    QCOMPARE(pass->echoMode(), QLineEdit::Password);
    QCOMPARE(roleCombo->count(), 4);
    roleCombo->setCurrentIndex(roleCombo->findData(role));
    nameEdit->clear();
    pass->clear();
    confirm->clear();
    QTest::keyClicks(nameEdit, name);
    QTest::keyClicks(pass, passphrase);
    QTest::keyClicks(confirm, confirmation);
}

void TestFirstRunWizard::fillHub(ui::FirstRunWizard& wizard, const QString& url, const QString& caFile,
                                 const QString& account, const QString& password)
{
    const QList<QPair<QString, QString>> fields = {{QStringLiteral("hubUrlEdit"), url},
                                                   {QStringLiteral("caFileEdit"), caFile},
                                                   {QStringLiteral("hubAccountEdit"), account},
                                                   {QStringLiteral("hubPasswordEdit"), password}};
    for (const auto& [name, text] : fields) {
        auto* edit = wizard.findChild<QLineEdit*>(name);
        QVERIFY2(edit, qPrintable(name));
        edit->clear();
        QTest::keyClicks(edit, text);
    }
}

QLabel* TestFirstRunWizard::hubStatus(ui::FirstRunWizard& wizard)
{
    return wizard.findChild<QLabel*>(QStringLiteral("hubStatusLabel"));
}

std::unique_ptr<ui::FirstRunWizard> TestFirstRunWizard::wizardOnHubPage(QTemporaryDir& dir, const QString& role)
{
    auto wizard = std::make_unique<ui::FirstRunWizard>(dir.filePath(QStringLiteral("ws")));
    sync::SyncOptions options = wizard->hubOptions();
    options.requestTimeoutMs = 5000;
    wizard->setHubOptions(options);
    wizard->show();
    fillUser(*wizard, m_user, m_pass, m_pass, role);
    QTest::mouseClick(wizard->button(QWizard::CommitButton), Qt::LeftButton);
    if (wizard->currentId() != ui::FirstRunWizard::HubPage || !wizard->cache())
        return nullptr;
    return wizard;
}

void TestFirstRunWizard::badUserIsRefusedAndNothingCreated_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("confirmation");
    QTest::addColumn<QString>("expected");
    QTest::newRow("mismatch") << m_user << m_pass << QStringLiteral("desk passphrase 2")
                              << QStringLiteral("passphrases differ");
    QTest::newRow("too short") << m_user << QStringLiteral("short") << QStringLiteral("short")
                               << QStringLiteral("too short");
    QTest::newRow("empty passphrase") << m_user << QString() << QString() << QStringLiteral("is empty");
    QTest::newRow("bad name") << QStringLiteral("liu fang/x") << m_pass << m_pass << QStringLiteral("letters, digits");
    QTest::newRow("no name") << QString() << m_pass << m_pass << QStringLiteral("name first");
}

void TestFirstRunWizard::badUserIsRefusedAndNothingCreated()
{
    QFETCH(QString, name);
    QFETCH(QString, passphrase);
    QFETCH(QString, confirmation);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("ws"));
    ui::FirstRunWizard wizard(dataDir);
    wizard.show();
    QCOMPARE(wizard.currentId(), int(ui::FirstRunWizard::UserPage));
    fillUser(wizard, name, passphrase, confirmation);
    QTest::mouseClick(wizard.button(QWizard::CommitButton), Qt::LeftButton);

    auto* error = wizard.findChild<QLabel*>(QStringLiteral("userErrorLabel"));
    QVERIFY(error);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(expected), qPrintable(error->text()));
    QCOMPARE(wizard.currentId(), int(ui::FirstRunWizard::UserPage));
    QVERIFY(!wizard.cache());
    QVERIFY(!QDir(dataDir).exists()); // nothing written, not even the folder
    QCOMPARE(store::Workspace::users(dataDir).error().code, QStringLiteral("not_initialised"));
}

void TestFirstRunWizard::createUserThenSkipHub()
{
    QTemporaryDir dir;
    auto wizard = wizardOnHubPage(dir);
    QVERIFY(wizard);
    QVERIFY(!wizard->button(QWizard::BackButton)->isVisible()); // the workspace exists: no way back
    auto* skip = wizard->button(QWizard::CustomButton1);
    QCOMPARE(skip->objectName(), QStringLiteral("skipButton"));
    QVERIFY(skip->isVisible());
    QTest::mouseClick(skip, Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ui::FirstRunWizard::DonePage));
    auto* summary = wizard->findChild<QLabel*>(QStringLiteral("summaryLabel"));
    QVERIFY(summary && summary->text().contains(QStringLiteral("offline")));
    QVERIFY(!skip->isVisible());
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(wizard->result(), int(QDialog::Accepted));
    QVERIFY(!wizard->isEnrolled());

    auto created = wizard->takeCache().take();
    QVERIFY(created);
    QCOMPARE(created->user(), m_user);
    created.reset();
    const QString dataDir = dir.filePath(QStringLiteral("ws"));
    auto ws = store::Workspace::unlock(dataDir, m_user, m_pass);
    QVERIFY2(ws.ok(), qPrintable(ws.error().message));
    QCOMPARE((*ws)->role(), QStringLiteral("clerk"));
    QVERIFY((*ws)->isAdministrator());
    QCOMPARE(sync::Enrolment::load((*ws)->database().writer()).error().code, sync::code::NotEnrolled);
    QCOMPARE(store::Workspace::unlock(dataDir, m_user, QStringLiteral("another passphrase")).error().code,
             QStringLiteral("wrong_passphrase"));
}

void TestFirstRunWizard::wrongThenRightHubPassword()
{
    QTemporaryDir dir;
    auto wizard = wizardOnHubPage(dir, QStringLiteral("reviewer")); // the role of the hub account
    QVERIFY(wizard);
    auto* next = wizard->button(QWizard::NextButton);
    fillHub(*wizard, m_hub.url(), m_caFile, m_account, QStringLiteral("not the password"));
    QTest::mouseClick(next, Qt::LeftButton);
    QLabel* status = hubStatus(*wizard);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("did not accept")), 20000);
    QTRY_VERIFY(next->isEnabled());
    QCOMPARE(wizard->currentId(), int(ui::FirstRunWizard::HubPage));
    QVERIFY(!wizard->isEnrolled());
    // A refused password saves nothing.
    QCOMPARE(sync::Enrolment::load(wizard->cache().workspace()->database().writer()).error().code,
             sync::code::NotEnrolled);

    auto* password = wizard->findChild<QLineEdit*>(QStringLiteral("hubPasswordEdit"));
    password->clear();
    QTest::keyClicks(password, m_hub.password(m_account));
    QTest::keyClick(password, Qt::Key_Return); // the default button
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ui::FirstRunWizard::DonePage), 20000);
    QVERIFY(wizard->isEnrolled());
    QCOMPARE(wizard->hubAccount(), m_account);
    QVERIFY(password->text().isEmpty());
    QVERIFY(wizard->findChild<QLabel*>(QStringLiteral("summaryLabel"))->text().contains(m_account));
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(wizard->result(), int(QDialog::Accepted));

    auto ws = wizard->takeCache().take();
    QVERIFY(ws);
    auto enrolment = sync::Enrolment::load(ws->database().writer());
    QVERIFY2(enrolment.ok(), qPrintable(enrolment.error().message));
    QCOMPARE(enrolment->hubUrl, *sync::Enrolment::parseHubUrl(m_hub.url()));
    QVERIFY(!enrolment->workstationId.isEmpty());
    QCOMPARE(sync::SyncState(ws->database().writer()).accountFor(m_user), m_account);
    // The hub's session is kept in the cache for the first sync; the password is not kept anywhere.
    auto kept = sync::SessionCache(ws->database().writer())
                    .load(m_user, m_account, *enrolment, QDateTime::currentDateTimeUtc());
    QVERIFY(kept && kept->has_value());
    QCOMPARE((*kept)->account.id, m_account);
    const auto entries = ws->audit().entries();
    QVERIFY(entries.ok());
    QStringList actions;
    for (const security::AuditEntry& e : *entries)
        actions << e.action;
    QVERIFY2(actions.contains(QStringLiteral("sync.enrol")) && actions.contains(QStringLiteral("sync.login")),
             qPrintable(actions.join(u' ')));
}

void TestFirstRunWizard::hubProblemsAreExplained_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<QString>("expected");

    QTcpServer probe; // a port nothing listens on any more
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 closedPort = probe.serverPort();
    probe.close();
    const QString otherCa =
        writeFile(QStringLiteral("other-ca.pem"), testpki::makeCa(QStringLiteral("Other CA")).certPem);
    const QString garbage = writeFile(QStringLiteral("garbage.pem"), "not a certificate\n");

    QTest::newRow("unreachable") << QStringLiteral("https://127.0.0.1:%1").arg(closedPort) << m_caFile
                                 << QStringLiteral("cannot be reached");
    QTest::newRow("certificate refused") << m_hub.url() << otherCa << QStringLiteral("certificate was refused");
    QTest::newRow("plain http") << QStringLiteral("http://127.0.0.1:%1").arg(QUrl(m_hub.url()).port()) << m_caFile
                                << QStringLiteral("https://");
    QTest::newRow("bad CA file") << m_hub.url() << garbage << QStringLiteral("CA file cannot be used");
    QTest::newRow("missing CA file") << m_hub.url() << m_files.filePath(QStringLiteral("none.pem"))
                                     << QStringLiteral("Cannot read the CA file");
}

void TestFirstRunWizard::hubProblemsAreExplained()
{
    QFETCH(QString, url);
    QFETCH(QString, caFile);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    auto wizard = wizardOnHubPage(dir, QStringLiteral("reviewer"));
    QVERIFY(wizard);
    fillHub(*wizard, url, caFile, m_account, m_hub.password(m_account));
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    QLabel* status = hubStatus(*wizard);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(expected), 20000);
    QTRY_VERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(wizard->button(QWizard::CustomButton1)->isEnabled()); // skipping stays possible
    QCOMPARE(wizard->currentId(), int(ui::FirstRunWizard::HubPage));
    QVERIFY(!wizard->isEnrolled());
    QCOMPARE(sync::Enrolment::load(wizard->cache().workspace()->database().writer()).error().code,
             sync::code::NotEnrolled);
}

// A clerk's workstation enrolled under a reviewer's hub account: refused, with both roles named,
// and nothing saved (issue 11).
void TestFirstRunWizard::accountOfAnotherRoleIsRefused()
{
    QTemporaryDir dir;
    auto wizard = wizardOnHubPage(dir, QStringLiteral("clerk"));
    QVERIFY(wizard);
    fillHub(*wizard, m_hub.url(), m_caFile, m_account, m_hub.password(m_account));
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    QLabel* status = hubStatus(*wizard);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("has the role")), 20000);
    QVERIFY2(status->text().contains(QStringLiteral("Counter clerk")) &&
                 status->text().contains(QStringLiteral("Admissions officer")) && status->text().contains(m_account),
             qPrintable(status->text()));
    QTRY_VERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(wizard->currentId(), int(ui::FirstRunWizard::HubPage));
    QVERIFY(!wizard->isEnrolled());
    QCOMPARE(sync::Enrolment::load(wizard->cache().workspace()->database().writer()).error().code, sync::code::NotEnrolled);
    QVERIFY(sync::SyncState(wizard->cache().workspace()->database().writer()).accountFor(m_user).isEmpty());
}

QTEST_MAIN(TestFirstRunWizard)
#include "tst_firstrunwizard.moc"
