#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;

namespace adm::sync {
struct Enrolment;
}

namespace adm::ui {

class FirstRunWizard;
struct HubOutcome;

// The first-run wizard's hub page: the hub address, its CA file, the workstation's name and the
// hub account with its password. "Connect and sign in" checks the address and the file here, then
// asks the hub once (TLS handshake, sign-in) on a worker thread; only when the hub accepted the
// password is the enrolment saved, as `admissionsctl connect` and `login` would. Any failure is
// told in words a clerk understands and the page stays. "Skip — work offline" leaves it as it is.
class EnrolPage : public QWizardPage {
    Q_OBJECT
public:
    explicit EnrolPage(FirstRunWizard* wizard);

    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override;

    // The wizard's "Skip — work offline" button.
    void skip();

private:
    void browseCa();
    void connectAndSignIn();
    void finish(const HubOutcome& outcome, const sync::Enrolment& enrolment, const QString& account);
    void setBusy(bool busy);
    void showStatus(const QString& richText, bool error, QLineEdit* focus = nullptr);

    FirstRunWizard* m_wizard;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_caFile = nullptr;
    QPushButton* m_browse = nullptr;
    QLineEdit* m_workstation = nullptr;
    QLineEdit* m_account = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_status = nullptr;
    bool m_busy = false;
    bool m_done = false;    // signed in and saved: the wizard may go on
    bool m_skipped = false; // the person chose to work offline
};

} // namespace adm::ui
