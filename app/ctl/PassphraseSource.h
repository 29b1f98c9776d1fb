#pragma once

#include "domain/Result.h"
#include "security/SecretBytes.h"

#include <QString>

namespace adm::ctl {

// Where a passphrase comes from, in this order: a file named on the command line, an environment
// variable (for scripts), or a prompt on the terminal that does not echo. The passphrase never
// appears in a log line, and is read straight into secure storage (see docs/security.md).
class PassphraseSource {
public:
    PassphraseSource(QString file, QString environmentVariable, QString prompt)
        : m_file(std::move(file))
        , m_variable(std::move(environmentVariable))
        , m_prompt(std::move(prompt))
    {}

    // With `confirm`, a prompt asks twice and refuses a mismatch.
    Result<security::SecretBytes> read(bool confirm = false) const;

    static security::SecretBytes promptNoEcho(const QString& prompt);

private:
    QString m_file;
    QString m_variable;
    QString m_prompt;
};

} // namespace adm::ctl
