#include "HubFixture.h"
#include "HubStorage.h"
#include "domain/CanonicalJson.h"
#include "domain/IdNumber.h"
#include "domain/JsonCodec.h"
#include "security/Signatures.h"

#include <QTest>

using adm::crypto::SignatureAlgorithm;

// Who and when (docs/hub.md): the hub records the signed-in account as the decider, signer, taker
// and actor, and its own clock as the time; the client's times are kept beside. A client naming
// another account is refused per item with code decider_mismatch, and the other items go on.
class TestHubAccountability : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void reviewerCannotDecideAsPrincipalIn1999();
    void deciderMismatchIsPerItem();
    void counterApplicationIsTakenByTheAccountAtHubTime();
    void batchSignerMustBeTheAccount();
    void auditActorIsTheAccount();
    void signingKeyForAnotherAccountIsDeciderMismatch();

private:
    struct App {
        qint64 version = 0;
        QJsonObject data;
    };
    App application(const QString& id);
    QJsonObject decision(const QString& id, qint64 version);
    HubFixture::Reply decide(const QString& token, const QJsonArray& items);

    HubFixture m_hub;
    QString m_reviewerId, m_reviewer;
    QString m_principalId, m_principal;
    QStringList m_open; // submitted applications of S371102001
};

void TestHubAccountability::initTestCase()
{
    QVERIFY(m_hub.start());
    m_reviewerId = m_hub.accountWithRole(QStringLiteral("reviewer"), QStringLiteral("S371102001"));
    m_principalId = m_hub.accountWithRole(QStringLiteral("principal"), QStringLiteral("S371102001"));
    m_reviewer = m_hub.login(m_reviewerId);
    m_principal = m_hub.login(m_principalId);
    QVERIFY(!m_reviewer.isEmpty() && !m_principal.isEmpty());
    for (const QJsonObject& c : m_hub.pullAll(m_reviewer)) {
        const QJsonObject d = c.value(QStringLiteral("data")).toObject();
        if (c.value(QStringLiteral("entity")).toString() == QLatin1String("application") &&
            d.value(QStringLiteral("status")).toString() == QLatin1String("submitted"))
            m_open.append(c.value(QStringLiteral("id")).toString());
    }
    QVERIFY(m_open.size() >= 4);
}

TestHubAccountability::App TestHubAccountability::application(const QString& id)
{
    for (const QJsonObject& c : m_hub.pullAll(m_reviewer))
        if (c.value(QStringLiteral("id")).toString() == id)
            return App{c.value(QStringLiteral("version")).toInteger(), c.value(QStringLiteral("data")).toObject()};
    return {};
}

QJsonObject TestHubAccountability::decision(const QString& id, qint64 version)
{
    return QJsonObject{{QStringLiteral("idempotency_key"), newKey()},
                       {QStringLiteral("application_id"), id},
                       {QStringLiteral("base_version"), version},
                       {QStringLiteral("outcome"), QStringLiteral("approve")},
                       {QStringLiteral("category"), QStringLiteral("A")}};
}

HubFixture::Reply TestHubAccountability::decide(const QString& token, const QJsonArray& items)
{
    return m_hub.post(QStringLiteral("/api/v1/decisions"), QJsonObject{{QStringLiteral("decisions"), items}}, token);
}

void TestHubAccountability::reviewerCannotDecideAsPrincipalIn1999()
{
    const QString id = m_open.at(0);
    const App before = application(id);
    // Under the principal's name: refused, nothing changes.
    QJsonObject forged = decision(id, before.version);
    forged.insert(QStringLiteral("decided_by"), m_principalId);
    forged.insert(QStringLiteral("decided_at"), QStringLiteral("1999-01-01T00:00:00Z"));
    const auto refused = decide(m_reviewer, {forged});
    QCOMPARE(refused.status, 200);
    QCOMPARE(refused.result().value(QStringLiteral("status")).toString(), QStringLiteral("invalid"));
    QCOMPARE(refused.result().value(QStringLiteral("code")).toString(), QStringLiteral("decider_mismatch"));
    QVERIFY(refused.result()
                .value(QStringLiteral("message"))
                .toString()
                .startsWith(QStringLiteral("decisions[0].decided_by:")));
    QCOMPARE(application(id).version, before.version);

    // Dated 1999 without a name: taken, but under the reviewer and the hub's clock.
    QJsonObject dated = decision(id, before.version);
    dated.insert(QStringLiteral("decided_at"), QStringLiteral("1999-01-01T00:00:00Z"));
    const QDateTime from = QDateTime::currentDateTimeUtc().addSecs(-1);
    const auto taken = decide(m_reviewer, {dated});
    const QDateTime to = QDateTime::currentDateTimeUtc().addSecs(1);
    QCOMPARE(taken.result().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    const QJsonObject stored = application(id).data.value(QStringLiteral("decision")).toObject();
    QCOMPARE(stored.value(QStringLiteral("decided_by")).toString(), m_reviewerId);
    const QDateTime decidedAt = adm::json::parseTime(stored.value(QStringLiteral("decided_at")).toString());
    QVERIFY2(decidedAt >= from && decidedAt <= to, qPrintable(stored.value(QStringLiteral("decided_at")).toString()));
    QCOMPARE(stored.value(QStringLiteral("client_decided_at")).toString(), QStringLiteral("1999-01-01T00:00:00Z"));

    // The hub's own log says the same.
    auto q = m_hub.hub().storage().connection().prepare(
        QStringLiteral("SELECT account, decided_at, client_decided_at FROM decisions WHERE application_id = ? "
                       "ORDER BY id DESC LIMIT 1"));
    QVERIFY(q);
    q->bind(1, id);
    QVERIFY(q->step());
    QCOMPARE(q->text(0), m_reviewerId);
    QCOMPARE(q->text(1), stored.value(QStringLiteral("decided_at")).toString());
    QCOMPARE(q->text(2), QStringLiteral("1999-01-01T00:00:00Z"));
}

void TestHubAccountability::deciderMismatchIsPerItem()
{
    const App a = application(m_open.at(1));
    const App b = application(m_open.at(2));
    QJsonObject other = decision(m_open.at(1), a.version);
    other.insert(QStringLiteral("decided_by"), m_principalId);
    QJsonObject mine = decision(m_open.at(2), b.version);
    mine.insert(QStringLiteral("decided_by"), m_reviewerId); // naming oneself is fine
    const auto r = decide(m_reviewer, {other, mine});
    QCOMPARE(r.result(0).value(QStringLiteral("code")).toString(), QStringLiteral("decider_mismatch"));
    QCOMPARE(r.result(1).value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    QCOMPARE(application(m_open.at(1)).version, a.version);
    const App after = application(m_open.at(2));
    QCOMPARE(after.version, b.version + 1);
    QVERIFY(!after.data.value(QStringLiteral("decision")).toObject().contains(QStringLiteral("client_decided_at")));
}

void TestHubAccountability::counterApplicationIsTakenByTheAccountAtHubTime()
{
    const QString clerkId = m_hub.accountWithRole(QStringLiteral("clerk"), QStringLiteral("S371102001"));
    const QString clerk = m_hub.login(clerkId);
    const QString child = QStringLiteral("37110220191202555");
    QJsonObject item{{QStringLiteral("idempotency_key"), newKey()},
                     {QStringLiteral("admission_year"), 2026},
                     {QStringLiteral("grade"), QStringLiteral("primary1")},
                     {QStringLiteral("channel"), QStringLiteral("counter")},
                     {QStringLiteral("submitted_at"), QStringLiteral("1999-05-05T05:05:05Z")},
                     {QStringLiteral("child"),
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("李小雨")},
                                  {QStringLiteral("id_number"), child + adm::IdNumber::checkCharacter(child)}}},
                     {QStringLiteral("guardians"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("李伟")},
                                             {QStringLiteral("id_number"),
                                              QStringLiteral("37110219850101101") +
                                                  adm::IdNumber::checkCharacter(QStringLiteral("37110219850101101"))},
                                             {QStringLiteral("relation"), QStringLiteral("father")}}}},
                     {QStringLiteral("target_school_id"), QStringLiteral("S371102001")},
                     {QStringLiteral("claimed_address"), QStringLiteral("东港区海曲东路120号")},
                     // A client cannot say who took it: the hub writes that itself.
                     {QStringLiteral("taken_by"), QJsonObject{{QStringLiteral("account"), m_principalId}}}};
    QString cursor;
    m_hub.pullAll(m_reviewer, 5000, &cursor);
    const QDateTime from = QDateTime::currentDateTimeUtc().addSecs(-1);
    const auto r = m_hub.post(QStringLiteral("/api/v1/applications"),
                              QJsonObject{{QStringLiteral("applications"), QJsonArray{item}}}, clerk);
    const QDateTime to = QDateTime::currentDateTimeUtc().addSecs(1);
    QCOMPARE(r.result().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    const QList<QJsonObject> delta = m_hub.pullAll(m_reviewer, 5000, &cursor);
    QCOMPARE(delta.size(), 1);
    const QJsonObject data = delta.first().value(QStringLiteral("data")).toObject();
    const QDateTime submitted = adm::json::parseTime(data.value(QStringLiteral("submitted_at")).toString());
    QVERIFY(submitted >= from && submitted <= to);
    QCOMPARE(data.value(QStringLiteral("client_submitted_at")).toString(), QStringLiteral("1999-05-05T05:05:05Z"));
    QCOMPARE(data.value(QStringLiteral("taken_by")).toObject().value(QStringLiteral("account")).toString(), clerkId);
}

void TestHubAccountability::batchSignerMustBeTheAccount()
{
    const auto key = adm::crypto::generateSigningKey(SignatureAlgorithm::Ed25519);
    QVERIFY(key);
    const auto put = m_hub.send(
        "PUT", QStringLiteral("/api/v1/signing-keys/k-acc"),
        QJsonDocument(QJsonObject{{QStringLiteral("account"), m_principalId},
                                  {QStringLiteral("algorithm"), QStringLiteral("ed25519")},
                                  {QStringLiteral("public_key_pem"), QString::fromLatin1(key->publicKeyPem)}})
            .toJson(),
        m_principal);
    QCOMPARE(put.status, 200);
    const QString id = m_open.at(3);
    const auto decided = decide(m_principal, {decision(id, application(id).version)});
    const qint64 version = decided.result().value(QStringLiteral("version")).toInteger();
    QVERIFY(version > 0);
    auto entry = [&](const QString& signer) {
        const QJsonObject batch{
            {QStringLiteral("id"), newKey()},
            {QStringLiteral("school_id"), QStringLiteral("S371102001")},
            {QStringLiteral("title"), QStringLiteral("第一轮录取")},
            {QStringLiteral("created_at"), QStringLiteral("1999-06-10T02:00:00Z")},
            {QStringLiteral("signer"), signer},
            {QStringLiteral("key_id"), QStringLiteral("k-acc")},
            {QStringLiteral("algorithm"), QStringLiteral("ed25519")},
            {QStringLiteral("items"), QJsonArray{QJsonObject{{QStringLiteral("application_id"), id},
                                                             {QStringLiteral("version"), version},
                                                             {QStringLiteral("outcome"), QStringLiteral("approve")},
                                                             {QStringLiteral("category"), QStringLiteral("A")}}}}};
        const auto signature =
            adm::crypto::signMessage(key->privateKeyPem, SignatureAlgorithm::Ed25519, adm::json::canonical(batch));
        return QJsonObject{{QStringLiteral("idempotency_key"), newKey()},
                           {QStringLiteral("batch"), batch},
                           {QStringLiteral("signature"), QString::fromLatin1(signature->toBase64())}};
    };
    const QJsonObject forged = entry(m_reviewerId);
    const QJsonObject good = entry(m_principalId);
    const auto r = m_hub.post(QStringLiteral("/api/v1/batches"),
                              QJsonObject{{QStringLiteral("batches"), QJsonArray{forged, good}}}, m_principal);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.result(0).value(QStringLiteral("status")).toString(), QStringLiteral("invalid"));
    QCOMPARE(r.result(0).value(QStringLiteral("code")).toString(), QStringLiteral("decider_mismatch"));
    QVERIFY(
        r.result(0).value(QStringLiteral("message")).toString().startsWith(QStringLiteral("batches[0].batch.signer:")));
    QCOMPARE(r.result(1).value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    QVERIFY(adm::json::parseTime(r.result(1).value(QStringLiteral("received_at")).toString()).isValid());

    // The signed bytes stay as signed (created_at 1999 included); the hub's time is kept beside.
    auto q = m_hub.hub().storage().connection().prepare(
        QStringLiteral("SELECT account, canonical, received_at, client_created_at FROM batches WHERE id = ?"));
    QVERIFY(q);
    q->bind(1, good.value(QStringLiteral("batch")).toObject().value(QStringLiteral("id")).toString());
    QVERIFY(q->step());
    QCOMPARE(q->text(0), m_principalId);
    QCOMPARE(q->utf8(1), adm::json::canonical(good.value(QStringLiteral("batch")).toObject()));
    QCOMPARE(q->text(2), r.result(1).value(QStringLiteral("received_at")).toString());
    QCOMPARE(q->text(3), QStringLiteral("1999-06-10T02:00:00Z"));
}

void TestHubAccountability::auditActorIsTheAccount()
{
    const QString token = m_hub.login(m_reviewerId, QStringLiteral("ws-accountability"));
    auto entry = [](qint64 seq, const QString& prev, const QString& actor) {
        QJsonObject e{{QStringLiteral("idempotency_key"), newKey()},
                      {QStringLiteral("seq"), seq},
                      {QStringLiteral("at"), QStringLiteral("1999-06-01T08:30:00Z")},
                      {QStringLiteral("local_actor"), QStringLiteral("admin")},
                      {QStringLiteral("action"), QStringLiteral("decision.make")},
                      {QStringLiteral("subject"), QStringLiteral("application=A2026000123")},
                      {QStringLiteral("prev_hash"), prev},
                      {QStringLiteral("hash"), QStringLiteral("h%1").arg(seq)}};
        if (!actor.isNull())
            e.insert(QStringLiteral("actor"), actor);
        return e;
    };
    const auto r =
        m_hub.post(QStringLiteral("/api/v1/audit"),
                   QJsonObject{{QStringLiteral("entries"),
                                QJsonArray{entry(1, QString(), m_principalId), entry(1, QString(), m_reviewerId),
                                           entry(2, QStringLiteral("h1"), QString())}}},
                   token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.result(0).value(QStringLiteral("code")).toString(), QStringLiteral("decider_mismatch"));
    QVERIFY(r.result(0).value(QStringLiteral("message")).toString().startsWith(QStringLiteral("entries[0].actor:")));
    QCOMPARE(r.result(1).value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    QCOMPARE(r.result(2).value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));

    auto q = m_hub.hub().storage().connection().prepare(
        QStringLiteral("SELECT actor, local_actor, at, received_at FROM audit_entries WHERE workstation_id = ? "
                       "ORDER BY seq"));
    QVERIFY(q);
    q->bind(1, QStringLiteral("ws-accountability"));
    int rows = 0;
    while (q->step()) {
        ++rows;
        QCOMPARE(q->text(0), m_reviewerId);
        QCOMPARE(q->text(1), QStringLiteral("admin"));
        QCOMPARE(q->text(2), QStringLiteral("1999-06-01T08:30:00Z")); // the workstation's time, as hashed
        QVERIFY(adm::json::parseTime(q->text(3)).date().year() > 2000);
    }
    QCOMPARE(rows, 2);
}

void TestHubAccountability::signingKeyForAnotherAccountIsDeciderMismatch()
{
    const auto key = adm::crypto::generateSigningKey(SignatureAlgorithm::Ed25519);
    QVERIFY(key);
    const auto r = m_hub.send(
        "PUT", QStringLiteral("/api/v1/signing-keys/k-other"),
        QJsonDocument(QJsonObject{{QStringLiteral("account"), m_reviewerId},
                                  {QStringLiteral("algorithm"), QStringLiteral("ed25519")},
                                  {QStringLiteral("public_key_pem"), QString::fromLatin1(key->publicKeyPem)}})
            .toJson(),
        m_principal);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), QStringLiteral("decider_mismatch"));
    QVERIFY(r.errorMessage().startsWith(QStringLiteral("signing_key.account:")));
}

QTEST_GUILESS_MAIN(TestHubAccountability)
#include "tst_hubaccountability.moc"
