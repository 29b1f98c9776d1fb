#include "CityFixture.h"
#include "MainWindow.h"
#include "QueuePane.h"
#include "ResultCheck.h"
#include "ScriptedPrompter.h"
#include "store/Workspace.h"
#include "views/LocalSession.h"
#include "views/OpenCache.h"
#include "views/QueueExportJob.h"
#include "views/QueueModel.h"
#include "views/QueueReader.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QPrinter>
#include <QProcess>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace adm;
using namespace adm::views;

// Work on many at once, driven through the main window (offscreen, real widgets, real SQLCipher):
// rows selected with Ctrl+click are approved in one step where clean (Ctrl+Shift+A), a set over a
// school's seats is refused whole, and Ctrl+E exports exactly the filtered view.
class TestBatchExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void approveCleanOfSelection();
    void overCapacityIsRefusedWhole();
    void exportFilteredView();
    void printPaintsTheViewsPages();

private:
    QString open(ScriptedPrompter& prompter);
    void selectRows(int first, int last);
    qint64 count(const QString& sql);

    QTemporaryDir m_dir;
    QTemporaryDir m_out;
    std::unique_ptr<ui::MainWindow> m_window;
    store::Workspace* m_ws = nullptr;
    QTableView* m_table = nullptr;
    QueueModel* m_model = nullptr;
};

void TestBatchExport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(testsupport::makeCityWorkspace(m_dir.path(), 1500));
}

void TestBatchExport::cleanup()
{
    m_window.reset();
}

QString TestBatchExport::open(ScriptedPrompter& prompter)
{
    auto ws = store::Workspace::unlock(m_dir.path(), testsupport::kReviewer, testsupport::kPassphrase);
    if (!ws)
        return ws.error().message;
    m_ws = ws->get();
    m_window = std::make_unique<ui::MainWindow>(
        std::make_unique<LocalSession>(std::move(*ws)),
        [](views::OpenCache cache) -> std::unique_ptr<Session> { return std::make_unique<LocalSession>(cache.take()); },
        &prompter);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    if (!QTest::qWaitForWindowActive(m_window.get()))
        return QStringLiteral("the window did not become active");
    m_table = m_window->findChild<QTableView*>(QStringLiteral("queueTable"));
    m_model = m_table ? qobject_cast<QueueModel*>(m_table->model()) : nullptr;
    if (!m_model)
        return QStringLiteral("no queue model");
    if (!QTest::qWaitFor([&] { return !m_model->isCounting() && m_model->rowCount() > 20; }, 10000))
        return QStringLiteral("the queue was not counted");
    if (!QTest::qWaitFor([&] { return m_model->data(m_model->index(19, 0), QueueModel::LoadedRole).toBool(); }, 5000))
        return QStringLiteral("the first rows did not load");
    m_table->setFocus();
    return {};
}

// Click on the first row, Ctrl+click on each next one, as a reviewer does.
void TestBatchExport::selectRows(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const QRect r = m_table->visualRect(m_model->index(row, 0));
        QTest::mouseClick(m_table->viewport(), Qt::LeftButton, row == first ? Qt::NoModifier : Qt::ControlModifier,
                          r.center());
    }
}

qint64 TestBatchExport::count(const QString& sql)
{
    auto v = m_ws->database().writer().scalar(sql);
    return v ? v->toLongLong() : -1;
}

void TestBatchExport::approveCleanOfSelection()
{
    ScriptedPrompter prompter;
    const QString error = open(prompter);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY_OK(m_ws->database().writer().exec(QStringLiteral("UPDATE schools SET capacity = 100000")));
    selectRows(0, 11);
    QCOMPARE(m_table->selectionModel()->selectedRows().size(), 12);
    QCOMPARE(m_table->currentIndex().row(), 11); // the current row is the one clicked last
    QStringList selected;
    for (int row = 0; row < 12; ++row)
        selected << m_model->applicationIdAt(row);
    const qint64 outbox = count(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'"));
    const qint64 audits = count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'decision.make'"));
    const int rows = m_model->rowCount();

    QTest::keyClick(m_table, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(prompter.asked.contains(QStringLiteral("batch approve %1").arg(prompter.lastPlan.clean.size())));
    const views::BatchPlan plan = prompter.lastPlan;
    QCOMPARE(plan.selected, 12);
    QCOMPARE(int(plan.clean.size()) + plan.skippedCount(), 12);
    QVERIFY2(!plan.clean.isEmpty(), "no clean application among the first rows");
    for (const QString& id : plan.clean)
        QVERIFY(selected.contains(id));
    const qint64 n = plan.clean.size();
    QTRY_COMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'")), outbox + n);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'decision.make'")), audits + n);
    for (const QString& id : plan.clean)
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending' AND subject_id = '%1'").arg(id)),
            qint64(1));
    // Only the current row stays selected: the selected rows now hold other applications.
    QTRY_COMPARE(m_table->selectionModel()->selectedRows().size(), 1);
    // The approved ones leave the To review bin.
    QTRY_VERIFY(!m_model->isCounting() && m_model->rowCount() == rows - n);
    // The rows shown are read again a moment after the count.
    const auto noneApprovedShown = [&] {
        for (int row = 0; row < std::min(20, m_model->rowCount()); ++row)
            if (plan.clean.contains(testsupport::queueText(*m_model, row, Column::Number)))
                return false;
        return true;
    };
    QTRY_VERIFY(noneApprovedShown());

    // Ctrl+Z takes back one approval, the last.
    QTest::keyClick(m_table, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'")), outbox + n - 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'dropped' AND subject_id = '%1'")
                       .arg(plan.clean.last())),
             qint64(1));
}

void TestBatchExport::overCapacityIsRefusedWhole()
{
    ScriptedPrompter prompter;
    const QString error = open(prompter);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Every school full: whatever is clean would go over.
    QVERIFY_OK(m_ws->database().writer().exec(QStringLiteral("UPDATE schools SET capacity = 1")));
    selectRows(0, 15);
    const qint64 outbox = count(QStringLiteral("SELECT count(*) FROM outbox"));
    const qint64 audits = count(QStringLiteral("SELECT count(*) FROM audit_log"));
    QTest::keyClick(m_table, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(prompter.asked.size() == 1 && prompter.asked.first().startsWith(QStringLiteral("batch approve")));
    QVERIFY(!prompter.lastPlan.clean.isEmpty());
    QVERIFY(prompter.lastPlan.overCapacity());
    // The scripted answer approves anyway: the writer refuses the whole set, with the sentence.
    QTRY_COMPARE(prompter.informed.size(), 1);
    QVERIFY2(prompter.informed.first().contains(QStringLiteral("would go over by")),
             qPrintable(prompter.informed.first()));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox")), outbox);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log")), audits);
    QVERIFY_OK(m_ws->database().writer().exec(QStringLiteral("UPDATE schools SET capacity = 100000")));
}

void TestBatchExport::exportFilteredView()
{
    ScriptedPrompter prompter;
    const QString path = m_out.filePath(QStringLiteral("counter.csv"));
    prompter.exportAnswer = ExportRequest{{}, QueueExport::Format::Csv, path, false, {}};
    const QString error = open(prompter);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    auto* channel = m_window->findChild<QComboBox*>(QStringLiteral("channelFilter"));
    channel->setCurrentIndex(channel->findData(QStringLiteral("counter")));
    QTRY_VERIFY(!m_model->isCounting() && m_model->query().filter.channel == QLatin1String("counter"));
    QVERIFY(m_model->rowCount() > 0);
    QStringList view;
    for (int row = 0; row < m_model->rowCount(); ++row)
        view << testsupport::queueText(*m_model, row, Column::Number);

    QTest::keyClick(m_table, Qt::Key_E, Qt::ControlModifier);
    QTRY_VERIFY(prompter.asked.contains(QStringLiteral("export")));
    QCOMPARE(prompter.lastExport.rows, qint64(view.size()));
    QVERIFY2(prompter.lastExport.heading.filters.contains(QStringLiteral("Counter")),
             qPrintable(prompter.lastExport.heading.filters));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 30000);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QStringList lines = QString::fromUtf8(file.readAll().mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QVERIFY(!lines.isEmpty());
    lines.removeFirst();
    QStringList ids;
    for (const QString& line : lines)
        ids << line.section(u',', 0, 0);
    QCOMPARE(ids, view);
}

// Print… paints with the PDF's code on a QPrinter: here one that prints to a PDF file, read back.
void TestBatchExport::printPaintsTheViewsPages()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext is not installed (poppler-utils; scripts/common.sh installs it)");
    auto ws = store::Workspace::unlock(m_dir.path(), testsupport::kReviewer, testsupport::kPassphrase);
    QVERIFY_OK(ws);
    m_ws = ws->get();
    LocalSession session(std::move(*ws));
    QueueQuery query;
    query.bin = Bin::Flagged;
    query.filter.channel = QStringLiteral("counter");
    auto reader = m_ws->database().openReader();
    QVERIFY_OK(reader);
    auto rows = QueueReader(**reader).firstRows(query, 100000);
    QVERIFY_OK(rows);
    QVERIFY(!rows->isEmpty());

    const QString path = m_out.filePath(QStringLiteral("printed.pdf"));
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setPageOrientation(QPageLayout::Landscape);
    QueueExportJob job(session);
    std::optional<bool> ok;
    qint64 printed = 0;
    connect(&job, &QueueExportJob::finished, this, [&](bool done, qint64 n, const QString&, const QString&) {
        ok = done;
        printed = n;
    });
    job.startPrint(query, &printer);
    QTRY_VERIFY_WITH_TIMEOUT(ok.has_value(), 30000);
    QVERIFY(*ok);
    QCOMPARE(printed, qint64(rows->size()));

    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    QVERIFY(pdftotext.waitForFinished(60000));
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
    qsizetype at = 0;
    for (const QueueRow& r : *rows) {
        const qsizetype found = text.indexOf(r.applicationId, at);
        QVERIFY2(found >= 0, qPrintable(r.applicationId));
        at = found + 1;
    }
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'queue.print' AND subject = "
                                  "'format=print rows=%1 bin=flagged ids=masked'")
                       .arg(rows->size())),
             qint64(1));
}

QTEST_MAIN(TestBatchExport)
#include "tst_batchexport.moc"
