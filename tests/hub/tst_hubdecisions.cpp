#include "HubFixture.h"

#include <QTest>

// POST /api/v1/decisions: versions, idempotency, scope and bad input.
class TestHubDecisions : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void acceptedThenReplayedIsDuplicateAppliedOnce();
    void staleBaseVersionIsVersionMismatch();
    void anotherSchoolsApplicationIs403AndChangesNothing();
    void clerkMayNotDecide();
    void badItemIsInvalidAndDoesNotBlockOthers();
    void dueDateAndWithdrawnReasonAreKept();
    void badRequestIs422NamingField_data();
    void badRequestIs422NamingField();
    void hugeBodyIs413();
    void tooManyItemsIs413();

private:
    struct App {
        QString id;
        qint64 version = 0;
        QString status;
    };
    App application(const QString& token, const QString& id);
    QJsonObject decision(const QString& key, const QString& id, qint64 base,
                         const QString& outcome = QStringLiteral("approve"));
    HubFixture::Reply push(const QString& token, const QJsonArray& decisions);

    HubFixture m_hub;
    QString m_reviewer;
    QString m_otherReviewer;
    QStringList m_apps;      // of S371102001, status submitted
    QStringList m_otherApps; // of S371102002
};

void TestHubDecisions::initTestCase()
{
    QVERIFY(m_hub.start());
    m_reviewer = m_hub.login(m_hub.accountWithRole(QStringLiteral("reviewer"), QStringLiteral("S371102001")));
    m_otherReviewer = m_hub.login(m_hub.accountWithRole(QStringLiteral("reviewer"), QStringLiteral("S371102002")));
    for (const QJsonObject& c : m_hub.pullAll(m_hub.login(QStringLiteral("supervisor.city")))) {
        if (c.value(QStringLiteral("entity")).toString() != QLatin1String("application"))
            continue;
        const QString school =
            c.value(QStringLiteral("data")).toObject().value(QStringLiteral("target_school_id")).toString();
        (school == QLatin1String("S371102001") ? m_apps : m_otherApps).append(c.value(QStringLiteral("id")).toString());
    }
    QVERIFY(m_apps.size() >= 5);
    QVERIFY(!m_otherApps.isEmpty());
}

TestHubDecisions::App TestHubDecisions::application(const QString& token, const QString& id)
{
    for (const QJsonObject& c : m_hub.pullAll(token)) {
        if (c.value(QStringLiteral("id")).toString() == id) {
            const QJsonObject d = c.value(QStringLiteral("data")).toObject();
            return App{id, c.value(QStringLiteral("version")).toInteger(),
                       d.value(QStringLiteral("status")).toString()};
        }
    }
    return {};
}

QJsonObject TestHubDecisions::decision(const QString& key, const QString& id, qint64 base, const QString& outcome)
{
    return QJsonObject{{QStringLiteral("idempotency_key"), key},
                       {QStringLiteral("application_id"), id},
                       {QStringLiteral("base_version"), base},
                       {QStringLiteral("outcome"), outcome},
                       {QStringLiteral("category"), QStringLiteral("A")},
                       {QStringLiteral("reason_code"), QJsonValue()},
                       {QStringLiteral("note"), QStringLiteral("checked")},
                       {QStringLiteral("decided_at"), QStringLiteral("2026-06-01T08:30:00Z")},
                       {QStringLiteral("policy_id"), QStringLiteral("P-371102-2026-primary1")},
                       {QStringLiteral("evidence_record_ids"), QJsonArray{QStringLiteral("R-P-0001")}}};
}

HubFixture::Reply TestHubDecisions::push(const QString& token, const QJsonArray& decisions)
{
    return m_hub.post(QStringLiteral("/api/v1/decisions"), QJsonObject{{QStringLiteral("decisions"), decisions}},
                      token);
}

void TestHubDecisions::acceptedThenReplayedIsDuplicateAppliedOnce()
{
    const App before = application(m_reviewer, m_apps.at(0));
    QVERIFY(before.version >= 1);
    const QString key = newKey();
    const auto first = push(m_reviewer, {decision(key, before.id, before.version)});
    QCOMPARE(first.status, 200);
    QCOMPARE(first.result().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    QCOMPARE(first.result().value(QStringLiteral("idempotency_key")).toString(), key);
    QCOMPARE(first.result().value(QStringLiteral("id")).toString(), before.id);
    QCOMPARE(first.result().value(QStringLiteral("version")).toInteger(), before.version + 1);

    const auto replay = push(m_reviewer, {decision(key, before.id, before.version)});
    QCOMPARE(replay.status, 200);
    QCOMPARE(replay.result().value(QStringLiteral("status")).toString(), QStringLiteral("duplicate"));
    QCOMPARE(replay.result().value(QStringLiteral("original_status")).toString(), QStringLiteral("accepted"));
    QCOMPARE(replay.result().value(QStringLiteral("version")).toInteger(), before.version + 1);
    QCOMPARE(replay.result().value(QStringLiteral("id")).toString(), before.id);

    const App after = application(m_reviewer, before.id);
    QCOMPARE(after.version, before.version + 1); // applied once
    QCOMPARE(after.status, QStringLiteral("approved"));
}

void TestHubDecisions::staleBaseVersionIsVersionMismatch()
{
    const App app = application(m_reviewer, m_apps.at(1));
    QCOMPARE(push(m_reviewer, {decision(newKey(), app.id, app.version, QStringLiteral("request_info"))})
                 .result()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("accepted"));
    // Decided elsewhere meanwhile: the old base version is a conflict carrying the current version.
    const auto r = push(m_reviewer, {decision(newKey(), app.id, app.version, QStringLiteral("reject"))});
    QCOMPARE(r.status, 200);
    const QJsonObject result = r.result();
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
    QCOMPARE(result.value(QStringLiteral("code")).toString(), QStringLiteral("version_mismatch"));
    QCOMPARE(result.value(QStringLiteral("version")).toInteger(), app.version + 1);
    QVERIFY(!result.value(QStringLiteral("message")).toString().isEmpty());
    const App after = application(m_reviewer, app.id);
    QCOMPARE(after.status, QStringLiteral("info_requested"));
    QCOMPARE(after.version, app.version + 1);
}

void TestHubDecisions::anotherSchoolsApplicationIs403AndChangesNothing()
{
    const QString supervisor = m_hub.login(QStringLiteral("supervisor.city"));
    QString cursor;
    m_hub.pullAll(supervisor, 5000, &cursor);
    const App mine = application(m_reviewer, m_apps.at(2));
    const App theirs = application(m_otherReviewer, m_otherApps.at(0));
    QVERIFY(theirs.version >= 1);
    // One item of another school spoils the request: nothing of it is applied.
    const auto r =
        push(m_reviewer, {decision(newKey(), mine.id, mine.version), decision(newKey(), theirs.id, theirs.version)});
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
    QVERIFY(r.errorMessage().contains(theirs.id));
    QVERIFY(m_hub.pullAll(supervisor, 5000, &cursor).isEmpty());
    QCOMPARE(application(m_otherReviewer, theirs.id).version, theirs.version);
    QCOMPARE(application(m_reviewer, mine.id).version, mine.version);
}

void TestHubDecisions::clerkMayNotDecide()
{
    const QString clerk = m_hub.login(m_hub.accountWithRole(QStringLiteral("clerk"), QStringLiteral("S371102001")));
    const App app = application(m_reviewer, m_apps.at(3));
    const auto r = push(clerk, {decision(newKey(), app.id, app.version)});
    QCOMPARE(r.status, 403);
    QCOMPARE(application(m_reviewer, app.id).version, app.version);
}

void TestHubDecisions::badItemIsInvalidAndDoesNotBlockOthers()
{
    const App app = application(m_reviewer, m_apps.at(4));
    QJsonObject wrongType = decision(newKey(), app.id, app.version);
    wrongType.insert(QStringLiteral("base_version"), QStringLiteral("three"));
    QJsonObject badOutcome = decision(newKey(), app.id, app.version);
    badOutcome.insert(QStringLiteral("outcome"), QStringLiteral("maybe"));
    QJsonObject missing = decision(newKey(), app.id, app.version);
    missing.remove(QStringLiteral("application_id"));
    const QJsonObject unknown = decision(newKey(), QStringLiteral("A2026999999"), 1);
    const QJsonObject good = decision(newKey(), app.id, app.version);
    const auto r = push(m_reviewer, {wrongType, badOutcome, missing, unknown, good});
    QCOMPARE(r.status, 200);
    const QStringList expected = {QStringLiteral("decisions[0].base_version"), QStringLiteral("decisions[1].outcome"),
                                  QStringLiteral("decisions[2].application_id"),
                                  QStringLiteral("decisions[3].application_id")};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(r.result(i).value(QStringLiteral("status")).toString(), QStringLiteral("invalid"));
        QVERIFY2(r.result(i).value(QStringLiteral("message")).toString().startsWith(expected.at(i)),
                 qPrintable(r.result(i).value(QStringLiteral("message")).toString()));
    }
    QCOMPARE(r.result(3).value(QStringLiteral("code")).toString(), QStringLiteral("unknown_application"));
    QCOMPARE(r.result(4).value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    QCOMPARE(application(m_reviewer, app.id).version, app.version + 1);

    // An invalid item is not remembered: corrected, the same key goes through.
    const App now = application(m_reviewer, m_apps.at(2));
    QJsonObject fixedLater = decision(newKey(), now.id, now.version);
    QJsonObject broken = fixedLater;
    broken.insert(QStringLiteral("outcome"), 5);
    QCOMPARE(push(m_reviewer, {broken}).result().value(QStringLiteral("status")).toString(), QStringLiteral("invalid"));
    QCOMPARE(push(m_reviewer, {fixedLater}).result().value(QStringLiteral("status")).toString(),
             QStringLiteral("accepted"));
}

void TestHubDecisions::dueDateAndWithdrawnReasonAreKept()
{
    QVERIFY(m_apps.size() >= 7);
    auto decisionOf = [&](const QString& id) {
        for (const QJsonObject& c : m_hub.pullAll(m_reviewer))
            if (c.value(QStringLiteral("id")).toString() == id)
                return c.value(QStringLiteral("data")).toObject().value(QStringLiteral("decision")).toObject();
        return QJsonObject();
    };
    // An information request with its due date (an optional extension of the contract).
    const App asked = application(m_reviewer, m_apps.at(m_apps.size() - 1));
    QJsonObject badDate = decision(newKey(), asked.id, asked.version, QStringLiteral("request_info"));
    badDate.insert(QStringLiteral("category"), QJsonValue());
    QJsonObject request = badDate;
    badDate.insert(QStringLiteral("due_date"), QStringLiteral("2026-02-30"));
    request.insert(QStringLiteral("due_date"), QStringLiteral("2026-12-20"));
    request.insert(QStringLiteral("note"), QStringLiteral("请携带租赁备案原件"));
    const auto r = push(m_reviewer, {badDate, request});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.result(0).value(QStringLiteral("status")).toString(), QStringLiteral("invalid"));
    QCOMPARE(r.result(0).value(QStringLiteral("code")).toString(), QStringLiteral("invalid_field"));
    QVERIFY2(
        r.result(0).value(QStringLiteral("message")).toString().startsWith(QStringLiteral("decisions[0].due_date")),
        qPrintable(r.result(0).value(QStringLiteral("message")).toString()));
    QCOMPARE(r.result(1).value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    const QJsonObject kept = decisionOf(asked.id);
    QCOMPARE(kept.value(QStringLiteral("outcome")).toString(), QStringLiteral("request_info"));
    QCOMPARE(kept.value(QStringLiteral("due_date")).toString(), QStringLiteral("2026-12-20"));
    QCOMPARE(kept.value(QStringLiteral("note")).toString(), QStringLiteral("请携带租赁备案原件"));

    // A rejection because the family withdrew: the reason code is taken and kept.
    const App withdrawn = application(m_reviewer, m_apps.at(m_apps.size() - 2));
    QJsonObject reject = decision(newKey(), withdrawn.id, withdrawn.version, QStringLiteral("reject"));
    reject.insert(QStringLiteral("category"), QJsonValue());
    reject.insert(QStringLiteral("reason_code"), QStringLiteral("withdrawn_by_family"));
    QCOMPARE(push(m_reviewer, {reject}).result().value(QStringLiteral("status")).toString(),
             QStringLiteral("accepted"));
    const QJsonObject rejected = decisionOf(withdrawn.id);
    QCOMPARE(rejected.value(QStringLiteral("reason_code")).toString(), QStringLiteral("withdrawn_by_family"));
    QVERIFY(!rejected.contains(QStringLiteral("due_date")));
}

void TestHubDecisions::badRequestIs422NamingField_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("malformed") << QByteArray("{\"decisions\": [") << QStringLiteral("body");
    QTest::newRow("not an object") << QByteArray("\"decisions\"") << QStringLiteral("body");
    QTest::newRow("no list") << QByteArray("{}") << QStringLiteral("decisions");
    QTest::newRow("list of wrong type") << QByteArray(R"({"decisions": {"a": 1}})") << QStringLiteral("decisions");
    QTest::newRow("item not an object") << QByteArray(R"({"decisions": [1]})") << QStringLiteral("decisions[0]");
    QTest::newRow("no key") << QByteArray(R"({"decisions": [{"application_id": "A1"}]})")
                            << QStringLiteral("decisions[0].idempotency_key");
    QTest::newRow("key of wrong type") << QByteArray(R"({"decisions": [{"idempotency_key": 7}]})")
                                       << QStringLiteral("decisions[0].idempotency_key");
}

void TestHubDecisions::badRequestIs422NamingField()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const auto r = m_hub.send("POST", QStringLiteral("/api/v1/decisions"), body, m_reviewer);
    QCOMPARE(r.status, 422);
    QVERIFY2(r.errorMessage().startsWith(field + u':'), qPrintable(r.errorMessage()));
    QVERIFY(!r.errorCode().isEmpty());
}

void TestHubDecisions::hugeBodyIs413()
{
    // Over the 8 MiB limit: refused from its Content-Length, before the hub buffers it.
    QByteArray body = "{\"decisions\": [], \"padding\": \"";
    body += QByteArray(9 * 1024 * 1024, 'x');
    body += "\"}";
    const auto r = m_hub.send("POST", QStringLiteral("/api/v1/decisions"), body, m_reviewer);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.errorCode(), QStringLiteral("body_too_large"));
    // The hub carries on.
    QCOMPARE(m_hub.get(QStringLiteral("/api/v1/health")).status, 200);
}

void TestHubDecisions::tooManyItemsIs413()
{
    QJsonArray items;
    for (int i = 0; i < 5001; ++i)
        items.append(QJsonObject{{QStringLiteral("idempotency_key"), QString::number(i)}});
    const auto r = push(m_reviewer, items);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.errorCode(), QStringLiteral("too_many_items"));
}

QTEST_GUILESS_MAIN(TestHubDecisions)
#include "tst_hubdecisions.moc"
