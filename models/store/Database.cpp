#include "Database.h"

#include "CounterSchema.h"
#include "NotesSchema.h"
#include "PeopleNames.h"
#include "QueueRules.h"
#include "SignoffSchema.h"
#include "SupervisionSchema.h"
#include "security/Crypto.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <sqlite3.h>

Q_LOGGING_CATEGORY(lcStore, "admissions.store")

namespace adm::store {

namespace {

const QString kKeyCheckValue = QStringLiteral("admissions-cache-key-check-v1");

// Translated in the context "Database"; lupdate files the strings there too.
struct DatabaseText {
    Q_DECLARE_TR_FUNCTIONS(Database)
};

Error cannotDecrypt(const QString& path)
{
    return Error{
        QStringLiteral("cannot_decrypt"),
        DatabaseText::tr("The cache %1 cannot be read with this workstation's key: it is damaged, or it belongs to "
                         "another workstation. Restore it from a backup, or move it away and sync again.")
            .arg(QDir::toNativeSeparators(path))};
}

QJsonObject defaultCipherSettings(const QString& cipherVersion)
{
    // SQLCipher 3 defaults with a 4096-byte page. A raw key skips SQLCipher's own KDF.
    return QJsonObject{{QStringLiteral("library"), QStringLiteral("sqlcipher")},
                       {QStringLiteral("created_with"), cipherVersion},
                       {QStringLiteral("compatibility"), 3},
                       {QStringLiteral("page_size"), Database::kPageSize},
                       {QStringLiteral("hmac_algorithm"), QStringLiteral("HMAC_SHA1")},
                       {QStringLiteral("key_format"), QStringLiteral("raw-32-byte")}};
}

} // namespace

bool Database::hasPlainSqliteHeader(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return f.read(16) == QByteArray("SQLite format 3\0", 16);
}

Result<QString> Database::configureCipher(Connection& c, const security::SecretBytes& key, const QJsonObject& settings)
{
    if (Status s = c.setRawKey(key); !s)
        return s.error();
    // Does not touch the file, so it is safe before the first read. Empty: plain SQLite.
    auto version = c.scalar(QStringLiteral("PRAGMA cipher_version"));
    const QString cipherVersion = version ? version->toString() : QString();
    if (cipherVersion.isEmpty())
        return Error{
            QStringLiteral("no_cipher"),
            DatabaseText::tr("This program was built against SQLite without SQLCipher; it cannot encrypt the cache.")};
    // SQLCipher 4 reads a version-3 file only in compatibility mode; 3.x has no such pragma.
    const int compatibility = settings.value(QStringLiteral("compatibility")).toInt(3);
    if (cipherVersion.startsWith(u'4') && compatibility == 3) {
        if (Status s = c.exec(QStringLiteral("PRAGMA cipher_compatibility = 3")); !s)
            return s.error();
    }
    const int pageSize = settings.value(QStringLiteral("page_size")).toInt(kPageSize);
    if (Status s = c.exec(QStringLiteral("PRAGMA cipher_page_size = %1").arg(pageSize)); !s)
        return s.error();
    return cipherVersion;
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const security::SecretBytes& key, OpenMode mode,
                                                 const QJsonObject& cipherSettings)
{
    return open(path, key, mode, cipherSettings, Options{});
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const security::SecretBytes& key, OpenMode mode,
                                                 const QJsonObject& cipherSettings, const Options& options)
{
    if (key.isEmpty() || key.size() != 32)
        return Error{QStringLiteral("empty_key"),
                     DatabaseText::tr("Refusing to open the cache without a 32-byte key.")};
    const bool exists = QFileInfo::exists(path);
    if (mode == OpenMode::Existing && !exists)
        return Error{QStringLiteral("not_found"),
                     DatabaseText::tr("There is no cache at %1.").arg(QDir::toNativeSeparators(path))};
    if (mode == OpenMode::Create && exists)
        return Error{QStringLiteral("already_exists"),
                     DatabaseText::tr("A cache already exists at %1.").arg(QDir::toNativeSeparators(path))};
    if (exists && hasPlainSqliteHeader(path))
        return Error{
            QStringLiteral("foreign_plain"),
            DatabaseText::tr("%1 is an unencrypted SQLite database, not a workstation cache. It was not opened.")
                .arg(QDir::toNativeSeparators(path))};

    auto connection = Connection::open(path, exists ? Connection::Mode::ReadWrite : Connection::Mode::ReadWriteCreate);
    if (!connection)
        return connection.error();

    std::unique_ptr<Database> db(new Database);
    db->m_path = path;
    db->m_key = key.clone();
    db->m_options = options;
    db->m_writer = std::move(*connection);
    Connection& c = *db->m_writer;

    // Before any other statement: the key, then the cipher parameters.
    const QJsonObject settings = cipherSettings.isEmpty() ? defaultCipherSettings(QString()) : cipherSettings;
    auto cipherVersion = configureCipher(c, key, settings);
    if (!cipherVersion)
        return cipherVersion.error();
    db->m_cipherVersion = *cipherVersion;
    db->m_cipherSettings = cipherSettings.isEmpty() ? defaultCipherSettings(*cipherVersion) : cipherSettings;

    // The first read: a wrong key or a damaged file fails here, before anything is written.
    auto probe = c.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master"));
    if (!probe)
        return cannotDecrypt(path);

    if (exists) {
        auto check = c.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'key_check'"));
        if (!check || check->toString() != kKeyCheckValue)
            return cannotDecrypt(path);
    }

    for (const QString& pragma :
         {QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("PRAGMA synchronous = FULL"),
          QStringLiteral("PRAGMA temp_store = MEMORY"),
          QStringLiteral("PRAGMA cache_size = -%1").arg(options.cacheKiB)}) {
        if (Status s = c.exec(pragma); !s)
            return s.error();
    }

    if (!exists) {
        if (Status s = c.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT) "
                                             "WITHOUT ROWID"));
            !s)
            return s.error();
    }
    if (Status s = db->migrate(); !s)
        return s.error();
    if (!exists) {
        if (Status s = db->setMeta(QStringLiteral("key_check"), kKeyCheckValue); !s)
            return s.error();
        (void)c.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        if (hasPlainSqliteHeader(path))
            return Error{QStringLiteral("no_cipher"),
                         DatabaseText::tr("The new cache was written unencrypted; it was not used.")};
    }
    qCInfo(lcStore) << "cache open, schema" << db->schemaVersion() << "sqlcipher" << db->m_cipherVersion;
    return db;
}

Database::~Database()
{
    m_writer.reset();
    m_key.clear();
}

Result<std::unique_ptr<Connection>> Database::openReader() const
{
    auto connection = Connection::open(m_path, Connection::Mode::ReadWrite);
    if (!connection)
        return connection.error();
    Connection& c = **connection;
    if (auto v = configureCipher(c, m_key, m_cipherSettings); !v)
        return v.error();
    if (!c.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master")))
        return cannotDecrypt(m_path);
    (void)c.exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
    (void)c.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(m_options.cacheKiB / 4));
    (void)c.exec(QStringLiteral("PRAGMA query_only = 1"));
    return connection;
}

int Database::schemaVersion()
{
    auto v = m_writer->scalar(QStringLiteral("PRAGMA user_version"));
    return v ? v->toInt() : -1;
}

Result<QString> Database::meta(const QString& key)
{
    auto q = m_writer->prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    if (!q)
        return q.error();
    q->bind(1, key);
    if (q->step())
        return q->text(0);
    return QString();
}

Status Database::setMeta(const QString& key, const QString& value)
{
    auto q = m_writer->prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    if (!q)
        return q.error();
    q->bind(1, key).bind(2, value);
    return q->run();
}

namespace {
const QRegularExpression& migrationName()
{
    static const QRegularExpression numbered(QStringLiteral("^(\\d{4})_.*\\.sql$"));
    return numbered;
}

// Migration 6: the outcome of a decision in a column of its own, which the outbox writer fills and
// the queue triggers read (they read it from the payload's JSON text before). Decisions already
// there get it from their payload; the queue triggers are dropped, to be made again from the queue rules.
// Written to run again over a cache that has the column (a test or a benchmark that takes the queue
// away by setting the schema version back).
Status addOutboxOutcome(Connection& c)
{
    bool has = false;
    {
        auto columns = c.prepare(QStringLiteral("PRAGMA table_info(outbox)")); // 3.15: no pragma_table_info()
        if (!columns)
            return columns.error();
        while (columns->step())
            has = has || columns->text(1) == QLatin1String("outcome");
    }
    if (!has) {
        if (Status s = c.exec(QStringLiteral("ALTER TABLE outbox ADD COLUMN outcome TEXT")); !s)
            return s;
    }
    auto read = c.prepare(QStringLiteral("SELECT id, payload FROM outbox WHERE kind = 'decision' AND outcome IS NULL"));
    if (!read)
        return read.error();
    auto write = c.prepare(QStringLiteral("UPDATE outbox SET outcome = ? WHERE id = ?"));
    if (!write)
        return write.error();
    Error error;
    while (read->step(&error)) {
        const QJsonObject payload = QJsonDocument::fromJson(read->utf8(1)).object();
        write->bind(1, payload.value(QStringLiteral("outcome")).toString()).bind(2, read->int64(0));
        if (Status s = write->run(); !s)
            return s;
        write->reset();
    }
    if (!error.code.isEmpty())
        return error;
    // The queue triggers are dropped, and made again from the queue rules after the last migration
    // (QueueRules::ensure): they read columns and tables of later migrations.
    QStringList triggers;
    auto names = c.prepare(
        QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'queue\\_%' ESCAPE '\\'"));
    if (!names)
        return names.error();
    while (names->step(&error))
        triggers << names->text(0);
    if (!error.code.isEmpty())
        return error;
    for (const QString& name : triggers)
        if (Status s = c.exec(QStringLiteral("DROP TRIGGER %1").arg(name)); !s)
            return s;
    return {};
}

// Migration 7: the officer's unfinished work per local user (views::DraftStore): the draft of an open
// decision dialog and the queue place kept at a lock, as JSON, only ever in this encrypted file.
Status addDrafts(Connection& c)
{
    return c.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS drafts ("
                                 " user TEXT NOT NULL,"
                                 " slot TEXT NOT NULL," // decision | place
                                 " body TEXT NOT NULL,"
                                 " saved_at TEXT NOT NULL,"
                                 " PRIMARY KEY (user, slot))"));
}

// Migrations written in C++, numbered with the SQL files of :/migrations.
struct CodeMigration {
    int number;
    const char* name;
    Status (*apply)(Connection&);
};
const CodeMigration kCodeMigrations[] = {
    {6, "0006_outbox_outcome (C++)", &addOutboxOutcome},
    {7, "0007_drafts (C++)", &addDrafts},
    {8, "0008_people_names (C++)", &peoplenames::migrate},
    {9, "0009_applicant_notes (C++)", &NotesSchema::install},
    {10, "0010_counter_applications (C++)", &CounterSchema::install},
    {11, "0011_signoff (C++)", &SignoffSchema::install},
    {12, "0012_queue_returned (C++)", &SignoffSchema::addQueueReturned},
    {13, "0013_supervision (C++)", &SupervisionSchema::install},
};

struct Step {
    int number = 0;
    QString name;
    QString sqlFile;                        // a migration file, or
    Status (*apply)(Connection&) = nullptr; // a migration in C++
};

QList<Step> migrationSteps()
{
    QList<Step> steps;
    const QDir dir(QStringLiteral(":/migrations"));
    for (const QString& name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name))
        if (const auto m = migrationName().match(name); m.hasMatch())
            steps.append({m.captured(1).toInt(), name, dir.filePath(name), nullptr});
    for (const CodeMigration& m : kCodeMigrations)
        steps.append({m.number, QString::fromLatin1(m.name), QString(), m.apply});
    std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) { return a.number < b.number; });
    return steps;
}
} // namespace

int Database::latestSchemaVersion()
{
    int latest = 0;
    for (const Step& step : migrationSteps())
        latest = std::max(latest, step.number);
    return latest;
}

Status Database::migrate()
{
    const int current = schemaVersion();
    for (const Step& step : migrationSteps()) {
        if (step.number <= current)
            continue;
        Transaction tx(*m_writer);
        if (!tx.beginStatus())
            return tx.beginStatus();
        Status applied;
        if (step.apply) {
            applied = step.apply(*m_writer);
        } else {
            QFile f(step.sqlFile);
            if (!f.open(QIODevice::ReadOnly))
                return Error{QStringLiteral("migration_failed"),
                             QStringLiteral("cannot read migration %1").arg(step.name)};
            QString sql = QString::fromUtf8(f.readAll());
            if (step.number == 1) // the bootstrap above already made meta
                sql.replace(QStringLiteral("CREATE TABLE meta"), QStringLiteral("CREATE TABLE IF NOT EXISTS meta"));
            applied = m_writer->exec(sql);
        }
        if (!applied)
            return Error{QStringLiteral("migration_failed"),
                         QStringLiteral("migration %1 failed: %2").arg(step.name, applied.error().message)};
        if (Status s = m_writer->exec(QStringLiteral("PRAGMA user_version = %1").arg(step.number)); !s)
            return s;
        if (Status s = tx.commit(); !s)
            return s;
        qCInfo(lcStore) << "applied migration" << step.number;
    }
    // The queue triggers are made from the queue rules (QueueRules.h): when these changed since the
    // cache last saw them, its triggers and every row's bin are made again.
    if (Status s = QueueRules::ensure(*m_writer); !s)
        return Error{QStringLiteral("migration_failed"),
                     QStringLiteral("the queue triggers cannot be made: %1").arg(s.error().message)};
    // The supervision counters' triggers sit on queue_rows; made again, and filled, if they differ.
    if (Status s = SupervisionSchema::ensure(*m_writer); !s)
        return Error{QStringLiteral("migration_failed"),
                     QStringLiteral("the supervision counters cannot be made: %1").arg(s.error().message)};
    return {};
}

} // namespace adm::store
