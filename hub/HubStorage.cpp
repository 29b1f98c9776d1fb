#include "HubStorage.h"

#include "HubLog.h"
#include "security/Crypto.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace adm::hub {

namespace {

const QString kKeyCheckValue = QStringLiteral("admissions-hub-key-check-v1");
constexpr int kPageSize = 4096;

// Tables, in one go, at the newest schema (kSchemaVersion); kMigrations bring older folders up.
const char* const kSchema[] = {
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID",
    // No NOT NULL here: with INSERT OR REPLACE it makes SQLite keep a statement journal, which
    // SQLCipher 3.4 makes about seven times slower per row. The code always sets these columns.
    "CREATE TABLE objects (seq INTEGER PRIMARY KEY, kind INTEGER, entity TEXT, id TEXT, version INTEGER, "
    "deleted INTEGER DEFAULT 0, school_id TEXT, district_code TEXT, data TEXT)",
    "CREATE UNIQUE INDEX objects_entity_id ON objects (entity, id)",
    "CREATE TABLE schools (id TEXT PRIMARY KEY, district_code TEXT, level TEXT) WITHOUT ROWID",
    "CREATE TABLE applications (id TEXT PRIMARY KEY, school_id TEXT, district_code TEXT, child_id_number TEXT, "
    "admission_year INTEGER, status TEXT, decided INTEGER NOT NULL DEFAULT 0, version INTEGER) WITHOUT ROWID",
    "CREATE TABLE people (id_number TEXT NOT NULL, application_id TEXT NOT NULL, school_id TEXT, district_code TEXT, "
    "PRIMARY KEY (id_number, application_id)) WITHOUT ROWID",
    "CREATE TABLE record_subjects (record_id TEXT NOT NULL, id_number TEXT NOT NULL, "
    "PRIMARY KEY (record_id, id_number)) WITHOUT ROWID",
    "CREATE TABLE idempotency (account TEXT NOT NULL, idem_key TEXT NOT NULL, endpoint TEXT NOT NULL, "
    "result TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (account, idem_key)) WITHOUT ROWID",
    "CREATE TABLE accounts (id TEXT PRIMARY KEY, display_name TEXT, roles TEXT, district_code TEXT, school_ids TEXT, "
    "password_hash TEXT) WITHOUT ROWID",
    "CREATE TABLE decisions (id INTEGER PRIMARY KEY, application_id TEXT NOT NULL, account TEXT, workstation_id TEXT, "
    "outcome TEXT, category TEXT, base_version INTEGER, new_version INTEGER, decided_at TEXT, received_at TEXT, "
    "item TEXT, client_decided_at TEXT)",
    "CREATE INDEX decisions_application ON decisions (application_id)",
    "CREATE TABLE signing_keys (key_id TEXT PRIMARY KEY, account TEXT NOT NULL, algorithm TEXT NOT NULL, "
    "public_key_pem TEXT NOT NULL, registered_at TEXT) WITHOUT ROWID",
    "CREATE TABLE batches (id TEXT PRIMARY KEY, school_id TEXT, account TEXT, key_id TEXT, algorithm TEXT, "
    "canonical BLOB, signature BLOB, received_at TEXT, client_created_at TEXT) WITHOUT ROWID",
    "CREATE TABLE audit_entries (workstation_id TEXT NOT NULL, seq INTEGER NOT NULL, account TEXT, at TEXT, "
    "actor TEXT, action TEXT, subject TEXT, prev_hash TEXT, hash TEXT, received_at TEXT, local_actor TEXT, "
    "PRIMARY KEY (workstation_id, seq)) WITHOUT ROWID",
    "CREATE TABLE lookups (id INTEGER PRIMARY KEY, account TEXT, at TEXT, subject_hash TEXT, records INTEGER)",
};

// Version 2 (who and when): decided_at, received_at and actor are the hub's; what the client said
// is kept beside. Rows written before keep the client's decided_at and actor as they were.
constexpr int kSchemaVersion = 2;
const char* const kMigrations[][2] = {
    {"2", "ALTER TABLE decisions ADD COLUMN client_decided_at TEXT"},
    {"2", "ALTER TABLE batches ADD COLUMN client_created_at TEXT"},
    {"2", "ALTER TABLE audit_entries ADD COLUMN local_actor TEXT"},
};

// Secondary indexes: apart, so that a first load can build them once at the end (much faster than
// keeping them up to date row by row).
const char* const kIndexes[][2] = {
    {"objects_tombstones", "CREATE INDEX objects_tombstones ON objects (seq) WHERE deleted = 1"},
    {"applications_child", "CREATE INDEX applications_child ON applications (child_id_number, admission_year)"},
    {"applications_school", "CREATE INDEX applications_school ON applications (school_id)"},
    {"applications_district", "CREATE INDEX applications_district ON applications (district_code)"},
    {"people_application", "CREATE INDEX people_application ON people (application_id)"},
    {"people_school", "CREATE INDEX people_school ON people (school_id)"},
    {"people_district", "CREATE INDEX people_district ON people (district_code)"},
    {"record_subjects_person", "CREATE INDEX record_subjects_person ON record_subjects (id_number)"},
};

Error storageError(const QString& message)
{
    return Error{QStringLiteral("storage_failed"), message};
}

bool hasPlainHeader(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && f.read(16) == QByteArray("SQLite format 3\0", 16);
}

// The raw database key: 32 random bytes in DIR/hub.key, readable by the owner only. A sandbox
// keeps its key beside its data; a real platform would hold it in a key store.
Result<QByteArray> loadOrCreateKey(const QString& dataDir, bool create)
{
    const QString path = dataDir + QStringLiteral("/hub.key");
    QFile f(path);
    if (!create) {
        if (!f.open(QIODevice::ReadOnly))
            return storageError(QStringLiteral("cannot read the hub key %1").arg(path));
        QByteArray key = f.readAll();
        if (key.size() != 32)
            return storageError(QStringLiteral("the hub key %1 is damaged (not 32 bytes)").arg(path));
        return key;
    }
    QByteArray key = crypto::randomBytes(32);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        f.write(key) != key.size() || !f.flush())
        return storageError(QStringLiteral("cannot write the hub key %1").arg(path));
    return key;
}

} // namespace

Kind kindOf(const QString& entity)
{
    if (entity == QLatin1String("application"))
        return Kind::Application;
    if (entity == QLatin1String("agency_record"))
        return Kind::AgencyRecord;
    if (entity == QLatin1String("policy") || entity == QLatin1String("school") || entity == QLatin1String("zone"))
        return Kind::Public;
    return Kind::CityOnly;
}

QByteArray compactJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<std::unique_ptr<HubStorage>> HubStorage::open(const QString& dataDir)
{
    const QString path = dataDir + QStringLiteral("/hub.db");
    const bool exists = QFileInfo::exists(path);
    if (exists && hasPlainHeader(path))
        return storageError(QStringLiteral("%1 is an unencrypted SQLite file; refusing to use it").arg(path));
    auto key = loadOrCreateKey(dataDir, !exists);
    if (!key)
        return key.error();

    auto connection = store::Connection::open(path, exists ? store::Connection::Mode::ReadWrite
                                                           : store::Connection::Mode::ReadWriteCreate);
    if (!connection)
        return connection.error();
    std::unique_ptr<HubStorage> s(new HubStorage);
    s->m_db = std::move(*connection);
    s->m_path = path;
    store::Connection& c = *s->m_db;

    // The key once, right after open; then the cipher parameters; then the first read.
    Status keyed = c.setRawKey(*key);
    crypto::wipe(*key);
    if (!keyed)
        return keyed.error();
    auto cipher = c.scalar(QStringLiteral("PRAGMA cipher_version"));
    const QString cipherVersion = cipher ? cipher->toString() : QString();
    if (cipherVersion.isEmpty())
        return storageError(QStringLiteral("SQLite without SQLCipher: the hub cannot encrypt its data"));
    if (cipherVersion.startsWith(u'4'))
        (void)c.exec(QStringLiteral("PRAGMA cipher_compatibility = 3"));
    if (Status st = c.exec(QStringLiteral("PRAGMA cipher_page_size = %1").arg(kPageSize)); !st)
        return st.error();
    if (!c.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master")))
        return storageError(QStringLiteral("%1 cannot be read with the key in hub.key").arg(path));
    if (exists) {
        auto check = c.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'key_check'"));
        if (!check || check->toString() != kKeyCheckValue)
            return storageError(QStringLiteral("%1 cannot be read with the key in hub.key").arg(path));
    }
    // The working set of a default city fits in 128 MiB of cache; WAL lets a crash lose nothing
    // committed. NORMAL sync: a sandbox may lose the last commits on power loss, never on a crash.
    for (const QString& pragma :
         {QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("PRAGMA synchronous = NORMAL"),
          QStringLiteral("PRAGMA temp_store = MEMORY"), QStringLiteral("PRAGMA cache_size = -131072")}) {
        if (Status st = c.exec(pragma); !st)
            return st.error();
    }
    if (!exists) {
        if (Status st = s->createSchema(); !st)
            return st.error();
        QFile settings(dataDir + QStringLiteral("/cipher.json"));
        if (settings.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            settings.write(compactJson(QJsonObject{{QStringLiteral("library"), QStringLiteral("sqlcipher")},
                                                   {QStringLiteral("created_with"), cipherVersion},
                                                   {QStringLiteral("compatibility"), 3},
                                                   {QStringLiteral("page_size"), kPageSize},
                                                   {QStringLiteral("key_format"), QStringLiteral("raw-32-byte")},
                                                   {QStringLiteral("key_file"), QStringLiteral("hub.key")}}));
        }
        (void)c.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        if (hasPlainHeader(path))
            return storageError(QStringLiteral("the new hub database was written unencrypted; stopping"));
    }
    if (exists) {
        if (Status st = s->migrate(); !st)
            return st.error();
        // Indexes added since the folder was made (IF NOT EXISTS: nothing to do when present).
        if (Status st = s->createSecondaryIndexes(); !st)
            return st.error();
    }
    auto epoch = s->meta(QStringLiteral("epoch"));
    if (!epoch)
        return epoch.error();
    s->m_epoch = *epoch;
    auto purged = s->meta(QStringLiteral("purged_through"));
    if (!purged)
        return purged.error();
    s->m_purgedThrough = purged->toLongLong();
    s->reloadHead();
    return s;
}

HubStorage::~HubStorage() = default;

int HubStorage::schemaVersion()
{
    return kSchemaVersion;
}

Status HubStorage::createSchema()
{
    store::Transaction t(*m_db);
    if (!t.beginStatus())
        return t.beginStatus();
    for (const char* sql : kSchema) {
        if (Status s = m_db->exec(QString::fromLatin1(sql)); !s)
            return s;
    }
    if (Status s = createSecondaryIndexes(); !s)
        return s;
    if (Status s = m_db->exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion)); !s)
        return s;
    if (Status s = setMeta(QStringLiteral("key_check"), kKeyCheckValue); !s)
        return s;
    if (Status s = setMeta(QStringLiteral("epoch"), QString::fromLatin1(crypto::randomBytes(8).toHex())); !s)
        return s;
    return t.commit();
}

Status HubStorage::migrate()
{
    auto version = m_db->scalar(QStringLiteral("PRAGMA user_version"));
    if (!version)
        return version.error();
    const int from = version->toInt();
    if (from > kSchemaVersion)
        return storageError(QStringLiteral("%1 was written by a newer hub (schema %2; this hub knows %3)")
                                .arg(m_path)
                                .arg(from)
                                .arg(kSchemaVersion));
    if (from == kSchemaVersion)
        return {};
    store::Transaction t(*m_db);
    if (!t.beginStatus())
        return t.beginStatus();
    for (const auto& step : kMigrations) {
        if (QByteArray(step[0]).toInt() <= from)
            continue;
        if (Status s = m_db->exec(QString::fromLatin1(step[1])); !s)
            return s;
    }
    if (Status s = m_db->exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion)); !s)
        return s;
    if (Status s = t.commit(); !s)
        return s;
    qCInfo(lcHub) << "storage schema moved from version" << from << "to" << kSchemaVersion;
    return {};
}

Status HubStorage::dropSecondaryIndexes()
{
    for (const auto& index : kIndexes) {
        if (Status s = m_db->exec(QStringLiteral("DROP INDEX IF EXISTS %1").arg(QLatin1String(index[0]))); !s)
            return s;
    }
    return {};
}

Status HubStorage::createSecondaryIndexes()
{
    for (const auto& index : kIndexes) {
        const QString sql = QString::fromLatin1(index[1]).replace(QStringLiteral("CREATE INDEX"),
                                                                  QStringLiteral("CREATE INDEX IF NOT EXISTS"));
        if (Status s = m_db->exec(sql); !s)
            return s;
    }
    return {};
}

Result<QString> HubStorage::meta(const QString& key)
{
    auto q = m_db->prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    if (!q)
        return q.error();
    q->bind(1, key);
    Error e;
    if (q->step(&e))
        return q->text(0);
    if (!e.code.isEmpty())
        return e;
    return QString();
}

Status HubStorage::setMeta(const QString& key, const QString& value)
{
    auto q = m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    if (!q)
        return q.error();
    q->bind(1, key).bind(2, value);
    return q->run();
}

void HubStorage::reloadHead()
{
    auto v = m_db->scalar(QStringLiteral("SELECT max(seq) FROM objects"));
    m_head = v ? v->toLongLong() : 0;
    m_head = std::max(m_head, m_purgedThrough);
}

Result<qint64> HubStorage::putObject(const QString& entity, const QString& id, qint64 version, const QByteArray& data,
                                     const QString& schoolId, const QString& districtCode)
{
    // INSERT OR REPLACE drops the entity's older row: the log keeps only the latest state.
    auto q = m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO objects (seq, kind, entity, id, version, deleted, "
                                          "school_id, district_code, data) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)"));
    if (!q)
        return q.error();
    const qint64 seq = nextSeq();
    q->bind(1, seq).bind(2, int(kindOf(entity))).bind(3, entity).bind(4, id).bind(5, version);
    q->bind(6, schoolId.isEmpty() ? QString() : schoolId).bind(7, districtCode.isEmpty() ? QString() : districtCode);
    q->bindUtf8(8, data);
    if (Status s = q->run(); !s)
        return s.error();
    return seq;
}

Result<qint64> HubStorage::deleteObject(const QString& entity, const QString& id, qint64 version)
{
    auto existing = object(entity, id);
    if (!existing)
        return existing.error();
    auto q = m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO objects (seq, kind, entity, id, version, deleted, "
                                          "school_id, district_code, data) VALUES (?, ?, ?, ?, ?, 1, ?, ?, NULL)"));
    if (!q)
        return q.error();
    const qint64 seq = nextSeq();
    q->bind(1, seq).bind(2, int(kindOf(entity))).bind(3, entity).bind(4, id).bind(5, version);
    const StoredObject old = existing->value_or(StoredObject{});
    q->bind(6, old.schoolId).bind(7, old.districtCode);
    if (Status s = q->run(); !s)
        return s.error();
    return seq;
}

Result<std::optional<StoredObject>> HubStorage::object(const QString& entity, const QString& id)
{
    auto q = m_db->prepare(QStringLiteral(
        "SELECT seq, version, deleted, school_id, district_code, data FROM objects WHERE entity = ? AND id = ?"));
    if (!q)
        return q.error();
    q->bind(1, entity).bind(2, id);
    Error e;
    if (!q->step(&e)) {
        if (!e.code.isEmpty())
            return e;
        return std::optional<StoredObject>();
    }
    StoredObject o;
    o.seq = q->int64(0);
    o.entity = entity;
    o.id = id;
    o.version = q->int64(1);
    o.deleted = q->int64(2) != 0;
    o.schoolId = q->text(3);
    o.districtCode = q->text(4);
    o.data = q->utf8(5);
    return std::optional<StoredObject>(std::move(o));
}

Status HubStorage::purgeTombstones(qint64 retention)
{
    const qint64 horizon = m_head - retention;
    if (horizon <= m_purgedThrough)
        return {};
    auto q = m_db->prepare(QStringLiteral("SELECT max(seq) FROM objects WHERE deleted = 1 AND seq <= ?"));
    if (!q)
        return q.error();
    q->bind(1, horizon);
    if (!q->step() || q->isNull(0))
        return {};
    const qint64 newest = q->int64(0);
    store::Transaction t(*m_db);
    if (!t.beginStatus())
        return t.beginStatus();
    auto del = m_db->prepare(QStringLiteral("DELETE FROM objects WHERE deleted = 1 AND seq <= ?"));
    if (!del)
        return del.error();
    del->bind(1, newest);
    if (Status s = del->run(); !s)
        return s;
    if (Status s = setMeta(QStringLiteral("purged_through"), QString::number(newest)); !s)
        return s;
    if (Status s = t.commit(); !s)
        return s;
    m_purgedThrough = newest;
    qCInfo(lcHub) << "purged tombstones through seq" << newest;
    return {};
}

Result<std::optional<QJsonObject>> HubStorage::idempotentResult(const QString& account, const QString& key)
{
    auto q = m_db->prepare(QStringLiteral("SELECT result FROM idempotency WHERE account = ? AND idem_key = ?"));
    if (!q)
        return q.error();
    q->bind(1, account).bind(2, key);
    Error e;
    if (!q->step(&e)) {
        if (!e.code.isEmpty())
            return e;
        return std::optional<QJsonObject>();
    }
    return std::optional<QJsonObject>(QJsonDocument::fromJson(q->utf8(0)).object());
}

Status HubStorage::rememberResult(const QString& account, const QString& key, const QString& endpoint,
                                  const QJsonObject& result)
{
    auto q = m_db->prepare(QStringLiteral("INSERT INTO idempotency (account, idem_key, endpoint, result, created_at) "
                                          "VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"));
    if (!q)
        return q.error();
    q->bind(1, account).bind(2, key).bind(3, endpoint).bindUtf8(4, compactJson(result));
    return q->run();
}

HubStorage::Savepoint::Savepoint(HubStorage& storage)
    : m_storage(storage)
{
    m_begin = m_storage.connection().exec(QStringLiteral("SAVEPOINT item"));
    m_open = m_begin.ok();
}

HubStorage::Savepoint::~Savepoint()
{
    if (m_open) {
        (void)m_storage.connection().exec(QStringLiteral("ROLLBACK TO item"));
        (void)m_storage.connection().exec(QStringLiteral("RELEASE item"));
    }
}

Status HubStorage::Savepoint::release()
{
    if (!m_open)
        return m_begin.ok() ? Status(storageError(QStringLiteral("savepoint not open"))) : m_begin;
    m_open = false;
    return m_storage.connection().exec(QStringLiteral("RELEASE item"));
}

} // namespace adm::hub
