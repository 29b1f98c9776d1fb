#include "Accounts.h"

#include "CityRepository.h"
#include "HubLog.h"
#include "HubStorage.h"
#include "security/Crypto.h"

#include <QFile>
#include <QJsonDocument>
#include <openssl/crypto.h>

namespace adm::hub {

namespace {

QString randomPassword()
{
    // 16 characters from an alphabet without look-alikes: about 80 bits.
    static const char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    const QByteArray random = crypto::randomBytes(16);
    QString out;
    for (const char c : random)
        out.append(QLatin1Char(alphabet[static_cast<unsigned char>(c) % (sizeof(alphabet) - 1)]));
    return out;
}

QString schoolName(HubStorage& storage, const QString& id)
{
    auto o = storage.object(QStringLiteral("school"), id);
    if (!o || !o->has_value())
        return id;
    return QJsonDocument::fromJson((*o)->data).object().value(QStringLiteral("name")).toString(id);
}

} // namespace

bool Accounts::isEmpty()
{
    auto n = m_storage.connection().scalar(QStringLiteral("SELECT count(*) FROM accounts"));
    return !n || n->toLongLong() == 0;
}

QString Accounts::hashPassword(const QString& password, int iterations)
{
    crypto::Pbkdf2Params params;
    params.iterations = iterations;
    params.salt = crypto::randomBytes(16);
    auto hash = crypto::pbkdf2Sha256(password.toUtf8(), params);
    if (!hash)
        return {};
    return QStringLiteral("pbkdf2-sha256$%1$%2$%3")
        .arg(iterations)
        .arg(QString::fromLatin1(params.salt.toBase64()), QString::fromLatin1(hash->toBase64()));
}

bool Accounts::checkPassword(const QString& password, const QString& stored)
{
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 4 || parts.at(0) != QLatin1String("pbkdf2-sha256"))
        return false;
    crypto::Pbkdf2Params params;
    params.iterations = parts.at(1).toInt();
    params.salt = QByteArray::fromBase64(parts.at(2).toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts.at(3).toLatin1());
    auto hash = crypto::pbkdf2Sha256(password.toUtf8(), params);
    return hash && hash->size() == expected.size() &&
           CRYPTO_memcmp(hash->constData(), expected.constData(), size_t(expected.size())) == 0;
}

Status Accounts::add(const Account& a, const QString& password, int iterations)
{
    auto q = m_storage.connection().prepare(QStringLiteral(
        "INSERT OR REPLACE INTO accounts (id, display_name, roles, district_code, school_ids, password_hash) "
        "VALUES (?, ?, ?, ?, ?, ?)"));
    if (!q)
        return q.error();
    q->bind(1, a.id).bind(2, a.displayName).bind(3, a.roles.join(u',')).bind(4, a.districtCode);
    q->bind(5, a.schoolIds.join(u',')).bind(6, hashPassword(password, iterations));
    return q->run();
}

Result<std::optional<Account>> Accounts::verify(const QString& id, const QString& password)
{
    auto q = m_storage.connection().prepare(QStringLiteral(
        "SELECT display_name, roles, district_code, school_ids, password_hash FROM accounts WHERE id = ?"));
    if (!q)
        return q.error();
    q->bind(1, id);
    Error e;
    if (!q->step(&e)) {
        if (!e.code.isEmpty())
            return e;
        // The same work as a real check, so that timing does not tell which accounts exist.
        (void)checkPassword(password, QStringLiteral("pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA==$AA=="));
        return std::optional<Account>();
    }
    if (!checkPassword(password, q->text(4)))
        return std::optional<Account>();
    Account a;
    a.id = id;
    a.displayName = q->text(0);
    a.roles = q->text(1).split(u',', Qt::SkipEmptyParts);
    a.districtCode = q->text(2);
    a.schoolIds = q->text(3).split(u',', Qt::SkipEmptyParts);
    return std::optional<Account>(a);
}

Status Accounts::createDemoAccounts(CityRepository& city, const QString& accountsJsonPath, int iterations)
{
    // The two busiest schools of the busiest school's district, so that demos and tests have work.
    QStringList schools;
    QString district;
    {
        auto q = m_storage.connection().prepare(
            QStringLiteral("SELECT school_id, district_code, count(*) AS n FROM applications WHERE school_id IS NOT "
                           "NULL GROUP BY school_id ORDER BY n DESC, school_id LIMIT 1"));
        if (!q)
            return q.error();
        if (q->step()) {
            schools.append(q->text(0));
            district = q->text(1);
        }
    }
    if (!schools.isEmpty()) {
        auto q = m_storage.connection().prepare(
            QStringLiteral("SELECT school_id, count(*) AS n FROM applications WHERE district_code = ? AND school_id "
                           "<> ? GROUP BY school_id ORDER BY n DESC, school_id LIMIT 1"));
        if (!q)
            return q.error();
        q->bind(1, district).bind(2, schools.first());
        if (q->step())
            schools.append(q->text(0));
    } else {
        QStringList all = city.schoolIds();
        all.sort();
        schools = all.mid(0, 2);
        if (!schools.isEmpty())
            district = city.districtOfSchool(schools.first());
    }

    struct Demo {
        Account account;
        QString password;
    };
    QList<Demo> demos;
    auto make = [&](const QString& id, const QString& name, const QStringList& roles, const QString& districtCode,
                    const QStringList& schoolIds) {
        demos.append(Demo{Account{id, name, roles, districtCode, schoolIds}, randomPassword()});
    };
    const QHash<QString, QString> roleNames{{QStringLiteral("clerk"), QStringLiteral("窗口受理员")},
                                            {QStringLiteral("reviewer"), QStringLiteral("审核员")},
                                            {QStringLiteral("principal"), QStringLiteral("校长")}};
    for (const QString& school : std::as_const(schools)) {
        const QString name = schoolName(m_storage, school);
        const QString d = city.districtOfSchool(school);
        for (const QString& role : {QStringLiteral("clerk"), QStringLiteral("reviewer"), QStringLiteral("principal")})
            make(role + u'.' + school.toLower(), name + roleNames.value(role), {role}, d, {school});
    }
    if (schools.size() == 2)
        make(QStringLiteral("reviewer.pair"), QStringLiteral("联合审核员"), {QStringLiteral("reviewer")}, district,
             schools);
    if (!district.isEmpty() && district != kCityDistrictCode)
        make(QStringLiteral("supervisor.") + district, QStringLiteral("区教育局督导 %1").arg(district),
             {QStringLiteral("supervisor")}, district, {});
    make(QStringLiteral("supervisor.city"), QStringLiteral("市教育局督导"), {QStringLiteral("supervisor")},
         kCityDistrictCode, {});

    QJsonArray out;
    store::Transaction t(m_storage.connection());
    if (!t.beginStatus())
        return t.beginStatus();
    for (const Demo& d : std::as_const(demos)) {
        if (Status s = add(d.account, d.password, iterations); !s)
            return s;
        QJsonObject o{{QStringLiteral("account"), d.account.id},
                      {QStringLiteral("password"), d.password},
                      {QStringLiteral("display_name"), d.account.displayName},
                      {QStringLiteral("roles"), QJsonArray::fromStringList(d.account.roles)},
                      {QStringLiteral("district_code"), d.account.districtCode},
                      {QStringLiteral("school_ids"), QJsonArray::fromStringList(d.account.schoolIds)}};
        out.append(o);
    }
    if (Status s = t.commit(); !s)
        return s;
    QFile f(accountsJsonPath);
    (void)QFile::remove(accountsJsonPath);
    const QByteArray bytes = QJsonDocument(out).toJson(QJsonDocument::Indented);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        f.write(bytes) != bytes.size())
        return Error{QStringLiteral("accounts_file"), QStringLiteral("cannot write %1").arg(accountsJsonPath)};
    qCWarning(lcHub).noquote() << "SANDBOX ONLY: made" << demos.size()
                               << "demo accounts; their passwords are in plain text in" << accountsJsonPath;
    return {};
}

} // namespace adm::hub
