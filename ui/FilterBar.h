#pragma once

#include "views/QueueTypes.h"

#include <QWidget>
#include <functional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QToolButton;

namespace adm::ui {

// The queue's filters: school, checked category, flag, channel and submission dates, and the saved
// views. Supervision's drill-down filters (a district, an officer's decisions, the overrides of the
// check) have no box of their own: while one is set it shows as a chip ("District 371102 ×") that
// says why the queue is narrowed and removes it when pressed (mouse, or Tab and Space); Clear
// removes them too. The dates filter once their box is ticked, or once a date is typed or picked; until then
// they show the data's first and last days, where their calendars open. Changing one emits filterChanged(); nothing
// here reads the cache (the schools and the data's dates are given). The filters sit in a flow layout: a narrow window
// wraps them onto a second line instead of cutting them.
class FilterBar : public QWidget {
    Q_OBJECT
public:
    explicit FilterBar(QWidget* parent = nullptr);

    views::QueueFilter filter() const;
    // Shows `filter` without emitting filterChanged (the caller queries once). A school not offered
    // yet (the schools are read after the queue opens) is chosen when it arrives.
    void restore(const views::QueueFilter& filter);
    void setFilter(const views::QueueFilter& filter);
    // (id, name) pairs; the current choice is kept when it is still offered.
    void setSchools(const QList<QPair<QString, QString>>& schools);
    // The days the cache's applications were submitted on: the calendars open there.
    void setDataDates(const QDate& first, const QDate& last);
    // The names of the saved views, in the order shown.
    void setSavedNames(const QStringList& names);
    // Every filter back to "any"; emits cleared() (the pane clears its search) then filterChanged().
    void clear();
    void retranslate();
    // Where "today" comes from for the overdue filter (tests fix it); the system date by default.
    void setToday(std::function<QDate()> today) { m_today = std::move(today); }

Q_SIGNALS:
    void filterChanged();
    void cleared();
    void savedViewChosen(const QString& name);
    void saveViewRequested(const QString& name);
    void removeViewRequested(const QString& name);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fillFixedChoices();
    // The drill-down chips: shown for what is set, with the words of the moment.
    void updateChips();
    // A chip was pressed: its filter goes, the focus moves on to what is still there.
    void removeChip(QToolButton* chip);
    void applyLocale();
    // The date edits show the data's first and last days while the date filter is off.
    void resetDates();

    QComboBox* m_school = nullptr;
    QComboBox* m_category = nullptr;
    QComboBox* m_flag = nullptr;
    QComboBox* m_channel = nullptr;
    QCheckBox* m_dates = nullptr; // checked: the submission dates filter
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_saved = nullptr;
    QToolButton* m_save = nullptr;
    QToolButton* m_remove = nullptr;
    QCheckBox* m_overdue = nullptr;
    QToolButton* m_clear = nullptr;
    QToolButton* m_districtChip = nullptr;
    QToolButton* m_decisionsChip = nullptr;
    QString m_districtCode; // the drill-down's filters, kept as given
    QString m_officer;
    bool m_overridesOnly = false;
    QList<QPair<QString, QString>> m_schools;
    QDate m_firstDay;
    QDate m_lastDay;
    bool m_filling = false;
    QString m_wantedSchool;
    std::function<QDate()> m_today = &QDate::currentDate;
};

} // namespace adm::ui
