#include "BatchApproval.h"

#include "QueueReader.h"
#include "store/Sql.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <optional>

namespace adm::views {

namespace {

struct Facts {
    QString status;
    QString pending;
    bool conflict = false;
    QString schoolId;
    QString claimed;
    bool checked = false; // a result exists
    QString category;
    bool eligible = false;
    qint64 flagMask = 0;
    bool dirty = false;
};

// One reason, or none for a clean application.
std::optional<BatchSkip> classify(const Facts& f, bool allStale)
{
    const bool open = f.status == QLatin1String("submitted") || f.status == QLatin1String("under_review");
    if (!open || !f.pending.isEmpty() || f.conflict)
        return BatchSkip::AlreadyDecided;
    if (!f.checked || f.dirty || allStale)
        return BatchSkip::NotChecked;
    if (!f.eligible || f.category == QLatin1String("none") || f.category.isEmpty())
        return BatchSkip::NotEligible;
    if (f.flagMask != 0)
        return BatchSkip::Flagged;
    if (f.category != f.claimed)
        return BatchSkip::CategoryDiffers;
    return std::nullopt;
}

QString marks(qsizetype n)
{
    QStringList m;
    m.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        m << QStringLiteral("?");
    return m.join(u',');
}

} // namespace

int BatchPlan::skippedCount() const
{
    int n = 0;
    for (const QStringList& ids : skipped)
        n += int(ids.size());
    return n;
}

bool BatchPlan::overCapacity() const
{
    for (const BatchSeats& s : seats)
        if (s.over() > 0)
            return true;
    return false;
}

QString BatchPlan::refusal() const
{
    QStringList lines;
    for (const BatchSeats& s : seats) {
        if (s.over() <= 0)
            continue;
        lines << QCoreApplication::translate("BatchApproval",
                                             "%1 has %2 seats and %3 approvals already: approving these %n "
                                             "application(s) would go over by %4.",
                                             nullptr, int(s.adding))
                     .arg(s.name.isEmpty() ? s.schoolId : s.name)
                     .arg(s.capacity)
                     .arg(s.approved)
                     .arg(s.over());
    }
    if (lines.isEmpty())
        return {};
    lines << QCoreApplication::translate(
        "BatchApproval", "Nothing was approved. Select fewer applications of that school, or decide them one by one.");
    return lines.join(u'\n');
}

QString BatchApproval::skipText(BatchSkip reason, int count)
{
    switch (reason) {
    case BatchSkip::AlreadyDecided:
        return QCoreApplication::translate("BatchApproval", "%n already decided or waiting to be sent", nullptr, count);
    case BatchSkip::NotChecked:
        return QCoreApplication::translate("BatchApproval", "%n not checked yet, or the check is out of date", nullptr,
                                           count);
    case BatchSkip::NotEligible:
        return QCoreApplication::translate("BatchApproval", "%n not eligible", nullptr, count);
    case BatchSkip::Flagged:
        return QCoreApplication::translate("BatchApproval", "%n flagged", nullptr, count);
    case BatchSkip::CategoryDiffers:
        return QCoreApplication::translate("BatchApproval", "%n with another category than the one claimed", nullptr,
                                           count);
    }
    return {};
}

Result<BatchPlan> BatchApproval::planForRows(const CacheView* cache, const QVector<qint64>& qids)
{
    return planForRows(cache ? &cache->connection() : nullptr, qids);
}

Result<BatchPlan> BatchApproval::planForRows(store::Connection* connection, const QVector<qint64>& qids)
{
    if (!connection)
        return Error{QStringLiteral("cache_unreadable"),
                     QCoreApplication::translate("BatchApproval", "The cache cannot be read.")};
    auto ids = applicationIds(*connection, qids);
    if (!ids)
        return ids.error();
    return plan(*connection, *ids);
}

Result<QStringList> BatchApproval::applicationIds(store::Connection& connection, const QVector<qint64>& qids)
{
    auto rows = QueueReader(connection).rowsByQid(qids);
    if (!rows)
        return rows.error();
    QStringList ids;
    ids.reserve(rows->size());
    for (const QueueRow& r : *rows)
        ids << r.applicationId;
    return ids;
}

Result<BatchPlan> BatchApproval::plan(store::Connection& connection, const QStringList& applicationIds)
{
    BatchPlan plan;
    plan.selected = int(applicationIds.size());
    auto stale = connection.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'eligibility.all_stale'"));
    if (!stale)
        return stale.error();
    const bool allStale = stale->toString() == QLatin1String("1");

    QHash<QString, Facts> facts;
    constexpr int kChunk = 400; // SQLite 3.15: at most 999 parameters
    for (qsizetype from = 0; from < applicationIds.size(); from += kChunk) {
        const QStringList part = applicationIds.mid(from, kChunk);
        auto q = connection.prepare(
            QStringLiteral("SELECT q.application_id, q.status, q.pending, q.conflict, q.school_id, q.claimed, "
                           "e.application_id IS NOT NULL, coalesce(e.category, ''), coalesce(e.eligible, 0), "
                           "coalesce(e.flag_mask, 0), "
                           "EXISTS (SELECT 1 FROM eligibility_dirty d WHERE d.application_id = q.application_id) "
                           "FROM queue_rows q LEFT JOIN eligibility_results e ON e.application_id = q.application_id "
                           "WHERE q.application_id IN (%1)")
                .arg(marks(part.size())));
        if (!q)
            return q.error();
        for (int i = 0; i < part.size(); ++i)
            q->bind(i + 1, part.at(i));
        Error error;
        while (q->step(&error)) {
            Facts f;
            f.status = q->text(1);
            f.pending = q->text(2);
            f.conflict = q->int64(3) != 0;
            f.schoolId = q->text(4);
            f.claimed = q->text(5);
            f.checked = q->int64(6) != 0;
            f.category = q->text(7);
            f.eligible = q->int64(8) != 0;
            f.flagMask = q->int64(9);
            f.dirty = q->int64(10) != 0;
            facts.insert(q->text(0), f);
        }
        if (!error.code.isEmpty())
            return error;
    }

    QSet<QString> seen;
    QMap<QString, qint64> adding; // school id → clean applications
    for (const QString& id : applicationIds) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        const auto it = facts.constFind(id);
        if (it == facts.constEnd()) {
            plan.skipped[BatchSkip::AlreadyDecided] << id;
            continue;
        }
        if (const auto reason = classify(*it, allStale)) {
            plan.skipped[*reason] << id;
            continue;
        }
        plan.clean << id;
        ++adding[it->schoolId];
    }

    for (auto it = adding.constBegin(); it != adding.constEnd(); ++it) {
        auto seats = QueueReader(connection).seats(it.key());
        if (!seats)
            return seats.error();
        plan.seats << BatchSeats{it.key(), seats->name, seats->capacity, seats->approved, it.value()};
    }
    return plan;
}

} // namespace adm::views
