#pragma once

#include <QDialog>

class QComboBox;
class QLabel;

namespace adm::ui {

// Asks why a person's full ID number must be shown. The answer goes to the audit log (who,
// which application, which person, why) before the number is shown.
class RevealDialog : public QDialog {
    Q_OBJECT
public:
    RevealDialog(const QString& applicationId, const QString& person, QWidget* parent = nullptr);
    QString reasonCode() const;
    void accept() override;

private:
    QComboBox* m_reason = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace adm::ui
