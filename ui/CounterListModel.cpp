#include "CounterListModel.h"

#include "domain/IdNumber.h"

#include <QBrush>
#include <QColor>

namespace adm::ui {

CounterListModel::CounterListModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void CounterListModel::setRecords(const QList<sync::CounterRecord>& records, bool withDates)
{
    beginResetModel();
    m_records = records;
    m_withDates = withDates;
    endResetModel();
}

int CounterListModel::rowOf(const QString& ref) const
{
    const QString wanted = ref.trimmed().toUpper();
    if (wanted.isEmpty())
        return -1;
    for (int row = 0; row < m_records.size(); ++row) {
        const sync::CounterRecord& r = m_records.at(row);
        if (r.clientRef.toUpper() == wanted ||
            (r.state == sync::CounterRecord::State::Uploaded && r.applicationId.toUpper() == wanted))
            return row;
    }
    return -1;
}

QString CounterListModel::clientRefAt(int row) const
{
    return row >= 0 && row < m_records.size() ? m_records.at(row).clientRef : QString();
}

QString CounterListModel::stateText(const sync::CounterRecord& r)
{
    switch (r.state) {
    case sync::CounterRecord::State::Waiting:
        return tr("Waiting to upload");
    case sync::CounterRecord::State::Uploaded:
        return tr("Uploaded as %1").arg(r.applicationId);
    case sync::CounterRecord::State::Duplicate:
        return tr("Duplicate: the child already has %1").arg(r.applicationId);
    case sync::CounterRecord::State::Refused:
        return r.resultMessage.isEmpty() ? tr("Refused: %1").arg(r.resultCode) : tr("Refused: %1").arg(r.resultMessage);
    }
    return {};
}

int CounterListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int CounterListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CounterListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const sync::CounterRecord& r = m_records.at(index.row());
    if (role == ClientRefRole)
        return r.clientRef;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case LocalNumber:
            return r.clientRef;
        case Child:
            return r.childName;
        case Time:
            return r.takenAt.toLocalTime().toString(m_withDates ? QStringLiteral("yyyy-MM-dd HH:mm")
                                                                : QStringLiteral("HH:mm"));
        case State:
            return stateText(r);
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == State)
            return stateText(r);
        if (index.column() == Child)
            return tr("%1, ID number %2").arg(r.childName, IdNumber::masked(r.childIdNumber));
        return {};
    }
    if (role == Qt::ForegroundRole && index.column() == State) {
        switch (r.state) {
        case sync::CounterRecord::State::Waiting:
            return QBrush(QColor(0x75, 0x75, 0x75));
        case sync::CounterRecord::State::Uploaded:
            return QBrush(QColor(0x2e, 0x7d, 0x32));
        case sync::CounterRecord::State::Duplicate:
        case sync::CounterRecord::State::Refused:
            return QBrush(QColor(0xb0, 0x00, 0x20));
        }
    }
    return {};
}

QVariant CounterListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LocalNumber:
        return tr("Local number");
    case Child:
        return tr("Child");
    case Time:
        return tr("Time");
    case State:
        return tr("State");
    }
    return {};
}

void CounterListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_records.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_records.size()) - 1, ColumnCount - 1));
}

} // namespace adm::ui
