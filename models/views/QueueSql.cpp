#include "QueueSql.h"

#include "domain/JsonCodec.h"

#include <QDateTime>
#include <QStringList>
#include <algorithm>

namespace adm::views {

namespace {

// Full-width digits and letters (from an input method) read as their ASCII forms.
QString normalizeSearch(const QString& text)
{
    QString s;
    s.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0xFF01 && u <= 0xFF5E)
            s.append(QChar(char16_t(u - 0xFEE0)));
        else if (!c.isSpace())
            s.append(c);
    }
    return s;
}

bool allDigits(QStringView s)
{
    for (const QChar c : s)
        if (!c.isDigit() || c.unicode() > 0x7F)
            return false;
    return !s.isEmpty();
}

bool isCjk(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x3400 && u <= 0x9FFF) || (u >= 0xF900 && u <= 0xFAFF) || c.isSurrogate() || u == 0x00B7 ||
           u == 0x30FB;
}

QString utcBound(const QDate& localDate)
{
    return json::formatTime(QDateTime(localDate, QTime(0, 0)).toUTC());
}

} // namespace

bool SearchTerms::isEmpty() const
{
    return applicationPrefix.isEmpty() && idNumberPrefix.isEmpty() && phonePrefix.isEmpty() && name.isEmpty();
}

QString QueueSql::columns()
{
    return QStringLiteral("qid, application_id, version, status, pending, conflict, bin, school_id, school_name, "
                          "child_name, birth_date, claimed, checked, flag_mask, channel, submitted_at");
}

QString QueueSql::keyColumn(Column column)
{
    switch (column) {
    case Column::Number:
        return QStringLiteral("application_id");
    case Column::Child:
        return QStringLiteral("child_name");
    case Column::Age:
        return QStringLiteral("birth_date");
    case Column::School:
        return QStringLiteral("school_name");
    case Column::Claimed:
        return QStringLiteral("claimed");
    case Column::Checked:
        return QStringLiteral("checked");
    case Column::Flags:
        return QStringLiteral("flag_mask");
    case Column::Channel:
        return QStringLiteral("channel");
    case Column::Submitted:
        return QStringLiteral("submitted_at");
    }
    return QStringLiteral("submitted_at");
}

bool QueueSql::descending(const QueueQuery& query)
{
    const bool desc = query.order == Qt::DescendingOrder;
    return query.sortColumn == Column::Age ? !desc : desc;
}

QString QueueSql::prefixEnd(const QString& prefix)
{
    // U+10FFFF sorts after every character in SQLite's byte-wise (UTF-8) comparison.
    return prefix + QChar(0xDBFF) + QChar(0xDFFF);
}

SearchTerms QueueSql::classify(const QString& text)
{
    SearchTerms t;
    const QString s = normalizeSearch(text);
    if (s.isEmpty())
        return t;
    if (isCjk(s.front())) {
        t.name = s;
        return t;
    }
    const QString upper = s.toUpper();
    const bool idLike = upper.size() >= 6 && upper.size() <= 18 && allDigits(QStringView(upper).left(17)) &&
                        (allDigits(upper) || (upper.size() == 18 && upper.endsWith(u'X')));
    if (idLike)
        t.idNumberPrefix = upper;
    if (allDigits(upper)) {
        if (upper.size() >= 3 && upper.size() <= 11)
            t.phonePrefix = upper;
        if (upper.size() >= 4)
            t.applicationPrefix = QStringLiteral("A") + upper; // the number typed without its letter
        return t;
    }
    if (upper.front().isLetter() && upper.size() >= 2)
        t.applicationPrefix = upper;
    return t;
}

int QueueSql::categoryFacet(const QString& category)
{
    return std::max(0, store::QueueRules::facetCode(store::QueueRules::facet("category"), category));
}

bool QueueSql::decidedBin(Bin bin)
{
    return bin == Bin::Approved || bin == Bin::Rejected || bin == Bin::InfoRequested;
}

bool QueueSql::searchesByCandidates(const QueueQuery& query, SearchPlan plan)
{
    // Overdue requests sit in the "information requested" bin, a small one: walk its order's index
    // (covering) and test each qid against the overdue set, which stops at a full first page. In any
    // other bin they are few or none: read them first by qid instead of walking a big bin.
    // The same for an officer's decisions and the overrides (supervision's drill-down): they sit in
    // the bins of the decisions; anywhere else there are few or none of them.
    const QueueFilter& f = query.filter;
    const bool overdue = f.overdueOn.isValid();
    const bool decisions = !f.officer.isEmpty() || f.overridesOnly;
    if ((overdue || decisions) && classify(query.search).isEmpty()) {
        const bool inTheirBin = (!overdue || query.bin == Bin::InfoRequested) && (!decisions || decidedBin(query.bin));
        return plan != SearchPlan::InOrder && !inTheirBin;
    }
    const SearchTerms terms = classify(query.search);
    if (terms.isEmpty() || terms.name.size() == 1)
        return false;
    return plan != SearchPlan::InOrder;
}

QString QueueSql::from(const QueueQuery& query, SearchPlan plan)
{
    // Without statistics SQLite takes `bin = ?` for a few rows and walks the order's index, testing
    // each row for the school. A school is a few thousand rows: read them by the school's index and
    // sort them instead.
    if (!query.filter.schoolId.isEmpty() && !searchesByCandidates(query, plan))
        return QStringLiteral("queue_rows INDEXED BY queue_by_school");
    return QStringLiteral("queue_rows");
}

SqlText QueueSql::where(const QueueQuery& query, bool withBin, SearchPlan plan)
{
    QStringList parts;
    QVariantList binds;
    if (withBin) {
        if (const char* overlay = store::QueueRules::rule(query.bin).overlay) {
            parts << QStringLiteral("%1 != 0").arg(QLatin1String(overlay));
        } else {
            // A search reads its few candidates by qid and sorts them; the unary + keeps SQLite from
            // walking the whole bin in order to test each row against them.
            parts << (searchesByCandidates(query, plan) ? QStringLiteral("+bin = ?") : QStringLiteral("bin = ?"));
            binds << qint64(query.bin);
        }
    }
    const QueueFilter& f = query.filter;
    if (!f.schoolId.isEmpty()) {
        parts << QStringLiteral("school_id = ?");
        binds << f.schoolId;
    }
    // Channel, category and flags are tested on `facets`, which every order's index holds: a filtered
    // page or count never reads the table (store/QueueRules.h).
    using store::QueueRules;
    if (!f.category.isEmpty()) {
        parts << QueueRules::facetTestSql(QueueRules::facet("category"));
        binds << qint64(categoryFacet(f.category));
    }
    if (f.flagMask != 0) {
        const store::QueueFacet& flags = QueueRules::facet("flags");
        parts << QueueRules::facetTestSql(flags);
        binds << (f.flagMask << flags.shift);
    }
    const store::QueueFacet& channel = QueueRules::facet("channel");
    if (const int code = QueueRules::facetCode(channel, f.channel); !f.channel.isEmpty() && code >= 0) {
        parts << QueueRules::facetTestSql(channel);
        binds << qint64(code);
    } else if (!f.channel.isEmpty()) {
        parts << QStringLiteral("channel = ?");
        binds << f.channel;
    }
    if (f.from.isValid()) {
        parts << QStringLiteral("submitted_at >= ?");
        binds << utcBound(f.from);
    }
    if (f.to.isValid()) {
        parts << QStringLiteral("submitted_at < ?");
        binds << utcBound(f.to.addDays(1));
    }

    if (!f.districtCode.isEmpty()) {
        // The district's schools are few (a few dozen): the set is made once per statement. Without
        // a school, a page walks the order's index and tests each row's school; with `withBin` false
        // (the bin counts) the school's index (school_id, bin) answers it alone.
        parts << QStringLiteral("school_id IN (SELECT id FROM schools WHERE district_code = ?)");
        binds << f.districtCode;
    }
    if (!f.officer.isEmpty() || f.overridesOnly) {
        // The decisions' own table (store/SupervisionSchema.h), by its index (account, override): a
        // set of qids, tested on each entry of the order's index, which holds qid (covering), or read
        // first by qid when the bin holds few of them (searchesByCandidates).
        QStringList tests;
        if (!f.officer.isEmpty()) {
            tests << QStringLiteral("d.account = ?");
            binds << f.officer;
        }
        if (f.overridesOnly)
            tests << QStringLiteral("d.override = 1");
        parts << QStringLiteral("qid IN (SELECT q.qid FROM supervision_decisions d JOIN queue_rows q ON "
                                "q.application_id = d.application_id WHERE %1)")
                     .arg(tests.join(QStringLiteral(" AND ")));
    }

    if (f.overdueOn.isValid()) {
        // Compared at query time: a bin made by triggers cannot follow the calendar. A due date counts
        // while its request is the application's state: ours while it waits in the outbox (or until
        // the pull brings it back), the platform's when no decision of ours waits.
        parts << QStringLiteral(
            "qid IN (SELECT q.qid FROM info_due d JOIN queue_rows q ON q.application_id = d.application_id "
            "WHERE d.due_date < ? AND CASE d.source WHEN 'here' THEN q.pending = 'request_info' "
            "ELSE q.pending = '' AND q.status = 'info_requested' END)");
        binds << f.overdueOn.toString(Qt::ISODate);
    }

    const SearchTerms terms = classify(query.search);
    if (!query.search.trimmed().isEmpty() && terms.isEmpty()) {
        parts << QStringLiteral("0"); // nothing can match what was typed
    } else if (terms.name.size() == 1) {
        // One character: any name holding it. Scans the bin, but only the worker waits for it.
        parts << QStringLiteral("instr(child_name, ?) > 0");
        binds << terms.name;
    } else if (!terms.isEmpty()) {
        // Candidates by qid from the search's own indexes; SQLite then reads them by rowid and sorts
        // the few that remain, instead of walking the order's index.
        QStringList sources;
        auto range = [&](const QString& sql, const QString& prefix) {
            sources << sql;
            binds << prefix << prefixEnd(prefix);
        };
        if (!terms.applicationPrefix.isEmpty())
            range(QStringLiteral("SELECT qid FROM queue_rows WHERE application_id >= ? AND application_id < ?"),
                  terms.applicationPrefix);
        if (!terms.idNumberPrefix.isEmpty())
            range(QStringLiteral("SELECT q.qid FROM application_people p JOIN queue_rows q ON q.application_id = "
                                 "p.application_id WHERE p.id_number >= ? AND p.id_number < ?"),
                  terms.idNumberPrefix);
        if (!terms.phonePrefix.isEmpty())
            range(QStringLiteral("SELECT q.qid FROM application_people p JOIN queue_rows q ON q.application_id = "
                                 "p.application_id WHERE p.phone >= ? AND p.phone < ?"),
                  terms.phonePrefix);
        if (!terms.name.isEmpty()) {
            range(QStringLiteral("SELECT q.qid FROM applications a JOIN queue_rows q ON q.application_id = a.id "
                                 "WHERE a.child_name >= ? AND a.child_name < ?"),
                  terms.name);
            sources << QStringLiteral("SELECT qid FROM queue_name_grams WHERE gram = ?");
            binds << terms.name.left(2);
            // The guardians' names too (store/PeopleNames.h): a prefix, and any part by its first piece.
            range(QStringLiteral("SELECT q.qid FROM application_people p JOIN queue_rows q ON q.application_id = "
                                 "p.application_id WHERE p.position > 0 AND p.name >= ? AND p.name < ?"),
                  terms.name);
            sources << QStringLiteral("SELECT q.qid FROM people_name_grams g JOIN queue_rows q ON q.application_id = "
                                      "g.application_id WHERE g.gram = ?");
            binds << terms.name.left(2);
        }
        QString clause = QStringLiteral("qid IN (%1)").arg(sources.join(QStringLiteral(" UNION ")));
        if (!terms.name.isEmpty()) {
            // Each candidate holds the whole text in the child's name or a guardian's (by primary key).
            clause += QStringLiteral(" AND (instr(child_name, ?) > 0 OR EXISTS (SELECT 1 FROM application_people p "
                                     "WHERE p.application_id = queue_rows.application_id AND p.position > 0 AND "
                                     "instr(p.name, ?) > 0))");
            binds << terms.name << terms.name;
        }
        parts << clause;
    }
    if (parts.isEmpty())
        parts << QStringLiteral("1");
    return {parts.join(QStringLiteral(" AND ")), binds};
}

namespace {

QString orderBy(const QueueQuery& query)
{
    const QString dir = QueueSql::descending(query) ? QStringLiteral(" DESC") : QString();
    return QStringLiteral(" ORDER BY %1%2, qid%2").arg(QueueSql::keyColumn(query.sortColumn), dir);
}

} // namespace

SqlText QueueSql::firstQids(const QueueQuery& query, int limit, SearchPlan plan)
{
    SqlText w = where(query, true, plan);
    w.sql = QStringLiteral("SELECT qid FROM %1 WHERE %2%3 LIMIT %4")
                .arg(from(query, plan), w.sql, orderBy(query))
                .arg(limit);
    return w;
}

SqlText QueueSql::qidsFrom(const QueueQuery& query, const QueueKey& anchor, int limit, SearchPlan plan)
{
    SqlText w = where(query, true, plan);
    const QString k = keyColumn(query.sortColumn);
    // Written as a range on k plus a tie-break, so that the order's index seeks straight to the anchor.
    const QString keyset = descending(query) ? QStringLiteral(" AND %1 <= ? AND (%1 < ? OR qid <= ?)").arg(k)
                                             : QStringLiteral(" AND %1 >= ? AND (%1 > ? OR qid >= ?)").arg(k);
    w.binds << anchor.key << anchor.key << anchor.qid;
    w.sql = QStringLiteral("SELECT qid FROM %1 WHERE %2%3%4 LIMIT %5")
                .arg(from(query, plan), w.sql, keyset, orderBy(query))
                .arg(limit);
    return w;
}

SqlText QueueSql::rowsByQid(const QVector<qint64>& qids)
{
    SqlText t;
    QStringList marks;
    marks.reserve(qids.size());
    for (qint64 q : qids) {
        marks << QStringLiteral("?");
        t.binds << q;
    }
    t.sql = QStringLiteral("SELECT %1 FROM queue_rows WHERE qid IN (%2)").arg(columns(), marks.join(u','));
    return t;
}

SqlText QueueSql::scan(const QueueQuery& query, SearchPlan plan)
{
    SqlText w = where(query, true, plan);
    w.sql = QStringLiteral("SELECT qid, %1 FROM %2 WHERE %3%4")
                .arg(keyColumn(query.sortColumn), from(query, plan), w.sql, orderBy(query));
    return w;
}

SqlText QueueSql::binCounts(const QueueQuery& query)
{
    SqlText w = where(query, false);
    w.sql = QStringLiteral("SELECT bin, count(*) FROM queue_rows WHERE %1 GROUP BY bin").arg(w.sql);
    return w;
}

SqlText QueueSql::overlayCount(const QueueQuery& query, Bin bin)
{
    SqlText w = where(query, false);
    w.sql = QStringLiteral("SELECT count(*) FROM queue_rows WHERE %1 != 0 AND %2")
                .arg(QLatin1String(store::QueueRules::rule(bin).overlay), w.sql);
    return w;
}

} // namespace adm::views
