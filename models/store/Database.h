#pragma once

#include "Sql.h"
#include "domain/Result.h"

#include <QJsonObject>
#include <QString>
#include <memory>

namespace adm::store {

// The encrypted cache: one SQLCipher file, keyed with a raw 32-byte key given once right after
// open. Owns the long-lived writer connection; readers get their own connections.
//
// The SQLCipher traps, handled here: an empty key would silently make a plain database (refused);
// a second key on a used connection can corrupt the file (keyed exactly once, at open); a wrong
// key only fails at the first read (checked at open: cipher_version, the file header, and a
// key-check value read back).
class Database {
public:
    enum class OpenMode { Existing, Create };

    struct Options {
        qint64 cacheKiB = 256 * 1024; // sized to hold the working set: encryption is then nearly free
    };

    static QString fileName() { return QStringLiteral("cache.db"); }

    // Error codes: "empty_key", "not_found", "already_exists", "foreign_plain" (an unencrypted
    // SQLite file), "cannot_decrypt" (damaged, foreign, or another key), "no_cipher" (SQLite
    // without SQLCipher), "migration_failed", "open_failed".
    static Result<std::unique_ptr<Database>> open(const QString& path, const security::SecretBytes& key, OpenMode mode,
                                                  const QJsonObject& cipherSettings = {});
    static Result<std::unique_ptr<Database>> open(const QString& path, const security::SecretBytes& key, OpenMode mode,
                                                  const QJsonObject& cipherSettings, const Options& options);
    ~Database();

    // The cipher settings this file was made with; keep them beside the database (keys.json) so
    // that a later SQLCipher 4 can open it (cipher_compatibility 3, page size 4096).
    QJsonObject cipherSettings() const { return m_cipherSettings; }
    QString cipherVersion() const { return m_cipherVersion; }

    Connection& writer() { return *m_writer; }
    // A connection of its own for a reader thread (keyed the same way, query_only).
    Result<std::unique_ptr<Connection>> openReader() const;

    int schemaVersion();
    // The number of the newest migration this program carries.
    static int latestSchemaVersion();
    Result<QString> meta(const QString& key);
    Status setMeta(const QString& key, const QString& value);

    QString path() const { return m_path; }

    static constexpr int kPageSize = 4096;
    static bool hasPlainSqliteHeader(const QString& path);

private:
    Database() = default;
    // Keys the connection, then sets the cipher parameters; returns cipher_version.
    static Result<QString> configureCipher(Connection& c, const security::SecretBytes& key,
                                           const QJsonObject& settings);
    Status migrate();

    QString m_path;
    security::SecretBytes m_key;
    QJsonObject m_cipherSettings;
    QString m_cipherVersion;
    Options m_options;
    std::unique_ptr<Connection> m_writer;
};

} // namespace adm::store
