#pragma once

#include "domain/Result.h"
#include "store/Workspace.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>
#include <memory>

namespace adm::ctl {

// Exit codes of admissionsctl, documented in its --help and in docs/admissionsctl.md.
enum ExitCode { Done = 0, No = 1, BadUsage = 2, WrongPassphrase = 3, DamagedCache = 4 };

// What every command shares: the common options (--data-dir, --user, --passphrase-file), the
// output streams, and unlocking the data folder.
class CtlContext {
public:
    CtlContext(QString command, QStringList args);

    const QString& command() const { return m_command; }

    // Adds the common options, parses; on a usage error prints it and returns false.
    bool parse(QCommandLineParser& parser, const QString& description, const QList<QCommandLineOption>& options = {},
               const QString& positionalName = {}, const QString& positionalHelp = {});

    QString dataDir() const;
    // The user named with --user, else $ADMISSIONS_USER, else the only user of the folder.
    Result<QString> userName() const;
    QString passphraseFile() const { return m_parser ? m_parser->value(QStringLiteral("passphrase-file")) : QString(); }

    // Reads the passphrase and unlocks the folder, reporting failures; null on failure with
    // `exitCode` set.
    std::unique_ptr<store::Workspace> unlock(int* exitCode, const store::Database::Options& options = {});

    // Prints an error sentence on stderr and returns the exit code that goes with its code.
    int fail(const Error& error);
    int usage(const QString& message);

    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }

    static int exitCodeFor(const QString& errorCode);

private:
    QString m_command;
    QStringList m_args;
    QCommandLineParser* m_parser = nullptr;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace adm::ctl
