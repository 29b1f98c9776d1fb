#pragma once

#include "views/QueueTypes.h"

#include <QWidget>
#include <functional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QToolButton;

namespace adm::ui {

// The queue's filters: school, checked category, flag, channel and submission dates. Changing one
// emits filterChanged(); nothing here reads the cache (the schools are given).
class FilterBar : public QWidget {
    Q_OBJECT
public:
    explicit FilterBar(QWidget* parent = nullptr);

    views::QueueFilter filter() const;
    // (id, name) pairs; the current choice is kept when it is still offered.
    void setSchools(const QList<QPair<QString, QString>>& schools);
    void clear();
    void retranslate();
    // Where "today" comes from for the overdue filter (tests fix it); the system date by default.
    void setToday(std::function<QDate()> today) { m_today = std::move(today); }

Q_SIGNALS:
    void filterChanged();

private:
    void fillFixedChoices();

    QComboBox* m_school = nullptr;
    QComboBox* m_category = nullptr;
    QComboBox* m_flag = nullptr;
    QComboBox* m_channel = nullptr;
    QLabel* m_dateLabel = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QCheckBox* m_overdue = nullptr;
    QToolButton* m_clear = nullptr;
    QList<QPair<QString, QString>> m_schools;
    bool m_filling = false;
    std::function<QDate()> m_today = &QDate::currentDate;
};

} // namespace adm::ui
