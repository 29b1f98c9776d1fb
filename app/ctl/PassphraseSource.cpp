#include "PassphraseSource.h"

#include "CtlText.h"

#include <QCoreApplication>
#include <QFile>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace adm::ctl {

namespace {

constexpr qsizetype kMaxLine = 4096;

void chomp(security::SecretBytes& line)
{
    qsizetype n = line.size();
    while (n > 0 && (line.constData()[n - 1] == '\n' || line.constData()[n - 1] == '\r'))
        --n;
    line.resize(n);
}

// One line from a file descriptor, a byte at a time: no stdio or QIODevice buffer keeps a copy.
security::SecretBytes readLine(int fd)
{
    security::SecretBytes line(kMaxLine);
    qsizetype n = 0;
    char c = 0;
    while (n < kMaxLine && ::read(fd, &c, 1) == 1 && c != '\n')
        line.data()[n++] = c;
    c = 0;
    line.resize(n);
    chomp(line);
    return line;
}

} // namespace

security::SecretBytes PassphraseSource::promptNoEcho(const QString& prompt)
{
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    termios old{};
    const bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    security::SecretBytes line = readLine(STDIN_FILENO);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        std::fputs("\n", stderr);
    }
    return line;
}

Result<security::SecretBytes> PassphraseSource::read(bool confirm) const
{
    if (!m_file.isEmpty()) {
        QFile f(m_file);
        // Unbuffered: QIODevice keeps no copy of the bytes it read.
        if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
            return Error{QStringLiteral("bad_usage"),
                         CtlText::tr("Cannot read the passphrase file %1: %2").arg(m_file, f.errorString())};
        return readLine(f.handle());
    }
    const QByteArray name = m_variable.toLatin1();
    if (qEnvironmentVariableIsSet(name.constData())) // qgetenv's copy is ours alone: taken and wiped
        return security::SecretBytes(qgetenv(name.constData()));
    security::SecretBytes first = promptNoEcho(m_prompt);
    if (confirm && isatty(STDIN_FILENO)) {
        const security::SecretBytes second = promptNoEcho(CtlText::tr("Type it again: "));
        if (!first.equals(second))
            return Error{QStringLiteral("bad_usage"), CtlText::tr("The two passphrases differ. Nothing was changed.")};
    }
    return first;
}

} // namespace adm::ctl
