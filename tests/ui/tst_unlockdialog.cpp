#include "MainWindow.h"
#include "ResultCheck.h"
#include "TestSupport.h"
#include "UnlockDialog.h"
#include "domain/JsonCodec.h"
#include "store/ChangeApplier.h"
#include "store/Workspace.h"
#include "views/LocalSession.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace adm;

// Drives the real unlock dialog and main window (offscreen).
class TestUnlockDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void wrongThenRightPassphrase();
    void emptyPassphraseIsExplained();
    void mainWindowShowsCounts();

private:
    QTemporaryDir m_dir;
    const QString m_pass = QStringLiteral("desk passphrase 1");
};

void TestUnlockDialog::initTestCase()
{
    auto ws =
        store::Workspace::initialise(m_dir.path(), QStringLiteral("liu.fang"), QStringLiteral("reviewer"), m_pass);
    QVERIFY(ws.ok());
    QVERIFY(
        (*ws)
            ->addUser(QStringLiteral("wang.lei"), QStringLiteral("clerk"), QStringLiteral("counter passphrase"), false)
            .ok());
    QList<Change> changes;
    for (const QJsonObject& o : testsupport::fixtureChanges())
        changes.append(TEST_VALUE(json::readChange(o)));
    QVERIFY2(!changes.isEmpty(), "no shared fixture (see the warning above)");
    store::ChangeApplier applier((*ws)->database().writer());
    QVERIFY(applier.apply(changes).ok());
}

void TestUnlockDialog::wrongThenRightPassphrase()
{
    ui::UnlockDialog dialog(m_dir.path());
    dialog.show();
    auto* user = dialog.findChild<QComboBox*>(QStringLiteral("userCombo"));
    auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("passphraseEdit"));
    auto* button = dialog.findChild<QPushButton*>(QStringLiteral("unlockButton"));
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("errorLabel"));
    QVERIFY(user && edit && button && error);
    QCOMPARE(user->count(), 2);
    QCOMPARE(edit->echoMode(), QLineEdit::Password);

    QTest::keyClicks(edit, QStringLiteral("not my passphrase"));
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("passphrase")), qPrintable(error->text()));
    QVERIFY(!dialog.takeCache());
    QVERIFY(edit->text().isEmpty()); // taken out of the widget into secure storage, right or wrong

    edit->clear();
    QTest::keyClicks(edit, m_pass);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    auto ws = dialog.takeCache().take();
    QVERIFY(ws);
    QCOMPARE(ws->user(), QStringLiteral("liu.fang"));
    QVERIFY(edit->text().isEmpty()); // the passphrase does not linger in the widget
}

void TestUnlockDialog::emptyPassphraseIsExplained()
{
    ui::UnlockDialog dialog(m_dir.path());
    dialog.show();
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("unlockButton")), Qt::LeftButton);
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("errorLabel"))->isVisible());
    QVERIFY(dialog.isVisible());
}

void TestUnlockDialog::mainWindowShowsCounts()
{
    auto ws = store::Workspace::unlock(m_dir.path(), QStringLiteral("wang.lei"), QStringLiteral("counter passphrase"));
    QVERIFY(ws.ok());
    // A window over a workspace without a hub, as app/ makes one.
    ui::MainWindow window(std::make_unique<views::LocalSession>(std::move(*ws)), [](views::OpenCache cache) {
        return std::unique_ptr<views::Session>(std::make_unique<views::LocalSession>(cache.take()));
    });
    window.show();
    auto* action = window.findChild<QAction*>(QStringLiteral("cacheCountsAction"));
    QVERIFY(action);
    action->trigger();
    QTreeWidget* tree = nullptr;
    QTRY_VERIFY((tree = window.findChild<QTreeWidget*>(QStringLiteral("countsTree"))));
    QTRY_COMPARE(tree->findItems(QStringLiteral("Applications"), Qt::MatchExactly | Qt::MatchRecursive).size(), 1);
    const auto items = tree->findItems(QStringLiteral("Applications"), Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(items.first()->text(1), QStringLiteral("9"));
    QVERIFY(!tree->findItems(QStringLiteral("Rental filing"), Qt::MatchExactly | Qt::MatchRecursive).isEmpty());
}

QTEST_MAIN(TestUnlockDialog)
#include "tst_unlockdialog.moc"
