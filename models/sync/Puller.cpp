#include "Puller.h"

#include "SyncState.h"
#include "domain/JsonCodec.h"
#include "store/EntityKinds.h"
#include "store/Sql.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFuture>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>

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
{
    m_applyThread.setMaxThreadCount(1);
}

namespace {

Error badChange(const QString& what)
{
    return Error{code::BadChange,
                 SyncText::tr("The city platform sent a change that does not follow the contract (%1). The pull "
                              "stopped before it; tell the city platform's administrator.")
                     .arg(what)};
}

} // namespace

// A page whose changes the pool is reading, and the cursor that follows it.
struct Puller::PendingPage {
    QFuture<Result<QList<Change>>> changes;
    QString cursor;
};

// Pages fetched and not yet applied: at most SyncOptions::pullBatch changes (plus one page).
struct Puller::Batch {
    QList<PendingPage> pages;
    qsizetype changes = 0;
};

Status Puller::readPageHeader(const QJsonObject& body, QJsonArray* changes, QString* cursor, bool* hasMore)
{
    const QJsonValue list = body.value(QStringLiteral("changes"));
    if (!list.isArray())
        return Error{code::BadReply, SyncText::tr("The city platform's change feed answer has no list of changes.")};
    *changes = list.toArray();
    const QJsonValue next = body.value(QStringLiteral("cursor"));
    if (next.isString())
        *cursor = next.toString();
    else if (!changes->isEmpty())
        return Error{code::BadReply, SyncText::tr("The city platform's change feed answer has no cursor.")};
    *hasMore = body.value(QStringLiteral("has_more")).toBool(false);
    return {};
}

Result<QList<Change>> Puller::readChanges(const QJsonArray& array, const QByteArray& body)
{
    // Each change's `data` is stored as the hub sent it, like an imported bundle's: cut from the
    // page's text rather than serialised again from the parsed object. Cut only when the text's
    // elements line up with the parsed ones; otherwise (or for a text that is not an object) serialised.
    QList<QByteArray> texts;
    if (!body.isEmpty()) {
        texts = json::arrayElements(json::topLevelValue(body, QByteArrayLiteral("changes")));
        if (texts.size() != array.size())
            texts.clear();
    }
    QList<Change> changes;
    changes.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto c = json::readChange(array.at(i).toObject(), QStringLiteral("changes[%1]").arg(i));
        if (!c)
            return badChange(c.error().message);
        // What ChangeApplier::apply() would check on the writer thread, done here (applyValidated).
        if (Status s = store::ChangeApplier::validate(*c); !s)
            return badChange(s.error().message);
        if (!c->isDelete()) {
            if (!texts.isEmpty())
                c->rawData = json::topLevelValue(texts.at(i), QByteArrayLiteral("data"));
            if (!c->rawData.startsWith('{'))
                c->rawData = QJsonDocument(c->data).toJson(QJsonDocument::Compact);
        }
        changes.append(std::move(*c));
    }
    return changes;
}

Result<QList<Change>> Puller::readPage(const QJsonObject& body, QString* cursor, bool* hasMore)
{
    QJsonArray array;
    if (Status s = readPageHeader(body, &array, cursor, hasMore); !s)
        return s.error();
    return readChanges(array);
}

Puller::~Puller()
{
    if (m_inFlight) {
        WriterGate::LetGo letGo(m_gate);
        m_inFlight->waitForFinished(); // a transaction never outlives the writer it runs on
    }
}

Puller::Committed Puller::commit(QList<PendingPage> pages, qsizetype count, const QString& account, bool sweeping)
{
    Committed out;
    QElapsedTimer phase;
    phase.start();
    // The pages in order, up to the first that breaks the contract: those before it are applied.
    QList<Change> changes;
    changes.reserve(count);
    QString cursor;
    qsizetype good = 0;
    for (PendingPage& page : pages) {
        if (!out.status.ok()) {
            page.changes.waitForFinished(); // it must not outlive the pull it reports to
            continue;
        }
        Result<QList<Change>> read = page.changes.result();
        if (!read) {
            out.status = read.error();
            continue;
        }
        changes.append(std::move(*read));
        cursor = page.cursor;
        ++good;
    }
    out.waitNs = phase.nsecsElapsed();
    if (good == 0)
        return out;
    phase.restart();
    WriterGate::Held held(m_gate); // the pull's thread lets it go while it waits for this
    if (sweeping && !changes.isEmpty())
        if (Status s = markSeen(changes); !s) {
            out.status = s;
            return out;
        }
    // The cursor commits with the changes it covers: all of these pages or none of them.
    auto applied =
        m_applier.applyValidated(changes, {{SyncState::Cursor, cursor}, {SyncState::CursorAccount, account}});
    out.applyNs = phase.nsecsElapsed();
    if (!applied) {
        out.status = applied.error();
        return out;
    }
    out.received = applied->received;
    out.applied = applied->upserted + applied->deleted;
    out.transaction = true;
    return out;
}

Status Puller::settle()
{
    if (!m_inFlight)
        return {};
    Committed done;
    {
        WriterGate::LetGo letGo(m_gate);
        done = m_inFlight->result();
    }
    m_inFlight.reset();
    m_stats.parseNs += done.waitNs;
    m_stats.applyNs += done.applyNs;
    m_stats.received += done.received;
    m_stats.applied += done.applied;
    m_stats.transactions += done.transaction ? 1 : 0;
    return done.status;
}

Status Puller::flushAsync(Batch& batch, const QString& account, bool sweeping)
{
    // One transaction at a time, in order: the next starts only once the one before committed. When
    // that one failed, these pages are dropped: applying them would move the cursor past its changes.
    if (Status s = settle(); !s) {
        discard(batch);
        return s;
    }
    if (batch.pages.isEmpty())
        return {};
    QList<PendingPage> pages = std::move(batch.pages);
    const qsizetype count = batch.changes;
    batch.pages.clear();
    batch.changes = 0;
    m_inFlight = QtConcurrent::run(&m_applyThread, [this, pages = std::move(pages), count, account, sweeping] {
        return commit(pages, count, account, sweeping);
    });
    return {};
}

Status Puller::flush(Batch& batch, const QString& account, bool sweeping)
{
    if (Status s = flushAsync(batch, account, sweeping); !s)
        return s;
    return settle();
}

void Puller::discard(Batch& batch)
{
    for (PendingPage& page : batch.pages)
        page.changes.waitForFinished();
    batch.pages.clear();
    batch.changes = 0;
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
        if (Status s = state.restartFullPull(); !s)
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
    const qsizetype batchLimit = std::max(1, m_options.pullBatch);
    std::atomic<qint64> decodeNs{0};
    qint64 fetched = 0;
    Batch batch;
    // Every way out applies the pages fetched before it (a page that breaks the contract: those
    // before it), so that nothing fetched is thrown away. The pool's reads are waited for.
    // A transaction that failed ends it all: a later one would move the cursor past its changes.
    auto stop = [&](const Error& error) -> Status {
        Status flushed = settle();
        if (flushed)
            flushed = flush(batch, account, sweeping);
        discard(batch);
        m_stats.decodeNs = decodeNs.load();
        return flushed ? Status(error) : flushed;
    };
    // While pages are fetched the gate is let go: the transactions run on the apply thread, which
    // takes it for each, and a job may write between them. Taken back for a cursor's reset (410),
    // and for the sweep after the last page.
    std::optional<WriterGate::LetGo> fetching;
    fetching.emplace(m_gate);
    while (true) {
        HubClient::Request request;
        request.path = QStringLiteral("api/v1/changes");
        if (!cursor.isEmpty())
            request.query.addQueryItem(QStringLiteral("after"), cursor);
        request.query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        auto r = m_client.call(request);
        if (!r)
            return stop(r.error());
        if (r->status == 410) {
            if (restarted || cursor.isEmpty())
                return stop(Error{
                    code::Refused,
                    SyncText::tr("The city platform refused a full pull (HTTP 410: %1).").arg(r->errorMessage())});
            if (Status s = flush(batch, account, sweeping); !s)
                return stop(s.error());
            restarted = true;
            qCInfo(lcSync) << "cursor expired (" << r->errorCode() << "): full pull";
            {
                WriterGate::Held held(m_gate);
                if (Status s = state.restartFullPull(); !s)
                    return stop(s.error());
                auto flag = state.get(SyncState::SweepPending);
                sweeping = flag && *flag == QLatin1String("1");
            }
            cursor.clear();
            stats.fullPull = true;
            m_guard.restart();
            continue;
        }
        if (!r->isSuccess())
            return stop(Error{code::Refused, SyncText::tr("The city platform refused the change feed (HTTP %1: %2).")
                                                 .arg(r->status)
                                                 .arg(r->errorMessage())});
        QString next = cursor;
        bool more = false;
        QJsonArray array;
        QElapsedTimer phase;
        phase.start();
        const Status header = readPageHeader(r->json, &array, &next, &more);
        stats.parseNs += phase.nsecsElapsed();
        if (!header)
            return stop(header.error());
        // Before anything of the page is applied: a page that breaks these leaves the cursor before it.
        if (Status s = m_guard.checkPage(array, cursor, next, more); !s)
            return stop(s.error());
        const qsizetype size = array.size();
        // The pool reads this page's changes while the next pages are fetched.
        batch.pages.append({QtConcurrent::run([array = std::move(array), body = r->body, &decodeNs] {
                                QElapsedTimer t;
                                t.start();
                                auto changes = readChanges(array, body);
                                decodeNs += t.nsecsElapsed();
                                return changes;
                            }),
                            next});
        batch.changes += size;
        fetched += size;
        ++stats.pages;
        if (m_progress)
            m_progress(fetched);
        // A cursor that does not move is asked again: FeedGuard ends the pull after a few such pages.
        // A full transaction is applied on the apply thread while the next pages are fetched; the
        // last one is waited for here.
        if (!more)
            if (Status s = flush(batch, account, sweeping); !s)
                return stop(s.error());
        if (more && batch.changes >= batchLimit)
            if (Status s = flushAsync(batch, account, sweeping); !s)
                return stop(s.error());
        if (!more)
            break;
        cursor = next;
    }
    fetching.reset();
    m_stats.decodeNs = decodeNs.load();
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
    for (const store::EntityKind& kind : store::entityKinds()) {
        auto q = m_writer.prepare(QStringLiteral("SELECT id, version FROM %1 t WHERE NOT EXISTS (SELECT 1 FROM "
                                                 "sync_seen s WHERE s.entity = ? AND s.id = t.id)")
                                      .arg(kind.table));
        if (!q)
            return q.error();
        q->bind(1, kind.name);
        while (q->step())
            gone.append({kind.name, q->text(0), q->int64(1)});
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
