#include "ResultCheck.h"
#include "TestSupport.h"
#include "store/Workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace adm;
using namespace adm::store;

class TestKeyStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initialiseAndUnlock();
    void wrongPassphraseTouchesNothing();
    void unknownUser();
    void passphraseRules_data();
    void passphraseRules();
    void secondUserHasOwnPassphrase();
    void onlyAdministratorsAddUsersOrExportKey();
    void changePassphraseDoesNotReencrypt();
    void promotingInKeysFileBreaksUnwrap();
    void recoveryKeyIsAudited();
    void keysFileHoldsNoPlainKey();

private:
    static const QString kPass;
};

const QString TestKeyStore::kPass = QStringLiteral("correct horse battery");

void TestKeyStore::initialiseAndUnlock()
{
    QTemporaryDir dir;
    {
        auto ws = Workspace::initialise(dir.path(), QStringLiteral("liu.fang"), QStringLiteral("reviewer"), kPass);
        QVERIFY2(ws.ok(), qPrintable(ws.error().message));
        QVERIFY((*ws)->isAdministrator());
    }
    auto again = Workspace::unlock(dir.path(), QStringLiteral("liu.fang"), kPass);
    QVERIFY2(again.ok(), qPrintable(again.error().message));
    QCOMPARE((*again)->role(), QStringLiteral("reviewer"));
    QCOMPARE(Workspace::initialise(dir.path(), QStringLiteral("x"), QStringLiteral("clerk"), kPass).error().code,
             QStringLiteral("already_initialised"));
}

void TestKeyStore::wrongPassphraseTouchesNothing()
{
    QTemporaryDir dir;
    QVERIFY(Workspace::initialise(dir.path(), QStringLiteral("a"), QStringLiteral("clerk"), kPass).ok());
    const QByteArray db = testsupport::fileBytes(dir.filePath(QStringLiteral("cache.db")));
    const QByteArray keys = testsupport::fileBytes(dir.filePath(QStringLiteral("keys.json")));
    auto ws = Workspace::unlock(dir.path(), QStringLiteral("a"), QStringLiteral("wrong horse battery"));
    QCOMPARE(ws.error().code, QStringLiteral("wrong_passphrase"));
    QVERIFY(!ws.error().message.isEmpty());
    QCOMPARE(testsupport::fileBytes(dir.filePath(QStringLiteral("cache.db"))), db);
    QCOMPARE(testsupport::fileBytes(dir.filePath(QStringLiteral("keys.json"))), keys);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("cache.db-wal"))));
}

void TestKeyStore::unknownUser()
{
    QTemporaryDir dir;
    QVERIFY(Workspace::initialise(dir.path(), QStringLiteral("a"), QStringLiteral("clerk"), kPass).ok());
    QCOMPARE(Workspace::unlock(dir.path(), QStringLiteral("b"), kPass).error().code, QStringLiteral("unknown_user"));
    QTemporaryDir empty;
    QCOMPARE(Workspace::unlock(empty.path(), QStringLiteral("a"), kPass).error().code,
             QStringLiteral("not_initialised"));
}

void TestKeyStore::passphraseRules_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("code");
    QTest::newRow("empty") << "a"
                           << "clerk"
                           << ""
                           << "empty_passphrase";
    QTest::newRow("short") << "a"
                           << "clerk"
                           << "1234567"
                           << "short_passphrase";
    QTest::newRow("bad role") << "a"
                              << "janitor" << kPass << "bad_role";
    QTest::newRow("bad name") << "liu fang"
                              << "clerk" << kPass << "bad_user_name";
}

void TestKeyStore::passphraseRules()
{
    QFETCH(QString, user);
    QFETCH(QString, role);
    QFETCH(QString, passphrase);
    QFETCH(QString, code);
    QTemporaryDir dir;
    auto ws = Workspace::initialise(dir.path(), user, role, passphrase);
    QCOMPARE(ws.error().code, code);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("keys.json"))));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("cache.db"))));
}

void TestKeyStore::secondUserHasOwnPassphrase()
{
    QTemporaryDir dir;
    {
        auto ws = Workspace::initialise(dir.path(), QStringLiteral("admin"), QStringLiteral("principal"), kPass);
        QVERIFY(ws.ok());
        QVERIFY((*ws)
                    ->addUser(QStringLiteral("clerk.wang"), QStringLiteral("clerk"), QStringLiteral("counter two pass"),
                              false)
                    .ok());
        QCOMPARE((*ws)->addUser(QStringLiteral("clerk.wang"), QStringLiteral("clerk"), kPass, false).error().code,
                 QStringLiteral("user_exists"));
    }
    auto clerk = Workspace::unlock(dir.path(), QStringLiteral("clerk.wang"), QStringLiteral("counter two pass"));
    QVERIFY(clerk.ok());
    QCOMPARE((*clerk)->role(), QStringLiteral("clerk"));
    QCOMPARE(Workspace::unlock(dir.path(), QStringLiteral("clerk.wang"), kPass).error().code,
             QStringLiteral("wrong_passphrase"));
    QCOMPARE(TEST_VALUE(Workspace::users(dir.path())).size(), 2);
}

void TestKeyStore::onlyAdministratorsAddUsersOrExportKey()
{
    QTemporaryDir dir;
    {
        auto ws = Workspace::initialise(dir.path(), QStringLiteral("admin"), QStringLiteral("principal"), kPass);
        QVERIFY_OK(ws);
        QVERIFY((*ws)->addUser(QStringLiteral("r"), QStringLiteral("reviewer"), kPass, false).ok());
    }
    auto reviewer = Workspace::unlock(dir.path(), QStringLiteral("r"), kPass);
    QVERIFY(reviewer.ok());
    QCOMPARE((*reviewer)->addUser(QStringLiteral("x"), QStringLiteral("clerk"), kPass, false).error().code,
             QStringLiteral("not_allowed"));
    QCOMPARE((*reviewer)->exportRecoveryKey().error().code, QStringLiteral("not_allowed"));
}

void TestKeyStore::changePassphraseDoesNotReencrypt()
{
    QTemporaryDir dir;
    QString keyBefore;
    {
        auto ws = Workspace::initialise(dir.path(), QStringLiteral("a"), QStringLiteral("reviewer"), kPass);
        QVERIFY(ws.ok());
        const auto hex = (*ws)->exportRecoveryKey();
        QVERIFY_OK(hex);
        keyBefore = QString::fromLatin1(hex->constData(), hex->size());
        QCOMPARE(
            (*ws)->changePassphrase(QStringLiteral("not the old one"), QStringLiteral("new passphrase 1")).error().code,
            QStringLiteral("wrong_passphrase"));
        QVERIFY((*ws)->changePassphrase(kPass, QStringLiteral("new passphrase 1")).ok());
    }
    QCOMPARE(Workspace::unlock(dir.path(), QStringLiteral("a"), kPass).error().code,
             QStringLiteral("wrong_passphrase"));
    auto ws = Workspace::unlock(dir.path(), QStringLiteral("a"), QStringLiteral("new passphrase 1"));
    QVERIFY2(ws.ok(), qPrintable(ws.error().message));
    // The same data key still opens the cache: nothing was re-encrypted.
    const auto after = (*ws)->exportRecoveryKey();
    QVERIFY_OK(after);
    QCOMPARE(QString::fromLatin1(after->constData(), after->size()), keyBefore);
}

void TestKeyStore::promotingInKeysFileBreaksUnwrap()
{
    QTemporaryDir dir;
    {
        auto ws = Workspace::initialise(dir.path(), QStringLiteral("admin"), QStringLiteral("principal"), kPass);
        QVERIFY_OK(ws);
        QVERIFY((*ws)->addUser(QStringLiteral("c"), QStringLiteral("clerk"), kPass, false).ok());
    }
    const QString path = dir.filePath(QStringLiteral("keys.json"));
    QJsonObject root = testsupport::readJsonFile(path);
    QJsonArray users = root.value(QStringLiteral("users")).toArray();
    QJsonObject clerk = users.at(1).toObject();
    clerk.insert(QStringLiteral("role"), QStringLiteral("supervisor"));
    clerk.insert(QStringLiteral("administrator"), true);
    users.replace(1, clerk);
    root.insert(QStringLiteral("users"), users);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(root).toJson());
    f.close();
    QCOMPARE(Workspace::unlock(dir.path(), QStringLiteral("c"), kPass).error().code,
             QStringLiteral("wrong_passphrase"));
}

void TestKeyStore::recoveryKeyIsAudited()
{
    QTemporaryDir dir;
    auto ws = Workspace::initialise(dir.path(), QStringLiteral("admin"), QStringLiteral("principal"), kPass);
    QVERIFY(ws.ok());
    auto key = (*ws)->exportRecoveryKey();
    QVERIFY(key.ok());
    QCOMPARE(key->size(), 64);
    auto entries = (*ws)->audit().entries();
    QVERIFY(entries.ok());
    QCOMPARE(entries->last().action, QStringLiteral("key.export_recovery"));
    QCOMPARE(entries->last().actor, QStringLiteral("admin"));
}

void TestKeyStore::keysFileHoldsNoPlainKey()
{
    QTemporaryDir dir;
    auto ws = Workspace::initialise(dir.path(), QStringLiteral("admin"), QStringLiteral("principal"), kPass);
    QVERIFY_OK(ws);
    const auto exported = (*ws)->exportRecoveryKey();
    QVERIFY_OK(exported);
    const QString hex = QString::fromLatin1(exported->constData(), exported->size());
    const QByteArray keys = testsupport::fileBytes(dir.filePath(QStringLiteral("keys.json")));
    QVERIFY(!keys.contains(hex.toLatin1()));
    QVERIFY(!keys.contains(QByteArray::fromHex(hex.toLatin1()).toBase64()));
    QVERIFY(!keys.contains(kPass.toUtf8()));
}

QTEST_GUILESS_MAIN(TestKeyStore)
#include "tst_keystore.moc"
