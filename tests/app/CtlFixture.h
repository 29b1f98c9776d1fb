#pragma once

#include "TestSupport.h"

#include <QMap>
#include <QSet>
#include <QString>
#include <QTemporaryDir>

// A generated city on disk and a workstation data folder, driven through the real admissionsctl.
struct CtlFixture {
    static const QString kPassphrase;
    static QMap<QString, QString> env(const QString& passphrase = kPassphrase);

    // admissionsctl ARGS with the passphrase in the environment.
    static testsupport::ProcessResult ctl(const QStringList& args, const QMap<QString, QString>& extraEnv = {},
                                          const QByteArray& input = {});

    // Generates a city of `applications` into `file` (fails the test on error).
    static bool generate(const QString& file, int applications, int seed);
    static bool init(const QString& dataDir, const QString& user = QStringLiteral("admin"),
                     const QString& role = QStringLiteral("reviewer"));

    // Entities per kind in a bundle, and the names and ID numbers of the people in it.
    struct BundleFacts {
        QMap<QString, int> entities;
        QMap<QString, int> datasets;
        QList<qint64> seqs;
        QSet<QString> names;
        QSet<QString> idNumbers;
    };
    static BundleFacts readBundle(const QString& file);
};
