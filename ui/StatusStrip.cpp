#include "StatusStrip.h"

#include "security/Roles.h"

#include <QHBoxLayout>
#include <QLabel>

namespace adm::ui {

StatusStrip::StatusStrip(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("statusStrip"));
    auto make = [this](const char* name) {
        auto* l = new QLabel(this);
        l->setObjectName(QLatin1String(name));
        return l;
    };
    m_online = make("onlineLabel");
    m_lastSync = make("lastSyncLabel");
    m_outbox = make("outboxLabel");
    m_conflicts = make("conflictsLabel");
    m_user = make("userLabel");
    m_online->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_online, &QLabel::linkActivated, this, [this] { Q_EMIT signInClicked(); });
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    for (QLabel* l : {m_online, m_lastSync, m_outbox, m_conflicts, m_user})
        layout->addWidget(l);
    retranslate();
}

void StatusStrip::setOnline(bool online, bool canSync)
{
    m_isOnline = online;
    m_canSync = canSync;
    retranslate();
}

void StatusStrip::setSignInNeeded(bool needed)
{
    m_signInNeeded = needed;
    retranslate();
}

void StatusStrip::setAnswering(bool answering)
{
    m_answering = answering;
    retranslate();
}

void StatusStrip::setStatus(const views::SessionStatus& status)
{
    m_status = status;
    m_known = true;
    retranslate();
}

void StatusStrip::setUser(const QString& user, const QString& role)
{
    m_userName = user;
    m_roleName = role;
    retranslate();
}

void StatusStrip::clear()
{
    m_known = false;
    m_status = {};
    m_userName.clear();
    retranslate();
}

void StatusStrip::retranslate()
{
    const QString dot = QStringLiteral("<span style='color:%1'>●</span> %2");
    if (!m_canSync)
        m_online->setText(dot.arg(QStringLiteral("#757575"), tr("No city platform")));
    else if (m_signInNeeded)
        m_online->setText(dot.arg(QStringLiteral("#b00020"), tr("Offline, not signed in")) +
                          QStringLiteral(" — <a href=\"#sign-in\">%1</a>").arg(tr("Sign in…")));
    else if (m_isOnline && !m_answering)
        m_online->setText(dot.arg(QStringLiteral("#e65100"), tr("Not answering")));
    else
        m_online->setText(m_isOnline ? dot.arg(QStringLiteral("#2e7d32"), tr("Online"))
                                     : dot.arg(QStringLiteral("#b00020"), tr("Offline")));
    m_online->setToolTip(!m_canSync ? tr("This workstation is not enrolled with a city platform: decisions wait in "
                                         "the outbox.")
                         : m_signInNeeded ? tr("Not signed in to the city platform: decisions wait in the outbox "
                                               "until you sign in.")
                         : !m_answering   ? tr("The city platform has not answered within the time a request may take; "
                                                 "the sync keeps trying. Decisions wait in the outbox.")
                                          : QString());
    const QString last = m_status.lastSync.isValid()
                             ? m_status.lastSync.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                             : tr("never");
    m_lastSync->setText(tr("Last sync: %1").arg(last));
    m_outbox->setText(tr("Outbox: %1").arg(m_status.outbox));
    m_outbox->setToolTip(tr("Decisions made here and not sent yet"));
    m_conflicts->setText(tr("Conflicts: %1").arg(m_status.conflicts));
    m_conflicts->setStyleSheet(m_status.conflicts > 0 ? QStringLiteral("color: #b00020; font-weight: bold;")
                                                      : QString());
    m_user->setText(m_userName.isEmpty() ? QString() : tr("%1 (%2)").arg(m_userName, role::displayName(m_roleName)));
    for (QLabel* l : {m_lastSync, m_outbox, m_conflicts})
        l->setVisible(m_known);
}

} // namespace adm::ui
