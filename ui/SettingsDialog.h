#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace adm::ui {

// The workstation's preferences: the interface language and the idle time before the workstation
// locks itself. Stored with QSettings ("language", "idle_lock_minutes").
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    static QString language();    // "system" | "zh_CN" | "en"
    static int idleLockMinutes(); // 1 … 240, default 10
    static void setIdleLockMinutes(int minutes);

    void accept() override;

Q_SIGNALS:
    void languageChosen(const QString& setting);
    void idleLockChanged(int minutes);

private:
    QComboBox* m_language = nullptr;
    QSpinBox* m_idle = nullptr;
};

} // namespace adm::ui
