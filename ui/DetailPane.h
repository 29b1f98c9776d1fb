#pragma once

#include "views/ApplicationDetail.h"

#include <QScrollArea>
#include <QSet>
#include <QTimer>
#include <optional>

class QLabel;
class QVBoxLayout;

namespace adm::views {
class RecordTreeModel;
}

namespace adm::ui {

class CurrentApplication;

// The applicant detail pane: child and guardians (ID numbers masked until a reveal is audited),
// the claimed address, the check with every rule and its evidence cards, the flags with a sentence
// each, any conflict of a decision made here, every agency record in full, the history and the
// related applications. It only shows: the window does the reading and the writing.
class DetailPane : public QScrollArea {
    Q_OBJECT
public:
    explicit DetailPane(QWidget* parent = nullptr);
    ~DetailPane() override;

    // Shows what `current` says: the application chosen, its detail once read, or why not.
    void follow(CurrentApplication* current);
    // True when the application shown is not among the queue's rows (opened from a related one).
    bool isOutsideQueue() const { return m_outsideQueue; }

    void showLoading(const QString& applicationId);
    void showDetail(const views::ApplicationDetail& detail);
    void showError(const QString& message);
    // Takes everything personal off the screen.
    void clear();

    // The application being read, else the one shown.
    QString applicationId() const;
    // The application shown (while another is read, the previous one).
    const views::ApplicationDetail* detail() const { return m_detail ? &*m_detail : nullptr; }
    // Called once the reveal of this person's number is in the audit log.
    void revealIdNumber(int position);
    // Whether the signed-in role may decide: else no decision buttons (drop a decision) are made.
    void setDecisionsOffered(bool offered);
    bool decisionsOffered() const { return m_decisionsOffered; }

Q_SIGNALS:
    void revealRequested(int position);
    void openApplication(const QString& applicationId);
    void dropRequested(qint64 outboxItem);
    void addNoteRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void setOutsideQueue(bool outside);
    QWidget* outsideQueueBanner(QWidget* parent);
    static QWidget* returnedBanner(const sync::BatchItem& item, QWidget* parent);

public:
    // The line shown over an application the user declared a relative on, and the refusal of its
    // decision keys (issue 14).
    static QString relationRefusal();

private:
    void setContent(QWidget* content);
    void rebuild();
    QWidget* message(const QString& text);

    void showBusy(bool busy);

    std::optional<views::ApplicationDetail> m_detail;
    QString m_loadingId;
    // While the next application is read the previous one stays as it is (no grey flash); only a
    // read that takes longer than this shows a small "Reading…" note over it.
    QTimer m_busyDelay;
    QLabel* m_busy = nullptr;
    QSet<int> m_revealed;
    bool m_outsideQueue = false;
    bool m_scrollToTop = false; // the next content is another application's: start at its top
    bool m_decisionsOffered = false;
    views::RecordTreeModel* m_records = nullptr;
};

} // namespace adm::ui
