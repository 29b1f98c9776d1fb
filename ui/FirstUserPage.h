#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;

namespace adm::ui {

class FirstRunWizard;

// The first page of the first-run wizard: a welcome and the first local user (name, role,
// passphrase twice). Leaving it creates the encrypted workspace, so it is a commit page; the
// same rules as `admissionsctl init` refuse a bad name or passphrase before anything is written.
class FirstUserPage : public QWizardPage {
    Q_OBJECT
public:
    explicit FirstUserPage(FirstRunWizard* wizard);

    bool validatePage() override;

private:
    void showError(const QString& message, QLineEdit* focus);

    FirstRunWizard* m_wizard;
    QLineEdit* m_name = nullptr;
    QComboBox* m_role = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QLineEdit* m_confirm = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace adm::ui
