#pragma once

#include "views/SignOffService.h"

#include <QMainWindow>
#include <memory>
#include <optional>

class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace adm::views {
class ReaderThread;
class Session;
} // namespace adm::views

namespace adm::ui {

class Prompter;
class SignOffPrompter;

// The principal's sign-off (issue 14; docs/signoff.md). Left: the school's batches, each with its state
// as a sentence (and for a refused one what to do, with "Make again without the moved items"), the
// candidates and "New batch…". Right: the review of the selected batch: the seats per category against
// capacity, with a warning over it; the overrides with the officer and the reason, each marked seen one
// by one (Space on the row); the flagged approvals; the declared relationships and who decided; every
// item; those returned. "Return to officer…", "Sign…" (the passphrase asked again, the key's fingerprint
// shown), "Export…"; without a key "Generate signing key…".
//
// Reads run on a reader thread (views/SignOffService.h), writes through views::SignOffService on the
// writer's thread. Questions go through the injected prompters.
class SignOffWindow : public QMainWindow {
    Q_OBJECT
public:
    // `session` and the prompters must outlive the window, or shutdown() must be called first.
    SignOffWindow(views::Session& session, Prompter& prompter, SignOffPrompter& signOffPrompter,
                  QWidget* parent = nullptr);
    ~SignOffWindow() override;

    // The session is about to close (a lock): nothing reads or writes through it any more.
    void shutdown();
    // Reads everything again (after a write, a sync).
    void refresh();

    // The overview read (batches, key, candidates), and the review of the selected batch.
    const views::SignOffOverview& overview() const { return m_overview; }
    const std::optional<sync::BatchReview>& review() const { return m_review; }
    QString message() const;

    void newBatch();
    void sign();
    void generateKey();
    void returnItem();
    void exportBatch();
    void writeNotice();
    void renewBatch();
    void discardBatch();

Q_SIGNALS:
    // The overview was read and shown.
    void overviewShown();
    // The review of a batch was read and shown.
    void reviewShown(const QString& batchId);
    // A write answered (ok or not), its sentence shown.
    void answered(bool ok, const QString& message);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // The id (batch or application) a list row or tree row stands for.
    static constexpr int kIdRole = Qt::UserRole;
    enum class Tone { Plain, Ok, Warning, Error };

    QWidget* buildBatchPane();
    QWidget* buildReviewPane();
    QTreeWidget* makeTree(const char* name);
    void retranslate();
    void showMessage(const QString& text, Tone tone = Tone::Plain);
    void showOverview();
    void showReview();
    void readReview(const QString& batchId);
    QString selectedBatchId() const;
    std::optional<sync::BatchSummary> selectedBatch() const;
    // The item of the focused (or current) list of the review.
    QString currentItemId() const;
    void markCurrentSeen();
    void answer(const Status& status, const QString& okText);
    void updateActions();

    QString stateSentence(const sync::BatchSummary& b) const;
    QString decisionText(const sync::SignOffDecision& d) const;
    QString overrideText(const sync::SignOffDecision& d) const;

    views::Session* m_session = nullptr;
    Prompter& m_prompter;
    SignOffPrompter& m_signOffPrompter;
    QString m_user;
    std::unique_ptr<views::SignOffService> m_service;
    std::unique_ptr<views::ReaderThread> m_reads;
    views::SignOffOverview m_overview;
    std::optional<sync::BatchReview> m_review;
    QString m_selectAfterRead; // a batch to select once the overview is read again
    quint64 m_overviewGeneration = 0;
    quint64 m_reviewGeneration = 0;
    bool m_busy = false; // a write runs
    QString m_lastExportDir;

    QLabel* m_keyLine = nullptr;
    QPushButton* m_generateKey = nullptr;
    QLabel* m_batchesTitle = nullptr;
    QListWidget* m_batches = nullptr;
    QLabel* m_candidates = nullptr;
    QPushButton* m_newBatch = nullptr;
    QLabel* m_advice = nullptr;
    QPushButton* m_renew = nullptr;
    QPushButton* m_discard = nullptr;

    QLabel* m_reviewTitle = nullptr;
    QLabel* m_reviewState = nullptr;
    QLabel* m_seats = nullptr;
    QLabel* m_seatsWarning = nullptr;
    QLabel* m_relationWarning = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTreeWidget* m_overrides = nullptr;
    QTreeWidget* m_flagged = nullptr;
    QTreeWidget* m_related = nullptr;
    QTreeWidget* m_items = nullptr;
    QTreeWidget* m_returned = nullptr;
    QLabel* m_unseen = nullptr;
    QPushButton* m_return = nullptr;
    QPushButton* m_sign = nullptr;
    QPushButton* m_export = nullptr;
    QPushButton* m_notice = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace adm::ui
