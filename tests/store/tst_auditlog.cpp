#include "ResultCheck.h"
#include "security/AuditLog.h"
#include "security/Crypto.h"
#include "store/Database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace adm;

class TestAuditLog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void chainVerifies();
    void editedEntryBreaksChain();
    void removedEntryBreaksChain();
};

namespace {
std::unique_ptr<store::Database> makeDb(const QTemporaryDir& dir)
{
    auto db = store::Database::open(dir.filePath(QStringLiteral("cache.db")), crypto::randomBytes(32),
                                    store::Database::OpenMode::Create);
    return db ? std::move(*db) : nullptr;
}
} // namespace

void TestAuditLog::chainVerifies()
{
    QTemporaryDir dir;
    auto db = makeDb(dir);
    QVERIFY(db);
    security::AuditLog log(db->writer());
    for (int i = 0; i < 5; ++i)
        QVERIFY(log.append(QStringLiteral("u"), QStringLiteral("id.reveal"), QStringLiteral("A%1").arg(i)).ok());
    auto entries = log.entries();
    QVERIFY_OK(entries);
    QCOMPARE(entries->size(), 5);
    QCOMPARE(entries->at(1).prevHash, entries->at(0).hash);
    QVERIFY(entries->at(0).prevHash.isEmpty());
    QVERIFY(log.verify().ok());
}

void TestAuditLog::editedEntryBreaksChain()
{
    QTemporaryDir dir;
    auto db = makeDb(dir);
    QVERIFY(db);
    security::AuditLog log(db->writer());
    for (int i = 0; i < 3; ++i)
        QVERIFY(log.append(QStringLiteral("u"), QStringLiteral("a"), QStringLiteral("s%1").arg(i)).ok());
    QVERIFY(db->writer().exec(QStringLiteral("UPDATE audit_log SET subject = 'other' WHERE seq = 2")).ok());
    const Status s = log.verify();
    QVERIFY(!s.ok());
    QVERIFY(s.error().message.contains(QStringLiteral("2")));
}

void TestAuditLog::removedEntryBreaksChain()
{
    QTemporaryDir dir;
    auto db = makeDb(dir);
    QVERIFY(db);
    security::AuditLog log(db->writer());
    for (int i = 0; i < 3; ++i)
        QVERIFY(log.append(QStringLiteral("u"), QStringLiteral("a"), QStringLiteral("s%1").arg(i)).ok());
    QVERIFY(db->writer().exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 2")).ok());
    QVERIFY(!log.verify().ok());
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
