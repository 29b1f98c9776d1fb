#pragma once

#include "SecretBytes.h"
#include "domain/Result.h"

#include <QByteArray>

// Thin wrappers over OpenSSL 3 (EVP). No home-made cryptography.
namespace adm::crypto {

QByteArray randomBytes(int count);
QByteArray sha256(const QByteArray& data);

struct Pbkdf2Params {
    int iterations = 600000;
    QByteArray salt; // 16 random bytes
};
// PBKDF2-HMAC-SHA256 to a 32-byte key. The hub hashes account passwords with the QByteArray form;
// the workstation derives key-encryption keys with the SecretBytes one.
Result<QByteArray> pbkdf2Sha256(const QByteArray& passphrase, const Pbkdf2Params& params);
Result<security::SecretBytes> pbkdf2Sha256(const security::SecretBytes& passphrase, const Pbkdf2Params& params);

struct Sealed {
    QByteArray nonce; // 12 bytes
    QByteArray ciphertext;
    QByteArray tag; // 16 bytes
};
// AES-256-GCM. `aad` is authenticated, not encrypted.
Result<Sealed> seal(const security::SecretBytes& key32, const security::SecretBytes& plaintext, const QByteArray& aad);
// Fails with code "auth_failed" when the key is wrong or anything was tampered with. The plaintext
// is written straight into secure storage.
Result<security::SecretBytes> open(const security::SecretBytes& key32, const Sealed& sealed, const QByteArray& aad);

// Overwrites the bytes before the array lets them go.
void wipe(QByteArray& bytes);

} // namespace adm::crypto
