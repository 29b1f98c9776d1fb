#include "CacheEligibility.h"

#include "CacheEvidence.h"
#include "domain/JsonCodec.h"
#include "policy/AddressNormalizer.h"
#include "policy/CrossApplicationFlags.h"
#include "policy/EligibilityCheck.h"
#include "policy/EvidenceIndex.h"
#include "policy/PolicyCatalog.h"
#include "policy/ZoneMatcher.h"
#include "security/Crypto.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QThreadPool>
#include <QVarLengthArray>
#include <QtConcurrent/QtConcurrentMap>
#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace adm::store {

namespace {

using policy::EligibilityResult;

const QStringList kFlagOrder = {
    policy::flag::DuplicateApplication, policy::flag::SharedProperty,   policy::flag::PropertyCancelled,
    policy::flag::GuardianNotLinked,    policy::flag::CategoryMismatch, policy::flag::OverAge,
    policy::flag::AddressUncertain,     policy::flag::RecordMissing,    policy::flag::UnderAge};
const QSet<QString> kCrossFlags = {policy::flag::DuplicateApplication, policy::flag::SharedProperty};

qint64 maskOf(const QStringList& flags)
{
    qint64 mask = 0;
    for (const QString& f : flags)
        if (const int bit = CacheEligibility::flagBit(f); bit >= 0)
            mask |= qint64(1) << bit;
    return mask;
}

template <typename T, typename Reader> Status readAll(Connection& c, const QString& table, Reader read, QList<T>& out)
{
    auto q = c.prepare(QStringLiteral("SELECT data FROM %1 ORDER BY id").arg(table));
    if (!q)
        return q.error();
    while (q->step()) {
        auto item = read(QJsonDocument::fromJson(q->utf8(0)).object(), table);
        if (item)
            out.append(std::move(item.value()));
    }
    return {};
}

Status fillTempIds(Connection& c, const QString& table, const QStringList& ids)
{
    if (Status s = c.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS %1 (id TEXT PRIMARY KEY) WITHOUT ROWID; "
                                         "DELETE FROM %1;")
                              .arg(table));
        !s)
        return s;
    auto insert = c.prepare(QStringLiteral("INSERT OR IGNORE INTO %1 (id) VALUES (?)").arg(table));
    if (!insert)
        return insert.error();
    for (const QString& id : ids) {
        insert->bind(1, id);
        if (Status s = insert->run(); !s)
            return s;
    }
    return {};
}

void appendJsonString(QByteArray& out, const QString& s)
{
    QString escaped;
    escaped.reserve(s.size());
    for (const QChar ch : s) {
        if (ch == u'"' || ch == u'\\') {
            escaped += u'\\';
            escaped += ch;
        } else if (ch.unicode() < 0x20) {
            escaped += QStringLiteral("\\u%1").arg(int(ch.unicode()), 4, 16, QLatin1Char('0'));
        } else {
            escaped += ch;
        }
    }
    out += '"';
    out += escaped.toUtf8();
    out += '"';
}

void appendJsonList(QByteArray& out, const QStringList& list)
{
    out += '[';
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i)
            out += ',';
        appendJsonString(out, list.at(i));
    }
    out += ']';
}

// What is kept of a result: the outcome and, per rule, whether it passed and on which records. The
// sentences are not stored (they follow the reader's language); explain() recomputes them. Written
// by hand: QJsonDocument was the largest cost of checking a city.
QByteArray storedJson(const EligibilityResult& r)
{
    QByteArray out;
    out.reserve(256);
    out += "{\"application_id\":";
    appendJsonString(out, r.applicationId);
    out += ",\"policy_id\":";
    appendJsonString(out, r.policyId);
    out += ",\"category\":\"" + policy::categoryCode(r.category).toLatin1() + "\",\"eligible\":";
    out += r.eligible ? "true" : "false";
    out += ",\"flags\":";
    appendJsonList(out, r.flags);
    out += ",\"checks\":[";
    for (qsizetype i = 0; i < r.checks.size(); ++i) {
        const policy::RuleCheck& c = r.checks.at(i);
        if (i)
            out += ',';
        out += "{\"rule\":";
        appendJsonString(out, c.rule);
        out += ",\"passed\":";
        out += c.passed ? "true" : "false";
        out += ",\"record_ids\":";
        appendJsonList(out, c.recordIds());
        out += '}';
    }
    out += "]}";
    return out;
}

struct StoredRow {
    QString category;
    QStringList flags;
    policy::ApplicationSummary summary;
};

} // namespace

// One result row, prepared on the thread pool (read the application, check it, digest its
// evidence, write its JSON), so that the writer thread only binds and steps.
struct PreparedRow {
    // in
    QString applicationId;
    qint64 version = 0;
    QByteArray text;
    // out
    bool readable = false; // an application that does not read is skipped (its result goes)
    QString policyId;
    QString digest;
    policy::Category category = policy::Category::None;
    bool eligible = false;
    QStringList flags;
    QString decisiveDate;
    policy::ApplicationSummary summary;
    QByteArray stored;
};

// A chunk of applications on its way through the check: read on the writer thread, checked on the
// pool while the writer writes the chunk before it, then written.
struct Chunk {
    std::vector<PreparedRow> rows;           // does not grow once the check runs: the pool holds references
    std::unique_ptr<CacheEvidence> own;      // its records, when they are read per chunk
    const CacheEvidence* evidence = nullptr; // own or shared
    std::unique_ptr<policy::EligibilityCheck> check;
    QFuture<void> checking;

    ~Chunk() { checking.waitForFinished(); }
};

// One refresh: the catalog, the rows seen before, and what was written.
struct CacheEligibility::Run {
    // What the queue and the counts care about in a result.
    struct Outcome {
        policy::Category category = policy::Category::None;
        qint64 flagMask = 0;
        bool operator==(const Outcome&) const = default;
    };

    Connection& c;
    Scope scope;
    // Where the time goes (nanoseconds), logged at debug level: admissions.store.debug=true.
    // check: the writer thread waiting for the pool.
    qint64 nsRead = 0, nsEvidence = 0, nsCheck = 0, nsWrite = 0, nsCross = 0;
    std::unique_ptr<policy::PolicyCatalog> catalog;
    QString now;
    QHash<QString, Outcome> before; // results as they were, for the processed ids
    QHash<QString, Outcome> after;  // results as written (check flags only, before the cross pass)
    QSet<QString> childKeys;        // child ID numbers whose groups must be re-flagged
    QSet<QString> certificateKeys;
    Statement deleteStatement; // prepared on the first result to delete

    Run(Connection& connection, Scope what)
        : c(connection)
        , scope(what)
        , now(json::formatTime(QDateTime::currentDateTimeUtc()))
    {}

    Status loadCatalog()
    {
        QList<Policy> policies;
        QList<School> schools;
        QList<Zone> zones;
        if (Status s = readAll(c, QStringLiteral("policies"), json::readPolicy, policies); !s)
            return s;
        if (Status s = readAll(c, QStringLiteral("schools"), json::readSchool, schools); !s)
            return s;
        if (Status s = readAll(c, QStringLiteral("zones"), json::readZone, zones); !s)
            return s;
        catalog = std::make_unique<policy::PolicyCatalog>(std::move(policies), std::move(schools), std::move(zones));
        return {};
    }

    static policy::Category categoryFrom(const QString& code)
    {
        if (code == QLatin1String("A"))
            return policy::Category::A;
        if (code == QLatin1String("B"))
            return policy::Category::B;
        if (code == QLatin1String("C"))
            return policy::Category::C;
        return policy::Category::None;
    }

    // The results of the chunk's applications as they were. Every one of them is rewritten or
    // deleted, so the groups they were in are re-flagged.
    Status loadBefore()
    {
        auto q = c.prepare(QStringLiteral("SELECT e.application_id, e.category, e.flag_mask, e.child_id_number, "
                                          "e.certificate_no FROM temp.eligibility_chunk t "
                                          "CROSS JOIN eligibility_results e ON e.application_id = t.id"));
        if (!q)
            return q.error();
        while (q->step()) {
            before.insert(q->text(0), Outcome{categoryFrom(q->text(1)), q->int64(2)});
            remember(q->text(3), q->text(4));
        }
        return {};
    }

    static StoredRow rowFrom(const Statement& q)
    {
        StoredRow r;
        r.category = q.text(1);
        r.flags = q.text(2).split(u',', Qt::SkipEmptyParts);
        r.summary.applicationId = q.text(0);
        r.summary.admissionYear = int(q.int64(3));
        r.summary.childIdNumber = q.text(4);
        r.summary.decisiveCertificateNo = q.text(5);
        r.summary.householdKey = q.text(6);
        return r;
    }

    // Checking everything re-flags every group from the stored results; otherwise only the groups
    // of what was processed.
    void remember(const QString& childIdNumber, const QString& certificateNo)
    {
        if (scope == Scope::Everything)
            return;
        if (!childIdNumber.isEmpty())
            childKeys.insert(childIdNumber);
        if (!certificateNo.isEmpty())
            certificateKeys.insert(certificateNo);
    }

    // Reads a chunk of application ids (and, without shared evidence, their records), deletes the
    // results of applications gone from the cache, and starts checking it on the pool.
    Result<std::unique_ptr<Chunk>> readChunk(const QStringList& ids, const CacheEvidence* shared, qint64* removed)
    {
        QElapsedTimer phase;
        phase.start();
        auto chunk = std::make_unique<Chunk>();
        if (Status s = fillTempIds(c, QStringLiteral("temp.eligibility_chunk"), ids); !s)
            return s.error();
        if (Status s = loadBefore(); !s)
            return s.error();
        QSet<QString> present;
        {
            auto q = c.prepare(QStringLiteral("SELECT a.id, a.version, a.data FROM temp.eligibility_chunk t "
                                              "CROSS JOIN applications a ON a.id = t.id"));
            if (!q)
                return q.error();
            chunk->rows.reserve(ids.size());
            while (q->step()) {
                PreparedRow& row = chunk->rows.emplace_back();
                row.applicationId = q->text(0);
                row.version = q->int64(1);
                row.text = q->utf8(2);
                present.insert(row.applicationId);
            }
        }
        // Applications gone from the cache: their results go too.
        for (const QString& id : ids) {
            if (present.contains(id))
                continue;
            if (Status s = deleteResult(id, removed); !s)
                return s.error();
        }
        nsRead += phase.nsecsElapsed();

        if (!shared) {
            phase.restart();
            chunk->own = std::make_unique<CacheEvidence>(catalog->zoneMatcher());
            // No DISTINCT: it would sort the JSON texts; a record seen twice is skipped before its text is read.
            auto q = c.prepare(QStringLiteral("SELECT r.rowid, r.version, r.data FROM temp.eligibility_chunk t "
                                              "CROSS JOIN application_people ap ON ap.application_id = t.id "
                                              "CROSS JOIN record_subjects rs ON rs.id_number = ap.id_number "
                                              "CROSS JOIN agency_records r ON r.id = rs.record_id"));
            if (!q)
                return q.error();
            chunk->own->load(*q, false);
            nsEvidence += phase.nsecsElapsed();
        }
        chunk->evidence = shared ? shared : chunk->own.get();
        chunk->check = std::make_unique<policy::EligibilityCheck>(*catalog, chunk->evidence->index);
        const CacheEvidence& evidence = *chunk->evidence;
        const policy::EligibilityCheck& check = *chunk->check;
        chunk->checking =
            QtConcurrent::map(chunk->rows, [&evidence, &check](PreparedRow& row) { prepare(row, check, evidence); });
        return chunk;
    }

    // On the pool: everything about a row that does not need the connection.
    static void prepare(PreparedRow& row, const policy::EligibilityCheck& check, const CacheEvidence& evidence)
    {
        auto app = json::readApplication(QJsonDocument::fromJson(row.text).object());
        row.text = {};
        // Validated when applied; one that does not read is skipped rather than stop the queue.
        if (!app || app->id.isEmpty())
            return;
        const EligibilityResult r = check.check(*app);
        row.readable = true;
        row.applicationId = r.applicationId;
        row.policyId = r.policyId;
        row.digest = digest(*app, row.version, evidence.index);
        row.category = r.category;
        row.eligible = r.eligible;
        row.flags = r.flags;
        row.decisiveDate = r.decisiveDate.isValid() ? json::formatDate(r.decisiveDate) : QString();
        row.summary = r.summary;
        row.stored = storedJson(r);
    }

    Status deleteResult(const QString& id, qint64* removed)
    {
        if (!deleteStatement.isValid()) {
            auto del = c.prepare(QStringLiteral("DELETE FROM eligibility_results WHERE application_id = ?"));
            if (!del)
                return del.error();
            deleteStatement = std::move(del.value());
        }
        deleteStatement.bind(1, id);
        if (Status s = deleteStatement.run(); !s)
            return s;
        *removed += c.changes();
        return {};
    }

    // Waits for the chunk's check and writes its results (without cross flags).
    Status writeChunk(Chunk& chunk, qint64* removed)
    {
        QElapsedTimer phase;
        phase.start();
        chunk.checking.waitForFinished();
        nsCheck += phase.nsecsElapsed();
        phase.restart();

        // A result seen before is updated in place (its queue row is then rewritten only if the
        // category or the flags changed); a new one is inserted. OR IGNORE, checked below: a
        // statement that may abort needs a statement journal, which SQLCipher encrypts page by page.
        static const QString columns = QStringLiteral(
            "policy_id, evidence_digest, category, eligible, flags, flag_mask, decisive_date, admission_year, "
            "child_id_number, certificate_no, household_key, result, checked_at, application_id");
        auto update = c.prepare(QStringLiteral(
            "UPDATE OR IGNORE eligibility_results SET policy_id = ?1, evidence_digest = ?2, category = ?3, "
            "eligible = ?4, flags = ?5, flag_mask = ?6, decisive_date = ?7, admission_year = ?8, "
            "child_id_number = ?9, certificate_no = ?10, household_key = ?11, result = ?12, checked_at = ?13 "
            "WHERE application_id = ?14"));
        auto insert = c.prepare(QStringLiteral("INSERT OR IGNORE INTO eligibility_results (%1) VALUES "
                                               "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                                    .arg(columns));
        if (!insert || !update)
            return insert ? update.error() : insert.error();
        for (const PreparedRow& r : chunk.rows) {
            if (!r.readable) {
                if (Status s = deleteResult(r.applicationId, removed); !s)
                    return s;
                continue;
            }
            const qint64 mask = maskOf(r.flags);
            Statement& write = before.contains(r.applicationId) ? *update : *insert;
            write.bind(1, r.policyId)
                .bind(2, r.digest)
                .bind(3, policy::categoryCode(r.category))
                .bind(4, qint64(r.eligible))
                .bindUtf8(5, r.flags.join(u',').toUtf8()) // never NULL: empty when no flag
                .bind(6, mask)
                .bind(7, r.decisiveDate)
                .bind(8, qint64(r.summary.admissionYear))
                .bind(9, r.summary.childIdNumber)
                .bind(10, r.summary.decisiveCertificateNo.isEmpty() ? QString() : r.summary.decisiveCertificateNo)
                .bind(11, r.summary.householdKey)
                .bindUtf8(12, r.stored)
                .bind(13, now)
                .bind(14, r.applicationId);
            if (Status s = write.run(); !s)
                return s;
            if (c.changes() != 1)
                return Error{QStringLiteral("sql_step"),
                             QStringLiteral("the result of %1 was not stored").arg(r.applicationId)};
            after.insert(r.applicationId, Outcome{r.category, mask});
            remember(r.summary.childIdNumber, r.summary.decisiveCertificateNo);
        }
        nsWrite += phase.nsecsElapsed();
        return {};
    }

    // SHA-256 over the application and the records the check could read, each at its version, in
    // record id order. Built from indexes, without a string per record: it runs for every result.
    static QString digest(const Application& a, qint64 version, const policy::EvidenceIndex& evidence)
    {
        QVarLengthArray<int, 32> used;
        const auto addPerson = [&](const QString& idNumber) {
            for (int index : evidence.recordsOf(EvidenceIndexKey(idNumber)))
                used.append(index);
        };
        addPerson(a.child.idNumber);
        for (const Guardian& g : a.guardians)
            addPerson(g.idNumber);
        std::sort(used.begin(), used.end(),
                  [&evidence](int x, int y) { return evidence.record(x).id < evidence.record(y).id; });
        used.erase(std::unique(used.begin(), used.end()), used.end());
        QByteArray material = a.id.toUtf8() + '@' + QByteArray::number(version);
        material.reserve(material.size() + used.size() * 32);
        for (int index : used) {
            const policy::EvidenceRecord& record = evidence.record(index);
            material += '|';
            material += record.id.toUtf8();
            material += '@';
            material += QByteArray::number(record.version);
        }
        return QString::fromLatin1(crypto::sha256(material).toHex());
    }

    static QString EvidenceIndexKey(const QString& id) { return policy::EvidenceIndex::normalizeId(id); }

    // Re-flags duplicate_application and shared_property for every application in the groups
    // that the processed applications belong to (or belonged to).
    Status crossPass(qint64* changedCross)
    {
        QString where;
        if (scope == Scope::Everything) {
            // Every result was just written without cross flags: only the groups need looking at.
            where = QStringLiteral(
                "child_id_number IN (SELECT child_id_number FROM eligibility_results GROUP BY child_id_number "
                "HAVING count(*) > 1) OR certificate_no IN (SELECT certificate_no FROM eligibility_results "
                "WHERE certificate_no IS NOT NULL GROUP BY certificate_no HAVING count(*) > 1)");
        } else {
            if (Status s = fillTempIds(c, QStringLiteral("temp.eligibility_children"),
                                       QStringList(childKeys.cbegin(), childKeys.cend()));
                !s)
                return s;
            if (Status s = fillTempIds(c, QStringLiteral("temp.eligibility_certificates"),
                                       QStringList(certificateKeys.cbegin(), certificateKeys.cend()));
                !s)
                return s;
            where = QStringLiteral("child_id_number IN (SELECT id FROM temp.eligibility_children) OR "
                                   "certificate_no IN (SELECT id FROM temp.eligibility_certificates)");
        }
        auto q = c.prepare(QStringLiteral("SELECT application_id, category, flags, admission_year, child_id_number, "
                                          "certificate_no, household_key FROM eligibility_results WHERE ") +
                           where);
        if (!q)
            return q.error();
        QList<StoredRow> rows;
        policy::CrossApplicationFlags cross;
        while (q->step()) {
            rows.append(rowFrom(*q));
            cross.upsert(rows.last().summary);
        }
        auto select = c.prepare(QStringLiteral("SELECT result FROM eligibility_results WHERE application_id = ?"));
        auto update = c.prepare(QStringLiteral(
            "UPDATE OR IGNORE eligibility_results SET flags = ?, flag_mask = ?, result = ? WHERE application_id = ?"));
        if (!select || !update)
            return select ? update.error() : select.error();
        for (StoredRow& row : rows) {
            const QStringList want = cross.flagsFor(row.summary.applicationId);
            QStringList have;
            for (const QString& f : row.flags)
                if (kCrossFlags.contains(f))
                    have.append(f);
            if (have == want)
                continue;
            QStringList flags;
            for (const QString& f : row.flags)
                if (!kCrossFlags.contains(f))
                    flags.append(f);
            flags.append(want);
            flags.sort();
            select->bind(1, row.summary.applicationId);
            QJsonObject result;
            if (select->step())
                result = QJsonDocument::fromJson(select->utf8(0)).object();
            select->reset();
            result.insert(QStringLiteral("flags"), QJsonArray::fromStringList(flags));
            update->bindUtf8(1, flags.join(u',').toUtf8())
                .bind(2, maskOf(flags))
                .bindUtf8(3, QJsonDocument(result).toJson(QJsonDocument::Compact))
                .bind(4, row.summary.applicationId);
            if (Status s = update->run(); !s)
                return s;
            row.flags = flags;
            if (const auto it = after.find(row.summary.applicationId); it != after.end())
                it->flagMask = maskOf(flags);
            ++*changedCross;
        }
        return {};
    }
};

CacheEligibility::CacheEligibility(Connection& writer, int chunkSize, qint64 fullScanRecords)
    : m_writer(writer)
    , m_chunkSize(chunkSize)
    , m_fullScanRecords(fullScanRecords)
{}

int CacheEligibility::flagBit(const QString& flag)
{
    return int(kFlagOrder.indexOf(flag));
}

QStringList CacheEligibility::flagsInBitOrder()
{
    return kFlagOrder;
}

Result<CacheEligibility::Stats> CacheEligibility::refresh(const ProgressFn& progress)
{
    auto stale = m_writer.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'eligibility.all_stale'"));
    auto anyResult = m_writer.scalar(QStringLiteral("SELECT 1 FROM eligibility_results LIMIT 1"));
    if (!stale || !anyResult)
        return Error{QStringLiteral("sql_failed"), QStringLiteral("cannot read the eligibility state")};
    if (stale->toString() == QLatin1String("1") || anyResult->isNull())
        return checkAll(progress);
    QStringList ids;
    auto q = m_writer.prepare(QStringLiteral("SELECT application_id FROM eligibility_dirty ORDER BY application_id"));
    if (!q)
        return q.error();
    while (q->step())
        ids.append(q->text(0));
    return run(ids, Scope::Dirty, progress);
}

Result<CacheEligibility::Stats> CacheEligibility::checkAll(const ProgressFn& progress)
{
    QStringList ids;
    auto q = m_writer.prepare(QStringLiteral("SELECT id FROM applications UNION SELECT application_id FROM "
                                             "eligibility_results ORDER BY 1"));
    if (!q)
        return q.error();
    while (q->step())
        ids.append(q->text(0));
    return run(ids, Scope::Everything, progress);
}

Result<CacheEligibility::Stats> CacheEligibility::run(const QStringList& ids, Scope scope, const ProgressFn& progress)
{
    Stats stats;
    stats.everything = scope == Scope::Everything;
    Run r(m_writer, scope);
    Transaction tx(m_writer);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    if (Status s = r.loadCatalog(); !s)
        return s.error();
    // Checking everything: when the records fit in memory, one pass over agency_records is far
    // cheaper than finding each application's records through the people tables.
    std::unique_ptr<CacheEvidence> all;
    if (scope == Scope::Everything) {
        auto count = m_writer.scalar(QStringLiteral("SELECT count(*) FROM agency_records"));
        if (!count)
            return count.error();
        if (count->toLongLong() <= m_fullScanRecords) {
            QElapsedTimer t;
            t.start();
            all = std::make_unique<CacheEvidence>(r.catalog->zoneMatcher());
            auto q = m_writer.prepare(QStringLiteral("SELECT rowid, version, data FROM agency_records"));
            if (!q)
                return q.error();
            all->load(*q, true);
            r.nsEvidence += t.nsecsElapsed();
        }
    }
    // Two chunks in flight: the pool checks one while this thread reads the next and writes the
    // one before (the writes are the longest part, and only this thread can do them).
    std::unique_ptr<Chunk> writing;
    for (qsizetype from = 0; from < ids.size() || writing; from += m_chunkSize) {
        std::unique_ptr<Chunk> reading;
        if (from < ids.size()) {
            auto chunk = r.readChunk(ids.mid(from, m_chunkSize), all.get(), &stats.removed);
            if (!chunk)
                return chunk.error();
            reading = std::move(chunk.value());
        }
        if (writing) {
            if (Status s = r.writeChunk(*writing, &stats.removed); !s)
                return s.error();
            // Freeing thousands of results is not this thread's work.
            QThreadPool::globalInstance()->start([done = std::shared_ptr<Chunk>(std::move(writing))] {});
            if (progress)
                progress(std::min<qsizetype>(from, ids.size()), ids.size());
        }
        writing = std::move(reading);
    }
    // Hundreds of thousands of records take a moment to free: not on the way to the commit.
    if (all)
        QThreadPool::globalInstance()->start(
            [evidence = std::shared_ptr<CacheEvidence>(std::move(all))]() mutable { evidence.reset(); });
    qint64 crossChanged = 0;
    QElapsedTimer crossTimer;
    crossTimer.start();
    if (Status s = r.crossPass(&crossChanged); !s)
        return s.error();
    r.nsCross = crossTimer.nsecsElapsed();
    for (auto it = r.after.cbegin(); it != r.after.cend(); ++it) {
        const auto old = r.before.constFind(it.key());
        if (old == r.before.constEnd() || *old != *it)
            ++stats.changed;
    }
    stats.checked = r.after.size();
    if (scope == Scope::Everything) {
        if (Status s = m_writer.exec(QStringLiteral("DELETE FROM eligibility_dirty")); !s)
            return s.error();
    } else {
        if (Status s = fillTempIds(m_writer, QStringLiteral("temp.eligibility_chunk"), ids); !s)
            return s.error();
        if (Status s = m_writer.exec(QStringLiteral("DELETE FROM eligibility_dirty WHERE application_id IN "
                                                    "(SELECT id FROM temp.eligibility_chunk)"));
            !s)
            return s.error();
    }
    if (Status s = m_writer.exec(QStringLiteral("DELETE FROM meta WHERE key = 'eligibility.all_stale'")); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    qCDebug(lcStore,
            "eligibility: %lld applications; read %lld ms, evidence %lld ms, check %lld ms, write %lld ms, "
            "cross flags %lld ms",
            stats.checked, r.nsRead / 1000000, r.nsEvidence / 1000000, r.nsCheck / 1000000, r.nsWrite / 1000000,
            r.nsCross / 1000000);
    return stats;
}

Result<policy::EligibilityResult> CacheEligibility::explain(const QString& applicationId)
{
    auto appQuery = m_writer.prepare(QStringLiteral("SELECT data FROM applications WHERE id = ?"));
    if (!appQuery)
        return appQuery.error();
    appQuery->bind(1, applicationId);
    if (!appQuery->step())
        return Error{QStringLiteral("not_found"), QStringLiteral("no application %1 in the cache").arg(applicationId)};
    auto app = json::readApplication(QJsonDocument::fromJson(appQuery->utf8(0)).object());
    if (!app)
        return app.error();
    QList<AgencyRecord> records;
    auto query = m_writer.prepare(QStringLiteral(
        "SELECT DISTINCT r.data FROM application_people ap JOIN record_subjects rs ON rs.id_number = ap.id_number "
        "JOIN agency_records r ON r.id = rs.record_id WHERE ap.application_id = ?"));
    if (!query)
        return query.error();
    query->bind(1, applicationId);
    while (query->step())
        if (auto rec = json::readAgencyRecord(QJsonDocument::fromJson(query->utf8(0)).object()))
            records.append(*rec);
    return explainWith(*app, records);
}

Result<policy::EligibilityResult> CacheEligibility::explainUnsaved(const Application& application,
                                                                   const QList<AgencyRecord>& extra)
{
    QList<AgencyRecord> records = extra;
    QSet<QString> have;
    for (const AgencyRecord& r : extra)
        have.insert(r.id);
    auto query = m_writer.prepare(
        QStringLiteral("SELECT DISTINCT r.data FROM record_subjects rs JOIN agency_records r ON r.id = rs.record_id "
                       "WHERE rs.id_number = ?"));
    if (!query)
        return query.error();
    QStringList people{application.child.idNumber};
    for (const Guardian& g : application.guardians)
        people.append(g.idNumber);
    for (const QString& id : std::as_const(people)) {
        if (id.isEmpty())
            continue;
        query->bind(1, id);
        while (query->step())
            if (auto rec = json::readAgencyRecord(QJsonDocument::fromJson(query->utf8(0)).object()))
                if (!have.contains(rec->id)) {
                    have.insert(rec->id);
                    records.append(*rec);
                }
        query->reset();
    }
    return explainWith(application, records);
}

Result<CacheEligibility::ClaimDetails> CacheEligibility::claimDetails(const Application& application)
{
    Run r(m_writer, Scope::Dirty);
    if (Status s = r.loadCatalog(); !s)
        return s.error();
    ClaimDetails details;
    const School* school = r.catalog->school(application.targetSchoolId);
    if (!school)
        return details;
    if (const Policy* policy =
            r.catalog->policyFor(school->districtCode, application.admissionYear, application.grade)) {
        details.policyId = policy->id;
        details.birthFrom = policy->birthFrom;
        details.birthTo = policy->birthTo;
    }
    if (application.claimedAddress.trimmed().isEmpty())
        return details;
    const policy::ZoneMatcher& matcher = r.catalog->zoneMatcher();
    const QList<int>& zones = r.catalog->zonesOfSchool(school->id);
    const policy::NormalizedAddress address = policy::AddressNormalizer::normalize(application.claimedAddress);
    const policy::ZoneMatch match = matcher.match(address, zones);
    if (match.matched()) {
        details.addressMatch = match.isExact() ? QStringLiteral("exact") : QStringLiteral("loose");
        details.zoneId = match.zoneId;
        if (match.zone >= 0 && match.zone < matcher.zones().size())
            details.zoneName = matcher.zones().at(match.zone).name;
        details.addressText = matcher.describe(match);
    } else {
        details.addressMatch = QStringLiteral("none");
        details.addressText = matcher.explainMiss(address, zones);
    }
    return details;
}

Result<policy::EligibilityResult> CacheEligibility::explainWith(const Application& application,
                                                                const QList<AgencyRecord>& records)
{
    Run r(m_writer, Scope::Dirty);
    if (Status s = r.loadCatalog(); !s)
        return s.error();
    policy::EvidenceIndex evidence(r.catalog->zoneMatcher());
    for (const AgencyRecord& record : records)
        evidence.add(record);
    policy::EligibilityResult result = policy::EligibilityCheck(*r.catalog, evidence).check(application);

    // The cross-application flags come from the stored results of the others.
    policy::CrossApplicationFlags cross;
    auto group = m_writer.prepare(QStringLiteral(
        "SELECT application_id, category, flags, admission_year, child_id_number, certificate_no, household_key "
        "FROM eligibility_results WHERE application_id != ?1 AND (child_id_number = ?2 OR certificate_no = ?3)"));
    if (!group)
        return group.error();
    group->bind(1, application.id)
        .bind(2, result.summary.childIdNumber)
        .bind(3, result.summary.decisiveCertificateNo.isEmpty() ? QStringLiteral("\x01")
                                                                : result.summary.decisiveCertificateNo);
    while (group->step())
        cross.upsert(Run::rowFrom(*group).summary);
    cross.upsert(result.summary);
    cross.applyTo(result);
    return result;
}

} // namespace adm::store
