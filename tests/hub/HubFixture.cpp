#include "HubFixture.h"

#include "TestSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkRequest>
#include <QSslSocket>
#include <QTimer>
#include <QUuid>
#include <functional>

QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

HubFixture::HubFixture(City city, int applications)
    : m_city(city)
    , m_applications(applications)
{
    options.listenAddress = QHostAddress::LocalHost;
    options.port = 0;
    options.passwordIterations = 1000; // tests sign in often; the default is for real use
    options.seed = 7;
}

HubFixture::~HubFixture()
{
    stop();
}

bool HubFixture::start()
{
    if (!m_dir.isValid())
        return false;
    options.dataDir = dataDir();
    if (m_city == City::Fixture) {
        const QString file = m_dir.path() + QStringLiteral("/fixture-city.jsonl");
        QFile f(file);
        if (!f.exists()) {
            const QList<QJsonObject> fixture = testsupport::fixtureChanges();
            if (fixture.isEmpty() || !f.open(QIODevice::WriteOnly))
                return false; // fixtureChanges() said why when they are missing
            for (const QJsonObject& c : fixture)
                f.write(QJsonDocument(c).toJson(QJsonDocument::Compact) + '\n');
            f.close();
        }
        options.cityFile = file;
    } else {
        options.applications = m_applications;
    }
    m_hub = std::make_unique<adm::hub::Hub>(options);
    if (adm::Status s = m_hub->start(); !s) {
        qWarning() << "hub did not start:" << s.error().message;
        return false;
    }
    return attach(m_hub->url(), dataDir());
}

bool HubFixture::attach(const QString& url, const QString& hubDataDir)
{
    m_url = url;
    m_port = quint16(QUrl(url).port());
    m_caPath = hubDataDir + QStringLiteral("/ca.pem");
    QFile f(hubDataDir + QStringLiteral("/accounts.json"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    m_accounts = QJsonDocument::fromJson(f.readAll()).array();
    m_nam = std::make_unique<QNetworkAccessManager>();
    return true;
}

void HubFixture::stop()
{
    m_nam.reset();
    m_hub.reset();
}

QJsonObject HubFixture::account(const QString& id) const
{
    for (const QJsonValue& v : m_accounts) {
        if (v.toObject().value(QStringLiteral("account")).toString() == id)
            return v.toObject();
    }
    return {};
}

QString HubFixture::accountWithRole(const QString& role, const QString& school) const
{
    for (const QJsonValue& v : m_accounts) {
        const QJsonObject a = v.toObject();
        if (!a.value(QStringLiteral("roles")).toArray().contains(role))
            continue;
        const QJsonArray schools = a.value(QStringLiteral("school_ids")).toArray();
        if (!school.isEmpty() && !(schools.size() == 1 && schools.contains(school)))
            continue;
        return a.value(QStringLiteral("account")).toString();
    }
    return {};
}

QSslConfiguration HubFixture::clientTls() const
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_caPath));
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return tls;
}

QString HubFixture::login(const QString& accountId, const QString& workstation)
{
    const Reply r =
        post(QStringLiteral("/api/v1/sessions"),
             QJsonObject{{QStringLiteral("account"), accountId},
                         {QStringLiteral("password"), password(accountId)},
                         {QStringLiteral("workstation"),
                          QJsonObject{{QStringLiteral("id"),
                                       workstation.isEmpty() ? QStringLiteral("ws-") + accountId : workstation},
                                      {QStringLiteral("name"), QStringLiteral("Counter 2")}}}});
    if (r.status != 200)
        qWarning() << "login failed" << accountId << r.status << r.body;
    return r.json.value(QStringLiteral("token")).toString();
}

HubFixture::Reply HubFixture::get(const QString& pathAndQuery, const QString& token, int timeoutMs)
{
    return send("GET", pathAndQuery, {}, token, timeoutMs);
}

HubFixture::Reply HubFixture::post(const QString& path, const QJsonObject& body, const QString& token, int timeoutMs)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token, timeoutMs);
}

HubFixture::Reply HubFixture::send(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body,
                                   const QString& token, int timeoutMs)
{
    QNetworkRequest request(QUrl(m_url + pathAndQuery));
    request.setSslConfiguration(clientTls());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(timeoutMs);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    QElapsedTimer timer;
    timer.start();
    QNetworkReply* reply = m_nam->sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs + 5000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply out;
    out.ms = timer.elapsed();
    if (!reply->isFinished()) {
        reply->abort();
        out.error = QNetworkReply::TimeoutError;
        out.errorText = QStringLiteral("no answer in time");
        reply->deleteLater();
        return out;
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.error = reply->error();
    out.errorText = reply->errorString();
    out.body = reply->readAll();
    out.retryAfter = reply->rawHeader("Retry-After");
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(out.body, &pe);
    out.jsonOk = pe.error == QJsonParseError::NoError && doc.isObject();
    out.json = doc.object();
    reply->deleteLater();
    return out;
}

QList<QJsonObject> HubFixture::pullAll(const QString& token, int limit, QString* cursor)
{
    QList<QJsonObject> out;
    QString after = cursor ? *cursor : QString();
    for (int page = 0; page < 10000; ++page) {
        QString path = QStringLiteral("/api/v1/changes?limit=%1").arg(limit);
        if (!after.isEmpty())
            path += QStringLiteral("&after=") + after;
        const Reply r = get(path, token);
        if (r.status != 200) {
            qWarning() << "pull failed" << r.status << r.body.left(300);
            return {};
        }
        for (const QJsonValue& v : r.json.value(QStringLiteral("changes")).toArray())
            out.append(v.toObject());
        after = r.json.value(QStringLiteral("cursor")).toString();
        if (!r.json.value(QStringLiteral("has_more")).toBool())
            break;
    }
    if (cursor)
        *cursor = after;
    return out;
}

HubFixture::RawReply HubFixture::raw(const QByteArray& method, const QString& path, const QByteArray& body,
                                     const QString& token, int timeoutMs)
{
    // The hub runs on this thread: wait by running the event loop, never with the blocking waits.
    auto waitFor = [timeoutMs](const std::function<bool()>& done) {
        QElapsedTimer timer;
        timer.start();
        while (!done() && timer.elapsed() < timeoutMs)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        return done();
    };
    RawReply out;
    QSslSocket socket;
    socket.setSslConfiguration(clientTls());
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
    if (!waitFor([&] { return socket.isEncrypted(); }))
        return out;
    QByteArray request = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    request += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token.toLatin1() + "\r\n";
    request += "\r\n" + body;
    socket.write(request);
    auto complete = [&] {
        out.bytes += socket.readAll();
        if (socket.state() != QAbstractSocket::ConnectedState)
            return true;
        const qsizetype end = out.bytes.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QByteArray head = out.bytes.left(end).toLower();
        const qsizetype at = head.indexOf("content-length:");
        const qint64 length = at < 0 ? 0 : head.mid(at + 15).split('\r').first().trimmed().toLongLong();
        return out.bytes.size() >= end + 4 + length;
    };
    waitFor(complete);
    out.bytes += socket.readAll();
    out.closed = socket.state() != QAbstractSocket::ConnectedState;
    return out;
}
