#pragma once

#include "domain/Result.h"

#include <QString>
#include <QStringList>

namespace adm::store {

class Connection;

// The supervision figures (issue 16; docs/supervision.md), kept as counters that triggers move by a
// delta whenever an application, its check or a decision of this workstation changes, so that a
// report reads a few thousand rows instead of scanning a million applications:
// - supervision_cells: per school and day of submission, the applications by status (a decision of
//   this workstation still in the outbox counts under the status it gives, as the queue shows it), by
//   checked category, by channel, with a flag, in conflict, and per flag;
// - supervision_decisions: one narrow row per application that carries a decision (its own, upstream,
//   or one of this workstation waiting in the outbox): who, what, whether it overrides the check, the
//   day it was taken and the whole hours from submission to it;
// - supervision_decided, supervision_hours, supervision_reviewers: counters over those rows per school
//   and decision day, per school and whole hours (the histogram the median and the 90th percentile are
//   read from), and per officer account and school;
// - supervision_info_due: open information requests per school and due date (overdue: those due
//   before today, summed when read, so that the calendar needs no trigger).
//
// The triggers sit on queue_rows (which the queue's own triggers keep from applications,
// eligibility_results and outbox, QueueRules.h), on info_due and on supervision_decisions. They are made in C++
// from one list of counters; meta `supervision.rules` holds a digest of what was made, and ensure()
// makes everything again, filled in one pass, when the digest differs.
class SupervisionSchema {
public:
    // Days and decision days are dates in China Standard Time (UTC+8), the city's clock.
    static constexpr int kDayOffsetHours = 8;
    static inline const QString kCityCode = QStringLiteral("371100");

    // The counters of supervision_cells, in column order.
    static QStringList cellColumns();
    // The statuses with a column of their own (st_<status>); any other counts under st_other.
    static QStringList statuses();
    // The flags with a column (flag_<name>), in the bit order of eligibility_results.flag_mask.
    static QStringList flags();

    // Migration 13: makes the tables and the triggers and fills the counters from the cache in one
    // pass. Runs again over a cache that has them (drops and makes everything again).
    static Status install(Connection& c);
    // install() in a transaction of its own: `admissionsctl report --rebuild`, a benchmark.
    static Status rebuild(Connection& c);
    // Whether the installed triggers and tables are the ones this build makes.
    static Result<bool> isCurrent(Connection& c);
    // rebuild() unless isCurrent().
    static Status ensure(Connection& c);
    // Drops the counters' triggers (the tables stay, and fall behind) for a bulk load; rebuild() makes
    // them again. A process killed in between leaves them missing, and ensure() at the next open of
    // the cache makes everything again.
    static Status suspend(Connection& c);

    // The same figures computed from the base tables (applications, eligibility_results, outbox) by
    // plain GROUP BY, without the counters: for the tests and the benchmark's baseline.
    // `schoolCondition` is an SQL condition with %1 standing for the school id column ("1" for all).
    // Rows: school_id, day, then cellColumns().
    static QString plainCellsSql(const QString& schoolCondition);
    // Rows: school_id, account, outcome, override, day, hours (NULL for none), decisions.
    static QString plainDecisionsSql(const QString& schoolCondition);

    // The text of string `key` in the JSON `text` (an SQL expression), '' when absent or null. SQLite
    // 3.15 has no JSON1: this finds `"key":"` (or `"key": "`) and reads to the next quote, which is
    // right for keys that occur once in the object and values without escapes (codes, accounts, times).
    static QString jsonTextSql(const QString& text, const QString& key);
};

// A bulk load into a cache without applications (an import, with the check after it): the counters'
// triggers are dropped while it runs and the counters filled in one pass when it ends, which at
// 1,000,000 applications takes a fraction of what the triggers add to the load (docs/benchmarks.md).
// Into a cache that holds applications it does nothing: there the triggers cost less than a fill.
class SupervisionBulkLoad {
public:
    explicit SupervisionBulkLoad(Connection& c);
    // finish() if it was not called: the counters are right whichever way the load ended.
    ~SupervisionBulkLoad();
    SupervisionBulkLoad(const SupervisionBulkLoad&) = delete;
    SupervisionBulkLoad& operator=(const SupervisionBulkLoad&) = delete;

    bool suspended() const { return m_suspended; }
    // Makes the triggers again and fills the counters (SupervisionSchema::rebuild) when suspended.
    Status finish();

private:
    Connection& m_connection;
    bool m_suspended = false;
};

} // namespace adm::store
