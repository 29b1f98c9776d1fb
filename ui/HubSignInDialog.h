#pragma once

#include "sync/Enrolment.h"
#include "sync/SyncTypes.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace adm::ui {

struct HubOutcome;

// Asks for the hub password of the account this local user syncs as, and checks it with the hub
// before the session starts, so that a mistyped password is told here and not later in the
// status bar. The dialog stays open on a failure; "Work offline" gives no password (the session
// then keeps decisions in the outbox). When the hub cannot be reached at all, "Sync when it
// answers" keeps the unchecked password, so that the session syncs by itself once the network is
// back. The password is kept for this session only.
class HubSignInDialog : public QDialog {
    Q_OBJECT
public:
    HubSignInDialog(const sync::Enrolment& enrolment, const QString& account, QWidget* parent = nullptr);

    // One attempt per sign-in, with a timeout a person can wait for (tests shorten it).
    void setHubOptions(const sync::SyncOptions& options) { m_options = options; }

    // After accept(): the password the hub accepted (or, after "Sync when it answers", the one typed).
    QString password() const { return m_password; }

    void reject() override;

private:
    void signIn();
    void finish(const HubOutcome& outcome, const QString& password);
    void setBusy(bool busy);
    void showStatus(const QString& richText, bool error);

    sync::Enrolment m_enrolment;
    QString m_account;
    sync::SyncOptions m_options;
    QLineEdit* m_passwordEdit = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_signIn = nullptr;
    QPushButton* m_offline = nullptr;
    QPushButton* m_later = nullptr; // shown when the hub cannot be reached
    QString m_password;
    bool m_busy = false;
};

} // namespace adm::ui
