#pragma once

#include "security/SecretBytes.h"
#include "sync/Enrolment.h"
#include "sync/SyncTypes.h"

#include <QDialog>
#include <QPointer>
#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;

namespace adm::sync {
struct HubSession;
}

namespace adm::ui {

struct HubOutcome;

// Asks for the hub password of the account this local user syncs as, and checks it with the hub
// before the session starts, so that a mistyped password is told here and not later in the
// status bar. The dialog stays open on a failure; "Work offline" gives no password (the session
// then keeps decisions in the outbox). A sign-in that waits on a platform that does not answer
// can be cancelled at once ("Cancel sign-in", Esc), and "Work offline" works meanwhile: the
// attempt's answer, when it comes, is dropped. When the hub cannot be reached at all, "Sync when it
// answers" keeps the unchecked password, so that the session syncs by itself once the network is
// back. After a sign-in the password is wiped and only the session (its token) is handed on, to be
// kept in the cache; the password itself is never stored.
class HubSignInDialog : public QDialog {
    Q_OBJECT
public:
    HubSignInDialog(const sync::Enrolment& enrolment, const QString& account, QWidget* parent = nullptr);

    // One attempt per sign-in, with a timeout a person can wait for (tests shorten it).
    void setHubOptions(const sync::SyncOptions& options) { m_options = options; }

    // After accept() on a sign-in: the session the hub granted (token and account).
    bool hasSession() const { return m_session != nullptr; }
    std::shared_ptr<sync::HubSession> takeSession() { return std::move(m_session); }
    // After "Sync when it answers": the password typed, not checked yet (wiped once the session signs in).
    bool hasPassword() const { return !m_password.isEmpty(); }
    security::SecretBytes takePassword() { return std::move(m_password); }
    // A line above the form saying why the dialog asks (the hub ended the session).
    void setReason(const QString& text);
    // The local user's role: a sign-in whose account does not have it is refused here, with the
    // sentence of security::rolesAgree (issue 11). Empty: not checked.
    void setLocalRole(const QString& role) { m_localRole = role; }

    void reject() override;

private:
    void signIn();
    void cancelSignIn();
    void finish(const HubOutcome& outcome, std::shared_ptr<security::SecretBytes> password);
    void setBusy(bool busy);
    void showStatus(const QString& richText, bool error);

    sync::Enrolment m_enrolment;
    QString m_account;
    QString m_localRole;
    sync::SyncOptions m_options;
    QLineEdit* m_passwordEdit = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_signIn = nullptr;
    QPushButton* m_offline = nullptr;
    QPushButton* m_later = nullptr;  // shown when the hub cannot be reached
    QPushButton* m_cancel = nullptr; // shown while a sign-in waits
    QLabel* m_reason = nullptr;
    security::SecretBytes m_password;                    // after "Sync when it answers" only
    std::shared_ptr<security::SecretBytes> m_unanswered; // the last password the hub could not be asked about
    std::shared_ptr<sync::HubSession> m_session;
    bool m_busy = false;
    QPointer<QObject> m_call; // the sign-in awaited; deleted to cancel it (its answer is then dropped)
};

} // namespace adm::ui
