#include "ResultCheck.h"
#include "TestSupport.h"
#include "domain/JsonCodec.h"
#include "security/Crypto.h"
#include "store/ChangeApplier.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace adm;
using namespace adm::store;

class TestDatabase : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createThenReopen();
    void headerIsNotPlainSqlite();
    void refusesEmptyOrShortKey();
    void wrongKeyFailsAndLeavesFileUnchanged();
    void plainSqliteFileIsToldApart();
    void randomBytesAreDamage();
    void noPersonalDataOnDisk();
    void plainBaselineWouldShowPersonalData();
    void readerSeesCommittedRows();

private:
    static QList<Change> fixture();
    static void personalData(QSet<QString>* names, QSet<QString>* ids);
};

QList<Change> TestDatabase::fixture()
{
    QList<Change> out;
    for (const QJsonObject& o : testsupport::fixtureChanges())
        out.append(TEST_VALUE(json::readChange(o)));
    return out;
}

void TestDatabase::personalData(QSet<QString>* names, QSet<QString>* ids)
{
    for (const Change& c : fixture()) {
        if (c.entity != entity::Application)
            continue;
        const Application a = TEST_VALUE(json::readApplication(c.data));
        names->insert(a.child.name);
        ids->insert(a.child.idNumber);
        for (const Guardian& g : a.guardians) {
            names->insert(g.name);
            ids->insert(g.idNumber);
        }
    }
    QVERIFY(names->size() >= 3);
    QVERIFY(ids->size() >= 10);
}

void TestDatabase::createThenReopen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.db"));
    const QByteArray key = crypto::randomBytes(32);
    {
        auto db = Database::open(path, key, Database::OpenMode::Create);
        QVERIFY2(db.ok(), qPrintable(db.error().message));
        QVERIFY(Database::latestSchemaVersion() >= 2);
        QCOMPARE((*db)->schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE((*db)->cipherSettings().value(QStringLiteral("page_size")).toInt(), 4096);
        QVERIFY(!(*db)->cipherVersion().isEmpty());
        QVERIFY((*db)->setMeta(QStringLiteral("probe"), QStringLiteral("42")).ok());
    }
    auto again = Database::open(path, key, Database::OpenMode::Existing);
    QVERIFY2(again.ok(), qPrintable(again.error().message));
    QCOMPARE(TEST_VALUE((*again)->meta(QStringLiteral("probe"))), QStringLiteral("42"));
    QCOMPARE(Database::open(path, key, Database::OpenMode::Create).error().code, QStringLiteral("already_exists"));
    QCOMPARE(Database::open(dir.filePath(QStringLiteral("none.db")), key, Database::OpenMode::Existing).error().code,
             QStringLiteral("not_found"));
}

void TestDatabase::headerIsNotPlainSqlite()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.db"));
    auto db = Database::open(path, crypto::randomBytes(32), Database::OpenMode::Create);
    QVERIFY(db.ok());
    const QByteArray head = testsupport::fileBytes(path).left(16);
    QCOMPARE(head.size(), 16);
    QVERIFY(!head.startsWith("SQLite format 3"));
}

void TestDatabase::refusesEmptyOrShortKey()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.db"));
    QCOMPARE(Database::open(path, QByteArray(), Database::OpenMode::Create).error().code, QStringLiteral("empty_key"));
    QCOMPARE(Database::open(path, QByteArray(16, 'k'), Database::OpenMode::Create).error().code,
             QStringLiteral("empty_key"));
    QVERIFY(!QFile::exists(path));
}

void TestDatabase::wrongKeyFailsAndLeavesFileUnchanged()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.db"));
    {
        auto db = Database::open(path, crypto::randomBytes(32), Database::OpenMode::Create);
        QVERIFY(db.ok());
        ChangeApplier applier((*db)->writer());
        QVERIFY(!fixture().isEmpty() && applier.apply(fixture()).ok()); // no fixture: see the warning
    }
    const QByteArray before = testsupport::fileBytes(path);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    auto wrong = Database::open(path, crypto::randomBytes(32), Database::OpenMode::Existing);
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().code, QStringLiteral("cannot_decrypt"));
    QCOMPARE(testsupport::fileBytes(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

void TestDatabase::plainSqliteFileIsToldApart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.db"));
    {
        auto plain = Connection::open(path, Connection::Mode::ReadWriteCreate);
        QVERIFY(plain.ok());
        QVERIFY((*plain)->exec(QStringLiteral("CREATE TABLE t (x); INSERT INTO t VALUES (1);")).ok());
    }
    const QByteArray before = testsupport::fileBytes(path);
    auto db = Database::open(path, crypto::randomBytes(32), Database::OpenMode::Existing);
    QCOMPARE(db.error().code, QStringLiteral("foreign_plain"));
    QCOMPARE(testsupport::fileBytes(path), before);
}

void TestDatabase::randomBytesAreDamage()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.db"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(crypto::randomBytes(8192));
    f.close();
    auto db = Database::open(path, crypto::randomBytes(32), Database::OpenMode::Existing);
    QCOMPARE(db.error().code, QStringLiteral("cannot_decrypt"));
}

void TestDatabase::noPersonalDataOnDisk()
{
    QSet<QString> names, ids;
    personalData(&names, &ids);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.db"));
    auto db = Database::open(path, crypto::randomBytes(32), Database::OpenMode::Create);
    QVERIFY(db.ok());
    ChangeApplier applier((*db)->writer());
    QVERIFY(!fixture().isEmpty() && applier.apply(fixture()).ok()); // no fixture: see the warning
    // The connection is still open: the WAL and the shared-memory file exist and are checked too.
    QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
    QVERIFY(testsupport::fileBytes(path + QStringLiteral("-wal")).size() > 4096);
    for (const QString& file : {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) {
        const QStringList found = testsupport::findPersonalData(testsupport::fileBytes(file), names, ids);
        QVERIFY2(found.isEmpty(), qPrintable(file + QStringLiteral(": ") + found.join(QStringLiteral(", "))));
    }
}

void TestDatabase::plainBaselineWouldShowPersonalData()
{
    // Proof that noPersonalDataOnDisk can fail: the same rows in an unkeyed file are found.
    QSet<QString> names, ids;
    personalData(&names, &ids);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plain.db"));
    auto plain = Connection::open(path, Connection::Mode::ReadWriteCreate);
    QVERIFY(plain.ok());
    QVERIFY((*plain)->exec(QStringLiteral("CREATE TABLE t (data TEXT)")).ok());
    auto insert = (*plain)->prepare(QStringLiteral("INSERT INTO t VALUES (?)"));
    QVERIFY_OK(insert);
    for (const Change& c : fixture())
        insert->bindUtf8(1, QJsonDocument(c.data).toJson(QJsonDocument::Compact)).run().ok();
    plain->reset();
    QVERIFY(!testsupport::findPersonalData(testsupport::fileBytes(path), names, ids).isEmpty());
}

void TestDatabase::readerSeesCommittedRows()
{
    QTemporaryDir dir;
    auto db =
        Database::open(dir.filePath(QStringLiteral("cache.db")), crypto::randomBytes(32), Database::OpenMode::Create);
    QVERIFY(db.ok());
    ChangeApplier applier((*db)->writer());
    QVERIFY(!fixture().isEmpty() && applier.apply(fixture()).ok()); // no fixture: see the warning
    auto reader = (*db)->openReader();
    QVERIFY2(reader.ok(), qPrintable(reader.error().message));
    QCOMPARE(TEST_VALUE((*reader)->scalar(QStringLiteral("SELECT count(*) FROM applications"))).toInt(), 9);
    QVERIFY(!(*reader)->exec(QStringLiteral("DELETE FROM applications")).ok()); // query_only
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
