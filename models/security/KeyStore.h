#pragma once

#include "domain/Result.h"
#include "security/SecretBytes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace adm::security {

// One local user of the workstation: a name, a role, and the data key wrapped (AES-256-GCM) by a
// key derived from the user's passphrase (PBKDF2-HMAC-SHA256).
struct LocalUser {
    QString name;
    QString role;
    bool administrator = false;
    QDateTime createdAt;
    QJsonObject kdf;  // {"algorithm","iterations","salt"}
    QJsonObject wrap; // {"algorithm","nonce","ciphertext","tag"}
};

// `<data-dir>/keys.json`: the wrapped data key for each local user and the cipher settings of
// the cache. The data key itself never touches the disk unwrapped, so changing a passphrase
// re-wraps one key and leaves the database untouched.
class KeyStore {
public:
    // About 0.3 s on a current desktop core: slow for guessing, quick for a person.
    static constexpr int kDefaultIterations = 1000000;
    static constexpr int kMinPassphraseLength = 8;

    static QString fileName() { return QStringLiteral("keys.json"); }

    // Loads an existing store; "not_initialised" when there is none, "damaged_keystore" when it
    // cannot be read.
    static Result<KeyStore> load(const QString& dataDir);
    // A new store with a fresh random data key and its first (administrator) user. Not saved yet.
    static Result<KeyStore> create(const QString& dataDir, const QString& user, const QString& role,
                                   const SecretBytes& passphrase, SecretBytes* dataKeyOut);

    // The data key, or "unknown_user" / "wrong_passphrase".
    Result<SecretBytes> unlock(const QString& user, const SecretBytes& passphrase) const;

    Status addUser(const SecretBytes& dataKey, const QString& user, const QString& role, const SecretBytes& passphrase,
                   bool administrator = false);
    Status changePassphrase(const QString& user, const SecretBytes& oldPassphrase, const SecretBytes& newPassphrase);

    // Written atomically (temporary file, then rename).
    Status save() const;

    QList<LocalUser> users() const { return m_users; }
    const LocalUser* user(const QString& name) const;
    QJsonObject cipherSettings() const { return m_cipher; }
    void setCipherSettings(const QJsonObject& settings) { m_cipher = settings; }
    QString path() const;

    // Rejects empty and too short passphrases with a sentence for the user.
    static Status checkNewPassphrase(const SecretBytes& passphrase);
    static Status checkUserName(const QString& name);

private:
    Result<LocalUser> wrapFor(const SecretBytes& dataKey, const QString& user, const QString& role, bool admin,
                              const SecretBytes& passphrase) const;

    QString m_dataDir;
    QJsonObject m_cipher;
    QList<LocalUser> m_users;
};

} // namespace adm::security
