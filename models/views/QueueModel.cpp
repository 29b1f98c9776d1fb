#include "QueueModel.h"

#include "FlagIcons.h"
#include "Labels.h"
#include "domain/JsonCodec.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QPalette>

namespace adm::views {

QueueModel::QueueModel(ReaderFactory readers, QObject* parent)
    : QAbstractTableModel(parent)
    , m_referenceDate(QDate::currentDate())
    , m_pager(std::make_unique<QueueWorkerThread>(readers, "queue pager"))
    , m_scanner(std::make_unique<QueueWorkerThread>(readers, "queue counter"))
{
    m_fetchTimer.setSingleShot(true);
    m_fetchTimer.setInterval(0);
    connect(&m_fetchTimer, &QTimer::timeout, this, &QueueModel::fetchWanted);
    connect(m_pager->worker(), &QueueWorker::rowsReady, this, &QueueModel::onRowsReady);
    connect(m_pager->worker(), &QueueWorker::failed, this, &QueueModel::onFailed);
    connect(m_scanner->worker(), &QueueWorker::scanned, this, &QueueModel::onScanned);
    connect(m_scanner->worker(), &QueueWorker::failed, this, &QueueModel::onFailed);
}

// The worker threads stop (interrupting what runs) before the model's members go.
QueueModel::~QueueModel()
{
    m_pager.reset();
    m_scanner.reset();
}

void QueueModel::setQuery(const QueueQuery& query)
{
    if (m_generation > 0 && query == m_query)
        return;
    m_query = query;
    start(true);
}

void QueueModel::refresh()
{
    if (m_generation == 0)
        return;
    start(false);
}

void QueueModel::start(bool reset)
{
    const quint64 generation = ++m_generation;
    m_pager->setLatest(generation);
    m_scanner->setLatest(generation);
    if (reset) {
        beginResetModel();
        m_rows = 0;
        m_window.clear();
        m_windowFirst = 0;
        m_firstLoaded = false;
        endResetModel();
    }
    m_qids.clear();
    m_haveQids = true;
    m_anchors.clear();
    m_counting = true;
    m_inFlightFirst = m_inFlightLast = -1;
    m_wantLow = m_wantHigh = -1;

    QueueWorker* pager = m_pager->worker();
    QueueWorker* scanner = m_scanner->worker();
    const QueueQuery query = m_query;
    if (reset || m_windowFirst == 0) {
        m_inFlightFirst = 0;
        m_inFlightLast = kFirstRows - 1;
        QMetaObject::invokeMethod(
            pager, [pager, generation, query] { pager->fetchFirst(generation, query, kFirstRows); },
            Qt::QueuedConnection);
    } else {
        // Read the rows on screen again once the new count has anchors for them.
        m_wantLow = m_windowFirst;
        m_wantHigh = m_windowFirst + int(m_window.size()) - 1;
    }
    const int keep = m_keepAllQids;
    QMetaObject::invokeMethod(
        scanner, [scanner, generation, query, keep] { scanner->scan(generation, query, keep); }, Qt::QueuedConnection);
}

void QueueModel::want(int row) const
{
    if (m_wantLow < 0) {
        m_wantLow = m_wantHigh = row;
    } else {
        m_wantLow = std::min(m_wantLow, row);
        m_wantHigh = std::max(m_wantHigh, row);
    }
    if (!m_fetchTimer.isActive())
        m_fetchTimer.start();
}

void QueueModel::fetchWanted()
{
    if (m_wantLow < 0 || m_inFlightFirst >= 0)
        return; // nothing wanted, or one request at a time: the rest follows when it lands
    int low = m_wantLow;
    const int high = std::min(m_wantHigh, m_rows - 1);
    if (high - low >= kWindow / 2)
        low = high - kWindow / 2; // asked all over the place: serve the last rows asked for
    if (low > high || low < 0) {
        m_wantLow = m_wantHigh = -1;
        return;
    }
    const int center = (low + high) / 2;
    const int first = std::max(0, std::min(center - kWindow / 2, low));
    const int last = std::min(m_rows - 1, std::max(first + kWindow - 1, high));
    const int n = last - first + 1;
    const quint64 generation = m_generation;
    QueueWorker* pager = m_pager->worker();
    if (m_haveQids && last < m_qids.size()) {
        const QVector<qint64> qids = m_qids.mid(first, n);
        QMetaObject::invokeMethod(
            pager, [pager, generation, first, qids] { pager->fetchQids(generation, first, qids); },
            Qt::QueuedConnection);
    } else if (const int a = first / QueueReader::kStride; a < m_anchors.size()) {
        const QueueKey anchor = m_anchors.at(a);
        const int skip = first - a * QueueReader::kStride;
        const QueueQuery query = m_query;
        QMetaObject::invokeMethod(
            pager,
            [pager, generation, query, first, anchor, skip, n] {
                pager->fetchFrom(generation, query, first, anchor, skip, n);
            },
            Qt::QueuedConnection);
    } else if (first == 0) {
        const QueueQuery query = m_query;
        QMetaObject::invokeMethod(
            pager, [pager, generation, query, n] { pager->fetchFirst(generation, query, n); }, Qt::QueuedConnection);
    } else {
        return; // the counting pass has not reached these rows yet; asked again when it has
    }
    m_inFlightFirst = first;
    m_inFlightLast = last;
    m_wantLow = m_wantHigh = -1;
}

void QueueModel::onRowsReady(quint64 generation, int firstRow, const QVector<QueueRow>& rows)
{
    if (generation != m_generation)
        return;
    m_inFlightFirst = m_inFlightLast = -1;
    const bool firstPage = !m_firstLoaded && firstRow == 0;
    if (firstPage)
        m_firstLoaded = true;
    // Until the count is known, the rows read so far are the rows there are.
    if (m_counting && firstRow + rows.size() > m_rows)
        resizeTo(firstRow + int(rows.size()));
    m_window = rows;
    m_windowFirst = firstRow;
    if (m_windowFirst + m_window.size() > m_rows)
        m_window.resize(std::max(0, m_rows - m_windowFirst));
    if (!m_window.isEmpty()) {
        const int last = m_windowFirst + int(m_window.size()) - 1;
        Q_EMIT dataChanged(index(m_windowFirst, 0), index(last, kColumnCount - 1));
        Q_EMIT rowsLoaded(m_windowFirst, last);
    }
    if (firstPage)
        Q_EMIT firstRowsLoaded();
    if (m_wantLow >= 0)
        fetchWanted();
}

void QueueModel::onScanned(quint64 generation, const ScanChunk& chunk, bool final)
{
    if (generation != m_generation)
        return;
    if (chunk.qidsDropped) {
        m_haveQids = false;
        m_qids = {};
    } else if (m_haveQids) {
        m_qids += chunk.qids;
    }
    m_anchors += chunk.anchors;
    if (final) {
        m_counting = false;
        resizeTo(int(chunk.counted));
        if (m_windowFirst + m_window.size() > m_rows)
            m_window.resize(std::max(0, m_rows - m_windowFirst));
        Q_EMIT counted(chunk.counted);
    } else if (chunk.counted > m_rows) {
        resizeTo(int(chunk.counted));
    }
    if (m_wantLow >= 0)
        fetchWanted();
}

void QueueModel::onFailed(quint64 generation, const QString& message)
{
    if (generation != m_generation)
        return;
    m_inFlightFirst = m_inFlightLast = -1;
    m_counting = false;
    Q_EMIT queryFailed(message);
}

void QueueModel::resizeTo(int rows)
{
    if (rows > m_rows) {
        beginInsertRows({}, m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    } else if (rows < m_rows) {
        beginRemoveRows({}, rows, m_rows - 1);
        m_rows = rows;
        endRemoveRows();
    }
}

const QueueRow* QueueModel::loaded(int row) const
{
    const int i = row - m_windowFirst;
    if (row >= m_rows || i < 0 || i >= m_window.size())
        return nullptr;
    return &m_window.at(i);
}

QString QueueModel::applicationIdAt(int row) const
{
    const QueueRow* r = loaded(row);
    return r ? r->applicationId : QString();
}

qint64 QueueModel::qidAt(int row) const
{
    if (row < 0 || row >= m_rows)
        return -1;
    if (const QueueRow* r = loaded(row))
        return r->qid;
    if (m_haveQids && !m_counting && row < m_qids.size())
        return m_qids.at(row);
    return -1;
}

int QueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int QueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant QueueModel::display(const QueueRow& r, Column column) const
{
    switch (column) {
    case Column::Number:
        return r.applicationId;
    case Column::Child:
        return r.childName;
    case Column::Age:
        return labels::age(r.birthDate, m_referenceDate);
    case Column::School:
        return r.schoolName;
    case Column::Claimed:
        return r.claimed;
    case Column::Checked:
        return labels::category(r.checked);
    case Column::Flags:
        return QVariant();
    case Column::Channel:
        return labels::channel(r.channel);
    case Column::Submitted: {
        // The day: the time is in the tooltip (a narrow column keeps the main ones in view).
        const QDateTime t = json::parseTime(r.submittedAt);
        return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")) : r.submittedAt;
    }
    }
    return {};
}

void QueueModel::setRefused(const QSet<QString>& applicationIds, const QString& reason)
{
    if (applicationIds == m_refused && reason == m_refusedReason)
        return;
    m_refused = applicationIds;
    m_refusedReason = reason;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, kColumnCount - 1),
                           {Qt::ForegroundRole, Qt::ToolTipRole, RefusedRole});
}

QVariant QueueModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QueueRow* r = loaded(index.row());
    if (!r) {
        if (role == Qt::DisplayRole)
            want(index.row());
        if (role == LoadedRole)
            return false;
        return {};
    }
    const auto column = Column(index.column());
    const bool refused = !m_refused.isEmpty() && m_refused.contains(r->applicationId);
    switch (role) {
    case Qt::DisplayRole:
        return display(*r, column);
    case Qt::ForegroundRole:
        if (refused)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::DecorationRole:
        if (column == Column::Flags)
            return FlagIcons::forMask(r->flagMask);
        if (column == Column::Number && r->conflict)
            return FlagIcons::conflict();
        if (column == Column::Number && !r->pending.isEmpty())
            return FlagIcons::pendingDecision();
        return {};
    case Qt::ToolTipRole:
        if (refused)
            return m_refusedReason;
        if (column == Column::Flags)
            return r->flagMask ? labels::flagList(r->flagMask) : tr("No flags");
        if (column == Column::Number && r->conflict)
            return tr("The city platform did not take a decision made here: open it to decide again or drop it.");
        if (column == Column::Number && !r->pending.isEmpty())
            return labels::pending(r->pending);
        if (column == Column::School)
            return r->schoolName; // shown elided when the column is narrow
        if (column == Column::Submitted) {
            const QDateTime t = json::parseTime(r->submittedAt);
            return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : r->submittedAt;
        }
        if (column == Column::Age)
            return tr("Born %1").arg(QDate::fromString(r->birthDate, QStringLiteral("yyyyMMdd")).toString(Qt::ISODate));
        if (column == Column::Checked && !r->checked.isEmpty() && r->checked != r->claimed)
            return tr("The check found %1; the family claimed %2.")
                .arg(labels::category(r->checked), labels::category(r->claimed));
        return {};
    case Qt::TextAlignmentRole:
        if (column == Column::Claimed || column == Column::Checked || column == Column::Age)
            return int(Qt::AlignCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case ApplicationIdRole:
        return r->applicationId;
    case LoadedRole:
        return true;
    case FlagMaskRole:
        return r->flagMask;
    case PendingRole:
        return r->pending;
    case SchoolIdRole:
        return r->schoolId;
    case RefusedRole:
        return refused;
    default:
        return {};
    }
}

QString QueueModel::columnTitle(Column column)
{
    switch (column) {
    case Column::Number:
        return tr("Number");
    case Column::Child:
        return tr("Child");
    case Column::Age:
        return tr("Age");
    case Column::School:
        return tr("School");
    case Column::Claimed:
        return tr("Claimed");
    case Column::Checked:
        return tr("Checked");
    case Column::Flags:
        return tr("Flags");
    case Column::Channel:
        return tr("Channel");
    case Column::Submitted:
        return tr("Submitted");
    }
    return {};
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return columnTitle(Column(section));
    // The legend of the codes and colours, where they are shown (labels::categoryLegend).
    if (role == Qt::ToolTipRole && Column(section) == Column::Claimed)
        return tr("The category the family claimed") + u'\n' + labels::categoryLegend();
    if (role == Qt::ToolTipRole && Column(section) == Column::Checked)
        return tr("The category the automatic check found") + u'\n' + labels::categoryLegend();
    if (role == Qt::ToolTipRole && Column(section) == Column::Flags)
        return labels::flagLegend();
    return {};
}

void QueueModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= kColumnCount)
        return;
    QueueQuery q = m_query;
    q.sortColumn = Column(column);
    q.order = order;
    setQuery(q);
}

} // namespace adm::views
