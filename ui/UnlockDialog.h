#pragma once

#include "views/OpenCache.h"

#include <QDialog>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace adm::ui {

// Asks which local user is at the desk and for the passphrase, and unlocks the data folder.
// A wrong passphrase keeps the dialog open with a sentence that says what to do.
class UnlockDialog : public QDialog {
    Q_OBJECT
public:
    explicit UnlockDialog(const QString& dataDir, QWidget* parent = nullptr);

    // The unlocked cache after accept(); the caller hands it to the session factory.
    views::OpenCache takeCache() { return std::move(m_cache); }

private:
    void tryUnlock();
    void showError(const QString& message);

    QString m_dataDir;
    QComboBox* m_user = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_unlock = nullptr;
    views::OpenCache m_cache;
};

} // namespace adm::ui
