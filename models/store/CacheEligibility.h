#pragma once

#include "Sql.h"
#include "domain/Result.h"
#include "policy/EligibilityResult.h"

#include <QStringList>
#include <functional>

namespace adm::store {

// Feeds the pure eligibility check (models/policy) from the cache and keeps its results in
// eligibility_results. After a sync only what changed is checked again: the applications marked
// in eligibility_dirty by ChangeApplier, plus those that share a child or a flat with them (for
// the cross-application flags). A change of policy, school or zone checks everything.
class CacheEligibility {
public:
    struct Stats {
        qint64 checked = 0; // applications checked
        qint64 changed = 0; // whose category or flags differ from before
        qint64 removed = 0; // results of applications no longer in the cache
        bool everything = false;
    };
    using ProgressFn = std::function<void(qint64 done, qint64 total)>;

    // chunkSize: applications checked and written at a time. fullScanRecords: up to this many agency
    // records, checking everything reads them all in one pass and keeps them in memory (about
    // 1 KB each); above it, each chunk reads only its own applications' records.
    explicit CacheEligibility(Connection& writer, int chunkSize = 5000, qint64 fullScanRecords = 1500000);

    // Checks what is dirty (or everything, when nothing was checked yet or reference data changed).
    Result<Stats> refresh(const ProgressFn& progress = {});
    // Checks every application again.
    Result<Stats> checkAll(const ProgressFn& progress = {});

    // The full explanation of one application, computed now from the cache (with evidence and
    // the cross-application flags as stored).
    Result<policy::EligibilityResult> explain(const QString& applicationId);
    // The same for an application not in the cache (one typed at the counter): the records of its
    // people in the cache plus `extra` (looked up live), against the stored results of the others.
    Result<policy::EligibilityResult> explainUnsaved(const Application& application,
                                                     const QList<AgencyRecord>& extra = {});

    // What the counter form shows beside the check as the clerk types: the claimed address against the
    // school's zones, and the child's birth date against the policy's range.
    struct ClaimDetails {
        QString addressMatch; // exact | loose | none; empty without an address or a known school
        QString zoneId;
        QString zoneName;
        QString addressText; // how it matched, or why it does not (translated)
        QString policyId;    // empty: no policy for the school's district, the year and the grade
        QDate birthFrom;
        QDate birthTo;
    };
    Result<ClaimDetails> claimDetails(const Application& application);

    // The bit of a flag in eligibility_results.flag_mask (-1 for an unknown flag).
    static int flagBit(const QString& flag);
    static QStringList flagsInBitOrder();

private:
    struct Run;
    // Dirty: `ids` are the applications marked dirty; Everything: every application, and the
    // cross-application flags of every group are made again.
    enum class Scope { Dirty, Everything };
    Result<Stats> run(const QStringList& ids, Scope scope, const ProgressFn& progress);
    Result<policy::EligibilityResult> explainWith(const Application& application, const QList<AgencyRecord>& records);

    Connection& m_writer;
    int m_chunkSize;
    qint64 m_fullScanRecords;
};

} // namespace adm::store
