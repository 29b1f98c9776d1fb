#pragma once

#include "QueueTypes.h"

#include <QString>
#include <QVariantList>

namespace adm::views {

// SQL text with its parameters, bound in order (QString binds text, qint64 an integer).
struct SqlText {
    QString sql;
    QVariantList binds;
};

// How a search is answered: from its own indexes (the candidates read by qid, then sorted), or by
// walking the order's index and testing each row (when the candidates are many, as for a common
// given name). Auto: by candidates, except a single character.
enum class SearchPlan { Auto, Candidates, InOrder };

// What a search string is taken for; a string can be several at once (digits: an ID number or a phone).
struct SearchTerms {
    QString applicationPrefix; // "A2026…"
    QString idNumberPrefix;    // six or more digits (and a final X)
    QString phonePrefix;       // three to eleven digits
    QString name;              // CJK text: prefix and any part of the child's or a guardian's name
    bool isEmpty() const;
};

// Builds the queue statements over queue_rows (migration 0004). Every page is keyset-paged:
// `… AND k >= ? AND (k > ? OR qid >= ?) ORDER BY k, qid LIMIT n` from a known anchor; never OFFSET.
class QueueSql {
public:
    static QString columns();
    // The sort key column of an order; `qid` breaks ties.
    static QString keyColumn(Column column);
    // The direction in SQL (age ascending is birth date descending).
    static bool descending(const QueueQuery& query);

    // The conditions of a query: bin, filters and search ("1" when none). With `withBin` false the
    // bin is left out (the counts of every bin).
    static SqlText where(const QueueQuery& query, bool withBin = true, SearchPlan plan = SearchPlan::Auto);

    // A page is read in two steps: the qids in order, from the order's index alone (covering, with
    // the filters on `facets`), then the rows of those qids.
    static SqlText firstQids(const QueueQuery& query, int limit, SearchPlan plan = SearchPlan::Auto);
    // The qids from `anchor` on (the anchor row included), in the query's order.
    static SqlText qidsFrom(const QueueQuery& query, const QueueKey& anchor, int limit,
                            SearchPlan plan = SearchPlan::Auto);
    static SqlText rowsByQid(const QVector<qint64>& qids);
    // qid and sort key of every row, in order: the counting pass.
    static SqlText scan(const QueueQuery& query, SearchPlan plan = SearchPlan::Auto);
    static SqlText binCounts(const QueueQuery& query);
    // The rows of an overlay bin (Conflicts) under the query's filters.
    static SqlText overlayCount(const QueueQuery& query, Bin bin);

    static SearchTerms classify(const QString& text);
    // The bins an application with a decision sits in (approve, reject, request_info): where the
    // drill-down's officer and override filters walk the order's index instead of sorting candidates.
    static bool decidedBin(Bin bin);
    // True when the search is answered from its own indexes (candidates by qid, then sorted).
    static bool searchesByCandidates(const QueueQuery& query, SearchPlan plan = SearchPlan::Auto);
    // The table, with the index to use when SQLite would pick a worse one.
    static QString from(const QueueQuery& query, SearchPlan plan = SearchPlan::Auto);
    // The category's code in `facets` (0 not checked, 1 A, 2 B, 3 C, 4 none: store::kQueueFacets).
    static int categoryFacet(const QString& category);
    // The smallest string greater than every string that starts with `prefix`.
    static QString prefixEnd(const QString& prefix);
};

} // namespace adm::views
