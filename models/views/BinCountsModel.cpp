#include "BinCountsModel.h"

#include "FlagIcons.h"
#include "Labels.h"

#include <QLocale>

namespace adm::views {

BinCountsModel::BinCountsModel(ReaderFactory readers, QObject* parent)
    : QAbstractTableModel(parent)
    , m_worker(std::make_unique<QueueWorkerThread>(std::move(readers), "bin counter"))
{
    connect(m_worker->worker(), &QueueWorker::binsCounted, this, &BinCountsModel::onCounted);
}

BinCountsModel::~BinCountsModel()
{
    m_worker.reset();
}

void BinCountsModel::setQuery(const QueueQuery& query)
{
    QueueQuery q = query;
    q.bin = Bin::ToReview; // not a condition here
    q.sortColumn = Column::Number;
    q.order = Qt::AscendingOrder;
    if (m_generation > 0 && q == m_query)
        return;
    m_query = q;
    refresh();
}

void BinCountsModel::refresh()
{
    const quint64 generation = ++m_generation;
    m_worker->setLatest(generation);
    m_counting = true;
    QueueWorker* w = m_worker->worker();
    const QueueQuery query = m_query;
    QMetaObject::invokeMethod(
        w, [w, generation, query] { w->countBins(generation, query); }, Qt::QueuedConnection);
}

void BinCountsModel::onCounted(quint64 generation, const BinCounts& counts)
{
    if (generation != m_generation)
        return;
    m_counts = counts;
    m_known = true;
    m_counting = false;
    Q_EMIT dataChanged(index(0, 0), index(kBinCount - 1, 1));
    Q_EMIT countsChanged();
}

int BinCountsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kBinCount;
}

int BinCountsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 2;
}

QVariant BinCountsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Bin bin = binAt(index.row());
    const qint64 count = m_known ? m_counts.at(bin) : -1;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == 0)
            return labels::bin(bin);
        return count < 0 ? QStringLiteral("…") : QLocale().toString(count);
    case Qt::DecorationRole:
        if (index.column() == 0 && bin == Bin::Conflicts && count > 0)
            return FlagIcons::conflict();
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == 1 ? int(Qt::AlignRight | Qt::AlignVCenter) : int(Qt::AlignLeft | Qt::AlignVCenter);
    case BinRole:
        return int(bin);
    case CountRole:
        return count;
    default:
        return {};
    }
}

QVariant BinCountsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return section == 0 ? tr("Queue") : tr("Count");
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace adm::views
