#include "KeyStore.h"

#include "Crypto.h"
#include "Roles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

namespace adm::security {

namespace {

constexpr int kFormat = 1;

// Translated in the context "KeyStore"; lupdate files the strings there too.
struct KeyStoreText {
    Q_DECLARE_TR_FUNCTIONS(KeyStore)
};

// The wrapped key is bound to the user's name, role and administrator flag, so that editing
// keys.json to promote a user breaks the unwrap instead of granting the role.
QByteArray associatedData(const QString& user, const QString& role, bool admin)
{
    return QByteArray("admissions-keystore-v1|") + user.toUtf8() + '|' + role.toUtf8() + '|' + (admin ? "1" : "0");
}

QJsonObject toJson(const LocalUser& u)
{
    return QJsonObject{{QStringLiteral("name"), u.name},
                       {QStringLiteral("role"), u.role},
                       {QStringLiteral("administrator"), u.administrator},
                       {QStringLiteral("created_at"), u.createdAt.toUTC().toString(Qt::ISODate)},
                       {QStringLiteral("kdf"), u.kdf},
                       {QStringLiteral("wrap"), u.wrap}};
}

QByteArray b64(const QJsonObject& o, const char* key)
{
    return QByteArray::fromBase64(o.value(QLatin1String(key)).toString().toLatin1());
}

} // namespace

QString KeyStore::path() const
{
    return QDir(m_dataDir).filePath(fileName());
}

Status KeyStore::checkNewPassphrase(const SecretBytes& passphrase)
{
    if (passphrase.isEmpty())
        return Error{QStringLiteral("empty_passphrase"),
                     KeyStoreText::tr("The passphrase is empty. Choose a passphrase of at "
                                      "least 8 characters.")};
    if (passphrase.utf8Length() < kMinPassphraseLength)
        return Error{QStringLiteral("short_passphrase"),
                     KeyStoreText::tr("The passphrase is too short. Use at least 8 characters; a few words are easy to "
                                      "remember and hard to guess.")};
    return {};
}

Status KeyStore::checkUserName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (!pattern.match(name).hasMatch())
        return Error{
            QStringLiteral("bad_user_name"),
            KeyStoreText::tr("A user name may hold only letters, digits, dot, dash and underscore (for example "
                             "liu.fang).")};
    return {};
}

Result<KeyStore> KeyStore::load(const QString& dataDir)
{
    KeyStore store;
    store.m_dataDir = dataDir;
    QFile f(store.path());
    if (!f.exists())
        return Error{
            QStringLiteral("not_initialised"),
            KeyStoreText::tr("This data folder has no workstation set up yet. Run \"admissionsctl init\" first.")};
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("damaged_keystore"),
                     KeyStoreText::tr("The key file cannot be read: %1").arg(f.errorString())};
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(f.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError || root.value(QStringLiteral("format")).toInt() != kFormat)
        return Error{QStringLiteral("damaged_keystore"),
                     KeyStoreText::tr("The key file %1 is damaged or from another program. Restore it from a backup.")
                         .arg(store.path())};
    store.m_cipher = root.value(QStringLiteral("cipher")).toObject();
    const QJsonArray users = root.value(QStringLiteral("users")).toArray();
    for (const QJsonValue& v : users) {
        const QJsonObject o = v.toObject();
        LocalUser u;
        u.name = o.value(QStringLiteral("name")).toString();
        u.role = o.value(QStringLiteral("role")).toString();
        u.administrator = o.value(QStringLiteral("administrator")).toBool();
        u.createdAt = QDateTime::fromString(o.value(QStringLiteral("created_at")).toString(), Qt::ISODate);
        u.kdf = o.value(QStringLiteral("kdf")).toObject();
        u.wrap = o.value(QStringLiteral("wrap")).toObject();
        store.m_users.append(u);
    }
    if (store.m_users.isEmpty())
        return Error{QStringLiteral("damaged_keystore"),
                     KeyStoreText::tr("The key file %1 lists no users. Restore it from a backup.").arg(store.path())};
    return store;
}

Result<KeyStore> KeyStore::create(const QString& dataDir, const QString& user, const QString& role,
                                  const SecretBytes& passphrase, SecretBytes* dataKeyOut)
{
    KeyStore store;
    store.m_dataDir = dataDir;
    SecretBytes dataKey = SecretBytes::random(32);
    const Status added = store.addUser(dataKey, user, role, passphrase, true);
    if (!added.ok())
        return added.error();
    *dataKeyOut = std::move(dataKey);
    return store;
}

const LocalUser* KeyStore::user(const QString& name) const
{
    for (const LocalUser& u : m_users)
        if (u.name == name)
            return &u;
    return nullptr;
}

Result<LocalUser> KeyStore::wrapFor(const SecretBytes& dataKey, const QString& user, const QString& role, bool admin,
                                    const SecretBytes& passphrase) const
{
    crypto::Pbkdf2Params params{kDefaultIterations, crypto::randomBytes(16)};
    auto kek = crypto::pbkdf2Sha256(passphrase, params);
    if (!kek)
        return kek.error();
    auto sealed = crypto::seal(*kek, dataKey, associatedData(user, role, admin));
    kek->clear();
    if (!sealed)
        return sealed.error();
    LocalUser u;
    u.name = user;
    u.role = role;
    u.administrator = admin;
    u.createdAt = QDateTime::currentDateTimeUtc();
    u.kdf = QJsonObject{{QStringLiteral("algorithm"), QStringLiteral("pbkdf2-hmac-sha256")},
                        {QStringLiteral("iterations"), params.iterations},
                        {QStringLiteral("salt"), QString::fromLatin1(params.salt.toBase64())}};
    u.wrap = QJsonObject{{QStringLiteral("algorithm"), QStringLiteral("aes-256-gcm")},
                         {QStringLiteral("nonce"), QString::fromLatin1(sealed->nonce.toBase64())},
                         {QStringLiteral("ciphertext"), QString::fromLatin1(sealed->ciphertext.toBase64())},
                         {QStringLiteral("tag"), QString::fromLatin1(sealed->tag.toBase64())}};
    return u;
}

Result<SecretBytes> KeyStore::unlock(const QString& name, const SecretBytes& passphrase) const
{
    const LocalUser* u = user(name);
    if (!u)
        return Error{
            QStringLiteral("unknown_user"),
            KeyStoreText::tr("There is no user \"%1\" on this workstation. Check the name, or ask an administrator "
                             "to add you.")
                .arg(name)};
    crypto::Pbkdf2Params params{u->kdf.value(QStringLiteral("iterations")).toInt(), b64(u->kdf, "salt")};
    auto kek = crypto::pbkdf2Sha256(passphrase, params);
    if (!kek)
        return Error{QStringLiteral("damaged_keystore"),
                     KeyStoreText::tr("The key file entry of user \"%1\" is damaged. Restore keys.json from a backup.")
                         .arg(name)};
    const crypto::Sealed sealed{b64(u->wrap, "nonce"), b64(u->wrap, "ciphertext"), b64(u->wrap, "tag")};
    auto key = crypto::open(*kek, sealed, associatedData(u->name, u->role, u->administrator));
    kek->clear();
    if (!key || key->size() != 32)
        return Error{
            QStringLiteral("wrong_passphrase"),
            KeyStoreText::tr("The passphrase is not right. Check the keyboard layout and Caps Lock, and try again.")};
    return key;
}

Status KeyStore::addUser(const SecretBytes& dataKey, const QString& name, const QString& role,
                         const SecretBytes& passphrase, bool administrator)
{
    if (Status s = checkUserName(name); !s)
        return s;
    if (!role::isValid(role))
        return Error{
            QStringLiteral("bad_role"),
            KeyStoreText::tr("\"%1\" is not a role. Choose one of: clerk, reviewer, principal, supervisor.").arg(role)};
    if (user(name))
        return Error{QStringLiteral("user_exists"), KeyStoreText::tr("A user named \"%1\" already exists.").arg(name)};
    if (Status s = checkNewPassphrase(passphrase); !s)
        return s;
    auto u = wrapFor(dataKey, name, role, administrator, passphrase);
    if (!u)
        return u.error();
    m_users.append(*u);
    return {};
}

Status KeyStore::changePassphrase(const QString& name, const SecretBytes& oldPassphrase,
                                  const SecretBytes& newPassphrase)
{
    if (Status s = checkNewPassphrase(newPassphrase); !s)
        return s;
    auto key = unlock(name, oldPassphrase);
    if (!key)
        return key.error();
    const LocalUser* old = user(name);
    auto u = wrapFor(*key, name, old->role, old->administrator, newPassphrase);
    key->clear();
    if (!u)
        return u.error();
    u->createdAt = old->createdAt;
    for (LocalUser& existing : m_users)
        if (existing.name == name)
            existing = *u;
    return {};
}

Status KeyStore::save() const
{
    QJsonArray users;
    for (const LocalUser& u : m_users)
        users.append(toJson(u));
    const QJsonObject root{
        {QStringLiteral("format"), kFormat}, {QStringLiteral("cipher"), m_cipher}, {QStringLiteral("users"), users}};
    QSaveFile f(path());
    if (!f.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("write_failed"),
                     KeyStoreText::tr("Cannot write %1: %2").arg(path(), f.errorString())};
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return Error{QStringLiteral("write_failed"),
                     KeyStoreText::tr("Cannot write %1: %2").arg(path(), f.errorString())};
    return {};
}

} // namespace adm::security
