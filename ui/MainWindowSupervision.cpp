// MainWindow: the supervision dashboard (issue 16). A role that may see dashboards (security::Action::
// Dashboards: supervisors) gets a Supervision menu with "Dashboard…" (Ctrl+Shift+D), which opens the
// dashboard window or raises the one open. It is closed with the session (a lock).
#include "MainWindow.h"
#include "MainWindowActions.h"
#include "SupervisionWindow.h"
#include "security/Permissions.h"

#include <QMenu>
#include <QMenuBar>
#include <QScreen>

namespace adm::ui {

void MainWindow::setSupervisionPrompter(SupervisionPrompter* prompter)
{
    m_supervisionPrompter = prompter;
}

SupervisionWindow* MainWindow::supervisionWindow() const
{
    return m_supervision;
}

// Called as the menus are made (buildMenus): the action exists only while a user who may see the
// dashboards is signed in.
void MainWindow::addSupervisionMenu()
{
    Actions& a = *m_actions;
    const bool offered = m_session && security::may(m_role, security::Action::Dashboards);
    if (offered != (a.supervision != nullptr)) {
        if (offered) {
            a.supervision = new QAction(this);
            a.supervision->setObjectName(QStringLiteral("supervisionAction"));
            a.supervision->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
            connect(a.supervision, &QAction::triggered, this, &MainWindow::openSupervision);
            addAction(a.supervision);
        } else {
            QAction* gone = std::exchange(a.supervision, nullptr);
            removeAction(gone);
            gone->setParent(nullptr);
            gone->deleteLater();
        }
    }
    if (!a.supervision)
        return;
    a.supervision->setText(tr("&Dashboard…"));
    a.supervision->setToolTip(
        tr("Where enrolment stands in the city, a district or a school, and where it goes wrong"));
    QMenu* menu = menuBar()->addMenu(tr("S&upervision"));
    menu->setObjectName(QStringLiteral("supervisionMenu"));
    menu->addAction(a.supervision);
}

void MainWindow::openSupervision()
{
    if (!m_session || !security::may(m_role, security::Action::Dashboards))
        return;
    if (m_supervision) {
        m_supervision->showNormal();
        m_supervision->raise();
        m_supervision->activateWindow();
        return;
    }
    if (!m_supervisionPrompter) {
        if (!m_ownSupervisionPrompter)
            m_ownSupervisionPrompter = std::make_unique<DialogSupervisionPrompter>();
        m_supervisionPrompter = m_ownSupervisionPrompter.get();
    }
    auto* window = new SupervisionWindow(*m_session, *m_supervisionPrompter, this);
    window->setWindowFlag(Qt::Window);
    window->setAttribute(Qt::WA_DeleteOnClose);
    m_supervision = window;
    connect(window, &SupervisionWindow::drillDownRequested, this, &MainWindow::showQueueQuery);
    // Fits the screen: 1366×768 is the smallest an office has.
    const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1366, 768);
    window->resize(std::min(1600, screen.width()), std::min(960, screen.height()));
    window->show();
    window->raise();
    window->activateWindow();
}

void MainWindow::closeSupervision()
{
    if (!m_supervision)
        return;
    SupervisionWindow* window = m_supervision;
    m_supervision = nullptr;
    window->shutdown(); // its reader goes before the session's writer
    window->hide();
    window->deleteLater();
}

} // namespace adm::ui
