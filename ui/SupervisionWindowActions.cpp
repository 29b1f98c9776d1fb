// SupervisionWindow: what it does besides showing the figures: drill-down to the queue, the tables'
// context menu, the exports of a table (CSV, XLSX: written off the GUI thread) and the dashboard report
// (PDF: its charts are painted, on the GUI thread), each recorded in the audit log before the file is
// put in place.
#include "SupervisionReportPdf.h"
#include "SupervisionWindow.h"
#include "views/QueueExportJob.h"
#include "views/Session.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QStandardPaths>
#include <QTableView>
#include <QThread>
#include <cstdio>
#include <memory>

namespace adm::ui {

std::optional<QString> DialogSupervisionPrompter::askTableFile(QWidget* parent, const QString& suggested)
{
    QString selected = suggested.endsWith(QLatin1String(".csv")) ? SupervisionWindow::tr("CSV (*.csv)")
                                                                 : SupervisionWindow::tr("Excel workbook (*.xlsx)");
    const QString path = QFileDialog::getSaveFileName(parent, SupervisionWindow::tr("Export table"), suggested,
                                                      SupervisionWindow::tr("Excel workbook (*.xlsx)") +
                                                          QStringLiteral(";;") + SupervisionWindow::tr("CSV (*.csv)"),
                                                      &selected);
    if (path.isEmpty())
        return std::nullopt;
    // The filter chosen gives the suffix when the name has none.
    if (QFileInfo(path).suffix().isEmpty())
        return path + (selected.contains(QLatin1String("csv")) ? QStringLiteral(".csv") : QStringLiteral(".xlsx"));
    return path;
}

std::optional<QString> DialogSupervisionPrompter::askReportFile(QWidget* parent, const QString& suggested)
{
    const QString path = QFileDialog::getSaveFileName(parent, SupervisionWindow::tr("Dashboard report"), suggested,
                                                      SupervisionWindow::tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return std::nullopt;
    return QFileInfo(path).suffix().isEmpty() ? path + QStringLiteral(".pdf") : path;
}

void SupervisionWindow::drill(const QString& code, int row)
{
    if (!m_read)
        return;
    const views::SupervisionTable* t = table(code);
    if (!t)
        return;
    const auto query = views::SupervisionTables::drillQuery(*t, row, m_read->figures.scope);
    if (!query)
        return;
    Q_EMIT drillDownRequested(*query);
}

void SupervisionWindow::showTableMenu(const QString& code, const QPoint& globalPos)
{
    const Table entry = m_tables.value(code);
    if (!entry.view)
        return;
    m_tabTable.insert(entry.tab, code);
    QMenu menu(this);
    const QModelIndex current = entry.view->currentIndex();
    QAction* open = menu.addAction(tr("&Open the matching queue"));
    open->setEnabled(current.isValid() && m_read &&
                     views::SupervisionTables::drillQuery(entry.model->table(), current.row(), m_read->figures.scope));
    QAction* exportAction = menu.addAction(tr("&Export table…"));
    exportAction->setEnabled(entry.model->rowCount() > 0 && m_session && !m_busy);
    QAction* chosen = menu.exec(globalPos);
    if (chosen == open)
        drill(code, current.row());
    else if (chosen == exportAction)
        exportTable(code);
}

QString SupervisionWindow::exportFolder() const
{
    if (!m_lastFolder.isEmpty())
        return m_lastFolder;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

QString SupervisionWindow::heading(const QString& title) const
{
    if (!m_read)
        return title;
    const views::SupervisionFigures& f = m_read->figures;
    return tr("%1 — %2 — generated at %3", "table title, scope, time")
        .arg(title, views::SupervisionTables::scopeText(f.scope, m_read->schoolNames),
             QLocale().toString(f.generatedAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm")));
}

void SupervisionWindow::exportCurrentTable()
{
    QString code;
    for (auto it = m_tables.cbegin(); it != m_tables.cend(); ++it)
        if (it->view->hasFocus())
            code = it.key();
    if (code.isEmpty())
        code = m_tabTable.value(m_tabs->currentIndex());
    exportTable(code);
}

void SupervisionWindow::exportTable(const QString& code)
{
    const views::SupervisionTable* t = table(code);
    if (!m_session || !m_read || !t)
        return;
    if (m_busy) {
        showMessage(tr("An export is being written; try again in a moment."));
        return;
    }
    const views::SupervisionScope scope = m_read->figures.scope;
    const QString suggested = QDir(exportFolder())
                                  .filePath(views::SupervisionTables::defaultFileName(
                                      code, scope, QDateTime::currentDateTime(), QStringLiteral("xlsx")));
    const std::optional<QString> chosen = m_prompter.askTableFile(this, suggested);
    if (!chosen)
        return;
    const QString path = *chosen;
    const QString format = QFileInfo(path).suffix().toLower();
    if (format != QLatin1String("csv") && format != QLatin1String("xlsx")) {
        showMessage(tr("Choose a file ending in .csv or .xlsx."), Tone::Error);
        Q_EMIT exported(false, path, message());
        return;
    }
    m_lastFolder = QFileInfo(path).absolutePath();
    m_busy = true;
    showMessage(tr("Writing %1…").arg(QDir::toNativeSeparators(path)));
    const QString temp = views::exportTempPath(path);
    const views::SupervisionTable copy = *t;
    const QString title = heading(t->title);
    const QString subject = views::SupervisionTables::auditSubject(code, format, t->rows.size(), scope);
    auto result = std::make_shared<Status>();
    // The file is written off the GUI thread; the thread deletes itself when done.
    QThread* thread = QThread::create([result, temp, copy, title, csv = format == QLatin1String("csv")] {
        *result = csv ? views::SupervisionTableWriter::writeCsv(temp, copy, title)
                      : views::SupervisionTableWriter::writeXlsx(temp, copy, title);
    });
    thread->setObjectName(QStringLiteral("supervision export"));
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(thread, &QThread::finished, this, [this, result, temp, path, subject] {
        if (!*result) {
            QFile::remove(temp);
            m_busy = false;
            showMessage(result->error().message, Tone::Error);
            Q_EMIT exported(false, path, message());
            return;
        }
        finishExport(temp, path, QStringLiteral("supervision.export"), subject);
    });
    thread->start(QThread::LowPriority);
}

void SupervisionWindow::writeReport()
{
    if (!m_session || !m_read)
        return;
    if (m_busy) {
        showMessage(tr("An export is being written; try again in a moment."));
        return;
    }
    const views::SupervisionScope scope = m_read->figures.scope;
    const QString suggested =
        QDir(exportFolder())
            .filePath(views::SupervisionTables::defaultFileName(QStringLiteral("report"), scope,
                                                                QDateTime::currentDateTime(), QStringLiteral("pdf")));
    const std::optional<QString> chosen = m_prompter.askReportFile(this, suggested);
    if (!chosen)
        return;
    const QString path = *chosen;
    m_lastFolder = QFileInfo(path).absolutePath();
    m_busy = true;
    showMessage(tr("Writing %1…").arg(QDir::toNativeSeparators(path)));
    SupervisionReportPdf::Input input;
    input.read = *m_read;
    input.tiles = views::SupervisionTables::tiles(m_read->figures);
    input.method = views::SupervisionTables::methodText(m_read->figures.method);
    for (const QString& code :
         {QStringLiteral("daily"), QStringLiteral("district_seats"), QStringLiteral("school_seats"),
          QStringLiteral("category_mix"), QStringLiteral("channels"), QStringLiteral("flags"),
          QStringLiteral("quality"), QStringLiteral("stalled"), QStringLiteral("reviewers")})
        if (const views::SupervisionTable* t = table(code))
            input.tables.append(*t);
    const QString temp = views::exportTempPath(path);
    // Charts are painted: on the GUI thread (a few hundred milliseconds).
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status written = SupervisionReportPdf::write(temp, input);
    QApplication::restoreOverrideCursor();
    if (!written) {
        QFile::remove(temp);
        m_busy = false;
        showMessage(written.error().message, Tone::Error);
        Q_EMIT exported(false, path, message());
        return;
    }
    qint64 rows = 0;
    for (const views::SupervisionTable& t : std::as_const(input.tables))
        rows += t.rows.size();
    finishExport(
        temp, path, QStringLiteral("supervision.report"),
        views::SupervisionTables::auditSubject(QStringLiteral("dashboard"), QStringLiteral("pdf"), rows, scope));
}

// Recorded in the audit log before the file is in place: an export nobody recorded never appears.
void SupervisionWindow::finishExport(const QString& temp, const QString& path, const QString& action,
                                     const QString& subject)
{
    if (!m_session) {
        QFile::remove(temp);
        m_busy = false;
        return;
    }
    views::recordSupervisionExport(*m_session, action, subject, this, [this, temp, path](Status s) {
        m_busy = false;
        if (!s) {
            QFile::remove(temp);
            showMessage(s.error().message, Tone::Error);
            Q_EMIT exported(false, path, message());
            return;
        }
        // rename(2) replaces an existing file in one step.
        if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(path).constData()) != 0) {
            QFile::remove(temp);
            showMessage(tr("Cannot write %1. Choose another folder.").arg(QDir::toNativeSeparators(path)), Tone::Error);
            Q_EMIT exported(false, path, message());
            return;
        }
        showMessage(tr("Written: %1").arg(QDir::toNativeSeparators(path)), Tone::Ok);
        Q_EMIT exported(true, path, message());
    });
}

} // namespace adm::ui
