#include "ZoomController.h"

#include <QSettings>
#include <QUrl>
#include <QWidget>
#include <algorithm>
#include <array>

namespace adm::ui {

namespace {

constexpr std::array<int, 9> kSteps = {70, 80, 90, 100, 110, 125, 150, 175, 200};

} // namespace

ZoomController::ZoomController(QWidget* window)
    : QObject(window)
    , m_window(window)
    , m_base(window->font())
{
    setObjectName(QStringLiteral("zoomController"));
}

QString ZoomController::settingsKey() const
{
    // The user name as one key: a "/" in it would make a settings group.
    return QStringLiteral("zoom/") + QString::fromLatin1(QUrl::toPercentEncoding(m_user));
}

void ZoomController::setUser(const QString& user)
{
    m_user = user;
    const int saved = user.isEmpty() ? 100 : QSettings().value(settingsKey(), 100).toInt();
    const bool known = std::find(kSteps.begin(), kSteps.end(), saved) != kSteps.end();
    apply(known ? saved : 100);
}

void ZoomController::zoomIn()
{
    for (int step : kSteps)
        if (step > m_percent) {
            apply(step);
            return;
        }
}

void ZoomController::zoomOut()
{
    for (auto it = kSteps.rbegin(); it != kSteps.rend(); ++it)
        if (*it < m_percent) {
            apply(*it);
            return;
        }
}

void ZoomController::reset()
{
    apply(100);
}

void ZoomController::apply(int percent)
{
    const bool changed = percent != m_percent;
    m_percent = percent;
    if (!m_user.isEmpty()) {
        QSettings settings;
        if (percent == 100)
            settings.remove(settingsKey());
        else
            settings.setValue(settingsKey(), percent);
    }
    if (!m_window)
        return;
    QFont font = m_base;
    if (m_base.pointSizeF() > 0)
        font.setPointSizeF(m_base.pointSizeF() * percent / 100.0);
    else
        font.setPixelSize(std::max(6, m_base.pixelSize() * percent / 100));
    // 100 %: the application's font again, so that the window follows it (no explicit font).
    if (percent == 100)
        m_window->setFont(QFont());
    else
        m_window->setFont(font);
    if (changed)
        Q_EMIT zoomed(percent);
}

} // namespace adm::ui
