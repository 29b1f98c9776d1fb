#include "CityFixture.h"
#include "MainWindow.h"
#include "PdfText.h"
#include "QueuePane.h"
#include "ResultCheck.h"
#include "ScriptedPrompter.h"
#include "SupervisionDesk.h"
#include "SupervisionWindow.h"
#include "store/Sql.h"
#include "store/Workspace.h"
#include "views/LocalSession.h"
#include "views/QueueModel.h"
#include "views/SupervisionReport.h"
#include "views/SupervisionTables.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace adm;

namespace {

// Answers the dashboard's file questions with the paths the test sets.
class ScriptedSupervisionPrompter : public ui::SupervisionPrompter {
public:
    QString tableFile;
    QString reportFile;
    QStringList suggested;
    std::optional<QString> askTableFile(QWidget*, const QString& s) override
    {
        suggested << s;
        return tableFile.isEmpty() ? std::nullopt : std::optional<QString>(tableFile);
    }
    std::optional<QString> askReportFile(QWidget*, const QString& s) override
    {
        suggested << s;
        return reportFile.isEmpty() ? std::nullopt : std::optional<QString>(reportFile);
    }
};

const QString kPrincipal = QStringLiteral("sun.xiaozhang");
const QString kPrincipalPassphrase = QStringLiteral("principal passphrase 7");

QWidget* focused()
{
    return QApplication::focusWidget();
}

qint64 count(store::Connection& c, const QString& sql, const QStringList& binds = {})
{
    auto q = c.prepare(sql);
    if (!q) {
        qWarning("%s", qPrintable(q.error().message));
        return -1;
    }
    for (int i = 0; i < binds.size(); ++i)
        q->bind(i + 1, binds.at(i));
    if (!q->step())
        return -1;
    const qint64 n = q->int64(0);
    q->reset();
    return n;
}

// The text of a cell of a dashboard table, by the row's key and the column's code.
QString cellText(const views::SupervisionTable& t, const QString& key, const QString& column)
{
    for (int r = 0; r < t.rows.size(); ++r)
        if (t.rows.at(r).key == key)
            return t.exportText(r, t.column(column));
    return QStringLiteral("(no row %1)").arg(key);
}

QString unzip(const QString& xlsx, const QString& member)
{
    QProcess p;
    p.start(QStringLiteral("unzip"), {QStringLiteral("-p"), xlsx, member});
    if (!p.waitForFinished(20000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

// The supervision dashboard (issue 16) on the real widgets over a generated city with decisions of five
// officers, with the keyboard: a supervisor opens it from the main window (Ctrl+Shift+D), the figures
// equal SupervisionReport::read and counts made here from the applications, the scope changes to a
// district, a table goes to CSV and XLSX and the dashboard to a PDF (read back), each audited, rows
// drill down to the queue they stand for, and a refresh keeps the selection. A reviewer has no dashboard.
class TestSupervisionWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void supervisorDashboardWithTheKeyboard();
    void refreshAfterAChangeKeepsTheSelection();
    void principalSeesTheirSchools();
    void reviewerHasNoDashboard();

private:
    std::unique_ptr<ui::MainWindow> open(const QString& user, const QString& passphrase);
    QString wsDir() const { return m_dir.filePath(QStringLiteral("ws")); }

    QTemporaryDir m_dir;
    ScriptedPrompter m_prompter;
    ScriptedSupervisionPrompter m_files;
    testsupport::SupervisionDeskCounts m_desk;
    std::unique_ptr<ui::MainWindow> m_window;
    store::Workspace* m_workspace = nullptr;
};

void TestSupervisionWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QStringLiteral("en_GB")));
    auto ws = testsupport::makeCityWorkspace(wsDir(), 900);
    QVERIFY(ws);
    m_desk = testsupport::addSupervisionDesk(*ws);
    QVERIFY2(m_desk.error.isEmpty(), qPrintable(m_desk.error));
    QCOMPARE(m_desk.decisions.size(), 5);
    QVERIFY(m_desk.decisions.value(testsupport::kOutlierOfficer) >= 20);
    QVERIFY_OK(
        ws->addUser(kPrincipal, QStringLiteral("principal"), security::SecretBytes(kPrincipalPassphrase), false));
}

std::unique_ptr<ui::MainWindow> TestSupervisionWindow::open(const QString& user, const QString& passphrase)
{
    auto ws = store::Workspace::unlock(wsDir(), user, security::SecretBytes(passphrase));
    if (!ws) {
        qWarning("unlock failed: %s", qPrintable(ws.error().message));
        return nullptr;
    }
    m_workspace = ws->get();
    auto window = std::make_unique<ui::MainWindow>(
        std::make_unique<views::LocalSession>(std::move(*ws)),
        [](views::OpenCache cache) -> std::unique_ptr<views::Session> {
            return std::make_unique<views::LocalSession>(cache.take());
        },
        &m_prompter);
    window->setSupervisionPrompter(&m_files);
    window->show();
    QApplication::setActiveWindow(window.get());
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("the main window did not become active");
    return window;
}

void TestSupervisionWindow::cleanup()
{
    m_window.reset();
    m_workspace = nullptr;
}

void TestSupervisionWindow::supervisorDashboardWithTheKeyboard()
{
    m_window = open(testsupport::kSupervisor, testsupport::kSupervisorPassphrase);
    QVERIFY(m_window);
    auto* menu = m_window->menuBar()->findChild<QMenu*>(QStringLiteral("supervisionMenu"));
    QVERIFY(menu);
    QVERIFY(menu->menuAction()->isVisible());
    QTest::keyClick(m_window.get(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    ui::SupervisionWindow* d = nullptr;
    QTRY_VERIFY(d = m_window->supervisionWindow());
    QApplication::setActiveWindow(d);
    QVERIFY(QTest::qWaitForWindowActive(d));
    QTRY_VERIFY_WITH_TIMEOUT(d->shown() != nullptr, 20000);

    auto reader = m_workspace->database().openReader();
    QVERIFY_OK(reader);
    store::Connection& db = **reader;

    // The city: the figures are SupervisionReport's, and the counts made here from the applications.
    const views::SupervisionFigures& shown = d->shown()->figures;
    QCOMPARE(shown.scope.kind, views::SupervisionScope::Kind::City);
    const auto city = TEST_VALUE(views::SupervisionReport::read(db, shown.scope));
    QCOMPARE(shown.toJson().value(QStringLiteral("schools")), city.toJson().value(QStringLiteral("schools")));
    QCOMPARE(shown.toJson().value(QStringLiteral("reviewers")), city.toJson().value(QStringLiteral("reviewers")));
    const QLocale locale;
    auto tile = [&](const char* code) {
        auto* l = d->findChild<QLabel*>(QStringLiteral("tileValue_") + QLatin1String(code));
        return l ? l->text() : QStringLiteral("(no tile %1)").arg(QLatin1String(code));
    };
    const qint64 applications = count(db, QStringLiteral("SELECT count(*) FROM applications"));
    QVERIFY(applications >= 900);
    QCOMPARE(tile("applications"), locale.toString(applications));
    QCOMPARE(tile("approved"),
             locale.toString(count(db, QStringLiteral("SELECT count(*) FROM applications WHERE status = 'approved'"))));
    QCOMPARE(tile("awaiting"), locale.toString(count(db, QStringLiteral("SELECT count(*) FROM applications WHERE "
                                                                        "status IN ('submitted', 'under_review')"))));
    QCOMPARE(tile("approved"), locale.toString(city.totals.approved()));
    QCOMPARE(tile("conflicts"), locale.toString(0));
    QCOMPARE(tile("info_overdue"), locale.toString(city.totals.infoOverdue));
    QVERIFY(d->findChild<QLabel*>(QStringLiteral("supervisionGenerated"))->text().contains(QStringLiteral("371100")));

    // Seats per school: approved against the applications' statuses.
    const views::SupervisionTable* seats = d->table(QStringLiteral("school_seats"));
    QVERIFY(seats && !seats->rows.isEmpty());
    const QString school = seats->rows.first().key;
    QCOMPARE(cellText(*seats, school, QStringLiteral("approved")),
             QString::number(count(db,
                                   QStringLiteral("SELECT count(*) FROM applications WHERE target_school_id = ? AND "
                                                  "status = 'approved'"),
                                   {school})));
    // Over capacity first, then the fullest.
    for (int r = 1; r < seats->rows.size(); ++r) {
        const double a = seats->rows.at(r - 1).cells.value(seats->column(QStringLiteral("filled"))).toDouble();
        const double b = seats->rows.at(r).cells.value(seats->column(QStringLiteral("filled"))).toDouble();
        QVERIFY2(a >= b || seats->rows.at(r - 1).highlight, qPrintable(QStringLiteral("row %1").arg(r)));
    }

    // Reviewers: the decisions and overrides this test made, the outlier first and marked.
    const views::SupervisionTable* reviewers = d->table(QStringLiteral("reviewers"));
    QVERIFY(reviewers);
    QCOMPARE(reviewers->rows.size(), 5);
    QCOMPARE(reviewers->rows.first().key, testsupport::kOutlierOfficer);
    QVERIFY(reviewers->rows.first().highlight);
    QCOMPARE(reviewers->exportText(0, reviewers->column(QStringLiteral("outlier"))), QStringLiteral("Yes"));
    for (auto it = m_desk.decisions.cbegin(); it != m_desk.decisions.cend(); ++it) {
        QCOMPARE(cellText(*reviewers, it.key(), QStringLiteral("decisions")), QString::number(it.value()));
        QCOMPARE(cellText(*reviewers, it.key(), QStringLiteral("overrides")),
                 QString::number(m_desk.overrides.value(it.key())));
    }
    QVERIFY(d->findChild<QLabel*>(QStringLiteral("reviewerMethod"))->text().contains(QStringLiteral("3.5")));

    // The scope with the keyboard: Alt+O, then Down to the first district.
    QTest::keyClick(focused(), Qt::Key_O, Qt::AltModifier);
    auto* scope = d->findChild<QComboBox*>(QStringLiteral("supervisionScope"));
    QTRY_COMPARE(focused(), static_cast<QWidget*>(scope));
    QSignalSpy shownSpy(d, &ui::SupervisionWindow::figuresShown);
    QTest::keyClick(scope, Qt::Key_Down);
    QTRY_VERIFY_WITH_TIMEOUT(d->shown()->figures.scope.kind == views::SupervisionScope::Kind::District, 20000);
    const QString district = d->shown()->figures.scope.code;
    QCOMPARE(scope->currentData().toString(), district);
    const qint64 inDistrict =
        count(db,
              QStringLiteral("SELECT count(*) FROM applications a JOIN schools s ON s.id = a.target_school_id WHERE "
                             "s.district_code = ?"),
              {district});
    QVERIFY(inDistrict > 0);
    QCOMPARE(tile("applications"), locale.toString(inDistrict));
    QVERIFY(d->findChild<QLabel*>(QStringLiteral("supervisionGenerated"))->text().contains(district));
    const views::SupervisionTable* districtSeats = d->table(QStringLiteral("school_seats"));
    QVERIFY(!districtSeats->rows.isEmpty());
    const QString districtSchool = districtSeats->rows.first().key;
    for (const views::SupervisionRow& r : districtSeats->rows)
        QCOMPARE(r.cells.value(districtSeats->column(QStringLiteral("district_code"))).toString(), district);

    // Export the schools' seats: Ctrl+2, the schools table, Ctrl+E; first to CSV.
    QSignalSpy exported(d, &ui::SupervisionWindow::exported);
    QTest::keyClick(focused(), Qt::Key_2, Qt::ControlModifier);
    QTableView* schoolsView = d->tableView(QStringLiteral("school_seats"));
    schoolsView->setFocus();
    QTRY_COMPARE(focused(), static_cast<QWidget*>(schoolsView));
    m_files.tableFile = m_dir.filePath(QStringLiteral("seats.csv"));
    QTest::keyClick(focused(), Qt::Key_E, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 20000);
    QVERIFY2(exported.last().at(0).toBool(), qPrintable(exported.last().at(2).toString()));
    QVERIFY(m_files.suggested.last().contains(QStringLiteral("supervision-school_seats-") + district));
    QFile csv(m_files.tableFile);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray bytes = csv.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), districtSeats->rows.size() + 2); // the heading, the header row, the rows
    QVERIFY(lines.at(0).contains(district));
    QVERIFY(lines.at(1).startsWith(QStringLiteral("School,Name,District,Capacity,Approved")));
    const qint64 schoolApproved = count(
        db, QStringLiteral("SELECT count(*) FROM applications WHERE target_school_id = ? AND status = 'approved'"),
        {districtSchool});
    const QStringList first = lines.at(2).split(u',');
    QCOMPARE(first.value(0), districtSchool);
    QCOMPARE(first.value(4), QString::number(schoolApproved));

    // Then to XLSX: the school's row holds its id as text and its approvals as a number.
    m_files.tableFile = m_dir.filePath(QStringLiteral("seats.xlsx"));
    QTest::keyClick(focused(), Qt::Key_E, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 2, 20000);
    QVERIFY2(exported.last().at(0).toBool(), qPrintable(exported.last().at(2).toString()));
    const QString sheet = unzip(m_files.tableFile, QStringLiteral("xl/worksheets/sheet1.xml"));
    const QString strings = unzip(m_files.tableFile, QStringLiteral("xl/sharedStrings.xml"));
    QVERIFY2(!sheet.isEmpty(), "no sheet in the workbook (is unzip installed?)");
    QStringList shared;
    QRegularExpression si(QStringLiteral("<si><t[^>]*>([^<]*)</t></si>"));
    for (auto it = si.globalMatch(strings); it.hasNext();)
        shared << it.next().captured(1);
    const qsizetype idIndex = shared.indexOf(districtSchool);
    QVERIFY2(idIndex >= 0, qPrintable(strings.left(500)));
    const QRegularExpression idCell(QStringLiteral("<c r=\"A(\\d+)\"[^>]*t=\"s\"[^>]*><v>%1</v></c>").arg(idIndex));
    const auto idMatch = idCell.match(sheet);
    QVERIFY2(idMatch.hasMatch(), qPrintable(sheet.left(800)));
    const QString row = idMatch.captured(1);
    const QRegularExpression approvedCell(QStringLiteral("<c r=\"E%1\"[^>]*><v>([0-9.]+)</v></c>").arg(row));
    const auto approvedMatch = approvedCell.match(sheet);
    QVERIFY2(approvedMatch.hasMatch(), qPrintable(sheet.left(800)));
    QCOMPARE(approvedMatch.captured(1).toLongLong(), schoolApproved);

    // The dashboard report: Ctrl+P; dated, naming its scope, a school of it.
    const QString missing = testsupport::missingPdfTools(false);
    m_files.reportFile = m_dir.filePath(QStringLiteral("dashboard.pdf"));
    QTest::keyClick(focused(), Qt::Key_P, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 3, 60000);
    QVERIFY2(exported.last().at(0).toBool(), qPrintable(exported.last().at(2).toString()));
    QVERIFY(QFile::exists(m_files.reportFile));
    if (missing.isEmpty()) {
        QString error;
        const QString text = testsupport::pdfText(m_files.reportFile, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(text.contains(QStringLiteral("Supervision report")));
        QVERIFY(text.contains(district));
        QVERIFY(text.contains(districtSchool));
        QVERIFY(text.contains(QDate::currentDate().toString(Qt::ISODate)));
    } else {
        qWarning("not reading the PDF back: %s missing", qPrintable(missing));
    }

    // Each export is in the audit log: codes and counts, never a name.
    QCOMPARE(count(db,
                   QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'supervision.export' AND "
                                  "subject LIKE ?"),
                   {QStringLiteral("table=school_seats format=%scope=district:") + district}),
             2);
    QCOMPARE(count(db,
                   QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'supervision.report' AND "
                                  "subject LIKE ?"),
                   {QStringLiteral("%format=pdf%") + district}),
             1);

    // Drill-down. A school (double-click): its approved applications.
    QSignalSpy drills(d, &ui::SupervisionWindow::drillDownRequested);
    // The main window shows the queue of a drill-down (MainWindow::showQueueQuery) and comes to the front;
    // the supervisor goes back to the dashboard.
    auto backToDashboard = [&](const views::QueueQuery& query) {
        views::QueueModel* queue = m_window->queuePane()->model();
        if (!QTest::qWaitFor([&] { return queue->query() == query && !queue->isCounting(); }, 20000))
            return false;
        if (!QTest::qWaitForWindowActive(m_window.get()))
            return false;
        QApplication::setActiveWindow(d);
        return QTest::qWaitForWindowActive(d);
    };
    schoolsView->setCurrentIndex(schoolsView->model()->index(0, 0));
    const QRect cellRect = schoolsView->visualRect(schoolsView->model()->index(0, 0));
    // A click, then the double-click (Qt 6's QTest tells a double-click from the click before it).
    QTest::mouseClick(schoolsView->viewport(), Qt::LeftButton, {}, cellRect.center());
    QTest::mouseDClick(schoolsView->viewport(), Qt::LeftButton, {}, cellRect.center());
    QTRY_COMPARE(drills.size(), 1);
    views::QueueQuery expected;
    expected.bin = views::Bin::Approved;
    expected.filter.schoolId = districtSchool;
    QCOMPARE(drills.last().at(0).value<views::QueueQuery>(), expected);
    QVERIFY(backToDashboard(expected));

    // An officer (Ctrl+5, Enter on the first row): their overrides in the district.
    QTest::keyClick(focused(), Qt::Key_5, Qt::ControlModifier);
    QTableView* officers = d->tableView(QStringLiteral("reviewers"));
    QTRY_COMPARE(focused(), static_cast<QWidget*>(officers));
    QTest::keyClick(officers, Qt::Key_Home);
    QTRY_VERIFY(officers->currentIndex().isValid());
    const QString officer = d->table(QStringLiteral("reviewers"))->rows.at(officers->currentIndex().row()).key;
    QTest::keyClick(officers, Qt::Key_Return);
    QTRY_COMPARE(drills.size(), 2);
    expected = {};
    expected.bin = views::Bin::Approved;
    expected.filter.districtCode = district;
    expected.filter.officer = officer;
    expected.filter.overridesOnly = true;
    QCOMPARE(drills.last().at(0).value<views::QueueQuery>(), expected);
    QVERIFY(backToDashboard(expected));

    // A flag (Ctrl+4, the flags table, Enter on the third): the flag's bit, the Flagged bin.
    QTest::keyClick(focused(), Qt::Key_4, Qt::ControlModifier);
    QTableView* flags = d->tableView(QStringLiteral("flags"));
    QTRY_COMPARE(focused(), static_cast<QWidget*>(flags));
    QTest::keyClick(flags, Qt::Key_Home);
    QTest::keyClick(flags, Qt::Key_Down);
    QTest::keyClick(flags, Qt::Key_Down);
    QCOMPARE(flags->currentIndex().row(), 2);
    QTest::keyClick(flags, Qt::Key_Enter);
    QTRY_COMPARE(drills.size(), 3);
    expected = {};
    expected.bin = views::Bin::Flagged;
    expected.filter.districtCode = district;
    expected.filter.flagMask = qint64(1) << 2;
    QCOMPARE(drills.last().at(0).value<views::QueueQuery>(), expected);
    QVERIFY(backToDashboard(expected));

    // Back to the city (Alt+O, Up): the district's row in the district table drills to the district.
    QTest::keyClick(focused(), Qt::Key_O, Qt::AltModifier);
    QTRY_COMPARE(focused(), static_cast<QWidget*>(scope));
    QTest::keyClick(scope, Qt::Key_Up);
    QTRY_VERIFY_WITH_TIMEOUT(d->shown()->figures.scope.kind == views::SupervisionScope::Kind::City, 20000);
    QTest::keyClick(focused(), Qt::Key_2, Qt::ControlModifier);
    QTableView* districts = d->tableView(QStringLiteral("district_seats"));
    districts->setFocus();
    QTRY_COMPARE(focused(), static_cast<QWidget*>(districts));
    const int districtRow = static_cast<views::SupervisionTableModel*>(districts->model())->rowOf(district);
    QVERIFY(districtRow >= 0);
    districts->setCurrentIndex(districts->model()->index(districtRow, 0));
    QTest::keyClick(districts, Qt::Key_Return);
    QTRY_COMPARE(drills.size(), 4);
    expected = {};
    expected.bin = views::Bin::Approved;
    expected.filter.districtCode = district;
    QCOMPARE(drills.last().at(0).value<views::QueueQuery>(), expected);
    QVERIFY(backToDashboard(expected));

    // Locking closes the dashboard with the session.
    m_window->lock();
    QTRY_VERIFY(!m_window->supervisionWindow());
}

// A dashboard over a session of its own: a change of the cache (as a sync makes) is shown without
// asking, the selected row and the scroll position kept.
void TestSupervisionWindow::refreshAfterAChangeKeepsTheSelection()
{
    auto ws = store::Workspace::unlock(wsDir(), testsupport::kSupervisor,
                                       security::SecretBytes(testsupport::kSupervisorPassphrase));
    QVERIFY_OK(ws);
    store::Workspace* workspace = ws->get();
    views::LocalSession session(std::move(*ws));
    {
        ui::SupervisionWindow d(session, m_files);
        d.resize(1366, 740);
        d.show();
        QTRY_VERIFY_WITH_TIMEOUT(d.shown() != nullptr, 20000);
        QTableView* view = d.tableView(QStringLiteral("school_seats"));
        auto* model = static_cast<views::SupervisionTableModel*>(view->model());
        QVERIFY(model->rowCount() > 20);
        const int row = 15;
        view->setCurrentIndex(model->index(row, 1));
        view->scrollTo(model->index(row, 1), QAbstractItemView::PositionAtTop);
        const int scrolled = view->verticalScrollBar()->value();
        const QString school = model->index(row, 0).data(views::SupervisionTableModel::KeyRole).toString();

        // Another application of a school approved: the figures move by one.
        store::Connection& w = workspace->database().writer();
        auto q = w.prepare(QStringLiteral(
            "SELECT id, data, version FROM applications WHERE status = 'submitted' ORDER BY id LIMIT 1"));
        QVERIFY_OK(q);
        QVERIFY(q->step());
        const QString id = q->text(0);
        QJsonObject data = testsupport::nextVersion(q->utf8(1), q->int64(2));
        q->reset();
        const qint64 before = d.shown()->figures.totals.approved();
        data.insert(QStringLiteral("status"), QStringLiteral("approved"));
        const QString applied = testsupport::applyApplications(*workspace, {{id, data}});
        QVERIFY2(applied.isEmpty(), qPrintable(applied));
        Q_EMIT session.cacheChanged();
        QTRY_COMPARE_WITH_TIMEOUT(d.shown()->figures.totals.approved(), before + 1, 20000);
        auto* approved = d.findChild<QLabel*>(QStringLiteral("tileValue_approved"));
        QCOMPARE(approved->text(), QLocale().toString(before + 1));
        // The same school still selected, where it was on the screen.
        QCOMPARE(view->currentIndex().data(views::SupervisionTableModel::KeyRole).toString(), school);
        QCOMPARE(view->currentIndex().column(), 1);
        QCOMPARE(view->verticalScrollBar()->value(), scrolled);

        // The spin box of the Quality tab: schools without a decision for that many days.
        auto* days = d.findChild<QSpinBox*>(QStringLiteral("stalledDays"));
        QVERIFY(days);
        QCOMPARE(days->value(), 3);
        const qsizetype stalled3 = d.table(QStringLiteral("stalled"))->rows.size();
        days->setValue(365);
        QVERIFY(d.table(QStringLiteral("stalled"))->rows.size() <= stalled3);
        for (const views::SupervisionRow& r : d.table(QStringLiteral("stalled"))->rows)
            QVERIFY(r.cells.value(6).isNull() || r.cells.value(6).toLongLong() >= 365);
        d.shutdown();
    }
    (void)session.close();
}

// A principal opens the same dashboard from the main window: the figures of the first school the cache
// holds (a principal's workstation holds only the schools of the account), the other schools to choose
// from and no district or city; a district asked for anyway is refused and the school's figures stay.
void TestSupervisionWindow::principalSeesTheirSchools()
{
    m_window = open(kPrincipal, kPrincipalPassphrase);
    QVERIFY(m_window);
    QTest::keyClick(m_window.get(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    ui::SupervisionWindow* d = nullptr;
    QTRY_VERIFY(d = m_window->supervisionWindow());
    QTRY_VERIFY_WITH_TIMEOUT(d->shown() != nullptr, 20000);

    auto reader = m_workspace->database().openReader();
    QVERIFY_OK(reader);
    store::Connection& db = **reader;
    const QStringList held = TEST_VALUE(views::SupervisionReport::heldSchools(db));
    QVERIFY(held.size() > 2);
    const views::SupervisionFigures& shown = d->shown()->figures;
    QCOMPARE(shown.scope.kind, views::SupervisionScope::Kind::School);
    QCOMPARE(shown.scope.code, held.first());
    QCOMPARE(shown.totals.applications(),
             count(db, QStringLiteral("SELECT count(*) FROM applications WHERE target_school_id = ?"), {held.first()}));
    QCOMPARE(shown.totals.approved(), count(db,
                                            QStringLiteral("SELECT count(*) FROM applications WHERE "
                                                           "target_school_id = ? AND status = 'approved'"),
                                            {held.first()}));

    // The chooser: the schools held, nothing wider.
    auto* scope = d->findChild<QComboBox*>(QStringLiteral("supervisionScope"));
    QVERIFY(scope->isEnabled());
    QStringList offered;
    for (int i = 0; i < scope->count(); ++i)
        offered << scope->itemData(i).toString();
    QCOMPARE(offered, held);

    // The next school with the keyboard.
    QTest::keyClick(focused(), Qt::Key_O, Qt::AltModifier);
    QTRY_COMPARE(focused(), static_cast<QWidget*>(scope));
    QTest::keyClick(scope, Qt::Key_Down);
    QTRY_COMPARE_WITH_TIMEOUT(d->shown()->figures.scope.code, held.at(1), 20000);

    // A district asked for anyway: refused in words, the school's figures and chooser kept.
    const QString district = d->shown()->figures.scope.districtCode;
    QVERIFY(!district.isEmpty());
    QSignalSpy shownSpy(d, &ui::SupervisionWindow::figuresShown);
    d->setScope(district);
    QTRY_VERIFY_WITH_TIMEOUT(d->message().contains(QStringLiteral("principal reads the figures of the school")), 20000);
    QCOMPARE(shownSpy.count(), 0);
    QCOMPARE(d->shown()->figures.scope.code, held.at(1));
    QCOMPARE(scope->currentData().toString(), held.at(1));
}

void TestSupervisionWindow::reviewerHasNoDashboard()
{
    m_window = open(testsupport::kReviewer, testsupport::kPassphrase);
    QVERIFY(m_window);
    QVERIFY(!m_window->findChild<QAction*>(QStringLiteral("supervisionAction")));
    for (QAction* a : m_window->menuBar()->actions())
        QVERIFY2(!a->menu() || a->menu()->objectName() != QLatin1String("supervisionMenu"), "a Supervision menu");
    QTest::keyClick(m_window.get(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!m_window->supervisionWindow());
}

QTEST_MAIN(TestSupervisionWindow)
#include "tst_supervisionwindow.moc"
