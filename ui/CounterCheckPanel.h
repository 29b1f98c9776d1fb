#pragma once

#include "views/CounterService.h"

#include <QGroupBox>
#include <QList>
#include <QPair>
#include <optional>

class QLabel;

namespace adm::ui {

// Beside the counter form, before anything is saved: the automatic check on what is known (cached and
// looked-up records and the typed data), its category and flags with their reasons, and, first and
// prominent, the child's other applications this year already in the cache.
class CounterCheckPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit CounterCheckPanel(QWidget* parent = nullptr);

    // id, name: the school names the known applications show.
    void setSchools(const QList<QPair<QString, QString>>& schools) { m_schools = schools; }
    void showPreview(const views::CounterPreview& preview, const QString& claimedCategory);
    // How many fields still have a problem (sync::checkCounterApplication).
    void showProblems(int count);
    void showError(const QString& message);
    void clear();
    void retranslate();

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();
    QString schoolName(const QString& id) const;

    QList<QPair<QString, QString>> m_schools;
    std::optional<views::CounterPreview> m_preview;
    QString m_claimed;
    QString m_error;
    int m_problems = -1;
    QLabel* m_known = nullptr;
    QLabel* m_category = nullptr;
    QLabel* m_flags = nullptr;
    QLabel* m_problemsLabel = nullptr;
    QLabel* m_note = nullptr;
};

} // namespace adm::ui
