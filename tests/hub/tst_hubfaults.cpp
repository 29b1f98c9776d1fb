#include "FaultInjector.h"
#include "HubFixture.h"
#include "ResultCheck.h"

#include <QSignalSpy>
#include <QTest>

using adm::hub::FaultInjector;

// --faults: the grammar, determinism, and each fault as a client meets it.
class TestHubFaults : public QObject {
    Q_OBJECT

private slots:
    void grammar_data();
    void grammar();
    void sameSeedSameFaults();
    void dropAfterCommitThenReplayIsDuplicate();
    void dropBeforeChangesNothing();
    void status503CarriesRetryAfter();
    void truncatedAndInvalidBodies();
    void slowReply();
    void hangUntilClientTimesOut();

private:
    static QJsonObject decision(const QString& key, const QString& id, qint64 base);
    static QPair<QString, qint64> firstApplication(HubFixture& hub, const QString& token);
    static qint64 versionOf(HubFixture& hub, const QString& token, const QString& id);
};

void TestHubFaults::grammar_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("valid");
    QTest::newRow("issue example")
        << QStringLiteral("drop-before:decisions:0.2,drop-after:decisions:0.2,status503:changes:0.1:retry-after=1,"
                          "status500:any:0.05,slow:changes:2000ms,truncate:changes:0.1,invalid-json:changes:0.1,"
                          "hang:sessions:1")
        << true;
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("counts") << QStringLiteral("drop-after:batches:times=2:skip=3,status429:audit:retry-after=5")
                            << true;
    QTest::newRow("hang duration") << QStringLiteral("hang:changes:0.5:30s") << true;
    QTest::newRow("unknown kind") << QStringLiteral("explode:changes") << false;
    QTest::newRow("unknown target") << QStringLiteral("drop-after:everything") << false;
    QTest::newRow("no target") << QStringLiteral("truncate") << false;
    QTest::newRow("probability above 1") << QStringLiteral("truncate:changes:1.5") << false;
    QTest::newRow("slow without time") << QStringLiteral("slow:changes:0.5") << false;
    QTest::newRow("bad parameter") << QStringLiteral("status503:changes:retry=1") << false;
}

void TestHubFaults::grammar()
{
    QFETCH(QString, spec);
    QFETCH(bool, valid);
    const auto f = FaultInjector::parse(spec, 1);
    QCOMPARE(f.ok(), valid);
    if (!valid) {
        QCOMPARE(f.error().code, QStringLiteral("bad_fault_spec"));
        QVERIFY(f.error().message.contains(QStringLiteral("--faults")));
    }
}

void TestHubFaults::sameSeedSameFaults()
{
    const QString spec = QStringLiteral("drop-after:decisions:0.5,truncate:changes:0.3,status503:any:0.2");
    auto a = FaultInjector::parse(spec, 42);
    QVERIFY_OK(a);
    auto b = FaultInjector::parse(spec, 42);
    QVERIFY_OK(b);
    auto c = FaultInjector::parse(spec, 43);
    QVERIFY_OK(c);
    QStringList seqA;
    QStringList seqB;
    QStringList seqC;
    const QStringList endpoints = {QStringLiteral("decisions"), QStringLiteral("changes"), QStringLiteral("sessions")};
    for (int i = 0; i < 300; ++i) {
        const QString e = endpoints.at(i % 3);
        seqA.append(a->plan(e).names.join(u'+'));
        seqB.append(b->plan(e).names.join(u'+'));
        seqC.append(c->plan(e).names.join(u'+'));
    }
    QCOMPARE(seqA, seqB);
    QVERIFY(seqA != seqC);
    // About the asked share fires.
    const qsizetype drops = seqA.filter(QStringLiteral("drop-after")).size();
    QVERIFY2(drops > 25 && drops < 75, qPrintable(QString::number(drops)));
}

QJsonObject TestHubFaults::decision(const QString& key, const QString& id, qint64 base)
{
    return QJsonObject{
        {QStringLiteral("decisions"), QJsonArray{QJsonObject{{QStringLiteral("idempotency_key"), key},
                                                             {QStringLiteral("application_id"), id},
                                                             {QStringLiteral("base_version"), base},
                                                             {QStringLiteral("outcome"), QStringLiteral("approve")},
                                                             {QStringLiteral("category"), QStringLiteral("A")}}}}};
}

QPair<QString, qint64> TestHubFaults::firstApplication(HubFixture& hub, const QString& token)
{
    for (const QJsonObject& c : hub.pullAll(token)) {
        if (c.value(QStringLiteral("entity")).toString() == QLatin1String("application"))
            return {c.value(QStringLiteral("id")).toString(), c.value(QStringLiteral("version")).toInteger()};
    }
    return {};
}

qint64 TestHubFaults::versionOf(HubFixture& hub, const QString& token, const QString& id)
{
    for (const QJsonObject& c : hub.pullAll(token)) {
        if (c.value(QStringLiteral("id")).toString() == id)
            return c.value(QStringLiteral("version")).toInteger();
    }
    return -1;
}

void TestHubFaults::dropAfterCommitThenReplayIsDuplicate()
{
    HubFixture hub;
    hub.options.faults = QStringLiteral("drop-after:decisions:1:times=1");
    QVERIFY(hub.start());
    const QString token = hub.login(hub.accountWithRole(QStringLiteral("reviewer"), QStringLiteral("S371102001")));
    const auto [id, version] = firstApplication(hub, token);
    const QString key = newKey();
    const auto dropped =
        hub.raw("POST", QStringLiteral("/api/v1/decisions"), QJsonDocument(decision(key, id, version)).toJson(), token);
    QVERIFY(dropped.closed);
    QVERIFY(dropped.bytes.isEmpty()); // no answer at all
    // It was committed all the same...
    QCOMPARE(versionOf(hub, token, id), version + 1);
    // ...and the client's retry with the same key is told so, and changes nothing more.
    const auto retry = hub.post(QStringLiteral("/api/v1/decisions"), decision(key, id, version), token);
    QCOMPARE(retry.status, 200);
    QCOMPARE(retry.result().value(QStringLiteral("status")).toString(), QStringLiteral("duplicate"));
    QCOMPARE(retry.result().value(QStringLiteral("original_status")).toString(), QStringLiteral("accepted"));
    QCOMPARE(retry.result().value(QStringLiteral("version")).toInteger(), version + 1);
    QCOMPARE(versionOf(hub, token, id), version + 1);
}

void TestHubFaults::dropBeforeChangesNothing()
{
    HubFixture hub;
    hub.options.faults = QStringLiteral("drop-before:decisions:times=1");
    QVERIFY(hub.start());
    const QString token = hub.login(hub.accountWithRole(QStringLiteral("reviewer"), QStringLiteral("S371102001")));
    const auto [id, version] = firstApplication(hub, token);
    const QString key = newKey();
    const auto dropped =
        hub.raw("POST", QStringLiteral("/api/v1/decisions"), QJsonDocument(decision(key, id, version)).toJson(), token);
    QVERIFY(dropped.closed);
    QVERIFY(dropped.bytes.isEmpty());
    QCOMPARE(versionOf(hub, token, id), version);
    const auto retry = hub.post(QStringLiteral("/api/v1/decisions"), decision(key, id, version), token);
    QCOMPARE(retry.result().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
}

void TestHubFaults::status503CarriesRetryAfter()
{
    HubFixture hub;
    hub.options.faults = QStringLiteral("status503:changes:retry-after=2:times=1,status500:stats:times=1");
    QVERIFY(hub.start());
    const QString token = hub.login(QStringLiteral("supervisor.city"));
    auto r = hub.get(QStringLiteral("/api/v1/changes"), token);
    QCOMPARE(r.status, 503);
    QCOMPARE(r.retryAfter, QByteArray("2"));
    QVERIFY(!r.errorCode().isEmpty());
    QCOMPARE(hub.get(QStringLiteral("/api/v1/changes"), token).status, 200);
    QCOMPARE(hub.get(QStringLiteral("/api/v1/admin/stats"), token).status, 500);
    QCOMPARE(hub.get(QStringLiteral("/api/v1/admin/stats"), token).status, 200);
}

void TestHubFaults::truncatedAndInvalidBodies()
{
    HubFixture hub;
    hub.options.faults = QStringLiteral("truncate:changes:times=1,invalid-json:changes:skip=1:times=1");
    QVERIFY(hub.start());
    const QString token = hub.login(QStringLiteral("supervisor.city"));
    const auto truncated = hub.get(QStringLiteral("/api/v1/changes"), token);
    QVERIFY(truncated.error != QNetworkReply::NoError || !truncated.jsonOk);
    QVERIFY(!truncated.jsonOk);
    const auto invalid = hub.get(QStringLiteral("/api/v1/changes"), token);
    QCOMPARE(invalid.status, 200);
    QVERIFY(!invalid.body.isEmpty());
    QVERIFY(!invalid.jsonOk);
    const auto fine = hub.get(QStringLiteral("/api/v1/changes"), token);
    QCOMPARE(fine.status, 200);
    QVERIFY(fine.jsonOk);
}

void TestHubFaults::slowReply()
{
    HubFixture hub;
    hub.options.faults = QStringLiteral("slow:stats:5s");
    QVERIFY(hub.start());
    const QString token = hub.login(QStringLiteral("supervisor.city"));
    // The slow answer is still owed while another request is answered in full: the delay holds that
    // one reply only. (Its length is the fault's business; a test does not time it.)
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(hub.url() + QStringLiteral("/api/v1/admin/stats")));
    request.setSslConfiguration(hub.clientTls());
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    QNetworkReply* slow = nam.get(request);
    QCOMPARE(hub.get(QStringLiteral("/api/v1/changes?limit=1"), token).status, 200);
    QVERIFY(!slow->isFinished());
    QSignalSpy finished(slow, &QNetworkReply::finished);
    QVERIFY(finished.wait(120000));
    QCOMPARE(slow->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(QJsonDocument::fromJson(slow->readAll()).isObject());
    delete slow;
}

void TestHubFaults::hangUntilClientTimesOut()
{
    HubFixture hub;
    hub.options.faults = QStringLiteral("hang:sessions:skip=1:times=1:20s");
    QVERIFY(hub.start());
    const QString id = QStringLiteral("supervisor.city");
    QVERIFY(!hub.login(id).isEmpty());
    const QJsonObject body{{QStringLiteral("account"), id},
                           {QStringLiteral("password"), hub.password(id)},
                           {QStringLiteral("workstation"), QJsonObject{{QStringLiteral("id"), QStringLiteral("w")}}}};
    const auto hung = hub.post(QStringLiteral("/api/v1/sessions"), body, QString(), 800);
    QCOMPARE(hung.status, 0);
    // The client gave up waiting (a hub that closed the connection would be another error).
    QVERIFY2(hung.error == QNetworkReply::OperationCanceledError || hung.error == QNetworkReply::TimeoutError,
             qPrintable(hung.errorText));
    QCOMPARE(hub.post(QStringLiteral("/api/v1/sessions"), body).status, 200);
}

QTEST_GUILESS_MAIN(TestHubFaults)
#include "tst_hubfaults.moc"
