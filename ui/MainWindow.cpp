#include "MainWindow.h"

#include "BatchActions.h"
#include "BinShortcutDelegate.h"
#include "CacheCountsDialog.h"
#include "CounterPrompter.h"
#include "CurrentApplication.h"
#include "DecisionController.h"
#include "DetailPane.h"
#include "DraftKeeper.h"
#include "IdleWatcher.h"
#include "LegendDialog.h"
#include "MainWindowActions.h"
#include "NotesSection.h"
#include "Prompter.h"
#include "QueuePane.h"
#include "QueueTableView.h"
#include "SettingsDialog.h"
#include "ShortcutsDialog.h"
#include "SignOffPrompter.h"
#include "SignOffWindow.h"
#include "StatusStrip.h"
#include "SupervisionWindow.h"
#include "UnlockDialog.h"
#include "ZoomController.h"
#include "security/Permissions.h"
#include "views/ApplicationDetail.h"
#include "views/BinCountsModel.h"
#include "views/CacheReads.h"
#include "views/DecisionService.h"
#include "views/DraftStore.h"
#include "views/Labels.h"
#include "views/QueueModel.h"
#include "views/ReaderThread.h"
#include "views/SignOffService.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace adm::ui {

namespace {

// While moves come faster than the detail is read (a key held down), it is read once no move came
// for this long: X11's auto-repeat sends a move every ~33 ms.
constexpr int kRepeatPauseMs = 40;

struct DetailAnswer {
    std::optional<views::ApplicationDetail> detail;
    QString error;
};

} // namespace

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
    connect(m_status, &StatusStrip::signInClicked, this, [this] {
        if (m_session)
            m_session->requestSignIn();
    });

    m_current = new CurrentApplication(this);
    m_detail->follow(m_current);
    connect(m_current, &CurrentApplication::detailWantedNow, this, &MainWindow::readCurrentNow);
    // An application outside the queue's rows: no row may look like the one the keys act on.
    connect(m_current, &CurrentApplication::chosen, this, [this](const QString&, CurrentApplication::Place place) {
        if (place == CurrentApplication::Place::OutsideQueue)
            m_queue->table()->showNoSelection();
    });
    m_zoom = new ZoomController(this);
    // The bin list and the columns are sized from the font.
    connect(m_zoom, &ZoomController::zoomed, m_queue, &QueuePane::retranslate);

    m_decisions = new DecisionController(this, *m_prompter, this);
    m_decisions->follow(m_current);
    connect(m_decisions, &DecisionController::changed, this, &MainWindow::decided);
    connect(m_decisions, &DecisionController::refused, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });

    buildBatchActions();
    m_drafts = new DraftKeeper(this);
    m_prompter->setDialogWatcher([this](DecisionDialog& dialog) { m_drafts->watch(dialog); });

    m_idle = new IdleWatcher(this);
    connect(m_idle, &IdleWatcher::idle, this, &MainWindow::lock);

    m_detailDelay.setSingleShot(true);
    // A held key reads only where it stops; a single move reads at once (MainWindow::readCurrentAfterPause).
    m_detailDelay.setInterval(kRepeatPauseMs);
    connect(&m_detailDelay, &QTimer::timeout, this, &MainWindow::readCurrentNow);
    m_statusTimer.setInterval(30000);
    connect(&m_statusTimer, &QTimer::timeout, this, &MainWindow::refreshStatus);

    connect(m_queue, &QueuePane::currentChanged, this, &MainWindow::followQueueRow);
    connect(m_queue->table(), &QueueTableView::rowSelected, this, [this](const QModelIndex& index) {
        // A row selected again (after an application outside the queue) is current again.
        const QString id = m_queue->model() ? m_queue->model()->applicationIdAt(index.row()) : QString();
        if (!id.isEmpty())
            followQueueRow(id);
    });
    connect(m_queue, &QueuePane::openRequested, this, &MainWindow::openApplication);
    connect(m_queue->table(), &QueueTableView::contextMenuRequested, this, &MainWindow::showQueueMenu);
    // An empty queue says so in the detail pane too, not "Choose an application".
    connect(m_queue, &QueuePane::nothingMatches, m_detail, &DetailPane::showError);
    connect(m_detail, &DetailPane::revealRequested, this, &MainWindow::reveal);
    connect(m_detail, &DetailPane::openApplication, this, &MainWindow::openApplication);
    connect(m_detail, &DetailPane::dropRequested, m_decisions, &DecisionController::dropOnCurrent);
    connect(m_detail, &DetailPane::addNoteRequested, this, &MainWindow::addNote);
    QWidget::setTabOrder(m_queue->table(), m_detail);

    buildActions();
    buildKeyboardActions();
    retranslate();
    resize(1400, 860);
    openSession(std::move(session));
}

MainWindow::~MainWindow()
{
    m_prompter->setDialogWatcher({}); // an injected prompter outlives the window
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
    // The decision actions (A, R, I, Ctrl+Z) are made per session by offerDecisions(): only for a role that may decide.
    a.addNote = make("addNoteAction", QKeySequence(Qt::Key_N), [this] { addNote(); });
    a.search = make("searchAction", QKeySequence(Qt::Key_Slash), [this] { m_queue->focusSearch(); });
    a.next = make("nextAction", QKeySequence(Qt::Key_J), [this] { m_queue->moveBy(1); });
    a.previous = make("previousAction", QKeySequence(Qt::Key_K), [this] { m_queue->moveBy(-1); });
    a.clearFilters = make("clearFiltersAction", QKeySequence(), [this] {
        if (auto* bar = m_queue->findChild<QWidget*>(QStringLiteral("clearFiltersButton")))
            QMetaObject::invokeMethod(bar, "click");
    });
    a.sync = make("syncAction", QKeySequence::Refresh, [this] {
        if (m_session && m_session->needsSignIn())
            m_session->requestSignIn(); // no way in yet: a pass would only say so
        else if (m_session)
            syncNow();
    });
    a.signIn = make("signInAction", QKeySequence(), [this] {
        if (m_session)
            m_session->requestSignIn();
    });
    a.cancelSync = make("cancelSyncAction", QKeySequence(), [this] {
        if (m_session)
            m_session->cancelSync();
    });
    a.counts = make("cacheCountsAction", QKeySequence(), [this] { openCacheCounts(); });
    a.lock = make("lockAction", QKeySequence(Qt::CTRL | Qt::Key_L), [this] { lock(); });
    a.settings = make("settingsAction", QKeySequence::Preferences, [this] { openSettings(); });
    a.quit = make("quitAction", QKeySequence::Quit, [] { QApplication::closeAllWindows(); });
    a.legend = make("legendAction", QKeySequence(), [this] {
        auto* dialog = new LegendDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });

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

// Batch approval of clean cases, export and print of the queue view (issue 12): BatchActions.
void MainWindow::buildBatchActions()
{
    m_batch = new BatchActions(this, *m_queue, *m_prompter, this);
    connect(m_batch, &BatchActions::decided, this, &MainWindow::decided);
    connect(m_batch, &BatchActions::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
}

// The decision keys exist only while a user who may decide is signed in: for any other role
// there is no action, no shortcut and no menu entry to press (issue 11).
void MainWindow::buildMenus()
{
    const Actions& a = *m_actions;
    menuBar()->clear();
    QMenu* work = menuBar()->addMenu(tr("&Workstation"));
    work->addAction(a.sync);
    work->addAction(a.cancelSync);
    work->addAction(a.signIn);
    work->addAction(a.counts);
    if (a.relatives)
        work->addAction(a.relatives);
    work->addSeparator();
    work->addAction(a.lock);
    work->addAction(a.quit);
    QMenu* queue = menuBar()->addMenu(tr("&Queue"));
    queue->addAction(a.search);
    queue->addAction(a.next);
    queue->addAction(a.previous);
    queue->addAction(a.clearFilters);
    addViewEntries(queue);
    // Only for a role that may take walk-in applications.
    addCounterMenu();
    addSignOffMenu();
    addSupervisionMenu();
    if (a.approve) { // only for a role that may decide
        QMenu* decide = menuBar()->addMenu(tr("&Decision"));
        decide->addAction(a.approve);
        decide->addAction(a.reject);
        decide->addAction(a.requestInfo);
        decide->addSeparator();
        decide->addAction(a.undo);
        m_batch->addTo(work, a.lock, decide);
    } else {
        m_batch->addTo(work, a.lock, nullptr);
    }
    queue->addAction(a.addNote);
    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(a.settings);
    QMenu* language = settings->addMenu(tr("&Language"));
    const QString current = SettingsDialog::language();
    for (QAction* l : a.languages) {
        l->setChecked(l->data().toString() == current);
        language->addAction(l);
    }
    buildHelpMenu();
}

void MainWindow::retranslate()
{
    Actions& a = *m_actions;
    retranslateDecisions();
    a.addNote->setText(tr("Add &note…"));
    a.search->setText(tr("&Search"));
    a.next->setText(tr("&Next application"));
    a.previous->setText(tr("&Previous application"));
    a.clearFilters->setText(tr("&Clear filters"));
    a.sync->setText(tr("Sync &now"));
    a.cancelSync->setText(tr("&Cancel sync"));
    a.signIn->setText(tr("Sign &in to the city platform…"));
    a.counts->setText(tr("What the cache &holds…"));
    a.lock->setText(tr("&Lock"));
    a.settings->setText(tr("&Preferences…"));
    a.quit->setText(tr("&Quit"));
    m_batch->retranslate();
    a.legend->setText(tr("&Legend: categories and flags…"));
    a.languages[0]->setText(tr("Follow the system"));
    a.languages[1]->setText(QStringLiteral("简体中文"));
    a.languages[2]->setText(QStringLiteral("English"));
    retranslateKeyboardActions();
    retranslateCounter();
    retranslateSignOff();
    buildMenus();
    retranslateRole();
    m_lockedLabel->setText(tr("The workstation is locked. Its data is closed and off the screen."));
    if (auto* b = findChild<QPushButton*>(QStringLiteral("unlockAgainButton")))
        b->setText(tr("&Unlock…"));
    m_status->retranslate();
    m_queue->retranslate();
    updateSyncActions();
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // The check's sentences are made in the language of the moment: read them again.
        if (!m_current->isEmpty())
            readCurrentNow();
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
    m_batch->setSession(m_session.get(), m_decisionService.get());
    m_drafts->setSession(m_session.get());
    connect(m_session.get(), &views::Session::cacheChanged, this, &MainWindow::cacheChanged);
    connectSync();
    m_queue->open(m_session->readers(), m_user);
    m_stack->setCurrentIndex(0);
    m_status->setUser(m_user, m_role);
    applyRole({});
    readSchoolSettings();
    m_status->setOnline(m_session->isOnline(), m_session->canSync());
    updateSyncActions();
    refreshStatus();
    refreshRefused();
    m_statusTimer.start();
    applyIdleSetting();
    m_idle->setActive(true);
    m_zoom->setUser(m_user);
    m_queue->table()->setFocus();
    Q_EMIT unlocked();
    // Once the window shows: the place of the last lock, and a draft left by a lock or a crash.
    QMetaObject::invokeMethod(this, &MainWindow::resumeWork, Qt::QueuedConnection);
}

void MainWindow::closeSession()
{
    closeCounter(); // it reads and writes through the session
    closeSignOff();
    closeSupervision();
    m_drafts->setSession(nullptr);
    if (m_quit != QuitStep::Ready)
        m_quit = QuitStep::None;
    m_idle->setActive(false);
    m_statusTimer.stop();
    m_detailDelay.stop();
    ++m_detailGeneration;
    m_readInFlight = false;
    m_syncing = false;
    m_current->clear();
    m_detail->clear();
    m_queue->close();
    m_decisions->setService(nullptr);
    m_batch->setSession(nullptr, nullptr);
    m_decisionService.reset();
    m_reads.reset();
    m_status->clear();
    if (m_session) {
        // The readers are closed above; now the writer and the key.
        views::OpenCache cache = m_session->close();
        m_session.reset();
        if (cache)
            keepLockedWork(cache); // before the key goes
        cache = {};
    }
}

void MainWindow::lock()
{
    if (!m_session)
        return;
    takeWorkForLock();
    // Open questions (a decision, a reveal) go with the data: they are answered "cancel". A decision
    // dialog closes without asking: its draft is kept.
    for (QDialog* dialog : findChildren<QDialog*>()) {
        if (!dialog->isVisible() || dialog == m_unlock)
            continue;
        if (qobject_cast<DecisionDialog*>(dialog))
            dialog->done(QDialog::Rejected);
        else
            dialog->reject();
    }
    closeSession();
    applyRole({}); // no session: no decision keys, no name in the title
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
        views::OpenCache cache = dialog->takeCache();
        if (cache && m_factory)
            openSession(m_factory(std::move(cache)));
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

void MainWindow::followQueueRow(const QString& applicationId)
{
    if (applicationId.isEmpty()) {
        m_detailDelay.stop();
        ++m_detailGeneration;
        m_readInFlight = false;
        m_current->clear();
        return;
    }
    if (applicationId == m_current->id() && m_current->place() == CurrentApplication::Place::InQueue)
        return;
    m_current->choose(applicationId, CurrentApplication::Place::InQueue);
    readCurrentAfterPause();
}

void MainWindow::openApplication(const QString& applicationId)
{
    if (!m_reads || applicationId.isEmpty())
        return;
    // Selecting its row makes it current through the queue (followQueueRow).
    if (!m_queue->table()->selectApplication(applicationId))
        m_current->choose(applicationId, CurrentApplication::Place::OutsideQueue);
    readCurrentNow();
}

void MainWindow::readCurrentAfterPause()
{
    if (!m_reads || m_current->isEmpty())
        return;
    // A move while the previous one's read is still under way is a key held down: building the pane
    // for every row passed would lag behind the key, so only the row it stops on is read. A single
    // move reads at once (bench_detail: key to content).
    if (m_readInFlight || m_detailDelay.isActive())
        m_detailDelay.start();
    else
        readCurrentNow();
}

void MainWindow::readCurrentNow()
{
    m_detailDelay.stop();
    if (!m_reads || m_current->isEmpty())
        return;
    const quint64 generation = ++m_detailGeneration;
    m_readInFlight = true;
    const QString id = m_current->id();
    // The check of an application with many records takes a while: never on this thread.
    m_reads->run<DetailAnswer>(
        [id, user = m_user](const views::CacheView* cache) {
            if (!cache)
                return DetailAnswer{std::nullopt, tr("The cache cannot be read.")};
            auto d = views::readApplicationDetail(*cache, id);
            if (!d)
                return DetailAnswer{std::nullopt, d.error().message};
            // Issue 14: a relative the user declared is named on it: someone else decides.
            auto related = views::readDeclaredRelation(*cache, user, id);
            d->declaredRelation = related && *related;
            return DetailAnswer{std::move(d.value()), QString()};
        },
        this,
        [this, generation, id](DetailAnswer answer) {
            if (generation != m_detailGeneration)
                return;
            m_readInFlight = false;
            if (!answer.detail) {
                m_current->setReadError(id, answer.error);
                return;
            }
            if (m_current->setDetail(*answer.detail))
                Q_EMIT detailShown(answer.detail->application.id);
        });
}

void MainWindow::decided(const QString& applicationId, const QString& message)
{
    statusBar()->showMessage(message, 10000);
    m_queue->refresh();
    refreshStatus();
    // The detail shows the decision waiting in the outbox (or no longer).
    if (m_current->id() == applicationId)
        readCurrentNow();
}

void MainWindow::addNote()
{
    if (!m_session)
        return;
    // A note needs only the application's number: it can be written before the detail is read.
    if (m_current->isEmpty()) {
        statusBar()->showMessage(tr("Choose an application first."), 5000);
        return;
    }
    const QString id = m_current->id();
    NotesSection::addNote(*m_session, *m_prompter, this, id, this, [this, id](Status s) {
        if (!s) {
            m_prompter->inform(this, tr("Not saved"), s.error().message);
            return;
        }
        statusBar()->showMessage(tr("Note added to %1 (kept on this workstation only).").arg(id), 8000);
        if (m_current->id() == id)
            readCurrentNow();
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

void MainWindow::buildKeyboardActions()
{
    Actions& a = *m_actions;
    auto make = [this](const QString& name, const QList<QKeySequence>& keys, auto slot) {
        auto* action = new QAction(this);
        action->setObjectName(name);
        action->setShortcuts(keys);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    a.switchFocus = make(QStringLiteral("switchFocusAction"), {QKeySequence(Qt::Key_F6)}, [this] { switchFocus(); });
    for (int row = 0; row < views::kBinCount && !BinShortcutDelegate::keyFor(row).isEmpty(); ++row)
        a.bins << make(QStringLiteral("binAction_%1").arg(row + 1), {BinShortcutDelegate::keyFor(row)},
                       [this, row] { m_queue->selectBin(row); });
    a.zoomIn = make(QStringLiteral("zoomInAction"), {QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)},
                    [this] { m_zoom->zoomIn(); });
    a.zoomOut = make(QStringLiteral("zoomOutAction"), {QKeySequence::ZoomOut}, [this] { m_zoom->zoomOut(); });
    a.zoomReset =
        make(QStringLiteral("zoomResetAction"), {QKeySequence(Qt::CTRL | Qt::Key_0)}, [this] { m_zoom->reset(); });
    a.shortcuts = make(QStringLiteral("shortcutsAction"), {}, [this] { showShortcuts(); });
}

void MainWindow::retranslateKeyboardActions()
{
    Actions& a = *m_actions;
    a.switchFocus->setText(tr("Switch between the &queue and the detail"));
    for (int row = 0; row < a.bins.size(); ++row)
        a.bins[row]->setText(tr("Show the bin \"%1\"").arg(views::labels::bin(views::BinCountsModel::binAt(row))));
    a.zoomIn->setText(tr("&Larger text"));
    a.zoomOut->setText(tr("&Smaller text"));
    a.zoomReset->setText(tr("&Normal text size"));
    a.shortcuts->setText(tr("&Keyboard shortcuts"));
}

void MainWindow::addViewEntries(QMenu* queue)
{
    const Actions& a = *m_actions;
    queue->addSeparator();
    queue->addAction(a.switchFocus);
    QMenu* bins = queue->addMenu(tr("&Bins"));
    bins->addActions(a.bins);
    queue->addSeparator();
    queue->addAction(a.zoomIn);
    queue->addAction(a.zoomOut);
    queue->addAction(a.zoomReset);
}

void MainWindow::buildHelpMenu()
{
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(m_actions->shortcuts);
    help->addAction(m_actions->legend);
}

void MainWindow::switchFocus()
{
    // F6 as in common desktop programs: from the queue (or anywhere else) to the detail pane, and back.
    QWidget* focus = QApplication::focusWidget();
    const bool inDetail = focus && (focus == m_detail || m_detail->isAncestorOf(focus));
    if (inDetail)
        m_queue->table()->setFocus(Qt::ShortcutFocusReason);
    else
        m_detail->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::showQueueMenu(const QPoint& globalPos)
{
    // The window's own actions: a role that is not offered an action has it neither here.
    const Actions& a = *m_actions;
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("queueContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QList<QAction*> mine = actions();
    auto offer = [&](std::initializer_list<QAction*> group) {
        for (QAction* action : group)
            if (action && mine.contains(action) && action->isVisible())
                menu->addAction(action);
    };
    offer({a.approve, a.reject, a.requestInfo, a.undo});
    if (!menu->isEmpty())
        menu->addSeparator();
    offer({a.switchFocus});
    menu->popup(globalPos);
}

void MainWindow::showShortcuts()
{
    auto* dialog = new ShortcutsDialog(actions(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace adm::ui
