#include "QueueRules.h"

#include "Sql.h"

#include <QHash>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace adm::store {

namespace {

QString quoted(const char* text)
{
    return QStringLiteral("'%1'").arg(QString::fromUtf8(text).replace(u'\'', QStringLiteral("''")));
}

QStringList statusesOf(const QueueBinRule& r)
{
    QStringList out;
    for (const char* s : r.statuses)
        if (s)
            out << QString::fromUtf8(s);
    return out;
}

// `expr = 'a'` or `expr IN ('a', 'b')`.
QString oneOf(const QString& expr, const QStringList& values)
{
    QStringList quotedValues;
    for (const QString& v : values)
        quotedValues << quoted(v.toUtf8().constData());
    if (quotedValues.size() == 1)
        return QStringLiteral("%1 = %2").arg(expr, quotedValues.first());
    return QStringLiteral("%1 IN (%2)").arg(expr, quotedValues.join(QStringLiteral(", ")));
}

QString sourceOf(const QueueFacet& f, const QueueInputs& in)
{
    const QString column = QString::fromUtf8(f.column);
    if (column == QLatin1String("channel"))
        return in.channel;
    if (column == QLatin1String("checked"))
        return in.checked;
    if (column == QLatin1String("flag_mask"))
        return in.flagMask;
    return column;
}

QueueBin restBin()
{
    for (const QueueBinRule& r : kQueueBins)
        if (r.rest)
            return r.bin;
    return kQueueBins[0].bin;
}

bool flagsMatch(QueueFlags flags, qint64 mask)
{
    return flags == QueueFlags::Any || (flags == QueueFlags::Some) == (mask != 0);
}

const QString kDecisionItems = QStringLiteral("o.kind = 'decision' AND o.subject_id = %1");

} // namespace

const QueueBinRule& QueueRules::rule(QueueBin bin)
{
    for (const QueueBinRule& r : kQueueBins)
        if (r.bin == bin)
            return r;
    // Every enumerator has a row (tst_queuerules); the rest bin stands for an unknown number.
    return rule(restBin());
}

bool QueueRules::isDefined(int number)
{
    for (const QueueBinRule& r : kQueueBins)
        if (int(r.bin) == number)
            return true;
    return false;
}

QueueBin QueueRules::listedAt(int row)
{
    int n = 0;
    for (const QueueBinRule& r : kQueueBins)
        if (r.listed && n++ == row)
            return r.bin;
    return QueueBin::ToReview;
}

int QueueRules::listedRow(QueueBin bin)
{
    int n = 0;
    for (const QueueBinRule& r : kQueueBins) {
        if (r.bin == bin)
            return r.listed ? n : -1;
        n += r.listed ? 1 : 0;
    }
    return -1;
}

QStringList QueueRules::decisions()
{
    QStringList out;
    for (const QueueBinRule& r : kQueueBins)
        if (r.decision)
            out << QString::fromUtf8(r.decision);
    return out;
}

const QueueFacet& QueueRules::facet(const char* name)
{
    for (const QueueFacet& f : kQueueFacets)
        if (qstrcmp(f.name, name) == 0)
            return f;
    qFatal("no queue facet %s", name);
}

QueueBin QueueRules::binOf(const QString& pending, const QString& status, qint64 flagMask)
{
    for (const QueueBinRule& r : kQueueBins)
        if (r.decision && pending == QLatin1String(r.decision))
            return r.bin;
    for (const QueueBinRule& r : kQueueBins)
        if (statusesOf(r).contains(status) && flagsMatch(r.flags, flagMask))
            return r.bin;
    return restBin();
}

int QueueRules::facetCode(const QueueFacet& f, const QString& value)
{
    for (int i = 0; i < int(f.codes.size()); ++i)
        if (f.codes[i] && value == QString::fromUtf8(f.codes[i]))
            return i;
    return -1;
}

qint64 QueueRules::facetsOf(const QString& channel, const QString& checked, qint64 flagMask)
{
    qint64 facets = 0;
    for (const QueueFacet& f : kQueueFacets) {
        const QString column = QString::fromUtf8(f.column);
        qint64 value = 0;
        if (column == QLatin1String("flag_mask"))
            value = flagMask;
        else
            value = std::max(0, facetCode(f, column == QLatin1String("channel") ? channel : checked));
        facets |= value << f.shift;
    }
    return facets;
}

QString QueueRules::binSql(const QueueInputs& in)
{
    QStringList whens;
    for (const QueueBinRule& r : kQueueBins)
        if (r.decision)
            whens << QStringLiteral("WHEN %1 = %2 THEN %3").arg(in.pending, quoted(r.decision)).arg(int(r.bin));
    for (const QueueBinRule& r : kQueueBins) {
        const QStringList statuses = statusesOf(r);
        if (statuses.isEmpty())
            continue;
        QString condition = oneOf(in.status, statuses);
        if (r.flags != QueueFlags::Any)
            condition +=
                QStringLiteral(" AND %1 %2 0")
                    .arg(in.flagMask, r.flags == QueueFlags::Some ? QStringLiteral("!=") : QStringLiteral("="));
        whens << QStringLiteral("WHEN %1 THEN %2").arg(condition).arg(int(r.bin));
    }
    return QStringLiteral("CASE %1 ELSE %2 END").arg(whens.join(u' ')).arg(int(restBin()));
}

QString QueueRules::facetsSql(const QueueInputs& in)
{
    QStringList parts;
    for (const QueueFacet& f : kQueueFacets) {
        const QString source = sourceOf(f, in);
        QString value;
        if (f.codes[0] || f.codes[1]) {
            QStringList whens;
            for (int i = 1; i < int(f.codes.size()); ++i)
                if (f.codes[i])
                    whens << QStringLiteral("WHEN %1 THEN %2").arg(quoted(f.codes[i])).arg(i);
            value = QStringLiteral("(CASE %1 %2 ELSE 0 END)").arg(source, whens.join(u' '));
        } else {
            value = QStringLiteral("(%1)").arg(source);
        }
        parts << (f.shift == 0 ? value : QStringLiteral("(%1 << %2)").arg(value).arg(f.shift));
    }
    return parts.join(QStringLiteral(" | "));
}

QString QueueRules::pendingSql(const QString& applicationId, const QString& version)
{
    const QString known = oneOf(QStringLiteral("o.outcome"), decisions());
    return QStringLiteral("coalesce((SELECT CASE WHEN %1 THEN o.outcome ELSE '' END FROM outbox o WHERE %2 "
                          "AND o.state IN ('pending', 'done') AND coalesce(o.base_version, 0) >= %3 "
                          "ORDER BY o.id DESC LIMIT 1), '')")
        .arg(known, kDecisionItems.arg(applicationId), version);
}

QString QueueRules::conflictSql(const QString& applicationId)
{
    return QStringLiteral("EXISTS (SELECT 1 FROM outbox o WHERE %1 AND o.state IN ('conflict', 'invalid'))")
        .arg(kDecisionItems.arg(applicationId));
}

QString QueueRules::returnedSql(const QString& applicationId, const QString& version)
{
    return QStringLiteral("EXISTS (SELECT 1 FROM batch_items bi WHERE bi.application_id = %1 AND bi.version = %2 "
                          "AND bi.returned_note IS NOT NULL)")
        .arg(applicationId, version);
}

QString QueueRules::facetTestSql(const QueueFacet& f)
{
    if (f.width == 0)
        return QStringLiteral("(facets & ?) != 0"); // any of the bits bound, already shifted
    const int mask = (1 << f.width) - 1;
    if (f.shift == 0)
        return QStringLiteral("(facets & %1) = ?").arg(mask);
    return QStringLiteral("((facets >> %1) & %2) = ?").arg(f.shift).arg(mask);
}

QList<QPair<QString, QString>> QueueRules::triggers()
{
    QList<QPair<QString, QString>> out;
    auto add = [&](const char* name, const QString& on, const QString& body) {
        out.append({QString::fromLatin1(name),
                    QStringLiteral("CREATE TRIGGER %1 %2 BEGIN\n%3\nEND").arg(QLatin1String(name), on, body)});
    };
    const QString qidOf = QStringLiteral("(SELECT qid FROM queue_rows WHERE application_id = NEW.id)");

    // An application arrives or changes (INSERT OR REPLACE fires the insert trigger). Its row is
    // written whole, in one statement, so that a bulk sync rewrites each row's indexes once. A row
    // already there (an INSERT OR REPLACE into applications, which deletes the old application without
    // its delete trigger) is deleted first, explicitly, so that the delete triggers of queue_rows run
    // (supervision's counters, SupervisionSchema.h): the REPLACE below then never meets a row. The
    // appliers delete before they write, so this finds nothing: one index probe.
    QueueInputs app;
    app.pending = QStringLiteral("x.pending");
    app.status = QStringLiteral("NEW.status");
    app.flagMask = QStringLiteral("x.flag_mask");
    app.channel = QStringLiteral("NEW.channel");
    app.checked = QStringLiteral("x.checked");
    add("queue_application_insert", QStringLiteral("AFTER INSERT ON applications"),
        QStringLiteral(
            "    DELETE FROM queue_name_grams WHERE qid = %1;\n"
            "    DELETE FROM queue_rows WHERE application_id = NEW.id;\n"
            "    INSERT OR REPLACE INTO queue_rows (qid, application_id, version, status, pending, conflict, returned, "
            "bin, school_id, school_name, child_name, birth_date, claimed, checked, flag_mask, channel, submitted_at, "
            "facets)\n"
            "    SELECT x.qid, NEW.id, NEW.version, NEW.status, x.pending, x.conflict, %6, %2, NEW.target_school_id, "
            "x.school_name, NEW.child_name, substr(NEW.child_id_number, 7, 8), coalesce(NEW.claimed_category, ''), "
            "x.checked, x.flag_mask, NEW.channel, coalesce(NEW.submitted_at, ''), %3\n"
            "    FROM (SELECT %1 AS qid, %4 AS pending, %5 AS conflict,\n"
            "          coalesce((SELECT name FROM schools WHERE id = NEW.target_school_id), NEW.target_school_id) AS "
            "school_name,\n"
            "          coalesce((SELECT category FROM eligibility_results WHERE application_id = NEW.id), '') AS "
            "checked,\n"
            "          coalesce((SELECT flag_mask FROM eligibility_results WHERE application_id = NEW.id), 0) AS "
            "flag_mask) x;\n"
            "    INSERT OR IGNORE INTO queue_name_grams (gram, qid)\n"
            "    SELECT substr(NEW.child_name, p, 2), %1 FROM queue_gram_positions WHERE p < length(NEW.child_name);")
            .arg(qidOf, binSql(app), facetsSql(app),
                 pendingSql(QStringLiteral("NEW.id"), QStringLiteral("NEW.version")),
                 conflictSql(QStringLiteral("NEW.id")),
                 returnedSql(QStringLiteral("NEW.id"), QStringLiteral("NEW.version"))));

    add("queue_application_delete", QStringLiteral("AFTER DELETE ON applications"),
        QStringLiteral("    DELETE FROM queue_name_grams WHERE qid = (SELECT qid FROM queue_rows WHERE application_id "
                       "= OLD.id);\n"
                       "    DELETE FROM queue_rows WHERE application_id = OLD.id;"));

    // The automatic check (CacheEligibility writes with INSERT OR REPLACE, and updates the cross-
    // application flags in place). Written only when something changed, in one statement: an UPDATE
    // rewrites every index holding a column it sets, and `bin` and `facets` are in all of them.
    QueueInputs result;
    result.flagMask = QStringLiteral("NEW.flag_mask");
    result.checked = QStringLiteral("NEW.category");
    const QString setResult =
        QStringLiteral("    UPDATE queue_rows SET checked = NEW.category, flag_mask = NEW.flag_mask, facets = %1, "
                       "bin = %2\n"
                       "    WHERE application_id = NEW.application_id AND (checked != NEW.category OR flag_mask != "
                       "NEW.flag_mask);")
            .arg(facetsSql(result), binSql(result));
    add("queue_eligibility_insert", QStringLiteral("AFTER INSERT ON eligibility_results"), setResult);
    add("queue_eligibility_update", QStringLiteral("AFTER UPDATE OF category, flag_mask ON eligibility_results"),
        setResult);
    QueueInputs cleared;
    cleared.flagMask = QStringLiteral("0");
    cleared.checked = QStringLiteral("''");
    add("queue_eligibility_delete", QStringLiteral("AFTER DELETE ON eligibility_results"),
        QStringLiteral("    UPDATE queue_rows SET checked = '', flag_mask = 0, facets = %1, bin = %2 WHERE "
                       "application_id = OLD.application_id;")
            .arg(facetsSql(cleared), binSql(cleared)));

    add("queue_school_insert", QStringLiteral("AFTER INSERT ON schools"),
        QStringLiteral("    UPDATE queue_rows SET school_name = NEW.name WHERE school_id = NEW.id AND school_name != "
                       "NEW.name;"));

    // Decisions of this workstation (DecisionWorkflow writes the outbox, with the decision's outcome
    // in its own column; the sync engine records the hub's answers in it).
    const QString setDecision =
        QStringLiteral("    UPDATE queue_rows SET pending = %1, conflict = %2 WHERE application_id = NEW.subject_id;")
            .arg(pendingSql(QStringLiteral("NEW.subject_id"), QStringLiteral("queue_rows.version")),
                 conflictSql(QStringLiteral("NEW.subject_id")));
    add("queue_outbox_insert", QStringLiteral("AFTER INSERT ON outbox WHEN NEW.kind = 'decision'"), setDecision);
    add("queue_outbox_update", QStringLiteral("AFTER UPDATE OF state ON outbox WHEN NEW.kind = 'decision'"),
        setDecision);

    // The principal returned an item to its officer, or a batch holding returned items was discarded.
    const QString setReturned = QStringLiteral("    UPDATE queue_rows SET returned = %1 WHERE application_id = %2;");
    add("queue_batch_items_update", QStringLiteral("AFTER UPDATE OF returned_note ON batch_items"),
        setReturned.arg(returnedSql(QStringLiteral("NEW.application_id"), QStringLiteral("queue_rows.version")),
                        QStringLiteral("NEW.application_id")));
    add("queue_batch_items_insert", QStringLiteral("AFTER INSERT ON batch_items WHEN NEW.returned_note IS NOT NULL"),
        setReturned.arg(returnedSql(QStringLiteral("NEW.application_id"), QStringLiteral("queue_rows.version")),
                        QStringLiteral("NEW.application_id")));
    add("queue_batch_items_delete", QStringLiteral("AFTER DELETE ON batch_items WHEN OLD.returned_note IS NOT NULL"),
        setReturned.arg(returnedSql(QStringLiteral("OLD.application_id"), QStringLiteral("queue_rows.version")),
                        QStringLiteral("OLD.application_id")));

    // The pending decision changed: the bin follows (status and flags are as they were). When it
    // did not change (an answer that keeps it, as "accepted" until the pull), the bin is right.
    QueueInputs row;
    row.pending = QStringLiteral("NEW.pending");
    row.status = QStringLiteral("NEW.status");
    row.flagMask = QStringLiteral("NEW.flag_mask");
    add("queue_rows_pending", QStringLiteral("AFTER UPDATE OF pending ON queue_rows WHEN OLD.pending != NEW.pending"),
        QStringLiteral("    UPDATE queue_rows SET bin = %1 WHERE qid = NEW.qid;").arg(binSql(row)));
    return out;
}

namespace {

Result<QHash<QString, QString>> installedTriggers(Connection& c)
{
    return schemaObjects(c, QStringLiteral("queue_"), {QStringLiteral("trigger")});
}

} // namespace

Result<bool> QueueRules::isInstalled(Connection& c)
{
    return hasExactlyTriggers(c, QStringLiteral("queue_"), triggers());
}

Status QueueRules::install(Connection& c)
{
    auto installed = installedTriggers(c);
    if (!installed)
        return installed.error();
    for (auto it = installed->cbegin(); it != installed->cend(); ++it)
        if (Status s = c.exec(QStringLiteral("DROP TRIGGER %1").arg(it.key())); !s)
            return s;
    for (const auto& [name, sql] : triggers())
        if (Status s = c.exec(sql); !s)
            return s;
    // What the new triggers would have written. A row for each application without one (all of them
    // when the queue is new over an existing cache), and its name pieces.
    auto lastQid = c.scalar(QStringLiteral("SELECT coalesce(max(qid), 0) FROM queue_rows"));
    if (!lastQid)
        return lastQid.error();
    QueueInputs fill;
    fill.pending = QStringLiteral("''");
    fill.status = QStringLiteral("a.status");
    fill.flagMask = QStringLiteral("coalesce(e.flag_mask, 0)");
    fill.channel = QStringLiteral("a.channel");
    fill.checked = QStringLiteral("coalesce(e.category, '')");
    if (Status s = c.exec(
            QStringLiteral(
                "INSERT INTO queue_rows (application_id, version, status, pending, conflict, bin, school_id, "
                "school_name, child_name, birth_date, claimed, checked, flag_mask, channel, submitted_at, facets) "
                "SELECT a.id, a.version, a.status, '', 0, %1, a.target_school_id, coalesce(s.name, "
                "a.target_school_id), a.child_name, substr(a.child_id_number, 7, 8), coalesce(a.claimed_category, ''), "
                "%2, %3, a.channel, coalesce(a.submitted_at, ''), %4 "
                "FROM applications a LEFT JOIN eligibility_results e ON e.application_id = a.id "
                "LEFT JOIN schools s ON s.id = a.target_school_id "
                "WHERE NOT EXISTS (SELECT 1 FROM queue_rows q WHERE q.application_id = a.id)")
                .arg(binSql(fill), fill.checked, fill.flagMask, facetsSql(fill)));
        !s)
        return s;
    const qint64 filled = c.changes();
    if (Status s =
            c.exec(QStringLiteral("INSERT OR IGNORE INTO queue_name_grams (gram, qid) SELECT substr(q.child_name, "
                                  "p.p, 2), q.qid FROM queue_rows q JOIN queue_gram_positions p ON p.p < "
                                  "length(q.child_name) WHERE q.qid > %1")
                       .arg(lastQid->toLongLong()));
        !s)
        return s;
    // The pending decision first: its trigger moves the bin.
    const QString pending =
        pendingSql(QStringLiteral("queue_rows.application_id"), QStringLiteral("queue_rows.version"));
    const QString conflict = conflictSql(QStringLiteral("queue_rows.application_id"));
    if (Status s = c.exec(QStringLiteral("UPDATE queue_rows SET pending = %1, conflict = %2 WHERE application_id IN "
                                         "(SELECT subject_id FROM outbox WHERE kind = 'decision') AND (pending != %1 "
                                         "OR conflict != %2)")
                              .arg(pending, conflict));
        !s)
        return s;
    const QString returned =
        returnedSql(QStringLiteral("queue_rows.application_id"), QStringLiteral("queue_rows.version"));
    if (Status s =
            c.exec(QStringLiteral("UPDATE queue_rows SET returned = %1 WHERE (returned != 0 OR application_id IN "
                                  "(SELECT application_id FROM batch_items WHERE returned_note IS NOT NULL)) "
                                  "AND returned != %1")
                       .arg(returned));
        !s)
        return s;
    const QString bin = binSql();
    const QString facets = facetsSql();
    if (Status s = c.exec(QStringLiteral("UPDATE queue_rows SET bin = %1, facets = %2 WHERE bin != %1 OR facets != %2")
                              .arg(bin, facets));
        !s)
        return s;
    qCInfo(lcStore) << "queue triggers made from the queue rules; rows filled:" << filled
                    << "put right:" << c.changes();
    return {};
}

Status QueueRules::ensure(Connection& c)
{
    auto installed = isInstalled(c);
    if (!installed)
        return installed.error();
    if (*installed)
        return {};
    Transaction tx(c);
    if (!tx.beginStatus())
        return tx.beginStatus();
    if (Status s = install(c); !s)
        return s;
    return tx.commit();
}

} // namespace adm::store
