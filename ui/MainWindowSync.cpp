// MainWindow: the sync as the window shows it (issues 11 and 12): the session's sync signals, the
// status bar, "Sync now" and the sign-in offer. Kept apart from MainWindow.cpp, which many
// features share.
#include "MainWindow.h"
#include "MainWindowActions.h"
#include "QueuePane.h"
#include "StatusStrip.h"
#include "views/CacheReads.h"
#include "views/ReaderThread.h"
#include "views/SessionStatus.h"

#include <QStatusBar>

namespace adm::ui {

void MainWindow::connectSync()
{
    connect(m_session.get(), &views::Session::onlineChanged, this,
            [this](bool online) { m_status->setOnline(online, true); });
    connect(m_session.get(), &views::Session::needsSignInChanged, this, &MainWindow::updateSyncActions);
    connect(m_session.get(), &views::Session::syncProgress, this, [this](const QString& sentence, qint64, qint64) {
        m_syncing = !sentence.isEmpty();
        m_syncSentence = sentence;
        if (m_syncing)
            statusBar()->showMessage(sentence);
    });
    connect(m_session.get(), &views::Session::answeringChanged, m_status, &StatusStrip::setAnswering);
    connect(m_session.get(), &views::Session::syncFinished, this, [this](bool ok, const QString& message) {
        m_syncing = false;
        statusBar()->showMessage(ok ? tr("Sync finished.") : tr("Sync stopped: %1").arg(message), 8000);
        refreshStatus();
    });
}

void MainWindow::syncNow()
{
    if (m_syncing)
        statusBar()->showMessage(tr("A sync is already under way (%1). Another one follows it.").arg(m_syncSentence),
                                 8000);
    m_session->syncNow();
}

void MainWindow::updateSyncActions()
{
    const bool canSync = m_session && m_session->canSync();
    const bool needsSignIn = canSync && m_session->needsSignIn();
    m_actions->sync->setEnabled(canSync);
    m_actions->cancelSync->setEnabled(canSync && !needsSignIn);
    m_actions->signIn->setEnabled(needsSignIn);
    m_actions->signIn->setVisible(canSync);
    m_status->setSignInNeeded(needsSignIn);
}

void MainWindow::refreshStatus()
{
    if (!m_reads)
        return;
    m_reads->run<std::optional<views::SessionStatus>>(
        [](const views::CacheView* cache) -> std::optional<views::SessionStatus> {
            if (!cache)
                return std::nullopt;
            auto s = views::readSessionStatus(*cache);
            return s ? std::optional<views::SessionStatus>(*s) : std::nullopt;
        },
        this,
        [this](std::optional<views::SessionStatus> s) {
            if (s && m_session)
                m_status->setStatus(*s);
        });
}

void MainWindow::cacheChanged()
{
    m_queue->refresh();
    refreshStatus();
    refreshRefused();
    readCurrentAfterPause();
}

} // namespace adm::ui
