#include "CityFixture.h"
#include "DetailPane.h"
#include "MainWindow.h"
#include "QueuePane.h"
#include "ScriptedPrompter.h"
#include "i18n/Translations.h"
#include "store/Workspace.h"
#include "sync/SessionCache.h"
#include "sync/SyncState.h"
#include "views/BinCountsModel.h"
#include "views/Labels.h"
#include "views/LocalSession.h"
#include "views/OpenCache.h"
#include "views/QueueModel.h"
#include "views/SavedFilters.h"

#include <QAction>
#include <QApplication>
#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace adm;
using namespace adm::views;

// The queue's filter bar and search driven on the real window (offscreen): the date filter typed
// and picked in both languages, Clear, the search by a guardian's name and an empty result, the
// schools of the account, saved views, the legend, and the bar fitting a 1280-pixel window.
class TestQueueFilters : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void dateFilterTypedAndPicked_data();
    void dateFilterTypedAndPicked();
    void clearClearsTheSearchToo();
    void guardianSearchAndEmptyResult();
    void schoolFilterListsTheAccountsSchools();
    void savedViewIsSavedAndApplied();
    void legendIsReachable();
    void filterBarFits_data();
    void filterBarFits();

private:
    struct Open {
        std::unique_ptr<ui::MainWindow> window;
        QTableView* table = nullptr;
        QueueModel* model = nullptr;
        QString error;
    };
    Open open();
    QString scalar(const QString& sql);
    template <typename T> T* child(Open& o, const char* name) { return o.window->findChild<T*>(QLatin1String(name)); }

    QTemporaryDir m_dir;
    ScriptedPrompter m_prompter;
};

void TestQueueFilters::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings of the test, not of the user
    QVERIFY(testsupport::makeCityWorkspace(m_dir.path(), 1200));
}

void TestQueueFilters::cleanup()
{
    i18n::installTranslations(*qApp, QStringLiteral("en"));
    QLocale::setDefault(QLocale(QStringLiteral("en_GB")));
}

TestQueueFilters::Open TestQueueFilters::open()
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
        &m_prompter);
    o.window->show();
    QApplication::setActiveWindow(o.window.get());
    if (!QTest::qWaitForWindowActive(o.window.get()))
        o.error = QStringLiteral("the window did not become active");
    o.table = o.window->findChild<QTableView*>(QStringLiteral("queueTable"));
    o.model = o.table ? qobject_cast<QueueModel*>(o.table->model()) : nullptr;
    if (!o.model)
        o.error = QStringLiteral("no queue table with a queue model");
    else if (!QTest::qWaitFor([&] { return !o.model->isCounting() && o.model->rowCount() > 0; }, 10000))
        o.error = QStringLiteral("the queue was not counted");
    return o;
}

// A value read from the cache on a connection of its own (the window's session holds the writer).
QString TestQueueFilters::scalar(const QString& sql)
{
    auto ws = store::Workspace::unlock(m_dir.path(), testsupport::kReviewer, testsupport::kPassphrase);
    if (!ws)
        return QString();
    auto v = (*ws)->database().writer().scalar(sql);
    return v ? v->toString() : QString();
}

void TestQueueFilters::dateFilterTypedAndPicked_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

void TestQueueFilters::dateFilterTypedAndPicked()
{
    QFETCH(QString, language);
    const QString first = scalar(QStringLiteral("SELECT min(submitted_at) FROM applications WHERE submitted_at > ''"));
    const QDate firstDay = QDateTime::fromString(first, Qt::ISODate).toLocalTime().date();
    QVERIFY2(firstDay.isValid(), qPrintable(first));
    Open o = open();
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    auto* from = child<QDateEdit>(o, "fromFilter");
    auto* to = child<QDateEdit>(o, "toFilter");
    QVERIFY(from && to);

    // The language switch as the composition root makes it: the locale, then the translations (English
    // after Chinese, so that it is a switch).
    if (language == QLatin1String("en")) {
        QLocale::setDefault(QLocale(QStringLiteral("zh_CN")));
        QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
        QTRY_COMPARE(from->calendarWidget()->locale().language(), QLocale::Chinese);
    }
    const QLocale locale(language == QLatin1String("zh_CN") ? QStringLiteral("zh_CN") : QStringLiteral("en_GB"));
    QLocale::setDefault(locale);
    QVERIFY(i18n::installTranslations(*qApp, language));
    QTRY_COMPARE(from->calendarWidget()->locale().language(), locale.language());
    QCOMPARE(from->locale().language(), locale.language());

    // Picked: the calendar opens at the data's first month, not at today's (nor at "any date"). The
    // data's days are read off the GUI thread: wait until the filter bar has them.
    QTRY_COMPARE(from->date(), firstDay);
    from->setFocus();
    QTest::mouseClick(from, Qt::LeftButton, {}, QPoint(from->width() - 6, from->height() / 2));
    QCalendarWidget* calendar = from->calendarWidget();
    QTRY_VERIFY(calendar->isVisible());
    QCOMPARE(calendar->yearShown(), firstDay.year());
    QCOMPARE(calendar->monthShown(), firstDay.month());
    const QDate picked = firstDay.addDays(1);
    calendar->setSelectedDate(picked);
    QTest::keyClick(calendar->findChild<QTableView*>(), Qt::Key_Return);
    QTRY_COMPARE(from->date(), picked);
    QTRY_COMPARE(o.model->query().filter.from, picked);

    // Typed, in the locale's own short format (four-digit year).
    const QDate typed = firstDay.addDays(3);
    QString format = locale.dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    format.replace(QRegularExpression(QStringLiteral("(?<!M)M(?!M)")), QStringLiteral("MM"));
    format.replace(QRegularExpression(QStringLiteral("(?<!d)d(?!d)")), QStringLiteral("dd"));
    QCOMPARE(to->displayFormat(), format);
    // Tabbed into (the first section is selected) and typed over, separators included.
    to->setFocus(Qt::TabFocusReason);
    QTest::keyClicks(to, locale.toString(typed, format));
    QTest::keyClick(to, Qt::Key_Return);
    QTRY_COMPARE(to->date(), typed);
    QTRY_COMPARE(o.model->query().filter.to, typed);
    QCOMPARE(to->text(), locale.toString(typed, format));
    // Only applications of those days are left.
    QTRY_VERIFY(!o.model->isCounting());
    for (int row = 0; row < std::min(5, o.model->rowCount()); ++row) {
        const QString day = testsupport::queueText(*o.model, row, Column::Submitted);
        const QDate d = QDate::fromString(day, QStringLiteral("yyyy-MM-dd"));
        QVERIFY2(d >= picked && d <= typed, qPrintable(day));
    }
}

void TestQueueFilters::clearClearsTheSearchToo()
{
    Open o = open();
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    auto* search = child<QLineEdit>(o, "searchField");
    auto* category = child<QComboBox>(o, "categoryFilter");
    category->setCurrentIndex(category->findData(QStringLiteral("B")));
    QTest::keyClicks(search, QStringLiteral("A2026"));
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE(o.model->query().search, QStringLiteral("A2026"));
    QCOMPARE(o.model->query().filter.category, QStringLiteral("B"));

    QTest::mouseClick(child<QToolButton>(o, "clearFiltersButton"), Qt::LeftButton);
    QCOMPARE(search->text(), QString());
    QCOMPARE(category->currentData().toString(), QString());
    QTRY_COMPARE(o.model->query().search, QString());
    QCOMPARE(o.model->query().filter, QueueFilter());
}

void TestQueueFilters::guardianSearchAndEmptyResult()
{
    // A guardian whose name no child bears: only the guardian search can find the application.
    const QString row = scalar(QStringLiteral(
        "SELECT p.application_id || '|' || p.name FROM application_people p JOIN queue_rows q ON q.application_id = "
        "p.application_id WHERE p.position = 1 AND q.bin = 0 AND NOT EXISTS (SELECT 1 FROM applications a WHERE "
        "instr(a.child_name, p.name) > 0) LIMIT 1"));
    const QString id = row.section(u'|', 0, 0);
    const QString guardian = row.section(u'|', 1);
    QVERIFY2(!id.isEmpty() && guardian.size() >= 2, qPrintable(row));
    Open o = open();
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    auto* search = child<QLineEdit>(o, "searchField");
    search->setFocus();
    search->insert(guardian); // Chinese comes from an input method: QTest types Latin-1 only
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_VERIFY(o.model->query().search == guardian && !o.model->isCounting());
    QVERIFY(o.model->rowCount() >= 1);
    QStringList found;
    for (int r = 0; r < o.model->rowCount(); ++r)
        found << testsupport::queueText(*o.model, r, Column::Number);
    QVERIFY2(found.contains(id), qPrintable(found.join(u' ')));
    // A part of the guardian's name (its last two characters) finds it too.
    search->clear();
    search->insert(guardian.right(2));
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_VERIFY(o.model->query().search == guardian.right(2) && !o.model->isCounting());
    found.clear();
    for (int r = 0; r < o.model->rowCount(); ++r)
        found << testsupport::queueText(*o.model, r, Column::Number);
    QVERIFY2(found.contains(id), qPrintable(found.join(u' ')));

    // Nothing matches: the table and the detail pane say so.
    search->clear();
    search->insert(QStringLiteral("鑫鑫鑫鑫"));
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_VERIFY(o.model->query().search == QStringLiteral("鑫鑫鑫鑫") && !o.model->isCounting());
    QCOMPARE(o.model->rowCount(), 0);
    auto* empty = child<QLabel>(o, "emptyQueueLabel");
    QTRY_VERIFY(empty->isVisible());
    QCOMPARE(empty->text(), QStringLiteral("No application matches the search and filters."));
    QTRY_COMPARE(o.window->detailPane()->findChild<QLabel*>(QStringLiteral("detailMessage"))->text(),
                 QStringLiteral("No application matches the search and filters."));
    search->clear();
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_VERIFY(!o.model->isCounting() && o.model->rowCount() > 0);
    QTRY_VERIFY(!empty->isVisible());
}

void TestQueueFilters::schoolFilterListsTheAccountsSchools()
{
    const QString all = scalar(QStringLiteral("SELECT count(*) FROM schools"));
    const QString two =
        scalar(QStringLiteral("SELECT group_concat(id) FROM (SELECT id FROM schools ORDER BY id LIMIT 2)"));
    QVERIFY2(all.toInt() > 2, qPrintable(all));
    {
        // The hub account of this user, as the sign-in keeps it: two schools.
        auto ws = store::Workspace::unlock(m_dir.path(), testsupport::kReviewer, testsupport::kPassphrase);
        QVERIFY(ws.ok());
        const QJsonObject account{{QStringLiteral("id"), QStringLiteral("reviewer.x")},
                                  {QStringLiteral("district_code"), QStringLiteral("371102")},
                                  {QStringLiteral("school_ids"), QJsonArray::fromStringList(two.split(u','))}};
        const QJsonObject info{{QStringLiteral("account"), account}};
        QVERIFY(sync::SyncState((*ws)->database().writer())
                    .set(sync::SessionCache::infoKey(testsupport::kReviewer),
                         QString::fromUtf8(QJsonDocument(info).toJson(QJsonDocument::Compact)))
                    .ok());
    }
    Open o = open();
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    auto* schools = child<QComboBox>(o, "schoolFilter");
    QTRY_COMPARE(schools->count(), 3); // "All schools" and the two
    QStringList offered;
    for (int i = 1; i < schools->count(); ++i)
        offered << schools->itemData(i).toString();
    offered.sort();
    QCOMPARE(offered, two.split(u','));
    o.window.reset();

    // Without a kept account: the schools that have applications here, not every school of the city.
    auto ws = store::Workspace::unlock(m_dir.path(), testsupport::kReviewer, testsupport::kPassphrase);
    QVERIFY(ws.ok());
    QVERIFY(
        sync::SyncState((*ws)->database().writer()).set(sync::SessionCache::infoKey(testsupport::kReviewer), {}).ok());
    const int withApplications =
        (*ws)->database().writer().scalar(QStringLiteral("SELECT count(DISTINCT school_id) FROM queue_rows"))->toInt();
    ws->reset();
    Open again = open();
    QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
    QTRY_COMPARE(child<QComboBox>(again, "schoolFilter")->count(), withApplications + 1);
}

void TestQueueFilters::savedViewIsSavedAndApplied()
{
    Open o = open();
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    auto* binList = child<QTreeView>(o, "binList");
    auto* category = child<QComboBox>(o, "categoryFilter");
    auto* saved = child<QComboBox>(o, "savedViews");
    binList->setCurrentIndex(binList->model()->index(store::QueueRules::listedRow(Bin::Flagged), 0));
    category->setCurrentIndex(category->findData(QStringLiteral("A")));
    child<QCheckBox>(o, "overdueFilter")->setChecked(true); // kept as "overdue on the day it is used"
    o.table->horizontalHeader()->setSortIndicator(int(Column::Child), Qt::DescendingOrder);
    QTRY_VERIFY(o.model->query().bin == Bin::Flagged && o.model->query().sortColumn == Column::Child &&
                o.model->query().filter.overdueOn.isValid());
    const QueueQuery wanted = o.model->query();

    saved->setFocus();
    saved->lineEdit()->clear();
    QTest::keyClicks(saved->lineEdit(), QStringLiteral("Flagged A by name"));
    QTest::mouseClick(child<QToolButton>(o, "saveViewButton"), Qt::LeftButton);
    QCOMPARE(saved->findText(QStringLiteral("Flagged A by name")), 0);
    const QList<SavedQueueView> kept = SavedFilters(testsupport::kReviewer).all();
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.first().query.filter.category, QStringLiteral("A"));
    QVERIFY(kept.first().query.search.isEmpty());

    // Somewhere else, then the saved view again.
    QTest::mouseClick(child<QToolButton>(o, "clearFiltersButton"), Qt::LeftButton);
    binList->setCurrentIndex(binList->model()->index(store::QueueRules::listedRow(Bin::ToReview), 0));
    o.table->horizontalHeader()->setSortIndicator(int(Column::Submitted), Qt::AscendingOrder);
    QTRY_VERIFY(o.model->query().bin == Bin::ToReview && o.model->query().filter == QueueFilter());
    saved->setCurrentIndex(0);
    Q_EMIT saved->activated(0);
    QTRY_COMPARE(o.model->query(), wanted);
    QCOMPARE(category->currentData().toString(), QStringLiteral("A"));
    QVERIFY(child<QCheckBox>(o, "overdueFilter")->isChecked());
    QCOMPARE(BinCountsModel::binAt(binList->currentIndex().row()), Bin::Flagged);
    QCOMPARE(o.table->horizontalHeader()->sortIndicatorSection(), int(Column::Child));

    // Kept for the user across windows; forgotten on request.
    o.window.reset();
    Open again = open();
    QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
    auto* savedAgain = child<QComboBox>(again, "savedViews");
    QCOMPARE(savedAgain->findText(QStringLiteral("Flagged A by name")), 0);
    savedAgain->setCurrentIndex(0);
    QTest::mouseClick(child<QToolButton>(again, "removeViewButton"), Qt::LeftButton);
    QCOMPARE(savedAgain->findText(QStringLiteral("Flagged A by name")), -1);
    QVERIFY(SavedFilters(testsupport::kReviewer).all().isEmpty());
}

void TestQueueFilters::legendIsReachable()
{
    Open o = open();
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    // The column headers' tooltips hold the legend of the categories and of the colours.
    QVERIFY(o.model->headerData(int(Column::Checked), Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(labels::categoryMeaning(QStringLiteral("A"))));
    QVERIFY(o.model->headerData(int(Column::Flags), Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(labels::flagColours().first().second));
    // Help → Legend.
    child<QAction>(o, "legendAction")->trigger();
    auto* legend = o.window->findChild<QDialog*>(QStringLiteral("legendDialog"));
    QVERIFY(legend);
    QTRY_VERIFY(legend->isVisible());
    QCOMPARE(legend->findChild<QLabel*>(QStringLiteral("legendCategory_B"))->text(),
             labels::categoryMeaning(QStringLiteral("B")));
    QCOMPARE(legend->findChild<QLabel*>(QStringLiteral("legendFlag_under_age"))->text(),
             labels::flag(QStringLiteral("under_age")));
    legend->close();
}

void TestQueueFilters::filterBarFits_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")})
        for (const QSize size : {QSize(1280, 720), QSize(1366, 768)})
            QTest::addRow("%s %dx%d", qPrintable(language), size.width(), size.height()) << language << size;
}

void TestQueueFilters::filterBarFits()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    QLocale::setDefault(
        QLocale(language == QLatin1String("zh_CN") ? QStringLiteral("zh_CN") : QStringLiteral("en_GB")));
    QVERIFY(i18n::installTranslations(*qApp, language));
    Open o = open();
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    o.window->resize(size);
    auto* bar = o.window->findChild<QWidget*>(QStringLiteral("filterBar"));
    QTRY_COMPARE(o.window->size(), size);
    QTRY_VERIFY(bar->height() >= bar->heightForWidth(bar->width()));
    const QList<QWidget*> filters = {child<QWidget>(o, "schoolFilter"),     child<QWidget>(o, "categoryFilter"),
                                     child<QWidget>(o, "flagFilter"),       child<QWidget>(o, "channelFilter"),
                                     child<QWidget>(o, "fromFilter"),       child<QWidget>(o, "toFilter"),
                                     child<QWidget>(o, "savedViews"),       child<QWidget>(o, "saveViewButton"),
                                     child<QWidget>(o, "removeViewButton"), child<QWidget>(o, "clearFiltersButton")};
    for (QWidget* w : filters) {
        QVERIFY(w);
        QVERIFY2(w->isVisible(), qPrintable(w->objectName()));
        const QRect inBar(w->mapTo(bar, QPoint(0, 0)), w->size());
        QVERIFY2(bar->rect().contains(inBar), qPrintable(QStringLiteral("%1 at %2,%3 %4x%5 outside the bar %6x%7")
                                                             .arg(w->objectName())
                                                             .arg(inBar.x())
                                                             .arg(inBar.y())
                                                             .arg(inBar.width())
                                                             .arg(inBar.height())
                                                             .arg(bar->width())
                                                             .arg(bar->height())));
        QVERIFY2(w->width() >= w->minimumSizeHint().width(), qPrintable(w->objectName()));
    }
    // The queue's main columns are in view, without scrolling sideways.
    const int viewport = o.table->viewport()->width();
    for (Column c : {Column::Number, Column::Child, Column::School, Column::Claimed, Column::Checked, Column::Flags,
                     Column::Submitted}) {
        QVERIFY2(!o.table->isColumnHidden(int(c)), qPrintable(QString::number(int(c))));
        const int right = o.table->columnViewportPosition(int(c)) + o.table->columnWidth(int(c));
        QVERIFY2(right <= viewport,
                 qPrintable(QStringLiteral("column %1 ends at %2 of %3").arg(int(c)).arg(right).arg(viewport)));
    }
}

QTEST_MAIN(TestQueueFilters)
#include "tst_queuefilters.moc"
