#include "CtlFixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using testsupport::fileBytes;

// admissionsctl end to end: the real program on a real generated city and a real SQLCipher file.
class TestAdmissionsCtl : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void statsMatchTheBundle();
    void importTwiceChangesNothing();
    void noPersonalDataInCacheFiles();
    void sqlcipherShellOpensWithRecoveryKey();
    void recoveryExportIsAudited();
    void wrongPassphraseExits3AndChangesNothing();
    void damagedOrForeignCacheExits4();
    void usersAddListPasswd();
    void checkId_data();
    void checkId();
    void badUsageExits2_data();
    void badUsageExits2();
    void badBundleLineIsNamed();
    void generateIsDeterministic();

private:
    QTemporaryDir m_tmp;
    QString m_city;
    QString m_data;
    CtlFixture::BundleFacts m_facts;
};

void TestAdmissionsCtl::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_city = m_tmp.filePath(QStringLiteral("city.jsonl"));
    m_data = m_tmp.filePath(QStringLiteral("ws"));
    QVERIFY(CtlFixture::generate(m_city, 1500, 7));
    m_facts = CtlFixture::readBundle(m_city);
    QVERIFY(m_facts.entities.value(QStringLiteral("application")) >= 1500);
    QVERIFY(CtlFixture::init(m_data));
    const auto r = CtlFixture::ctl({QStringLiteral("import"), QStringLiteral("--data-dir"), m_data, m_city});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.err.contains("Importing"));
}

void TestAdmissionsCtl::statsMatchTheBundle()
{
    const auto r =
        CtlFixture::ctl({QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--data-dir"), m_data});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject stats = QJsonDocument::fromJson(r.out).object();
    const QJsonObject entities = stats.value(QStringLiteral("entities")).toObject();
    for (auto it = m_facts.entities.cbegin(); it != m_facts.entities.cend(); ++it)
        QCOMPARE(entities.value(it.key()).toInt(), it.value());
    const QJsonObject datasets = stats.value(QStringLiteral("datasets")).toObject();
    for (auto it = m_facts.datasets.cbegin(); it != m_facts.datasets.cend(); ++it)
        QCOMPARE(datasets.value(it.key()).toInt(), it.value());
    QVERIFY(m_facts.datasets.size() >= 9); // all seven data sets plus marriages and residence permits
    QVERIFY(stats.value(QStringLiteral("channels")).toObject().value(QStringLiteral("counter")).toInt() > 0);
}

void TestAdmissionsCtl::importTwiceChangesNothing()
{
    const auto before =
        CtlFixture::ctl({QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--data-dir"), m_data});
    const auto r = CtlFixture::ctl({QStringLiteral("import"), QStringLiteral("--data-dir"), m_data, m_city});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("0 new or updated"), r.err.constData());
    const auto after =
        CtlFixture::ctl({QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--data-dir"), m_data});
    QCOMPARE(after.out, before.out);
}

void TestAdmissionsCtl::noPersonalDataInCacheFiles()
{
    const QString db = QDir(m_data).filePath(QStringLiteral("cache.db"));
    QVERIFY(fileBytes(db).size() > 1000000);
    for (const QString& file : {db, db + QStringLiteral("-wal"), db + QStringLiteral("-shm"),
                                QDir(m_data).filePath(QStringLiteral("keys.json"))}) {
        const QStringList found = testsupport::findPersonalData(fileBytes(file), m_facts.names, m_facts.idNumbers);
        QVERIFY2(found.isEmpty(), qPrintable(file + QStringLiteral(": ") + found.mid(0, 5).join(QStringLiteral(", "))));
    }
    // The bundle itself is plain text: the scan does find people there.
    QVERIFY(
        !testsupport::findPersonalData(fileBytes(m_city).left(2000000), m_facts.names, m_facts.idNumbers).isEmpty());
}

void TestAdmissionsCtl::sqlcipherShellOpensWithRecoveryKey()
{
    const QString shell = QStandardPaths::findExecutable(QStringLiteral("sqlcipher"));
    QVERIFY2(!shell.isEmpty(), "the sqlcipher shell is installed by scripts/test.sh");
    const auto key = CtlFixture::ctl(
        {QStringLiteral("key"), QStringLiteral("export-recovery"), QStringLiteral("--data-dir"), m_data});
    QCOMPARE(key.exitCode, 0);
    const QByteArray hex = key.out.trimmed();
    QCOMPARE(hex.size(), 64);
    const QByteArray script = "PRAGMA key = \"x'" + hex +
                              "'\";\nPRAGMA cipher_page_size = 4096;\n"
                              "SELECT count(*) FROM applications;\n";
    const auto r = testsupport::run(shell, {QDir(m_data).filePath(QStringLiteral("cache.db"))}, {}, script);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed().split('\n').last().trimmed(),
             QByteArray::number(m_facts.entities.value(QStringLiteral("application"))));
    // Without the page size the standard tool cannot read it: the setting matters and is recorded.
    const QJsonObject keys = testsupport::readJsonFile(QDir(m_data).filePath(QStringLiteral("keys.json")));
    QCOMPARE(keys.value(QStringLiteral("cipher")).toObject().value(QStringLiteral("page_size")).toInt(), 4096);
}

void TestAdmissionsCtl::recoveryExportIsAudited()
{
    const auto key = CtlFixture::ctl(
        {QStringLiteral("key"), QStringLiteral("export-recovery"), QStringLiteral("--data-dir"), m_data});
    QCOMPARE(key.exitCode, 0);
    const QByteArray script = "PRAGMA key = \"x'" + key.out.trimmed() +
                              "'\";\nPRAGMA cipher_page_size = 4096;\n"
                              "SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1;\n";
    const auto r = testsupport::run(QStandardPaths::findExecutable(QStringLiteral("sqlcipher")),
                                    {QDir(m_data).filePath(QStringLiteral("cache.db"))}, {}, script);
    QCOMPARE(r.out.trimmed().split('\n').last().trimmed(), QByteArray("key.export_recovery"));
}

void TestAdmissionsCtl::wrongPassphraseExits3AndChangesNothing()
{
    const QString db = QDir(m_data).filePath(QStringLiteral("cache.db"));
    const QByteArray before = fileBytes(db);
    const QByteArray keysBefore = fileBytes(QDir(m_data).filePath(QStringLiteral("keys.json")));
    for (const QString& command : {QStringLiteral("stats"), QStringLiteral("import")}) {
        QStringList args{command, QStringLiteral("--data-dir"), m_data};
        if (command == QLatin1String("import"))
            args << m_city;
        const auto r = CtlFixture::ctl(args, CtlFixture::env(QStringLiteral("not the passphrase")));
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("passphrase is not right"), r.err.constData());
    }
    QCOMPARE(fileBytes(db), before);
    QCOMPARE(fileBytes(QDir(m_data).filePath(QStringLiteral("keys.json"))), keysBefore);
    QVERIFY(!QFile::exists(db + QStringLiteral("-wal")));
}

void TestAdmissionsCtl::damagedOrForeignCacheExits4()
{
    // A copy of the folder with the first page of the cache overwritten.
    const QString damaged = m_tmp.filePath(QStringLiteral("damaged"));
    QVERIFY(QDir().mkpath(damaged));
    QVERIFY(QFile::copy(QDir(m_data).filePath(QStringLiteral("keys.json")), damaged + QStringLiteral("/keys.json")));
    QByteArray bytes = fileBytes(QDir(m_data).filePath(QStringLiteral("cache.db")));
    for (int i = 100; i < 300; ++i)
        bytes[i] = char(bytes[i] ^ 0x5a);
    QFile f(damaged + QStringLiteral("/cache.db"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    f.close();
    auto r = CtlFixture::ctl({QStringLiteral("stats"), QStringLiteral("--data-dir"), damaged});
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains("damaged"), r.err.constData());

    // Another workstation's cache beside this key file: foreign, told apart from a wrong passphrase.
    const QString other = m_tmp.filePath(QStringLiteral("other"));
    QVERIFY(CtlFixture::init(other));
    QVERIFY(QFile::remove(damaged + QStringLiteral("/cache.db")));
    QVERIFY(QFile::copy(other + QStringLiteral("/cache.db"), damaged + QStringLiteral("/cache.db")));
    r = CtlFixture::ctl({QStringLiteral("stats"), QStringLiteral("--data-dir"), damaged});
    QCOMPARE(r.exitCode, 4);
}

void TestAdmissionsCtl::usersAddListPasswd()
{
    const QString dir = m_tmp.filePath(QStringLiteral("users"));
    QVERIFY(CtlFixture::init(dir, QStringLiteral("admin"), QStringLiteral("principal")));
    auto r = CtlFixture::ctl({QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("clerk.wang"),
                              QStringLiteral("--role"), QStringLiteral("clerk"), QStringLiteral("--data-dir"), dir},
                             {{QStringLiteral("ADMISSIONS_NEW_PASSPHRASE"), QStringLiteral("clerk passphrase")}});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = CtlFixture::ctl(
        {QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--data-dir"), dir});
    const QJsonArray users = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(users.size(), 2);
    QCOMPARE(users.at(1).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("clerk"));
    // Two users now: the command must be told which.
    r = CtlFixture::ctl({QStringLiteral("stats"), QStringLiteral("--data-dir"), dir});
    QCOMPARE(r.exitCode, 2);
    r = CtlFixture::ctl({QStringLiteral("users"), QStringLiteral("passwd"), QStringLiteral("--user"),
                         QStringLiteral("clerk.wang"), QStringLiteral("--data-dir"), dir},
                        {{QStringLiteral("ADMISSIONS_PASSPHRASE"), QStringLiteral("clerk passphrase")},
                         {QStringLiteral("ADMISSIONS_NEW_PASSPHRASE"), QStringLiteral("a newer passphrase")}});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = CtlFixture::ctl({QStringLiteral("stats"), QStringLiteral("--user"), QStringLiteral("clerk.wang"),
                         QStringLiteral("--data-dir"), dir},
                        {{QStringLiteral("ADMISSIONS_PASSPHRASE"), QStringLiteral("a newer passphrase")}});
    QCOMPARE(r.exitCode, 0);
    // A clerk is not an administrator.
    r = CtlFixture::ctl({QStringLiteral("key"), QStringLiteral("export-recovery"), QStringLiteral("--user"),
                         QStringLiteral("clerk.wang"), QStringLiteral("--data-dir"), dir},
                        {{QStringLiteral("ADMISSIONS_PASSPHRASE"), QStringLiteral("a newer passphrase")}});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
}

void TestAdmissionsCtl::checkId_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    QTest::newRow("valid") << "371102201911051073" << 0 << "born 2019-11-05, male";
    QTest::newRow("lower-case x") << "37110219880315103x" << 0 << "born 1988-03-15";
    QTest::newRow("check character") << "371102201911051074" << 1 << "wrong_check_character";
    QTest::newRow("impossible date") << "371102201902300000" << 1 << "impossible_date";
    QTest::newRow("wrong length") << "3711022019110510" << 1 << "wrong_length";
}

void TestAdmissionsCtl::checkId()
{
    QFETCH(QString, id);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    const auto r = CtlFixture::ctl({QStringLiteral("check-id"), id});
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.out.contains(says.toUtf8()), r.out.constData());
}

void TestAdmissionsCtl::badUsageExits2_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("stats"), QStringLiteral("--colour")};
    QTest::newRow("init without role") << QStringList{QStringLiteral("init"), QStringLiteral("--user"),
                                                      QStringLiteral("x")};
    QTest::newRow("generate bad count") << QStringList{QStringLiteral("generate"), QStringLiteral("--applications"),
                                                       QStringLiteral("lots"), QStringLiteral("--out"),
                                                       QStringLiteral("/tmp/x")};
    QTest::newRow("check-id without id") << QStringList{QStringLiteral("check-id")};
    QTest::newRow("import missing file") << QStringList{QStringLiteral("import"),
                                                        QStringLiteral("/nonexistent/file.jsonl")};
}

void TestAdmissionsCtl::badUsageExits2()
{
    QFETCH(QStringList, args);
    const auto r = CtlFixture::ctl(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.isEmpty());
}

void TestAdmissionsCtl::badBundleLineIsNamed()
{
    const QString dir = m_tmp.filePath(QStringLiteral("bad"));
    QVERIFY(CtlFixture::init(dir));
    const QString file = m_tmp.filePath(QStringLiteral("bad.jsonl"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QFile city(m_city);
    QVERIFY(city.open(QIODevice::ReadOnly));
    for (int i = 0; i < 5; ++i)
        f.write(city.readLine());
    f.write("{\"seq\": 6, \"entity\": \"school\", \"op\": \"upsert\", \"id\": \"S1\", \"data\": {\"id\": \"S1\"}}\n");
    f.close();
    const auto r = CtlFixture::ctl({QStringLiteral("import"), QStringLiteral("--data-dir"), dir, file});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("line 6") && r.err.contains("data.name"), r.err.constData());
    const auto stats =
        CtlFixture::ctl({QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--data-dir"), dir});
    const QJsonObject entities =
        QJsonDocument::fromJson(stats.out).object().value(QStringLiteral("entities")).toObject();
    int total = 0;
    for (const QJsonValue& v : entities)
        total += v.toInt();
    QCOMPARE(total, 0); // the batch holding the bad line was not applied
}

void TestAdmissionsCtl::generateIsDeterministic()
{
    const QString a = m_tmp.filePath(QStringLiteral("a.jsonl"));
    const QString b = m_tmp.filePath(QStringLiteral("b.jsonl"));
    QVERIFY(CtlFixture::generate(a, 300, 11));
    QVERIFY(CtlFixture::generate(b, 300, 11));
    QCOMPARE(fileBytes(a), fileBytes(b));
    QVERIFY(CtlFixture::generate(b, 300, 12));
    QVERIFY(fileBytes(a) != fileBytes(b));
}

QTEST_GUILESS_MAIN(TestAdmissionsCtl)
#include "tst_admissionsctl.moc"
