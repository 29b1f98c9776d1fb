#pragma once

#include "domain/Result.h"
#include "security/SecretBytes.h"
#include "security/Signatures.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace adm::store {
class Connection;
}
namespace adm::security {
class AuditLog;
class KeyStore;
} // namespace adm::security

namespace adm::sync {

// A signing key of a local user, as the sign-off screen and `admissionsctl key` show it.
struct SigningKeyInfo {
    QString keyId;
    QString user;
    QString account;
    QString algorithm; // ed25519 | sm2-sm3
    QByteArray publicKeyPem;
    QString fingerprint; // crypto::keyFingerprint: SHA-256 of the DER public key, 4-digit groups
    QDateTime createdAt;
    bool registered = false; // the platform took it (its outbox item is done)
    QString registration;    // pending | registered | refused (conflict or invalid) | dropped
    QString resultCode;      // when refused
    QString resultMessage;
    QJsonObject toJson() const; // no private key, wrapped or not
};

// The principal's signing keys (issue 14; docs/signoff.md). A key is made on this workstation at first
// use (OpenSSL 3, Ed25519 by default or SM2 with SM3); its private key is kept in the cache wrapped by
// a key derived from the user's own passphrase (crypto::wrapWithPassphrase, the context binding it to
// the key id and the user), so no other local user can use it; the passphrase is asked again for every
// signature. The public key goes upstream through the outbox (PUT /api/v1/signing-keys/<key_id>), pushed
// before any batch it signs. Uses the writer connection: only on its owning thread.
class SigningKeys {
public:
    // `role`: the local user's role (security::may(SignBatches): principals only); `account`: the hub
    // account the key is registered for, which signs the batches (the hub checks the signer is it).
    SigningKeys(store::Connection& writer, security::AuditLog& audit, QString localUser, QString role, QString account);

    // Makes a key, stores it wrapped with `passphrase` (checked first against the user's entry in
    // `keys`: a mistyped passphrase would lock the key away for good), queues its registration and
    // writes the audit entry "signing_key.generate", in one transaction.
    // Errors: "role_not_allowed", "no_account", "wrong_passphrase", "crypto_failed".
    Result<SigningKeyInfo> generate(crypto::SignatureAlgorithm algorithm, const security::SecretBytes& passphrase,
                                    const security::KeyStore& keys);

    // The reads take any connection and write nothing.
    // The user's keys, newest first.
    static Result<QList<SigningKeyInfo>> list(store::Connection& connection, const QString& user);
    // The key the user signs with (the newest one made for `account`; any account when empty).
    static Result<std::optional<SigningKeyInfo>> current(store::Connection& connection, const QString& user,
                                                         const QString& account = {});
    static Result<std::optional<SigningKeyInfo>> find(store::Connection& connection, const QString& keyId);

    // The private key PEM of the user's current key (or of `keyId`), unwrapped with `passphrase`.
    // Errors: "no_signing_key", "wrong_passphrase" (another passphrase, or another user's key),
    // "bad_wrapped_key".
    static Result<security::SecretBytes> unlockPrivateKey(store::Connection& connection, const QString& user,
                                                          const security::SecretBytes& passphrase,
                                                          const QString& keyId = {});

    // Marks the keys whose registration the platform took (their outbox item is done). For the writer.
    static Status settle(store::Connection& writer);

    // <account>-<first 16 hex digits of the fingerprint>, in the characters a key id may hold upstream.
    static QString makeKeyId(const QString& account, const QString& fingerprint);

private:
    store::Connection& m_writer;
    security::AuditLog& m_audit;
    QString m_localUser;
    QString m_role;
    QString m_account;
};

} // namespace adm::sync
