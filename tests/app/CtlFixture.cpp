#include "CtlFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

const QString CtlFixture::kPassphrase = QStringLiteral("test passphrase 42");

QMap<QString, QString> CtlFixture::env(const QString& passphrase)
{
    return {{QStringLiteral("ADMISSIONS_PASSPHRASE"), passphrase},
            {QStringLiteral("ADMISSIONS_LANG"), QStringLiteral("en")}};
}

testsupport::ProcessResult CtlFixture::ctl(const QStringList& args, const QMap<QString, QString>& extraEnv,
                                           const QByteArray& input)
{
    QMap<QString, QString> e = env();
    for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it)
        e.insert(it.key(), it.value());
    return testsupport::run(QStringLiteral("admissionsctl"), args, e, input);
}

bool CtlFixture::generate(const QString& file, int applications, int seed)
{
    const auto r = ctl({QStringLiteral("generate"), QStringLiteral("--applications"), QString::number(applications),
                        QStringLiteral("--seed"), QString::number(seed), QStringLiteral("--out"), file});
    if (r.exitCode != 0)
        qWarning() << "generate failed:" << r.err;
    return r.exitCode == 0;
}

bool CtlFixture::init(const QString& dataDir, const QString& user, const QString& role)
{
    const auto r = ctl({QStringLiteral("init"), QStringLiteral("--data-dir"), dataDir, QStringLiteral("--user"), user,
                        QStringLiteral("--role"), role});
    if (r.exitCode != 0)
        qWarning() << "init failed:" << r.err;
    return r.exitCode == 0;
}

CtlFixture::BundleFacts CtlFixture::readBundle(const QString& file)
{
    BundleFacts facts;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return facts;
    while (!f.atEnd()) {
        const QJsonObject c = QJsonDocument::fromJson(f.readLine()).object();
        const QString entity = c.value(QStringLiteral("entity")).toString();
        facts.entities[entity] += 1;
        facts.seqs.append(c.value(QStringLiteral("seq")).toInteger());
        const QJsonObject d = c.value(QStringLiteral("data")).toObject();
        if (entity == QLatin1String("agency_record"))
            facts.datasets[d.value(QStringLiteral("dataset")).toString()] += 1;
        if (entity != QLatin1String("application"))
            continue;
        const QJsonObject child = d.value(QStringLiteral("child")).toObject();
        facts.names.insert(child.value(QStringLiteral("name")).toString());
        facts.idNumbers.insert(child.value(QStringLiteral("id_number")).toString());
        for (const QJsonValue& g : d.value(QStringLiteral("guardians")).toArray()) {
            facts.names.insert(g.toObject().value(QStringLiteral("name")).toString());
            facts.idNumbers.insert(g.toObject().value(QStringLiteral("id_number")).toString());
        }
    }
    return facts;
}
