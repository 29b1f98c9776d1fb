// MainWindow: the principal's sign-off (issue 14). A role that may sign batches (security::Action::
// SignBatches: principals) gets a Sign-off menu with "Sign-off…" (Ctrl+Shift+S), which opens the sign-off
// window or raises the one open. Every user gets "Declared relatives…" in the Workstation menu. Both
// are closed with the session (a lock).
#include "DetailPane.h"
#include "MainWindow.h"
#include "MainWindowActions.h"
#include "Prompter.h"
#include "QueuePane.h"
#include "RelativesDialog.h"
#include "SignOffPrompter.h"
#include "SignOffWindow.h"
#include "security/Permissions.h"
#include "views/QueueModel.h"
#include "views/ReaderThread.h"
#include "views/SignOffService.h"

#include <QMenu>
#include <QMenuBar>
#include <QScreen>

namespace adm::ui {

void MainWindow::setSignOffPrompter(SignOffPrompter* prompter)
{
    m_signOffPrompter = prompter;
}

SignOffWindow* MainWindow::signOffWindow() const
{
    return m_signOff;
}

void MainWindow::offerSignOff(bool offered)
{
    Actions& a = *m_actions;
    if (!a.relatives) {
        a.relatives = new QAction(this);
        a.relatives->setObjectName(QStringLiteral("declaredRelativesAction"));
        connect(a.relatives, &QAction::triggered, this, &MainWindow::openRelatives);
        addAction(a.relatives);
    }
    a.relatives->setEnabled(m_session != nullptr);
    if (offered != (a.signOff != nullptr)) {
        if (offered) {
            a.signOff = new QAction(this);
            a.signOff->setObjectName(QStringLiteral("signOffAction"));
            a.signOff->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
            connect(a.signOff, &QAction::triggered, this, &MainWindow::openSignOff);
            addAction(a.signOff);
        } else {
            // As the decision keys: gone at once, deleted later (it may be being handled).
            QAction* gone = std::exchange(a.signOff, nullptr);
            removeAction(gone);
            gone->setParent(nullptr);
            gone->deleteLater();
        }
    }
    retranslateSignOff();
}

void MainWindow::addSignOffMenu()
{
    const Actions& a = *m_actions;
    if (!a.signOff)
        return;
    QMenu* menu = menuBar()->addMenu(tr("Sign-o&ff"));
    menu->setObjectName(QStringLiteral("signOffMenu"));
    menu->addAction(a.signOff);
}

void MainWindow::retranslateSignOff()
{
    const Actions& a = *m_actions;
    if (a.signOff) {
        a.signOff->setText(tr("&Sign-off…"));
        a.signOff->setToolTip(tr("Review the school's decisions in batches and sign them"));
    }
    if (a.relatives) {
        a.relatives->setText(tr("&Declared relatives…"));
        a.relatives->setToolTip(tr("The ID numbers of your relatives: you will not decide their applications"));
    }
}

void MainWindow::openSignOff()
{
    if (!m_session || !security::may(m_role, security::Action::SignBatches))
        return;
    if (m_signOff) {
        m_signOff->showNormal();
        m_signOff->raise();
        m_signOff->activateWindow();
        return;
    }
    if (!m_signOffPrompter) {
        if (!m_ownSignOffPrompter)
            m_ownSignOffPrompter = std::make_unique<DialogSignOffPrompter>();
        m_signOffPrompter = m_ownSignOffPrompter.get();
    }
    auto* window = new SignOffWindow(*m_session, *m_prompter, *m_signOffPrompter, this);
    window->setWindowFlag(Qt::Window);
    window->setAttribute(Qt::WA_DeleteOnClose);
    m_signOff = window;
    // Fits the screen: 1366×768 is the smallest an office has.
    const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1366, 768);
    window->resize(std::min(1440, screen.width()), std::min(900, screen.height()));
    window->show();
    window->raise();
    window->activateWindow();
}

void MainWindow::closeSignOff()
{
    if (m_relatives) {
        auto* dialog = static_cast<RelativesDialog*>(m_relatives.data());
        m_relatives = nullptr;
        dialog->shutdown(); // its reader goes before the session's writer
        dialog->hide();
        dialog->deleteLater();
    }
    if (!m_signOff)
        return;
    SignOffWindow* window = m_signOff;
    m_signOff = nullptr;
    window->shutdown(); // its readers go before the session's writer
    window->hide();
    window->deleteLater(); // not now: a question it asked may still be on the stack
}

void MainWindow::refreshRefused()
{
    if (!m_reads)
        return;
    m_reads->run<QSet<QString>>(
        [user = m_user](const views::CacheView* cache) {
            if (!cache)
                return QSet<QString>();
            auto ids = views::readRelatedApplications(*cache, user);
            return ids ? *ids : QSet<QString>();
        },
        this,
        [this](QSet<QString> ids) {
            if (m_session)
                m_queue->model()->setRefused(ids, DetailPane::relationRefusal());
        });
}

void MainWindow::openRelatives()
{
    if (!m_session)
        return;
    if (m_relatives) {
        m_relatives->raise();
        m_relatives->activateWindow();
        return;
    }
    auto* dialog = new RelativesDialog(*m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_relatives = dialog;
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

} // namespace adm::ui
