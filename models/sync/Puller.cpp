#include "Puller.h"

#include "SyncState.h"
#include "domain/JsonCodec.h"
#include "store/Sql.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>

namespace adm::sync {

namespace {

struct Swept {
    QString entity;
    QString id;
    qint64 version = 0;
};

} // namespace

Puller::Puller(HubClient& client, store::Connection& writer, const SyncOptions& options, ProgressFn progress)
    : m_client(client)
    , m_writer(writer)
    , m_applier(writer)
    , m_options(options)
    , m_progress(std::move(progress))
    , m_guard(options)
{}

Result<QList<Change>> Puller::readPage(const QJsonObject& body, QString* cursor, bool* hasMore)
{
    const QJsonValue list = body.value(QStringLiteral("changes"));
    if (!list.isArray())
        return Error{code::BadReply, SyncText::tr("The hub's change feed answer has no list of changes.")};
    QList<Change> changes;
    const QJsonArray array = list.toArray();
    changes.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto c = json::readChange(array.at(i).toObject(), QStringLiteral("changes[%1]").arg(i));
        if (!c)
            return Error{code::BadChange,
                         SyncText::tr("The hub sent a change that does not follow the contract (%1). The pull "
                                      "stopped before it; tell the hub's administrator.")
                             .arg(c.error().message)};
        changes.append(*c);
    }
    const QJsonValue next = body.value(QStringLiteral("cursor"));
    if (next.isString())
        *cursor = next.toString();
    else if (!changes.isEmpty())
        return Error{code::BadReply, SyncText::tr("The hub's change feed answer has no cursor.")};
    *hasMore = body.value(QStringLiteral("has_more")).toBool(false);
    return changes;
}

Status Puller::run(const QString& account)
{
    SyncState state(m_writer);
    auto stored = state.get(SyncState::Cursor);
    auto storedAccount = state.get(SyncState::CursorAccount);
    if (!stored || !storedAccount)
        return !stored ? stored.error() : storedAccount.error();
    // A cursor follows one account's view; another account sees other schools.
    if (!stored->isEmpty() && !storedAccount->isEmpty() && *storedAccount != account) {
        qCInfo(lcSync) << "another account than the cursor's: full pull";
        if (Status s = state.restartFeed(true); !s)
            return s.error();
    }
    auto cursorNow = state.get(SyncState::Cursor);
    auto sweepFlag = state.get(SyncState::SweepPending);
    if (!cursorNow || !sweepFlag)
        return !cursorNow ? cursorNow.error() : sweepFlag.error();
    QString cursor = *cursorNow;
    bool sweeping = *sweepFlag == QLatin1String("1");
    m_stats = {};
    m_guard.restart();
    Stats& stats = m_stats;
    stats.fullPull = cursor.isEmpty();
    bool restarted = false;
    const int limit = std::clamp(m_options.pageSize, 1, 5000);
    while (true) {
        HubClient::Request request;
        request.path = QStringLiteral("api/v1/changes");
        if (!cursor.isEmpty())
            request.query.addQueryItem(QStringLiteral("after"), cursor);
        request.query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        auto r = m_client.call(request);
        if (!r)
            return r.error();
        if (r->status == 410) {
            if (restarted || cursor.isEmpty())
                return Error{code::Refused,
                             SyncText::tr("The hub refused a full pull (HTTP 410: %1).").arg(r->errorMessage())};
            restarted = true;
            qCInfo(lcSync) << "cursor expired (" << r->errorCode() << "): full pull";
            if (Status s = state.restartFeed(true); !s)
                return s.error();
            auto flag = state.get(SyncState::SweepPending);
            sweeping = flag && *flag == QLatin1String("1");
            cursor.clear();
            stats.fullPull = true;
            m_guard.restart();
            continue;
        }
        if (!r->isSuccess())
            return Error{
                code::Refused,
                SyncText::tr("The hub refused the change feed (HTTP %1: %2).").arg(r->status).arg(r->errorMessage())};
        QString next = cursor;
        bool more = false;
        QElapsedTimer phase;
        phase.start();
        auto changes = readPage(r->json, &next, &more);
        stats.parseNs += phase.nsecsElapsed();
        if (!changes)
            return changes.error();
        // Before anything of the page is applied: a page that breaks these leaves the cursor before it.
        if (Status s = m_guard.checkPage(*changes, cursor, next, more); !s)
            return s.error();
        phase.restart();
        if (sweeping && !changes->isEmpty())
            if (Status s = markSeen(*changes); !s)
                return s.error();
        // The cursor commits with the changes it covers: all of the page or none of it.
        auto applied = m_applier.apply(*changes, {{SyncState::Cursor, next}, {SyncState::CursorAccount, account}});
        stats.applyNs += phase.nsecsElapsed();
        if (!applied) {
            if (applied.error().code == QLatin1String("invalid_change"))
                return Error{code::BadChange,
                             SyncText::tr("The hub sent a change that does not follow the contract (%1). The "
                                          "pull stopped before it; tell the hub's administrator.")
                                 .arg(applied.error().message)};
            return applied.error();
        }
        stats.received += applied->received;
        stats.applied += applied->upserted + applied->deleted;
        ++stats.pages;
        if (m_progress)
            m_progress(stats.received);
        if (!more)
            break;
        cursor = next;
    }
    if (sweeping) {
        QElapsedTimer phase;
        phase.start();
        auto removed = sweep();
        stats.applyNs += phase.nsecsElapsed();
        if (!removed)
            return removed.error();
        stats.removed = *removed;
    }
    return {};
}

Status Puller::markSeen(const QList<Change>& changes)
{
    store::Transaction tx(m_writer);
    if (!tx.beginStatus())
        return tx.beginStatus();
    auto q = m_writer.prepare(QStringLiteral("INSERT OR IGNORE INTO sync_seen (entity, id) VALUES (?, ?)"));
    if (!q)
        return q.error();
    for (const Change& c : changes) {
        if (c.isDelete())
            continue;
        q->bind(1, c.entity).bind(2, c.id);
        if (Status s = q->run(); !s)
            return s;
    }
    return tx.commit();
}

Result<qint64> Puller::sweep()
{
    QList<Swept> gone;
    const QList<QPair<QString, QString>> tables = {{entity::Application, QStringLiteral("applications")},
                                                   {entity::AgencyRecord, QStringLiteral("agency_records")},
                                                   {entity::School, QStringLiteral("schools")},
                                                   {entity::Zone, QStringLiteral("zones")},
                                                   {entity::Policy, QStringLiteral("policies")}};
    for (const auto& [entityName, table] : tables) {
        auto q = m_writer.prepare(QStringLiteral("SELECT id, version FROM %1 t WHERE NOT EXISTS (SELECT 1 FROM "
                                                 "sync_seen s WHERE s.entity = ? AND s.id = t.id)")
                                      .arg(table));
        if (!q)
            return q.error();
        q->bind(1, entityName);
        while (q->step())
            gone.append({entityName, q->text(0), q->int64(1)});
    }
    auto others =
        m_writer.prepare(QStringLiteral("SELECT entity, id, version FROM other_entities o WHERE NOT EXISTS "
                                        "(SELECT 1 FROM sync_seen s WHERE s.entity = o.entity AND s.id = o.id)"));
    if (!others)
        return others.error();
    while (others->step())
        gone.append({others->text(0), others->text(1), others->int64(2)});

    // Through the one apply path, in pages; the flag goes with the last page.
    const int page = std::max(1, m_options.pageSize);
    for (qsizetype start = 0; start < gone.size() || start == 0; start += page) {
        QList<Change> deletes;
        for (qsizetype i = start; i < std::min<qsizetype>(gone.size(), start + page); ++i)
            deletes.append(Change{0, gone[i].entity, QStringLiteral("delete"), gone[i].id, gone[i].version, {}});
        const bool last = start + page >= gone.size();
        store::ChangeApplier::MetaValues meta;
        if (last)
            meta.append({SyncState::SweepPending, QString()});
        if (auto applied = m_applier.apply(deletes, meta); !applied)
            return applied.error();
        if (last)
            break;
    }
    // Out of view is not deleted upstream: no tombstone, so that the entity can come back as it is.
    store::Transaction tx(m_writer);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    auto untomb =
        m_writer.prepare(QStringLiteral("DELETE FROM tombstones WHERE entity = ? AND id = ? AND version = ?"));
    if (!untomb)
        return untomb.error();
    for (const Swept& s : gone) {
        untomb->bind(1, s.entity).bind(2, s.id).bind(3, s.version);
        if (Status st = untomb->run(); !st)
            return st.error();
    }
    if (Status s = m_writer.exec(QStringLiteral("DELETE FROM sync_seen")); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    if (!gone.isEmpty())
        qCInfo(lcSync) << "swept" << gone.size() << "entities the hub no longer sends";
    return qint64(gone.size());
}

} // namespace adm::sync
