#pragma once

#include "SyncTypes.h"
#include "domain/Entities.h"
#include "domain/Result.h"

#include <QJsonArray>
#include <QList>
#include <QSet>
#include <QString>

namespace adm::sync {

// What the pull asks of a change feed beyond the shape of each change: only the kinds of entity the
// contract lists, and pages that lead somewhere (SyncOptions::maxStalledPages, maxEmptyPages).
// Puller asks it about each page before applying it, so the page that breaks a rule is not applied
// and the cursor stays before it; what earlier pages brought stays committed.
class FeedGuard {
public:
    explicit FeedGuard(const SyncOptions& options)
        : m_options(options)
    {}

    // A new pass, or a full pull after a 410: forgets the cursors seen and the counts.
    void restart();
    // `sent`: the cursor the page was asked with (empty: a full pull); `next`: the page's cursor.
    // `changes`: the page's array as it came (read before the pool decodes the changes).
    Status checkPage(const QJsonArray& changes, const QString& sent, const QString& next, bool hasMore);
    // "hub_bad_change" for a change whose entity the contract does not list (docs/sync.md says why).
    static Status checkKinds(const QJsonArray& changes);
    static bool isContractEntity(const QString& entity);

private:
    SyncOptions m_options;
    QSet<QString> m_sent; // the cursors asked with in this pull
    int m_stalled = 0;    // has_more pages in a row whose cursor is one asked with already
    int m_empty = 0;      // has_more pages in a row without any change
};

} // namespace adm::sync
