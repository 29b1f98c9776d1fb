#include "SigningKeys.h"

#include "Outbox.h"
#include "SyncTypes.h"
#include "domain/JsonCodec.h"
#include "security/AuditLog.h"
#include "security/KeyStore.h"
#include "security/Permissions.h"
#include "store/Sql.h"

#include <QRegularExpression>

namespace adm::sync {

namespace {

const char* const kColumns =
    "SELECT k.key_id, k.user, k.account, k.algorithm, k.public_key_pem, k.fingerprint, k.created_at, k.registered, "
    "o.state, o.result_code, o.result_message FROM signing_keys k LEFT JOIN outbox o ON o.id = k.outbox_id ";

SigningKeyInfo keyFrom(const store::Statement& q)
{
    SigningKeyInfo k;
    k.keyId = q.text(0);
    k.user = q.text(1);
    k.account = q.text(2);
    k.algorithm = q.text(3);
    k.publicKeyPem = q.utf8(4);
    k.fingerprint = q.text(5);
    k.createdAt = json::parseTime(q.text(6));
    const QString outbox = q.text(8);
    k.registered = q.int64(7) != 0 || outbox == state::Done;
    if (k.registered)
        k.registration = QStringLiteral("registered");
    else if (outbox == state::Conflict || outbox == state::Invalid)
        k.registration = QStringLiteral("refused");
    else if (outbox == state::Dropped || outbox == state::Superseded)
        k.registration = QStringLiteral("dropped");
    else
        k.registration = QStringLiteral("pending");
    if (!k.registered) {
        k.resultCode = q.text(9);
        k.resultMessage = q.text(10);
    }
    return k;
}

Result<QList<SigningKeyInfo>> select(store::Connection& c, const QString& tail, const QStringList& params)
{
    auto q = c.prepare(QLatin1String(kColumns) + tail);
    if (!q)
        return q.error();
    for (int i = 0; i < params.size(); ++i)
        q->bind(i + 1, params.at(i));
    QList<SigningKeyInfo> out;
    Error error;
    while (q->step(&error))
        out.append(keyFrom(*q));
    if (!error.code.isEmpty())
        return error;
    return out;
}

QByteArray wrapContext(const QString& keyId, const QString& user)
{
    return keyId.toUtf8() + '\n' + user.toUtf8();
}

} // namespace

QJsonObject SigningKeyInfo::toJson() const
{
    QJsonObject o{{QStringLiteral("key_id"), keyId},
                  {QStringLiteral("user"), user},
                  {QStringLiteral("account"), account},
                  {QStringLiteral("algorithm"), algorithm},
                  {QStringLiteral("fingerprint"), fingerprint},
                  {QStringLiteral("created_at"), json::formatTime(createdAt)},
                  {QStringLiteral("registered"), registered},
                  {QStringLiteral("registration"), registration},
                  {QStringLiteral("public_key_pem"), QString::fromLatin1(publicKeyPem)}};
    if (!resultCode.isEmpty())
        o.insert(QStringLiteral("code"), resultCode);
    if (!resultMessage.isEmpty())
        o.insert(QStringLiteral("message"), resultMessage);
    return o;
}

SigningKeys::SigningKeys(store::Connection& writer, security::AuditLog& audit, QString localUser, QString role,
                         QString account)
    : m_writer(writer)
    , m_audit(audit)
    , m_localUser(std::move(localUser))
    , m_role(std::move(role))
    , m_account(std::move(account))
{}

QString SigningKeys::makeKeyId(const QString& account, const QString& fingerprint)
{
    static const QRegularExpression outside(QStringLiteral("[^A-Za-z0-9._:-]"));
    QString hex = fingerprint;
    hex.remove(u':');
    QString name = account;
    name.replace(outside, QStringLiteral("_"));
    return name.left(100) + u'-' + hex.left(16);
}

Result<SigningKeyInfo> SigningKeys::generate(crypto::SignatureAlgorithm algorithm,
                                             const security::SecretBytes& passphrase, const security::KeyStore& keys)
{
    if (!security::may(m_role, security::Action::SignBatches))
        return security::refusal(m_role, security::Action::SignBatches);
    if (m_account.isEmpty())
        return Error{code::NoAccount,
                     SyncText::tr("A signing key is registered for your account on the city platform, and this "
                                  "workstation does not know it yet: sign in once (admissionsctl login), then "
                                  "generate the key.")};
    // The user's own passphrase, or the key would be wrapped by a mistyped one and lost.
    if (auto unlocked = keys.unlock(m_localUser, passphrase); !unlocked)
        return Error{unlocked.error().code == QLatin1String("wrong_passphrase") ? QStringLiteral("wrong_passphrase")
                                                                                : unlocked.error().code,
                     unlocked.error().code == QLatin1String("wrong_passphrase")
                         ? SyncText::tr("That is not your passphrase. No key was made.")
                         : unlocked.error().message};
    auto made = crypto::generateSigningKey(algorithm);
    if (!made)
        return made.error();
    SigningKeyInfo info;
    info.fingerprint = crypto::keyFingerprint(made->publicKeyPem);
    if (info.fingerprint.isEmpty())
        return Error{QStringLiteral("crypto_failed"), SyncText::tr("The new key's fingerprint cannot be computed.")};
    info.keyId = makeKeyId(m_account, info.fingerprint);
    info.user = m_localUser;
    info.account = m_account;
    info.algorithm = crypto::signatureAlgorithmName(algorithm);
    info.publicKeyPem = made->publicKeyPem;
    info.createdAt = QDateTime::currentDateTimeUtc();
    info.registration = QStringLiteral("pending");
    auto wrapped = crypto::wrapWithPassphrase(made->privateKeyPem, passphrase, wrapContext(info.keyId, m_localUser));
    made->privateKeyPem.clear();
    if (!wrapped)
        return wrapped.error();

    store::Transaction tx(m_writer);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    Outbox outbox(m_writer);
    auto item = outbox.enqueue(kind::SigningKey, info.keyId,
                               {{QStringLiteral("account"), m_account},
                                {QStringLiteral("algorithm"), info.algorithm},
                                {QStringLiteral("public_key_pem"), QString::fromLatin1(info.publicKeyPem)}},
                               std::nullopt, m_localUser);
    if (!item)
        return item.error();
    auto q = m_writer.prepare(QStringLiteral(
        "INSERT INTO signing_keys (key_id, user, account, algorithm, public_key_pem, wrapped_private_key, fingerprint, "
        "created_at, registered, outbox_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)"));
    if (!q)
        return q.error();
    q->bind(1, info.keyId).bind(2, m_localUser).bind(3, m_account).bind(4, info.algorithm);
    q->bindUtf8(5, info.publicKeyPem).bind(6, *wrapped).bind(7, info.fingerprint);
    q->bind(8, json::formatTime(info.createdAt)).bind(9, item->id);
    if (Status s = q->run(); !s)
        return s.error();
    if (auto e = m_audit.append(m_localUser, QStringLiteral("signing_key.generate"),
                                QStringLiteral("key=%1 algorithm=%2 fingerprint=%3 item=%4")
                                    .arg(info.keyId, info.algorithm, info.fingerprint)
                                    .arg(item->id));
        !e)
        return e.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    qCInfo(lcSync) << "signing key made:" << info.keyId << info.algorithm;
    return info;
}

Result<QList<SigningKeyInfo>> SigningKeys::list(store::Connection& c, const QString& user)
{
    return select(c, QStringLiteral("WHERE k.user = ? ORDER BY k.created_at DESC, k.rowid DESC"), {user});
}

Result<std::optional<SigningKeyInfo>> SigningKeys::current(store::Connection& c, const QString& user,
                                                           const QString& account)
{
    auto keys =
        account.isEmpty()
            ? select(c, QStringLiteral("WHERE k.user = ? ORDER BY k.created_at DESC, k.rowid DESC LIMIT 1"), {user})
            : select(c,
                     QStringLiteral("WHERE k.user = ? AND k.account = ? ORDER BY k.created_at DESC, "
                                    "k.rowid DESC LIMIT 1"),
                     {user, account});
    if (!keys)
        return keys.error();
    if (keys->isEmpty())
        return std::optional<SigningKeyInfo>();
    return std::optional<SigningKeyInfo>(keys->first());
}

Result<std::optional<SigningKeyInfo>> SigningKeys::find(store::Connection& c, const QString& keyId)
{
    auto keys = select(c, QStringLiteral("WHERE k.key_id = ?"), {keyId});
    if (!keys)
        return keys.error();
    if (keys->isEmpty())
        return std::optional<SigningKeyInfo>();
    return std::optional<SigningKeyInfo>(keys->first());
}

Result<security::SecretBytes> SigningKeys::unlockPrivateKey(store::Connection& c, const QString& user,
                                                            const security::SecretBytes& passphrase,
                                                            const QString& keyId)
{
    QString id = keyId;
    if (id.isEmpty()) {
        auto key = current(c, user);
        if (!key)
            return key.error();
        if (!*key)
            return Error{QStringLiteral("no_signing_key"),
                         SyncText::tr("You have no signing key yet: generate one first (admissionsctl key "
                                      "signing-generate).")};
        id = (*key)->keyId;
    }
    auto q = c.prepare(QStringLiteral("SELECT user, wrapped_private_key FROM signing_keys WHERE key_id = ?"));
    if (!q)
        return q.error();
    q->bind(1, id);
    if (!q->step())
        return Error{QStringLiteral("no_signing_key"), SyncText::tr("There is no signing key %1.").arg(id)};
    // The context names the owner: a blob moved to another user's row, or opened for another user,
    // does not unwrap.
    auto unwrapped = crypto::unwrapWithPassphrase(q->blob(1), passphrase, wrapContext(id, user));
    if (!unwrapped) {
        if (unwrapped.error().code == QLatin1String("wrong_passphrase"))
            return Error{QStringLiteral("wrong_passphrase"),
                         SyncText::tr("The passphrase does not open your signing key. Nothing was signed.")};
        return unwrapped.error();
    }
    return std::move(unwrapped).value();
}

Status SigningKeys::settle(store::Connection& writer)
{
    return writer.exec(QStringLiteral("UPDATE signing_keys SET registered = 1 WHERE registered = 0 AND outbox_id IN "
                                      "(SELECT id FROM outbox WHERE kind = 'signing_key' AND state = 'done')"));
}

} // namespace adm::sync
