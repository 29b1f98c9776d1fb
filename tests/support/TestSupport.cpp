#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>

namespace testsupport {

QString sharedDir()
{
    return qEnvironmentVariable("ADMISSIONS_SHARED_DIR");
}

QString binDir()
{
    return qEnvironmentVariable("ADMISSIONS_BIN_DIR");
}

QString sourceDir()
{
    return qEnvironmentVariable("ADMISSIONS_SOURCE_DIR");
}

QJsonObject readJsonFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

ProcessResult run(const QString& program, const QStringList& args, const QMap<QString, QString>& env,
                  const QByteArray& input, int timeoutMs)
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    const QString path = program.contains(u'/') ? program : QDir(binDir()).filePath(program);
    p.start(path, args);
    ProcessResult r;
    if (!p.waitForStarted(20000)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.crashed = true;
    }
    r.exitCode = p.exitCode();
    r.crashed = r.crashed || p.exitStatus() == QProcess::CrashExit;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace testsupport
