#pragma once

#include <QObject>
#include <QTimer>
#include <chrono>
#include <functional>

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

    // Where the time comes from. Empty: std::chrono::steady_clock. Tests give a clock they move by
    // hand and call check(), so that an idle lock needs no waiting.
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    void setClock(Clock clock);
    // Says idle() when the timeout has passed since the last input, or waits for the rest of it.
    // The timer calls it.
    void check();

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    std::chrono::steady_clock::time_point now() const;

    Clock m_clock;
    std::chrono::steady_clock::time_point m_lastInput;
    QTimer m_timer;
    std::chrono::milliseconds m_timeout{0};
    bool m_active = false;
};

} // namespace adm::ui
