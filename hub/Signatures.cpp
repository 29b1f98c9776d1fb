#include "Signatures.h"

#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

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

PKey readPrivateKey(const QByteArray& pem)
{
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

Result<SigningKeyPair> generateSigningKey(SignatureAlgorithm algorithm)
{
    PKeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, keyTypeName(algorithm), nullptr), &EVP_PKEY_CTX_free);
    EVP_PKEY* raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) <= 0 || EVP_PKEY_generate(ctx.get(), &raw) <= 0)
        return Error{QStringLiteral("crypto_failed"), QStringLiteral("OpenSSL: key generation failed")};
    PKey key(raw, &EVP_PKEY_free);
    Bio priv(BIO_new(BIO_s_mem()), &BIO_free);
    Bio pub(BIO_new(BIO_s_mem()), &BIO_free);
    if (!priv || !pub || PEM_write_bio_PrivateKey(priv.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1 ||
        PEM_write_bio_PUBKEY(pub.get(), key.get()) != 1)
        return Error{QStringLiteral("crypto_failed"), QStringLiteral("OpenSSL: writing the key failed")};
    return SigningKeyPair{bioBytes(priv.get()), bioBytes(pub.get())};
}

Result<QByteArray> signMessage(const QByteArray& privateKeyPem, SignatureAlgorithm algorithm, const QByteArray& message)
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

} // namespace adm::crypto
