#pragma once

#include "views/QueueTypes.h"

#include <QWidget>

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
    // Shows `filter` without emitting filterChanged (the caller queries once). A school not offered
    // yet (the schools are read after the queue opens) is chosen when it arrives.
    void restore(const views::QueueFilter& filter);
    // (id, name) pairs; the current choice is kept when it is still offered.
    void setSchools(const QList<QPair<QString, QString>>& schools);
    void clear();
    void retranslate();

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
    QToolButton* m_clear = nullptr;
    QList<QPair<QString, QString>> m_schools;
    bool m_filling = false;
    QString m_wantedSchool;
};

} // namespace adm::ui
