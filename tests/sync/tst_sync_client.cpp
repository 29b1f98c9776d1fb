#include "FakeHub.h"
#include "TestPki.h"
#include "sync/Enrolment.h"
#include "sync/HubClient.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace adm;
using namespace adm::sync;

// The transport against a local HTTPS server: only the enrolled CA is trusted (other CAs,
// self-signed, expired and wrong-host certificates and plain HTTP are refused with a sentence that
// says what to do); retries follow the contract (5xx, 429, Retry-After; never other 4xx; 401 signs
// in again once).
class TestSyncClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void trustsTheEnrolledCa();
    void onlyTheEnrolledCaIsTrusted();
    void refusesCertificates_data();
    void refusesCertificates();
    void plainHttpIsRefusedBeforeAnyRequest();
    void hubUrlRules_data();
    void hubUrlRules();
    void caFileRules();
    void retriesServerErrorsHonouringRetryAfter();
    void neverRetriesOtherClientErrors();
    void a401AfterTheSignInAsksForThePassword();
    void wrongPasswordIsRefusedWithoutRetry();
    void hangTimesOutAndRetries();
    void cancelEndsAWaitEarly();

private:
    Enrolment enrolment(const FakeHub& hub, const QByteArray& caPem, const QString& host = QStringLiteral("127.0.0.1"));
    static SyncOptions quick();

    testpki::Identity m_ca;
    testpki::Identity m_otherCa;
    std::unique_ptr<FakeHub> m_hub; // a good one, for the retry tests
};

Enrolment TestSyncClient::enrolment(const FakeHub& hub, const QByteArray& caPem, const QString& host)
{
    Enrolment e;
    e.hubUrl = QUrl(hub.url(host));
    e.caPem = caPem;
    e.workstationId = QStringLiteral("00000000-0000-0000-0000-000000000001");
    e.workstationName = QStringLiteral("bench");
    return e;
}

SyncOptions TestSyncClient::quick()
{
    SyncOptions o;
    o.requestTimeoutMs = 2000;
    o.maxAttempts = 4;
    o.backoffBaseMs = 10;
    o.backoffCapMs = 40;
    o.maxRetryAfterSeconds = 5;
    return o;
}

void TestSyncClient::initTestCase()
{
    m_ca = testpki::makeCa(QStringLiteral("Enrolled CA"));
    m_otherCa = testpki::makeCa(QStringLiteral("Some other CA"));
    QVERIFY(!m_ca.isNull() && !m_otherCa.isNull());
    m_hub = std::make_unique<FakeHub>();
    QVERIFY(m_hub->start(testpki::makeServer(m_ca, {QStringLiteral("localhost")}, {QStringLiteral("127.0.0.1")})));
    m_hub->addAccount(QStringLiteral("liu.fang"), QStringLiteral("pw"));
}

void TestSyncClient::trustsTheEnrolledCa()
{
    HubClient client(enrolment(*m_hub, m_ca.certPem), quick());
    auto r = client.probe();
    QVERIFY2(r.ok(), qPrintable(r.error().message));
    QCOMPARE(r->status, 401); // TLS is fine; the hub wants a token
    HubClient byName(enrolment(*m_hub, m_ca.certPem, QStringLiteral("localhost")), quick());
    QVERIFY(byName.probe().ok());
}

void TestSyncClient::onlyTheEnrolledCaIsTrusted()
{
    const QSslConfiguration c = Enrolment::sslConfiguration({QSslCertificate(m_ca.certPem)});
    QCOMPARE(c.caCertificates().size(), 1); // no system store
    QCOMPARE(c.caCertificates().first(), QSslCertificate(m_ca.certPem));
    QCOMPARE(c.peerVerifyMode(), QSslSocket::VerifyPeer);
    QCOMPARE(c.protocol(), QSsl::TlsV1_2OrLater);
}

void TestSyncClient::refusesCertificates_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("advice"); // the sentence says what to do
    QTest::newRow("another CA") << 0 << "tls_untrusted"
                                << "connect --hub";
    QTest::newRow("self-signed") << 1 << "tls_untrusted"
                                 << "connect --hub";
    QTest::newRow("expired") << 2 << "tls_expired"
                             << "renew";
    QTest::newRow("wrong host name") << 3 << "tls_host_mismatch"
                                     << "hub.example.org";
    QTest::newRow("not yet valid") << 4 << "tls_expired"
                                   << "date";
}

void TestSyncClient::refusesCertificates()
{
    QFETCH(int, which);
    QFETCH(QString, code);
    QFETCH(QString, advice);
    const QStringList local = {QStringLiteral("127.0.0.1")};
    testpki::Identity server;
    switch (which) {
    case 0:
        server = testpki::makeServer(m_otherCa, {}, local);
        break;
    case 1:
        server = testpki::makeSelfSigned({}, local);
        break;
    case 2:
        server = testpki::makeServer(m_ca, {}, local, {-30, -1});
        break;
    case 3:
        server = testpki::makeServer(m_ca, {QStringLiteral("hub.example.org")}, {});
        break;
    case 4:
        server = testpki::makeServer(m_ca, {}, local, {5, 30});
        break;
    }
    FakeHub hub;
    QVERIFY(hub.start(server));
    hub.addAccount(QStringLiteral("liu.fang"), QStringLiteral("pw"));
    HubClient client(enrolment(hub, m_ca.certPem), quick());
    client.setCredentials(QStringLiteral("liu.fang"), QStringLiteral("pw"));
    auto r = client.probe();
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    QVERIFY2(r.error().message.contains(advice), qPrintable(r.error().message));
    // Not retried, and no request ever reached the hub (not even a password).
    QCOMPARE(client.signIn().error().code, code);
    QVERIFY(hub.log().isEmpty());
}

void TestSyncClient::plainHttpIsRefusedBeforeAnyRequest()
{
    FakeHub plain;
    QVERIFY(plain.start({}, true));
    const auto parsed = Enrolment::parseHubUrl(plain.url());
    QCOMPARE(parsed.error().code, QStringLiteral("plain_http"));
    QVERIFY(parsed.error().message.contains(QStringLiteral("https://")));
    // Even an enrolment that somehow holds http:// sends nothing.
    Enrolment e = enrolment(plain, m_ca.certPem);
    HubClient client(e, quick());
    client.setCredentials(QStringLiteral("liu.fang"), QStringLiteral("pw"));
    QCOMPARE(client.signIn().error().code, QStringLiteral("plain_http"));
    QCOMPARE(client.probe().error().code, QStringLiteral("plain_http"));
    // A connection of our own, counted after any the client could have opened before it.
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, plain.port());
    QVERIFY(probe.waitForConnected(10000));
    QTRY_VERIFY_WITH_TIMEOUT(plain.connections() >= 1, 10000);
    QCOMPARE(plain.connections(), 1);
}

void TestSyncClient::hubUrlRules_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("result"); // the URL, or the error code
    QTest::newRow("plain") << "https://hub.example.org:8443"
                           << "https://hub.example.org:8443/";
    QTest::newRow("prefix") << "https://hub.example.org/city"
                            << "https://hub.example.org/city/";
    QTest::newRow("http") << "http://hub.example.org"
                          << "plain_http";
    QTest::newRow("HTTP upper") << "HTTP://hub.example.org"
                                << "plain_http";
    QTest::newRow("no scheme") << "hub.example.org:8443"
                               << "bad_hub_url";
    QTest::newRow("ftp") << "ftp://hub.example.org"
                         << "bad_hub_url";
    QTest::newRow("user info") << "https://me:pw@hub.example.org"
                               << "bad_hub_url";
    QTest::newRow("query") << "https://hub.example.org/?x=1"
                           << "bad_hub_url";
    QTest::newRow("empty") << ""
                           << "bad_hub_url";
}

void TestSyncClient::hubUrlRules()
{
    QFETCH(QString, text);
    QFETCH(QString, result);
    const auto r = Enrolment::parseHubUrl(text);
    QCOMPARE(r.ok() ? r->toString() : r.error().code, result);
}

void TestSyncClient::caFileRules()
{
    QVERIFY(Enrolment::checkCaPem(m_ca.certPem).ok());
    QCOMPARE(Enrolment::checkCaPem("not a certificate").error().code, QStringLiteral("bad_ca"));
    QCOMPARE(Enrolment::checkCaPem(m_ca.keyPem).error().code, QStringLiteral("bad_ca"));
    const testpki::Identity old = testpki::makeCa(QStringLiteral("Old CA"), {-400, -10});
    QCOMPARE(Enrolment::checkCaPem(old.certPem).error().code, QStringLiteral("bad_ca"));
    QCOMPARE(Enrolment::readCaFile(QStringLiteral("/nonexistent/ca.pem")).error().code, QStringLiteral("bad_ca"));
}

void TestSyncClient::retriesServerErrorsHonouringRetryAfter()
{
    m_hub->clearLog();
    m_hub->addFault({"GET", QStringLiteral("/api/v1/changes"), FakeHub::Fault::Status, 1, 503, 1});
    m_hub->addFault({"GET", QStringLiteral("/api/v1/changes"), FakeHub::Fault::Status, 1, 500});
    m_hub->addFault({"GET", QStringLiteral("/api/v1/changes"), FakeHub::Fault::Status, 1, 429, 0});
    HubClient client(enrolment(*m_hub, m_ca.certPem), quick());
    client.setRandom([] { return 0.0; });
    client.setCredentials(QStringLiteral("liu.fang"), QStringLiteral("pw"));
    QSignalSpy retries(&client, &HubClient::retrying);
    HubClient::Request req;
    req.path = QStringLiteral("api/v1/changes");
    auto r = client.call(req);
    QVERIFY2(r.ok(), qPrintable(r.error().message));
    QCOMPARE(r->status, 200);
    QCOMPARE(retries.size(), 3);
    QCOMPARE(retries.at(0).at(1).toInt(), 1000); // the hub's Retry-After, not the 5 ms of the backoff
    QCOMPARE(retries.at(1).at(1).toInt(), 10);   // base 10, second attempt, random 0 → 10
    QCOMPARE(retries.at(2).at(1).toInt(), 20);
    QCOMPARE(m_hub->unusedFaults(), 0);
    // More Retry-After than the pass may wait: give up now, say so.
    m_hub->addFault({"GET", QStringLiteral("/api/v1/changes"), FakeHub::Fault::Status, 1, 503, 3600});
    auto busy = client.call(req);
    QCOMPARE(busy.error().code, QStringLiteral("hub_busy"));
}

void TestSyncClient::neverRetriesOtherClientErrors()
{
    HubClient client(enrolment(*m_hub, m_ca.certPem), quick());
    client.setCredentials(QStringLiteral("liu.fang"), QStringLiteral("pw"));
    QVERIFY(client.signIn().ok());
    for (int status : {400, 403, 404, 409, 410, 413, 422}) {
        m_hub->clearLog();
        m_hub->addFault({"POST", QStringLiteral("/api/v1/decisions"), FakeHub::Fault::Status, 5, status});
        HubClient::Request req;
        req.method = "POST";
        req.path = QStringLiteral("api/v1/decisions");
        req.body = QJsonObject{{QStringLiteral("decisions"), QJsonArray()}};
        auto r = client.call(req);
        QVERIFY(r.ok());
        QCOMPARE(r->status, status);
        QCOMPARE(m_hub->log().size(), 1);
        m_hub->clearFaults();
    }
}

void TestSyncClient::a401AfterTheSignInAsksForThePassword()
{
    HubClient client(enrolment(*m_hub, m_ca.certPem), quick());
    client.setCredentials(QStringLiteral("liu.fang"), QStringLiteral("pw"));
    QVERIFY(client.signIn().ok());
    QVERIFY(!client.hasPassword()); // the password went with the successful sign-in
    m_hub->expireSessions();
    m_hub->clearLog();
    HubClient::Request req;
    req.path = QStringLiteral("api/v1/changes");
    // No silent renewal: the session ended and only the person can give the password again.
    QCOMPARE(client.call(req).error().code, QStringLiteral("sign_in_needed"));
    QCOMPARE(m_hub->log().size(), 1);
    QCOMPARE(m_hub->log().at(0).status, 401);
    QVERIFY(!client.isSignedIn());
    // Given again, the password signs in once (the token being gone) and the call goes through.
    m_hub->clearLog();
    client.setCredentials(QStringLiteral("liu.fang"), QStringLiteral("pw"));
    auto r = client.call(req);
    QVERIFY(r.ok());
    QCOMPARE(r->status, 200);
    const auto log = m_hub->log();
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.at(0).path, QStringLiteral("/api/v1/sessions"));
    QCOMPARE(log.at(1).status, 200);
    // A hub that says 401 right after a fresh sign-in: stop, do not loop.
    HubClient fresh(enrolment(*m_hub, m_ca.certPem), quick());
    fresh.setCredentials(QStringLiteral("liu.fang"), QStringLiteral("pw"));
    m_hub->addFault({"GET", QStringLiteral("/api/v1/changes"), FakeHub::Fault::Status, 2, 401});
    QCOMPARE(fresh.call(req).error().code, QStringLiteral("sign_in_needed"));
    m_hub->clearFaults();
}

void TestSyncClient::wrongPasswordIsRefusedWithoutRetry()
{
    m_hub->clearLog();
    HubClient client(enrolment(*m_hub, m_ca.certPem), quick());
    client.setCredentials(QStringLiteral("liu.fang"), QStringLiteral("Secret-987"));
    auto r = client.signIn();
    QCOMPARE(r.error().code, QStringLiteral("sign_in_refused"));
    QVERIFY(r.error().message.contains(QStringLiteral("liu.fang")));
    QVERIFY(!r.error().message.contains(QStringLiteral("Secret-987"))); // never the password
    QCOMPARE(m_hub->log().size(), 1);
}

void TestSyncClient::hangTimesOutAndRetries()
{
    SyncOptions o = quick();
    o.requestTimeoutMs = 300;
    m_hub->addFault({"GET", QStringLiteral("/api/v1/changes"), FakeHub::Fault::Hang, 1});
    m_hub->addFault({"GET", QStringLiteral("/api/v1/changes"), FakeHub::Fault::Truncate, 1});
    m_hub->addFault({"GET", QStringLiteral("/api/v1/changes"), FakeHub::Fault::InvalidJson, 1});
    HubClient client(enrolment(*m_hub, m_ca.certPem), o);
    client.setCredentials(QStringLiteral("liu.fang"), QStringLiteral("pw"));
    QSignalSpy retries(&client, &HubClient::retrying);
    HubClient::Request req;
    req.path = QStringLiteral("api/v1/changes");
    auto r = client.call(req);
    QVERIFY2(r.ok(), qPrintable(r.error().message));
    QCOMPARE(retries.size(), 3);
    QVERIFY(retries.at(0).at(2).toString().contains(QStringLiteral("did not answer")));
    QCOMPARE(m_hub->unusedFaults(), 0);
    // Nothing but hangs: the call ends, with the timeout as the reason.
    o.maxAttempts = 2;
    HubClient patient(enrolment(*m_hub, m_ca.certPem), o);
    patient.setCredentials(QStringLiteral("liu.fang"), QStringLiteral("pw"));
    QVERIFY(patient.signIn().ok());
    m_hub->addFault({"GET", QStringLiteral("/api/v1/changes"), FakeHub::Fault::Hang, 2});
    QCOMPARE(patient.call(req).error().code, QStringLiteral("hub_timeout"));
}

void TestSyncClient::cancelEndsAWaitEarly()
{
    SyncOptions o = quick();
    o.requestTimeoutMs = 60000;
    HubClient client(enrolment(*m_hub, m_ca.certPem), o);
    client.setCredentials(QStringLiteral("liu.fang"), QStringLiteral("pw"));
    QVERIFY(client.signIn().ok());
    bool cancelled = false;
    client.setCancelCheck([&cancelled] { return cancelled; });
    m_hub->addFault({"GET", QStringLiteral("/api/v1/changes"), FakeHub::Fault::Hang, 1});
    // Cancelled once the hub holds the request (the fault is used up), while the call waits on it.
    QTimer watch;
    connect(&watch, &QTimer::timeout, &client, [&] {
        if (m_hub->unusedFaults() == 0 && !cancelled) {
            cancelled = true;
            client.wake();
        }
    });
    watch.start(10);
    HubClient::Request req;
    req.path = QStringLiteral("api/v1/changes");
    // A wait that ran out would say "hub_timeout" (after 60 s).
    QCOMPARE(client.call(req).error().code, QStringLiteral("cancelled"));
    QVERIFY(cancelled);
    m_hub->clearFaults();
}

QTEST_GUILESS_MAIN(TestSyncClient)
#include "tst_sync_client.moc"
