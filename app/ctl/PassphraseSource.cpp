#include "PassphraseSource.h"

#include "CtlText.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace adm::ctl {

namespace {

QString chompLine(QByteArray bytes)
{
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    return QString::fromUtf8(bytes);
}
} // namespace

QString PassphraseSource::promptNoEcho(const QString& prompt)
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
    QByteArray line;
    int ch;
    while ((ch = std::getchar()) != EOF && ch != '\n')
        line.append(char(ch));
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        std::fputs("\n", stderr);
    }
    return chompLine(line);
}

Result<QString> PassphraseSource::read(bool confirm) const
{
    if (!m_file.isEmpty()) {
        QFile f(m_file);
        if (!f.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("bad_usage"),
                         CtlText::tr("Cannot read the passphrase file %1: %2").arg(m_file, f.errorString())};
        return chompLine(f.readLine());
    }
    if (qEnvironmentVariableIsSet(m_variable.toLatin1().constData()))
        return qEnvironmentVariable(m_variable.toLatin1().constData());
    const QString first = promptNoEcho(m_prompt);
    if (confirm && isatty(STDIN_FILENO)) {
        const QString second = promptNoEcho(CtlText::tr("Type it again: "));
        if (first != second)
            return Error{QStringLiteral("bad_usage"), CtlText::tr("The two passphrases differ. Nothing was changed.")};
    }
    return first;
}

} // namespace adm::ctl
