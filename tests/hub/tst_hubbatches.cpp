#include "HubFixture.h"
#include "ResultCheck.h"
#include "domain/CanonicalJson.h"
#include "security/Signatures.h"

#include <QTest>

using adm::crypto::SignatureAlgorithm;

// Signing keys and a principal's signed batches (Ed25519 and SM2/SM3).
class TestHubBatches : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void registerKeys();
    void keyRegistrationIsGuarded();
    void signedBatchIsAccepted_data();
    void signedBatchIsAccepted();
    void tamperedBatchIsBadSignature();
    void movedOnApplicationIsConflict();

private:
    struct Decided {
        QString id;
        qint64 version = 0;
    };
    Decided decideNext(const QString& outcome = QStringLiteral("approve"));
    qint64 versionOf(const QString& id, QJsonObject* data = nullptr);
    QJsonObject batch(const QString& keyId, const QString& algorithm, const QList<Decided>& items,
                      const QString& outcome = QStringLiteral("approve"));
    QJsonObject signedEntry(const QJsonObject& batch, const adm::security::SecretBytes& privateKey,
                            SignatureAlgorithm algorithm, const QString& key = newKey());
    HubFixture::Reply putKey(const QString& token, const QString& keyId, const QString& account,
                             const QString& algorithm, const QByteArray& pem);

    HubFixture m_hub;
    QString m_principalId;
    QString m_principal;
    QString m_reviewer;
    QStringList m_open; // submitted applications of S371102001
    adm::crypto::SigningKey m_ed;
    adm::crypto::SigningKey m_sm2;
};

void TestHubBatches::initTestCase()
{
    QVERIFY(m_hub.start());
    m_principalId = m_hub.accountWithRole(QStringLiteral("principal"), QStringLiteral("S371102001"));
    m_principal = m_hub.login(m_principalId);
    m_reviewer = m_hub.login(m_hub.accountWithRole(QStringLiteral("reviewer"), QStringLiteral("S371102001")));
    for (const QJsonObject& c : m_hub.pullAll(m_reviewer)) {
        const QJsonObject d = c.value(QStringLiteral("data")).toObject();
        if (c.value(QStringLiteral("entity")).toString() == QLatin1String("application") &&
            d.value(QStringLiteral("status")).toString() == QLatin1String("submitted"))
            m_open.append(c.value(QStringLiteral("id")).toString());
    }
    QVERIFY(m_open.size() >= 4);
    m_ed = adm::crypto::generateSigningKey(SignatureAlgorithm::Ed25519).value();
    m_sm2 = adm::crypto::generateSigningKey(SignatureAlgorithm::Sm2Sm3).value();
}

qint64 TestHubBatches::versionOf(const QString& id, QJsonObject* data)
{
    for (const QJsonObject& c : m_hub.pullAll(m_reviewer)) {
        if (c.value(QStringLiteral("id")).toString() == id) {
            if (data)
                *data = c.value(QStringLiteral("data")).toObject();
            return c.value(QStringLiteral("version")).toInteger();
        }
    }
    return -1;
}

TestHubBatches::Decided TestHubBatches::decideNext(const QString& outcome)
{
    const QString id = m_open.takeFirst();
    const qint64 version = versionOf(id);
    const auto r = m_hub.post(QStringLiteral("/api/v1/decisions"),
                              QJsonObject{{QStringLiteral("decisions"),
                                           QJsonArray{QJsonObject{{QStringLiteral("idempotency_key"), newKey()},
                                                                  {QStringLiteral("application_id"), id},
                                                                  {QStringLiteral("base_version"), version},
                                                                  {QStringLiteral("outcome"), outcome},
                                                                  {QStringLiteral("category"), QStringLiteral("A")}}}}},
                              m_reviewer);
    return Decided{id, r.result().value(QStringLiteral("version")).toInteger()};
}

QJsonObject TestHubBatches::batch(const QString& keyId, const QString& algorithm, const QList<Decided>& items,
                                  const QString& outcome)
{
    QJsonArray list;
    for (const Decided& d : items)
        list.append(QJsonObject{{QStringLiteral("application_id"), d.id},
                                {QStringLiteral("version"), d.version},
                                {QStringLiteral("outcome"), outcome},
                                {QStringLiteral("category"), QStringLiteral("A")}});
    return QJsonObject{{QStringLiteral("id"), newKey()},
                       {QStringLiteral("school_id"), QStringLiteral("S371102001")},
                       {QStringLiteral("title"), QStringLiteral("第一轮录取")},
                       {QStringLiteral("created_at"), QStringLiteral("2026-06-10T02:00:00Z")},
                       {QStringLiteral("signer"), m_principalId},
                       {QStringLiteral("key_id"), keyId},
                       {QStringLiteral("algorithm"), algorithm},
                       {QStringLiteral("items"), list}};
}

QJsonObject TestHubBatches::signedEntry(const QJsonObject& b, const adm::security::SecretBytes& privateKey,
                                        SignatureAlgorithm algorithm, const QString& key)
{
    const auto signature = adm::crypto::signMessage(privateKey, algorithm, adm::json::canonical(b));
    return QJsonObject{{QStringLiteral("idempotency_key"), key},
                       {QStringLiteral("batch"), b},
                       {QStringLiteral("signature"), QString::fromLatin1(signature->toBase64())}};
}

HubFixture::Reply TestHubBatches::putKey(const QString& token, const QString& keyId, const QString& account,
                                         const QString& algorithm, const QByteArray& pem)
{
    return m_hub.send("PUT", QStringLiteral("/api/v1/signing-keys/") + keyId,
                      QJsonDocument(QJsonObject{{QStringLiteral("account"), account},
                                                {QStringLiteral("algorithm"), algorithm},
                                                {QStringLiteral("public_key_pem"), QString::fromLatin1(pem)}})
                          .toJson(),
                      token);
}

void TestHubBatches::registerKeys()
{
    auto r = putKey(m_principal, QStringLiteral("k-ed"), m_principalId, QStringLiteral("ed25519"), m_ed.publicKeyPem);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    r = putKey(m_principal, QStringLiteral("k-ed"), m_principalId, QStringLiteral("ed25519"), m_ed.publicKeyPem);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("duplicate"));
    r = putKey(m_principal, QStringLiteral("k-sm2"), m_principalId, QStringLiteral("sm2-sm3"), m_sm2.publicKeyPem);
    QCOMPARE(r.status, 200);
    // Another key under a taken id.
    r = putKey(m_principal, QStringLiteral("k-ed"), m_principalId, QStringLiteral("sm2-sm3"), m_sm2.publicKeyPem);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.errorCode(), QStringLiteral("key_id_taken"));
}

void TestHubBatches::keyRegistrationIsGuarded()
{
    // A reviewer may not; a principal only for itself; the key must be what it claims.
    auto r = putKey(m_reviewer, QStringLiteral("k-r"), m_principalId, QStringLiteral("ed25519"), m_ed.publicKeyPem);
    QCOMPARE(r.status, 403);
    const QString other = m_hub.accountWithRole(QStringLiteral("principal"), QStringLiteral("S371102002"));
    r = putKey(m_principal, QStringLiteral("k-o"), other, QStringLiteral("ed25519"), m_ed.publicKeyPem);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), QStringLiteral("decider_mismatch"));
    r = putKey(m_principal, QStringLiteral("k-x"), m_principalId, QStringLiteral("ed25519"), m_sm2.publicKeyPem);
    QCOMPARE(r.status, 422);
    QVERIFY(r.errorMessage().startsWith(QStringLiteral("signing_key.public_key_pem:")));
    r = putKey(m_principal, QStringLiteral("k-y"), m_principalId, QStringLiteral("rsa"), m_ed.publicKeyPem);
    QCOMPARE(r.status, 422);
    QVERIFY(r.errorMessage().startsWith(QStringLiteral("signing_key.algorithm:")));
    r = putKey(m_principal, QStringLiteral("bad%20id!"), m_principalId, QStringLiteral("ed25519"), m_ed.publicKeyPem);
    QCOMPARE(r.status, 422);
}

void TestHubBatches::signedBatchIsAccepted_data()
{
    QTest::addColumn<QString>("keyId");
    QTest::addColumn<QString>("algorithm");
    QTest::newRow("ed25519") << QStringLiteral("k-ed") << QStringLiteral("ed25519");
    QTest::newRow("sm2-sm3") << QStringLiteral("k-sm2") << QStringLiteral("sm2-sm3");
}

void TestHubBatches::signedBatchIsAccepted()
{
    QFETCH(QString, keyId);
    QFETCH(QString, algorithm);
    const bool ed = algorithm == QLatin1String("ed25519");
    const Decided d = decideNext();
    QVERIFY(d.version > 1);
    const QJsonObject b = batch(keyId, algorithm, {d});
    const QJsonObject entry = signedEntry(b, ed ? m_ed.privateKeyPem : m_sm2.privateKeyPem,
                                          ed ? SignatureAlgorithm::Ed25519 : SignatureAlgorithm::Sm2Sm3);
    const auto r = m_hub.post(QStringLiteral("/api/v1/batches"),
                              QJsonObject{{QStringLiteral("batches"), QJsonArray{entry}}}, m_principal);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.result().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    QCOMPARE(r.result().value(QStringLiteral("id")).toString(), b.value(QStringLiteral("id")).toString());

    QJsonObject data;
    QCOMPARE(versionOf(d.id, &data), d.version + 1);
    const QJsonObject decision = data.value(QStringLiteral("decision")).toObject();
    QCOMPARE(decision.value(QStringLiteral("signed")).toBool(), true);
    QCOMPARE(decision.value(QStringLiteral("batch_id")).toString(), b.value(QStringLiteral("id")).toString());

    // The same request again: duplicate, nothing more changes.
    const auto replay = m_hub.post(QStringLiteral("/api/v1/batches"),
                                   QJsonObject{{QStringLiteral("batches"), QJsonArray{entry}}}, m_principal);
    QCOMPARE(replay.result().value(QStringLiteral("status")).toString(), QStringLiteral("duplicate"));
    QCOMPARE(versionOf(d.id), d.version + 1);
}

void TestHubBatches::tamperedBatchIsBadSignature()
{
    const Decided d = decideNext();
    const QJsonObject b = batch(QStringLiteral("k-ed"), QStringLiteral("ed25519"), {d});
    QJsonObject entry = signedEntry(b, m_ed.privateKeyPem, SignatureAlgorithm::Ed25519);
    QJsonObject tampered = b;
    tampered.insert(QStringLiteral("title"), QStringLiteral("第二轮录取"));
    entry.insert(QStringLiteral("batch"), tampered);
    // Signed by a key that is not the registered one.
    const auto stranger = adm::crypto::generateSigningKey(SignatureAlgorithm::Sm2Sm3);
    QVERIFY_OK(stranger);
    const QJsonObject foreign = signedEntry(batch(QStringLiteral("k-sm2"), QStringLiteral("sm2-sm3"), {d}),
                                            stranger->privateKeyPem, SignatureAlgorithm::Sm2Sm3);
    const auto r = m_hub.post(QStringLiteral("/api/v1/batches"),
                              QJsonObject{{QStringLiteral("batches"), QJsonArray{entry, foreign}}}, m_principal);
    QCOMPARE(r.status, 200);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(r.result(i).value(QStringLiteral("status")).toString(), QStringLiteral("invalid"));
        QCOMPARE(r.result(i).value(QStringLiteral("code")).toString(), QStringLiteral("bad_signature"));
    }
    QCOMPARE(versionOf(d.id), d.version); // nothing signed
}

void TestHubBatches::movedOnApplicationIsConflict()
{
    const Decided d = decideNext();
    const QJsonObject entry = signedEntry(batch(QStringLiteral("k-ed"), QStringLiteral("ed25519"), {d}),
                                          m_ed.privateKeyPem, SignatureAlgorithm::Ed25519);
    // The reviewer changes the decision after the principal signed.
    const auto change =
        m_hub.post(QStringLiteral("/api/v1/decisions"),
                   QJsonObject{{QStringLiteral("decisions"),
                                QJsonArray{QJsonObject{{QStringLiteral("idempotency_key"), newKey()},
                                                       {QStringLiteral("application_id"), d.id},
                                                       {QStringLiteral("base_version"), d.version},
                                                       {QStringLiteral("outcome"), QStringLiteral("reject")},
                                                       {QStringLiteral("reason_code"), QStringLiteral("R1")}}}}},
                   m_reviewer);
    QCOMPARE(change.result().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    const auto r = m_hub.post(QStringLiteral("/api/v1/batches"),
                              QJsonObject{{QStringLiteral("batches"), QJsonArray{entry}}}, m_principal);
    QCOMPARE(r.result().value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
    QCOMPARE(r.result().value(QStringLiteral("code")).toString(), QStringLiteral("version_mismatch"));
    QCOMPARE(r.result().value(QStringLiteral("version")).toInteger(), d.version + 1);
    QJsonObject data;
    QCOMPARE(versionOf(d.id, &data), d.version + 1);
    QCOMPARE(data.value(QStringLiteral("decision")).toObject().value(QStringLiteral("signed")).toBool(), false);
}

QTEST_GUILESS_MAIN(TestHubBatches)
#include "tst_hubbatches.moc"
