#pragma once

#include "domain/Result.h"
#include "store/Sql.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <memory>
#include <optional>

namespace adm::hub {

// How an entity is seen: reference data by everyone, applications by their school's and district's
// accounts, agency records through the people on visible applications, anything else by the city.
enum class Kind { Public = 0, Application = 1, AgencyRecord = 2, CityOnly = 3 };
Kind kindOf(const QString& entity);

// One row of the compacted change log: the latest state of one entity and the seq it got then.
struct StoredObject {
    qint64 seq = 0;
    QString entity;
    QString id;
    qint64 version = 0;
    bool deleted = false;
    QString schoolId;
    QString districtCode;
    QByteArray data; // compact JSON text; empty for a delete
};

// The hub's encrypted storage (SQLCipher with a random 32-byte raw key kept in the data folder: a
// sandbox). The change log is the `objects` table itself: one row per entity holding its latest
// state, with seq as the row id. A change moves the row to a new seq, so a pull after a cursor gets
// the newest state of everything that changed since, and a delete leaves a tombstone.
// Single-threaded: the hub does all its work on the event loop, on this one connection.
class HubStorage {
public:
    static Result<std::unique_ptr<HubStorage>> open(const QString& dataDir);
    ~HubStorage();

    store::Connection& connection() { return *m_db; }
    QString path() const { return m_path; }
    static int schemaVersion();

    Result<QString> meta(const QString& key);
    Status setMeta(const QString& key, const QString& value);

    // A random id of this database: cursors of another hub (or of a reset one) are refused.
    QString epoch() const { return m_epoch; }
    qint64 head() const { return m_head; }
    qint64 purgedThrough() const { return m_purgedThrough; }
    qint64 nextSeq() { return ++m_head; }
    // After a rollback: seqs taken inside it were never written.
    void reloadHead();

    // Writes the latest state of an entity at a new seq (inside the caller's transaction).
    Result<qint64> putObject(const QString& entity, const QString& id, qint64 version, const QByteArray& data,
                             const QString& schoolId = {}, const QString& districtCode = {});
    // Replaces the entity with a tombstone at a new seq.
    Result<qint64> deleteObject(const QString& entity, const QString& id, qint64 version);
    Result<std::optional<StoredObject>> object(const QString& entity, const QString& id);

    // For a first load: no secondary indexes while the rows go in, then all built at once.
    Status dropSecondaryIndexes();
    Status createSecondaryIndexes();

    // Tombstones older than `retention` changes go; cursors from before them then expire.
    Status purgeTombstones(qint64 retention);

    // The first outcome recorded under an idempotency key of an account, if any.
    Result<std::optional<QJsonObject>> idempotentResult(const QString& account, const QString& key);
    Status rememberResult(const QString& account, const QString& key, const QString& endpoint,
                          const QJsonObject& result);

    // SAVEPOINT scope for one pushed item: rolled back unless released.
    class Savepoint {
    public:
        explicit Savepoint(HubStorage& storage);
        ~Savepoint();
        Status release();
        const Status& beginStatus() const { return m_begin; }

    private:
        HubStorage& m_storage;
        Status m_begin;
        bool m_open = false;
    };

private:
    HubStorage() = default;
    Status createSchema();
    Status migrate(); // an older folder's schema up to the current one, in one transaction

    std::unique_ptr<store::Connection> m_db;
    QString m_path;
    QString m_epoch;
    qint64 m_head = 0;
    qint64 m_purgedThrough = 0;
};

// Bytes of a JSON object as stored (compact).
QByteArray compactJson(const QJsonObject& object);

} // namespace adm::hub
