#include "IdleWatcher.h"

#include <QCoreApplication>
#include <QEvent>

namespace adm::ui {

IdleWatcher::IdleWatcher(QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleWatcher::check);
    QCoreApplication::instance()->installEventFilter(this);
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void IdleWatcher::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
    poke();
}

void IdleWatcher::setActive(bool active)
{
    m_active = active;
    poke();
}

void IdleWatcher::setClock(Clock clock)
{
    m_clock = std::move(clock);
    poke();
}

std::chrono::steady_clock::time_point IdleWatcher::now() const
{
    return m_clock ? m_clock() : std::chrono::steady_clock::now();
}

void IdleWatcher::poke()
{
    m_lastInput = now();
    if (m_active && m_timeout.count() > 0)
        m_timer.start(m_timeout);
    else
        m_timer.stop();
}

bool IdleWatcher::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TabletPress:
        if (m_timer.isActive()) {
            m_lastInput = now();
            m_timer.start(m_timeout);
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void IdleWatcher::check()
{
    if (!m_active || m_timeout.count() <= 0)
        return;
    const auto quiet = std::chrono::duration_cast<std::chrono::milliseconds>(now() - m_lastInput);
    if (quiet >= m_timeout) {
        m_timer.stop();
        Q_EMIT idle();
        return;
    }
    // A timer may fire a little early (coarse timers): wait for the rest.
    m_timer.start(m_timeout - quiet);
}

} // namespace adm::ui
