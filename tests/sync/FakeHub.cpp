#include "FakeHub.h"

#include "TestSupport.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QMutexLocker>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + u'Z';
}

QJsonObject error(const QString& code, const QString& message)
{
    return QJsonObject{
        {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}};
}

struct Response {
    int status = 200;
    QJsonObject body;
    int retryAfter = -1;
};

} // namespace

struct FakeHub::State {
    struct Item {
        QString entity;
        QString id;
        qint64 version = 0;
        QJsonObject data;
        bool deleted = false;
        qint64 seq = 0;
    };

    mutable QMutex mutex;
    QList<QJsonObject> log; // seq = index + 1
    QHash<QString, Item> items;
    int cursorEpoch = 1;
    QHash<QString, QString> passwords;
    QHash<QString, QString> roles;
    QHash<QString, QString> tokens; // token → account
    QHash<QString, QJsonObject> outcomes;
    QMap<QString, int> applied;
    QList<QJsonObject> audit;
    QMap<QString, QJsonObject> keys;
    QMap<QString, QJsonObject> counterApps;
    int batches = 0;
    int nextCounter = 1;
    QList<FaultRule> faults;
    QList<Logged> logged;
    int connections = 0;

    static QString key(const QString& entity, const QString& id) { return entity + u'/' + id; }

    void append(const QString& entity, const QString& id, const QJsonObject& data, bool deleted)
    {
        Item& item = items[key(entity, id)];
        item.entity = entity;
        item.id = id;
        item.version = std::max<qint64>(item.version + 1, data.value(QStringLiteral("version")).toInteger());
        item.deleted = deleted;
        item.seq = log.size() + 1;
        QJsonObject change{{QStringLiteral("seq"), item.seq},
                           {QStringLiteral("entity"), entity},
                           {QStringLiteral("op"), deleted ? QStringLiteral("delete") : QStringLiteral("upsert")},
                           {QStringLiteral("id"), id},
                           {QStringLiteral("version"), item.version}};
        if (!deleted) {
            item.data = data;
            item.data.insert(QStringLiteral("version"), item.version);
            change.insert(QStringLiteral("data"), item.data);
        }
        log.append(change);
    }

    // Cursors: "c<epoch>.<seq>" follows the log; "f<epoch>.<start>.<pos>" is a full pull that sends
    // the latest state of each entity (and the deletes that happen while it runs).
    Response changes(const QUrlQuery& query)
    {
        const QString after = query.queryItemValue(QStringLiteral("after"));
        const int limit = std::clamp(query.queryItemValue(QStringLiteral("limit")).toInt(), 1, 5000);
        bool full = after.isEmpty();
        qint64 start = log.size(), pos = 0;
        if (!after.isEmpty()) {
            const QStringList parts = after.mid(1).split(u'.');
            if ((after.startsWith(u'c') && parts.size() != 2) || (after.startsWith(u'f') && parts.size() != 3) ||
                !(after.startsWith(u'c') || after.startsWith(u'f')))
                return {400, error(QStringLiteral("bad_cursor"), QStringLiteral("after: not a cursor"))};
            if (parts.first().toInt() != cursorEpoch)
                return {410, error(QStringLiteral("cursor_expired"), QStringLiteral("start again with a full pull"))};
            full = after.startsWith(u'f');
            if (full) {
                start = parts.at(1).toLongLong();
                pos = parts.at(2).toLongLong();
            } else {
                pos = parts.at(1).toLongLong();
            }
        }
        QJsonArray out;
        qint64 scanned = pos;
        while (scanned < log.size() && out.size() < limit) {
            const QJsonObject& c = log.at(scanned);
            ++scanned;
            if (full) {
                const Item& item = items.value(
                    key(c.value(QStringLiteral("entity")).toString(), c.value(QStringLiteral("id")).toString()));
                if (item.seq != scanned)
                    continue; // a later change of this entity comes further on
                if (item.deleted && scanned <= start)
                    continue; // gone before this pull began
            }
            out.append(c);
        }
        const bool more = scanned < log.size();
        const QString cursor = full && more ? QStringLiteral("f%1.%2.%3").arg(cursorEpoch).arg(start).arg(scanned)
                                            : QStringLiteral("c%1.%2").arg(cursorEpoch).arg(scanned);
        return {200, QJsonObject{{QStringLiteral("changes"), out},
                                 {QStringLiteral("cursor"), cursor},
                                 {QStringLiteral("has_more"), more},
                                 {QStringLiteral("server_time"), now()}}};
    }

    QJsonObject remember(const QString& idempotencyKey, QJsonObject result, bool changedState)
    {
        result.insert(QStringLiteral("idempotency_key"), idempotencyKey);
        outcomes.insert(idempotencyKey, result);
        applied[idempotencyKey] += changedState ? 1 : 0;
        return result;
    }

    std::optional<QJsonObject> replay(const QString& idempotencyKey)
    {
        if (!outcomes.contains(idempotencyKey))
            return std::nullopt;
        QJsonObject r = outcomes.value(idempotencyKey);
        r.insert(QStringLiteral("original_status"), r.value(QStringLiteral("status")));
        r.insert(QStringLiteral("status"), QStringLiteral("duplicate"));
        return r;
    }

    QJsonObject decide(const QJsonObject& d, const QString& account)
    {
        const QString k = d.value(QStringLiteral("idempotency_key")).toString();
        if (auto r = replay(k))
            return *r;
        const QString id = d.value(QStringLiteral("application_id")).toString();
        auto it = items.find(key(QStringLiteral("application"), id));
        if (it == items.end() || it->deleted)
            return remember(k,
                            {{QStringLiteral("status"), QStringLiteral("invalid")},
                             {QStringLiteral("code"), QStringLiteral("not_found")},
                             {QStringLiteral("message"), QStringLiteral("application_id: no such application")}},
                            false);
        if (d.value(QStringLiteral("base_version")).toInteger() != it->version)
            return remember(k,
                            {{QStringLiteral("status"), QStringLiteral("conflict")},
                             {QStringLiteral("id"), id},
                             {QStringLiteral("version"), it->version},
                             {QStringLiteral("code"), QStringLiteral("version_mismatch")},
                             {QStringLiteral("message"), QStringLiteral("the application changed upstream")}},
                            false);
        const QString outcome = d.value(QStringLiteral("outcome")).toString();
        QJsonObject data = it->data;
        data.insert(QStringLiteral("status"), outcome == QLatin1String("approve")  ? QStringLiteral("approved")
                                              : outcome == QLatin1String("reject") ? QStringLiteral("rejected")
                                                                                   : QStringLiteral("info_requested"));
        data.insert(QStringLiteral("decision"),
                    QJsonObject{{QStringLiteral("outcome"), outcome},
                                {QStringLiteral("category"), d.value(QStringLiteral("category"))},
                                {QStringLiteral("reason_code"), d.value(QStringLiteral("reason_code"))},
                                {QStringLiteral("note"), d.value(QStringLiteral("note"))},
                                {QStringLiteral("decided_by"), account},
                                {QStringLiteral("decided_at"), d.value(QStringLiteral("decided_at"))},
                                {QStringLiteral("batch_id"), QJsonValue::Null},
                                {QStringLiteral("signed"), false}});
        append(QStringLiteral("application"), id, data, false);
        return remember(k,
                        {{QStringLiteral("status"), QStringLiteral("accepted")},
                         {QStringLiteral("id"), id},
                         {QStringLiteral("version"), items.value(key(QStringLiteral("application"), id)).version}},
                        true);
    }

    QJsonObject counterApplication(const QJsonObject& a)
    {
        const QString k = a.value(QStringLiteral("idempotency_key")).toString();
        if (auto r = replay(k))
            return *r;
        const QString child = a.value(QStringLiteral("child")).toObject().value(QStringLiteral("id_number")).toString();
        for (const Item& item : std::as_const(items)) {
            if (item.entity == QLatin1String("application") && !item.deleted &&
                item.data.value(QStringLiteral("child")).toObject().value(QStringLiteral("id_number")).toString() ==
                    child)
                return remember(k,
                                {{QStringLiteral("status"), QStringLiteral("conflict")},
                                 {QStringLiteral("id"), item.id},
                                 {QStringLiteral("code"), QStringLiteral("duplicate_child")},
                                 {QStringLiteral("message"), QStringLiteral("this child already has an application")}},
                                false);
        }
        const QString id = QStringLiteral("A2026C%1").arg(nextCounter++, 5, 10, QLatin1Char('0'));
        QJsonObject data = a;
        for (const char* drop : {"idempotency_key", "client_ref", "paper_evidence"})
            data.remove(QLatin1String(drop));
        data.insert(QStringLiteral("id"), id);
        data.insert(QStringLiteral("status"), QStringLiteral("submitted"));
        data.insert(QStringLiteral("channel"), QStringLiteral("counter"));
        data.insert(QStringLiteral("decision"), QJsonValue::Null);
        append(QStringLiteral("application"), id, data, false);
        counterApps.insert(a.value(QStringLiteral("client_ref")).toString(), data);
        return remember(k,
                        {{QStringLiteral("status"), QStringLiteral("accepted")},
                         {QStringLiteral("id"), id},
                         {QStringLiteral("version"), 1}},
                        true);
    }

    QJsonObject auditEntry(const QJsonObject& e)
    {
        const QString k = e.value(QStringLiteral("idempotency_key")).toString();
        if (auto r = replay(k))
            return *r;
        const qint64 seq = e.value(QStringLiteral("seq")).toInteger();
        const QString prev = audit.isEmpty() ? QString() : audit.last().value(QStringLiteral("hash")).toString();
        if (seq != audit.size() + 1 || e.value(QStringLiteral("prev_hash")).toString() != prev)
            return QJsonObject{
                {QStringLiteral("idempotency_key"), k},
                {QStringLiteral("status"), QStringLiteral("invalid")},
                {QStringLiteral("code"), QStringLiteral("chain_broken")},
                {QStringLiteral("message"), QStringLiteral("seq %1 does not follow %2").arg(seq).arg(audit.size())}};
        audit.append(e);
        return remember(k, {{QStringLiteral("status"), QStringLiteral("accepted")}}, true);
    }

    Response handle(const QByteArray& method, const QString& path, const QUrlQuery& query,
                    const QHash<QByteArray, QByteArray>& headers, const QByteArray& body)
    {
        QJsonParseError parseError;
        const QJsonObject in = QJsonDocument::fromJson(body, &parseError).object();
        if (method != "GET" && parseError.error != QJsonParseError::NoError)
            return {400, error(QStringLiteral("bad_json"), parseError.errorString())};
        if (method == "POST" && path == QLatin1String("/api/v1/sessions")) {
            const QString account = in.value(QStringLiteral("account")).toString();
            if (!passwords.contains(account) ||
                passwords.value(account) != in.value(QStringLiteral("password")).toString())
                return {401, error(QStringLiteral("bad_credentials"), QStringLiteral("wrong account or password"))};
            const QString token = QUuid::createUuid().toString(QUuid::Id128);
            tokens.insert(token, account);
            return {200, QJsonObject{
                             {QStringLiteral("token"), token},
                             {QStringLiteral("expires_at"), QStringLiteral("2099-01-01T00:00:00Z")},
                             {QStringLiteral("account"),
                              QJsonObject{{QStringLiteral("id"), account},
                                          {QStringLiteral("display_name"), QStringLiteral("测试")},
                                          {QStringLiteral("roles"), QJsonArray{roles.value(account)}},
                                          {QStringLiteral("district_code"), QStringLiteral("371102")},
                                          {QStringLiteral("school_ids"), QJsonArray{QStringLiteral("S371102001")}}}}}};
        }
        const QByteArray auth = headers.value("authorization");
        const QString account = tokens.value(QString::fromLatin1(auth.mid(7)));
        if (!auth.startsWith("Bearer ") || account.isEmpty())
            return {401, error(QStringLiteral("unauthorized"), QStringLiteral("sign in first"))};
        if (method == "GET" && path == QLatin1String("/api/v1/changes"))
            return changes(query);
        auto list = [&](const char* name, auto&& each) -> Response {
            const QJsonValue v = in.value(QLatin1String(name));
            if (!v.isArray())
                return {422, error(QStringLiteral("invalid_input"),
                                   QStringLiteral("%1: must be a list").arg(QLatin1String(name)))};
            QJsonArray results;
            for (const QJsonValue& item : v.toArray())
                results.append(each(item.toObject()));
            return {200, QJsonObject{{QStringLiteral("results"), results}}};
        };
        if (method == "POST" && path == QLatin1String("/api/v1/decisions"))
            return list("decisions", [&](const QJsonObject& d) { return decide(d, account); });
        if (method == "POST" && path == QLatin1String("/api/v1/applications"))
            return list("applications", [&](const QJsonObject& a) { return counterApplication(a); });
        if (method == "POST" && path == QLatin1String("/api/v1/audit"))
            return list("entries", [&](const QJsonObject& e) { return auditEntry(e); });
        if (method == "POST" && path == QLatin1String("/api/v1/batches"))
            return list("batches", [&](const QJsonObject& b) {
                const QString k = b.value(QStringLiteral("idempotency_key")).toString();
                if (auto r = replay(k))
                    return *r;
                ++batches;
                return remember(k, {{QStringLiteral("status"), QStringLiteral("accepted")}}, true);
            });
        if (method == "PUT" && path.startsWith(QLatin1String("/api/v1/signing-keys/"))) {
            const QString id = path.mid(QStringLiteral("/api/v1/signing-keys/").size());
            const QString k = in.value(QStringLiteral("idempotency_key")).toString();
            if (!keys.contains(id))
                applied[k] += 1;
            keys.insert(id, in);
            return {200,
                    QJsonObject{{QStringLiteral("status"), QStringLiteral("accepted")}, {QStringLiteral("id"), id}}};
        }
        return {404, error(QStringLiteral("not_found"), path)};
    }
};

// The HTTP/1.1 side: one request per connection ("Connection: close"), faults applied around
// State::handle. Lives in the hub's thread.
class FakeHub::Server : public QTcpServer {
public:
    Server(State& state, const QSslConfiguration& ssl, bool plain)
        : m_state(state)
        , m_ssl(ssl)
        , m_plain(plain)
    {}

protected:
    void incomingConnection(qintptr descriptor) override
    {
        QTcpSocket* socket = nullptr;
        if (m_plain) {
            socket = new QTcpSocket(this);
            socket->setSocketDescriptor(descriptor);
        } else {
            auto* ssl = new QSslSocket(this);
            ssl->setSslConfiguration(m_ssl);
            ssl->setSocketDescriptor(descriptor);
            ssl->startServerEncryption();
            socket = ssl;
        }
        {
            QMutexLocker lock(&m_state.mutex);
            ++m_state.connections;
        }
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }

private:
    static QByteArray reason(int status)
    {
        switch (status) {
        case 200:
            return "OK";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 404:
            return "Not Found";
        case 409:
            return "Conflict";
        case 410:
            return "Gone";
        case 413:
            return "Payload Too Large";
        case 422:
            return "Unprocessable Entity";
        case 429:
            return "Too Many Requests";
        case 500:
            return "Internal Server Error";
        case 503:
            return "Service Unavailable";
        default:
            return "Status";
        }
    }

    static QByteArray head(int status, qint64 length, int retryAfter)
    {
        QByteArray h = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) +
                       "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(length) +
                       "\r\nConnection: close\r\n";
        if (retryAfter >= 0)
            h += "Retry-After: " + QByteArray::number(retryAfter) + "\r\n";
        return h + "\r\n";
    }

    static void send(QTcpSocket* s, int status, const QByteArray& body, int retryAfter = -1)
    {
        s->write(head(status, body.size(), retryAfter) + body);
        s->disconnectFromHost();
    }

    void onRead(QTcpSocket* s)
    {
        QByteArray& buf = m_buffers[s];
        buf += s->readAll();
        const qsizetype end = buf.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buf.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        QHash<QByteArray, QByteArray> headers;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qint64 length = headers.value("content-length").toLongLong();
        if (buf.size() < end + 4 + length)
            return;
        const QByteArray body = buf.mid(end + 4, length);
        m_buffers.remove(s);
        if (requestLine.size() < 2)
            return send(s, 400, QJsonDocument(error(QStringLiteral("bad_request"), QString())).toJson());
        const QByteArray method = requestLine.at(0);
        const QUrl target(QString::fromLatin1(requestLine.at(1)));
        const QString path = target.path();
        const QUrlQuery query(target);

        QMutexLocker lock(&m_state.mutex);
        std::optional<FaultRule> fault;
        for (FaultRule& rule : m_state.faults) {
            if (rule.count > 0 && (rule.method.isEmpty() || rule.method == method) && path.startsWith(rule.path)) {
                if (rule.after > 0) {
                    --rule.after;
                    continue;
                }
                --rule.count;
                fault = rule;
                break;
            }
        }
        Logged entry{method, path, 0, QString()};
        if (fault) {
            entry.fault = QString::number(int(fault->kind));
            if (fault->kind == Fault::DropBeforeReply) {
                m_state.logged.append(entry);
                s->abort();
                return;
            }
            if (fault->kind == Fault::Hang) {
                m_state.logged.append(entry);
                return; // the client gives up; the socket goes when it does
            }
            if (fault->kind == Fault::Status) {
                entry.status = fault->status;
                m_state.logged.append(entry);
                return send(
                    s, fault->status,
                    QJsonDocument(error(fault->code, QStringLiteral("injected fault"))).toJson(QJsonDocument::Compact),
                    fault->retryAfterSeconds);
            }
        }
        const Response r = m_state.handle(method, path, query, headers, body);
        entry.status = r.status;
        m_state.logged.append(entry);
        const QByteArray out = QJsonDocument(r.body).toJson(QJsonDocument::Compact);
        if (!fault)
            return send(s, r.status, out, r.retryAfter);
        switch (fault->kind) {
        case Fault::DropAfterCommit:
            s->abort();
            return;
        case Fault::Truncate:
            s->write(head(r.status, out.size(), -1) + out.left(out.size() / 2));
            s->disconnectFromHost();
            return;
        case Fault::InvalidJson:
            return send(s, 200, QByteArray("{\"results\": [{\"status\": \"acc"));
        case Fault::Slow:
            QTimer::singleShot(fault->delayMs, s, [s, status = r.status, out] { send(s, status, out); });
            return;
        default:
            return send(s, r.status, out, r.retryAfter);
        }
    }

    State& m_state;
    QSslConfiguration m_ssl;
    bool m_plain;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

FakeHub::FakeHub()
    : m_state(std::make_unique<State>())
{
    m_thread.setObjectName(QStringLiteral("fakehub"));
    m_thread.start();
}

FakeHub::~FakeHub()
{
    if (m_server)
        m_server->deleteLater(); // in its thread, as that thread finishes
    m_thread.quit();
    m_thread.wait();
}

bool FakeHub::start(const testpki::Identity& identity, bool plainHttp)
{
    m_plain = plainHttp;
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!plainHttp) {
        ssl.setLocalCertificate(QSslCertificate(identity.certPem, QSsl::Pem));
        ssl.setPrivateKey(QSslKey(identity.keyPem, QSsl::Ec, QSsl::Pem));
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        ssl.setProtocol(QSsl::TlsV1_2OrLater);
    }
    bool ok = false;
    // Made here, listening in the hub's thread.
    m_server = new Server(*m_state, ssl, plainHttp);
    m_server->moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        m_server,
        [&] {
            ok = m_server->listen(QHostAddress::LocalHost, 0);
            m_port = m_server->serverPort();
        },
        Qt::BlockingQueuedConnection);
    return ok;
}

QString FakeHub::url(const QString& host) const
{
    return QStringLiteral("%1://%2:%3/")
        .arg(m_plain ? QStringLiteral("http") : QStringLiteral("https"), host)
        .arg(m_port);
}

void FakeHub::addAccount(const QString& account, const QString& password, const QString& role)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->passwords.insert(account, password);
    m_state->roles.insert(account, role);
}

bool FakeHub::seedCity(int applications)
{
    const QList<QJsonObject> fixture = testsupport::fixtureChanges();
    if (fixture.isEmpty())
        return false; // fixtureChanges() said why
    QMutexLocker lock(&m_state->mutex);
    QJsonObject templateApp;
    int apps = 0;
    for (const QJsonObject& c : fixture) {
        const QString entity = c.value(QStringLiteral("entity")).toString();
        const QJsonObject data = c.value(QStringLiteral("data")).toObject();
        if (entity == QLatin1String("application")) {
            if (templateApp.isEmpty())
                templateApp = data;
            if (apps >= applications)
                continue;
            ++apps;
        }
        m_state->append(entity, c.value(QStringLiteral("id")).toString(), data, false);
    }
    for (int i = apps; i < applications; ++i) {
        QJsonObject a = templateApp;
        const QString id = QStringLiteral("A2026S%1").arg(i, 5, 10, QLatin1Char('0'));
        a.insert(QStringLiteral("id"), id);
        QJsonObject child = a.value(QStringLiteral("child")).toObject();
        child.insert(QStringLiteral("id_number"), QStringLiteral("3711022019%1").arg(i, 8, 10, QLatin1Char('0')));
        a.insert(QStringLiteral("child"), child);
        a.insert(QStringLiteral("version"), 1);
        m_state->append(QStringLiteral("application"), id, a, false);
    }
    return true;
}

bool FakeHub::loadBundle(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QMutexLocker lock(&m_state->mutex);
    while (!f.atEnd()) {
        const QJsonObject c = QJsonDocument::fromJson(f.readLine()).object();
        if (c.isEmpty())
            continue;
        m_state->append(c.value(QStringLiteral("entity")).toString(), c.value(QStringLiteral("id")).toString(),
                        c.value(QStringLiteral("data")).toObject(),
                        c.value(QStringLiteral("op")).toString() == QLatin1String("delete"));
    }
    return true;
}

void FakeHub::upsert(const QString& entity, const QString& id, QJsonObject data)
{
    QMutexLocker lock(&m_state->mutex);
    data.insert(QStringLiteral("id"), id);
    data.remove(QStringLiteral("version"));
    m_state->append(entity, id, data, false);
}

void FakeHub::remove(const QString& entity, const QString& id)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->append(entity, id, {}, true);
}

void FakeHub::withdraw(const QString& applicationId)
{
    QMutexLocker lock(&m_state->mutex);
    QJsonObject data = m_state->items.value(State::key(QStringLiteral("application"), applicationId)).data;
    data.insert(QStringLiteral("status"), QStringLiteral("withdrawn"));
    data.remove(QStringLiteral("version"));
    m_state->append(QStringLiteral("application"), applicationId, data, false);
}

QJsonObject FakeHub::entity(const QString& entity, const QString& id) const
{
    QMutexLocker lock(&m_state->mutex);
    const auto it = m_state->items.constFind(State::key(entity, id));
    return it == m_state->items.cend() || it->deleted ? QJsonObject() : it->data;
}

qint64 FakeHub::version(const QString& entity, const QString& id) const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->items.value(State::key(entity, id)).version;
}

int FakeHub::liveCount(const QString& entity) const
{
    return int(liveIds(entity).size());
}

QStringList FakeHub::liveIds(const QString& entity) const
{
    QMutexLocker lock(&m_state->mutex);
    QStringList out;
    for (const State::Item& item : std::as_const(m_state->items))
        if (item.entity == entity && !item.deleted)
            out += item.id;
    out.sort();
    return out;
}

qint64 FakeHub::lastSeq() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->log.size();
}

void FakeHub::expireCursors()
{
    QMutexLocker lock(&m_state->mutex);
    ++m_state->cursorEpoch;
}

void FakeHub::expireSessions()
{
    QMutexLocker lock(&m_state->mutex);
    m_state->tokens.clear();
}

void FakeHub::addFault(const FaultRule& rule)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->faults.append(rule);
}

void FakeHub::clearFaults()
{
    QMutexLocker lock(&m_state->mutex);
    m_state->faults.clear();
}

int FakeHub::unusedFaults() const
{
    QMutexLocker lock(&m_state->mutex);
    int n = 0;
    for (const FaultRule& r : m_state->faults)
        n += r.count;
    return n;
}

QList<FakeHub::Logged> FakeHub::log() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->logged;
}

void FakeHub::clearLog()
{
    QMutexLocker lock(&m_state->mutex);
    m_state->logged.clear();
}

int FakeHub::connections() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->connections;
}

QMap<QString, int> FakeHub::appliedCounts() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->applied;
}

QList<QJsonObject> FakeHub::auditEntries() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->audit;
}

QMap<QString, QJsonObject> FakeHub::counterApplications() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->counterApps;
}

QMap<QString, QJsonObject> FakeHub::signingKeys() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->keys;
}

int FakeHub::batchCount() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->batches;
}
