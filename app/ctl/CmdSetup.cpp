// init, users add|list|passwd, key export-recovery
#include "Commands.h"
#include "CtlContext.h"
#include "CtlText.h"
#include "PassphraseSource.h"
#include "security/Roles.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace adm::ctl {

namespace {

QCommandLineOption roleOption()
{
    return {QStringLiteral("role"), CtlText::tr("The role: clerk, reviewer, principal or supervisor."),
            CtlText::tr("ROLE")};
}

QCommandLineOption newPassphraseOption()
{
    return {QStringLiteral("new-passphrase-file"),
            CtlText::tr("Read the new passphrase from FILE (default: $ADMISSIONS_NEW_PASSPHRASE, else a prompt)."),
            CtlText::tr("FILE")};
}
} // namespace

int cmdInit(CtlContext& ctx)
{
    QCommandLineParser p;
    if (!ctx.parse(p,
                   CtlText::tr("Set up a workstation in the data folder: a new encrypted cache and its first user, "
                               "who is its administrator."),
                   {roleOption()}))
        return BadUsage;
    if (!p.isSet(QStringLiteral("user")) || !p.isSet(QStringLiteral("role")))
        return ctx.usage(CtlText::tr("say who the first user is: init --user NAME --role ROLE"));
    const QString user = p.value(QStringLiteral("user"));
    const QString role = p.value(QStringLiteral("role"));
    const PassphraseSource source(ctx.passphraseFile(), QStringLiteral("ADMISSIONS_PASSPHRASE"),
                                  CtlText::tr("New passphrase for %1: ").arg(user));
    auto passphrase = source.read(true);
    if (!passphrase)
        return ctx.fail(passphrase.error());
    auto ws = store::Workspace::initialise(ctx.dataDir(), user, role, *passphrase);
    if (!ws)
        return ctx.fail(ws.error());
    ctx.err() << CtlText::tr("Workstation set up in %1 for %2 (%3, administrator).")
                     .arg(ctx.dataDir(), user, role::displayName(role))
              << Qt::endl;
    return Done;
}

namespace {

int usersList(CtlContext& ctx, bool asJson)
{
    auto users = store::Workspace::users(ctx.dataDir());
    if (!users)
        return ctx.fail(users.error());
    QJsonArray list;
    for (const security::LocalUser& u : *users) {
        list.append(QJsonObject{{QStringLiteral("name"), u.name},
                                {QStringLiteral("role"), u.role},
                                {QStringLiteral("administrator"), u.administrator}});
        if (!asJson)
            ctx.out() << u.name << '\t' << u.role << (u.administrator ? QStringLiteral("\tadministrator") : QString())
                      << Qt::endl;
    }
    if (asJson)
        ctx.out() << QJsonDocument(list).toJson(QJsonDocument::Indented) << Qt::flush;
    return Done;
}

} // namespace

int cmdUsers(CtlContext& ctx)
{
    QCommandLineParser p;
    const QCommandLineOption admin(QStringLiteral("admin"),
                                   CtlText::tr("With add: the new user is an administrator too."));
    const QCommandLineOption json(QStringLiteral("json"), CtlText::tr("With list: print JSON."));
    if (!ctx.parse(p, CtlText::tr("Manage the local users: add NAME --role ROLE, list, passwd."),
                   {roleOption(), admin, json, newPassphraseOption()}, QStringLiteral("action"),
                   CtlText::tr("add NAME | list | passwd")))
        return BadUsage;
    const QStringList pos = p.positionalArguments();
    const QString action = pos.value(0);
    if (action == QLatin1String("list"))
        return usersList(ctx, p.isSet(json));
    const PassphraseSource newSource(p.value(QStringLiteral("new-passphrase-file")),
                                     QStringLiteral("ADMISSIONS_NEW_PASSPHRASE"), CtlText::tr("New passphrase: "));
    if (action == QLatin1String("add")) {
        if (pos.size() != 2 || !p.isSet(QStringLiteral("role")))
            return ctx.usage(CtlText::tr("usage: users add NAME --role ROLE [--admin]"));
        int code = Done;
        auto ws = ctx.unlock(&code);
        if (!ws)
            return code;
        auto passphrase = newSource.read(true);
        if (!passphrase)
            return ctx.fail(passphrase.error());
        if (Status s = ws->addUser(pos.at(1), p.value(QStringLiteral("role")), *passphrase, p.isSet(admin)); !s)
            return ctx.fail(s.error());
        ctx.err() << CtlText::tr("Added user %1.").arg(pos.at(1)) << Qt::endl;
        return Done;
    }
    if (action == QLatin1String("passwd")) {
        int code = Done;
        auto ws = ctx.unlock(&code);
        if (!ws)
            return code;
        // Unlocking proved the old passphrase; read it again for the re-wrap.
        const PassphraseSource oldSource(ctx.passphraseFile(), QStringLiteral("ADMISSIONS_PASSPHRASE"),
                                         CtlText::tr("Current passphrase: "));
        auto oldPassphrase = oldSource.read();
        auto newPassphrase = newSource.read(true);
        if (!oldPassphrase || !newPassphrase)
            return ctx.fail(!oldPassphrase ? oldPassphrase.error() : newPassphrase.error());
        if (Status s = ws->changePassphrase(*oldPassphrase, *newPassphrase); !s)
            return ctx.fail(s.error());
        ctx.err() << CtlText::tr("Passphrase changed for %1. The cache was not re-encrypted.").arg(ws->user())
                  << Qt::endl;
        return Done;
    }
    return ctx.usage(CtlText::tr("say what to do: users add|list|passwd"));
}

int cmdKey(CtlContext& ctx)
{
    QCommandLineParser p;
    const QCommandLineOption algorithm(QStringLiteral("algorithm"),
                                       CtlText::tr("signing-generate: ed25519 (the default) or sm2-sm3."),
                                       QStringLiteral("ed25519|sm2-sm3"));
    const QCommandLineOption json(QStringLiteral("json"), CtlText::tr("signing-generate: print the key as JSON."));
    if (!ctx.parse(p,
                   CtlText::tr("export-recovery: print the cache's raw key as 64 hex characters (administrators only; "
                               "recorded in the audit log). Keep it offline, like a safe key.") +
                       u'\n' +
                       CtlText::tr("signing-generate: make your signing key for batches (principals), wrapped with "
                                   "your passphrase, and print its id and fingerprint; it is registered with the city "
                                   "platform at the next sync."),
                   {algorithm, json}, QStringLiteral("action"), QStringLiteral("export-recovery|signing-generate")))
        return BadUsage;
    if (p.positionalArguments() == QStringList{QStringLiteral("signing-generate")})
        return keySigningGenerate(ctx, p.value(algorithm), p.isSet(json));
    if (p.positionalArguments() != QStringList{QStringLiteral("export-recovery")} || p.isSet(algorithm))
        return ctx.usage(
            CtlText::tr("usage: key export-recovery | key signing-generate [--algorithm ed25519|sm2-sm3]"));
    int code = Done;
    auto ws = ctx.unlock(&code);
    if (!ws)
        return code;
    auto key = ws->exportRecoveryKey();
    if (!key)
        return ctx.fail(key.error());
    // Straight from its secure storage to stdout: a QTextStream would keep it in a QString buffer.
    ctx.out().flush();
    std::fwrite(key->constData(), 1, size_t(key->size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    key->clear();
    ctx.err() << CtlText::tr("Recovery key exported; this was recorded in the audit log. To open the cache with the "
                             "sqlcipher shell: PRAGMA key = \"x'<key>'\"; PRAGMA cipher_page_size = 4096;")
              << Qt::endl;
    return Done;
}

} // namespace adm::ctl
