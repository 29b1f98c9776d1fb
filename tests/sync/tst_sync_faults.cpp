#include "ResultCheck.h"
#include "SyncFixture.h"
#include "security/AuditLog.h"
#include "sync/DecisionWorkflow.h"
#include "sync/Outbox.h"

#include <QJsonArray>
#include <QTest>

using namespace adm;
using namespace adm::sync;
using syncquery::count;

// The fault matrix of engineering.md at every endpoint of the contract: drop before the hub acts,
// drop after it committed, 500, 503 with Retry-After, 409, a truncated body, invalid JSON, a hang
// until the timeout. A pass that meets the fault (with no retries, so that the fault ends it) may
// fail; the next plain pass converges: every item applied exactly once upstream, the audit chain
// whole, the cache equal to the hub. With retries, a transient fault is absorbed within the pass.
class TestSyncFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nextSyncConverges_data();
    void nextSyncConverges();
    void retriesAbsorbTransientFaults_data();
    void retriesAbsorbTransientFaults();

private:
    static void matrix(bool withConflict);
    static QStringList makeWork(SyncService& service, FakeHub& hub);
    // `refusedKind`: outbox items of this kind were refused as a whole (409 to a one-item request)
    // and must be kept as conflicts, not sent again and not lost.
    static void verifyConverged(SyncFixture& fx, const QStringList& keys, const QString& refusedKind = {});
    static FakeHub::FaultRule rule();
};

namespace {
struct Endpoint {
    const char* name;
    QByteArray method;
    const char* path;
};
const Endpoint kEndpoints[] = {{"sessions", "POST", "/api/v1/sessions"},
                               {"changes", "GET", "/api/v1/changes"},
                               {"decisions", "POST", "/api/v1/decisions"},
                               {"applications", "POST", "/api/v1/applications"},
                               {"signing-keys", "PUT", "/api/v1/signing-keys/"},
                               {"batches", "POST", "/api/v1/batches"},
                               {"audit", "POST", "/api/v1/audit"}};
struct FaultKind {
    const char* name;
    FakeHub::Fault kind;
    int status;
    int retryAfter;
};
const FaultKind kFaults[] = {{"drop-before", FakeHub::Fault::DropBeforeReply, 0, -1},
                             {"drop-after", FakeHub::Fault::DropAfterCommit, 0, -1},
                             {"500", FakeHub::Fault::Status, 500, -1},
                             {"503+retry-after", FakeHub::Fault::Status, 503, 1},
                             {"409", FakeHub::Fault::Status, 409, -1},
                             {"truncated", FakeHub::Fault::Truncate, 0, -1},
                             {"invalid-json", FakeHub::Fault::InvalidJson, 0, -1},
                             {"hang", FakeHub::Fault::Hang, 0, -1}};
} // namespace

FakeHub::FaultRule TestSyncFaults::rule()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(int, retryAfter);
    FakeHub::FaultRule r;
    r.method = method;
    r.path = path;
    r.kind = FakeHub::Fault(kind);
    r.status = status;
    r.retryAfterSeconds = retryAfter;
    r.count = 1;
    return r;
}

void TestSyncFaults::matrix(bool withConflict)
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("retryAfter");
    for (const Endpoint& e : kEndpoints)
        for (const FaultKind& f : kFaults) {
            if (!withConflict && f.status == 409)
                continue;
            QTest::addRow("%s %s", e.name, f.name)
                << e.method << QString::fromLatin1(e.path) << int(f.kind) << f.status << f.retryAfter;
        }
}

// Work of every kind waiting in the outbox, and upstream changes waiting in the feed.
QStringList TestSyncFaults::makeWork(SyncService& service, FakeHub& hub)
{
    const QStringList apps = hub.liveIds(QStringLiteral("application"));
    QJsonObject moved = hub.entity(QStringLiteral("application"), apps.last());
    moved.insert(QStringLiteral("claimed_address"), QStringLiteral("东港区海曲东路9号"));
    hub.upsert(QStringLiteral("application"), apps.last(), moved);
    QJsonObject counter = hub.entity(QStringLiteral("application"), apps.first());
    for (const char* k : {"id", "status", "version", "decision"})
        counter.remove(QLatin1String(k));
    counter.insert(QStringLiteral("client_ref"), QStringLiteral("C-7"));
    counter.insert(QStringLiteral("child"),
                   QJsonObject{{QStringLiteral("name"), QStringLiteral("孙一")},
                               {QStringLiteral("id_number"), QStringLiteral("371102202002020022")}});
    return SyncFixture::run<QStringList>(service, [&](store::Workspace& w) {
        QStringList keys;
        // A failed enqueue adds no key: the caller's count of keys fails, with this warning.
        auto add = [&keys](const Result<OutboxItem>& item) {
            if (item)
                keys += item->idempotencyKey;
            else
                qWarning("enqueue failed: %s", qPrintable(item.error().message));
        };
        DecisionWorkflow workflow(w.database().writer(), w.audit(), w.user(), w.role(), SyncFixture::kAccount);
        Outbox outbox(w.database().writer());
        for (int i = 0; i < 2; ++i) {
            auto d =
                workflow.decide({apps.at(i + 1), QStringLiteral("reject"), {}, QStringLiteral("not_in_zone"), {}, {}});
            if (d)
                keys += d->idempotencyKey;
        }
        add(outbox.enqueue(kind::Application, QStringLiteral("C-7"), counter, std::nullopt, w.user()));
        add(outbox.enqueue(kind::SigningKey, QStringLiteral("K-7"),
                           {{QStringLiteral("account"), SyncFixture::kAccount},
                            {QStringLiteral("algorithm"), QStringLiteral("ed25519")},
                            {QStringLiteral("public_key_pem"), QStringLiteral("pem")}},
                           std::nullopt, w.user()));
        add(outbox.enqueue(kind::Batch, QStringLiteral("B-7"),
                           {{QStringLiteral("batch"), QJsonObject{{QStringLiteral("id"), QStringLiteral("B-7")}}},
                            {QStringLiteral("signature"), QStringLiteral("AA==")}},
                           std::nullopt, w.user()));
        return keys;
    });
}

void TestSyncFaults::verifyConverged(SyncFixture& fx, const QStringList& keys, const QString& refusedKind)
{
    auto c = fx.reader();
    QVERIFY(c);
    // Nothing lost: every item answered, done or kept as the conflict the hub said it was;
    // nothing twice: each applied exactly once.
    QCOMPARE(
        count(*c,
              QStringLiteral("SELECT count(*) FROM outbox WHERE state <> 'done' AND kind <> '%1'").arg(refusedKind)),
        qint64(0));
    QStringList refusedKeys;
    if (!refusedKind.isEmpty()) {
        QCOMPARE(count(*c, QStringLiteral("SELECT count(*) FROM outbox WHERE kind = '%1' AND (state <> 'conflict' OR "
                                          "result_code <> 'injected')")
                               .arg(refusedKind)),
                 qint64(0));
        auto q = c->prepare(QStringLiteral("SELECT idempotency_key FROM outbox WHERE kind = '%1'").arg(refusedKind));
        QVERIFY_OK(q);
        while (q->step())
            refusedKeys += q->text(0);
        QVERIFY(!refusedKeys.isEmpty());
    }
    const QMap<QString, int> applied = fx.hub.appliedCounts();
    for (const QString& k : keys)
        QCOMPARE(applied.value(k), refusedKeys.contains(k) ? 0 : 1);
    for (auto it = applied.cbegin(); it != applied.cend(); ++it)
        QVERIFY2(it.value() <= 1, qPrintable(it.key()));
    // The audit chain went up whole, in order, once.
    security::AuditLog log(*c);
    const auto local = log.entries(0, 1000);
    QVERIFY_OK(local);
    const QList<QJsonObject> remote = fx.hub.auditEntries();
    QCOMPARE(remote.size(), local->size());
    for (int i = 0; i < remote.size(); ++i)
        QCOMPARE(remote.at(i).value(QStringLiteral("hash")).toString(), local->at(i).hash);
    QCOMPARE(syncquery::text(*c, QStringLiteral("SELECT value FROM meta WHERE key = 'sync.audit_seq'")).toLongLong(),
             qint64(local->size()));
    // The cache agrees with the hub.
    QMap<QString, qint64> upstream;
    for (const QString& id : fx.hub.liveIds(QStringLiteral("application")))
        upstream.insert(id, fx.hub.version(QStringLiteral("application"), id));
    QCOMPARE(syncquery::applicationVersions(*c), upstream);
}

void TestSyncFaults::nextSyncConverges_data()
{
    matrix(true);
}

void TestSyncFaults::nextSyncConverges()
{
    SyncFixture fx;
    QVERIFY(fx.start(8));
    QStringList keys;
    {
        auto service = fx.service();
        QVERIFY(service);
        QVERIFY(SyncFixture::runPass(*service).ok());
        keys = makeWork(*service, fx.hub);
        QCOMPARE(keys.size(), 5);
    }
    {
        SyncOptions once = SyncFixture::fastOptions();
        once.maxAttempts = 1; // the fault ends the pass
        once.requestTimeoutMs = 400;
        auto service = fx.service(once);
        QVERIFY(service);
        fx.hub.addFault(rule());
        const PassResult r = SyncFixture::runPass(*service);
        QCOMPARE(fx.hub.unusedFaults(), 0); // the fault did happen
        qInfo() << "faulty pass:" << (r.ok() ? QStringLiteral("ok") : r.errorCode);
        for (int n : fx.hub.appliedCounts())
            QVERIFY(n <= 1);
    }
    auto service = fx.service();
    QVERIFY(service);
    const PassResult r = SyncFixture::runPass(*service);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    // A 409 to a request holding one item is that item's answer (the contract's "conflict").
    QFETCH(QString, path);
    QFETCH(int, status);
    QString refused;
    if (status == 409 && path.contains(QLatin1String("signing-keys")))
        refused = kind::SigningKey;
    else if (status == 409 && path.endsWith(QLatin1String("/applications")))
        refused = kind::Application;
    else if (status == 409 && path.endsWith(QLatin1String("/batches")))
        refused = kind::Batch;
    verifyConverged(fx, keys, refused);
}

void TestSyncFaults::retriesAbsorbTransientFaults_data()
{
    matrix(false);
}

void TestSyncFaults::retriesAbsorbTransientFaults()
{
    SyncFixture fx;
    QVERIFY(fx.start(8));
    SyncOptions options = SyncFixture::fastOptions();
    options.requestTimeoutMs = 400;
    auto service = fx.service(options);
    QVERIFY(service);
    QVERIFY(SyncFixture::runPass(*service).ok());
    const QStringList keys = makeWork(*service, fx.hub);
    const FakeHub::FaultRule fault = rule();
    if (fault.path == QLatin1String("/api/v1/sessions")) {
        // Signed in already: the hub ends the session and the person gives the password again (the
        // client keeps none after a sign-in), so that the pass signs in again, into the fault.
        fx.hub.expireSessions();
        service->setCredentials(SyncFixture::kAccount, SyncFixture::kPassword);
    }
    fx.hub.addFault(fault);
    const PassResult r = SyncFixture::runPass(*service);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QCOMPARE(fx.hub.unusedFaults(), 0);
    verifyConverged(fx, keys);
}

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "tst_sync_faults.moc"
