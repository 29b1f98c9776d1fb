#include "ResultCheck.h"
#include "SyncFixture.h"
#include "security/AuditLog.h"
#include "sync/Conflicts.h"
#include "sync/DecisionWorkflow.h"
#include "sync/Outbox.h"
#include "sync/SyncState.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace adm;
using namespace adm::sync;
using syncquery::count;

// The sync engine through SyncService against the fake hub: pulls (full, incremental, after an
// expired cursor), pushes and their replay, conflicts shown and resolved, sessions, cancel,
// progress, offline and resume, and jobs run on the sync thread.
class TestSyncEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fullPullThenIncremental();
    void pushIsAppliedOnceEvenWhenReplayed();
    void offlineDecisionOnWithdrawnApplicationIsAConflict();
    void conflictOnChangedApplicationIsDecidedAgain();
    void oneBadItemDoesNotBlockTheRest();
    void expiredCursorRestartsWithAFullPullAndSweeps();
    void expiredSessionSignsInAgain();
    void wrongPasswordEndsThePass();
    void accountOfAnotherRoleEndsThePass();
    void cancelStopsAHungPass();
    void progressIsReported();
    void offlineThenResumesByItself();
    void jobsRunOnTheSyncThreadDuringAPass();
    void jobsNeverRunInsideAPullTransaction();
    void passesAskedDuringAPassRunOnceAfterIt();
    void aStalledHubIsToldAndSoIsItsReturn();
    void pushProgressCountsTheOutbox();

private:
    static Result<OutboxItem> decide(SyncService& service, const DecisionRequest& request);
    static QString firstApplication(store::Connection& c, int skip = 0);
};

Result<OutboxItem> TestSyncEngine::decide(SyncService& service, const DecisionRequest& request)
{
    return SyncFixture::run<Result<OutboxItem>>(service, [request](store::Workspace& w) {
        DecisionWorkflow workflow(w.database().writer(), w.audit(), w.user(), w.role(), SyncFixture::kAccount);
        return workflow.decide(request);
    });
}

QString TestSyncEngine::firstApplication(store::Connection& c, int skip)
{
    return syncquery::text(c, QStringLiteral("SELECT id FROM applications WHERE status = 'submitted' ORDER BY id "
                                             "LIMIT 1 OFFSET %1")
                                  .arg(skip));
}

void TestSyncEngine::fullPullThenIncremental()
{
    SyncFixture fx;
    QVERIFY(fx.start(30));
    auto service = fx.service();
    QVERIFY(service);
    PassResult r = SyncFixture::runPass(*service);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QVERIFY(r.summary.fullPull);
    QCOMPARE(r.summary.pulled, fx.hub.lastSeq());
    QCOMPARE(r.summary.applied, fx.hub.lastSeq());
    auto c = fx.reader();
    QVERIFY(c);
    QCOMPARE(count(*c, QStringLiteral("SELECT count(*) FROM applications")),
             qint64(fx.hub.liveCount(QStringLiteral("application"))));
    QCOMPARE(count(*c, QStringLiteral("SELECT count(*) FROM agency_records")),
             qint64(fx.hub.liveCount(QStringLiteral("agency_record"))));
    QVERIFY(!syncquery::text(*c, QStringLiteral("SELECT value FROM meta WHERE key = 'sync.cursor'")).isEmpty());
    // Where the time went (bench_sync prints it): every part filled, the parts within the whole.
    const SyncTimings& t = r.summary.timings;
    QVERIFY(t.requests >= 2); // the sign-in and the pages
    QVERIFY(t.bytesReceived > 0);
    QVERIFY(t.networkNs > 0 && t.parseNs > 0 && t.applyNs > 0 && t.checkNs > 0);
    QVERIFY(t.applyNs <= t.pullNs && t.signInNs + t.pushNs + t.pullNs + t.checkNs <= t.totalNs);
    QVERIFY(t.networkNs + t.parseNs + t.applyNs + t.checkNs <= t.totalNs);

    // Upstream: one application changes, one goes, one comes.
    const QStringList ids = fx.hub.liveIds(QStringLiteral("application"));
    QJsonObject changed = fx.hub.entity(QStringLiteral("application"), ids.at(0));
    changed.insert(QStringLiteral("claimed_address"), QStringLiteral("东港区海曲东路190号"));
    fx.hub.upsert(QStringLiteral("application"), ids.at(0), changed);
    fx.hub.remove(QStringLiteral("application"), ids.at(1));
    QJsonObject fresh = fx.hub.entity(QStringLiteral("application"), ids.at(2));
    fresh.insert(QStringLiteral("child"),
                 QJsonObject{{QStringLiteral("name"), QStringLiteral("赵新")},
                             {QStringLiteral("id_number"), QStringLiteral("371102202001019999")}});
    fx.hub.upsert(QStringLiteral("application"), QStringLiteral("A2026N00001"), fresh);

    r = SyncFixture::runPass(*service);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QVERIFY(!r.summary.fullPull);
    QCOMPARE(r.summary.pulled, qint64(3));
    QCOMPARE(syncquery::applicationVersions(*c).value(ids.at(0)), qint64(2));
    QCOMPARE(count(*c, QStringLiteral("SELECT count(*) FROM applications WHERE id = '%1'").arg(ids.at(1))), qint64(0));
    QCOMPARE(count(*c, QStringLiteral("SELECT count(*) FROM tombstones WHERE id = '%1'").arg(ids.at(1))), qint64(1));
    QCOMPARE(syncquery::applicationVersions(*c).keys(), fx.hub.liveIds(QStringLiteral("application")));

    r = SyncFixture::runPass(*service);
    QVERIFY(r.ok());
    QCOMPARE(r.summary.pulled, qint64(0));
}

void TestSyncEngine::pushIsAppliedOnceEvenWhenReplayed()
{
    SyncFixture fx;
    QVERIFY(fx.start());
    auto service = fx.service();
    QVERIFY(service);
    QVERIFY(SyncFixture::runPass(*service).ok());
    auto c = fx.reader();
    QVERIFY(c);
    const QString app = firstApplication(*c);
    auto item = decide(*service, {app, QStringLiteral("reject"), {}, QStringLiteral("not_in_zone"), {}, {}});
    QVERIFY2(item.ok(), qPrintable(item.error().message));

    PassResult r = SyncFixture::runPass(*service);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    const qint64 audit = count(*c, QStringLiteral("SELECT count(*) FROM audit_log"));
    QCOMPARE(r.summary.pushed, qint64(2)); // the decision and its audit entry (the first pass sent the rest)
    QCOMPARE(r.summary.pending, qint64(0));
    QCOMPARE(fx.hub.appliedCounts().value(item->idempotencyKey), 1);
    QCOMPARE(fx.hub.entity(QStringLiteral("application"), app).value(QStringLiteral("status")).toString(),
             QStringLiteral("rejected"));
    // The pull of the same pass brought the hub's new version back.
    QCOMPARE(syncquery::text(*c, QStringLiteral("SELECT status FROM applications WHERE id = '%1'").arg(app)),
             QStringLiteral("rejected"));
    QCOMPARE(fx.hub.auditEntries().size(), int(audit));

    // As if the answers were lost: everything goes again, with the same keys.
    QVERIFY(SyncFixture::run<bool>(*service, [](store::Workspace& w) {
        return w.database().writer().exec(QStringLiteral("UPDATE outbox SET state = 'pending'")).ok() &&
               w.database().setMeta(QStringLiteral("sync.audit_seq"), QStringLiteral("0")).ok();
    }));
    r = SyncFixture::runPass(*service);
    QVERIFY(r.ok());
    QCOMPARE(r.summary.pushed, 1 + audit);
    QCOMPARE(syncquery::text(*c, QStringLiteral("SELECT result_status FROM outbox")), QStringLiteral("duplicate"));
    QCOMPARE(fx.hub.appliedCounts().value(item->idempotencyKey), 1);
    QCOMPARE(fx.hub.auditEntries().size(), int(audit));
    for (int n : fx.hub.appliedCounts())
        QVERIFY(n <= 1);
}

void TestSyncEngine::offlineDecisionOnWithdrawnApplicationIsAConflict()
{
    SyncFixture fx;
    QVERIFY(fx.start());
    auto service = fx.service();
    QVERIFY(service);
    QVERIFY(SyncFixture::runPass(*service).ok());
    auto c = fx.reader();
    QVERIFY(c);
    const QString app = firstApplication(*c);
    // Decided here while the family withdrew upstream.
    auto mine = decide(
        *service, {app, QStringLiteral("approve"), QStringLiteral("A"), QStringLiteral("verified_on_paper"), {}, {}});
    QVERIFY(mine.ok());
    fx.hub.withdraw(app);

    PassResult r = SyncFixture::runPass(*service);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QCOMPARE(r.summary.conflicts, qint64(1));
    QCOMPARE(r.summary.openConflicts, qint64(1));
    QCOMPARE(fx.hub.entity(QStringLiteral("application"), app).value(QStringLiteral("status")).toString(),
             QStringLiteral("withdrawn")); // never applied to what the reviewer did not see
    QCOMPARE(fx.hub.appliedCounts().value(mine->idempotencyKey), 0);

    auto conflicts = Conflicts::list(*c);
    QVERIFY(conflicts.ok());
    QCOMPARE(conflicts->size(), 1);
    const Conflict k = conflicts->first();
    QCOMPARE(k.item.resultCode, QStringLiteral("version_mismatch"));
    QCOMPARE(k.mine.value(QStringLiteral("outcome")).toString(), QStringLiteral("approve"));
    QCOMPARE(k.mine.value(QStringLiteral("base_version")).toInteger(), qint64(1));
    QCOMPARE(k.upstream.value(QStringLiteral("status")).toString(), QStringLiteral("withdrawn"));
    QCOMPARE(k.upstream.value(QStringLiteral("version")).toInteger(), qint64(2));
    QVERIFY(k.upstreamCurrent);
    QCOMPARE(k.actions, QStringList{QStringLiteral("drop")});

    // Sent again (as if its answer had been lost): the hub replays the conflict, it stays one.
    QVERIFY(SyncFixture::run<bool>(*service, [](store::Workspace& w) {
        return w.database().writer().exec(QStringLiteral("UPDATE outbox SET state = 'pending'")).ok();
    }));
    r = SyncFixture::runPass(*service);
    QCOMPARE(r.summary.conflicts, qint64(1));
    QCOMPARE(syncquery::text(*c, QStringLiteral("SELECT result_status FROM outbox")), QStringLiteral("duplicate"));
    QCOMPARE(syncquery::text(*c, QStringLiteral("SELECT state FROM outbox")), QStringLiteral("conflict"));

    // Deciding again is refused (withdrawn); dropping resolves it, audited and pushed.
    auto again = decide(
        *service, {app, QStringLiteral("approve"), QStringLiteral("A"), QStringLiteral("verified_on_paper"), {}, {}});
    QCOMPARE(again.error().code, QStringLiteral("application_closed"));
    const qint64 itemId = k.item.id;
    QVERIFY(SyncFixture::run<bool>(*service, [itemId](store::Workspace& w) {
        DecisionWorkflow workflow(w.database().writer(), w.audit(), w.user(), w.role(), SyncFixture::kAccount);
        return workflow.drop(itemId).ok();
    }));
    r = SyncFixture::runPass(*service);
    QVERIFY(r.ok());
    QCOMPARE(r.summary.openConflicts, qint64(0));
    QCOMPARE(fx.hub.auditEntries().last().value(QStringLiteral("action")).toString(), QStringLiteral("outbox.drop"));
}

void TestSyncEngine::conflictOnChangedApplicationIsDecidedAgain()
{
    SyncFixture fx;
    QVERIFY(fx.start());
    auto service = fx.service();
    QVERIFY(service);
    QVERIFY(SyncFixture::runPass(*service).ok());
    auto c = fx.reader();
    QVERIFY(c);
    const QString app = firstApplication(*c);
    auto first = decide(*service, {app, QStringLiteral("reject"), {}, QStringLiteral("not_in_zone"), {}, {}});
    QVERIFY_OK(first);
    QJsonObject moved = fx.hub.entity(QStringLiteral("application"), app);
    moved.insert(QStringLiteral("claimed_address"), QStringLiteral("东港区海曲东路199号"));
    moved.insert(QStringLiteral("status"), QStringLiteral("under_review"));
    fx.hub.upsert(QStringLiteral("application"), app, moved);

    PassResult r = SyncFixture::runPass(*service);
    QCOMPARE(r.summary.conflicts, qint64(1));
    auto conflicts = Conflicts::list(*c);
    QVERIFY_OK(conflicts);
    QCOMPARE(conflicts->size(), 1);
    QCOMPARE(conflicts->first().actions, (QStringList{QStringLiteral("decide"), QStringLiteral("drop")}));

    auto second =
        decide(*service, {app, QStringLiteral("request_info"), {}, {}, QStringLiteral("bring the new contract"), {}});
    QVERIFY2(second.ok(), qPrintable(second.error().message));
    QCOMPARE(second->baseVersion.value_or(-1), qint64(2));
    r = SyncFixture::runPass(*service);
    QVERIFY(r.ok());
    QCOMPARE(r.summary.openConflicts, qint64(0));
    QCOMPARE(fx.hub.appliedCounts().value(first->idempotencyKey), 0);
    QCOMPARE(fx.hub.appliedCounts().value(second->idempotencyKey), 1);
    const QJsonObject now = fx.hub.entity(QStringLiteral("application"), app);
    QCOMPARE(now.value(QStringLiteral("status")).toString(), QStringLiteral("info_requested"));
    QCOMPARE(syncquery::text(*c, QStringLiteral("SELECT state FROM outbox WHERE id = %1").arg(first->id)),
             QStringLiteral("superseded"));
}

void TestSyncEngine::oneBadItemDoesNotBlockTheRest()
{
    SyncFixture fx;
    QVERIFY(fx.start());
    auto service = fx.service();
    QVERIFY(service);
    QVERIFY(SyncFixture::runPass(*service).ok());
    auto c = fx.reader();
    QVERIFY(c);
    // Copies of the fixture's first application: each child is on exactly one application.
    const QString a1 = syncquery::text(*c, QStringLiteral("SELECT min(id) FROM applications WHERE id LIKE 'A2026S%'"));
    const QString a2 = syncquery::text(*c, QStringLiteral("SELECT max(id) FROM applications WHERE id LIKE 'A2026S%'"));
    QVERIFY(!a1.isEmpty() && a1 != a2);
    const QJsonObject existing = fx.hub.entity(QStringLiteral("application"), a1);
    QStringList problems;
    auto keyOf = [&problems](const Result<OutboxItem>& item) {
        if (!item)
            problems << item.error().message;
        return item ? item->idempotencyKey : QString();
    };
    auto keys = SyncFixture::run<QStringList>(*service, [&](store::Workspace& w) {
        Outbox outbox(w.database().writer());
        DecisionWorkflow workflow(w.database().writer(), w.audit(), w.user(), w.role(), SyncFixture::kAccount);
        QStringList out;
        out += keyOf(outbox.enqueue(kind::Decision, QStringLiteral("A-NOPE"),
                                    {{QStringLiteral("application_id"), QStringLiteral("A-NOPE")},
                                     {QStringLiteral("base_version"), 1},
                                     {QStringLiteral("outcome"), QStringLiteral("reject")}},
                                    1, w.user()));
        out += keyOf(workflow.decide({a1, QStringLiteral("reject"), {}, QStringLiteral("not_in_zone"), {}, {}}));
        QJsonObject counter = existing; // the same child again: duplicate_child
        for (const char* k : {"id", "status", "version", "decision"})
            counter.remove(QLatin1String(k));
        counter.insert(QStringLiteral("client_ref"), QStringLiteral("C-0001"));
        out += keyOf(outbox.enqueue(kind::Application, QStringLiteral("C-0001"), counter, std::nullopt, w.user()));
        counter.insert(QStringLiteral("client_ref"), QStringLiteral("C-0002"));
        counter.insert(QStringLiteral("child"),
                       QJsonObject{{QStringLiteral("name"), QStringLiteral("钱多")},
                                   {QStringLiteral("id_number"), QStringLiteral("371102202003030033")}});
        out += keyOf(outbox.enqueue(kind::Application, QStringLiteral("C-0002"), counter, std::nullopt, w.user()));
        out += keyOf(outbox.enqueue(kind::SigningKey, QStringLiteral("K-1"),
                                    {{QStringLiteral("account"), SyncFixture::kAccount},
                                     {QStringLiteral("algorithm"), QStringLiteral("ed25519")},
                                     {QStringLiteral("public_key_pem"), QStringLiteral("-----BEGIN PUBLIC KEY-----")}},
                                    std::nullopt, w.user()));
        out +=
            keyOf(outbox.enqueue(kind::Batch, QStringLiteral("B-1"),
                                 {{QStringLiteral("batch"), QJsonObject{{QStringLiteral("id"), QStringLiteral("B-1")}}},
                                  {QStringLiteral("signature"), QStringLiteral("AA==")}},
                                 std::nullopt, w.user()));
        out += keyOf(workflow.decide({a2, QStringLiteral("reject"), {}, QStringLiteral("not_in_zone"), {}, {}}));
        return out;
    });
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(keys.size(), 7);
    PassResult r = SyncFixture::runPass(*service);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QCOMPARE(r.summary.rejected, qint64(1));  // A-NOPE
    QCOMPARE(r.summary.conflicts, qint64(1)); // duplicate_child
    const auto applied = fx.hub.appliedCounts();
    QCOMPARE(applied.value(keys[0]), 0);
    QCOMPARE(applied.value(keys[1]), 1);
    QCOMPARE(applied.value(keys[2]), 0);
    QCOMPARE(applied.value(keys[3]), 1);
    QCOMPARE(applied.value(keys[4]), 1);
    QCOMPARE(applied.value(keys[5]), 1);
    QCOMPARE(applied.value(keys[6]), 1);
    QCOMPARE(syncquery::text(*c, QStringLiteral("SELECT result_id FROM outbox WHERE subject_id = 'C-0001'")), a1);
    QCOMPARE(syncquery::text(*c, QStringLiteral("SELECT result_id FROM outbox WHERE subject_id = 'C-0002'")),
             fx.hub.counterApplications().value(QStringLiteral("C-0002")).value(QStringLiteral("id")).toString());
    QVERIFY(fx.hub.signingKeys().contains(QStringLiteral("K-1")));
    QCOMPARE(fx.hub.batchCount(), 1);
    auto conflicts = Conflicts::list(*c);
    QVERIFY_OK(conflicts);
    QCOMPARE(conflicts->size(), 2);
    QCOMPARE(conflicts->at(1).item.resultCode, QStringLiteral("duplicate_child"));
    QCOMPARE(conflicts->at(1).upstream.value(QStringLiteral("id")).toString(), a1); // the child's application
}

void TestSyncEngine::expiredCursorRestartsWithAFullPullAndSweeps()
{
    SyncFixture fx;
    QVERIFY(fx.start(20));
    auto service = fx.service();
    QVERIFY(service);
    QVERIFY(SyncFixture::runPass(*service).ok());
    auto c = fx.reader();
    QVERIFY(c);
    const QString decided = firstApplication(*c, 0);
    const QString gone = firstApplication(*c, 5);
    auto item = decide(*service, {decided, QStringLiteral("reject"), {}, QStringLiteral("not_in_zone"), {}, {}});
    QVERIFY(item.ok());
    // Upstream forgets the feed before the delete could be seen.
    fx.hub.remove(QStringLiteral("application"), gone);
    fx.hub.expireCursors();

    PassResult r = SyncFixture::runPass(*service);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QVERIFY(r.summary.fullPull);
    QCOMPARE(r.summary.removed, qint64(1));
    QCOMPARE(fx.hub.appliedCounts().value(item->idempotencyKey), 1); // local work survived
    QCOMPARE(syncquery::applicationVersions(*c).keys(), fx.hub.liveIds(QStringLiteral("application")));
    QCOMPARE(count(*c, QStringLiteral("SELECT count(*) FROM sync_seen")), qint64(0));
    QCOMPARE(syncquery::text(*c, QStringLiteral("SELECT value FROM meta WHERE key = 'sync.sweep'")), QString());
    QCOMPARE(syncquery::text(*c, QStringLiteral("SELECT status FROM applications WHERE id = '%1'").arg(decided)),
             QStringLiteral("rejected"));
    r = SyncFixture::runPass(*service);
    QVERIFY(r.ok() && !r.summary.fullPull);
}

void TestSyncEngine::expiredSessionSignsInAgain()
{
    SyncFixture fx;
    QVERIFY(fx.start());
    auto service = fx.service();
    QVERIFY(service);
    QVERIFY(SyncFixture::runPass(*service).ok());
    fx.hub.expireSessions();
    fx.hub.clearLog();
    auto sessions = [&fx] {
        int n = 0;
        for (const FakeHub::Logged& l : fx.hub.log())
            n += l.path == QLatin1String("/api/v1/sessions");
        return n;
    };
    // The password went with the first sign-in: the pass says the person must sign in again.
    PassResult r = SyncFixture::runPass(*service);
    QCOMPARE(r.errorCode, QStringLiteral("sign_in_needed"));
    QCOMPARE(sessions(), 0);
    // Given again (the sign-in dialog), the password signs in once and the pass completes.
    service->setCredentials(SyncFixture::kAccount, SyncFixture::kPassword);
    r = SyncFixture::runPass(*service);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QCOMPARE(sessions(), 1);
}

void TestSyncEngine::wrongPasswordEndsThePass()
{
    SyncFixture fx;
    QVERIFY(fx.start());
    auto service = fx.service(SyncFixture::fastOptions(), QStringLiteral("not it"));
    QVERIFY(service);
    const PassResult r = SyncFixture::runPass(*service);
    QCOMPARE(r.errorCode, QStringLiteral("sign_in_refused"));
    QCOMPARE(fx.hub.log().size(), 1);
}

// A reviewer's workstation signed in with a clerk's account: the pass stops after the sign-in with
// "role_mismatch", nothing is pushed or pulled, and the session is not kept (issue 11).
void TestSyncEngine::accountOfAnotherRoleEndsThePass()
{
    SyncFixture fx;
    QVERIFY(fx.start());
    fx.hub.addAccount(SyncFixture::kAccount, SyncFixture::kPassword, QStringLiteral("clerk"));
    auto service = fx.service();
    QVERIFY(service);
    const PassResult r = SyncFixture::runPass(*service);
    QCOMPARE(r.errorCode, QStringLiteral("role_mismatch"));
    QVERIFY2(r.errorMessage.contains(QStringLiteral("Counter clerk")) &&
                 r.errorMessage.contains(QStringLiteral("Admissions officer")),
             qPrintable(r.errorMessage));
    QCOMPARE(fx.hub.log().size(), 1); // the sign-in, and nothing after it
    auto reader = fx.reader();
    QVERIFY(reader);
    QCOMPARE(count(*reader, QStringLiteral("SELECT count(*) FROM applications")), 0);
    QCOMPARE(count(*reader, QStringLiteral("SELECT count(*) FROM meta WHERE key LIKE 'sync.session%'")), 0);
}

void TestSyncEngine::cancelStopsAHungPass()
{
    SyncFixture fx;
    QVERIFY(fx.start());
    SyncOptions o = SyncFixture::fastOptions();
    o.requestTimeoutMs = 120000;
    auto service = fx.service(o);
    QVERIFY(service);
    fx.hub.addFault({"GET", QStringLiteral("/api/v1/changes"), FakeHub::Fault::Hang, 1});
    QSignalSpy finished(service.get(), &SyncService::passFinished);
    service->syncNow();
    // The pass waits on the hung request once the hub has read it (the fault is used up).
    QTRY_COMPARE_WITH_TIMEOUT(fx.hub.unusedFaults(), 0, 30000);
    QVERIFY(service->isRunning());
    service->cancel();
    // Only the cancel ends it: the request would time out after 120 s, as "hub_timeout".
    QVERIFY(finished.wait(100000));
    QCOMPARE(finished.first().at(0).value<PassResult>().errorCode, QStringLiteral("cancelled"));
    // And the next pass picks up where it stopped.
    QVERIFY(SyncFixture::runPass(*service).ok());
}

void TestSyncEngine::progressIsReported()
{
    SyncFixture fx;
    QVERIFY(fx.start(25));
    auto service = fx.service();
    QVERIFY(service);
    QSignalSpy progress(service.get(), &SyncService::progress);
    const PassResult r = SyncFixture::runPass(*service);
    QVERIFY(r.ok());
    QList<Phase> phases;
    qint64 lastPull = 0;
    for (const QList<QVariant>& args : std::as_const(progress)) {
        const SyncProgress p = args.at(0).value<SyncProgress>();
        if (phases.isEmpty() || phases.last() != p.phase)
            phases.append(p.phase);
        if (p.phase == Phase::Pull) {
            QVERIFY(p.done >= lastPull);
            lastPull = p.done;
        }
    }
    // After the pull, what it changed is checked for eligibility.
    QCOMPARE(phases, (QList<Phase>{Phase::SignIn, Phase::Push, Phase::Pull, Phase::Check, Phase::Idle}));
    QCOMPARE(lastPull, r.summary.pulled);
}

void TestSyncEngine::offlineThenResumesByItself()
{
    SyncFixture fx;
    QVERIFY(fx.start());
    auto service = fx.service();
    QVERIFY(service);
    QVERIFY(SyncFixture::runPass(*service).ok());
    QSignalSpy online(service.get(), &SyncService::onlineChanged);
    QSignalSpy finished(service.get(), &SyncService::passFinished);
    fx.hub.addFault({QByteArray(), QStringLiteral("/"), FakeHub::Fault::DropBeforeReply, 100000});
    service->setWatchInterval(600000); // the timer alone would not come back for ten minutes
    service->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(online.size() >= 1, 20000);
    QCOMPARE(online.first().at(0).toBool(), false);
    QCOMPARE(finished.first().at(0).value<PassResult>().errorCode, QStringLiteral("hub_unreachable"));
    fx.hub.clearFaults();
    QTRY_VERIFY_WITH_TIMEOUT(online.size() >= 2, 20000);
    QCOMPARE(online.last().at(0).toBool(), true);
    QVERIFY(finished.last().at(0).value<PassResult>().ok());
    service->setWatchInterval(0);
}

void TestSyncEngine::jobsRunOnTheSyncThreadDuringAPass()
{
    SyncFixture fx;
    QVERIFY(fx.start());
    auto service = fx.service();
    QVERIFY(service);
    QVERIFY(SyncFixture::runPass(*service).ok());
    auto c = fx.reader();
    QVERIFY(c);
    const QString app = firstApplication(*c);
    fx.hub.addFault({"GET", QStringLiteral("/api/v1/changes"), FakeHub::Fault::Slow, 1, 0, -1, 700});
    QSignalSpy finished(service.get(), &SyncService::passFinished);
    service->syncNow();
    QTRY_VERIFY(service->isRunning());
    QThread* jobThread = nullptr;
    bool runningDuringJob = false;
    auto item = SyncFixture::run<Result<OutboxItem>>(*service, [&](store::Workspace& w) {
        jobThread = QThread::currentThread();
        runningDuringJob = service->isRunning();
        DecisionWorkflow workflow(w.database().writer(), w.audit(), w.user(), w.role(), SyncFixture::kAccount);
        return workflow.decide({app, QStringLiteral("reject"), {}, QStringLiteral("not_in_zone"), {}, {}});
    });
    QVERIFY(item.ok());
    QVERIFY(jobThread && jobThread != QThread::currentThread());
    QVERIFY(runningDuringJob); // it ran between two statements of the pass, not after it
    QVERIFY(finished.wait(30000));
    QVERIFY(finished.first().at(0).value<PassResult>().ok());
    const PassResult r = SyncFixture::runPass(*service);
    QVERIFY(r.ok());
    QCOMPARE(fx.hub.appliedCounts().value(item->idempotencyKey), 1);
}

void TestSyncEngine::jobsNeverRunInsideAPullTransaction()
{
    SyncFixture fx;
    QVERIFY(fx.start(120));
    SyncOptions o = SyncFixture::fastOptions();
    o.pageSize = 10;
    o.pullBatch = 30; // several transactions, applied on the apply thread while pages are fetched
    auto service = fx.service(o);
    QVERIFY(service);
    fx.hub.addFault({"GET", QStringLiteral("/api/v1/changes"), FakeHub::Fault::Slow, 1000, 0, -1, 40});
    QSignalSpy finished(service.get(), &SyncService::passFinished);
    service->syncNow();
    QTRY_VERIFY(service->isRunning());
    // Each job opens its own transaction on the writer: inside one of the pull's, BEGIN would fail
    // (or the job's rows would commit or roll back with the pull's).
    int jobs = 0;
    int duringThePass = 0;
    QStringList threads;
    while (finished.isEmpty() && jobs < 400) {
        const bool ok = SyncFixture::run<bool>(*service, [&](store::Workspace& w) {
            threads.append(QThread::currentThread()->objectName());
            duringThePass += service->isRunning() ? 1 : 0;
            store::Transaction tx(w.database().writer());
            if (!tx.beginStatus())
                return false;
            return bool(w.database().writer().exec(QStringLiteral("SELECT count(*) FROM applications"))) &&
                   bool(tx.commit());
        });
        QVERIFY2(ok, "a job could not have the writer to itself");
        ++jobs;
    }
    QVERIFY(finished.wait(60000) || !finished.isEmpty());
    QVERIFY(finished.first().at(0).value<PassResult>().ok());
    QVERIFY2(duringThePass > 3, qPrintable(QString::number(duringThePass)));
    threads.removeDuplicates();
    QCOMPARE(threads, QStringList{QStringLiteral("sync")}); // never the pass thread
    auto c = fx.reader();
    QVERIFY(c);
    QCOMPARE(count(*c, QStringLiteral("SELECT count(*) FROM applications")), 120);
}

void TestSyncEngine::passesAskedDuringAPassRunOnceAfterIt()
{
    SyncFixture fx;
    QVERIFY(fx.start());
    auto service = fx.service();
    QVERIFY(service);
    QVERIFY(SyncFixture::runPass(*service).ok());
    fx.hub.addFault({"GET", QStringLiteral("/api/v1/changes"), FakeHub::Fault::Slow, 1, 0, -1, 700});
    QSignalSpy finished(service.get(), &SyncService::passFinished);
    service->syncNow();
    QTRY_VERIFY(service->isRunning());
    service->syncNow(); // the timer, the button: while a pass runs
    service->syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
    // One pass after the running one, not one per request: a third would have been started in the
    // engine's thread before the second's signal reached this one.
    QVERIFY(!service->isRunning());
    QCOMPARE(finished.size(), 2);
    QVERIFY(finished.at(0).at(0).value<PassResult>().ok());
    QVERIFY(finished.at(1).at(0).value<PassResult>().ok());
}

// A request that gets no byte within the timeout: "not answering" at once (the window shows it
// instead of "Online"), and "answering" again with the next answer; the pass goes on.
void TestSyncEngine::aStalledHubIsToldAndSoIsItsReturn()
{
    SyncFixture fx;
    QVERIFY(fx.start());
    SyncOptions o = SyncFixture::fastOptions();
    o.requestTimeoutMs = 400;
    auto service = fx.service(o);
    QVERIFY(service);
    QVERIFY(SyncFixture::runPass(*service).ok());
    QSignalSpy answering(service.get(), &SyncService::answering);
    fx.hub.addFault({"GET", QStringLiteral("/api/v1/changes"), FakeHub::Fault::Hang, 1});
    QVERIFY(SyncFixture::runPass(*service).ok());
    QCOMPARE(answering.size(), 2);
    QCOMPARE(answering.at(0).at(0).toBool(), false);
    QCOMPARE(answering.at(1).at(0).toBool(), true);
}

// The push's progress counts what the status bar's "Outbox" counts: the outbox's items, not the
// audit entries sent after them; its sentences read as sentences.
void TestSyncEngine::pushProgressCountsTheOutbox()
{
    SyncFixture fx;
    QVERIFY(fx.start());
    auto service = fx.service();
    QVERIFY(service);
    QVERIFY(SyncFixture::runPass(*service).ok());
    auto c = fx.reader();
    QVERIFY(c);
    QVERIFY(
        decide(*service, {firstApplication(*c), QStringLiteral("reject"), {}, QStringLiteral("not_in_zone"), {}, {}}));
    QSignalSpy progress(service.get(), &SyncService::progress);
    QVERIFY(SyncFixture::runPass(*service).ok());
    QStringList sentences;
    qint64 pushTotal = -1;
    for (const QList<QVariant>& args : std::as_const(progress)) {
        const SyncProgress p = args.at(0).value<SyncProgress>();
        if (p.phase == Phase::Push && p.total > 0) {
            pushTotal = p.total;
            QVERIFY(p.done <= p.total);
        }
        sentences.append(progressText(p));
    }
    QCOMPARE(pushTotal, 1); // one decision; its audit entry is not counted
    QVERIFY2(sentences.contains(QStringLiteral("Sending the outbox: 0 of 1…")), qPrintable(sentences.join(u'|')));
    QVERIFY2(sentences.contains(QStringLiteral("Sending the outbox: 1 of 1…")), qPrintable(sentences.join(u'|')));
    for (const QString& s : std::as_const(sentences))
        QVERIFY2(!s.contains(QStringLiteral(": 0")) || s.contains(QStringLiteral(" of ")), qPrintable(s));
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_sync_engine.moc"
