#include "HubFixture.h"
#include "HubProcess.h"
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
using testsupport::ProcessResult;

// The real programs end to end: admissions-hub and admissionsctl. The fault matrix through the
// hub's --faults at each endpoint a reviewer's workstation uses (a pass that meets the fault, then
// a plain pass that converges), and kill -9 of `admissionsctl sync` at 30 random moments.
class TestSyncHubProcess : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void faultThenConverge_data();
    void faultThenConverge();
    void killSyncAtRandomMoments();
    void cleanupTestCase();

private:
    ProcessResult ctl(const QStringList& args, const QString& dataDir, int timeoutMs = 240000);
    QStringList decideSome(const QString& dataDir, int count);
    // Nothing waits in the outbox (every item answered), the audit log is upstream, the cache is
    // whole and its applications equal what the hub sends this account (returned in `upstream`).
    void verifyConverged(const QString& dataDir, QMap<QString, qint64>* upstreamOut = nullptr);
    static bool copyDir(const QString& from, const QString& to);

    QTemporaryDir m_dir;
    // The real program on a loopback port; restarted on the same port with other options (faults,
    // --live) so that an enrolled workstation keeps its address.
    hub::HubProcess m_hub{QDir(testsupport::binDir()).filePath(QStringLiteral("admissions-hub"))};
    HubFixture m_client; // attached to the process: accounts and a plain HTTPS client
    QString m_hubDir;
    QString m_reviewer;
    QString m_ws;
};

ProcessResult TestSyncHubProcess::ctl(const QStringList& args, const QString& dataDir, int timeoutMs)
{
    return testsupport::run(QStringLiteral("admissionsctl"), args + QStringList{QStringLiteral("--data-dir"), dataDir},
                            {{QStringLiteral("ADMISSIONS_PASSPHRASE"), SyncFixture::kPassphrase},
                             {QStringLiteral("ADMISSIONS_HUB_PASSWORD"), m_client.password(m_reviewer)},
                             {QStringLiteral("ADMISSIONS_LANG"), QStringLiteral("en")}},
                            {}, timeoutMs);
}

bool TestSyncHubProcess::copyDir(const QString& from, const QString& to)
{
    QDir().mkpath(to);
    for (const QString& name : QDir(from).entryList(QDir::Files))
        if (!QFile::copy(from + u'/' + name, to + u'/' + name))
            return false;
    return true;
}

void TestSyncHubProcess::initTestCase()
{
    // The build makes it for this test (a dependency): missing, the test fails rather than skips.
    QVERIFY2(m_hub.isAvailable(), "admissions-hub is not built");
    m_hubDir = m_dir.filePath(QStringLiteral("hub"));
    QVERIFY(
        m_hub.start(m_hubDir, {QStringLiteral("--applications"), QStringLiteral("4000"), QStringLiteral("--seed"),
                               QStringLiteral("3"), QStringLiteral("--password-iterations"), QStringLiteral("1000")}));
    QVERIFY(m_client.attach(m_hub.url(), m_hubDir));
    // The reviewer with the widest scope: every row of the matrix decides on fresh applications.
    qsizetype widest = 0;
    for (const QJsonValue& v : m_client.accounts()) {
        const QJsonObject a = v.toObject();
        const qsizetype schools = a.value(QStringLiteral("school_ids")).toArray().size();
        if (a.value(QStringLiteral("roles")).toArray().contains(QStringLiteral("reviewer")) && schools > widest) {
            widest = schools;
            m_reviewer = a.value(QStringLiteral("account")).toString();
        }
    }
    QVERIFY(!m_reviewer.isEmpty());
    m_ws = m_dir.filePath(QStringLiteral("ws"));
    QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--user"), SyncFixture::kUser, QStringLiteral("--role"),
                  QStringLiteral("reviewer")},
                 m_ws)
                 .exitCode,
             0);
    auto r =
        ctl({QStringLiteral("connect"), QStringLiteral("--hub"), m_hub.url(), QStringLiteral("--ca"), m_hub.caFile()},
            m_ws);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = ctl({QStringLiteral("login"), QStringLiteral("--account"), m_reviewer}, m_ws);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = ctl({QStringLiteral("sync")}, m_ws);
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void TestSyncHubProcess::cleanupTestCase()
{
    m_hub.stop();
}

QStringList TestSyncHubProcess::decideSome(const QString& dataDir, int count)
{
    auto ws = store::Workspace::unlock(dataDir, SyncFixture::kUser, SyncFixture::kPassphrase);
    if (!ws)
        return {};
    QStringList candidates;
    auto q = (*ws)->database().writer().prepare(
        QStringLiteral("SELECT a.id FROM applications a WHERE a.status IN ('submitted', 'under_review') AND NOT EXISTS "
                       "(SELECT 1 FROM outbox o WHERE o.subject_id = a.id) ORDER BY a.id LIMIT %1")
            .arg(count));
    if (!q) {
        qWarning("cannot read the applications: %s", qPrintable(q.error().message)); // the caller's count fails
        return {};
    }
    while (q->step())
        candidates += q->text(0);
    ws->reset();
    QStringList decided;
    for (const QString& app : candidates) {
        const auto r = ctl({QStringLiteral("decide"), app, QStringLiteral("--reject"), QStringLiteral("--reason"),
                            QStringLiteral("not_in_zone")},
                           dataDir);
        if (r.exitCode == 0)
            decided += app;
    }
    return decided;
}

void TestSyncHubProcess::verifyConverged(const QString& dataDir, QMap<QString, qint64>* upstreamOut)
{
    const auto outbox =
        QJsonDocument::fromJson(ctl({QStringLiteral("outbox"), QStringLiteral("--json")}, dataDir).out).object();
    for (const QJsonValue& v : outbox.value(QStringLiteral("items")).toArray())
        QVERIFY(v.toObject().value(QStringLiteral("state")).toString() != QLatin1String("pending"));
    const QJsonObject audit = outbox.value(QStringLiteral("audit")).toObject();
    QCOMPARE(audit.value(QStringLiteral("pending")).toInt(), 0);
    QVERIFY(audit.value(QStringLiteral("error")).isNull());
    // What the hub holds for this account, latest version per application.
    QMap<QString, qint64> upstream;
    for (const QJsonObject& c : m_client.pullAll(m_client.login(m_reviewer), 5000)) {
        if (c.value(QStringLiteral("entity")).toString() != QLatin1String("application"))
            continue;
        if (c.value(QStringLiteral("op")).toString() == QLatin1String("delete"))
            upstream.remove(c.value(QStringLiteral("id")).toString());
        else
            upstream.insert(c.value(QStringLiteral("id")).toString(), c.value(QStringLiteral("version")).toInteger());
    }
    auto ws = store::Workspace::unlock(dataDir, SyncFixture::kUser, SyncFixture::kPassphrase);
    QVERIFY(ws.ok());
    store::Connection& c = (*ws)->database().writer();
    QCOMPARE(syncquery::text(c, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    QCOMPARE(syncquery::applicationVersions(c), upstream);
    if (upstreamOut)
        *upstreamOut = upstream;
}

void TestSyncHubProcess::faultThenConverge_data()
{
    QTest::addColumn<QString>("spec");
    const QStringList kinds = {QStringLiteral("drop-before"),
                               QStringLiteral("drop-after"),
                               QStringLiteral("status500"),
                               QStringLiteral("status503:retry-after=1"),
                               QStringLiteral("status429:retry-after=1"),
                               QStringLiteral("truncate"),
                               QStringLiteral("invalid-json"),
                               QStringLiteral("hang:5s")};
    const QStringList targets = {QStringLiteral("sessions"), QStringLiteral("changes"), QStringLiteral("decisions"),
                                 QStringLiteral("audit")};
    for (const QString& target : targets)
        for (const QString& kind : kinds) {
            const QString name = kind.section(u':', 0, 0);
            const QString params = kind.section(u':', 1);
            const QString spec =
                QStringLiteral("%1:%2:times=1%3").arg(name, target, params.isEmpty() ? QString() : u':' + params);
            QTest::addRow("%s %s", qPrintable(target), qPrintable(kind)) << spec;
        }
}

void TestSyncHubProcess::faultThenConverge()
{
    QFETCH(QString, spec);
    const QStringList decided = decideSome(m_ws, 1);
    QCOMPARE(decided.size(), 1);
    QVERIFY(m_hub.start(m_hubDir, {QStringLiteral("--faults"), spec})); // sessions are lost: a sign-in comes first
    const auto faulty = ctl({QStringLiteral("sync"), QStringLiteral("--retries"), QStringLiteral("0"),
                             QStringLiteral("--timeout"), QStringLiteral("2")},
                            m_ws);
    QVERIFY2(faulty.exitCode == 0 || faulty.exitCode == 5, faulty.err.constData());
    const auto plain = ctl({QStringLiteral("sync"), QStringLiteral("--timeout"), QStringLiteral("10")}, m_ws);
    QVERIFY2(plain.exitCode == 0, plain.err.constData());
    QCOMPARE(QJsonDocument::fromJson(plain.out).object().value(QStringLiteral("open_conflicts")).toInt(), 0);
    verifyConverged(m_ws);
    // Each decision applied once: exactly one version step, carrying it.
    for (const QString& app : decided) {
        const QJsonObject data =
            QJsonDocument::fromJson(
                ctl({QStringLiteral("outbox"), QStringLiteral("--json"), QStringLiteral("--all")}, m_ws).out)
                .object();
        QJsonObject item;
        for (const QJsonValue& v : data.value(QStringLiteral("items")).toArray())
            if (v.toObject().value(QStringLiteral("subject_id")).toString() == app)
                item = v.toObject();
        QCOMPARE(item.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(item.value(QStringLiteral("result")).toObject().value(QStringLiteral("version")).toInteger(),
                 item.value(QStringLiteral("base_version")).toInteger() + 1);
    }
}

void TestSyncHubProcess::killSyncAtRandomMoments()
{
    QVERIFY(m_hub.start(m_hubDir));
    QStringList decided = decideSome(m_ws, 15);
    QCOMPARE(decided.size(), 15);
    // The city moves on while this desk is offline: many changes to pull.
    QVERIFY(m_hub.start(m_hubDir, {QStringLiteral("--live"), QStringLiteral("1500")}));
    // Until the city has moved on by some hundreds of changes this reviewer sees (counted in the
    // feed, not waited for).
    const QString token = m_client.login(m_reviewer);
    QVERIFY(!token.isEmpty());
    QString cursor;
    QVERIFY(!m_client.pullAll(token, 5000, &cursor).isEmpty());
    qsizetype moved = 0;
    QTRY_VERIFY_WITH_TIMEOUT((moved += m_client.pullAll(token, 5000, &cursor).size()) >= 300, 120000);
    QVERIFY(m_hub.start(m_hubDir));
    const QString pristine = m_dir.filePath(QStringLiteral("pristine"));
    QVERIFY(copyDir(m_ws, pristine));

    const QString probe = m_dir.filePath(QStringLiteral("probe"));
    QVERIFY(copyDir(pristine, probe));
    // How long a sync takes, to spread the kills over it (measured, never asserted).
    QElapsedTimer t;
    t.start();
    const auto full = ctl({QStringLiteral("sync"), QStringLiteral("--page-size"), QStringLiteral("10")}, probe);
    const qint64 fullMs = t.elapsed();
    QVERIFY2(full.exitCode == 0, full.err.constData());
    // Unlocking alone (the passphrase's key derivation) takes most of a short sync: kill after it.
    t.restart();
    QCOMPARE(ctl({QStringLiteral("outbox"), QStringLiteral("--json")}, probe).exitCode, 0);
    const qint64 startMs = t.elapsed() * 8 / 10;
    qInfo() << "a whole sync takes" << fullMs << "ms, starting" << startMs << "ms:" << full.out.simplified();
    QDir(probe).removeRecursively();

    QString pristineCursor;
    qint64 pristineDone = 0;
    {
        auto ws = store::Workspace::unlock(pristine, SyncFixture::kUser, SyncFixture::kPassphrase);
        QVERIFY(ws.ok());
        auto meta = (*ws)->database().meta(QStringLiteral("sync.cursor"));
        QVERIFY_OK(meta);
        pristineCursor = *meta;
        pristineDone = syncquery::count((*ws)->database().writer(),
                                        QStringLiteral("SELECT count(*) FROM outbox WHERE state <> 'pending'"));
    }
    // The kills come at random moments: the sleeps below are the fault being injected, not waits.
    QRandomGenerator rng(4242);
    const QByteArray receiving = sync::phaseLabel(sync::Phase::Pull).toUtf8();
    int midway = 0;
    QMap<QString, qint64> settled;
    for (int round = 0; round < 30; ++round) {
        const QString dir = m_dir.filePath(QStringLiteral("kill%1").arg(round));
        QVERIFY(copyDir(pristine, dir));
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("ADMISSIONS_PASSPHRASE"), SyncFixture::kPassphrase);
        e.insert(QStringLiteral("ADMISSIONS_HUB_PASSWORD"), m_client.password(m_reviewer));
        e.insert(QStringLiteral("ADMISSIONS_LANG"), QStringLiteral("en"));
        p.setProcessEnvironment(e);
        p.start(QDir(testsupport::binDir()).filePath(QStringLiteral("admissionsctl")),
                {QStringLiteral("sync"), QStringLiteral("--page-size"), QStringLiteral("10"),
                 QStringLiteral("--data-dir"), dir});
        QVERIFY(p.waitForStarted());
        if (round % 2 == 1) {
            // Every other kill comes once the program says it is receiving: the decisions it sent are
            // recorded by then, so these kills surely land after some committed work.
            QByteArray err;
            QTRY_VERIFY_WITH_TIMEOUT((err += p.readAllStandardError(), err.contains(receiving)) ||
                                         p.state() == QProcess::NotRunning,
                                     120000);
            QTest::qSleep(int(rng.bounded(qint64(std::max<qint64>(fullMs - startMs, 50)))));
        } else {
            QTest::qSleep(int(startMs + rng.bounded(qint64(std::max<qint64>(fullMs - startMs, 50)))));
        }
        p.kill();
        p.waitForFinished();
        {
            auto ws = store::Workspace::unlock(dir, SyncFixture::kUser, SyncFixture::kPassphrase);
            QVERIFY2(ws.ok(), qPrintable(ws.error().message));
            store::Connection& c = (*ws)->database().writer();
            QCOMPARE(syncquery::text(c, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
            QVERIFY((*ws)->audit().verify().ok());
            auto cursorNow = (*ws)->database().meta(QStringLiteral("sync.cursor"));
            QVERIFY_OK(cursorNow);
            if (*cursorNow != pristineCursor ||
                syncquery::count(c, QStringLiteral("SELECT count(*) FROM outbox WHERE state <> 'pending'")) >
                    pristineDone)
                ++midway;
        }
        const auto again = ctl({QStringLiteral("sync")}, dir);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QMap<QString, qint64> upstream;
        verifyConverged(dir, &upstream);
        // The first round's sync (or the probe's) applied the decisions; nothing a later one sends
        // again changes the hub.
        if (round == 0)
            settled = upstream;
        else
            QCOMPARE(upstream, settled);
        QDir(dir).removeRecursively();
    }
    qInfo() << midway << "of 30 kills landed after some of the work was committed";
    QVERIFY(midway > 0);
}

QTEST_GUILESS_MAIN(TestSyncHubProcess)
#include "tst_sync_hubprocess.moc"
