#pragma once

#include "views/ApplicationDetail.h"

#include <QScrollArea>
#include <QSet>
#include <optional>

class QLabel;
class QVBoxLayout;

namespace adm::views {
class RecordTreeModel;
}

namespace adm::ui {

// The applicant detail pane: child and guardians (ID numbers masked until a reveal is audited),
// the claimed address, the check with every rule and its evidence cards, the flags with a sentence
// each, any conflict of a decision made here, every agency record in full, the history and the
// related applications. It only shows: the window does the reading and the writing.
class DetailPane : public QScrollArea {
    Q_OBJECT
public:
    explicit DetailPane(QWidget* parent = nullptr);
    ~DetailPane() override;

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

Q_SIGNALS:
    void revealRequested(int position);
    void openApplication(const QString& applicationId);
    void dropRequested(qint64 outboxItem);
    void addNoteRequested();

private:
    void setContent(QWidget* content);
    void rebuild();
    QWidget* message(const QString& text);

    std::optional<views::ApplicationDetail> m_detail;
    QString m_loadingId;
    QSet<int> m_revealed;
    views::RecordTreeModel* m_records = nullptr;
};

} // namespace adm::ui
