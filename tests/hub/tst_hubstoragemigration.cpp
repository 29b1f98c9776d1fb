#include "HubStorage.h"

#include <QTemporaryDir>
#include <QTest>

using adm::hub::HubStorage;

// The hub's storage has a schema version (PRAGMA user_version). A data folder made by an older hub
// is brought up to the current one on open, keeping its rows; one made by a newer hub is refused.
class TestHubStorageMigration : public QObject {
    Q_OBJECT

private slots:
    void version1FolderGetsTheWhoAndWhenColumns();
    void newerSchemaIsRefused();

private:
    static QStringList columns(HubStorage& s, const QString& table);
};

QStringList TestHubStorageMigration::columns(HubStorage& s, const QString& table)
{
    QStringList out;
    auto q = s.connection().prepare(QStringLiteral("PRAGMA table_info(%1)").arg(table));
    if (!q)
        return out;
    while (q->step())
        out.append(q->text(1));
    return out;
}

void TestHubStorageMigration::version1FolderGetsTheWhoAndWhenColumns()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        auto s = HubStorage::open(dir.path());
        QVERIFY2(s, s ? "" : qPrintable(s.error().message));
        QCOMPARE((*s)->connection().scalar(QStringLiteral("PRAGMA user_version"))->toInt(),
                 HubStorage::schemaVersion());
        QVERIFY(columns(**s, QStringLiteral("decisions")).contains(QStringLiteral("client_decided_at")));
        // Make it what a version-1 hub wrote: the same tables without the new columns, one row each.
        adm::store::Connection& c = (*s)->connection();
        for (const QString& sql :
             {QStringLiteral("DROP TABLE decisions"),
              QStringLiteral("CREATE TABLE decisions (id INTEGER PRIMARY KEY, application_id TEXT NOT NULL, account "
                             "TEXT, workstation_id TEXT, outcome TEXT, category TEXT, base_version INTEGER, "
                             "new_version INTEGER, decided_at TEXT, received_at TEXT, item TEXT)"),
              QStringLiteral("INSERT INTO decisions (application_id, account, decided_at) VALUES ('A1', 'r', "
                             "'2026-06-01T08:30:00Z')"),
              QStringLiteral("DROP TABLE batches"),
              QStringLiteral("CREATE TABLE batches (id TEXT PRIMARY KEY, school_id TEXT, account TEXT, key_id TEXT, "
                             "algorithm TEXT, canonical BLOB, signature BLOB, received_at TEXT) WITHOUT ROWID"),
              QStringLiteral("DROP TABLE audit_entries"),
              QStringLiteral("CREATE TABLE audit_entries (workstation_id TEXT NOT NULL, seq INTEGER NOT NULL, "
                             "account TEXT, at TEXT, actor TEXT, action TEXT, subject TEXT, prev_hash TEXT, hash "
                             "TEXT, received_at TEXT, PRIMARY KEY (workstation_id, seq)) WITHOUT ROWID"),
              QStringLiteral("PRAGMA user_version = 1")})
            QVERIFY2(c.exec(sql), qPrintable(sql));
        QVERIFY(!columns(**s, QStringLiteral("decisions")).contains(QStringLiteral("client_decided_at")));
    }
    auto s = HubStorage::open(dir.path());
    QVERIFY2(s, s ? "" : qPrintable(s.error().message));
    QCOMPARE((*s)->connection().scalar(QStringLiteral("PRAGMA user_version"))->toInt(), HubStorage::schemaVersion());
    QVERIFY(columns(**s, QStringLiteral("decisions")).contains(QStringLiteral("client_decided_at")));
    QVERIFY(columns(**s, QStringLiteral("batches")).contains(QStringLiteral("client_created_at")));
    QVERIFY(columns(**s, QStringLiteral("audit_entries")).contains(QStringLiteral("local_actor")));
    // The old row is kept; what it never had stays empty.
    QCOMPARE((*s)->connection().scalar(QStringLiteral("SELECT decided_at FROM decisions"))->toString(),
             QStringLiteral("2026-06-01T08:30:00Z"));
    QVERIFY((*s)->connection().scalar(QStringLiteral("SELECT client_decided_at FROM decisions"))->isNull());
}

void TestHubStorageMigration::newerSchemaIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        auto s = HubStorage::open(dir.path());
        QVERIFY(s);
        QVERIFY(
            (*s)->connection().exec(QStringLiteral("PRAGMA user_version = %1").arg(HubStorage::schemaVersion() + 1)));
    }
    auto s = HubStorage::open(dir.path());
    QVERIFY(!s);
    QVERIFY2(s.error().message.contains(QStringLiteral("newer hub")), qPrintable(s.error().message));
}

QTEST_GUILESS_MAIN(TestHubStorageMigration)
#include "tst_hubstoragemigration.moc"
