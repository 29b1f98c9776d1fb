// MainWindow: counter intake (issue 13). A role that may take walk-in paper applications (clerk,
// reviewer, principal: security::Action::CounterIntake) gets a Counter menu with "New counter
// application…" (Ctrl+N) and "Counter intake"; a clerk also a toolbar button. Both open the counter
// window, or raise the one open. It is closed with the session (a lock), its draft kept.
#include "CounterPrompter.h"
#include "CounterWindow.h"
#include "MainWindow.h"
#include "MainWindowActions.h"
#include "Prompter.h"
#include "security/Permissions.h"
#include "security/Roles.h"

#include <QGuiApplication>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QToolBar>

namespace adm::ui {

void MainWindow::setCounterPrompter(CounterPrompter* prompter)
{
    m_counterPrompter = prompter;
}

CounterWindow* MainWindow::counterWindow() const
{
    return m_counter;
}

void MainWindow::offerCounter(bool offered)
{
    Actions& a = *m_actions;
    const bool clerk = offered && m_role == role::Clerk;
    if (offered != (a.newCounter != nullptr)) {
        if (offered) {
            auto make = [this](const char* name, const QKeySequence& key, bool newApplication) {
                auto* action = new QAction(this);
                action->setObjectName(QLatin1String(name));
                action->setShortcut(key);
                connect(action, &QAction::triggered, this, [this, newApplication] { openCounter(newApplication); });
                addAction(action);
                return action;
            };
            a.newCounter = make("newCounterAction", QKeySequence::New, true);
            a.counterIntake = make("counterIntakeAction", QKeySequence(), false);
        } else {
            // As the decision keys: gone at once, deleted later (one of them may be being handled).
            for (QAction** action : {&a.newCounter, &a.counterIntake}) {
                QAction* gone = std::exchange(*action, nullptr);
                removeAction(gone);
                gone->setParent(nullptr);
                gone->deleteLater();
            }
        }
    }
    if (clerk != (m_counterBar != nullptr)) {
        if (clerk) {
            m_counterBar = new QToolBar(this);
            m_counterBar->setObjectName(QStringLiteral("counterToolBar"));
            m_counterBar->setMovable(false);
            m_counterBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
            m_counterBar->addAction(a.counterIntake);
            addToolBar(Qt::TopToolBarArea, m_counterBar);
        } else {
            removeToolBar(m_counterBar);
            std::exchange(m_counterBar, nullptr)->deleteLater();
        }
    }
    retranslateCounter();
}

void MainWindow::addCounterMenu()
{
    const Actions& a = *m_actions;
    if (!a.newCounter)
        return;
    QMenu* counter = menuBar()->addMenu(tr("&Counter"));
    counter->setObjectName(QStringLiteral("counterMenu"));
    counter->addAction(a.newCounter);
    counter->addAction(a.counterIntake);
}

void MainWindow::retranslateCounter()
{
    const Actions& a = *m_actions;
    if (a.newCounter) {
        a.newCounter->setText(tr("&New counter application…"));
        a.newCounter->setToolTip(tr("Type a walk-in family's paper application at the counter"));
        a.counterIntake->setText(tr("Counter &intake"));
        a.counterIntake->setToolTip(tr("The counter: today's walk-in applications, their receipts, a new one"));
    }
    if (m_counterBar)
        m_counterBar->setWindowTitle(tr("Counter"));
}

void MainWindow::openCounter(bool newApplication)
{
    if (!m_session || !security::may(m_role, security::Action::CounterIntake))
        return;
    if (m_counter) {
        m_counter->showNormal();
        m_counter->raise();
        m_counter->activateWindow();
        if (newApplication)
            m_counter->newApplication();
        return;
    }
    if (!m_counterPrompter) {
        if (!m_ownCounterPrompter)
            m_ownCounterPrompter = std::make_unique<DialogCounterPrompter>();
        m_counterPrompter = m_ownCounterPrompter.get();
    }
    // A new window offers a draft left from before, then starts a new application: nothing more to do here.
    auto* window = new CounterWindow(*m_session, *m_prompter, *m_counterPrompter, this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    m_counter = window;
    // Fits the screen: 1366×768 is the smallest an office has.
    const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1366, 768);
    window->resize(std::min(1440, screen.width()), std::min(900, screen.height()));
    window->show();
    window->raise();
    window->activateWindow();
}

void MainWindow::closeCounter()
{
    if (!m_counter)
        return;
    CounterWindow* window = m_counter;
    m_counter = nullptr;
    window->keepDraftNow(); // before the cache closes; offered again when it opens next
    window->shutdown();     // its readers go before the session's writer
    window->hide();
    window->deleteLater(); // not now: a question it asked may still be on the stack
}

} // namespace adm::ui
