#include "SyncFixture.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace adm;

// A pull applies several pages in one transaction with the cursor of the last of them
// (SyncOptions::pullBatch). A transaction that fails or is killed halfway leaves nothing of its
// pages, the cursor stays where the last committed transaction put it, and the next pass resumes
// exactly there: nothing lost, nothing applied twice, the cache equal to the hub.
//
// The feed is a fresh FakeHub city: a full pull sends every change once, in order, so page k holds
// seqs 10(k-1)+1 .. 10k, each change a distinct entity, and the full-pull cursor ends with the
// position it follows ("f<epoch>.<start>.<pos>").
class TestSyncPullBatch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void failedTransactionLeavesNothingOfItsPages();
    void killedMidTransactionResumesAfterLastCommit();

private:
    testsupport::ProcessResult ctl(const QStringList& args, const QString& dataDir);
    static qint64 entityRows(store::Connection& c);
    static qint64 cursorPosition(store::Connection& c);
    qint64 expectedPeople() const;

    SyncFixture m_fx;
    qint64 m_last = 0; // the feed's last seq: as many changes as entities
};

namespace {
constexpr int kApplications = 120;
constexpr int kPage = 10;
constexpr int kBatch = 30; // three pages a transaction
} // namespace

testsupport::ProcessResult TestSyncPullBatch::ctl(const QStringList& args, const QString& dataDir)
{
    return testsupport::run(QStringLiteral("admissionsctl"), args + QStringList{QStringLiteral("--data-dir"), dataDir},
                            {{QStringLiteral("ADMISSIONS_PASSPHRASE"), SyncFixture::kPassphrase},
                             {QStringLiteral("ADMISSIONS_HUB_PASSWORD"), SyncFixture::kPassword},
                             {QStringLiteral("ADMISSIONS_LANG"), QStringLiteral("en")}},
                            {}, 240000);
}

qint64 TestSyncPullBatch::entityRows(store::Connection& c)
{
    return syncquery::count(
        c, QStringLiteral("SELECT (SELECT count(*) FROM applications) + (SELECT count(*) FROM agency_records) + "
                          "(SELECT count(*) FROM schools) + (SELECT count(*) FROM zones) + "
                          "(SELECT count(*) FROM policies) + (SELECT count(*) FROM other_entities)"));
}

qint64 TestSyncPullBatch::cursorPosition(store::Connection& c)
{
    const QString cursor = syncquery::text(c, QStringLiteral("SELECT value FROM meta WHERE key = 'sync.cursor'"));
    if (cursor.isEmpty())
        return 0;
    return cursor.section(u'.', -1).toLongLong();
}

qint64 TestSyncPullBatch::expectedPeople() const
{
    qint64 n = 0;
    for (const QString& id : m_fx.hub.liveIds(QStringLiteral("application")))
        n += 1 + m_fx.hub.entity(QStringLiteral("application"), id).value(QStringLiteral("guardians")).toArray().size();
    return n;
}

void TestSyncPullBatch::initTestCase()
{
    QVERIFY(m_fx.start(kApplications));
    m_last = m_fx.hub.lastSeq();
    QVERIFY2(m_last > 4 * kBatch, "the feed must span several transactions");
}

void TestSyncPullBatch::failedTransactionLeavesNothingOfItsPages()
{
    // The city's copies of one application come last in the feed (FakeHub::seedCity), A2026S00119
    // at m_last. The poisoned one sits on the third page of the second-to-last whole transaction:
    // two pages of that transaction were fetched before it, and a transaction came after.
    const qint64 transaction = (m_last - 1) / kBatch - 1;
    const qint64 committed = transaction * kBatch;
    const qint64 poisonedSeq = committed + 2 * kPage + 5;
    const qint64 poisonedIndex = kApplications - 1 - (m_last - poisonedSeq);
    const QString poisoned = QStringLiteral("A2026S%1").arg(poisonedIndex, 5, 10, QLatin1Char('0'));
    QVERIFY2(m_fx.hub.version(QStringLiteral("application"), poisoned) > 0, qPrintable(poisoned));
    QVERIFY(transaction >= 1 && poisonedSeq < m_last);
    {
        // A real failure inside the transaction, on the writer: SQLite aborts the statement.
        auto ws = m_fx.workspace();
        QVERIFY(ws);
        QVERIFY(ws->database()
                    .writer()
                    .exec(QStringLiteral("CREATE TRIGGER test_poison BEFORE INSERT ON application_people WHEN "
                                         "NEW.application_id = '%1' BEGIN SELECT RAISE(ABORT, 'poisoned'); END")
                              .arg(poisoned))
                    .ok());
    }
    sync::SyncOptions options = SyncFixture::fastOptions();
    options.pageSize = kPage;
    options.pullBatch = kBatch;
    {
        auto service = m_fx.service(options);
        QVERIFY(service);
        const sync::PassResult failed = SyncFixture::runPass(*service);
        QVERIFY2(!failed.ok(), "the poisoned change must fail its transaction");
        QVERIFY(failed.errorCode != QLatin1String("test_timeout"));
        auto ws = service->shutdown();
        store::Connection& c = ws->database().writer();
        // The cursor of the last committed transaction, and exactly the entities before it: the pages
        // of the failed transaction fetched before the poisoned one left nothing.
        QCOMPARE(cursorPosition(c), committed);
        QCOMPARE(entityRows(c), committed);
        const QString before = QStringLiteral("A2026S%1").arg(poisonedIndex - 1, 5, 10, QLatin1Char('0'));
        QCOMPARE(syncquery::count(c, QStringLiteral("SELECT count(*) FROM applications WHERE id = '%1'").arg(before)),
                 qint64(0));
        QVERIFY(c.exec(QStringLiteral("DROP TRIGGER test_poison")).ok());
    }
    auto service = m_fx.service(options);
    QVERIFY(service);
    const sync::PassResult resumed = SyncFixture::runPass(*service);
    QVERIFY2(resumed.ok(), qPrintable(resumed.errorMessage));
    // It resumed after the committed cursor: every later change once, none before it again.
    QCOMPARE(resumed.summary.pulled, m_last - committed);
    QCOMPARE(resumed.summary.applied, m_last - committed);
    QVERIFY(!resumed.summary.fullPull); // it went on with the committed cursor, not from the start
    auto ws = service->shutdown();
    store::Connection& c = ws->database().writer();
    QCOMPARE(entityRows(c), m_last);
    QMap<QString, qint64> upstream;
    for (const QString& id : m_fx.hub.liveIds(QStringLiteral("application")))
        upstream.insert(id, m_fx.hub.version(QStringLiteral("application"), id));
    QCOMPARE(syncquery::applicationVersions(c), upstream);
    QCOMPARE(syncquery::count(c, QStringLiteral("SELECT count(*) FROM application_people")), expectedPeople());
    QCOMPARE(syncquery::text(c, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    // The stored data text is the hub's object (cut from the page's text), for every application.
    auto q = c.prepare(QStringLiteral("SELECT id, data FROM applications"));
    QVERIFY(q.ok());
    int compared = 0;
    while (q->step()) {
        const QJsonObject stored = QJsonDocument::fromJson(q->utf8(1)).object();
        QCOMPARE(stored, m_fx.hub.entity(QStringLiteral("application"), q->text(0)));
        ++compared;
    }
    QCOMPARE(compared, kApplications);
}

void TestSyncPullBatch::killedMidTransactionResumesAfterLastCommit()
{
    const QString dir = m_fx.path(QStringLiteral("killed"));
    QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--user"), SyncFixture::kUser, QStringLiteral("--role"),
                  QStringLiteral("reviewer")},
                 dir)
                 .exitCode,
             0);
    QCOMPARE(
        ctl({QStringLiteral("connect"), QStringLiteral("--hub"), m_fx.hub.url(), QStringLiteral("--ca"), m_fx.caFile()},
            dir)
            .exitCode,
        0);
    QCOMPARE(ctl({QStringLiteral("login"), QStringLiteral("--account"), SyncFixture::kAccount}, dir).exitCode, 0);

    // Seven pages come; the eighth never does. A transaction is applied on the apply thread while
    // the next pages are fetched, and the one before is waited for before the next starts: when the
    // eighth is asked for, the first transaction (pages 1-3) has committed, the second (pages 4-6)
    // may have, and page 7 waits in memory.
    const int pagesServed = 2 * kBatch / kPage + 1;
    m_fx.hub.clearLog();
    FakeHub::FaultRule hang;
    hang.method = "GET";
    hang.path = QStringLiteral("/api/v1/changes");
    hang.kind = FakeHub::Fault::Hang;
    hang.after = pagesServed;
    m_fx.hub.addFault(hang);

    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("ADMISSIONS_PASSPHRASE"), SyncFixture::kPassphrase);
    e.insert(QStringLiteral("ADMISSIONS_HUB_PASSWORD"), SyncFixture::kPassword);
    p.setProcessEnvironment(e);
    p.start(QDir(testsupport::binDir()).filePath(QStringLiteral("admissionsctl")),
            {QStringLiteral("sync"), QStringLiteral("--page-size"), QString::number(kPage),
             QStringLiteral("--pull-batch"), QStringLiteral("%1").arg(kBatch), QStringLiteral("--data-dir"), dir});
    QVERIFY(p.waitForStarted());
    // The hung request was sent after the seventh page came.
    auto hung = [this] {
        for (const FakeHub::Logged& l : m_fx.hub.log())
            if (l.path == QLatin1String("/api/v1/changes") && !l.fault.isEmpty())
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(hung(), 120000);
    p.kill(); // SIGKILL, mid-transaction
    QVERIFY(p.waitForFinished());
    m_fx.hub.clearFaults();
    qint64 committed = 0;
    {
        auto ws = store::Workspace::unlock(dir, SyncFixture::kUser, SyncFixture::kPassphrase);
        QVERIFY2(ws.ok(), qPrintable(ws.error().message));
        store::Connection& c = (*ws)->database().writer();
        QCOMPARE(syncquery::text(c, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        committed = cursorPosition(c);
        QVERIFY2(committed == kBatch || committed == 2 * kBatch, qPrintable(QString::number(committed)));
        QCOMPARE(entityRows(c), committed); // the cursor and the rows went together
    }

    const auto again = ctl({QStringLiteral("sync"), QStringLiteral("--page-size"), QString::number(kPage),
                            QStringLiteral("--pull-batch"), QString::number(kBatch)},
                           dir);
    QVERIFY2(again.exitCode == 0, again.err.constData());
    const QJsonObject summary = QJsonDocument::fromJson(again.out).object();
    QCOMPARE(summary.value(QStringLiteral("pulled")).toInteger(), m_last - committed);
    QCOMPARE(summary.value(QStringLiteral("applied")).toInteger(), m_last - committed);
    auto ws = store::Workspace::unlock(dir, SyncFixture::kUser, SyncFixture::kPassphrase);
    QVERIFY(ws.ok());
    store::Connection& c = (*ws)->database().writer();
    QCOMPARE(entityRows(c), m_last);
    QMap<QString, qint64> upstream;
    for (const QString& id : m_fx.hub.liveIds(QStringLiteral("application")))
        upstream.insert(id, m_fx.hub.version(QStringLiteral("application"), id));
    QCOMPARE(syncquery::applicationVersions(c), upstream);
    QCOMPARE(syncquery::count(c, QStringLiteral("SELECT count(*) FROM application_people")), expectedPeople());
}

QTEST_GUILESS_MAIN(TestSyncPullBatch)
#include "tst_sync_pullbatch.moc"
