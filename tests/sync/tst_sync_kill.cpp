#include "ResultCheck.h"
#include "SyncFixture.h"
#include "security/AuditLog.h"
#include "sync/SyncTypes.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

using namespace adm;

// kill -9 of `admissionsctl sync` at random moments while it pushes decisions and pulls pages:
// every time the cache passes integrity_check, its audit chain holds, and the next sync converges
// with every decision applied upstream exactly once and the cache equal to the hub.
class TestSyncKill : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void killAtRandomMoments();

private:
    testsupport::ProcessResult ctl(const QStringList& args, const QString& dataDir);
    static bool copyDir(const QString& from, const QString& to);

    SyncFixture m_fx;
    QString m_pristine;
    QStringList m_keys;
    QString m_pristineCursor;
    qint64 m_fullSyncMs = 0;
};

namespace {
constexpr int kKills = 20;
constexpr int kDecisions = 12;
const QString kPageSize = QStringLiteral("40");
} // namespace

testsupport::ProcessResult TestSyncKill::ctl(const QStringList& args, const QString& dataDir)
{
    return testsupport::run(QStringLiteral("admissionsctl"), args + QStringList{QStringLiteral("--data-dir"), dataDir},
                            {{QStringLiteral("ADMISSIONS_PASSPHRASE"), SyncFixture::kPassphrase},
                             {QStringLiteral("ADMISSIONS_HUB_PASSWORD"), SyncFixture::kPassword},
                             {QStringLiteral("ADMISSIONS_LANG"), QStringLiteral("en")}},
                            {}, 240000);
}

bool TestSyncKill::copyDir(const QString& from, const QString& to)
{
    QDir().mkpath(to);
    for (const QString& name : QDir(from).entryList(QDir::Files))
        if (!QFile::copy(from + u'/' + name, to + u'/' + name))
            return false;
    return true;
}

void TestSyncKill::initTestCase()
{
    QVERIFY(m_fx.start(9));
    // A generated city behind the fake hub.
    const QString city = m_fx.path(QStringLiteral("city.jsonl"));
    QCOMPARE(ctl({QStringLiteral("generate"), QStringLiteral("--applications"), QStringLiteral("800"),
                  QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--out"), city},
                 m_fx.path(QStringLiteral("unused")))
                 .exitCode,
             0);
    QVERIFY(m_fx.hub.loadBundle(city));

    m_pristine = m_fx.path(QStringLiteral("pristine"));
    QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--user"), QStringLiteral("admin"), QStringLiteral("--role"),
                  QStringLiteral("reviewer")},
                 m_pristine)
                 .exitCode,
             0);
    QCOMPARE(
        ctl({QStringLiteral("connect"), QStringLiteral("--hub"), m_fx.hub.url(), QStringLiteral("--ca"), m_fx.caFile()},
            m_pristine)
            .exitCode,
        0);
    QCOMPARE(ctl({QStringLiteral("login"), QStringLiteral("--account"), SyncFixture::kAccount}, m_pristine).exitCode,
             0);
    auto first = ctl({QStringLiteral("sync"), QStringLiteral("--page-size"), QStringLiteral("1000")}, m_pristine);
    QVERIFY2(first.exitCode == 0, first.err.constData());

    // Decisions waiting in the outbox, and a city that moved on upstream meanwhile.
    const QStringList apps = m_fx.hub.liveIds(QStringLiteral("application"));
    int made = 0;
    for (const QString& app : apps) {
        if (made == kDecisions)
            break;
        if (m_fx.hub.entity(QStringLiteral("application"), app).value(QStringLiteral("status")).toString() !=
            QLatin1String("submitted"))
            continue;
        auto d = ctl({QStringLiteral("decide"), app, QStringLiteral("--reject"), QStringLiteral("--reason"),
                      QStringLiteral("not_in_zone"), QStringLiteral("--json")},
                     m_pristine);
        QVERIFY2(d.exitCode == 0, d.err.constData());
        m_keys += QJsonDocument::fromJson(d.out).object().value(QStringLiteral("idempotency_key")).toString();
        ++made;
    }
    QCOMPARE(made, kDecisions);
    for (int i = kDecisions; i < apps.size(); ++i) {
        QJsonObject a = m_fx.hub.entity(QStringLiteral("application"), apps.at(i));
        a.insert(QStringLiteral("claimed_address"), a.value(QStringLiteral("claimed_address")).toString() + u'Z');
        m_fx.hub.upsert(QStringLiteral("application"), apps.at(i), a);
    }

    {
        auto ws = store::Workspace::unlock(m_pristine, SyncFixture::kUser, SyncFixture::kPassphrase);
        QVERIFY(ws.ok());
        m_pristineCursor = TEST_VALUE((*ws)->database().meta(QStringLiteral("sync.cursor")));
    }
    // How long a whole sync of that takes, to spread the kills over it.
    const QString probe = m_fx.path(QStringLiteral("probe"));
    QVERIFY(copyDir(m_pristine, probe));
    QElapsedTimer t;
    t.start();
    const auto full = ctl({QStringLiteral("sync"), QStringLiteral("--page-size"), kPageSize}, probe);
    m_fullSyncMs = t.elapsed();
    QVERIFY2(full.exitCode == 0, full.err.constData());
    qInfo() << "a whole sync takes" << m_fullSyncMs << "ms:" << full.out.simplified();
}

void TestSyncKill::killAtRandomMoments()
{
    // The kills come at random moments: the sleeps below are the fault being injected, not waits.
    QRandomGenerator rng(20260601);
    const QByteArray receiving = sync::phaseLabel(sync::Phase::Pull).toUtf8();
    int midway = 0;
    for (int round = 0; round < kKills; ++round) {
        const QString dir = m_fx.path(QStringLiteral("kill%1").arg(round));
        QVERIFY(copyDir(m_pristine, dir));
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("ADMISSIONS_PASSPHRASE"), SyncFixture::kPassphrase);
        e.insert(QStringLiteral("ADMISSIONS_HUB_PASSWORD"), SyncFixture::kPassword);
        e.insert(QStringLiteral("ADMISSIONS_LANG"), QStringLiteral("en"));
        p.setProcessEnvironment(e);
        p.start(QDir(testsupport::binDir()).filePath(QStringLiteral("admissionsctl")),
                {QStringLiteral("sync"), QStringLiteral("--page-size"), kPageSize, QStringLiteral("--data-dir"), dir});
        QVERIFY(p.waitForStarted());
        if (round % 2 == 1) {
            // Every other kill comes once the program says it is receiving: what it sent is recorded
            // by then, so these kills surely land after some committed work.
            QByteArray err;
            QTRY_VERIFY_WITH_TIMEOUT((err += p.readAllStandardError(), err.contains(receiving)) ||
                                         p.state() == QProcess::NotRunning,
                                     120000);
        }
        QTest::qSleep(int(rng.bounded(qint64(std::max<qint64>(m_fullSyncMs, 50)))));
        p.kill(); // SIGKILL
        p.waitForFinished();
        {
            auto ws = store::Workspace::unlock(dir, SyncFixture::kUser, SyncFixture::kPassphrase);
            QVERIFY2(ws.ok(), qPrintable(ws.error().message));
            store::Connection& c = (*ws)->database().writer();
            QCOMPARE(syncquery::text(c, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
            QVERIFY((*ws)->audit().verify().ok());
            const qint64 done = syncquery::count(c, QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'done'"));
            const bool pulled =
                syncquery::text(c, QStringLiteral("SELECT value FROM meta WHERE key = 'sync.cursor'")) !=
                m_pristineCursor;
            if (done > 0 || pulled)
                ++midway;
        }
        for (int n : m_fx.hub.appliedCounts())
            QVERIFY(n <= 1);
        const auto again = ctl({QStringLiteral("sync")}, dir);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        auto ws = store::Workspace::unlock(dir, SyncFixture::kUser, SyncFixture::kPassphrase);
        QVERIFY(ws.ok());
        store::Connection& c = (*ws)->database().writer();
        QCOMPARE(syncquery::count(c, QStringLiteral("SELECT count(*) FROM outbox WHERE state <> 'done'")), qint64(0));
        const auto applied = m_fx.hub.appliedCounts();
        for (const QString& k : m_keys)
            QCOMPARE(applied.value(k), 1);
        QMap<QString, qint64> upstream;
        for (const QString& id : m_fx.hub.liveIds(QStringLiteral("application")))
            upstream.insert(id, m_fx.hub.version(QStringLiteral("application"), id));
        QCOMPARE(syncquery::applicationVersions(c), upstream);
        QCOMPARE(m_fx.hub.auditEntries().size(),
                 int(syncquery::count(c, QStringLiteral("SELECT count(*) FROM audit_log"))));
        ws->reset();
        QDir(dir).removeRecursively();
    }
    qInfo() << midway << "of" << kKills << "kills landed after some work was committed";
    QVERIFY(midway > 0);
}

QTEST_GUILESS_MAIN(TestSyncKill)
#include "tst_sync_kill.moc"
