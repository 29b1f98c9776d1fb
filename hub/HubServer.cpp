#include "HubServer.h"

#include "HubContext.h"
#include "HubLog.h"
#include "SessionStore.h"
#include "domain/JsonCodec.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>

namespace adm::hub {

namespace {

// Per-socket bookkeeping of the body guard, kept as dynamic properties of the socket.
constexpr char kSeenProperty[] = "admissionsBytesSeen";
constexpr char kHeadProperty[] = "admissionsHead";
constexpr qint64 kHeadLimit = 16384;
constexpr qint64 kHeaderAllowance = 65536;

QString methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    default:
        return QStringLiteral("OTHER");
    }
}

// The Content-Length of a request head, -1 when absent or unreadable.
qint64 contentLengthOf(const QByteArray& head)
{
    const QByteArray lower = head.toLower();
    const qsizetype at = lower.indexOf("\r\ncontent-length:");
    if (at < 0)
        return -1;
    const qsizetype start = at + 17;
    const qsizetype end = lower.indexOf("\r\n", start);
    bool ok = false;
    const qint64 n = lower.mid(start, end < 0 ? -1 : end - start).trimmed().toLongLong(&ok);
    return ok ? n : -1;
}

// "POST /api/v1/decisions" from a request head, without the query.
QPair<QString, QString> requestLineOf(const QByteArray& head)
{
    const QList<QByteArray> parts = head.left(head.indexOf("\r\n")).split(' ');
    if (parts.size() < 2)
        return {QStringLiteral("?"), QStringLiteral("?")};
    QByteArray path = parts.at(1);
    if (const qsizetype q = path.indexOf('?'); q >= 0)
        path = path.left(q) + "?…";
    return {QString::fromLatin1(parts.at(0).left(16)), QString::fromLatin1(path.left(200))};
}

} // namespace

HubServer::HubServer(HubContext& context, FaultInjector faults, QObject* parent)
    : QAbstractHttpServer(parent)
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
    // Our own QSslServer, so that each socket gets the body guard before Qt's HTTP parser sees it.
    m_tls = new QSslServer(this);
    m_tls->setSslConfiguration(tls);
    m_tls->setHandshakeTimeout(10000);
    connect(m_tls, &QSslServer::startedEncryptionHandshake, this, &HubServer::guard);
    connect(m_tls, &QSslServer::errorOccurred, this, [](QSslSocket* socket, QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError)
            qCInfo(lcHub).noquote() << "TLS connection refused from" << socket->peerAddress().toString() << "-"
                                    << socket->errorString();
    });
    if (!m_tls->listen(address, port))
        return Error{
            QStringLiteral("listen_failed"),
            QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(m_tls->errorString())};
    bind(m_tls);
    return m_tls->serverPort();
}

void HubServer::guard(QSslSocket* socket)
{
    socket->setProperty(kSeenProperty, qint64(0));
    socket->setProperty(kHeadProperty, QByteArray());
    // Connected before Qt's own readyRead handler (which is connected once the handshake is done),
    // so this sees each chunk first and may stop the parser from ever buffering a huge body.
    connect(socket, &QIODevice::readyRead, socket, [this, socket] {
        const qint64 max = m_context.options.maxBodyBytes;
        const qint64 available = socket->bytesAvailable();
        const qint64 seen = socket->property(kSeenProperty).toLongLong() + available;
        socket->setProperty(kSeenProperty, seen);
        QByteArray head = socket->property(kHeadProperty).toByteArray();
        if (head.size() < kHeadLimit && !head.contains("\r\n\r\n")) {
            head += socket->peek(std::min<qint64>(available, kHeadLimit - head.size()));
            socket->setProperty(kHeadProperty, head);
        }
        const bool headComplete = head.contains("\r\n\r\n");
        const qint64 declared = headComplete ? contentLengthOf(head) : -1;
        // A head that does not end within 16 KiB is refused as well: without it the guard could not
        // read the Content-Length, and Qt would reserve whatever that claimed.
        if (declared > max || seen > max + kHeaderAllowance || (!headComplete && head.size() >= kHeadLimit))
            refuseOversized(socket, head, declared);
    });
}

void HubServer::refuseOversized(QTcpSocket* socket, const QByteArray& head, qint64 contentLength)
{
    QElapsedTimer timer;
    timer.start();
    // Qt's parser must not see the rest of this request: it would buffer all of it.
    disconnect(socket, &QIODevice::readyRead, nullptr, nullptr);
    (void)socket->readAll();
    const bool headTooLong = !head.contains("\r\n\r\n");
    HttpReply reply =
        headTooLong ? HttpReply::error(431, QStringLiteral("headers_too_large"),
                                       QStringLiteral("the request head is longer than %1 bytes").arg(kHeadLimit))
                    : HttpReply::error(413, QStringLiteral("body_too_large"),
                                       QStringLiteral("the request body is larger than %1 bytes; send less at once")
                                           .arg(m_context.options.maxBodyBytes));
    socket->write(reply.serialize(true));
    const auto [method, path] = requestLineOf(head);
    logRequest(method, path, reply.status, timer, QString(), {});
    // Read and drop the rest of the body, so that the client reads the 413 rather than a reset,
    // then close. Whatever happens, the connection goes within five seconds.
    auto remaining = std::make_shared<qint64>(contentLength > 0 ? contentLength : 64LL * 1024 * 1024);
    connect(socket, &QIODevice::readyRead, socket, [socket, remaining] {
        *remaining -= socket->readAll().size();
        if (*remaining <= 0)
            socket->disconnectFromHost();
    });
    QTimer::singleShot(5000, socket, [socket] { socket->disconnectFromHost(); });
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

bool HubServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    QElapsedTimer timer;
    timer.start();
    ++m_requests;
    socket->setProperty(kSeenProperty, qint64(0));
    socket->setProperty(kHeadProperty, QByteArray());

    HttpRequest r;
    r.method = methodName(request.method());
    r.path = request.url().path();
    r.query = request.query();
    r.body = request.body();
    r.authorization = request.value(QByteArrayLiteral("authorization"));
    r.closeAfter = request.value(QByteArrayLiteral("connection")).toLower() == "close";

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
    } else if (r.body.size() > m_context.options.maxBodyBytes) {
        reply = HttpReply::error(413, QStringLiteral("body_too_large"),
                                 QStringLiteral("the request body is larger than %1 bytes; send less at once")
                                     .arg(m_context.options.maxBodyBytes));
    } else {
        if (r.endpoint != QLatin1String("health"))
            plan = m_faults.plan(r.endpoint);
        if (plan.dropBefore) {
            logRequest(r.method, r.pathForLog(), 0, timer, account, plan.names);
            socket->abort();
            return true;
        }
        if (plan.hang) {
            logRequest(r.method, r.pathForLog(), 0, timer, account, plan.names);
            QTimer::singleShot(plan.hangMs, socket, [socket] { socket->abort(); });
            return true;
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
    finish(socket, r, std::move(reply), plan, timer, account);
    return true;
}

void HubServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    // handleRequest answers everything; this is here because the base class demands it.
    socket->write(
        HttpReply::error(404, QStringLiteral("not_found"), QStringLiteral("no such endpoint")).serialize(false));
    Q_UNUSED(request);
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

void HubServer::finish(QTcpSocket* socket, const HttpRequest& r, HttpReply reply, const FaultInjector::Plan& plan,
                       const QElapsedTimer& timer, const QString& account)
{
    if (plan.dropAfter) {
        // The handler ran (and committed, if it changes state); the client never hears of it.
        logRequest(r.method, r.pathForLog(), 0, timer, account, plan.names);
        socket->abort();
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
    auto send = [this, socket, wire, close, status, method, path, timer, account, names = plan.names] {
        socket->write(wire);
        if (close)
            socket->disconnectFromHost();
        logRequest(method, path, status, timer, account, names);
    };
    if (plan.delayMs > 0)
        QTimer::singleShot(plan.delayMs, socket, send); // dropped with the socket if the client gives up
    else
        send();
}

void HubServer::logRequest(const QString& method, const QString& path, int status, const QElapsedTimer& timer,
                           const QString& account, const QStringList& faults)
{
    // One line per request: method, path without query values, status (0: no answer), time,
    // account. Never a body, a query value or anything personal.
    QString line = QStringLiteral("%1 %2 %3 %4ms account=%5")
                       .arg(method, path)
                       .arg(status)
                       .arg(timer.elapsed())
                       .arg(account.isEmpty() ? QStringLiteral("-") : account);
    if (!faults.isEmpty())
        line += QStringLiteral(" fault=") + faults.join(u'+');
    qCInfo(lcHub).noquote() << line;
}

} // namespace adm::hub
