#pragma once

#include "views/SessionStatus.h"

#include <QWidget>

class QLabel;

namespace adm::ui {

// The permanent part of the status bar: online or offline, the last good sync, the outbox and the
// conflicts, and who is signed in.
class StatusStrip : public QWidget {
    Q_OBJECT
public:
    explicit StatusStrip(QWidget* parent = nullptr);

    void setOnline(bool online, bool canSync);
    // No way in to the city platform now ("Work offline"): the online part offers a sign-in link.
    void setSignInNeeded(bool needed);
    // The city platform did not answer within the request timeout: "Not answering" instead of "Online".
    void setAnswering(bool answering);
    void setStatus(const views::SessionStatus& status);
    void setUser(const QString& user, const QString& role);
    void clear();
    void retranslate();

Q_SIGNALS:
    void signInClicked();

private:
    QLabel* m_online = nullptr;
    QLabel* m_lastSync = nullptr;
    QLabel* m_outbox = nullptr;
    QLabel* m_conflicts = nullptr;
    QLabel* m_user = nullptr;
    bool m_isOnline = false;
    bool m_canSync = false;
    bool m_signInNeeded = false;
    bool m_answering = true;
    bool m_known = false;
    views::SessionStatus m_status;
    QString m_userName;
    QString m_roleName;
};

} // namespace adm::ui
