#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSet>
#include <QString>
#include <QStringList>

// Helpers shared by the tests: where things are, and running the real programs.
namespace testsupport {

// ../shared next to the project root (fixtures); overridable with ADMISSIONS_SHARED_DIR.
QString sharedDir();
// The folder holding the built programs (admissionsctl, admissions-hub).
QString binDir();
QString sourceDir();

QJsonObject readJsonFile(const QString& path);

struct ProcessResult {
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
};

// Runs a built program with arguments; `env` adds to the current environment.
ProcessResult run(const QString& program, const QStringList& args, const QMap<QString, QString>& env = {},
                  const QByteArray& input = {}, int timeoutMs = 240000);

// All bytes of a file ("" when it does not exist).
QByteArray fileBytes(const QString& path);

// The fixture cases of shared/fixtures/policy-cases.json as change-feed entries (seq from 1).
// Empty, with a warning naming the path, when the shared fixtures are missing.
QList<QJsonObject> fixtureChanges();

// Personal data found in raw bytes: every 18-character ID number among `idNumbers`, and every
// run of CJK characters that equals one of `names`. Empty when the bytes hold none of them.
QStringList findPersonalData(const QByteArray& bytes, const QSet<QString>& names, const QSet<QString>& idNumbers);

} // namespace testsupport
