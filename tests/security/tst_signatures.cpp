// Batch signatures as the principal's sign-off will make them: keys in secure memory, the canonical
// JSON of a batch signed with Ed25519 or SM2-SM3 and checked by the openssl command line (the
// commands of docs/signoff.md), the fingerprint, the private key wrapped with a passphrase, and the
// canonical JSON against an independent canonicaliser (Python's json module).
#include "ResultCheck.h"
#include "domain/CanonicalJson.h"
#include "security/SecretBytes.h"
#include "security/SecureHeap.h"
#include "security/Signatures.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <type_traits>

using adm::crypto::SignatureAlgorithm;
using adm::security::SecretBytes;

// The private key has one owner: a SigningKey cannot be copied, only moved.
static_assert(!std::is_copy_constructible_v<adm::crypto::SigningKey>);
static_assert(!std::is_copy_assignable_v<adm::crypto::SigningKey>);
static_assert(std::is_move_constructible_v<adm::crypto::SigningKey>);

namespace {

struct Run {
    bool started = false;
    int exitCode = -1;
    QByteArray output; // stdout and stderr
};

Run run(const QString& program, const QStringList& args, const QString& workingDir = {}, const QByteArray& input = {},
        const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    p.start(program, args);
    Run r;
    r.started = p.waitForStarted(10000);
    if (!r.started)
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.output = p.readAllStandardOutput() + p.readAllStandardError();
    return r;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// The openssl commands of docs/signoff.md, "Verifying an exported batch with openssl".
QStringList verifyArgs(SignatureAlgorithm algorithm, bool withDistinguishingId = true)
{
    QStringList args{QStringLiteral("pkeyutl"),  QStringLiteral("-verify"),    QStringLiteral("-pubin"),
                     QStringLiteral("-inkey"),   QStringLiteral("signer.pem"), QStringLiteral("-rawin"),
                     QStringLiteral("-in"),      QStringLiteral("batch.json"), QStringLiteral("-sigfile"),
                     QStringLiteral("batch.sig")};
    if (algorithm == SignatureAlgorithm::Sm2Sm3) {
        args << QStringLiteral("-digest") << QStringLiteral("sm3");
        if (withDistinguishingId)
            args << QStringLiteral("-pkeyopt") << QStringLiteral("distid:1234567812345678");
    }
    return args;
}

// A batch as the contract has it, with Chinese text and nested items.
QJsonObject sampleBatch(SignatureAlgorithm algorithm)
{
    const QJsonArray items{
        QJsonObject{{QStringLiteral("application_id"), QStringLiteral("A2026000123")},
                    {QStringLiteral("version"), 3},
                    {QStringLiteral("outcome"), QStringLiteral("approve")},
                    {QStringLiteral("category"), QStringLiteral("A")}},
        QJsonObject{{QStringLiteral("application_id"), QStringLiteral("A2026000457")},
                    {QStringLiteral("version"), 12},
                    {QStringLiteral("outcome"), QStringLiteral("reject")},
                    {QStringLiteral("category"), QJsonValue::Null}},
    };
    return QJsonObject{
        {QStringLiteral("id"), QStringLiteral("5b0c7d1e-3f2a-4c9b-8e61-2d4f6a8b0c1e")},
        {QStringLiteral("school_id"), QStringLiteral("S371102001")},
        {QStringLiteral("title"), QStringLiteral("东港区实验小学 2026 年第一轮录取（“公示”前）")},
        {QStringLiteral("created_at"), QStringLiteral("2026-06-10T02:00:00Z")},
        {QStringLiteral("signer"), QStringLiteral("wang.principal")},
        {QStringLiteral("key_id"), QStringLiteral("k-2026-01")},
        {QStringLiteral("algorithm"), adm::crypto::signatureAlgorithmName(algorithm)},
        {QStringLiteral("items"), items},
    };
}

QString findProgram(const QString& name)
{
    return QStandardPaths::findExecutable(name);
}

} // namespace

class TestSignatures : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void opensslVerifiesAnExportedBatch_data();
    void opensslVerifiesAnExportedBatch();
    void privateKeyStaysInSecretBytes_data();
    void privateKeyStaysInSecretBytes();

    void fingerprint_data();
    void fingerprint();

    void wrapRoundTrip();
    void wrapRefusesAnotherPassphrase();
    void wrapRefusesDamagedBlobs_data();
    void wrapRefusesDamagedBlobs();

    void canonicalMatchesPython_data();
    void canonicalMatchesPython();
    void keysOutsideTheBmpSortByUtf16();

private:
    QString m_openssl;
    QString m_python;
    QByteArray m_wrapped; // for wrapRefusesDamagedBlobs
};

void TestSignatures::initTestCase()
{
    // As the programs do at start: the private keys' PEM should then live on the secure heap.
    adm::security::initSecureHeap();
    m_openssl = findProgram(QStringLiteral("openssl"));
    m_python = findProgram(QStringLiteral("python3"));
}

void TestSignatures::opensslVerifiesAnExportedBatch_data()
{
    QTest::addColumn<SignatureAlgorithm>("algorithm");
    QTest::newRow("ed25519") << SignatureAlgorithm::Ed25519;
    QTest::newRow("sm2-sm3") << SignatureAlgorithm::Sm2Sm3;
}

void TestSignatures::opensslVerifiesAnExportedBatch()
{
    QFETCH(SignatureAlgorithm, algorithm);
    if (m_openssl.isEmpty())
        QSKIP("the openssl command line is not installed");

    const auto key = adm::crypto::generateSigningKey(algorithm);
    QVERIFY_OK(key);
    QVERIFY_OK(adm::crypto::checkPublicKey(key->publicKeyPem, algorithm));
    const QByteArray message = adm::json::canonical(sampleBatch(algorithm));
    QVERIFY(message.contains(QStringLiteral("第一轮录取").toUtf8()));
    const auto signature = adm::crypto::signMessage(key->privateKeyPem, algorithm, message);
    QVERIFY_OK(signature);
    if (algorithm == SignatureAlgorithm::Ed25519)
        QCOMPARE(signature->size(), 64);
    QVERIFY_OK(adm::crypto::verifySignature(key->publicKeyPem, algorithm, message, *signature));

    // What `batch export` writes: the exact signed bytes, the raw signature, the public key.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("batch.json")), message));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("batch.sig")), *signature));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("signer.pem")), key->publicKeyPem));

    Run ok = run(m_openssl, verifyArgs(algorithm), dir.path());
    QVERIFY(ok.started);
    QVERIFY2(ok.exitCode == 0, ok.output.constData());
    QVERIFY2(ok.output.contains("Signature Verified Successfully"), ok.output.constData());

    if (algorithm == SignatureAlgorithm::Sm2Sm3) {
        // The distinguishing ID is really set: openssl 3.0's default (an empty ID) does not verify.
        Run noId = run(m_openssl, verifyArgs(algorithm, false), dir.path());
        QVERIFY(noId.started);
        QVERIFY2(noId.exitCode != 0, noId.output.constData());
    }

    // One byte changed in batch.json: the version of the first item, 3 -> 4.
    QByteArray tampered = message;
    const qsizetype at = tampered.indexOf("\"version\":3");
    QVERIFY(at >= 0);
    tampered[at + qsizetype(qstrlen("\"version\":"))] = '4';
    QCOMPARE(tampered.size(), message.size());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("batch.json")), tampered));
    Run bad = run(m_openssl, verifyArgs(algorithm), dir.path());
    QVERIFY(bad.started);
    QVERIFY2(bad.exitCode != 0, bad.output.constData());
    QVERIFY2(!bad.output.contains("Signature Verified Successfully"), bad.output.constData());
    const adm::Status refused = adm::crypto::verifySignature(key->publicKeyPem, algorithm, tampered, *signature);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("bad_signature"));
}

void TestSignatures::privateKeyStaysInSecretBytes_data()
{
    opensslVerifiesAnExportedBatch_data();
}

void TestSignatures::privateKeyStaysInSecretBytes()
{
    QFETCH(SignatureAlgorithm, algorithm);
    auto key = adm::crypto::generateSigningKey(algorithm);
    QVERIFY_OK(key);
    QVERIFY(key->privateKeyPem.view().startsWith("-----BEGIN PRIVATE KEY-----"));
    QVERIFY(key->publicKeyPem.startsWith("-----BEGIN PUBLIC KEY-----"));
    const auto heap = adm::security::secureHeapState();
    if (heap == adm::security::SecureHeapState::Locked || heap == adm::security::SecureHeapState::Unlocked)
        QVERIFY(key->privateKeyPem.isSecureStorage());

    // A key of the other algorithm is refused rather than used.
    const SignatureAlgorithm other =
        algorithm == SignatureAlgorithm::Ed25519 ? SignatureAlgorithm::Sm2Sm3 : SignatureAlgorithm::Ed25519;
    const auto wrongType = adm::crypto::signMessage(key->privateKeyPem, other, "x");
    QVERIFY(!wrongType.ok());
    QCOMPARE(wrongType.error().code, QStringLiteral("bad_private_key"));
    QCOMPARE(adm::crypto::signMessage(SecretBytes(), algorithm, "x").error().code, QStringLiteral("bad_private_key"));

    // Moving the key moves the secret; the source is left empty.
    adm::crypto::SigningKey moved = std::move(key).value();
    QVERIFY(!moved.privateKeyPem.isEmpty());
    QVERIFY(key->privateKeyPem.isEmpty());
    QVERIFY_OK(adm::crypto::signMessage(moved.privateKeyPem, algorithm, "x"));
}

void TestSignatures::fingerprint_data()
{
    opensslVerifiesAnExportedBatch_data();
}

void TestSignatures::fingerprint()
{
    QFETCH(SignatureAlgorithm, algorithm);
    const auto a = adm::crypto::generateSigningKey(algorithm);
    const auto b = adm::crypto::generateSigningKey(algorithm);
    QVERIFY_OK(a);
    QVERIFY_OK(b);
    const QString fa = adm::crypto::keyFingerprint(a->publicKeyPem);
    static const QRegularExpression form(QStringLiteral("^([0-9a-f]{4}:){15}[0-9a-f]{4}$"));
    QVERIFY2(form.match(fa).hasMatch(), qPrintable(fa));
    QCOMPARE(adm::crypto::keyFingerprint(a->publicKeyPem), fa); // stable
    QVERIFY(adm::crypto::keyFingerprint(b->publicKeyPem) != fa);
    QVERIFY(adm::crypto::keyFingerprint("not a key").isEmpty());

    // Equal to `openssl pkey -pubin -in signer.pem -outform DER | sha256sum`.
    const QString sha256sum = findProgram(QStringLiteral("sha256sum"));
    if (m_openssl.isEmpty() || sha256sum.isEmpty())
        QSKIP("openssl or sha256sum is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("signer.pem")), a->publicKeyPem));
    QProcess pkey;
    QProcess sum;
    pkey.setWorkingDirectory(dir.path());
    pkey.setStandardOutputProcess(&sum);
    pkey.start(m_openssl, {QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-in"),
                           QStringLiteral("signer.pem"), QStringLiteral("-outform"), QStringLiteral("DER")});
    sum.start(sha256sum, QStringList{});
    QVERIFY(pkey.waitForFinished(30000));
    QCOMPARE(pkey.exitCode(), 0);
    QVERIFY(sum.waitForFinished(30000));
    QCOMPARE(sum.exitCode(), 0);
    const QByteArray expected = sum.readAllStandardOutput().split(' ').value(0).trimmed();
    QCOMPARE(expected.size(), 64);
    QCOMPARE(QString(fa).remove(QLatin1Char(':')).toLatin1(), expected);
}

void TestSignatures::wrapRoundTrip()
{
    const auto key = adm::crypto::generateSigningKey(SignatureAlgorithm::Ed25519);
    QVERIFY_OK(key);
    const SecretBytes passphrase(QByteArrayLiteral("correct horse battery staple 校长"));
    const auto blob = adm::crypto::wrapWithPassphrase(key->privateKeyPem, passphrase);
    QVERIFY_OK(blob);

    // Self-describing, with nothing of the key in the clear.
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(*blob, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QStringList keys = o.keys();
    keys.sort();
    QCOMPARE(keys,
             QStringList({QStringLiteral("cipher"), QStringLiteral("ciphertext"), QStringLiteral("iterations"),
                          QStringLiteral("iv"), QStringLiteral("kdf"), QStringLiteral("salt"), QStringLiteral("tag")}));
    QCOMPARE(o.value(QStringLiteral("kdf")).toString(), QStringLiteral("pbkdf2-sha256"));
    QCOMPARE(o.value(QStringLiteral("cipher")).toString(), QStringLiteral("aes-256-gcm"));
    QVERIFY(o.value(QStringLiteral("iterations")).toInteger() >= 600000);
    QCOMPARE(QByteArray::fromBase64(o.value(QStringLiteral("salt")).toString().toLatin1()).size(), 16);
    QCOMPARE(QByteArray::fromBase64(o.value(QStringLiteral("iv")).toString().toLatin1()).size(), 12);
    QCOMPARE(QByteArray::fromBase64(o.value(QStringLiteral("tag")).toString().toLatin1()).size(), 16);
    QVERIFY(!blob->contains("-----"));
    QVERIFY(!blob->contains("PRIVATE KEY"));
    QVERIFY(!blob->contains("LS0tLS1CRUdJTi")); // base64 of "-----BEGIN"
    const QList<QByteArray> pemLines = key->privateKeyPem.view().toByteArray().split('\n');
    for (const QByteArray& line : pemLines)
        if (line.size() > 8 && !line.startsWith("-----"))
            QVERIFY2(!blob->contains(line), "a line of the PEM's base64 is in the blob");

    const auto back = adm::crypto::unwrapWithPassphrase(*blob, passphrase);
    QVERIFY_OK(back);
    QVERIFY(back->equals(key->privateKeyPem.view()));
    // The unwrapped key signs what the public key verifies.
    const auto signature = adm::crypto::signMessage(*back, SignatureAlgorithm::Ed25519, "batch");
    QVERIFY_OK(signature);
    QVERIFY_OK(adm::crypto::verifySignature(key->publicKeyPem, SignatureAlgorithm::Ed25519, "batch", *signature));

    // A fresh salt and IV every time.
    const auto again = adm::crypto::wrapWithPassphrase(key->privateKeyPem, passphrase);
    QVERIFY_OK(again);
    QVERIFY(*again != *blob);
}

void TestSignatures::wrapRefusesAnotherPassphrase()
{
    const SecretBytes secret(QByteArrayLiteral("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI\n"));
    const SecretBytes passphrase(QByteArrayLiteral("principal's own passphrase"));
    const QByteArray context("wang.principal/k-2026-01");
    const auto blob = adm::crypto::wrapWithPassphrase(secret, passphrase, context);
    QVERIFY_OK(blob);

    const auto other =
        adm::crypto::unwrapWithPassphrase(*blob, SecretBytes(QByteArrayLiteral("reviewer passphrase")), context);
    QVERIFY(!other.ok());
    QCOMPARE(other.error().code, QStringLiteral("wrong_passphrase"));
    // The right passphrase with another owner's context does not open it either.
    const auto moved = adm::crypto::unwrapWithPassphrase(*blob, passphrase, "li.principal/k-2026-01");
    QVERIFY(!moved.ok());
    QCOMPARE(moved.error().code, QStringLiteral("wrong_passphrase"));
    const auto right = adm::crypto::unwrapWithPassphrase(*blob, passphrase, context);
    QVERIFY_OK(right);
    QVERIFY(right->equals(secret));
}

void TestSignatures::wrapRefusesDamagedBlobs_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("code");
    // A changed ciphertext or tag is caught by GCM and looks like a wrong passphrase.
    QTest::newRow("ciphertext changed") << QStringLiteral("ciphertext")
                                        << QJsonValue(QStringLiteral("AAAAAAAAAAAAAAAA"))
                                        << QStringLiteral("wrong_passphrase");
    QTest::newRow("tag changed") << QStringLiteral("tag") << QJsonValue(QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA=="))
                                 << QStringLiteral("wrong_passphrase");
    QTest::newRow("unknown kdf") << QStringLiteral("kdf") << QJsonValue(QStringLiteral("scrypt"))
                                 << QStringLiteral("bad_wrapped_key");
    QTest::newRow("unknown cipher") << QStringLiteral("cipher") << QJsonValue(QStringLiteral("aes-128-cbc"))
                                    << QStringLiteral("bad_wrapped_key");
    QTest::newRow("no iterations") << QStringLiteral("iterations") << QJsonValue(0)
                                   << QStringLiteral("bad_wrapped_key");
    QTest::newRow("iterations as text") << QStringLiteral("iterations") << QJsonValue(QStringLiteral("1000000"))
                                        << QStringLiteral("bad_wrapped_key");
    QTest::newRow("short iv") << QStringLiteral("iv") << QJsonValue(QStringLiteral("AAAA"))
                              << QStringLiteral("bad_wrapped_key");
    QTest::newRow("salt not base64") << QStringLiteral("salt") << QJsonValue(QStringLiteral("*not base64*"))
                                     << QStringLiteral("bad_wrapped_key");
}

void TestSignatures::wrapRefusesDamagedBlobs()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, code);
    const SecretBytes passphrase(QByteArrayLiteral("principal's own passphrase"));
    if (m_wrapped.isEmpty()) { // one wrap for all rows: a million PBKDF2 rounds each time is slow
        const auto blob = adm::crypto::wrapWithPassphrase(SecretBytes(QByteArrayLiteral("secret")), passphrase);
        QVERIFY_OK(blob);
        m_wrapped = *blob;
        QVERIFY_OK(adm::crypto::unwrapWithPassphrase(m_wrapped, passphrase)); // the control
    }
    QJsonObject o = QJsonDocument::fromJson(m_wrapped).object();
    QVERIFY(o.contains(field));
    o.insert(field, value);
    const auto r = adm::crypto::unwrapWithPassphrase(QJsonDocument(o).toJson(), passphrase);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    QCOMPARE(adm::crypto::unwrapWithPassphrase("not json", passphrase).error().code, QStringLiteral("bad_wrapped_key"));
}

void TestSignatures::canonicalMatchesPython_data()
{
    // Each row: a JSON text and its canonical bytes (UTF-8). The same value, written compactly by
    // QJsonDocument, is also given to Python's json module as an independent canonicaliser.
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("chinese") << QStringLiteral(R"({"title":"第一轮录取 东港区","name":"王小明"})").toUtf8()
                             << QStringLiteral(R"({"name":"王小明","title":"第一轮录取 东港区"})").toUtf8();
    QTest::newRow("chinese as \\u escapes")
        << QByteArray(R"({"t":"\u738b\u5c0f\u660e"})") << QStringLiteral(R"({"t":"王小明"})").toUtf8();
    QTest::newRow("quote and backslash") << QByteArray(R"({"t":"say \"hi\" C:\\dir\\"})")
                                         << QByteArray(R"({"t":"say \"hi\" C:\\dir\\"})");
    QTest::newRow("control characters") << QByteArray(R"({"t":"a\u0001b\u001fc\u0000d\u007fe"})")
                                        << QByteArray("{\"t\":\"a\\u0001b\\u001fc\\u0000d\x7f"
                                                      "e\"}");
    QTest::newRow("newline, tab and friends")
        << QByteArray(R"({"t":"a\nb\tc\rd\be\ff"})") << QByteArray(R"({"t":"a\nb\tc\rd\be\ff"})");
    QTest::newRow("slash not escaped") << QByteArray(R"({"u":"https:\/\/example.org/a/b"})")
                                       << QByteArray(R"({"u":"https://example.org/a/b"})");
    QTest::newRow("nested") << QByteArray(R"({"b":{"d":[1,{"z":true,"a":null}],"c":[]},"a":[[],[{}]]})")
                            << QByteArray(R"({"a":[[],[{}]],"b":{"c":[],"d":[1,{"a":null,"z":true}]}})");
    QTest::newRow("integers") << QByteArray(R"({"zero":0,"minus":-1,"max":9007199254740992,"min":-9007199254740992,)"
                                            R"("below":9007199254740991,"big":1234567890123})")
                              << QByteArray(R"({"below":9007199254740991,"big":1234567890123,)"
                                            R"("max":9007199254740992,"min":-9007199254740992,"minus":-1,"zero":0})");
    QTest::newRow("booleans and null") << QByteArray(R"({"t":true,"f":false,"n":null,"l":[null,true,false]})")
                                       << QByteArray(R"({"f":false,"l":[null,true,false],"n":null,"t":true})");
    QTest::newRow("key order, case") << QByteArray(R"({"b":1,"a":2,"B":3,"A":4,"_":5,"aa":6,"a b":7,"":8})")
                                     << QByteArray(R"({"":8,"A":4,"B":3,"_":5,"a":2,"a b":7,"aa":6,"b":1})");
    QTest::newRow("key order, non-ASCII in the BMP")
        << QStringLiteral(R"({"学校":1,"年级":2,"é":3,"z":4,"Ω":5,"ｚ":6,"Z":7})").toUtf8()
        << QStringLiteral(R"({"Z":7,"z":4,"é":3,"Ω":5,"学校":1,"年级":2,"ｚ":6})").toUtf8();
    QTest::newRow("empty object") << QByteArray("{}") << QByteArray("{}");
    QTest::newRow("empty array") << QByteArray("[]") << QByteArray("[]");
    QTest::newRow("empty members") << QByteArray(R"({"o":{},"a":[],"s":""})")
                                   << QByteArray(R"({"a":[],"o":{},"s":""})");
    QTest::newRow("batch") << QStringLiteral(
                                  R"({"title":"第一轮","items":[{"version":3,"application_id":"A1","category":"A"}],)"
                                  R"("id":"B1","algorithm":"sm2-sm3"})")
                                  .toUtf8()
                           << QStringLiteral(
                                  R"({"algorithm":"sm2-sm3","id":"B1","items":[{"application_id":"A1","category":"A",)"
                                  R"("version":3}],"title":"第一轮"})")
                                  .toUtf8();
}

void TestSignatures::canonicalMatchesPython()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(input, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonValue value = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    const QByteArray canonical = adm::json::canonical(value);
    QCOMPARE(canonical, expected);
    if (doc.isObject())
        QCOMPARE(adm::json::canonical(doc.object()), expected);

    if (m_python.isEmpty())
        QSKIP("python3 is not installed: the independent canonicaliser cannot run");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    env.insert(QStringLiteral("PYTHONUTF8"), QStringLiteral("1"));
    const Run python =
        run(m_python,
            {QStringLiteral("-c"),
             QStringLiteral(R"(import json,sys; print(json.dumps(json.loads(sys.stdin.read()), sort_keys=True, )"
                            R"(separators=(",", ":"), ensure_ascii=False), end=""))")},
            {}, doc.toJson(QJsonDocument::Compact), env);
    QVERIFY(python.started);
    QVERIFY2(python.exitCode == 0, python.output.constData());
    QCOMPARE(canonical, python.output);
}

void TestSignatures::keysOutsideTheBmpSortByUtf16()
{
    // RFC 8785 (and the hub) sort keys by UTF-16 code units; Python sorts by code point. The two
    // differ only when a key holds a character outside the BMP (a surrogate pair, 0xD800..0xDBFF)
    // compared with one in U+E000..U+FFFF: here the emoji (D83D DE00) sorts before the fullwidth z
    // (FF5A), where Python puts it after. Python is the reference only inside the BMP.
    const QJsonObject o{{QStringLiteral("ｚ"), 1}, {QStringLiteral("😀"), 2}};
    QCOMPARE(adm::json::canonical(o), QStringLiteral(R"({"😀":2,"ｚ":1})").toUtf8());
}

QTEST_GUILESS_MAIN(TestSignatures)
#include "tst_signatures.moc"
