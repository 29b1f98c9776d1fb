// MainWindow: what the signed-in role is offered (issue 11): the decision actions only to a role
// that may decide, the read-only line, the window title. Kept apart from MainWindow.cpp.
#include "BatchActions.h"
#include "DecisionController.h"
#include "DetailPane.h"
#include "MainWindow.h"
#include "MainWindowActions.h"
#include "security/Permissions.h"
#include "security/Roles.h"
#include "views/CacheReads.h"
#include "views/DecisionService.h"
#include "views/ReaderThread.h"

#include <QLabel>
#include <QStatusBar>

namespace adm::ui {

void MainWindow::offerDecisions(bool offered)
{
    Actions& a = *m_actions;
    if (offered == (a.approve != nullptr))
        return;
    if (!offered) {
        // Gone from the window at once; deleted later, since the lock that takes them away may come
        // while one of them is still being handled (its dialog open).
        for (QAction** action : {&a.approve, &a.reject, &a.requestInfo, &a.undo}) {
            QAction* gone = std::exchange(*action, nullptr);
            removeAction(gone);
            gone->setParent(nullptr);
            gone->deleteLater();
        }
        return;
    }
    auto make = [this](const char* name, const QKeySequence& key, auto slot) {
        auto* action = new QAction(this);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(key);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    a.approve = make("approveAction", QKeySequence(Qt::Key_A),
                     [this] { m_decisions->decideOnCurrent(DecisionDialog::Kind::Approve); });
    a.reject = make("rejectAction", QKeySequence(Qt::Key_R),
                    [this] { m_decisions->decideOnCurrent(DecisionDialog::Kind::Reject); });
    a.requestInfo = make("requestInfoAction", QKeySequence(Qt::Key_I),
                         [this] { m_decisions->decideOnCurrent(DecisionDialog::Kind::RequestInfo); });
    a.undo = make("undoAction", QKeySequence::Undo, [this] { m_decisions->undoLast(); });
}

// What the signed-in role is offered: the decision keys and menu, the detail pane's decision
// buttons, and a line saying when the queues are read only.
void MainWindow::applyRole(const security::SchoolSettings& settings)
{
    const bool decides = m_session && security::may(m_role, security::Action::Decide, settings);
    offerDecisions(decides);
    m_batch->offerApproval(decides);
    m_detail->setDecisionsOffered(decides);
    if (!m_readOnly) {
        m_readOnly = new QLabel(this);
        m_readOnly->setObjectName(QStringLiteral("readOnlyLabel"));
        statusBar()->insertPermanentWidget(0, m_readOnly);
    }
    m_readOnly->setVisible(m_session && !decides);
    offerCounter(m_session && security::may(m_role, security::Action::CounterIntake, settings));
    offerSignOff(m_session && security::may(m_role, security::Action::SignBatches, settings));
    retranslateDecisions();
    buildMenus();
    retranslateRole();
}

// A principal's rights depend on the school's setting, read from the cache.
void MainWindow::readSchoolSettings()
{
    if (!m_reads || m_role != role::Principal)
        return;
    m_reads->run<security::SchoolSettings>(
        [](const views::CacheView* c) -> security::SchoolSettings {
            if (!c)
                return {};
            auto settings = views::readSchoolSettings(*c);
            return settings ? *settings : security::SchoolSettings{};
        },
        this,
        [this](security::SchoolSettings settings) {
            if (m_session)
                applyRole(settings);
        });
}

void MainWindow::retranslateDecisions()
{
    const Actions& a = *m_actions;
    if (!a.approve)
        return;
    a.approve->setText(tr("&Approve…"));
    a.reject->setText(tr("&Reject…"));
    a.requestInfo->setText(tr("Request &information…"));
    a.undo->setText(tr("&Undo last decision"));
}

void MainWindow::retranslateRole()
{
    const QString name = tr("Admissions Workstation");
    setWindowTitle(m_session ? tr("%1 — %2 (%3)", "window title: the program, the user, the role")
                                   .arg(name, m_user, role::displayName(m_role))
                             : name);
    if (!m_readOnly)
        return;
    if (m_role == role::Clerk)
        m_readOnly->setText(tr("Read only: a counter clerk reads the queues and does not decide."));
    else if (m_role == role::Supervisor)
        m_readOnly->setText(tr("Read only: a bureau supervisor reads the queues and does not decide."));
    else if (m_role == role::Principal)
        m_readOnly->setText(tr("Read only: this school does not let its principal decide."));
    else
        m_readOnly->setText(tr("Read only: this role does not decide."));
}

} // namespace adm::ui
