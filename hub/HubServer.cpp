#include "HubServer.h"

#include "HttpConnection.h"
#include "HubContext.h"
#include "HubLog.h"
#include "SessionStore.h"
#include "domain/JsonCodec.h"

#include <QDateTime>
#include <QTcpSocket>
#include <QTimer>

namespace adm::hub {

HubServer::HubServer(HubContext& context, FaultInjector faults, QObject* parent)
    : QTcpServer(parent)
    , m_context(context)
    , m_faults(std::move(faults))
    , m_sessionsApi(context)
    , m_changesApi(context)
    , m_decisionsApi(context)
    , m_applicationsApi(context)
    , m_signingApi(context)
    , m_batchesApi(context)
    , m_auditApi(context)
    , m_agencyApi(context)
    , m_adminApi(context)
{}

HubServer::~HubServer() = default;

Result<quint16> HubServer::start(const QHostAddress& address, quint16 port, const QSslConfiguration& tls)
{
    m_tls = tls;
    if (!listen(address, port))
        return Error{QStringLiteral("listen_failed"),
                     QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(errorString())};
    return serverPort();
}

void HubServer::incomingConnection(qintptr descriptor)
{
    if (m_open >= m_context.options.maxConnections) {
        // Closed at once, before any TLS work: a crowd of stalled clients costs a descriptor each
        // until their idle timeout, nothing more, and those already in are served.
        QTcpSocket refused;
        if (refused.setSocketDescriptor(descriptor))
            refused.abort();
        ++m_turnedAway;
        if (!m_lastTurnedAwayLog.isValid() || m_lastTurnedAwayLog.elapsed() > 10000) {
            qCWarning(lcHub).noquote() << QStringLiteral("%1 open connections (--max-connections): closed %2 new ones")
                                              .arg(m_open)
                                              .arg(m_turnedAway);
            m_turnedAway = 0;
            m_lastTurnedAwayLog.start();
        }
        return;
    }
    const HttpConnection::Limits limits{m_context.options.maxBodyBytes, m_context.options.idleTimeoutSeconds * 1000};
    auto* connection = new HttpConnection(descriptor, m_tls, limits, this);
    if (!connection->isOpen()) {
        delete connection;
        return;
    }
    ++m_open;
    connect(connection, &HttpConnection::requestReceived, this,
            [this, connection](const HttpRequest& request) { handle(connection, request); });
    connect(connection, &HttpConnection::refused, this, [this](const QString& method, const QString& path, int status) {
        logRequest(method, path, status, 0, QString(), {});
    });
    connect(connection, &HttpConnection::handshakeFailed, this,
            [](const QString& why) { qCInfo(lcHub).noquote() << "TLS connection refused:" << why; });
    connect(connection, &HttpConnection::closed, this, [this, connection] {
        --m_open;
        connection->deleteLater();
    });
}

HubServer::Route HubServer::resolve(HttpRequest& r)
{
    struct Entry {
        const char* method;
        const char* path;
        const char* endpoint;
    };
    static const Entry routes[] = {
        {"POST", "/api/v1/sessions", "sessions"},   {"GET", "/api/v1/changes", "changes"},
        {"POST", "/api/v1/decisions", "decisions"}, {"POST", "/api/v1/applications", "applications"},
        {"POST", "/api/v1/batches", "batches"},     {"POST", "/api/v1/audit", "audit"},
        {"GET", "/api/v1/agency/lookup", "agency"}, {"GET", "/api/v1/admin/stats", "stats"},
        {"GET", "/api/v1/health", "health"},
    };
    static const QString signingPrefix = QStringLiteral("/api/v1/signing-keys/");
    if (r.path.startsWith(signingPrefix) && r.path.size() > signingPrefix.size()) {
        r.endpoint = QStringLiteral("signing-keys");
        r.pathArgument = r.path.mid(signingPrefix.size());
        return r.method == QLatin1String("PUT") ? Route::Found : Route::WrongMethod;
    }
    for (const Entry& e : routes) {
        if (r.path == QLatin1String(e.path)) {
            r.endpoint = QLatin1String(e.endpoint);
            return r.method == QLatin1String(e.method) ? Route::Found : Route::WrongMethod;
        }
    }
    return Route::NotFound;
}

void HubServer::handle(HttpConnection* connection, HttpRequest r)
{
    QElapsedTimer timer;
    timer.start();
    ++m_requests;

    FaultInjector::Plan plan;
    const Route route = resolve(r);
    HttpReply reply;
    QString account;
    if (route == Route::NotFound) {
        reply = HttpReply::error(404, QStringLiteral("not_found"),
                                 QStringLiteral("no such endpoint: %1").arg(r.path.left(200)));
    } else if (route == Route::WrongMethod) {
        reply = HttpReply::error(405, QStringLiteral("method_not_allowed"),
                                 QStringLiteral("%1 is not allowed on %2").arg(r.method, r.path.left(200)));
    } else {
        if (r.endpoint != QLatin1String("health"))
            plan = m_faults.plan(r.endpoint);
        if (plan.dropBefore) {
            logRequest(r.method, r.pathForLog(), 0, timer.elapsed(), account, plan.names);
            connection->abort();
            return;
        }
        if (plan.hang) {
            logRequest(r.method, r.pathForLog(), 0, timer.elapsed(), account, plan.names);
            QTimer::singleShot(plan.hangMs, connection, [connection] { connection->abort(); });
            return;
        }
        if (plan.status) {
            reply = HttpReply::error(plan.status,
                                     plan.status == 429 ? QStringLiteral("too_many_requests")
                                                        : QStringLiteral("injected_fault"),
                                     QStringLiteral("an injected fault (--faults); try again"));
            if (plan.retryAfter >= 0)
                reply.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(plan.retryAfter)});
        } else {
            reply = dispatch(r, &account);
        }
    }
    finish(connection, r, std::move(reply), plan, timer, account);
}

HttpReply HubServer::dispatch(HttpRequest& r, QString* account)
{
    if (r.endpoint == QLatin1String("health"))
        return HttpReply::json(
            QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                        {QStringLiteral("server_time"), json::formatTime(QDateTime::currentDateTimeUtc())}});
    if (r.endpoint == QLatin1String("sessions"))
        return m_sessionsApi.create(r, account);

    const QByteArray auth = r.authorization.trimmed();
    if (auth.isEmpty())
        return HttpReply::error(401, QStringLiteral("missing_token"),
                                QStringLiteral("sign in first: send Authorization: Bearer <token>"));
    if (!auth.startsWith("Bearer ") && !auth.startsWith("bearer "))
        return HttpReply::error(401, QStringLiteral("missing_token"),
                                QStringLiteral("the Authorization header must be Bearer <token>"));
    const auto session = m_context.sessions.find(auth.mid(7).trimmed());
    if (!session)
        return HttpReply::error(401, QStringLiteral("invalid_token"),
                                QStringLiteral("the token is unknown or expired; sign in again"));
    *account = session->account.id;

    if (r.endpoint == QLatin1String("changes"))
        return m_changesApi.pull(r, *session);
    if (r.endpoint == QLatin1String("decisions"))
        return m_decisionsApi.push(r, *session);
    if (r.endpoint == QLatin1String("applications"))
        return m_applicationsApi.push(r, *session);
    if (r.endpoint == QLatin1String("signing-keys"))
        return m_signingApi.putKey(r, *session);
    if (r.endpoint == QLatin1String("batches"))
        return m_batchesApi.push(r, *session);
    if (r.endpoint == QLatin1String("audit"))
        return m_auditApi.push(r, *session);
    if (r.endpoint == QLatin1String("agency"))
        return m_agencyApi.lookup(r, *session);
    if (r.endpoint == QLatin1String("stats"))
        return m_adminApi.stats(r, *session);
    return HttpReply::error(404, QStringLiteral("not_found"), QStringLiteral("no such endpoint"));
}

void HubServer::finish(HttpConnection* connection, const HttpRequest& r, HttpReply reply,
                       const FaultInjector::Plan& plan, const QElapsedTimer& timer, const QString& account)
{
    if (plan.dropAfter) {
        // The handler ran (and committed, if it changes state); the client never hears of it.
        logRequest(r.method, r.pathForLog(), 0, timer.elapsed(), account, plan.names);
        connection->abort();
        return;
    }
    if (plan.invalidJson) {
        reply.body = reply.body.left(std::max<qsizetype>(1, reply.body.size() / 2)) + "\x01}{,]";
    }
    const bool close = r.closeAfter || plan.truncate;
    QByteArray wire = reply.serialize(close);
    if (plan.truncate) {
        const qsizetype headerLength = wire.size() - reply.body.size();
        wire.truncate(headerLength + reply.body.size() / 2);
    }
    const int status = reply.status;
    const QString method = r.method;
    const QString path = r.pathForLog();
    auto send = [this, connection, wire, close, status, method, path, timer, account, names = plan.names] {
        connection->reply(wire, close);
        logRequest(method, path, status, timer.elapsed(), account, names);
    };
    if (plan.delayMs > 0)
        QTimer::singleShot(plan.delayMs, connection, send); // dropped with the connection if the client goes
    else
        send();
}

void HubServer::logRequest(const QString& method, const QString& path, int status, qint64 ms, const QString& account,
                           const QStringList& faults)
{
    // One line per request: method, path without query values, status (0: no answer), time,
    // account. Never a body, a query value or anything personal.
    QString line = QStringLiteral("%1 %2 %3 %4ms account=%5")
                       .arg(method, path)
                       .arg(status)
                       .arg(ms)
                       .arg(account.isEmpty() ? QStringLiteral("-") : account);
    if (!faults.isEmpty())
        line += QStringLiteral(" fault=") + faults.join(u'+');
    qCInfo(lcHub).noquote() << line;
}

} // namespace adm::hub
