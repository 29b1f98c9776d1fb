#pragma once

#include "views/DecisionDraft.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <optional>

namespace adm::views {
class Session;
}

namespace adm::ui {

class DecisionDialog;

// Keeps what is typed in the open decision dialog in the cache (views::DraftStore), so that a lock,
// a crash or a kill -9 loses at most the last seconds: saved a short time after each edit, taken at
// once by the lock, cleared when the dialog is submitted or discarded.
class DraftKeeper : public QObject {
    Q_OBJECT
public:
    explicit DraftKeeper(QObject* parent = nullptr);

    // Null while the workstation is locked.
    void setSession(views::Session* session);
    // Pause after the last edit before the draft is written (about two seconds).
    void setDelay(int ms) { m_delay.setInterval(ms); }
    // The prompter's dialog watcher: follows `dialog` until it closes.
    void watch(DecisionDialog& dialog);
    // At a lock: the open dialog's draft if something was changed in it, and lets the dialog go (its
    // closing then clears nothing). The caller writes it before the cache closes.
    std::optional<views::DecisionDraft> takeForLock();

    // The question "go on with your draft?" (title, text, answers: go on, discard, not now = escape).
    struct Question {
        QString title;
        QString text;
        QStringList answers;
        int escape = 2;
    };
    static Question offerQuestion(const views::DecisionDraft& draft, bool afterLock);

Q_SIGNALS:
    // A draft reached the cache (tests wait on it).
    void saved();

private:
    void saveNow();
    void finished(int result);

    QPointer<views::Session> m_session;
    QPointer<DecisionDialog> m_dialog;
    QTimer m_delay;
    bool m_edited = false;
    bool m_owns = false; // the draft in the cache is this dialog's (saved from it, or it was resumed)
};

} // namespace adm::ui
