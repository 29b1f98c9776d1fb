#include "CurrentApplication.h"
#include "DetailPane.h"
#include "ResultCheck.h"
#include "WindowFixture.h"
#include "views/BinCountsModel.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>

using namespace adm;
using namespace adm::views;

// Issue 11 point 4: the pane, the table and the decision keys follow one current application. A
// related application opened from the pane is the one a key decides on, and the table says so by
// showing no row as selected.
class TestCurrentApplication : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void relatedApplicationIsTheOneDecided();
    void relatedApplicationInTheViewSelectsItsRow();

private:
    struct Pair {
        QString shown;   // in a bin of the queue list
        QString related; // open too, of the same child or property
        int shownBin = 0;
    };
    // Two open applications of the same child or the same property, read from the cache.
    std::optional<Pair> relatedPair(store::Workspace& workspace);
    void showOnly(testsupport::OpenWindow& o, int bin, const QString& search);

    QTemporaryDir m_dir;
};

void TestCurrentApplication::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(testsupport::makeCityWorkspace(m_dir.path(), 1500));
}

std::optional<TestCurrentApplication::Pair> TestCurrentApplication::relatedPair(store::Workspace& workspace)
{
    auto reader = workspace.database().openReader();
    if (!reader)
        return std::nullopt;
    auto q = (*reader)->prepare(QStringLiteral(
        "SELECT qa.application_id, qb.application_id, qa.bin FROM applications a "
        "JOIN applications b ON b.child_id_number = a.child_id_number AND b.id > a.id "
        "JOIN queue_rows qa ON qa.application_id = a.id JOIN queue_rows qb ON qb.application_id = b.id "
        "WHERE qa.bin IN (0, 1) AND qb.bin IN (0, 1) "
        "UNION ALL "
        "SELECT qa.application_id, qb.application_id, qa.bin FROM eligibility_results a "
        "JOIN eligibility_results b ON b.certificate_no = a.certificate_no AND b.application_id > a.application_id "
        "JOIN queue_rows qa ON qa.application_id = a.application_id "
        "JOIN queue_rows qb ON qb.application_id = b.application_id "
        "WHERE a.certificate_no != '' AND qa.bin IN (0, 1) AND qb.bin IN (0, 1) LIMIT 1"));
    if (!q || !q->step())
        return std::nullopt;
    return Pair{q->text(0), q->text(1), int(q->int64(2))};
}

void TestCurrentApplication::showOnly(testsupport::OpenWindow& o, int bin, const QString& search)
{
    auto* binList = o.window->findChild<QTreeView*>(QStringLiteral("binList"));
    binList->setCurrentIndex(binList->model()->index(store::QueueRules::listedRow(Bin(bin)), 0));
    auto* field = o.window->findChild<QLineEdit*>(QStringLiteral("searchField"));
    field->setText(search);
    QTest::keyClick(field, Qt::Key_Return);
}

void TestCurrentApplication::relatedApplicationIsTheOneDecided()
{
    ScriptedPrompter prompter;
    prompter.approve = testsupport::approveAsChecked;
    testsupport::OpenWindow o = testsupport::openWindow(m_dir.path(), prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    const std::optional<Pair> pair = relatedPair(*o.workspace);
    QVERIFY2(pair, "the city has no two open applications of one child or one property");

    // The queue shows only the first application; the second is not among its rows.
    showOnly(o, pair->shownBin, pair->shown);
    QTRY_VERIFY(!o.model->isCounting() && o.model->rowCount() == 1 && o.model->applicationIdAt(0) == pair->shown);
    o.table->setCurrentIndex(o.model->index(0, 0));
    ui::DetailPane* pane = o.window->detailPane();
    QTRY_VERIFY(pane->detail() && pane->detail()->application.id == pair->shown);

    QPushButton* link = nullptr;
    QTRY_VERIFY([&] {
        for (QPushButton* b : pane->findChildren<QPushButton*>(QStringLiteral("relatedLink")))
            if (b->text().startsWith(pair->related))
                link = b;
        return link != nullptr;
    }());
    QTest::mouseClick(link, Qt::LeftButton);
    QTRY_VERIFY(pane->detail() && pane->detail()->application.id == pair->related);
    ui::CurrentApplication* current = o.window->currentApplication();
    QCOMPARE(current->id(), pair->related);
    QCOMPARE(current->place(), ui::CurrentApplication::Place::OutsideQueue);
    // The table shows no row as the one the keys act on, and the pane says it is outside the queue.
    QVERIFY(o.table->selectionModel()->selectedRows().isEmpty());
    QTRY_VERIFY(pane->findChild<QLabel*>(QStringLiteral("outsideQueueBanner")) != nullptr);

    const qsizetype before = testsupport::outboxItems(*o.workspace).size();
    QTest::keyClick(o.table, Qt::Key_A);
    QTRY_COMPARE(testsupport::outboxItems(*o.workspace).size(), before + 1);
    QCOMPARE(prompter.asked.last(), QStringLiteral("approve ") + pair->related);
    QCOMPARE(prompter.lastContext.applicationId, pair->related);
    QCOMPARE(prompter.lastContext.childName, pane->detail()->application.child.name);
    QCOMPARE(testsupport::outboxItems(*o.workspace).last().subjectId, pair->related);

    // Selecting the row again brings the pane back to it, and the keys with it.
    QTest::mouseClick(o.table->viewport(), Qt::LeftButton, {}, o.table->visualRect(o.model->index(0, 1)).center());
    QTRY_VERIFY(pane->detail() && pane->detail()->application.id == pair->shown);
    QCOMPARE(current->place(), ui::CurrentApplication::Place::InQueue);
    QVERIFY(pane->findChild<QLabel*>(QStringLiteral("outsideQueueBanner")) == nullptr);
}

void TestCurrentApplication::relatedApplicationInTheViewSelectsItsRow()
{
    ScriptedPrompter prompter;
    testsupport::OpenWindow o = testsupport::openWindow(m_dir.path(), prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    const std::optional<Pair> pair = relatedPair(*o.workspace);
    QVERIFY(pair);
    ui::DetailPane* pane = o.window->detailPane();
    // Both in the view: the queue of the first one's bin, unsearched, when the second is in it too.
    showOnly(o, pair->shownBin, QString());
    QTRY_VERIFY(!o.model->isCounting() && o.model->rowCount() > 0);
    int shownRow = -1;
    int relatedRow = -1;
    QTRY_VERIFY([&] {
        for (int row = 0; row < o.model->rowCount(); ++row) {
            shownRow = o.model->applicationIdAt(row) == pair->shown ? row : shownRow;
            relatedRow = o.model->applicationIdAt(row) == pair->related ? row : relatedRow;
        }
        return shownRow >= 0;
    }());
    if (relatedRow < 0)
        QSKIP("the related application is in another bin or not among the rows read");
    o.table->setCurrentIndex(o.model->index(shownRow, 0));
    QTRY_VERIFY(pane->detail() && pane->detail()->application.id == pair->shown);
    QPushButton* link = nullptr;
    for (QPushButton* b : pane->findChildren<QPushButton*>(QStringLiteral("relatedLink")))
        if (b->text().startsWith(pair->related))
            link = b;
    QVERIFY(link);
    QTest::mouseClick(link, Qt::LeftButton);
    QTRY_COMPARE(o.table->currentIndex().row(), relatedRow);
    QVERIFY(o.table->selectionModel()->isRowSelected(relatedRow, {}));
    QTRY_VERIFY(pane->detail() && pane->detail()->application.id == pair->related);
    QCOMPARE(o.window->currentApplication()->place(), ui::CurrentApplication::Place::InQueue);
}

QTEST_MAIN(TestCurrentApplication)
#include "tst_currentapplication.moc"
