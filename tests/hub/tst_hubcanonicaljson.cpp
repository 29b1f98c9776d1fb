#include "ResultCheck.h"
#include "domain/CanonicalJson.h"
#include "security/Signatures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// The canonical JSON that batch signatures cover, and the signature helpers over OpenSSL.
class TestHubCanonicalJson : public QObject {
    Q_OBJECT

private slots:
    void canonicalForm_data();
    void canonicalForm();
    void keyOrderDoesNotMatter();
    void signAndVerify_data();
    void signAndVerify();
    void wrongKeyTypeIsRefused();
};

void TestHubCanonicalJson::canonicalForm_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("canonical");
    QTest::newRow("sorted keys, no spaces")
        << QByteArray(R"({ "b" : 1, "a" : [ true, false, null ] })") << QByteArray(R"({"a":[true,false,null],"b":1})");
    QTest::newRow("nested") << QByteArray(R"({"z":{"y":2,"x":{"b":"c","a":"d"}}})")
                            << QByteArray(R"({"z":{"x":{"a":"d","b":"c"},"y":2}})");
    QTest::newRow("whole numbers") << QByteArray(R"({"v":3.0,"w":-12,"x":1e3})")
                                   << QByteArray(R"({"v":3,"w":-12,"x":1000})");
    QTest::newRow("fraction") << QByteArray(R"({"v":0.5})") << QByteArray(R"({"v":0.5})");
    QTest::newRow("utf8 raw") << QByteArray("{\"t\":\"\\u738b\\u5c0f\\u660e\"}")
                              << QByteArray("{\"t\":\"\xe7\x8e\x8b\xe5\xb0\x8f\xe6\x98\x8e\"}");
    QTest::newRow("escapes") << QByteArray(R"({"t":"a\"b\\c\nd\u0001e/f"})")
                             << QByteArray(R"({"t":"a\"b\\c\nd\u0001e/f"})");
    QTest::newRow("empty") << QByteArray("{}") << QByteArray("{}");
}

void TestHubCanonicalJson::canonicalForm()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, canonical);
    const QJsonDocument doc = QJsonDocument::fromJson(input);
    QVERIFY(doc.isObject());
    QCOMPARE(adm::json::canonical(doc.object()), canonical);
    // The canonical form parses back to the same value.
    QCOMPARE(QJsonDocument::fromJson(canonical).object(), doc.object());
}

void TestHubCanonicalJson::keyOrderDoesNotMatter()
{
    const QJsonObject a =
        QJsonDocument::fromJson(R"({"id":"B1","items":[{"version":3,"application_id":"A1"}],"title":"第一轮"})")
            .object();
    const QJsonObject b =
        QJsonDocument::fromJson(R"({"title":"第一轮","items":[{"application_id":"A1","version":3}],"id":"B1"})")
            .object();
    QCOMPARE(adm::json::canonical(a), adm::json::canonical(b));
    QCOMPARE(adm::json::canonical(a),
             QByteArray(R"({"id":"B1","items":[{"application_id":"A1","version":3}],"title":")") +
                 QString::fromUtf8("第一轮").toUtf8() + "\"}");
}

void TestHubCanonicalJson::signAndVerify_data()
{
    QTest::addColumn<int>("algorithm");
    QTest::newRow("ed25519") << int(adm::crypto::SignatureAlgorithm::Ed25519);
    QTest::newRow("sm2-sm3") << int(adm::crypto::SignatureAlgorithm::Sm2Sm3);
}

void TestHubCanonicalJson::signAndVerify()
{
    QFETCH(int, algorithm);
    const auto alg = adm::crypto::SignatureAlgorithm(algorithm);
    const auto key = adm::crypto::generateSigningKey(alg);
    QVERIFY(key);
    QVERIFY(key->publicKeyPem.startsWith("-----BEGIN PUBLIC KEY-----"));
    QVERIFY(adm::crypto::checkPublicKey(key->publicKeyPem, alg).ok());
    const QByteArray message = R"({"id":"B1","items":[]})";
    const auto signature = adm::crypto::signMessage(key->privateKeyPem, alg, message);
    QVERIFY(signature);
    QVERIFY(adm::crypto::verifySignature(key->publicKeyPem, alg, message, *signature).ok());

    QByteArray tampered = message;
    tampered[7] = 'C';
    const adm::Status bad = adm::crypto::verifySignature(key->publicKeyPem, alg, tampered, *signature);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, QStringLiteral("bad_signature"));
    QByteArray brokenSignature = *signature;
    brokenSignature[brokenSignature.size() / 2] = char(brokenSignature[brokenSignature.size() / 2] ^ 0x40);
    QVERIFY(!adm::crypto::verifySignature(key->publicKeyPem, alg, message, brokenSignature).ok());
    const auto other = adm::crypto::generateSigningKey(alg);
    QVERIFY_OK(other);
    QVERIFY(!adm::crypto::verifySignature(other->publicKeyPem, alg, message, *signature).ok());
}

void TestHubCanonicalJson::wrongKeyTypeIsRefused()
{
    const auto ed = adm::crypto::generateSigningKey(adm::crypto::SignatureAlgorithm::Ed25519);
    QVERIFY_OK(ed);
    const auto sm2 = adm::crypto::generateSigningKey(adm::crypto::SignatureAlgorithm::Sm2Sm3);
    QVERIFY_OK(sm2);
    QCOMPARE(adm::crypto::checkPublicKey(ed->publicKeyPem, adm::crypto::SignatureAlgorithm::Sm2Sm3).error().code,
             QStringLiteral("wrong_key_type"));
    QCOMPARE(adm::crypto::checkPublicKey(sm2->publicKeyPem, adm::crypto::SignatureAlgorithm::Ed25519).error().code,
             QStringLiteral("wrong_key_type"));
    QCOMPARE(adm::crypto::checkPublicKey("not a key", adm::crypto::SignatureAlgorithm::Ed25519).error().code,
             QStringLiteral("bad_public_key"));
}

QTEST_GUILESS_MAIN(TestHubCanonicalJson)
#include "tst_hubcanonicaljson.moc"
