#include "CtlContext.h"

#include "CtlText.h"
#include "PassphraseSource.h"

#include <QCoreApplication>
#include <QDir>
#include <cstdio>

namespace adm::ctl {

CtlContext::CtlContext(QString command, QStringList args)
    : m_command(std::move(command))
    , m_args(std::move(args))
    , m_out(stdout)
    , m_err(stderr)
{}

bool CtlContext::parse(QCommandLineParser& parser, const QString& description, const QList<QCommandLineOption>& options,
                       const QString& positionalName, const QString& positionalHelp)
{
    m_parser = &parser;
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addOption({QStringLiteral("data-dir"), CtlText::tr("The workstation's data folder."), CtlText::tr("DIR"),
                      store::Workspace::defaultDataDir()});
    parser.addOption({QStringLiteral("user"),
                      CtlText::tr("The local user (default: $ADMISSIONS_USER, or the only user)."),
                      CtlText::tr("NAME")});
    parser.addOption({QStringLiteral("passphrase-file"),
                      CtlText::tr("Read the passphrase from FILE (default: $ADMISSIONS_PASSPHRASE, else a prompt)."),
                      CtlText::tr("FILE")});
    parser.addOptions(options);
    if (!positionalName.isEmpty())
        parser.addPositionalArgument(positionalName, positionalHelp);
    if (!parser.parse(QStringList{QStringLiteral("admissionsctl ") + m_command} + m_args)) {
        m_err << parser.errorText() << Qt::endl
              << CtlText::tr("Run \"admissionsctl %1 --help\" for the options.").arg(m_command) << Qt::endl;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText() << Qt::flush;
        std::exit(Done);
    }
    return true;
}

QString CtlContext::dataDir() const
{
    return QDir::cleanPath(m_parser->value(QStringLiteral("data-dir")));
}

Result<QString> CtlContext::userName() const
{
    if (m_parser->isSet(QStringLiteral("user")))
        return m_parser->value(QStringLiteral("user"));
    if (qEnvironmentVariableIsSet("ADMISSIONS_USER"))
        return qEnvironmentVariable("ADMISSIONS_USER");
    auto users = store::Workspace::users(dataDir());
    if (!users)
        return users.error();
    if (users->size() == 1)
        return users->first().name;
    return Error{QStringLiteral("bad_usage"),
                 CtlText::tr("This workstation has %1 users; say which one with --user NAME.").arg(users->size())};
}

std::unique_ptr<store::Workspace> CtlContext::unlock(int* exitCode, const store::Database::Options& options)
{
    auto user = userName();
    if (!user) {
        *exitCode = fail(user.error());
        return nullptr;
    }
    const PassphraseSource source(passphraseFile(), QStringLiteral("ADMISSIONS_PASSPHRASE"),
                                  CtlText::tr("Passphrase for %1: ").arg(*user));
    auto passphrase = source.read();
    if (!passphrase) {
        *exitCode = fail(passphrase.error());
        return nullptr;
    }
    auto ws = store::Workspace::unlock(dataDir(), *user, *passphrase, options);
    if (!ws) {
        *exitCode = fail(ws.error());
        return nullptr;
    }
    *exitCode = Done;
    return std::move(*ws);
}

int CtlContext::exitCodeFor(const QString& code)
{
    if (code == QLatin1String("wrong_passphrase"))
        return WrongPassphrase;
    if (code == QLatin1String("cannot_decrypt") || code == QLatin1String("foreign_plain") ||
        code == QLatin1String("damaged_keystore") || code == QLatin1String("no_cipher") ||
        code == QLatin1String("migration_failed") || code.startsWith(QLatin1String("sql")))
        return DamagedCache;
    return BadUsage;
}

int CtlContext::fail(const Error& error)
{
    m_err << CtlText::tr("admissionsctl %1: %2").arg(m_command, error.message) << Qt::endl;
    return exitCodeFor(error.code);
}

int CtlContext::usage(const QString& message)
{
    m_err << CtlText::tr("admissionsctl %1: %2").arg(m_command, message) << Qt::endl;
    return BadUsage;
}

} // namespace adm::ctl
