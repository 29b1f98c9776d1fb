#include "MainWindow.h"

#include "CacheCountsDialog.h"
#include "DecisionController.h"
#include "NotesSection.h"
#include "DetailPane.h"
#include "IdleWatcher.h"
#include "Prompter.h"
#include "QueuePane.h"
#include "QueueTableView.h"
#include "SettingsDialog.h"
#include "StatusStrip.h"
#include "UnlockDialog.h"
#include "store/Workspace.h"
#include "views/ApplicationDetail.h"
#include "views/DecisionService.h"
#include "views/LocalSession.h"
#include "views/ReaderThread.h"

#include <QActionGroup>
#include <QApplication>
#include <QDialog>
#include <QEvent>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace adm::ui {

struct MainWindow::Actions {
    QAction* approve = nullptr;
    QAction* reject = nullptr;
    QAction* requestInfo = nullptr;
    QAction* addNote = nullptr;
    QAction* undo = nullptr;
    QAction* search = nullptr;
    QAction* next = nullptr;
    QAction* previous = nullptr;
    QAction* clearFilters = nullptr;
    QAction* sync = nullptr;
    QAction* cancelSync = nullptr;
    QAction* counts = nullptr;
    QAction* lock = nullptr;
    QAction* settings = nullptr;
    QAction* quit = nullptr;
    QList<QAction*> languages;
};

namespace {

struct DetailAnswer {
    std::optional<views::ApplicationDetail> detail;
    QString error;
};

} // namespace

MainWindow::MainWindow(std::unique_ptr<store::Workspace> workspace, QWidget* parent)
    : MainWindow(
          std::make_unique<views::LocalSession>(std::move(workspace)),
          [](std::unique_ptr<store::Workspace> w) -> std::unique_ptr<views::Session> {
              return std::make_unique<views::LocalSession>(std::move(w));
          },
          nullptr, parent)
{}

MainWindow::MainWindow(std::unique_ptr<views::Session> session, SessionFactory factory, Prompter* prompter,
                       QWidget* parent)
    : QMainWindow(parent)
    , m_factory(std::move(factory))
    , m_prompter(prompter)
    , m_actions(std::make_unique<Actions>())
{
    setObjectName(QStringLiteral("mainWindow"));
    if (!m_prompter) {
        m_ownPrompter = std::make_unique<DialogPrompter>();
        m_prompter = m_ownPrompter.get();
    }

    m_queue = new QueuePane(this);
    m_detail = new DetailPane(this);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_queue);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({960, 500});

    auto* lockPage = new QWidget(this);
    lockPage->setObjectName(QStringLiteral("lockPage"));
    m_lockedLabel = new QLabel(lockPage);
    m_lockedLabel->setAlignment(Qt::AlignCenter);
    m_lockedLabel->setWordWrap(true);
    auto* unlockAgain = new QPushButton(lockPage);
    unlockAgain->setObjectName(QStringLiteral("unlockAgainButton"));
    connect(unlockAgain, &QPushButton::clicked, this, &MainWindow::showUnlock);
    auto* lockLayout = new QVBoxLayout(lockPage);
    lockLayout->addStretch(1);
    lockLayout->addWidget(m_lockedLabel);
    lockLayout->addWidget(unlockAgain, 0, Qt::AlignHCenter);
    lockLayout->addStretch(1);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(splitter);
    m_stack->addWidget(lockPage);
    setCentralWidget(m_stack);

    m_status = new StatusStrip(this);
    statusBar()->addPermanentWidget(m_status);

    m_decisions = new DecisionController(this, *m_prompter, this);
    connect(m_decisions, &DecisionController::changed, this, &MainWindow::decided);
    connect(m_decisions, &DecisionController::refused, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });

    m_idle = new IdleWatcher(this);
    connect(m_idle, &IdleWatcher::idle, this, &MainWindow::lock);

    m_detailDelay.setSingleShot(true);
    m_detailDelay.setInterval(150); // moving fast through the queue reads only where it stops
    connect(&m_detailDelay, &QTimer::timeout, this, &MainWindow::readDetail);
    m_statusTimer.setInterval(30000);
    connect(&m_statusTimer, &QTimer::timeout, this, &MainWindow::refreshStatus);

    connect(m_queue, &QueuePane::currentChanged, this, &MainWindow::currentChanged);
    connect(m_queue, &QueuePane::openRequested, this, [this](const QString& id) { loadDetail(id, true); });
    connect(m_detail, &DetailPane::revealRequested, this, &MainWindow::reveal);
    connect(m_detail, &DetailPane::openApplication, this, [this](const QString& id) { loadDetail(id, true); });
    connect(m_detail, &DetailPane::addNoteRequested, this, &MainWindow::addNote);
    connect(m_detail, &DetailPane::dropRequested, this,
            [this](qint64 item) { m_decisions->drop(item, m_detail->applicationId()); });

    buildActions();
    retranslate();
    resize(1400, 860);
    openSession(std::move(session));
}

MainWindow::~MainWindow()
{
    closeSession();
}

void MainWindow::buildActions()
{
    Actions& a = *m_actions;
    auto make = [this](const char* name, const QKeySequence& key, auto slot) {
        auto* action = new QAction(this);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(key);
        connect(action, &QAction::triggered, this, slot);
        addAction(action); // the keys work wherever the focus is in the window
        return action;
    };
    a.approve = make("approveAction", QKeySequence(Qt::Key_A), [this] {
        withDetail(
            [this](const views::ApplicationDetail& d) { m_decisions->decide(DecisionDialog::Kind::Approve, d); });
    });
    a.reject = make("rejectAction", QKeySequence(Qt::Key_R), [this] {
        withDetail([this](const views::ApplicationDetail& d) { m_decisions->decide(DecisionDialog::Kind::Reject, d); });
    });
    a.requestInfo = make("requestInfoAction", QKeySequence(Qt::Key_I), [this] {
        withDetail(
            [this](const views::ApplicationDetail& d) { m_decisions->decide(DecisionDialog::Kind::RequestInfo, d); });
    });
    a.addNote = make("addNoteAction", QKeySequence(Qt::Key_N), [this] { addNote(); });
    a.undo = make("undoAction", QKeySequence::Undo, [this] { m_decisions->undoLast(); });
    a.search = make("searchAction", QKeySequence(Qt::Key_Slash), [this] { m_queue->focusSearch(); });
    a.next = make("nextAction", QKeySequence(Qt::Key_J), [this] { m_queue->moveBy(1); });
    a.previous = make("previousAction", QKeySequence(Qt::Key_K), [this] { m_queue->moveBy(-1); });
    a.clearFilters = make("clearFiltersAction", QKeySequence(), [this] {
        if (auto* bar = m_queue->findChild<QWidget*>(QStringLiteral("clearFiltersButton")))
            QMetaObject::invokeMethod(bar, "click");
    });
    a.sync = make("syncAction", QKeySequence::Refresh, [this] {
        if (m_session)
            m_session->syncNow();
    });
    a.cancelSync = make("cancelSyncAction", QKeySequence(), [this] {
        if (m_session)
            m_session->cancelSync();
    });
    a.counts = make("cacheCountsAction", QKeySequence(), [this] { openCacheCounts(); });
    a.lock = make("lockAction", QKeySequence(Qt::CTRL | Qt::Key_L), [this] { lock(); });
    a.settings = make("settingsAction", QKeySequence::Preferences, [this] { openSettings(); });
    a.quit = make("quitAction", QKeySequence::Quit, [] { QApplication::closeAllWindows(); });

    auto* group = new QActionGroup(this);
    for (const QString& code : {QStringLiteral("system"), QStringLiteral("zh_CN"), QStringLiteral("en")}) {
        auto* action = new QAction(this);
        action->setObjectName(QStringLiteral("language_") + code);
        action->setCheckable(true);
        action->setData(code);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] {
            QSettings().setValue(QStringLiteral("language"), code);
            Q_EMIT languageChosen(code);
        });
        a.languages << action;
    }
}

void MainWindow::buildMenus()
{
    const Actions& a = *m_actions;
    menuBar()->clear();
    QMenu* work = menuBar()->addMenu(tr("&Workstation"));
    work->addAction(a.sync);
    work->addAction(a.cancelSync);
    work->addAction(a.counts);
    work->addSeparator();
    work->addAction(a.lock);
    work->addAction(a.quit);
    QMenu* queue = menuBar()->addMenu(tr("&Queue"));
    queue->addAction(a.search);
    queue->addAction(a.next);
    queue->addAction(a.previous);
    queue->addAction(a.clearFilters);
    QMenu* decide = menuBar()->addMenu(tr("&Decision"));
    decide->addAction(a.approve);
    decide->addAction(a.reject);
    decide->addAction(a.requestInfo);
    decide->addAction(a.addNote);
    decide->addSeparator();
    decide->addAction(a.undo);
    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(a.settings);
    QMenu* language = settings->addMenu(tr("&Language"));
    const QString current = SettingsDialog::language();
    for (QAction* l : a.languages) {
        l->setChecked(l->data().toString() == current);
        language->addAction(l);
    }
}

void MainWindow::retranslate()
{
    Actions& a = *m_actions;
    a.approve->setText(tr("&Approve…"));
    a.reject->setText(tr("&Reject…"));
    a.requestInfo->setText(tr("Request &information…"));
    a.addNote->setText(tr("Add &note…"));
    a.undo->setText(tr("&Undo last decision"));
    a.search->setText(tr("&Search"));
    a.next->setText(tr("&Next application"));
    a.previous->setText(tr("&Previous application"));
    a.clearFilters->setText(tr("&Clear filters"));
    a.sync->setText(tr("Sync &now"));
    a.cancelSync->setText(tr("&Cancel sync"));
    a.counts->setText(tr("What the cache &holds…"));
    a.lock->setText(tr("&Lock"));
    a.settings->setText(tr("&Preferences…"));
    a.quit->setText(tr("&Quit"));
    a.languages[0]->setText(tr("Follow the system"));
    a.languages[1]->setText(QStringLiteral("简体中文"));
    a.languages[2]->setText(QStringLiteral("English"));
    buildMenus();
    setWindowTitle(tr("Admissions Workstation"));
    m_lockedLabel->setText(tr("The workstation is locked. Its data is closed and off the screen."));
    if (auto* b = findChild<QPushButton*>(QStringLiteral("unlockAgainButton")))
        b->setText(tr("&Unlock…"));
    m_status->retranslate();
    m_queue->retranslate();
    const bool canSync = m_session && m_session->canSync();
    a.sync->setEnabled(canSync);
    a.cancelSync->setEnabled(canSync);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // The check's sentences are made in the language of the moment: read them again.
        if (!m_detail->applicationId().isEmpty())
            loadDetail(m_detail->applicationId(), true);
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::openSession(std::unique_ptr<views::Session> session)
{
    if (!session)
        return;
    m_session = std::move(session);
    m_user = m_session->user();
    m_role = m_session->role();
    m_dataDir = m_session->dataDir();
    m_reads = std::make_unique<views::ReaderThread>(m_session->readers(), QStringLiteral("detail reads"));
    m_decisionService = std::make_unique<views::DecisionService>(*m_session);
    m_decisions->setService(m_decisionService.get());
    connect(m_session.get(), &views::Session::cacheChanged, this, &MainWindow::cacheChanged);
    connect(m_session.get(), &views::Session::onlineChanged, this,
            [this](bool online) { m_status->setOnline(online, true); });
    connect(m_session.get(), &views::Session::syncProgress, this,
            [this](const QString& phase, qint64 done, qint64 total) {
                statusBar()->showMessage(total > 0 ? tr("%1: %2 of %3").arg(phase).arg(done).arg(total)
                                                   : tr("%1: %2").arg(phase).arg(done));
            });
    connect(m_session.get(), &views::Session::syncFinished, this, [this](bool ok, const QString& message) {
        statusBar()->showMessage(ok ? tr("Sync finished.") : tr("Sync stopped: %1").arg(message), 8000);
        refreshStatus();
    });
    m_queue->open(m_session->readers());
    m_stack->setCurrentIndex(0);
    m_status->setUser(m_user, m_role);
    m_status->setOnline(m_session->isOnline(), m_session->canSync());
    m_actions->sync->setEnabled(m_session->canSync());
    m_actions->cancelSync->setEnabled(m_session->canSync());
    refreshStatus();
    m_statusTimer.start();
    applyIdleSetting();
    m_idle->setActive(true);
    m_queue->table()->setFocus();
    Q_EMIT unlocked();
}

void MainWindow::closeSession()
{
    m_idle->setActive(false);
    m_statusTimer.stop();
    m_detailDelay.stop();
    ++m_detailGeneration;
    m_afterDetail = nullptr;
    m_wantedDetail.clear();
    m_detail->clear();
    m_queue->close();
    m_decisions->setService(nullptr);
    m_decisionService.reset();
    m_reads.reset();
    m_status->clear();
    if (m_session) {
        // The readers are closed above; now the writer and the key.
        std::unique_ptr<store::Workspace> workspace = m_session->close();
        m_session.reset();
        workspace.reset();
    }
}

void MainWindow::lock()
{
    if (!m_session)
        return;
    // Open questions (a decision, a reveal) go with the data: they are answered "cancel".
    for (QDialog* dialog : findChildren<QDialog*>())
        if (dialog->isVisible() && dialog != m_unlock)
            dialog->reject();
    closeSession();
    m_stack->setCurrentIndex(1);
    statusBar()->clearMessage();
    Q_EMIT locked();
    showUnlock();
}

void MainWindow::showUnlock()
{
    if (m_session || m_unlock)
        return;
    auto* dialog = new UnlockDialog(m_dataDir, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_unlock = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        std::unique_ptr<store::Workspace> workspace = dialog->takeWorkspace();
        if (workspace && m_factory)
            openSession(m_factory(std::move(workspace)));
    });
    dialog->open();
}

void MainWindow::setIdleTimeout(std::chrono::milliseconds timeout)
{
    m_idleOverride = timeout;
    applyIdleSetting();
}

void MainWindow::applyIdleSetting()
{
    m_idle->setTimeout(m_idleOverride.count() > 0 ? m_idleOverride
                                                  : std::chrono::minutes(SettingsDialog::idleLockMinutes()));
}

void MainWindow::currentChanged(const QString& applicationId)
{
    if (applicationId.isEmpty()) {
        m_detailDelay.stop();
        ++m_detailGeneration;
        m_wantedDetail.clear();
        m_detail->clear();
        return;
    }
    loadDetail(applicationId, false);
}

void MainWindow::loadDetail(const QString& applicationId, bool now)
{
    if (!m_reads)
        return;
    m_wantedDetail = applicationId;
    m_detail->showLoading(applicationId);
    if (now)
        readDetail();
    else
        m_detailDelay.start();
}

void MainWindow::readDetail()
{
    m_detailDelay.stop();
    if (!m_reads || m_wantedDetail.isEmpty())
        return;
    const quint64 generation = ++m_detailGeneration;
    const QString id = m_wantedDetail;
    // The check of an application with many records takes a while: never on this thread.
    m_reads->run<DetailAnswer>(
        [id](store::Connection* c) {
            if (!c)
                return DetailAnswer{std::nullopt, tr("The cache cannot be read.")};
            auto d = views::loadApplicationDetail(*c, id);
            if (!d)
                return DetailAnswer{std::nullopt, d.error().message};
            return DetailAnswer{std::move(d.value()), QString()};
        },
        this,
        [this, generation](DetailAnswer answer) {
            if (generation != m_detailGeneration)
                return;
            if (!answer.detail) {
                m_detail->showError(answer.error);
                m_afterDetail = nullptr;
                return;
            }
            m_detail->showDetail(*answer.detail);
            Q_EMIT detailShown(answer.detail->application.id);
            if (auto action = std::exchange(m_afterDetail, nullptr))
                action(*answer.detail);
        });
}

void MainWindow::withDetail(const std::function<void(const views::ApplicationDetail&)>& action)
{
    if (!m_session || m_decisions->isBusy())
        return;
    const views::ApplicationDetail* shown = m_detail->detail();
    const QString target =
        m_detail->applicationId().isEmpty() ? m_queue->currentApplicationId() : m_detail->applicationId();
    if (target.isEmpty()) {
        statusBar()->showMessage(tr("Choose an application first."), 5000);
        return;
    }
    if (shown && shown->application.id == target && !m_detailDelay.isActive() && !m_afterDetail) {
        action(*shown);
        return;
    }
    // Not read yet (the key came right after moving): decide once it is.
    m_afterDetail = action;
    loadDetail(target, true);
}

void MainWindow::decided(const QString& applicationId, const QString& message)
{
    statusBar()->showMessage(message, 10000);
    m_queue->refresh();
    refreshStatus();
    // The detail shows the decision waiting in the outbox (or no longer).
    if (m_detail->applicationId() == applicationId)
        loadDetail(applicationId, true);
}

void MainWindow::addNote()
{
    withDetail([this](const views::ApplicationDetail& d) {
        if (!m_session)
            return;
        const QString id = d.application.id;
        NotesSection::addNote(*m_session, *m_prompter, this, id, this, [this, id](Status s) {
            if (!s) {
                m_prompter->inform(this, tr("Not saved"), s.error().message);
                return;
            }
            statusBar()->showMessage(tr("Note added to %1 (kept on this workstation only).").arg(id), 8000);
            if (m_detail->applicationId() == id)
                loadDetail(id, true);
        });
    });
}

void MainWindow::reveal(int position)
{
    const views::ApplicationDetail* d = m_detail->detail();
    if (!d || !m_session)
        return;
    const QString id = d->application.id;
    const QString person = position == 0 ? tr("the child") : tr("guardian %1").arg(position);
    const std::optional<QString> reason = m_prompter->askRevealReason(this, id, person);
    if (!reason)
        return;
    views::IdRevealer::reveal(*m_session, id, position, *reason, this, [this, id, position](Status s) {
        if (!s) {
            m_prompter->inform(this, tr("Not shown"), s.error().message);
            return;
        }
        // Only if the pane still shows that application.
        if (m_detail->detail() && m_detail->detail()->application.id == id)
            m_detail->revealIdNumber(position);
    });
}

void MainWindow::refreshStatus()
{
    if (!m_reads)
        return;
    m_reads->run<std::optional<views::SessionStatus>>(
        [](store::Connection* c) -> std::optional<views::SessionStatus> {
            if (!c)
                return std::nullopt;
            auto s = views::SessionStatus::read(*c);
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
    if (!m_detail->applicationId().isEmpty())
        loadDetail(m_detail->applicationId(), false);
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(this);
    connect(&dialog, &SettingsDialog::languageChosen, this, &MainWindow::languageChosen);
    connect(&dialog, &SettingsDialog::idleLockChanged, this, &MainWindow::applyIdleSetting);
    dialog.exec();
}

void MainWindow::openCacheCounts()
{
    if (!m_session)
        return;
    auto* dialog = new CacheCountsDialog(m_session->readers(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Closed with the session: it reads the cache.
    connect(this, &MainWindow::locked, dialog, &QDialog::close);
    dialog->open();
}

} // namespace adm::ui
