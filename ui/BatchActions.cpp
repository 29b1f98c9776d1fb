#include "BatchActions.h"

#include "ExportDialog.h"
#include "Prompter.h"
#include "QueuePane.h"
#include "QueueTableView.h"
#include "security/Roles.h"
#include "views/BatchApproval.h"
#include "views/DecisionService.h"
#include "views/QueueModel.h"
#include "views/ReaderThread.h"
#include "views/Session.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QWidget>
#include <algorithm>

namespace adm::ui {

BatchActions::BatchActions(QWidget* window, QueuePane& queue, Prompter& prompter, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_queue(queue)
    , m_prompter(prompter)
{
    auto make = [this](const char* name, const QKeySequence& key, void (BatchActions::*slot)()) {
        auto* action = new QAction(m_window);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(key);
        action->setEnabled(false);
        connect(action, &QAction::triggered, this, slot);
        m_window->addAction(action); // the keys work wherever the focus is in the window
        return action;
    };
    m_approveClean =
        make("approveCleanAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), &BatchActions::approveClean);
    m_export = make("exportViewAction", QKeySequence(Qt::CTRL | Qt::Key_E), &BatchActions::exportView);
    m_print = make("printViewAction", QKeySequence::Print, &BatchActions::printView);
    retranslate();
}

BatchActions::~BatchActions() = default;

void BatchActions::offerApproval(bool offered)
{
    // Like the window's decision keys: for a role that may not decide, no action and no shortcut.
    m_approvalOffered = offered;
    if (offered)
        m_window->addAction(m_approveClean);
    else
        m_window->removeAction(m_approveClean);
    m_approveClean->setVisible(offered);
    m_approveClean->setEnabled(offered && m_decisions);
}

void BatchActions::setSession(views::Session* session, views::DecisionService* decisions)
{
    // A running export reads through the session: it stops (its file removed) before the session goes.
    delete m_run;
    m_busy = false;
    m_reads.reset();
    m_session = session;
    m_decisions = decisions;
    if (session)
        m_reads = std::make_unique<views::ReaderThread>(session->readers(), QStringLiteral("batch reads"));
    m_approveClean->setEnabled(m_approvalOffered && decisions);
    m_export->setEnabled(session != nullptr);
    m_print->setEnabled(session != nullptr);
}

void BatchActions::retranslate()
{
    m_approveClean->setText(tr("Approve &clean selected…"));
    m_approveClean->setToolTip(tr("Approve the selected applications whose check found the category claimed, "
                                  "eligible, with no flag (select with Shift or Ctrl)"));
    m_export->setText(tr("&Export the queue view…"));
    m_print->setText(tr("&Print the queue view…"));
}

void BatchActions::addTo(QMenu* fileMenu, QAction* before, QMenu* decisionMenu)
{
    if (fileMenu) {
        fileMenu->insertAction(before, m_export);
        fileMenu->insertAction(before, m_print);
        fileMenu->insertSeparator(before);
    }
    if (decisionMenu)
        decisionMenu->addAction(m_approveClean);
}

void BatchActions::approveClean()
{
    if (!m_session || !m_decisions || !m_reads || m_busy || !m_queue.model())
        return;
    if (!m_approvalOffered) {
        Q_EMIT message(tr("Only an admissions officer can approve."));
        return;
    }
    views::QueueModel* model = m_queue.model();
    QList<int> rows;
    for (const QModelIndex& i : m_queue.table()->selectionModel()->selectedRows())
        rows << i.row();
    std::sort(rows.begin(), rows.end());
    QVector<qint64> qids;
    for (int row : rows)
        if (const qint64 qid = model->qidAt(row); qid >= 0)
            qids << qid;
    if (qids.isEmpty()) {
        Q_EMIT message(tr("Select the applications to approve: Shift or Ctrl with a click or the arrow keys."));
        return;
    }
    if (qids.size() < rows.size()) {
        Q_EMIT message(tr("Some selected rows are still loading; select them again in a moment."));
        return;
    }
    m_busy = true;
    m_reads->run<Result<views::BatchPlan>>(
        [qids](const views::CacheView* c) { return views::BatchApproval::planForRows(c, qids); }, this,
        [this](Result<views::BatchPlan> plan) {
            m_busy = false;
            if (!plan) {
                m_prompter.inform(m_window, tr("Not approved"), plan.error().message);
                return;
            }
            if (!m_prompter.askBatchApprove(m_window, *plan) || !m_decisions || plan->clean.isEmpty())
                return; // cancelled, nothing clean, or locked meanwhile
            m_busy = true;
            m_decisions->approveBatch(plan->clean, this, [this](Result<views::BatchOutcome> r) {
                m_busy = false;
                if (!r) {
                    m_prompter.inform(m_window, tr("Not approved"), r.error().message);
                    Q_EMIT message(r.error().message);
                    return;
                }
                const int n = int(r->approved.size());
                QString text = tr("%n application(s) approved, each its own decision: Ctrl+Z takes back the last one "
                                  "until it is sent.",
                                  nullptr, n);
                if (!r->stopped.code.isEmpty()) {
                    text = tr("%n application(s) approved, then it stopped: %1", nullptr, n).arg(r->stopped.message);
                    m_prompter.inform(m_window, tr("Not all approved"), text);
                }
                // The selected rows now hold other applications (the approved left the bin): keep
                // only the current row selected, so that a second Ctrl+Shift+A acts on nothing unseen.
                if (QItemSelectionModel* selection = m_queue.table()->selectionModel())
                    selection->select(m_queue.table()->currentIndex(),
                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
                if (n > 0)
                    Q_EMIT decided(r->approved.last(), text);
                else
                    Q_EMIT message(tr("Nothing was approved: the selected applications changed meanwhile."));
            });
        });
}

void BatchActions::exportView()
{
    views::QueueModel* model = m_queue.model();
    if (!m_session || m_busy || !model)
        return;
    QString school;
    if (auto* box = m_queue.findChild<QComboBox*>(QStringLiteral("schoolFilter")); box && box->currentIndex() > 0)
        school = box->currentText();
    ExportContext context;
    context.query = model->query();
    context.rows = model->count();
    context.heading = views::QueueExport::heading(context.query, school, QDateTime::currentDateTime());
    QSettings settings;
    context.folder =
        settings
            .value(QStringLiteral("export/folder"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .toString();
    const std::optional<views::ExportRequest> request = m_prompter.askExport(m_window, context);
    if (!request || !m_session)
        return;
    settings.setValue(QStringLiteral("export/folder"), QFileInfo(request->path).absolutePath());
    m_busy = true;
    const QString path = QDir::toNativeSeparators(request->path);
    m_run = ExportRun::exportView(m_window, *m_session, *request,
                                  [this, path](bool ok, qint64 rows, const QString& code, const QString& text) {
                                      m_busy = false;
                                      if (ok)
                                          Q_EMIT message(tr("%n row(s) exported to %1.", nullptr, int(rows)).arg(path));
                                      else if (code == QLatin1String("cancelled"))
                                          Q_EMIT message(tr("Export cancelled: no file was written."));
                                      else
                                          m_prompter.inform(m_window, tr("Not exported"), text);
                                  });
}

void BatchActions::printView()
{
    views::QueueModel* model = m_queue.model();
    if (!m_session || m_busy || !model)
        return;
    m_busy = true;
    m_run = ExportRun::print(m_window, *m_session, model->query(),
                             [this](bool ok, qint64 rows, const QString& code, const QString& text) {
                                 m_busy = false;
                                 if (ok)
                                     Q_EMIT message(tr("%n row(s) sent to the printer.", nullptr, int(rows)));
                                 else if (code == QLatin1String("cancelled"))
                                     Q_EMIT message(tr("Printing cancelled."));
                                 else
                                     m_prompter.inform(m_window, tr("Not printed"), text);
                             });
    if (!m_run)
        m_busy = false; // the print dialog was cancelled
}

} // namespace adm::ui
