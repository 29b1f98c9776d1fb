#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <cctype>

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

QList<QJsonObject> fixtureChanges()
{
    const QString path = sharedDir() + QStringLiteral("/fixtures/policy-cases.json");
    const QJsonObject input = readJsonFile(path).value(QStringLiteral("input")).toObject();
    if (input.isEmpty()) {
        // Callers fail on the empty list; this says why.
        qWarning("the shared fixtures are missing: no \"input\" object in %s (set ADMISSIONS_SHARED_DIR)",
                 qPrintable(path));
        return {};
    }
    QList<QJsonObject> out;
    qint64 seq = 0;
    auto add = [&](const QString& entity, const QJsonObject& data) {
        out.append(QJsonObject{{QStringLiteral("seq"), ++seq},
                               {QStringLiteral("entity"), entity},
                               {QStringLiteral("op"), QStringLiteral("upsert")},
                               {QStringLiteral("id"), data.value(QStringLiteral("id"))},
                               {QStringLiteral("version"), data.value(QStringLiteral("version")).toInt(1)},
                               {QStringLiteral("data"), data}});
    };
    add(QStringLiteral("policy"), input.value(QStringLiteral("policy")).toObject());
    for (const auto& [key, entity] :
         QList<QPair<QString, QString>>{{QStringLiteral("schools"), QStringLiteral("school")},
                                        {QStringLiteral("zones"), QStringLiteral("zone")},
                                        {QStringLiteral("agency_records"), QStringLiteral("agency_record")},
                                        {QStringLiteral("applications"), QStringLiteral("application")}}) {
        for (const QJsonValue& v : input.value(key).toArray())
            add(entity, v.toObject());
    }
    return out;
}

QStringList findPersonalData(const QByteArray& bytes, const QSet<QString>& names, const QSet<QString>& idNumbers)
{
    QStringList found;
    // ID numbers: every run of 17 digits plus a check character.
    for (qsizetype i = 0; i + 18 <= bytes.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(bytes[i])))
            continue;
        qsizetype j = i;
        while (j < bytes.size() && j - i < 18 &&
               (std::isdigit(static_cast<unsigned char>(bytes[j])) || (j - i == 17 && bytes[j] == 'X')))
            ++j;
        if (j - i == 18) {
            const QString candidate = QString::fromLatin1(bytes.mid(i, 18));
            if (idNumbers.contains(candidate))
                found.append(QStringLiteral("ID number at byte %1").arg(i));
        }
    }
    // Names: runs of 3-byte UTF-8 CJK characters (U+4E00..U+9FFF start with 0xE4..0xE9).
    qsizetype i = 0;
    while (i + 3 <= bytes.size()) {
        auto isCjkAt = [&](qsizetype k) {
            const auto b0 = static_cast<unsigned char>(bytes[k]);
            return k + 3 <= bytes.size() && b0 >= 0xE4 && b0 <= 0xE9 &&
                   (static_cast<unsigned char>(bytes[k + 1]) & 0xC0) == 0x80 &&
                   (static_cast<unsigned char>(bytes[k + 2]) & 0xC0) == 0x80;
        };
        if (!isCjkAt(i)) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (isCjkAt(j))
            j += 3;
        const QString run = QString::fromUtf8(bytes.mid(i, j - i));
        // A name may sit inside a longer run (an address): try every 2- to 4-character window.
        for (qsizetype start = 0; start < run.size(); ++start)
            for (qsizetype len = 2; len <= 4 && start + len <= run.size(); ++len)
                if (names.contains(run.mid(start, len)))
                    found.append(QStringLiteral("name at byte %1").arg(i + start * 3));
        i = j;
    }
    return found;
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace testsupport
