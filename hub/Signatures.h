#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QString>
#include <optional>

// Batch signatures of the upstream contract through OpenSSL 3 (EVP): Ed25519 (RFC 8032, pure) and
// SM2 with SM3 (GB/T 32918, DER-encoded r,s) using the standard distinguishing ID
// "1234567812345678". OpenSSL 3.0 does not apply that ID by default, so both signer and verifier
// must set it: these helpers do. Depends on QtCore and OpenSSL only, so the workstation can share it.
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

struct SigningKeyPair {
    QByteArray privateKeyPem; // PKCS#8, unencrypted: callers protect it
    QByteArray publicKeyPem;  // SubjectPublicKeyInfo
};
Result<SigningKeyPair> generateSigningKey(SignatureAlgorithm algorithm);
Result<QByteArray> signMessage(const QByteArray& privateKeyPem, SignatureAlgorithm algorithm,
                               const QByteArray& message);

} // namespace adm::crypto
