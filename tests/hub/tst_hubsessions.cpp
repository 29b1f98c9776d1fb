#include "HubFixture.h"
#include "ManualClock.h"

#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

// Sessions, tokens and TLS of the hub.
class TestHubSessions : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void signInAnswersAccount();
    void wrongPasswordIs401();
    void badSignInBodyIs422NamingField_data();
    void badSignInBodyIs422NamingField();
    void missingOrUnknownTokenIs401();
    void tokenExpires();
    void repeatedWrongPasswordsWaitAMinute();
    void plainHttpIsRefused();
    void otherCaIsNotTrusted();
    void unknownPathIs404AndWrongMethod405();
    void hugeHeadIsRefused();

private:
    HubFixture m_hub;
};

void TestHubSessions::initTestCase()
{
    QVERIFY(m_hub.start());
    QVERIFY(QFile::exists(m_hub.dataDir() + QStringLiteral("/ca.pem")));
    QVERIFY(m_hub.accounts().size() >= 5);
}

void TestHubSessions::signInAnswersAccount()
{
    const QString id = m_hub.accountWithRole(QStringLiteral("reviewer"), QStringLiteral("S371102001"));
    QVERIFY(!id.isEmpty());
    const auto r = m_hub.post(QStringLiteral("/api/v1/sessions"),
                              QJsonObject{{QStringLiteral("account"), id},
                                          {QStringLiteral("password"), m_hub.password(id)},
                                          {QStringLiteral("workstation"),
                                           QJsonObject{{QStringLiteral("id"), QStringLiteral("ws-1")},
                                                       {QStringLiteral("name"), QStringLiteral("Counter 2")}}}});
    QCOMPARE(r.status, 200);
    QVERIFY(r.json.value(QStringLiteral("token")).toString().size() >= 32);
    const QDateTime expires = QDateTime::fromString(r.json.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
    QVERIFY(expires > QDateTime::currentDateTimeUtc());
    const QJsonObject account = r.json.value(QStringLiteral("account")).toObject();
    QCOMPARE(account.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(account.value(QStringLiteral("roles")).toArray(), QJsonArray{QStringLiteral("reviewer")});
    QCOMPARE(account.value(QStringLiteral("district_code")).toString(), QStringLiteral("371102"));
    QCOMPARE(account.value(QStringLiteral("school_ids")).toArray(), QJsonArray{QStringLiteral("S371102001")});
    QVERIFY(!account.value(QStringLiteral("display_name")).toString().isEmpty());

    // A supervisor of the city has no schools and district 371100.
    const auto city = m_hub.account(QStringLiteral("supervisor.city"));
    QCOMPARE(city.value(QStringLiteral("district_code")).toString(), QStringLiteral("371100"));
    QVERIFY(city.value(QStringLiteral("school_ids")).toArray().isEmpty());
    QVERIFY(!m_hub.login(QStringLiteral("supervisor.city")).isEmpty());
}

void TestHubSessions::wrongPasswordIs401()
{
    const QString id = m_hub.accountWithRole(QStringLiteral("clerk"));
    for (const QString& account : {id, QStringLiteral("nobody.at.all")}) {
        const auto r = m_hub.post(
            QStringLiteral("/api/v1/sessions"),
            QJsonObject{{QStringLiteral("account"), account},
                        {QStringLiteral("password"), QStringLiteral("wrong")},
                        {QStringLiteral("workstation"), QJsonObject{{QStringLiteral("id"), QStringLiteral("ws-1")}}}});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_credentials"));
        QVERIFY(!r.errorMessage().isEmpty());
    }
}

void TestHubSessions::badSignInBodyIs422NamingField_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("not json") << QByteArray("{\"account\": ") << QStringLiteral("body");
    QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("body");
    QTest::newRow("empty") << QByteArray("") << QStringLiteral("body");
    QTest::newRow("no account") << QByteArray(R"({"password":"x","workstation":{"id":"w"}})")
                                << QStringLiteral("session.account");
    QTest::newRow("account number") << QByteArray(R"({"account":12,"password":"x","workstation":{"id":"w"}})")
                                    << QStringLiteral("session.account");
    QTest::newRow("no workstation") << QByteArray(R"({"account":"a","password":"x"})")
                                    << QStringLiteral("session.workstation");
    QTest::newRow("workstation id") << QByteArray(R"({"account":"a","password":"x","workstation":{"id":true}})")
                                    << QStringLiteral("session.workstation.id");
}

void TestHubSessions::badSignInBodyIs422NamingField()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const auto r = m_hub.send("POST", QStringLiteral("/api/v1/sessions"), body);
    QCOMPARE(r.status, 422);
    QVERIFY2(r.errorMessage().startsWith(field), qPrintable(r.errorMessage()));
}

void TestHubSessions::missingOrUnknownTokenIs401()
{
    for (const QString& path : {QStringLiteral("/api/v1/changes"), QStringLiteral("/api/v1/admin/stats")}) {
        auto r = m_hub.get(path);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("missing_token"));
        r = m_hub.get(path, QStringLiteral("not-a-token"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_token"));
    }
    const auto r =
        m_hub.post(QStringLiteral("/api/v1/decisions"), QJsonObject{{QStringLiteral("decisions"), QJsonArray()}});
    QCOMPARE(r.status, 401);
}

void TestHubSessions::tokenExpires()
{
    // The hub's own clock, moved by hand: expiry is tested without waiting for it.
    testsupport::ManualClock clock;
    HubFixture hub;
    hub.options.tokenTtlSeconds = 60;
    hub.options.clock = clock.utc();
    QVERIFY(hub.start());
    const auto signIn = hub.post(
        QStringLiteral("/api/v1/sessions"),
        QJsonObject{{QStringLiteral("account"), QStringLiteral("supervisor.city")},
                    {QStringLiteral("password"), hub.password(QStringLiteral("supervisor.city"))},
                    {QStringLiteral("workstation"), QJsonObject{{QStringLiteral("id"), QStringLiteral("ws-1")}}}});
    QCOMPARE(signIn.status, 200);
    const QString token = signIn.json.value(QStringLiteral("token")).toString();
    QVERIFY(!token.isEmpty());
    QCOMPARE(QDateTime::fromString(signIn.json.value(QStringLiteral("expires_at")).toString(), Qt::ISODate),
             clock.utcNow().addSecs(60));
    QCOMPARE(hub.get(QStringLiteral("/api/v1/admin/stats"), token).status, 200);
    clock.advance(std::chrono::seconds(59));
    QCOMPARE(hub.get(QStringLiteral("/api/v1/admin/stats"), token).status, 200);
    clock.advance(std::chrono::seconds(1));
    const auto r = hub.get(QStringLiteral("/api/v1/admin/stats"), token);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), QStringLiteral("invalid_token"));
    // Signing in again works.
    QCOMPARE(hub.get(QStringLiteral("/api/v1/admin/stats"), hub.login(QStringLiteral("supervisor.city"))).status, 200);
}

void TestHubSessions::repeatedWrongPasswordsWaitAMinute()
{
    testsupport::ManualClock clock;
    HubFixture hub;
    hub.options.clock = clock.utc();
    QVERIFY(hub.start());
    const QString id = QStringLiteral("supervisor.city");
    auto signIn = [&](const QString& password) {
        return hub.post(
            QStringLiteral("/api/v1/sessions"),
            QJsonObject{{QStringLiteral("account"), id},
                        {QStringLiteral("password"), password},
                        {QStringLiteral("workstation"), QJsonObject{{QStringLiteral("id"), QStringLiteral("ws-1")}}}});
    };
    for (int i = 0; i < 10; ++i)
        QCOMPARE(signIn(QStringLiteral("wrong")).status, 401);
    // Ten failures within a minute: even the right password waits.
    auto r = signIn(hub.password(id));
    QCOMPARE(r.status, 429);
    QVERIFY2(r.retryAfter.toInt() >= 1 && r.retryAfter.toInt() <= 60, r.retryAfter.constData());
    clock.advance(std::chrono::seconds(59));
    QCOMPARE(signIn(hub.password(id)).status, 429);
    clock.advance(std::chrono::seconds(1));
    r = signIn(hub.password(id));
    QCOMPARE(r.status, 200);
    QVERIFY(!r.json.value(QStringLiteral("token")).toString().isEmpty());
}

void TestHubSessions::plainHttpIsRefused()
{
    // A plain HTTP request gets no HTTP answer: the hub speaks TLS only.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_hub.hub().port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray answer;
    // The hub runs on this thread: its event loop turns while QTRY waits.
    QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll(), socket.state() == QAbstractSocket::UnconnectedState), 10000);
    answer += socket.readAll();
    QVERIFY2(!answer.startsWith("HTTP/"), answer.constData());

    // And through the HTTP client as well.
    QUrl url(m_hub.url());
    url.setScheme(QStringLiteral("http"));
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(url.toString() + QStringLiteral("/api/v1/health")));
    request.setTransferTimeout(10000);
    QNetworkReply* reply = nam.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(15000));
    QVERIFY(reply->error() != QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 0);
    delete reply;
}

void TestHubSessions::otherCaIsNotTrusted()
{
    // A client trusting only another CA (here: the system store, which lacks the hub's CA) refuses.
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(m_hub.url() + QStringLiteral("/api/v1/health")));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({});
    request.setSslConfiguration(tls);
    QNetworkReply* reply = nam.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(15000));
    QCOMPARE(reply->error(), QNetworkReply::SslHandshakeFailedError);
    delete reply;
    // With the hub's ca.pem it works.
    QCOMPARE(m_hub.get(QStringLiteral("/api/v1/health")).status, 200);
}

void TestHubSessions::unknownPathIs404AndWrongMethod405()
{
    const QString token = m_hub.login(QStringLiteral("supervisor.city"));
    auto r = m_hub.get(QStringLiteral("/api/v1/nothing"), token);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
    r = m_hub.get(QStringLiteral("/api/v1/decisions"), token);
    QCOMPARE(r.status, 405);
    r = m_hub.get(QStringLiteral("/api/v1/signing-keys/k1"), token);
    QCOMPARE(r.status, 405);
}

void TestHubSessions::hugeHeadIsRefused()
{
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(m_hub.url() + QStringLiteral("/api/v1/health")));
    request.setSslConfiguration(m_hub.clientTls());
    request.setRawHeader("X-Padding", QByteArray(20000, 'a'));
    QNetworkReply* reply = nam.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(15000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 431);
    delete reply;
    QCOMPARE(m_hub.get(QStringLiteral("/api/v1/health")).status, 200);
}

QTEST_GUILESS_MAIN(TestHubSessions)
#include "tst_hubsessions.moc"
