#include "QueueReader.h"

#include "store/Sql.h"

#include <QElapsedTimer>
#include <QHash>

namespace adm::views {

namespace {

void bindAll(store::Statement& st, const QVariantList& binds)
{
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant& v = binds.at(i);
        if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
            st.bind(i + 1, v.toLongLong());
        else
            st.bind(i + 1, v.toString());
    }
}

QueueRow rowFrom(const store::Statement& q)
{
    QueueRow r;
    r.qid = q.int64(0);
    r.applicationId = q.text(1);
    r.version = q.int64(2);
    r.status = q.text(3);
    r.pending = q.text(4);
    r.conflict = q.int64(5) != 0;
    r.bin = int(q.int64(6));
    r.schoolId = q.text(7);
    r.schoolName = q.text(8);
    r.childName = q.text(9);
    r.birthDate = q.text(10);
    r.claimed = q.text(11);
    r.checked = q.text(12);
    r.flagMask = q.int64(13);
    r.channel = q.text(14);
    r.submittedAt = q.text(15);
    return r;
}

} // namespace

Result<QVector<qint64>> QueueReader::qids(const SqlText& text, int skip, int limit)
{
    auto q = m_connection.prepare(text.sql);
    if (!q)
        return q.error();
    bindAll(*q, text.binds);
    QVector<qint64> out;
    out.reserve(limit);
    Error error;
    int seen = 0;
    while (out.size() < limit && q->step(&error)) {
        if (seen++ < skip)
            continue;
        out.append(q->int64(0));
    }
    if (!error.code.isEmpty())
        return error;
    return out;
}

Result<QVector<QueueRow>> QueueReader::read(const SqlText& text, int limit)
{
    auto q = m_connection.prepare(text.sql);
    if (!q)
        return q.error();
    bindAll(*q, text.binds);
    QVector<QueueRow> rows;
    rows.reserve(limit);
    Error error;
    while (rows.size() < limit && q->step(&error))
        rows.append(rowFrom(*q));
    if (!error.code.isEmpty())
        return error;
    return rows;
}

SearchPlan QueueReader::planFor(const QueueQuery& query)
{
    const QString name = QueueSql::classify(query.search).name;
    if (name.size() < 2)
        return SearchPlan::Auto;
    if (name == m_plannedName)
        return m_plannedFor;
    // Bounded: counting stops one past the threshold.
    auto q = m_connection.prepare(
        QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM queue_name_grams WHERE gram = ? LIMIT %1)")
            .arg(kCommonNamePart + 1));
    SearchPlan plan = SearchPlan::Candidates;
    if (q) {
        q->bind(1, name.left(2));
        if (q->step() && q->int64(0) > kCommonNamePart)
            plan = SearchPlan::InOrder;
    }
    m_plannedName = name;
    m_plannedFor = plan;
    return plan;
}

Result<QVector<QueueRow>> QueueReader::firstRows(const QueueQuery& query, int limit)
{
    auto found = qids(QueueSql::firstQids(query, limit, planFor(query)), 0, limit);
    if (!found)
        return found.error();
    return rowsByQid(*found);
}

Result<QVector<QueueRow>> QueueReader::rowsFrom(const QueueQuery& query, const QueueKey& anchor, int skip, int count)
{
    // The skipped rows are at most one stride of index entries: bounded work, not an OFFSET.
    auto found = qids(QueueSql::qidsFrom(query, anchor, skip + count, planFor(query)), skip, count);
    if (!found)
        return found.error();
    return rowsByQid(*found);
}

Result<QVector<QueueRow>> QueueReader::rowsByQid(const QVector<qint64>& qids)
{
    // SQLite 3.15 takes at most 999 parameters per statement.
    constexpr int kChunk = 500;
    QVector<QueueRow> rows;
    for (qsizetype from = 0; from < qids.size(); from += kChunk) {
        const QVector<qint64> part = qids.mid(from, kChunk);
        auto some = read(QueueSql::rowsByQid(part), int(part.size()));
        if (!some)
            return some;
        rows += *some;
    }
    QHash<qint64, int> position;
    for (int i = 0; i < rows.size(); ++i)
        position.insert(rows.at(i).qid, i);
    QVector<QueueRow> ordered;
    ordered.reserve(rows.size());
    for (qint64 qid : qids)
        if (const auto it = position.constFind(qid); it != position.constEnd())
            ordered.append(rows.at(*it));
    return ordered;
}

Status QueueReader::scan(const QueueQuery& query, const ChunkSink& sink, const std::function<bool()>& cancelled,
                         int keepAllQids, int chunkMs)
{
    const SqlText text = QueueSql::scan(query, planFor(query));
    auto q = m_connection.prepare(text.sql);
    if (!q)
        return q.error();
    bindAll(*q, text.binds);
    const bool intKey = query.sortColumn == Column::Flags;
    ScanChunk chunk;
    bool keepQids = true;
    qint64 count = 0;
    QElapsedTimer clock;
    clock.start();
    Error error;
    while (q->step(&error)) {
        const qint64 qid = q->int64(0);
        if (count % kStride == 0)
            chunk.anchors.append(QueueKey{intKey ? QVariant(q->int64(1)) : QVariant(q->text(1)), qid});
        if (keepQids) {
            if (count < keepAllQids) {
                chunk.qids.append(qid);
            } else {
                keepQids = false;
                chunk.qids.clear();
                chunk.qidsDropped = true;
            }
        }
        ++count;
        if ((count & 4095) == 0) {
            if (cancelled && cancelled())
                return Error{QStringLiteral("cancelled"), QStringLiteral("the query changed")};
            if (clock.elapsed() >= chunkMs) {
                chunk.counted = count;
                sink(chunk, false);
                chunk = ScanChunk{};
                clock.restart();
            }
        }
    }
    if (!error.code.isEmpty())
        return error;
    chunk.counted = count;
    sink(chunk, true);
    return {};
}

Result<BinCounts> QueueReader::binCounts(const QueueQuery& query)
{
    BinCounts counts;
    const SqlText text = QueueSql::binCounts(query);
    auto q = m_connection.prepare(text.sql);
    if (!q)
        return q.error();
    bindAll(*q, text.binds);
    Error error;
    while (q->step(&error)) {
        const int bin = int(q->int64(0));
        const int row = store::QueueRules::isDefined(bin) ? store::QueueRules::listedRow(Bin(bin)) : -1;
        if (row >= 0)
            counts.counts[row] = q->int64(1);
    }
    if (!error.code.isEmpty())
        return error;
    for (int row = 0; row < kBinCount; ++row) {
        const Bin bin = store::QueueRules::listedAt(row);
        if (!store::QueueRules::rule(bin).overlay)
            continue;
        const SqlText overlay = QueueSql::overlayCount(query, bin);
        auto c = m_connection.prepare(overlay.sql);
        if (!c)
            return c.error();
        bindAll(*c, overlay.binds);
        if (c->step(&error))
            counts.counts[row] = c->int64(0);
        if (!error.code.isEmpty())
            return error;
    }
    return counts;
}

Result<SchoolSeats> QueueReader::seats(const QString& schoolId)
{
    SchoolSeats seats;
    seats.schoolId = schoolId;
    auto s = m_connection.prepare(QStringLiteral("SELECT name, capacity FROM schools WHERE id = ?"));
    if (!s)
        return s.error();
    s->bind(1, schoolId);
    if (s->step()) {
        seats.name = s->text(0);
        seats.capacity = int(s->int64(1));
    }
    auto q = m_connection.prepare(QStringLiteral("SELECT count(*) FROM queue_rows WHERE school_id = ? AND bin = ?"));
    if (!q)
        return q.error();
    q->bind(1, schoolId).bind(2, qint64(Bin::Approved));
    if (q->step())
        seats.approved = q->int64(0);
    return seats;
}

Result<QList<QPair<QString, QString>>> QueueReader::schools()
{
    auto q = m_connection.prepare(QStringLiteral("SELECT id, name FROM schools ORDER BY name, id"));
    if (!q)
        return q.error();
    QList<QPair<QString, QString>> out;
    while (q->step())
        out.append({q->text(0), q->text(1)});
    return out;
}

} // namespace adm::views
