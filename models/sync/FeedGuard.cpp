#include "FeedGuard.h"

#include "store/EntityKinds.h"

#include <QJsonObject>
#include <QJsonValue>

namespace adm::sync {

void FeedGuard::restart()
{
    m_sent.clear();
    m_stalled = 0;
    m_empty = 0;
}

bool FeedGuard::isContractEntity(const QString& e)
{
    return store::entityKindIndex(e) >= 0;
}

Status FeedGuard::checkKinds(const QJsonArray& changes)
{
    for (const QJsonValue& value : changes) {
        const QJsonObject object = value.toObject();
        const QString kind = object.value(QStringLiteral("entity")).toString();
        // A missing or mistyped entity is the change reader's to name; this looks at kinds only.
        if (kind.isEmpty() || isContractEntity(kind))
            continue;
        const qint64 seq = object.value(QStringLiteral("seq")).toInteger(-1);
        qCWarning(lcSync) << "change" << seq << "of an entity kind the contract does not list:" << kind.left(64);
        return Error{
            code::BadChange,
            SyncText::tr("The city platform sent a change of a kind of data the contract does not list (change %1, "
                         "entity \"%2\"; the contract knows policy, school, zone, application and "
                         "agency_record). The pull stopped before its page, so nothing of that page was "
                         "applied; what earlier pages brought stays in the cache. Tell the city platform's "
                         "administrator; if the city platform follows a newer contract, this workstation needs an "
                         "update.")
                .arg(seq)
                .arg(kind.left(64))};
    }
    return {};
}

Status FeedGuard::checkPage(const QJsonArray& changes, const QString& sent, const QString& next, bool hasMore)
{
    if (Status s = checkKinds(changes); !s)
        return s;
    if (!sent.isEmpty())
        m_sent.insert(sent);
    if (!hasMore)
        return {};
    // A cursor that does not move, or comes back to one asked with before, would repeat pages for
    // ever (the contract: the cursor points after the last change returned).
    const bool stalled = next == sent || m_sent.contains(next);
    m_stalled = stalled ? m_stalled + 1 : 0;
    m_empty = changes.isEmpty() ? m_empty + 1 : 0;
    if (m_options.maxStalledPages > 0 && m_stalled >= m_options.maxStalledPages) {
        qCWarning(lcSync) << "the hub's cursor does not move:" << m_stalled << "pages; stopping the pull";
        return Error{
            code::NoProgress,
            SyncText::tr("The city platform answered %1 times in a row that more changes follow, but sent the pull "
                         "back to a place it had already been instead of moving on, so the pull stopped. "
                         "What earlier pages brought stays in the cache, and the next sync goes on from "
                         "there. If this happens again, tell the city platform's administrator: its change feed is "
                         "stuck.")
                .arg(m_stalled)};
    }
    if (m_options.maxEmptyPages > 0 && m_empty >= m_options.maxEmptyPages) {
        qCWarning(lcSync) << "the hub sent" << m_empty << "empty pages with has_more; stopping the pull";
        return Error{
            code::NoProgress,
            SyncText::tr("The city platform sent %1 pages in a row without a single change while saying that more "
                         "follow, so the pull stopped. What earlier pages brought stays in the cache, and "
                         "the next sync goes on from there. If this happens again, tell the city platform's "
                         "administrator: its change feed does not advance.")
                .arg(m_empty)};
    }
    return {};
}

} // namespace adm::sync
