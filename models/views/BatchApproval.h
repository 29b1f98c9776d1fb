#pragma once

#include "CacheView.h"
#include "QueueTypes.h"
#include "domain/Result.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>
#include <algorithm>

namespace adm::store {
class Connection;
}

namespace adm::views {

// Why a selected application is left out of a batch approval, in the order they are tested: the
// first that applies is the one reported.
enum class BatchSkip {
    AlreadyDecided,  // not open (approved, rejected, withdrawn, information requested) or a decision in the outbox
    NotChecked,      // no check yet, or its result is out of date
    NotEligible,     // the check found no category
    Flagged,         // the check raised a flag
    CategoryDiffers, // the check found another category than the one claimed
};

// A school's seats against the approvals of a batch.
struct BatchSeats {
    QString schoolId;
    QString name;
    int capacity = 0;    // 0: not known, not limited here
    qint64 approved = 0; // approvals already (upstream and in the outbox)
    qint64 adding = 0;   // clean applications of the batch for this school
    qint64 over() const { return capacity > 0 ? std::max<qint64>(0, approved + adding - capacity) : 0; }
};

// What a batch approval of a selection would do, before anything is saved.
struct BatchPlan {
    int selected = 0;
    QStringList clean; // "clean": eligible, no flag, checked category == claimed, still open; selection order
    QMap<BatchSkip, QStringList> skipped;
    QList<BatchSeats> seats; // the schools of the clean applications, by id

    int skippedCount() const;
    bool overCapacity() const;
    // The sentence refusing the whole set when it would go over a school's seats (empty when not).
    QString refusal() const;
};

// The result of a batch: what was planned on the writer, and the outbox items made, one per approval.
struct BatchOutcome {
    BatchPlan plan;
    QList<qint64> items;  // outbox item ids, in the order of plan.clean
    QStringList approved; // their applications
    Error stopped;        // code set: the batch stopped after `items` because of this
};

// Batch approval of clean cases (issue 12). The plan is read on any connection (a reader for the
// dialog, the writer again right before saving); DecisionService::approveBatch saves it.
class BatchApproval {
public:
    // Classifies the applications (ids not in the cache are left out, as already decided).
    static Result<BatchPlan> plan(store::Connection& connection, const QStringList& applicationIds);
    // The plan for queue rows by qid, on a reader thread's connection (null: the cache cannot be read).
    static Result<BatchPlan> planForRows(store::Connection* connection, const QVector<qint64>& qids);
    static Result<BatchPlan> planForRows(const CacheView* cache, const QVector<qint64>& qids);
    // The applications of queue rows, by qid, in the order given (rows gone meanwhile are left out).
    static Result<QStringList> applicationIds(store::Connection& connection, const QVector<qint64>& qids);

    // "2 with another category than claimed", in the interface's language.
    static QString skipText(BatchSkip reason, int count);
};

} // namespace adm::views
