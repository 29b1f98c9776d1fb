#include "DetailPane.h"
#include "QueuePane.h"
#include "ResultCheck.h"
#include "ShortcutsDialog.h"
#include "WindowFixture.h"
#include "ZoomController.h"
#include "views/BinCountsModel.h"
#include "views/Labels.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>

using namespace adm;
using namespace adm::views;

// Issue 12, keyboard: an officer's day without the mouse, on the real window (offscreen).
class TestKeyboard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void f6MovesBetweenQueueAndDetail();
    void tabLeavesTheTableWithoutChangingApplicant();
    void nextApplicantOpensAtItsTop();
    void heldKeyShowsWhereItStops();
    void ctrlDigitShowsThatBin();
    void escClearsTheSearch();
    void contextMenuActsOnItsRow();
    void zoomIsRememberedPerUser();
    void shortcutsDialogListsTheKeys();

private:
    QTemporaryDir m_dir;
};

void TestKeyboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings of the test, not of the user
    QVERIFY(testsupport::makeCityWorkspace(m_dir.path(), 1500));
}

void TestKeyboard::init()
{
    QSettings().remove(QStringLiteral("zoom"));
}

void TestKeyboard::f6MovesBetweenQueueAndDetail()
{
    ScriptedPrompter prompter;
    testsupport::OpenWindow o = testsupport::openWindow(m_dir.path(), prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    ui::DetailPane* pane = o.window->detailPane();
    QTRY_VERIFY(pane->detail() != nullptr);
    QTRY_VERIFY(o.table->hasFocus());
    QTest::keyClick(o.table, Qt::Key_F6);
    QTRY_VERIFY(pane->hasFocus());
    // The evidence is read with the keys: PageDown and Space scroll the pane, PageUp comes back.
    QScrollBar* bar = pane->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), 0);
    QTest::keyClick(pane, Qt::Key_PageDown);
    const int afterPage = bar->value();
    QVERIFY(afterPage > 0);
    QTest::keyClick(pane, Qt::Key_Space);
    QVERIFY(bar->value() > afterPage || bar->value() == bar->maximum());
    QTest::keyClick(pane, Qt::Key_Space, Qt::ShiftModifier);
    QTest::keyClick(pane, Qt::Key_PageUp);
    QCOMPARE(bar->value(), 0);
    QTest::keyClick(pane, Qt::Key_F6);
    QTRY_VERIFY(o.table->hasFocus());
}

void TestKeyboard::tabLeavesTheTableWithoutChangingApplicant()
{
    ScriptedPrompter prompter;
    testsupport::OpenWindow o = testsupport::openWindow(m_dir.path(), prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QTRY_VERIFY(o.window->detailPane()->detail() != nullptr);
    QTRY_COMPARE(o.table->currentIndex().row(), 0);
    const QString id = o.window->detailPane()->detail()->application.id;
    // Tab used to walk the cells and wrap into the next applicant; now it leaves the table.
    for (int i = 0; i < o.model->columnCount(); ++i)
        if (o.table->hasFocus())
            QTest::keyClick(o.table, Qt::Key_Tab);
    QVERIFY(!o.table->hasFocus());
    QCOMPARE(o.table->currentIndex().row(), 0);
    QCOMPARE(o.window->detailPane()->detail()->application.id, id);
}

void TestKeyboard::nextApplicantOpensAtItsTop()
{
    ScriptedPrompter prompter;
    testsupport::OpenWindow o = testsupport::openWindow(m_dir.path(), prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    ui::DetailPane* pane = o.window->detailPane();
    QTRY_VERIFY(pane->detail() != nullptr);
    QTRY_COMPARE(o.table->currentIndex().row(), 0);
    QTRY_VERIFY(pane->verticalScrollBar()->maximum() > 0);
    pane->verticalScrollBar()->setValue(pane->verticalScrollBar()->maximum());
    QVERIFY(pane->verticalScrollBar()->value() > 0);
    const QString next = o.model->applicationIdAt(1);
    QVERIFY(!next.isEmpty());
    QSignalSpy shown(o.window.get(), &ui::MainWindow::detailShown);
    QTest::keyClick(o.table, Qt::Key_J);
    QTRY_VERIFY(!shown.isEmpty() && shown.last().first().toString() == next);
    QCOMPARE(pane->detail()->application.id, next);
    QCOMPARE(pane->verticalScrollBar()->value(), 0);
}

// A key held down (auto-repeat, faster than a read) shows the applicant it stops on, not the
// ones it passed on the way; a single move reads at once (bench_detail).
void TestKeyboard::heldKeyShowsWhereItStops()
{
    ScriptedPrompter prompter;
    testsupport::OpenWindow o = testsupport::openWindow(m_dir.path(), prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QTRY_VERIFY(o.window->detailPane()->detail() != nullptr);
    QTRY_COMPARE(o.table->currentIndex().row(), 0);
    QTRY_VERIFY(o.model->rowCount() > 8);
    const QString last = o.model->applicationIdAt(8);
    QSignalSpy shown(o.window.get(), &ui::MainWindow::detailShown);
    // Faster than a read: no event is handled between the keys (when the window keeps up with a
    // slower key, it shows every row, as it should).
    for (int i = 0; i < 8; ++i)
        QTest::keyClick(o.table, Qt::Key_J);
    QTRY_VERIFY(!shown.isEmpty() && shown.last().first().toString() == last);
    QTest::qWait(200); // nothing else follows
    QCOMPARE(shown.last().first().toString(), last);
    // At most the first move's read and the last: the rows passed in between are not read.
    QVERIFY2(shown.size() <= 2, qPrintable(QString::number(shown.size())));
    QCOMPARE(o.window->detailPane()->detail()->application.id, last);
}

void TestKeyboard::ctrlDigitShowsThatBin()
{
    ScriptedPrompter prompter;
    testsupport::OpenWindow o = testsupport::openWindow(m_dir.path(), prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    auto* binList = o.window->findChild<QTreeView*>(QStringLiteral("binList"));
    QCOMPARE(binList->currentIndex().row(), 0);
    QTest::keyClick(o.table, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(binList->currentIndex().row(), 2);
    QTRY_VERIFY(o.model->query().bin == BinCountsModel::binAt(2));
    auto* bins = qobject_cast<BinCountsModel*>(binList->model());
    QTRY_VERIFY(!o.model->isCounting() && !bins->isCounting());
    QCOMPARE(qint64(o.model->rowCount()), bins->countOf(BinCountsModel::binAt(2)));
    QTest::keyClick(o.table, Qt::Key_1, Qt::ControlModifier);
    QTRY_VERIFY(o.model->query().bin == BinCountsModel::binAt(0));
    // The key is on the action the menus show.
    auto* third = o.window->findChild<QAction*>(QStringLiteral("binAction_3"));
    QVERIFY(third);
    QCOMPARE(third->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_3));
    QVERIFY(third->text().contains(labels::bin(BinCountsModel::binAt(2))));
}

void TestKeyboard::escClearsTheSearch()
{
    ScriptedPrompter prompter;
    testsupport::OpenWindow o = testsupport::openWindow(m_dir.path(), prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    const int all = o.model->rowCount();
    const QString wanted = o.model->applicationIdAt(3);
    QTest::keyClick(o.table, Qt::Key_Slash);
    auto* search = o.window->findChild<QLineEdit*>(QStringLiteral("searchField"));
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, wanted);
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!o.model->isCounting() && o.model->rowCount() == 1, 20000);
    search->setFocus();
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(search->text(), QString());
    QTRY_VERIFY(o.model->query().search.isEmpty() && !o.model->isCounting());
    QCOMPARE(o.model->rowCount(), all);
    QVERIFY(search->hasFocus());
    // Esc in the empty field goes back to the queue.
    QTest::keyClick(search, Qt::Key_Escape);
    QTRY_VERIFY(o.table->hasFocus());
}

void TestKeyboard::contextMenuActsOnItsRow()
{
    ScriptedPrompter prompter;
    prompter.approve = testsupport::approveAsChecked;
    testsupport::OpenWindow o = testsupport::openWindow(m_dir.path(), prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QTRY_VERIFY(o.window->detailPane()->detail() != nullptr);
    const QString target = o.model->applicationIdAt(4);
    QVERIFY(!target.isEmpty());
    const QPoint at = o.table->visualRect(o.model->index(4, 1)).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, o.table->viewport()->mapToGlobal(at));
    QApplication::sendEvent(o.table->viewport(), &event);
    QMenu* menu = nullptr;
    QTRY_VERIFY((menu = o.window->findChild<QMenu*>(QStringLiteral("queueContextMenu"))) && menu->isVisible());
    QCOMPARE(o.table->currentIndex().row(), 4);
    // The window's own actions, with their keys.
    QStringList names;
    for (QAction* a : menu->actions())
        names << a->objectName();
    for (const char* name : {"approveAction", "rejectAction", "requestInfoAction", "undoAction", "switchFocusAction"})
        QVERIFY2(names.contains(QLatin1String(name)), qPrintable(names.join(u',')));
    auto* approve = o.window->findChild<QAction*>(QStringLiteral("approveAction"));
    QCOMPARE(menu->actions().first(), approve);
    const qsizetype before = testsupport::outboxItems(*o.workspace).size();
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(approve).center());
    QTRY_COMPARE(testsupport::outboxItems(*o.workspace).size(), before + 1);
    QCOMPARE(prompter.asked.last(), QStringLiteral("approve ") + target);
    QCOMPARE(testsupport::outboxItems(*o.workspace).last().subjectId, target);
}

void TestKeyboard::zoomIsRememberedPerUser()
{
    const qreal base = QApplication::font().pointSizeF();
    QVERIFY(base > 0);
    int rowHeight = 0;
    {
        ScriptedPrompter prompter;
        testsupport::OpenWindow o = testsupport::openWindow(m_dir.path(), prompter);
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        rowHeight = o.table->verticalHeader()->defaultSectionSize();
        QTest::keyClick(o.table, Qt::Key_Plus, Qt::ControlModifier);
        QTest::keyClick(o.table, Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY2(o.window->font().pointSizeF() > base * 1.2,
                 qPrintable(QString::number(o.window->font().pointSizeF())));
        QCOMPARE(o.table->font().pointSizeF(), o.window->font().pointSizeF());
        QVERIFY(o.table->verticalHeader()->defaultSectionSize() > rowHeight);
        QTest::keyClick(o.table, Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(o.window->findChild<ui::ZoomController*>()->percent(), 110);
        QTest::keyClick(o.table, Qt::Key_Plus, Qt::ControlModifier);
    }
    const qreal zoomed = base * 1.25;
    {
        // Opened again by the same user: the same size.
        ScriptedPrompter prompter;
        testsupport::OpenWindow o = testsupport::openWindow(m_dir.path(), prompter);
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.window->findChild<ui::ZoomController*>()->percent(), 125);
        QCOMPARE(o.window->font().pointSizeF(), zoomed);
        QTest::keyClick(o.table, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(o.window->font().pointSizeF(), base);
        QCOMPARE(o.table->verticalHeader()->defaultSectionSize(), rowHeight);
    }
    // Another user has a size of their own.
    QWidget window;
    ui::ZoomController zoom(&window);
    zoom.setUser(QStringLiteral("wang/li"));
    zoom.zoomIn();
    QCOMPARE(zoom.percent(), 110);
    zoom.setUser(QStringLiteral("zhao.min"));
    QCOMPARE(zoom.percent(), 100);
    QCOMPARE(window.font().pointSizeF(), base);
    zoom.setUser(QStringLiteral("wang/li"));
    QCOMPARE(zoom.percent(), 110);
}

void TestKeyboard::shortcutsDialogListsTheKeys()
{
    ScriptedPrompter prompter;
    testsupport::OpenWindow o = testsupport::openWindow(m_dir.path(), prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    auto* help = o.window->findChild<QMenu*>(QStringLiteral("helpMenu"));
    QVERIFY(help);
    auto* action = o.window->findChild<QAction*>(QStringLiteral("shortcutsAction"));
    QVERIFY(help->actions().contains(action));
    action->trigger();
    ui::ShortcutsDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = o.window->findChild<ui::ShortcutsDialog*>()) && dialog->isVisible());
    auto* tree = dialog->findChild<QTreeWidget*>(QStringLiteral("shortcutsTable"));
    QHash<QString, QString> rows; // keys → what they do
    for (QTreeWidgetItemIterator it(tree); *it; ++it)
        rows.insert((*it)->text(1), (*it)->text(0));
    auto* lock = o.window->findChild<QAction*>(QStringLiteral("lockAction"));
    QCOMPARE(rows.value(QStringLiteral("Ctrl+L")), ui::ShortcutsDialog::plainText(lock));
    QCOMPARE(rows.value(QStringLiteral("Ctrl+L")), QStringLiteral("Lock"));
    QVERIFY(rows.contains(QStringLiteral("F6")));
    QVERIFY(rows.contains(QStringLiteral("Ctrl+3")));
    QVERIFY(rows.contains(QStringLiteral("A")));
    QVERIFY(rows.contains(QStringLiteral("Ctrl+Return")));
    QVERIFY(rows.contains(QStringLiteral("Esc")));
    // Every key of the window is listed, from the actions themselves.
    for (QAction* a : o.window->actions())
        for (const QKeySequence& k : a->shortcuts())
            QVERIFY2(
                std::any_of(rows.keyBegin(), rows.keyEnd(),
                            [&](const QString& keys) { return keys.contains(k.toString(QKeySequence::NativeText)); }),
                qPrintable(k.toString()));
}

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
