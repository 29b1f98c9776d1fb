#include "CityRepository.h"
#include "HubFixture.h"
#include "HubStorage.h"
#include "LiveCity.h"
#include "ResultCheck.h"
#include "SyncFixture.h"
#include "sync/Conflicts.h"
#include "sync/DecisionWorkflow.h"
#include "sync/Enrolment.h"
#include "sync/Outbox.h"
#include "sync/SyncState.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace adm;
using namespace adm::sync;

namespace {

// A workstation enrolled with the in-process sandbox hub, signed in as one of its demo accounts.
class Workstation {
public:
    // `role`: the local user's, which must be one of the account's.
    Workstation(HubFixture& hub, QString account, QString role = QStringLiteral("reviewer"))
        : m_hub(hub)
        , m_account(std::move(account))
        , m_role(std::move(role))
    {}

    bool start(const QByteArray& caPem = {})
    {
        auto ws = store::Workspace::initialise(m_dir.filePath(QStringLiteral("ws")), SyncFixture::kUser, m_role,
                                               SyncFixture::kPassphrase);
        if (!ws)
            return false;
        QFile ca(m_hub.hub().caPath());
        if (!ca.open(QIODevice::ReadOnly))
            return false;
        auto url = Enrolment::parseHubUrl(m_hub.url());
        if (!url)
            return false;
        Enrolment e;
        e.hubUrl = *url;
        e.caPem = caPem.isEmpty() ? ca.readAll() : caPem;
        e.workstationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        e.workstationName = QStringLiteral("Counter 2");
        store::Connection& db = (*ws)->database().writer();
        if (!Enrolment::save(db, e) || !SyncState(db).setAccountFor(SyncFixture::kUser, m_account))
            return false;
        m_database = &(*ws)->database();
        SyncOptions options = SyncFixture::fastOptions();
        options.pageSize = 500;
        options.requestTimeoutMs = 30000;
        service = std::make_unique<SyncService>(std::move(*ws), options);
        service->setCredentials(m_account, m_hub.password(m_account));
        return true;
    }

    std::unique_ptr<store::Connection> reader() const
    {
        auto c = m_database->openReader();
        return c ? std::move(c.value()) : nullptr;
    }

    Result<OutboxItem> decide(const DecisionRequest& request)
    {
        const QString account = m_account;
        return SyncFixture::run<Result<OutboxItem>>(*service, [request, account](store::Workspace& w) {
            return DecisionWorkflow(w.database().writer(), w.audit(), w.user(), w.role(), account).decide(request);
        });
    }

    std::unique_ptr<SyncService> service;

private:
    HubFixture& m_hub;
    QString m_account;
    QString m_role;
    QTemporaryDir m_dir;
    store::Database* m_database = nullptr;
};

} // namespace

// The sync engine against the real sandbox hub (in-process, on a loopback port, trusting only its
// ca.pem): a full pull equals the hub's admin stats, an incremental pull follows the moving city
// (deletes included), a push and its replay are applied once, and a decision taken offline on an
// application withdrawn or decided elsewhere comes back as a conflict that the user resolves.
class TestSyncHub : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fullPullEqualsAdminStats();
    void incrementalPullFollowsTheLiveCity();
    void pushAndReplayAreAppliedOnce();
    void localUserWithoutHubAccountNeverTripsDeciderMismatch();
    void offlineDecisionOnWithdrawnApplication();
    void decisionMadeElsewhereIsAConflict();
    void anotherHubsCaIsRefused();

private:
    void compareWithStats(store::Connection& c);
    bool withdraw(const QString& applicationId);
    QString openApplication(store::Connection& c, int skip = 0);

    HubFixture m_hub{HubFixture::City::Generated, 600};
    QString m_reviewer;
    QString m_school;
    std::unique_ptr<Workstation> m_city; // supervisor.city: sees everything
};

void TestSyncHub::initTestCase()
{
    m_hub.options.liveRate = 0;
    QVERIFY(m_hub.start());
    QVERIFY(m_hub.hub().live());
    for (const QJsonValue& v : m_hub.accounts()) {
        const QJsonObject a = v.toObject();
        if (a.value(QStringLiteral("roles")).toArray().contains(QStringLiteral("reviewer")) &&
            a.value(QStringLiteral("school_ids")).toArray().size() == 1) {
            m_reviewer = a.value(QStringLiteral("account")).toString();
            m_school = a.value(QStringLiteral("school_ids")).toArray().first().toString();
            break;
        }
    }
    QVERIFY(!m_reviewer.isEmpty());
    m_city = std::make_unique<Workstation>(m_hub, QStringLiteral("supervisor.city"), QStringLiteral("supervisor"));
    QVERIFY(m_city->start());
}

void TestSyncHub::compareWithStats(store::Connection& c)
{
    const auto stats = m_hub.get(QStringLiteral("/api/v1/admin/stats"), m_hub.login(QStringLiteral("supervisor.city")));
    QCOMPARE(stats.status, 200);
    QCOMPARE(syncquery::count(c, QStringLiteral("SELECT count(*) FROM applications")),
             stats.json.value(QStringLiteral("applications")).toInteger());
    QCOMPARE(syncquery::count(c, QStringLiteral("SELECT count(*) FROM agency_records")),
             stats.json.value(QStringLiteral("agency_records")).toInteger());
    const QJsonObject byStatus = stats.json.value(QStringLiteral("by_status")).toObject();
    for (auto it = byStatus.begin(); it != byStatus.end(); ++it)
        QCOMPARE(
            syncquery::count(c, QStringLiteral("SELECT count(*) FROM applications WHERE status = '%1'").arg(it.key())),
            it.value().toInteger());
    qint64 decided = 0;
    auto q = c.prepare(QStringLiteral("SELECT data FROM applications"));
    QVERIFY_OK(q);
    while (q->step())
        decided += QJsonDocument::fromJson(q->utf8(0)).object().value(QStringLiteral("decision")).isObject() ? 1 : 0;
    QCOMPARE(decided, stats.json.value(QStringLiteral("decisions")).toInteger());
}

bool TestSyncHub::withdraw(const QString& applicationId)
{
    hub::CityRepository& city = m_hub.hub().city();
    store::Transaction t(m_hub.hub().storage().connection());
    auto found = city.application(applicationId);
    if (!t.beginStatus() || !found || !found->has_value())
        return false;
    hub::ApplicationRow row = std::move(**found);
    row.status = QStringLiteral("withdrawn");
    row.version += 1;
    return city.saveApplication(row, false) && t.commit();
}

QString TestSyncHub::openApplication(store::Connection& c, int skip)
{
    return syncquery::text(c,
                           QStringLiteral("SELECT id FROM applications WHERE status IN ('submitted', 'under_review') "
                                          "AND target_school_id = '%1' ORDER BY id LIMIT 1 OFFSET %2")
                               .arg(m_school)
                               .arg(skip));
}

void TestSyncHub::fullPullEqualsAdminStats()
{
    const PassResult r = SyncFixture::runPass(*m_city->service);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QVERIFY(r.summary.fullPull);
    QVERIFY(r.summary.pulled > 600);
    auto c = m_city->reader();
    QVERIFY(c);
    compareWithStats(*c);
    QCOMPARE(syncquery::count(*c, QStringLiteral("SELECT count(*) FROM outbox WHERE state <> 'done'")), qint64(0));
}

void TestSyncHub::incrementalPullFollowsTheLiveCity()
{
    auto c = m_city->reader();
    QVERIFY(c);
    const qint64 tombstonesBefore = syncquery::count(*c, QStringLiteral("SELECT count(*) FROM tombstones"));
    QVERIFY(m_hub.hub().live()->step(400)); // new applications, withdrawals, changed, cancelled and deleted records
    const PassResult r = SyncFixture::runPass(*m_city->service);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QVERIFY(!r.summary.fullPull);
    QVERIFY(r.summary.pulled > 100);
    QVERIFY(syncquery::count(*c, QStringLiteral("SELECT count(*) FROM tombstones")) > tombstonesBefore);
    compareWithStats(*c);
    const PassResult again = SyncFixture::runPass(*m_city->service);
    QCOMPARE(again.summary.pulled, qint64(0));
}

void TestSyncHub::pushAndReplayAreAppliedOnce()
{
    Workstation desk(m_hub, m_reviewer);
    QVERIFY(desk.start());
    QVERIFY(SyncFixture::runPass(*desk.service).ok());
    auto c = desk.reader();
    QVERIFY(c);
    const QString app = openApplication(*c);
    QVERIFY(!app.isEmpty());
    const qint64 before =
        syncquery::count(*c, QStringLiteral("SELECT version FROM applications WHERE id = '%1'").arg(app));
    auto item = desk.decide({app, QStringLiteral("reject"), {}, QStringLiteral("not_in_zone"), {}, {}});
    QVERIFY2(item.ok(), qPrintable(item.error().message));
    PassResult r = SyncFixture::runPass(*desk.service);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QCOMPARE(r.summary.conflicts + r.summary.rejected, qint64(0));
    QCOMPARE(syncquery::count(*c, QStringLiteral("SELECT version FROM applications WHERE id = '%1'").arg(app)),
             before + 1);
    const QJsonObject decision =
        QJsonDocument::fromJson(syncquery::text(*c, QStringLiteral("SELECT data FROM applications "
                                                                   "WHERE id = '%1'")
                                                        .arg(app))
                                    .toUtf8())
            .object()
            .value(QStringLiteral("decision"))
            .toObject();
    QCOMPARE(decision.value(QStringLiteral("outcome")).toString(), QStringLiteral("reject"));
    QCOMPARE(decision.value(QStringLiteral("reason_code")).toString(), QStringLiteral("not_in_zone"));

    // Everything again with the same keys, as after lost answers: nothing changes upstream.
    QVERIFY(SyncFixture::run<bool>(*desk.service, [](store::Workspace& w) {
        return w.database().writer().exec(QStringLiteral("UPDATE outbox SET state = 'pending'")).ok() &&
               w.database().setMeta(QStringLiteral("sync.audit_seq"), QStringLiteral("0")).ok();
    }));
    r = SyncFixture::runPass(*desk.service);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QCOMPARE(syncquery::text(*c, QStringLiteral("SELECT result_status FROM outbox")), QStringLiteral("duplicate"));
    QCOMPARE(syncquery::text(*c, QStringLiteral("SELECT state FROM outbox")), QStringLiteral("done"));
    QCOMPARE(r.summary.pulled, qint64(0));
    QCOMPARE(syncquery::count(*c, QStringLiteral("SELECT version FROM applications WHERE id = '%1'").arg(app)),
             before + 1);
    QVERIFY(syncquery::text(*c, QStringLiteral("SELECT value FROM meta WHERE key = 'sync.audit_error'")).isEmpty());
}

void TestSyncHub::localUserWithoutHubAccountNeverTripsDeciderMismatch()
{
    // The hub records the pushing account as decider and actor, and refuses another name. A local
    // user without a hub account sends no decided_by; a decision an older version queued under the
    // local user's name goes without it too; audit entries go with actor = the hub account.
    Workstation desk(m_hub, m_reviewer);
    QVERIFY(desk.start());
    QVERIFY(SyncFixture::runPass(*desk.service).ok());
    auto c = desk.reader();
    const QString fresh = openApplication(*c, 5);
    const QString legacy = openApplication(*c, 6);
    QVERIFY(!fresh.isEmpty() && !legacy.isEmpty() && fresh != legacy);
    const qint64 legacyVersion =
        syncquery::count(*c, QStringLiteral("SELECT version FROM applications WHERE id = '%1'").arg(legacy));
    const bool queued = SyncFixture::run<bool>(*desk.service, [&](store::Workspace& w) {
        auto made = DecisionWorkflow(w.database().writer(), w.audit(), w.user(), w.role(), QString())
                        .decide({fresh, QStringLiteral("reject"), {}, QStringLiteral("not_in_zone"), {}, {}});
        if (!made || made->payload.contains(QStringLiteral("decided_by")))
            return false;
        auto old = Outbox(w.database().writer())
                       .enqueue(kind::Decision, legacy,
                                {{QStringLiteral("application_id"), legacy},
                                 {QStringLiteral("base_version"), legacyVersion},
                                 {QStringLiteral("outcome"), QStringLiteral("reject")},
                                 {QStringLiteral("reason_code"), QStringLiteral("not_in_zone")},
                                 {QStringLiteral("decided_by"), w.user()},
                                 {QStringLiteral("decided_at"), QStringLiteral("2026-06-01T08:30:00Z")}},
                                legacyVersion, w.user());
        return old.ok();
    });
    QVERIFY(queued);
    QVERIFY(SyncFixture::kUser != m_reviewer);
    const PassResult r = SyncFixture::runPass(*desk.service);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QCOMPARE(r.summary.conflicts + r.summary.rejected, qint64(0));
    for (const QString& app : {fresh, legacy}) {
        const QJsonObject decision =
            QJsonDocument::fromJson(
                syncquery::text(*c, QStringLiteral("SELECT data FROM applications WHERE id = '%1'").arg(app)).toUtf8())
                .object()
                .value(QStringLiteral("decision"))
                .toObject();
        QCOMPARE(decision.value(QStringLiteral("decided_by")).toString(), m_reviewer);
    }
    QVERIFY(syncquery::text(*c, QStringLiteral("SELECT value FROM meta WHERE key = 'sync.audit_error'")).isEmpty());
    auto q = m_hub.hub().storage().connection().prepare(QStringLiteral(
        "SELECT count(*), min(actor), max(actor), min(local_actor) FROM audit_entries WHERE account = ?"));
    QVERIFY(q);
    q->bind(1, m_reviewer);
    QVERIFY(q->step());
    QVERIFY(q->int64(0) > 0);
    QCOMPARE(q->text(1), m_reviewer);
    QCOMPARE(q->text(2), m_reviewer);
    QCOMPARE(q->text(3), SyncFixture::kUser);
}

void TestSyncHub::offlineDecisionOnWithdrawnApplication()
{
    Workstation desk(m_hub, m_reviewer);
    QVERIFY(desk.start());
    QVERIFY(SyncFixture::runPass(*desk.service).ok());
    auto c = desk.reader();
    QVERIFY(c);
    const QString app = openApplication(*c, 3);
    auto mine =
        desk.decide({app, QStringLiteral("approve"), QStringLiteral("A"), QStringLiteral("verified_on_paper"), {}, {}});
    QVERIFY2(mine.ok(), qPrintable(mine.error().message));
    QVERIFY(withdraw(app)); // the family withdrew while this desk was offline

    PassResult r = SyncFixture::runPass(*desk.service);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QCOMPARE(r.summary.conflicts, qint64(1));
    auto conflicts = Conflicts::list(*c);
    QVERIFY_OK(conflicts);
    QCOMPARE(conflicts->size(), 1);
    const Conflict k = conflicts->first();
    QVERIFY2(QStringList({QStringLiteral("version_mismatch"), QStringLiteral("application_withdrawn")})
                 .contains(k.item.resultCode),
             qPrintable(k.item.resultCode));
    QCOMPARE(k.mine.value(QStringLiteral("outcome")).toString(), QStringLiteral("approve"));
    QCOMPARE(k.upstream.value(QStringLiteral("status")).toString(), QStringLiteral("withdrawn"));
    QVERIFY(k.upstreamCurrent);
    QCOMPARE(k.actions, QStringList{QStringLiteral("drop")});
    // Never applied upstream.
    auto up = m_hub.hub().city().application(app);
    QVERIFY_OK(up);
    QCOMPARE((*up)->status, QStringLiteral("withdrawn"));
    QVERIFY((*up)->data.value(QStringLiteral("decision")).isNull());

    const qint64 id = k.item.id;
    QVERIFY(SyncFixture::run<bool>(*desk.service, [id](store::Workspace& w) {
        return DecisionWorkflow(w.database().writer(), w.audit(), w.user(), w.role(), QString()).drop(id).ok();
    }));
    r = SyncFixture::runPass(*desk.service);
    QVERIFY(r.ok());
    QCOMPARE(r.summary.openConflicts, qint64(0));
}

void TestSyncHub::decisionMadeElsewhereIsAConflict()
{
    Workstation here(m_hub, m_reviewer);
    Workstation there(m_hub, m_reviewer);
    QVERIFY(here.start() && there.start());
    QVERIFY(SyncFixture::runPass(*here.service).ok());
    QVERIFY(SyncFixture::runPass(*there.service).ok());
    auto c = here.reader();
    QVERIFY(c);
    const QString app = openApplication(*c, 5);
    QVERIFY(here.decide({app, QStringLiteral("reject"), {}, QStringLiteral("age_out_of_range"), {}, {}}).ok());
    QVERIFY(there.decide({app, QStringLiteral("request_info"), {}, {}, QStringLiteral("bring the contract"), {}}).ok());
    QVERIFY(SyncFixture::runPass(*there.service).ok()); // the other desk was first
    const PassResult r = SyncFixture::runPass(*here.service);
    QCOMPARE(r.summary.conflicts, qint64(1));
    auto conflicts = Conflicts::list(*c);
    QVERIFY_OK(conflicts);
    QCOMPARE(conflicts->size(), 1);
    const Conflict k = conflicts->first();
    QCOMPARE(k.item.resultCode, QStringLiteral("version_mismatch"));
    QCOMPARE(k.upstream.value(QStringLiteral("status")).toString(), QStringLiteral("info_requested"));
    QCOMPARE(k.upstream.value(QStringLiteral("decision")).toObject().value(QStringLiteral("outcome")).toString(),
             QStringLiteral("request_info"));
    // Still open (information requested): deciding again on what is there now goes through.
    QCOMPARE(k.actions, (QStringList{QStringLiteral("decide"), QStringLiteral("drop")}));
    auto again = here.decide({app, QStringLiteral("reject"), {}, QStringLiteral("age_out_of_range"), {}, {}});
    QVERIFY2(again.ok(), qPrintable(again.error().message));
    const PassResult done = SyncFixture::runPass(*here.service);
    QVERIFY(done.ok());
    QCOMPARE(done.summary.openConflicts, qint64(0));
    QCOMPARE((*m_hub.hub().city().application(app))->status, QStringLiteral("rejected"));
}

void TestSyncHub::anotherHubsCaIsRefused()
{
    HubFixture other;
    QVERIFY(other.start());
    QFile ca(other.hub().caPath());
    QVERIFY(ca.open(QIODevice::ReadOnly));
    Workstation desk(m_hub, m_reviewer);
    QVERIFY(desk.start(ca.readAll()));
    const PassResult r = SyncFixture::runPass(*desk.service);
    QCOMPARE(r.errorCode, QStringLiteral("tls_untrusted"));
}

QTEST_GUILESS_MAIN(TestSyncHub)
#include "tst_sync_hub.moc"
