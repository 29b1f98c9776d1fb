#pragma once

#include "QueueTypes.h"
#include "QueueWorker.h"
#include "ReaderFactory.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QSet>
#include <QTimer>
#include <memory>

namespace adm::views {

// A reviewer queue over queue_rows, for any number of applications.
//
// Nothing here reads the cache on the GUI thread. A query starts two workers, each in its own
// thread on its own reader connection: the pager reads the first page at once (keyset, LIMIT)
// and later any window of rows; the scanner counts the result in order and keeps every 256th
// sort key as an anchor (and every qid while the result is small). Row r is then read from the
// anchor before it: `WHERE … AND (k, qid) >= anchor ORDER BY k, qid LIMIT skip + n` with
// skip < 256, never with OFFSET. The model holds one window of rows around what the view shows;
// rows not loaded yet read as empty and are fetched in the next event-loop turn.
class QueueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        ApplicationIdRole = Qt::UserRole + 1,
        LoadedRole,
        FlagMaskRole,
        PendingRole,
        SchoolIdRole,
        RefusedRole
    };

    static constexpr int kFirstRows = 200;
    static constexpr int kWindow = 400;

    explicit QueueModel(ReaderFactory readers, QObject* parent = nullptr);
    ~QueueModel() override;

    void setQuery(const QueueQuery& query);
    const QueueQuery& query() const { return m_query; }
    // The cache changed (a sync, a decision): count again and read the shown rows again, keeping
    // the view where it is.
    void refresh();
    // Up to how many rows a result keeps every qid (tests lower it to reach the anchor paths).
    void setKeepAllQids(int rows) { m_keepAllQids = rows; }
    // Applications the user may not decide (a declared relative is named on them, issue 14): shown
    // greyed, with `reason` as their tooltip. The rows stay: someone must see that they wait.
    void setRefused(const QSet<QString>& applicationIds, const QString& reason);

    bool isCounting() const { return m_counting; }
    qint64 count() const { return m_rows; }
    // The application of a row; empty while the row is not loaded.
    QString applicationIdAt(int row) const;
    // The qid of a row as the view knows it (every qid while the result is small, else the loaded
    // rows); -1 when not known. For actions on a selection (batch approval).
    qint64 qidAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static QString columnTitle(Column column);

Q_SIGNALS:
    void firstRowsLoaded();     // the first page of the current query is here
    void counted(qint64 count); // the counting pass finished
    void rowsLoaded(int first, int last);
    void queryFailed(const QString& message);

private:
    void start(bool reset);
    void want(int row) const;
    void fetchWanted();
    void onRowsReady(quint64 generation, int firstRow, const QVector<adm::views::QueueRow>& rows);
    void onScanned(quint64 generation, const adm::views::ScanChunk& chunk, bool final);
    void onFailed(quint64 generation, const QString& message);
    void resizeTo(int rows);
    const QueueRow* loaded(int row) const;
    QVariant display(const QueueRow& r, Column column) const;

    QueueQuery m_query;
    QDate m_referenceDate; // ages are counted on this day (today)
    quint64 m_generation = 0;
    std::unique_ptr<QueueWorkerThread> m_pager;
    std::unique_ptr<QueueWorkerThread> m_scanner;

    int m_keepAllQids = QueueReader::kKeepAllQids;
    QSet<QString> m_refused;
    QString m_refusedReason;
    int m_rows = 0;
    bool m_counting = false;
    bool m_firstLoaded = false;
    QVector<qint64> m_qids; // every row's qid while the result is small
    bool m_haveQids = true;
    QVector<QueueKey> m_anchors; // the key of every kStride-th row

    QVector<QueueRow> m_window;
    int m_windowFirst = 0;
    int m_inFlightFirst = -1;
    int m_inFlightLast = -1;
    mutable int m_wantLow = -1;
    mutable int m_wantHigh = -1;
    mutable QTimer m_fetchTimer;
};

} // namespace adm::views
