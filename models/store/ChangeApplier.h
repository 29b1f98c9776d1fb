#pragma once

#include "Sql.h"
#include "domain/Entities.h"
#include "domain/Result.h"

#include <QList>
#include <QPair>

namespace adm::store {

struct EntityKind;

struct ApplyStats {
    qint64 received = 0;
    qint64 upserted = 0;
    qint64 deleted = 0;
    qint64 skipped = 0; // older or equal version, or already deleted
    qint64 lastSeq = 0;

    ApplyStats& operator+=(const ApplyStats& o);
};

// The one code path that applies upstream changes to the cache (the change feed, an offline
// bundle, the hub's own feed in tests). A batch is applied in one transaction with prepared
// statements: all of it or none of it. An older version never overwrites a newer one, and
// applying a change twice changes nothing.
class ChangeApplier {
public:
    explicit ChangeApplier(Connection& writer);
    ~ChangeApplier();

    using MetaValues = QList<QPair<QString, QString>>;

    // Validates every change first (an invalid one rejects the batch, naming its seq and field),
    // then applies them and writes `meta` (for example the feed cursor) in the same transaction.
    Result<ApplyStats> apply(const QList<Change>& changes, const MetaValues& meta = {});
    // The same, for a caller that validated every change already (BundleImporter does, on its
    // parsing thread, so that the writer thread does not do it twice).
    Result<ApplyStats> applyValidated(const QList<Change>& changes, const MetaValues& meta = {});

    // Checks one change against the contract without applying it.
    static Status validate(const Change& change);

private:
    struct Statements;
    Status prepareStatements();
    Status applyOne(const Change& change, ApplyStats& stats);
    Status upsert(const Change& change, qint64 version, bool exists, ApplyStats& stats);
    Status storeRow(const EntityKind& kind, Statement& insert, const Change& change, qint64 version);
    Status storePeople(const Change& change);
    Status storeSubjects(const Change& change, bool replacing);
    // kindIndex: in entityKinds(), or -1 for other_entities.
    Status deleteRow(int kindIndex, const Change& change);
    Status forgetDependents(int kindIndex, const Change& change);
    Status remove(const Change& change, ApplyStats& stats);
    // What the eligibility checker must look at again (table eligibility_dirty).
    Status markApplication(const QString& id);
    Status markRecordReaders(const QString& recordId);
    Status markAllStale();
    Status markTouched();
    Status storedOne(Statement& insert, const Change& change);
    Result<qint64> currentVersion(const QString& entity, const QString& id);
    Result<qint64> tombstoneVersion(const QString& entity, const QString& id);

    Connection& m_writer;
    std::unique_ptr<Statements> m_s;
};

} // namespace adm::store
