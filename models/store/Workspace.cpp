#include "Workspace.h"

#include "security/Crypto.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace adm::store {

namespace {
// Translated in the context "Workspace"; lupdate files the strings there too.
struct WorkspaceText {
    Q_DECLARE_TR_FUNCTIONS(Workspace)
};
} // namespace

QString Workspace::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Workspace::~Workspace()
{
    m_audit.reset();
    m_database.reset();
    m_key.clear();
}

bool Workspace::isAdministrator() const
{
    const security::LocalUser* u = m_keys.user(m_user);
    return u && u->administrator;
}

Result<std::unique_ptr<Workspace>> Workspace::initialise(const QString& dataDir, const QString& user,
                                                         const QString& role, const security::SecretBytes& passphrase)
{
    QDir dir(dataDir);
    if (dir.exists(security::KeyStore::fileName()) || dir.exists(Database::fileName()))
        return Error{QStringLiteral("already_initialised"),
                     WorkspaceText::tr("%1 already holds a workstation. Use another folder, or add a user to this one.")
                         .arg(QDir::toNativeSeparators(dataDir))};
    if (!QDir().mkpath(dataDir))
        return Error{QStringLiteral("write_failed"),
                     WorkspaceText::tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(dataDir))};
    QFile::setPermissions(dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    security::SecretBytes key;
    auto keys = security::KeyStore::create(dataDir, user, role, passphrase, &key);
    if (!keys)
        return keys.error();
    auto db = Database::open(dir.filePath(Database::fileName()), key, Database::OpenMode::Create);
    if (!db) {
        QFile::remove(dir.filePath(Database::fileName()));
        return db.error();
    }
    keys->setCipherSettings((*db)->cipherSettings());
    if (Status s = keys->save(); !s)
        return s.error();
    std::unique_ptr<Workspace> ws(new Workspace);
    ws->m_dataDir = dataDir;
    ws->m_user = user;
    ws->m_role = role;
    ws->m_key = std::move(key);
    ws->m_keys = std::move(*keys);
    ws->m_database = std::move(*db);
    ws->m_audit = std::make_unique<security::AuditLog>(ws->m_database->writer());
    if (auto e = ws->m_audit->append(user, QStringLiteral("workstation.init"), QStringLiteral("role=%1").arg(role)); !e)
        return e.error();
    return ws;
}

Result<std::unique_ptr<Workspace>> Workspace::unlock(const QString& dataDir, const QString& user,
                                                     const security::SecretBytes& passphrase,
                                                     const Database::Options& options)
{
    auto keys = security::KeyStore::load(dataDir);
    if (!keys)
        return keys.error();
    // The passphrase is checked before the cache is touched: a wrong one changes no file.
    auto key = keys->unlock(user, passphrase);
    if (!key)
        return key.error();
    const QString path = QDir(dataDir).filePath(Database::fileName());
    if (!QFileInfo::exists(path)) {
        return Error{
            QStringLiteral("cannot_decrypt"),
            WorkspaceText::tr("The cache file %1 is missing. Restore it from a backup, or move keys.json away and set "
                              "the workstation up again.")
                .arg(QDir::toNativeSeparators(path))};
    }
    auto db = Database::open(path, *key, Database::OpenMode::Existing, keys->cipherSettings(), options);
    if (!db)
        return db.error();
    std::unique_ptr<Workspace> ws(new Workspace);
    ws->m_dataDir = dataDir;
    ws->m_user = user;
    ws->m_role = keys->user(user)->role;
    ws->m_key = std::move(*key);
    ws->m_keys = std::move(*keys);
    ws->m_database = std::move(*db);
    ws->m_audit = std::make_unique<security::AuditLog>(ws->m_database->writer());
    return ws;
}

Result<QList<security::LocalUser>> Workspace::users(const QString& dataDir)
{
    auto keys = security::KeyStore::load(dataDir);
    if (!keys)
        return keys.error();
    return keys->users();
}

Status Workspace::addUser(const QString& name, const QString& role, const security::SecretBytes& passphrase,
                          bool administrator)
{
    if (!isAdministrator())
        return Error{QStringLiteral("not_allowed"),
                     WorkspaceText::tr("Only an administrator of this workstation can add users.")};
    security::KeyStore updated = m_keys;
    if (Status s = updated.addUser(m_key, name, role, passphrase, administrator); !s)
        return s;
    if (Status s = updated.save(); !s)
        return s;
    m_keys = std::move(updated);
    if (auto e = m_audit->append(m_user, QStringLiteral("user.add"),
                                 QStringLiteral("user=%1 role=%2 admin=%3").arg(name, role).arg(administrator));
        !e)
        return e.error();
    return {};
}

Status Workspace::changePassphrase(const security::SecretBytes& oldPassphrase,
                                   const security::SecretBytes& newPassphrase)
{
    security::KeyStore updated = m_keys;
    if (Status s = updated.changePassphrase(m_user, oldPassphrase, newPassphrase); !s)
        return s;
    if (Status s = updated.save(); !s)
        return s;
    m_keys = std::move(updated);
    if (auto e = m_audit->append(m_user, QStringLiteral("user.passwd"), QStringLiteral("user=%1").arg(m_user)); !e)
        return e.error();
    return {};
}

Result<security::SecretBytes> Workspace::exportRecoveryKey()
{
    if (!isAdministrator())
        return Error{QStringLiteral("not_allowed"),
                     WorkspaceText::tr("Only an administrator of this workstation can export the recovery key.")};
    // Recorded first: if the entry cannot be written, the key is not shown.
    if (auto e = m_audit->append(m_user, QStringLiteral("key.export_recovery"), QStringLiteral("cache.db")); !e)
        return e.error();
    return m_key.toHex();
}

} // namespace adm::store
