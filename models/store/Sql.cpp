#include "Sql.h"

#include <cstring>
#include <sqlite3.h>

namespace adm::store {

Error sqlError(const QString& code, sqlite3* db, const QString& context)
{
    const QString detail = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("no connection");
    return Error{code, context + QStringLiteral(": ") + detail};
}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db)
    , m_stmt(other.m_stmt)
{
    other.m_stmt = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = other.m_stmt;
        other.m_stmt = nullptr;
    }
    return *this;
}

Statement::~Statement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, const QString& value)
{
    if (value.isNull())
        return bindNull(index);
    return bindUtf8(index, value.toUtf8());
}

Statement& Statement::bindUtf8(int index, const QByteArray& utf8)
{
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, const QByteArray& value)
{
    sqlite3_bind_blob(m_stmt, index, value.constData(), int(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindSecretText(int index, const security::SecretBytes& secret)
{
    sqlite3_bind_text(m_stmt, index, secret.isEmpty() ? "" : secret.constData(), int(secret.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool Statement::step(Error* error)
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE && error)
        *error = sqlError(QStringLiteral("sql_step"), m_db, QStringLiteral("step"));
    return false;
}

Status Statement::run()
{
    Error error;
    while (true) {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            continue;
        const Status result =
            rc == SQLITE_DONE ? Status() : Status(sqlError(QStringLiteral("sql_step"), m_db, QStringLiteral("run")));
        sqlite3_reset(m_stmt);
        return result;
    }
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (!p)
        return {};
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::utf8(int column) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return p ? QByteArray(p, sqlite3_column_bytes(m_stmt, column)) : QByteArray();
}

QByteArray Statement::blob(int column) const
{
    const auto* p = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    return p ? QByteArray(p, sqlite3_column_bytes(m_stmt, column)) : QByteArray();
}

security::SecretBytes Statement::secret(int column) const
{
    const auto* p = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    return p ? security::SecretBytes(p, sqlite3_column_bytes(m_stmt, column)) : security::SecretBytes();
}

Result<std::unique_ptr<Connection>> Connection::open(const QString& path, Mode mode)
{
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    }
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error e = sqlError(QStringLiteral("open_failed"), db, QStringLiteral("open"));
        sqlite3_close(db);
        return e;
    }
    sqlite3_busy_timeout(db, 10000);
    return std::unique_ptr<Connection>(new Connection(db, path));
}

Connection::~Connection()
{
    sqlite3_close_v2(m_db);
}

Status Connection::exec(const QString& sql)
{
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK)
        return {};
    Error e{QStringLiteral("sql_exec"), QString::fromUtf8(message ? message : sqlite3_errmsg(m_db))};
    sqlite3_free(message);
    return e;
}

Result<Statement> Connection::prepare(const QString& sql)
{
    sqlite3_stmt* stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &stmt, nullptr) != SQLITE_OK)
        return sqlError(QStringLiteral("sql_prepare"), m_db, sql.left(80));
    return Statement(m_db, stmt);
}

Result<QVariant> Connection::scalar(const QString& sql)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    Error error;
    if (!stmt->step(&error)) {
        if (!error.code.isEmpty())
            return error;
        return QVariant();
    }
    if (stmt->isNull(0))
        return QVariant();
    return QVariant(stmt->text(0));
}

Status Connection::setRawKey(const security::SecretBytes& key32)
{
    if (key32.size() != 32)
        return Error{QStringLiteral("bad_key"), QStringLiteral("the data key must be 32 bytes")};
    // SQLCipher's raw-key form: x'<64 hex>' skips its own key derivation. Built in place in one
    // SecretBytes: no QByteArray temporaries of the hex (they used to outlive a fill() of a copy).
    security::SecretBytes literal(3 + 64);
    literal.data()[0] = 'x';
    literal.data()[1] = '\'';
    {
        const security::SecretBytes hex = key32.toHex();
        std::memcpy(literal.data() + 2, hex.constData(), 64);
    }
    literal.data()[66] = '\'';
    const int rc = sqlite3_key(m_db, literal.constData(), int(literal.size()));
    literal.clear();
    if (rc != SQLITE_OK)
        return sqlError(QStringLiteral("key_failed"), m_db, QStringLiteral("key"));
    return {};
}

QString Connection::lastErrorMessage() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

int Connection::lastErrorCode() const
{
    return sqlite3_errcode(m_db);
}

qint64 Connection::changes() const
{
    return sqlite3_changes(m_db);
}

Transaction::Transaction(Connection& connection)
    : m_connection(connection)
{
    m_begin = m_connection.exec(QStringLiteral("BEGIN IMMEDIATE"));
    m_open = m_begin.ok();
}

Transaction::~Transaction()
{
    if (m_open)
        (void)m_connection.exec(QStringLiteral("ROLLBACK"));
}

Status Transaction::commit()
{
    if (!m_open)
        return m_begin.ok() ? Status(Error{QStringLiteral("no_transaction"), QStringLiteral("not open")}) : m_begin;
    Status s = m_connection.exec(QStringLiteral("COMMIT"));
    if (s.ok())
        m_open = false;
    return s;
}

Result<QHash<QString, QString>> schemaObjects(Connection& c, const QString& prefix, const QStringList& types)
{
    QString escaped = prefix;
    escaped.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    QStringList placeholders;
    for (qsizetype i = 0; i < types.size(); ++i)
        placeholders << QStringLiteral("?");
    auto q =
        c.prepare(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type IN (%1) AND name LIKE ? ESCAPE '\\'")
                      .arg(placeholders.join(u',')));
    if (!q)
        return q.error();
    int at = 1;
    for (const QString& type : types)
        q->bind(at++, type);
    q->bind(at, escaped + u'%');
    QHash<QString, QString> out;
    Error error;
    while (q->step(&error))
        out.insert(q->text(0), q->text(1));
    if (!error.code.isEmpty())
        return error;
    return out;
}

Result<bool> hasExactlyTriggers(Connection& c, const QString& prefix, const QList<QPair<QString, QString>>& wanted)
{
    auto installed = schemaObjects(c, prefix, {QStringLiteral("trigger")});
    if (!installed)
        return installed.error();
    if (installed->size() != wanted.size())
        return false;
    for (const auto& [name, sql] : wanted)
        if (installed->value(name) != sql)
            return false;
    return true;
}

} // namespace adm::store
