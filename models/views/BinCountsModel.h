#pragma once

#include "QueueTypes.h"
#include "QueueWorker.h"
#include "ReaderFactory.h"

#include <QAbstractTableModel>
#include <memory>

namespace adm::views {

// The bins of the queue list with their counts under the current filters and search: two
// columns, the bin and its count. Counted on a worker thread; a count not known yet shows "…".
class BinCountsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { BinRole = Qt::UserRole + 1, CountRole };

    explicit BinCountsModel(ReaderFactory readers, QObject* parent = nullptr);
    ~BinCountsModel() override;

    // The bin of `query` is ignored: every bin is counted.
    void setQuery(const QueueQuery& query);
    void refresh();
    bool isCounting() const { return m_counting; }
    qint64 countOf(Bin bin) const { return m_known ? m_counts.at(bin) : -1; }

    static Bin binAt(int row) { return store::QueueRules::listedAt(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void countsChanged();

private:
    void onCounted(quint64 generation, const adm::views::BinCounts& counts);

    std::unique_ptr<QueueWorkerThread> m_worker;
    QueueQuery m_query;
    quint64 m_generation = 0;
    BinCounts m_counts;
    bool m_known = false;
    bool m_counting = false;
};

} // namespace adm::views
