#pragma once

#include "domain/Result.h"
#include "security/SecretBytes.h"

#include <QByteArray>
#include <QString>
#include <optional>

// Batch signatures of the upstream contract through OpenSSL 3 (EVP): Ed25519 (RFC 8032, pure, signed
// one-shot) and SM2 with SM3 (GB/T 32918, DER-encoded r,s) using the standard distinguishing ID
// "1234567812345678". OpenSSL 3.0 does not apply that ID by default, so both signer and verifier
// must set it: these helpers do. The hub verifies with them what the workstation signs with them.
// docs/signoff.md gives the openssl commands that check the same signatures without this code.
namespace adm::crypto {

enum class SignatureAlgorithm { Ed25519, Sm2Sm3 };

// "ed25519" | "sm2-sm3" as written in the contract.
std::optional<SignatureAlgorithm> signatureAlgorithmFromName(const QString& name);
QString signatureAlgorithmName(SignatureAlgorithm algorithm);

// The SM2 distinguishing identifier used for the Z value.
QByteArray sm2DistinguishingId();

// Parses a PEM "PUBLIC KEY" and checks that it is a key of `algorithm`.
// Errors: "bad_public_key" (unreadable) or "wrong_key_type".
Status checkPublicKey(const QByteArray& publicKeyPem, SignatureAlgorithm algorithm);

// Verifies `signature` over `message`. Error "bad_signature" when it does not verify.
Status verifySignature(const QByteArray& publicKeyPem, SignatureAlgorithm algorithm, const QByteArray& message,
                       const QByteArray& signature);

// A signing key pair. The private key never sits in a plain QByteArray: its PEM is written by OpenSSL
// into a secure-heap BIO and copied from there into SecretBytes (OpenSSL clears its own buffers).
// Move-only, like SecretBytes.
struct SigningKey {
    security::SecretBytes privateKeyPem; // PKCS#8 "PRIVATE KEY" PEM, unencrypted: wrap it before storing
    QByteArray publicKeyPem;             // SubjectPublicKeyInfo "PUBLIC KEY" PEM
};
Result<SigningKey> generateSigningKey(SignatureAlgorithm algorithm);

// Signs `message` (for a batch: the exact bytes of json::canonical(batch)) and returns the raw
// signature: 64 bytes for Ed25519, DER (r,s) for SM2. The PEM is parsed in place, never copied.
// Errors: "bad_private_key" (unreadable, or not a key of `algorithm`), "crypto_failed".
Result<QByteArray> signMessage(const security::SecretBytes& privateKeyPem, SignatureAlgorithm algorithm,
                               const QByteArray& message);

// The fingerprint shown and printed for a public key: SHA-256 of its DER SubjectPublicKeyInfo, in
// lower-case hex, in blocks of 4 characters separated by ':' (16 blocks, 79 characters), so that
// `openssl pkey -pubin -in signer.pem -outform DER | sha256sum` gives the same digits without the
// colons. Empty when `publicKeyPem` is not a readable PEM public key.
QString keyFingerprint(const QByteArray& publicKeyPem);

// A secret (a signing key's PEM) wrapped with its owner's passphrase, as a self-describing JSON
// object (canonical JSON, keys sorted):
//   {"cipher":"aes-256-gcm","ciphertext":b64,"iterations":N,"iv":b64,"kdf":"pbkdf2-sha256",
//    "salt":b64,"tag":b64}
// The key-encryption key is PBKDF2-HMAC-SHA256 over the passphrase with a fresh 16-byte salt and
// kPassphraseWrapIterations (the key store's parameters); the cipher is AES-256-GCM with a fresh
// 12-byte IV (crypto::pbkdf2Sha256, crypto::seal). `context` is authenticated, not stored (for
// example the owner's account and the key id): an unwrap must give the same bytes, so a blob
// moved to another owner's row does not open.
inline constexpr int kPassphraseWrapIterations = 1000000; // = KeyStore::kDefaultIterations
Result<QByteArray> wrapWithPassphrase(const security::SecretBytes& secret, const security::SecretBytes& passphrase,
                                      const QByteArray& context = {});
// Errors: "wrong_passphrase" when the tag does not verify (another passphrase, another context, or
// a blob that was changed), "bad_wrapped_key" when the blob is not such an object (unknown kdf or
// cipher, missing or malformed fields, iterations outside 1..10,000,000), "crypto_failed".
Result<security::SecretBytes> unwrapWithPassphrase(const QByteArray& blob, const security::SecretBytes& passphrase,
                                                   const QByteArray& context = {});

} // namespace adm::crypto
