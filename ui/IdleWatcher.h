#pragma once

#include <QObject>
#include <QTimer>
#include <chrono>

namespace adm::ui {

// Watches the application's input (keys, mouse, wheel, touch) and says when there has been none
// for the timeout. Installed as an event filter on the application object.
class IdleWatcher : public QObject {
    Q_OBJECT
public:
    explicit IdleWatcher(QObject* parent = nullptr);
    ~IdleWatcher() override;

    // Zero or less: never idle.
    void setTimeout(std::chrono::milliseconds timeout);
    void setActive(bool active);
    // Input counts as activity: the countdown starts again.
    void poke();

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer m_timer;
    std::chrono::milliseconds m_timeout{0};
    bool m_active = false;
};

} // namespace adm::ui
