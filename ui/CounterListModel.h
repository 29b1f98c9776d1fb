#pragma once

#include "sync/CounterIntake.h"

#include <QAbstractTableModel>
#include <QList>

namespace adm::ui {

// The counter list: the applications taken at this counter (today's, or every day's), newest first,
// as views::readCounterList reads them. Small (a counter takes tens a day): the whole list is held.
class CounterListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { LocalNumber, Child, Time, State, ColumnCount };
    // The local number of a row (Qt::UserRole of every column).
    static constexpr int ClientRefRole = Qt::UserRole;

    explicit CounterListModel(QObject* parent = nullptr);

    void setRecords(const QList<sync::CounterRecord>& records, bool withDates);
    const QList<sync::CounterRecord>& records() const { return m_records; }
    // The row of the local number (or, once uploaded, of the platform's id); -1 if not listed.
    int rowOf(const QString& clientRefOrApplicationId) const;
    QString clientRefAt(int row) const;

    // The state of a record as a sentence ("Waiting to upload", "Uploaded as A2026…").
    static QString stateText(const sync::CounterRecord& record);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The language changed: the headers and states are read again.
    void retranslate();

private:
    QList<sync::CounterRecord> m_records;
    bool m_withDates = false;
};

} // namespace adm::ui
