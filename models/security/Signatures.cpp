#include "Signatures.h"

#include "Crypto.h"
#include "domain/CanonicalJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <memory>
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace adm::crypto {

namespace {

using PKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using PKeyCtx = std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;
using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;

const char* keyTypeName(SignatureAlgorithm a)
{
    return a == SignatureAlgorithm::Ed25519 ? "ED25519" : "SM2";
}

PKey readPublicKey(const QByteArray& pem)
{
    Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())), &BIO_free);
    return PKey(bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : nullptr, &EVP_PKEY_free);
}

// A read-only BIO over the secret's own bytes: the PEM is not copied.
PKey readPrivateKey(const security::SecretBytes& pem)
{
    if (pem.isEmpty() || pem.size() > 16384)
        return PKey(nullptr, &EVP_PKEY_free);
    Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())), &BIO_free);
    return PKey(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr, &EVP_PKEY_free);
}

QByteArray bioBytes(BIO* bio)
{
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return n > 0 ? QByteArray(data, n) : QByteArray();
}

// A digest context for signing or verifying. SM2 needs its ID set on a key context attached
// before the init call (the order OpenSSL 3 documents); the digest context does not own that key
// context, so both live here, the digest context dying first. Ed25519 takes no digest.
struct SignContext {
    PKeyCtx pctx{nullptr, &EVP_PKEY_CTX_free};
    MdCtx md{EVP_MD_CTX_new(), &EVP_MD_CTX_free};

    bool init(EVP_PKEY* key, SignatureAlgorithm algorithm, bool verify)
    {
        if (!md)
            return false;
        if (algorithm == SignatureAlgorithm::Ed25519) {
            return verify ? EVP_DigestVerifyInit_ex(md.get(), nullptr, nullptr, nullptr, nullptr, key, nullptr) == 1
                          : EVP_DigestSignInit_ex(md.get(), nullptr, nullptr, nullptr, nullptr, key, nullptr) == 1;
        }
        pctx.reset(EVP_PKEY_CTX_new(key, nullptr));
        const QByteArray id = sm2DistinguishingId();
        if (!pctx || EVP_PKEY_CTX_set1_id(pctx.get(), id.constData(), size_t(id.size())) <= 0)
            return false;
        EVP_MD_CTX_set_pkey_ctx(md.get(), pctx.get());
        return verify ? EVP_DigestVerifyInit(md.get(), nullptr, EVP_sm3(), nullptr, key) == 1
                      : EVP_DigestSignInit(md.get(), nullptr, EVP_sm3(), nullptr, key) == 1;
    }
};

Error badKey(const QString& what)
{
    return Error{QStringLiteral("bad_public_key"), what};
}

} // namespace

std::optional<SignatureAlgorithm> signatureAlgorithmFromName(const QString& name)
{
    if (name == QLatin1String("ed25519"))
        return SignatureAlgorithm::Ed25519;
    if (name == QLatin1String("sm2-sm3"))
        return SignatureAlgorithm::Sm2Sm3;
    return std::nullopt;
}

QString signatureAlgorithmName(SignatureAlgorithm algorithm)
{
    return algorithm == SignatureAlgorithm::Ed25519 ? QStringLiteral("ed25519") : QStringLiteral("sm2-sm3");
}

QByteArray sm2DistinguishingId()
{
    return QByteArrayLiteral("1234567812345678");
}

Status checkPublicKey(const QByteArray& publicKeyPem, SignatureAlgorithm algorithm)
{
    if (publicKeyPem.size() > 16384)
        return badKey(QStringLiteral("the public key PEM is too long"));
    PKey key = readPublicKey(publicKeyPem);
    if (!key)
        return badKey(QStringLiteral("not a PEM public key (-----BEGIN PUBLIC KEY-----)"));
    if (!EVP_PKEY_is_a(key.get(), keyTypeName(algorithm)))
        return Error{QStringLiteral("wrong_key_type"),
                     QStringLiteral("the public key is not a %1 key").arg(signatureAlgorithmName(algorithm))};
    return {};
}

Status verifySignature(const QByteArray& publicKeyPem, SignatureAlgorithm algorithm, const QByteArray& message,
                       const QByteArray& signature)
{
    if (Status s = checkPublicKey(publicKeyPem, algorithm); !s)
        return s;
    PKey key = readPublicKey(publicKeyPem);
    SignContext ctx;
    const Error bad{QStringLiteral("bad_signature"),
                    QStringLiteral("the signature does not verify against the registered key")};
    if (signature.isEmpty() || !ctx.init(key.get(), algorithm, true))
        return bad;
    const int rc = EVP_DigestVerify(
        ctx.md.get(), reinterpret_cast<const unsigned char*>(signature.constData()), size_t(signature.size()),
        reinterpret_cast<const unsigned char*>(message.constData()), size_t(message.size()));
    if (rc != 1)
        return bad;
    return {};
}

Result<SigningKey> generateSigningKey(SignatureAlgorithm algorithm)
{
    PKeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, keyTypeName(algorithm), nullptr), &EVP_PKEY_CTX_free);
    EVP_PKEY* raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) <= 0 || EVP_PKEY_generate(ctx.get(), &raw) <= 0)
        return Error{QStringLiteral("crypto_failed"), QStringLiteral("OpenSSL: key generation failed")};
    PKey key(raw, &EVP_PKEY_free);
    // The private key's PEM goes into a BIO on OpenSSL's secure heap (cleared when freed), and from
    // there straight into SecretBytes.
    Bio priv(BIO_new(BIO_s_secmem()), &BIO_free);
    Bio pub(BIO_new(BIO_s_mem()), &BIO_free);
    if (!priv || !pub || PEM_write_bio_PrivateKey(priv.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1 ||
        PEM_write_bio_PUBKEY(pub.get(), key.get()) != 1)
        return Error{QStringLiteral("crypto_failed"), QStringLiteral("OpenSSL: writing the key failed")};
    char* data = nullptr;
    const long n = BIO_get_mem_data(priv.get(), &data);
    if (n <= 0 || !data)
        return Error{QStringLiteral("crypto_failed"), QStringLiteral("OpenSSL: writing the key failed")};
    return SigningKey{security::SecretBytes(data, qsizetype(n)), bioBytes(pub.get())};
}

Result<QByteArray> signMessage(const security::SecretBytes& privateKeyPem, SignatureAlgorithm algorithm,
                               const QByteArray& message)
{
    PKey key = readPrivateKey(privateKeyPem);
    if (!key || !EVP_PKEY_is_a(key.get(), keyTypeName(algorithm)))
        return Error{QStringLiteral("bad_private_key"), QStringLiteral("not a private key of this algorithm")};
    SignContext ctx;
    if (!ctx.init(key.get(), algorithm, false))
        return Error{QStringLiteral("crypto_failed"), QStringLiteral("OpenSSL: signing setup failed")};
    // One call with a buffer of the maximum size: a first sizing call would feed SM2 the message twice.
    size_t length = size_t(EVP_PKEY_get_size(key.get()));
    const auto* in = reinterpret_cast<const unsigned char*>(message.constData());
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (length == 0 || EVP_DigestSign(ctx.md.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, in,
                                      size_t(message.size())) != 1)
        return Error{QStringLiteral("crypto_failed"), QStringLiteral("OpenSSL: signing failed")};
    signature.resize(qsizetype(length));
    return signature;
}

QString keyFingerprint(const QByteArray& publicKeyPem)
{
    if (publicKeyPem.size() > 16384)
        return {};
    PKey key = readPublicKey(publicKeyPem);
    if (!key)
        return {};
    unsigned char* der = nullptr;
    const int n = i2d_PUBKEY(key.get(), &der);
    if (n <= 0 || !der)
        return {};
    const QByteArray digest = sha256(QByteArray(reinterpret_cast<const char*>(der), n));
    OPENSSL_free(der);
    const QByteArray hex = digest.toHex();
    QString out;
    out.reserve(hex.size() + hex.size() / 4);
    for (qsizetype i = 0; i < hex.size(); i += 4) {
        if (i)
            out += QLatin1Char(':');
        out += QLatin1String(hex.constData() + i, 4);
    }
    return out;
}

namespace {

const QLatin1String kWrapKdf("pbkdf2-sha256");
const QLatin1String kWrapCipher("aes-256-gcm");
constexpr int kMaxWrapIterations = 10000000;

Error badWrappedKey(const QString& what)
{
    return Error{QStringLiteral("bad_wrapped_key"), QStringLiteral("the wrapped key is damaged: %1").arg(what)};
}

// A base64 field of the blob, strictly decoded; empty when missing or malformed.
QByteArray base64Field(const QJsonObject& o, const char* name)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (!v.isString())
        return {};
    auto decoded = QByteArray::fromBase64Encoding(v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? *decoded : QByteArray();
}

} // namespace

Result<QByteArray> wrapWithPassphrase(const security::SecretBytes& secret, const security::SecretBytes& passphrase,
                                      const QByteArray& context)
{
    const Pbkdf2Params params{kPassphraseWrapIterations, randomBytes(16)};
    auto kek = pbkdf2Sha256(passphrase, params);
    if (!kek)
        return kek.error();
    auto sealed = seal(*kek, secret, context);
    kek->clear();
    if (!sealed)
        return sealed.error();
    const QJsonObject blob{
        {QStringLiteral("kdf"), kWrapKdf},
        {QStringLiteral("iterations"), params.iterations},
        {QStringLiteral("salt"), QString::fromLatin1(params.salt.toBase64())},
        {QStringLiteral("cipher"), kWrapCipher},
        {QStringLiteral("iv"), QString::fromLatin1(sealed->nonce.toBase64())},
        {QStringLiteral("ciphertext"), QString::fromLatin1(sealed->ciphertext.toBase64())},
        {QStringLiteral("tag"), QString::fromLatin1(sealed->tag.toBase64())},
    };
    return json::canonical(blob);
}

Result<security::SecretBytes> unwrapWithPassphrase(const QByteArray& blob, const security::SecretBytes& passphrase,
                                                   const QByteArray& context)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(blob, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return badWrappedKey(QStringLiteral("not a JSON object"));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("kdf")).toString() != kWrapKdf)
        return badWrappedKey(QStringLiteral("unknown kdf"));
    if (o.value(QStringLiteral("cipher")).toString() != kWrapCipher)
        return badWrappedKey(QStringLiteral("unknown cipher"));
    const QJsonValue iterations = o.value(QStringLiteral("iterations"));
    const double count = iterations.toDouble(-1);
    if (!iterations.isDouble() || count != double(qint64(count)) || count < 1 || count > kMaxWrapIterations)
        return badWrappedKey(QStringLiteral("iterations out of range"));
    const Pbkdf2Params params{int(count), base64Field(o, "salt")};
    const Sealed sealed{base64Field(o, "iv"), base64Field(o, "ciphertext"), base64Field(o, "tag")};
    if (params.salt.size() < 16 || sealed.nonce.size() != 12 || sealed.tag.size() != 16 ||
        !o.value(QStringLiteral("ciphertext")).isString())
        return badWrappedKey(QStringLiteral("salt, iv, ciphertext or tag missing or malformed"));
    auto kek = pbkdf2Sha256(passphrase, params);
    if (!kek)
        return kek.error();
    auto secret = open(*kek, sealed, context);
    kek->clear();
    if (!secret) {
        if (secret.error().code == QLatin1String("auth_failed"))
            return Error{QStringLiteral("wrong_passphrase"),
                         QStringLiteral("the passphrase does not open this key (or the key was changed)")};
        return secret.error();
    }
    return std::move(secret).value();
}

} // namespace adm::crypto
