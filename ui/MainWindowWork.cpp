// MainWindow: what keeps the officer's work (issue 11, "nothing typed is lost"): the draft of an
// open decision dialog and the queue place across the idle lock and a crash, and quitting with
// decisions still in the outbox. Kept apart from MainWindow.cpp, which many features share.
#include "CurrentApplication.h"
#include "DecisionController.h"
#include "DetailPane.h"
#include "DraftKeeper.h"
#include "MainWindow.h"
#include "Prompter.h"
#include "QueuePane.h"
#include "views/ApplicationDetail.h"
#include "views/CacheReads.h"
#include "views/DraftStore.h"
#include "views/OpenCache.h"
#include "views/ReaderThread.h"
#include "views/SessionStatus.h"

#include <QCloseEvent>
#include <QStatusBar>

namespace adm::ui {

void MainWindow::takeWorkForLock()
{
    m_lockDraft = m_drafts->takeForLock();
    if (m_queue->isOpen())
        m_lockPlace = m_queue->state();
    m_lockedHere = true;
}

void MainWindow::keepLockedWork(const views::OpenCache& cache)
{
    // In the cache, encrypted, and nowhere else: the search may be a name or an ID number.
    if (Status s = views::DraftStore::keep(cache, m_lockDraft, m_lockPlace); !s)
        qWarning("the work at the lock was not kept: %s", qPrintable(s.error().code));
    m_lockDraft.reset();
    m_lockPlace.reset();
}

void MainWindow::resumeWork()
{
    if (!m_session)
        return;
    const bool afterLock = std::exchange(m_lockedHere, false);
    views::DraftStore::resume(*m_session, this, [this, afterLock](Result<views::DraftStore::Resumed> r) {
        if (!m_session)
            return;
        if (!r) {
            qWarning("the kept work cannot be read: %s", qPrintable(r.error().code));
            return;
        }
        // The draft is offered once the queue is back at its place (or has picked its first row),
        // so that the pane then shows the draft's application, not the queue's applicant read a
        // moment later.
        disconnect(m_queue, &QueuePane::restored, this, nullptr);
        disconnect(m_queue, &QueuePane::firstRowsShown, this, nullptr);
        if (r->draft) {
            auto offer = [this, draft = *r->draft, afterLock] {
                if (m_session)
                    offerDraft(draft, afterLock);
            };
            const auto once = Qt::ConnectionType(Qt::QueuedConnection | Qt::SingleShotConnection);
            if (r->place)
                connect(m_queue, &QueuePane::restored, this, offer, once);
            else if (!m_queue->hasShownRows())
                connect(m_queue, &QueuePane::firstRowsShown, this, offer, once);
            else
                offer();
        }
        if (r->place)
            m_queue->restore(*r->place);
    });
}

void MainWindow::offerDraft(const views::DecisionDraft& draft, bool afterLock)
{
    const DraftKeeper::Question q = DraftKeeper::offerQuestion(draft, afterLock);
    const int answer = m_prompter->choose(this, q.title, q.text, q.answers, q.escape);
    if (!m_session)
        return; // locked while asking: the draft waits in the cache
    if (answer == 0)
        resumeDraft(draft);
    else if (answer == 1)
        views::DraftStore::clear(*m_session, this);
    // "Not now": offered again at the next unlock or start.
}

void MainWindow::resumeDraft(const views::DecisionDraft& draft)
{
    const DecisionDialog::Kind kind = draft.kind == QLatin1String("reject")         ? DecisionDialog::Kind::Reject
                                      : draft.kind == QLatin1String("request_info") ? DecisionDialog::Kind::RequestInfo
                                                                                    : DecisionDialog::Kind::Approve;
    // The draft's application becomes the current one; the dialog opens once its detail is read,
    // unless the officer moved on meanwhile (the draft then waits in the cache for the next offer).
    auto* once = new QObject(this);
    connect(m_current, &CurrentApplication::detailRead, once,
            [this, once, kind, draft](const views::ApplicationDetail& d) {
                once->deleteLater();
                if (d.application.id == draft.applicationId && m_decisions)
                    m_decisions->decide(kind, d, draft);
            });
    connect(m_current, &CurrentApplication::readFailed, once, [once] { once->deleteLater(); });
    openApplication(draft.applicationId);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Locked: the outbox cannot be read, and nothing in it is lost by quitting.
    if (m_quit == QuitStep::Ready || m_quit == QuitStep::Syncing || !m_session || !m_reads) {
        m_quit = QuitStep::Ready; // a second close while the sync runs: quit anyway
        QMainWindow::closeEvent(event);
        return;
    }
    event->ignore();
    if (m_quit == QuitStep::Asking)
        return;
    m_quit = QuitStep::Asking;
    readOutbox([this](qint64 unsent) { askBeforeQuit(unsent); });
}

void MainWindow::readOutbox(const std::function<void(qint64)>& then)
{
    if (!m_reads) {
        then(-1);
        return;
    }
    m_reads->run<qint64>(
        [](const views::CacheView* c) -> qint64 {
            if (!c)
                return -1;
            auto s = views::readSessionStatus(*c);
            return s ? s->outbox : -1;
        },
        this, then);
}

void MainWindow::askBeforeQuit(qint64 unsent)
{
    if (m_quit != QuitStep::Asking)
        return; // locked meanwhile
    if (unsent <= 0) {
        quitNow();
        return;
    }
    const bool canSync = m_session && m_session->canSync() && !m_session->needsSignIn();
    QStringList answers;
    if (canSync)
        answers << tr("&Sync first and quit");
    answers << tr("&Quit anyway");
    const QString text =
        tr("%n decision(s) of yours have not been sent to the city platform yet. They stay in the encrypted cache "
           "and are sent at the next sync.",
           nullptr, int(unsent));
    const int answer = m_prompter->choose(this, tr("Decisions not sent"), text, answers, -1);
    if (m_quit != QuitStep::Asking)
        return;
    if (answer < 0) {
        m_quit = QuitStep::None;
        return;
    }
    if (canSync && answer == 0 && m_session) {
        m_quit = QuitStep::Syncing;
        statusBar()->showMessage(tr("Sending your decisions before quitting…"));
        connect(m_session.get(), &views::Session::syncFinished, this, &MainWindow::syncedBeforeQuit,
                Qt::SingleShotConnection);
        m_session->syncNow();
        return;
    }
    quitNow();
}

void MainWindow::syncedBeforeQuit(bool ok, const QString& message)
{
    if (m_quit != QuitStep::Syncing)
        return;
    readOutbox([this, ok, message](qint64 unsent) {
        if (m_quit != QuitStep::Syncing)
            return;
        if (unsent != 0) {
            const int n = int(std::max<qint64>(unsent, 0));
            m_prompter->inform(
                this, tr("Not everything was sent"),
                ok ? tr("%n decision(s) could not be sent. They wait in the outbox for the next sync.", nullptr, n)
                   : tr("The sync failed: %1. %n decision(s) wait in the outbox for the next sync.", nullptr, n)
                         .arg(message));
        }
        quitNow();
    });
}

void MainWindow::quitNow()
{
    m_quit = QuitStep::Ready;
    close();
}

} // namespace adm::ui
