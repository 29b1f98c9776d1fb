#include "Pusher.h"

#include "PushResults.h"
#include "SyncState.h"
#include "security/AuditLog.h"
#include "store/Sql.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>

namespace adm::sync {

namespace {

QList<qint64> idsOf(const QList<OutboxItem>& items)
{
    QList<qint64> ids;
    for (const OutboxItem& i : items)
        ids.append(i.id);
    return ids;
}

// A whole-request answer that is about the request's content, not the hub's health.
bool isContentRefusal(int status)
{
    return status >= 400 && status < 500 && status != 401 && status != 429;
}

} // namespace

Pusher::Pusher(HubClient& client, store::Connection& writer, const SyncOptions& options, ProgressFn progress)
    : m_client(client)
    , m_writer(writer)
    , m_outbox(writer)
    , m_options(options)
    , m_progress(std::move(progress))
{}

QString Pusher::hubAccount() const
{
    const QString signedIn = m_client.signedInAccount().id;
    return signedIn.isEmpty() ? m_client.account() : signedIn;
}

QJsonObject Pusher::withoutLocalDecider(const OutboxItem& item) const
{
    // Decisions queued by older versions named the local user when it had no hub account. The
    // hub refuses a decider other than the pushing account (decider_mismatch); leaving the
    // field out lets it record that account, as a decision queued today does.
    QJsonObject payload = item.payload;
    const QString decidedBy = payload.value(QStringLiteral("decided_by")).toString();
    if (!decidedBy.isEmpty() && decidedBy == item.createdBy && decidedBy != hubAccount())
        payload.remove(QStringLiteral("decided_by"));
    return payload;
}

QString Pusher::endpointFor(const QString& k)
{
    if (k == kind::Decision)
        return QStringLiteral("api/v1/decisions");
    if (k == kind::Application)
        return QStringLiteral("api/v1/applications");
    if (k == kind::Batch)
        return QStringLiteral("api/v1/batches");
    if (k == kind::SigningKey)
        return QStringLiteral("api/v1/signing-keys/");
    return {};
}

QString Pusher::listKeyFor(const QString& k)
{
    if (k == kind::Decision)
        return QStringLiteral("decisions");
    if (k == kind::Application)
        return QStringLiteral("applications");
    if (k == kind::Batch)
        return QStringLiteral("batches");
    return {};
}

void Pusher::advance(qint64 count)
{
    m_done += count;
    if (m_progress)
        m_progress(m_done, std::max(m_total, m_done));
}

Status Pusher::run()
{
    m_stats = {};
    m_done = 0;
    auto pendingItems = m_writer.scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'"));
    if (!pendingItems)
        return pendingItems.error();
    // The progress counts the outbox's items, as the status bar's "Outbox" does; the audit entries
    // that follow them are sent without a count of their own ("Sending the audit trail…").
    m_total = pendingItems->toLongLong();
    if (m_progress)
        m_progress(0, m_total);
    for (const QString& k : kind::pushOrder())
        if (Status s = pushKind(k); !s)
            return s;
    if (m_progress && m_total > 0)
        m_progress(m_done, 0);
    return pushAudit();
}

Status Pusher::pushKind(const QString& k)
{
    qint64 after = 0;
    const int chunk = std::max(1, m_options.chunkSize);
    while (true) {
        auto items = m_outbox.pending(k, after, chunk);
        if (!items)
            return items.error();
        if (items->isEmpty())
            return {};
        after = items->last().id; // each item once per pass, whatever its answer
        if (k == kind::SigningKey) {
            for (const OutboxItem& item : *items)
                if (Status s = sendSigningKey(item); !s)
                    return s;
        } else if (Status s = sendChunk(k, *items); !s) {
            return s;
        }
    }
}

Status Pusher::recordAndCount(const QList<QPair<qint64, ItemResult>>& results)
{
    for (const auto& [id, r] : results) {
        const QString status = r.effectiveStatus();
        if (status == QLatin1String("accepted") || status == QLatin1String("duplicate"))
            ++m_stats.pushed;
        else if (status == QLatin1String("conflict"))
            ++m_stats.conflicts;
        else if (status == QLatin1String("invalid"))
            ++m_stats.rejected;
        qCInfo(lcSync) << "outbox item" << id << r.status << r.code;
    }
    return m_outbox.record(results);
}

Status Pusher::sendChunk(const QString& k, const QList<OutboxItem>& items)
{
    if (Status s = m_outbox.markAttempt(idsOf(items)); !s)
        return s;
    QJsonArray list;
    for (const OutboxItem& item : items)
        list.append(k == kind::Decision ? withoutLocalDecider(item) : item.payload);
    HubClient::Request request;
    request.method = "POST";
    request.path = endpointFor(k);
    request.body = QJsonObject{{listKeyFor(k), list}};
    auto r = m_client.call(request);
    if (!r)
        return r.error();
    if (r->isSuccess()) {
        auto results = PushResults::parse(r->json);
        if (!results)
            return results.error();
        const auto matched = PushResults::match(items, *results);
        if (matched.size() < items.size())
            qCWarning(lcSync) << "the hub answered" << matched.size() << "of" << items.size() << k
                              << "items; the others go again next time";
        advance(items.size());
        return recordAndCount(matched);
    }
    if (isContentRefusal(r->status)) {
        if (items.size() > 1) { // find the item the refusal is about; the others go through
            const qsizetype half = items.size() / 2;
            if (Status s = sendChunk(k, items.mid(0, half)); !s)
                return s;
            return sendChunk(k, items.mid(half));
        }
        const QString message =
            r->status == 413
                ? SyncText::tr("The city platform refused this item as too large (%1).").arg(r->errorMessage())
                : r->errorMessage();
        advance(1);
        return recordAndCount(
            {{items.first().id, PushResults::fromRefusal(items.first(), r->status, r->errorCode(), message)}});
    }
    return Error{
        code::Refused,
        SyncText::tr("The city platform answered HTTP %1 to %2; nothing was recorded, the next sync tries again.")
            .arg(r->status)
            .arg(request.path)};
}

Status Pusher::sendSigningKey(const OutboxItem& item)
{
    if (Status s = m_outbox.markAttempt({item.id}); !s)
        return s;
    HubClient::Request request;
    request.method = "PUT";
    request.path = endpointFor(kind::SigningKey) + HubClient::pathSegment(item.subjectId);
    request.body = item.payload;
    auto r = m_client.call(request);
    if (!r)
        return r.error();
    advance(1);
    if (r->isSuccess()) {
        // The contract does not fix this answer's shape: a results list, one result, or nothing.
        ItemResult result;
        auto results = PushResults::parse(r->json);
        if (results && !results->isEmpty()) {
            result = results->first();
        } else {
            result.status = r->json.value(QStringLiteral("status")).toString(QStringLiteral("accepted"));
            result.originalStatus = r->json.value(QStringLiteral("original_status")).toString();
            result.id = r->json.value(QStringLiteral("id")).toString(item.subjectId);
            result.code = r->json.value(QStringLiteral("code")).toString();
            result.message = r->json.value(QStringLiteral("message")).toString();
        }
        return recordAndCount({{item.id, result}});
    }
    if (isContentRefusal(r->status))
        return recordAndCount(
            {{item.id, PushResults::fromRefusal(item, r->status, r->errorCode(), r->errorMessage())}});
    return Error{
        code::Refused,
        SyncText::tr("The city platform answered HTTP %1 to %2; nothing was recorded, the next sync tries again.")
            .arg(r->status)
            .arg(request.path)};
}

Status Pusher::pushAudit()
{
    SyncState state(m_writer);
    auto stored = state.get(SyncState::AuditSeq);
    if (!stored)
        return stored.error();
    qint64 after = stored->toLongLong();
    security::AuditLog log(m_writer);
    int chunk = std::max(1, m_options.chunkSize);
    while (true) {
        auto entries = log.entries(after, chunk);
        if (!entries)
            return entries.error();
        if (entries->isEmpty())
            return {};
        // The hub records the signed-in account as the actor and refuses another name; the local
        // user the hash covers goes as local_actor. With no account known yet, actor is left out.
        const QString account = hubAccount();
        QJsonArray list;
        for (const security::AuditEntry& e : *entries) {
            QJsonObject o{{QStringLiteral("idempotency_key"), e.idempotencyKey},
                          {QStringLiteral("seq"), e.seq},
                          // the same text the hash covers
                          {QStringLiteral("at"), e.at.toUTC().toString(Qt::ISODate)},
                          {QStringLiteral("local_actor"), e.actor},
                          {QStringLiteral("action"), e.action},
                          {QStringLiteral("subject"), e.subject},
                          {QStringLiteral("prev_hash"), e.prevHash},
                          {QStringLiteral("hash"), e.hash}};
            if (!account.isEmpty())
                o.insert(QStringLiteral("actor"), account);
            list.append(o);
        }
        HubClient::Request request;
        request.method = "POST";
        request.path = QStringLiteral("api/v1/audit");
        request.body = QJsonObject{{QStringLiteral("entries"), list}};
        auto r = m_client.call(request);
        if (!r)
            return r.error();
        QString problem;
        const qint64 before = after;
        if (r->isSuccess()) {
            auto results = PushResults::parse(r->json);
            if (!results)
                return results.error();
            QHash<QString, ItemResult> byKey;
            for (qsizetype i = 0; i < results->size(); ++i) {
                const ItemResult& res = results->at(i);
                const QString key = res.idempotencyKey.isEmpty() && i < entries->size() ? entries->at(i).idempotencyKey
                                                                                        : res.idempotencyKey;
                byKey.insert(key, res);
            }
            // The chain is only whole in order: stop at the first entry not taken.
            for (const security::AuditEntry& e : *entries) {
                const auto it = byKey.constFind(e.idempotencyKey);
                if (it == byKey.cend())
                    break;
                const QString status = it->effectiveStatus();
                if (status == QLatin1String("accepted") || status == QLatin1String("duplicate")) {
                    after = e.seq;
                    ++m_stats.pushed;
                    continue;
                }
                if (status == QLatin1String("conflict") || status == QLatin1String("invalid")) {
                    ++m_stats.rejected;
                    problem = QStringLiteral("%1: %2 %3").arg(e.seq).arg(it->code, it->message);
                }
                break;
            }
        } else if (isContentRefusal(r->status)) {
            if (chunk > 1) { // find the entry it is about
                chunk = 1;
                continue;
            }
            ++m_stats.rejected;
            problem = QStringLiteral("%1: %2 %3").arg(entries->first().seq).arg(r->errorCode(), r->errorMessage());
        } else {
            return Error{
                code::Refused,
                SyncText::tr("The city platform answered HTTP %1 to the audit upload; the next sync tries again.")
                    .arg(r->status)};
        }
        if (after != before)
            if (Status s = state.set(SyncState::AuditSeq, QString::number(after)); !s)
                return s;
        if (Status s = state.set(SyncState::AuditError, problem); !s)
            return s;
        if (!problem.isEmpty()) {
            qCWarning(lcSync) << "the hub refused audit entry" << problem.section(u':', 0, 0);
            return {};
        }
        if (after == before) // nothing taken and nothing refused: try again next pass
            return {};
    }
}

} // namespace adm::sync
