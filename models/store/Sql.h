#pragma once

#include "domain/Result.h"
#include "security/SecretBytes.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

// Small RAII wrappers over the SQLCipher C API. QtSql is not used: its SQLite driver is plain
// SQLite, without encryption.
namespace adm::store {

class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, sqlite3_stmt* stmt)
        : m_db(db)
        , m_stmt(stmt)
    {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    bool isValid() const { return m_stmt != nullptr; }

    // Parameters are 1-based, as in SQLite.
    Statement& bind(int index, qint64 value);
    Statement& bind(int index, int value) { return bind(index, qint64(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const QString& value);       // a null QString binds NULL
    Statement& bind(int index, const QByteArray& value);    // blob
    Statement& bindUtf8(int index, const QByteArray& utf8); // text given as UTF-8 bytes
    Statement& bindNull(int index);
    // A secret as text, read straight from its secure storage (SQLite copies it into its own pages).
    Statement& bindSecretText(int index, const security::SecretBytes& secret);

    // Steps once: true when a row is ready, false when done. Errors are reported in `error`.
    bool step(Error* error = nullptr);
    // Steps to the end (for statements that return no rows).
    Status run();
    void reset();

    int columnCount() const;
    bool isNull(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray utf8(int column) const;
    QByteArray blob(int column) const;
    // A column's bytes copied straight into secure storage, without a QString or QByteArray.
    security::SecretBytes secret(int column) const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

class Connection {
public:
    enum class Mode { ReadWrite, ReadWriteCreate, ReadOnly };

    static Result<std::unique_ptr<Connection>> open(const QString& path, Mode mode);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    Status exec(const QString& sql);
    Result<Statement> prepare(const QString& sql);
    // Runs a query that returns one value (or none: a null QVariant).
    Result<QVariant> scalar(const QString& sql);

    // Gives the raw key once, right after open (sqlite3_key with the 32 raw bytes).
    // The x'<hex>' literal is built in secure storage and wiped.
    Status setRawKey(const security::SecretBytes& key32);

    QString lastErrorMessage() const;
    int lastErrorCode() const;
    qint64 changes() const;
    sqlite3* handle() const { return m_db; }
    QString path() const { return m_path; }

private:
    explicit Connection(sqlite3* db, QString path)
        : m_db(db)
        , m_path(std::move(path))
    {}
    sqlite3* m_db = nullptr;
    QString m_path;
};

// BEGIN IMMEDIATE … COMMIT; rolls back unless committed.
class Transaction {
public:
    explicit Transaction(Connection& connection);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    const Status& beginStatus() const { return m_begin; }
    Status commit();

private:
    Connection& m_connection;
    Status m_begin;
    bool m_open = false;
};

Error sqlError(const QString& code, sqlite3* db, const QString& context);

// The schema objects of the given types ("trigger", "table", "index") whose name starts with
// `prefix`, name to SQL as sqlite_master keeps it: what a schema that makes its own triggers
// compares with the ones it would make.
Result<QHash<QString, QString>> schemaObjects(Connection& c, const QString& prefix, const QStringList& types);

// Whether the triggers whose name starts with `prefix` are exactly `wanted` (name, CREATE TRIGGER):
// none missing, none changed, none more.
Result<bool> hasExactlyTriggers(Connection& c, const QString& prefix, const QList<QPair<QString, QString>>& wanted);

} // namespace adm::store
