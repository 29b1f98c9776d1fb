#pragma once

#include "Database.h"
#include "domain/Result.h"
#include "security/AuditLog.h"
#include "security/KeyStore.h"

#include <memory>

namespace adm::store {

// An unlocked data folder: its key store, the open encrypted cache and the audit log, for one
// local user. Programs (GUI and CLI) get one of these after the passphrase, and pass it on.
class Workspace {
public:
    // Error codes callers map to what a person sees (and admissionsctl to exit codes):
    // "not_initialised", "already_initialised", "unknown_user", "wrong_passphrase" (nothing on
    // disk was touched), "damaged_keystore", "cannot_decrypt" / "foreign_plain" (the cache is
    // damaged or foreign), plus the passphrase and name rules of KeyStore.
    // The passphrase is only read (the caller's SecretBytes wipes it when it goes); the data key
    // lives in secure storage here and in the Database, and nowhere else.
    static Result<std::unique_ptr<Workspace>> initialise(const QString& dataDir, const QString& user,
                                                         const QString& role, const security::SecretBytes& passphrase);
    static Result<std::unique_ptr<Workspace>> unlock(const QString& dataDir, const QString& user,
                                                     const security::SecretBytes& passphrase,
                                                     const Database::Options& options = {});
    // The users of a data folder, readable before unlocking (names and roles are not secret).
    static Result<QList<security::LocalUser>> users(const QString& dataDir);

    ~Workspace();

    QString dataDir() const { return m_dataDir; }
    QString user() const { return m_user; }
    QString role() const { return m_role; }
    bool isAdministrator() const;

    Database& database() { return *m_database; }
    security::KeyStore& keys() { return m_keys; }
    security::AuditLog& audit() { return *m_audit; }

    // Adds a local user (administrators only) and records it in the audit log.
    Status addUser(const QString& name, const QString& role, const security::SecretBytes& passphrase,
                   bool administrator);
    // Re-wraps the data key for the current user; the cache is not re-encrypted.
    Status changePassphrase(const security::SecretBytes& oldPassphrase, const security::SecretBytes& newPassphrase);
    // The raw data key as 64 hex characters, for the sqlcipher shell or a disaster; administrators
    // only, and audited before it is returned. In secure storage: the caller writes it out and lets
    // it go.
    Result<security::SecretBytes> exportRecoveryKey();

    static QString defaultDataDir();

private:
    Workspace() = default;

    QString m_dataDir;
    QString m_user;
    QString m_role;
    security::SecretBytes m_key;
    security::KeyStore m_keys;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<security::AuditLog> m_audit;
};

} // namespace adm::store
