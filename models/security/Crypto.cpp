#include "Crypto.h"

#include <memory>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace adm::crypto {

namespace {
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

Error opensslError(const char* what)
{
    return Error{QStringLiteral("crypto_failed"), QStringLiteral("OpenSSL: %1 failed").arg(QLatin1String(what))};
}
} // namespace

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), count) != 1)
        qFatal("OpenSSL RAND_bytes failed; refusing to continue without randomness");
    return out;
}

QByteArray sha256(const QByteArray& data)
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    EVP_Digest(data.constData(), size_t(data.size()), reinterpret_cast<unsigned char*>(out.data()), &len, EVP_sha256(),
               nullptr);
    return out;
}

Result<QByteArray> pbkdf2Sha256(const QByteArray& passphrase, const Pbkdf2Params& params)
{
    if (params.iterations < 1 || params.salt.size() < 16)
        return Error{QStringLiteral("bad_kdf_params"), QStringLiteral("KDF parameters are damaged")};
    QByteArray key(32, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(passphrase.constData(), int(passphrase.size()),
                          reinterpret_cast<const unsigned char*>(params.salt.constData()), int(params.salt.size()),
                          params.iterations, EVP_sha256(), 32, reinterpret_cast<unsigned char*>(key.data())) != 1)
        return opensslError("PBKDF2");
    return key;
}

Result<security::SecretBytes> pbkdf2Sha256(const security::SecretBytes& passphrase, const Pbkdf2Params& params)
{
    if (params.iterations < 1 || params.salt.size() < 16)
        return Error{QStringLiteral("bad_kdf_params"), QStringLiteral("KDF parameters are damaged")};
    security::SecretBytes key(32);
    if (PKCS5_PBKDF2_HMAC(passphrase.constData(), int(passphrase.size()),
                          reinterpret_cast<const unsigned char*>(params.salt.constData()), int(params.salt.size()),
                          params.iterations, EVP_sha256(), 32, key.bytes()) != 1)
        return opensslError("PBKDF2");
    return key;
}

Result<Sealed> seal(const security::SecretBytes& key32, const security::SecretBytes& plaintext, const QByteArray& aad)
{
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    Sealed s;
    s.nonce = randomBytes(12);
    s.ciphertext.resize(plaintext.size());
    s.tag.resize(16);
    int len = 0;
    auto* out = reinterpret_cast<unsigned char*>(s.ciphertext.data());
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, 12, nullptr) != 1 ||
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key32.bytes(),
                           reinterpret_cast<const unsigned char*>(s.nonce.constData())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(aad.constData()),
                          int(aad.size())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), out, &len, plaintext.bytes(), int(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), out + len, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, 16, s.tag.data()) != 1)
        return opensslError("AES-256-GCM encryption");
    return s;
}

Result<security::SecretBytes> open(const security::SecretBytes& key32, const Sealed& s, const QByteArray& aad)
{
    if (key32.size() != 32 || s.nonce.size() != 12 || s.tag.size() != 16)
        return Error{QStringLiteral("auth_failed"), QStringLiteral("sealed data is malformed")};
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    security::SecretBytes plain(s.ciphertext.size());
    auto* out = plain.bytes();
    int len = 0;
    QByteArray tag = s.tag;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, 12, nullptr) != 1 ||
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key32.bytes(),
                           reinterpret_cast<const unsigned char*>(s.nonce.constData())) != 1 ||
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(aad.constData()),
                          int(aad.size())) != 1 ||
        EVP_DecryptUpdate(ctx.get(), out, &len, reinterpret_cast<const unsigned char*>(s.ciphertext.constData()),
                          int(s.ciphertext.size())) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, 16, tag.data()) != 1)
        return opensslError("AES-256-GCM decryption");
    if (EVP_DecryptFinal_ex(ctx.get(), out + len, &len) != 1) {
        plain.clear();
        return Error{QStringLiteral("auth_failed"), QStringLiteral("authentication failed")};
    }
    return plain;
}

void wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

} // namespace adm::crypto
