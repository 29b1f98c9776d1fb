#pragma once

#include <QFont>
#include <QObject>
#include <QPointer>

class QWidget;

namespace adm::ui {

// The size of the whole window's text (Ctrl+Plus, Ctrl+Minus, Ctrl+0), in steps from 70 % to 200 %,
// remembered for each local user in the settings, so that an officer who needs larger text gets it
// back at every unlock and the next user gets their own.
class ZoomController : public QObject {
    Q_OBJECT
public:
    explicit ZoomController(QWidget* window);

    int percent() const { return m_percent; }
    // The zoom of `user` (100 % when none was chosen); an empty user shows 100 % and keeps nothing.
    void setUser(const QString& user);
    void zoomIn();
    void zoomOut();
    void reset();

Q_SIGNALS:
    void zoomed(int percent);

private:
    void apply(int percent);
    QString settingsKey() const;

    QPointer<QWidget> m_window;
    QFont m_base;
    QString m_user;
    int m_percent = 100;
};

} // namespace adm::ui
