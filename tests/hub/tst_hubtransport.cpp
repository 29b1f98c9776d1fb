#include "HubFixture.h"
#include "HubServer.h"
#include "RawHttpClient.h"

#include <QTest>
#include <QTimer>

using Client = RawHttpClient;

// The hub's HTTP layer against hostile and clumsy clients, over real TLS sockets: request framing
// (Content-Length, Transfer-Encoding, head limits), idle timeouts, the connection cap, keep-alive
// and pipelining.
class TestHubTransport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void limitOptions();
    void badFramingIs400AndBodyNeverRuns_data();
    void badFramingIs400AndBodyNeverRuns();
    void headOverLimitsIs431_data();
    void headOverLimitsIs431();
    void headUnderLimitsIsServed();
    void chunkedBodyIsDecoded();
    void bodyOverLimitIs413();
    void endlessChunkLineIs400();
    void idleConnectionsAreClosed_data();
    void idleConnectionsAreClosed();
    void steadyBodyIsNotCut();
    void slowHeadIsCut();
    void stalledClientsUnderCapDoNotBlockOthers();
    void overCapIsClosedAtOnceUntilStalledOnesGo();
    void pipelinedRequestsAnsweredInOrder();

private:
    QByteArray loginBody(HubFixture& hub) const;
    static Client::Response servedHealth(HubFixture& hub);

    HubFixture m_hub;
};

void TestHubTransport::initTestCase()
{
    QVERIFY(m_hub.start());
}

void TestHubTransport::limitOptions()
{
    using adm::hub::HubOptions;
    const QStringList base = {QStringLiteral("admissions-hub"), QStringLiteral("--data-dir"), QStringLiteral("d")};
    auto parsed = HubOptions::parse(base);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->idleTimeoutSeconds, 30);
    QCOMPARE(parsed->maxConnections, 512);
    parsed = HubOptions::parse(base + QStringList{QStringLiteral("--idle-timeout"), QStringLiteral("5"),
                                                  QStringLiteral("--max-connections"), QStringLiteral("40")});
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->idleTimeoutSeconds, 5);
    QCOMPARE(parsed->maxConnections, 40);
    for (const QStringList& bad : {QStringList{QStringLiteral("--idle-timeout"), QStringLiteral("0")},
                                   QStringList{QStringLiteral("--idle-timeout"), QStringLiteral("soon")},
                                   QStringList{QStringLiteral("--max-connections"), QStringLiteral("-1")}}) {
        const auto refused = HubOptions::parse(base + bad);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(bad.first()));
    }
}

QByteArray TestHubTransport::loginBody(HubFixture& hub) const
{
    const QString id = QStringLiteral("supervisor.city");
    return QJsonDocument(QJsonObject{{QStringLiteral("account"), id},
                                     {QStringLiteral("password"), hub.password(id)},
                                     {QStringLiteral("workstation"),
                                      QJsonObject{{QStringLiteral("id"), QStringLiteral("ws-transport")}}}})
        .toJson(QJsonDocument::Compact);
}

// A well-behaved client on a fresh connection: GET /api/v1/health, answered or not.
Client::Response TestHubTransport::servedHealth(HubFixture& hub)
{
    Client c(hub.hub().port(), hub.clientTls());
    QElapsedTimer timer;
    timer.start();
    bool sent = false;
    while (timer.elapsed() < 20000 && !c.closed() && c.responses().isEmpty()) {
        if (!sent && c.encrypted()) {
            c.write(Client::request("GET", "/api/v1/health"));
            sent = true;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return c.responses().value(0);
}

void TestHubTransport::badFramingIs400AndBodyNeverRuns_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QString>("code");
    const QString length = QStringLiteral("bad_content_length");
    const QString coding = QStringLiteral("bad_transfer_encoding");
    QTest::newRow("negative") << QByteArray("Content-Length: -5\r\n") << length;
    QTest::newRow("not a number") << QByteArray("Content-Length: abc\r\n") << length;
    QTest::newRow("hexadecimal") << QByteArray("Content-Length: 0x10\r\n") << length;
    QTest::newRow("plus sign") << QByteArray("Content-Length: +0\r\n") << length;
    QTest::newRow("empty") << QByteArray("Content-Length: \r\n") << length;
    QTest::newRow("overflowing") << QByteArray("Content-Length: 99999999999999999999999\r\n") << length;
    QTest::newRow("twice, equal") << QByteArray("Content-Length: 0\r\nContent-Length: 0\r\n") << length;
    QTest::newRow("twice, different") << QByteArray("Content-Length: 0\r\nContent-Length: 60\r\n") << length;
    QTest::newRow("a list") << QByteArray("Content-Length: 0, 0\r\n") << length;
    QTest::newRow("target not a path") << QByteArray("X-Target: see request line\r\n") << QStringLiteral("bad_request");
    QTest::newRow("unknown coding") << QByteArray("Transfer-Encoding: gzip\r\n") << coding;
    QTest::newRow("coding before chunked") << QByteArray("Transfer-Encoding: gzip, chunked\r\n") << coding;
    QTest::newRow("chunked twice") << QByteArray("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n")
                                   << coding;
    QTest::newRow("length, then chunked")
        << QByteArray("Content-Length: 0\r\nTransfer-Encoding: chunked\r\n") << coding;
    QTest::newRow("chunked, then length")
        << QByteArray("Transfer-Encoding: chunked\r\nContent-Length: 0\r\n") << length;
}

void TestHubTransport::badFramingIs400AndBodyNeverRuns()
{
    QFETCH(QByteArray, headers);
    QFETCH(QString, code);
    // The "body" is a whole, valid sign-in: a lenient parser would run it as a second request.
    const QByteArray smuggled = Client::request("POST", "/api/v1/sessions", loginBody(m_hub));
    const QByteArray target = QTest::currentDataTag() == QLatin1String("target not a path")
                                  ? QByteArray("@127.0.0.1/api/v1/sessions")
                                  : QByteArray("/api/v1/sessions");
    const QByteArray outer = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n" + smuggled;
    const qint64 before = m_hub.hub().server()->requestCount();

    Client c(m_hub.hub().port(), m_hub.clientTls());
    QTRY_VERIFY_WITH_TIMEOUT(c.encrypted(), 10000);
    c.write(outer);
    QTRY_VERIFY_WITH_TIMEOUT(c.closed() || c.responses().size() > 1, 20000);
    const auto answers = c.responses();
    QCOMPARE(answers.size(), 1);
    QVERIFY(c.closed());
    QCOMPARE(answers.at(0).status, 400);
    QCOMPARE(answers.at(0).errorCode(), code);
    QVERIFY(!answers.at(0)
                 .json()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("message"))
                 .toString()
                 .isEmpty());
    QVERIFY(answers.at(0).closes());
    // Neither the refused request nor the one hidden in its body reached a handler.
    QCOMPARE(m_hub.hub().server()->requestCount(), before);
    QCOMPARE(servedHealth(m_hub).status, 200);
}

void TestHubTransport::headOverLimitsIs431_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::newRow("one long field") << "X-Padding: " + QByteArray(20000, 'a') + "\r\n";
    QByteArray fields;
    for (int i = 0; i < 150; ++i)
        fields += "X-Field-" + QByteArray::number(i) + ": 1\r\n"; // about 2 KiB: too many, not too long
    QTest::newRow("too many fields") << fields;
    QByteArray lines;
    for (int i = 0; i < 1500; ++i)
        lines += "X-Field-Number-" + QByteArray::number(i) + ": some value\r\n";
    QTest::newRow("many lines over 16 KiB") << lines;
    QTest::newRow("long request line") << QByteArray();
}

void TestHubTransport::headOverLimitsIs431()
{
    QFETCH(QByteArray, headers);
    // No Authorization: the hub must say 431 before it could ever say 401.
    QByteArray path = "/api/v1/decisions";
    if (headers.isEmpty())
        path += "?padding=" + QByteArray(20000, 'b');
    const qint64 before = m_hub.hub().server()->requestCount();
    Client c(m_hub.hub().port(), m_hub.clientTls());
    QTRY_VERIFY_WITH_TIMEOUT(c.encrypted(), 10000);
    c.write("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "Content-Length: 2\r\n\r\n{}");
    QTRY_VERIFY_WITH_TIMEOUT(c.closed(), 20000);
    const auto answers = c.responses();
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.at(0).status, 431);
    QCOMPARE(answers.at(0).errorCode(), QStringLiteral("headers_too_large"));
    QCOMPARE(m_hub.hub().server()->requestCount(), before);
    QCOMPARE(servedHealth(m_hub).status, 200);
}

void TestHubTransport::headUnderLimitsIsServed()
{
    // 90 fields, about 12 KiB: within both limits.
    QByteArray fields;
    for (int i = 0; i < 90; ++i)
        fields += "X-Field-" + QByteArray::number(i) + ": " + QByteArray(120, 'v') + "\r\n";
    Client c(m_hub.hub().port(), m_hub.clientTls());
    QTRY_VERIFY_WITH_TIMEOUT(c.encrypted(), 10000);
    c.write(Client::request("GET", "/api/v1/health", {}, fields));
    QTRY_COMPARE_WITH_TIMEOUT(c.responses().size(), 1, 20000);
    QCOMPARE(c.responses().at(0).status, 200);
    QVERIFY(!c.closed());
}

void TestHubTransport::chunkedBodyIsDecoded()
{
    // Chunked request bodies are decoded (by Beast) and count against --max-body like any other.
    const QByteArray body = loginBody(m_hub);
    QByteArray wire = "POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n";
    for (qsizetype at = 0; at < body.size(); at += 17) {
        const QByteArray part = body.mid(at, 17);
        wire += QByteArray::number(part.size(), 16) + "\r\n" + part + "\r\n";
    }
    wire += "0\r\n\r\n";
    Client c(m_hub.hub().port(), m_hub.clientTls());
    QTRY_VERIFY_WITH_TIMEOUT(c.encrypted(), 10000);
    c.write(wire);
    QTRY_COMPARE_WITH_TIMEOUT(c.responses().size(), 1, 20000);
    QCOMPARE(c.responses().at(0).status, 200);
    QVERIFY(c.responses().at(0).json().value(QStringLiteral("token")).toString().size() >= 32);
}

void TestHubTransport::bodyOverLimitIs413()
{
    HubFixture hub;
    hub.options.maxBodyBytes = 4096;
    QVERIFY(hub.start());
    const qint64 before = hub.hub().server()->requestCount();

    // Refused from its Content-Length: the answer comes before a byte of the body is sent.
    Client declared(hub.hub().port(), hub.clientTls());
    QTRY_VERIFY_WITH_TIMEOUT(declared.encrypted(), 10000);
    declared.write("POST /api/v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5000\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(declared.responses().size(), 1, 20000);
    QCOMPARE(declared.responses().at(0).status, 413);
    QCOMPARE(declared.responses().at(0).errorCode(), QStringLiteral("body_too_large"));
    QTRY_VERIFY_WITH_TIMEOUT(declared.closed(), 20000);

    // Chunked: refused once the chunks add up to more than the limit.
    Client chunked(hub.hub().port(), hub.clientTls());
    QTRY_VERIFY_WITH_TIMEOUT(chunked.encrypted(), 10000);
    QByteArray wire = "POST /api/v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 10; ++i)
        wire += "3e8\r\n" + QByteArray(1000, 'x') + "\r\n";
    chunked.write(wire + "0\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(chunked.closed(), 20000);
    QCOMPARE(chunked.responses().size(), 1);
    QCOMPARE(chunked.responses().at(0).status, 413);
    QCOMPARE(hub.hub().server()->requestCount(), before);
    QCOMPARE(servedHealth(hub).status, 200);
}

void TestHubTransport::endlessChunkLineIs400()
{
    // A chunk extension without an end: the hub stops buffering it at 16 KiB.
    Client c(m_hub.hub().port(), m_hub.clientTls());
    QTRY_VERIFY_WITH_TIMEOUT(c.encrypted(), 10000);
    c.write("POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n1;ext=" +
            QByteArray(40000, 'e'));
    QTRY_VERIFY_WITH_TIMEOUT(c.closed(), 20000);
    QCOMPARE(c.responses().size(), 1);
    QCOMPARE(c.responses().at(0).status, 400);
    QCOMPARE(c.responses().at(0).errorCode(), QStringLiteral("bad_request"));
}

void TestHubTransport::idleConnectionsAreClosed_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("answers");
    QTest::newRow("no handshake") << false << QByteArray() << 0;
    QTest::newRow("half a handshake") << false << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) << 0;
    QTest::newRow("silent after handshake") << true << QByteArray() << 0;
    QTest::newRow("partial head") << true << QByteArray("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n") << 0;
    QTest::newRow("partial body") << true
                                  << QByteArray("POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                "Content-Length: 100\r\n\r\n{\"account\":")
                                  << 0;
    QTest::newRow("idle keep-alive") << true << Client::request("GET", "/api/v1/health") << 1;
}

void TestHubTransport::idleConnectionsAreClosed()
{
    QFETCH(bool, tls);
    QFETCH(QByteArray, bytes);
    QFETCH(int, answers);
    HubFixture hub;
    hub.options.idleTimeoutSeconds = 1;
    QVERIFY(hub.start());
    Client c(hub.hub().port(), hub.clientTls(), tls ? Client::Mode::Tls : Client::Mode::PlainTcp);
    if (tls)
        QTRY_VERIFY_WITH_TIMEOUT(c.encrypted(), 10000);
    else
        QTRY_VERIFY_WITH_TIMEOUT(c.connected(), 10000);
    if (!bytes.isEmpty())
        c.write(bytes);
    // The client never closes and never sends more: only the hub's idle timer can end this.
    QTRY_VERIFY_WITH_TIMEOUT(c.closed(), 30000);
    QCOMPARE(c.responses().size(), answers);
    QTRY_COMPARE_WITH_TIMEOUT(hub.hub().server()->openConnections(), 0, 10000);
    // Others are served as before.
    QCOMPARE(servedHealth(hub).status, 200);
}

void TestHubTransport::steadyBodyIsNotCut()
{
    // A body that takes longer than the idle timeout but keeps coming is read to its end.
    HubFixture hub;
    hub.options.idleTimeoutSeconds = 2;
    QVERIFY(hub.start());
    const QByteArray body = loginBody(hub);
    Client c(hub.hub().port(), hub.clientTls());
    QTRY_VERIFY_WITH_TIMEOUT(c.encrypted(), 10000);
    c.write("POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\n\r\n");
    const int parts = 16; // one every 250 ms: 4 s in all
    int sent = 0;
    QTimer drip;
    connect(&drip, &QTimer::timeout, this, [&] {
        const qsizetype size = (body.size() + parts - 1) / parts;
        c.write(body.mid(sent * size, size));
        if (++sent == parts)
            drip.stop();
    });
    drip.start(250);
    QTRY_VERIFY_WITH_TIMEOUT(!c.responses().isEmpty() || c.closed(), 30000);
    QCOMPARE(sent, parts);
    QCOMPARE(c.responses().size(), 1);
    QCOMPARE(c.responses().at(0).status, 200);
}

void TestHubTransport::slowHeadIsCut()
{
    // A head dripped in a few bytes at a time must arrive whole within the idle timeout.
    HubFixture hub;
    hub.options.idleTimeoutSeconds = 1;
    QVERIFY(hub.start());
    QByteArray head = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (int i = 0; i < 40; ++i)
        head += "X-Slow-" + QByteArray::number(i) + ": 1\r\n";
    head += "\r\n";
    Client c(hub.hub().port(), hub.clientTls());
    QTRY_VERIFY_WITH_TIMEOUT(c.encrypted(), 10000);
    qsizetype sent = 0;
    QTimer drip;
    connect(&drip, &QTimer::timeout, this, [&] {
        c.write(head.mid(sent, 4));
        sent += 4;
        if (sent >= head.size())
            drip.stop();
    });
    drip.start(100); // 4 bytes every 100 ms: the whole head would take about 20 s
    QTRY_VERIFY_WITH_TIMEOUT(c.closed(), 30000);
    drip.stop();
    QVERIFY2(sent < head.size(), "the head was sent whole before the hub closed the connection");
    QVERIFY(c.responses().isEmpty());
}

void TestHubTransport::stalledClientsUnderCapDoNotBlockOthers()
{
    HubFixture hub;
    hub.options.maxConnections = 40;
    hub.options.idleTimeoutSeconds = 120; // the stalled ones stay for the whole test
    QVERIFY(hub.start());
    std::vector<std::unique_ptr<Client>> stalled;
    for (int i = 0; i < 30; ++i) {
        stalled.push_back(std::make_unique<Client>(hub.hub().port(), hub.clientTls()));
        QTRY_VERIFY_WITH_TIMEOUT(stalled.back()->encrypted(), 10000);
        stalled.back()->write("POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{");
    }
    QTRY_COMPARE_WITH_TIMEOUT(hub.hub().server()->openConnections(), 30, 10000);
    QCOMPARE(servedHealth(hub).status, 200);
    // They were all still there, counted against the cap, while the good client was served.
    for (const auto& s : stalled)
        QVERIFY(!s->closed());
    QVERIFY(hub.hub().server()->openConnections() >= 30);
}

void TestHubTransport::overCapIsClosedAtOnceUntilStalledOnesGo()
{
    HubFixture hub;
    hub.options.maxConnections = 40;
    hub.options.idleTimeoutSeconds = 10;
    QVERIFY(hub.start());
    // 40 stall: half before the TLS handshake, half inside a request head.
    std::vector<std::unique_ptr<Client>> stalled;
    for (int i = 0; i < 40; ++i) {
        const bool tls = i % 2 == 1;
        stalled.push_back(std::make_unique<Client>(hub.hub().port(), hub.clientTls(),
                                                   tls ? Client::Mode::Tls : Client::Mode::PlainTcp));
        if (tls) {
            QTRY_VERIFY_WITH_TIMEOUT(stalled.back()->encrypted(), 10000);
            stalled.back()->write("GET /api/v1/health HTTP/1.1\r\n");
        }
        QTRY_COMPARE_WITH_TIMEOUT(hub.hub().server()->openConnections(), i + 1, 10000);
    }
    // Ten more, and then a well-behaved client: over the cap, each is closed before its handshake.
    std::vector<std::unique_ptr<Client>> extra;
    for (int i = 0; i < 10; ++i)
        extra.push_back(std::make_unique<Client>(hub.hub().port(), hub.clientTls()));
    for (const auto& e : extra) {
        QTRY_VERIFY_WITH_TIMEOUT(e->closed(), 10000);
        QVERIFY(!e->encrypted());
    }
    const auto turnedAway = servedHealth(hub);
    QCOMPARE(turnedAway.status, 0);
    QCOMPARE(hub.hub().server()->openConnections(), 40);
    // Once the stalled ones time out, the hub serves again.
    for (const auto& s : stalled)
        QTRY_VERIFY_WITH_TIMEOUT(s->closed(), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(hub.hub().server()->openConnections(), 0, 10000);
    QCOMPARE(servedHealth(hub).status, 200);
}

void TestHubTransport::pipelinedRequestsAnsweredInOrder()
{
    Client c(m_hub.hub().port(), m_hub.clientTls());
    QTRY_VERIFY_WITH_TIMEOUT(c.encrypted(), 10000);
    // Three requests in one write, one with a body: three answers, in order, on an open connection.
    c.write(Client::request("GET", "/api/v1/health") + Client::request("POST", "/api/v1/sessions", loginBody(m_hub)) +
            Client::request("GET", "/api/v1/nothing"));
    QTRY_COMPARE_WITH_TIMEOUT(c.responses().size(), 3, 20000);
    auto answers = c.responses();
    QCOMPARE(answers.at(0).status, 200);
    QCOMPARE(answers.at(0).json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(answers.at(1).status, 200);
    QVERIFY(!answers.at(1).json().value(QStringLiteral("token")).toString().isEmpty());
    QCOMPARE(answers.at(2).status, 404);
    for (const auto& a : answers)
        QVERIFY(!a.closes());
    QVERIFY(!c.closed());

    // Keep-alive: the same connection serves the next one; "Connection: close" is honoured.
    c.write(Client::request("GET", "/api/v1/health", {}, "Connection: close\r\n"));
    QTRY_VERIFY_WITH_TIMEOUT(c.closed(), 20000);
    answers = c.responses();
    QCOMPARE(answers.size(), 4);
    QCOMPARE(answers.at(3).status, 200);
    QVERIFY(answers.at(3).closes());

    // HTTP/1.0 closes unless asked to keep alive.
    Client old(m_hub.hub().port(), m_hub.clientTls());
    QTRY_VERIFY_WITH_TIMEOUT(old.encrypted(), 10000);
    old.write("GET /api/v1/health HTTP/1.0\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(old.closed(), 20000);
    QCOMPARE(old.responses().size(), 1);
    QCOMPARE(old.responses().at(0).status, 200);
}

QTEST_GUILESS_MAIN(TestHubTransport)
#include "tst_hubtransport.moc"
