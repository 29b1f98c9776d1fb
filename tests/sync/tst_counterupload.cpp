#include "CityRepository.h"
#include "HubFixture.h"
#include "HubStorage.h"
#include "ResultCheck.h"
#include "SyncFixture.h"
#include "domain/IdNumber.h"
#include "security/AuditLog.h"
#include "sync/AgencyLookup.h"
#include "sync/CounterIntake.h"
#include "sync/Enrolment.h"
#include "sync/SyncState.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QThread>
#include <QUuid>

using namespace adm;
using namespace adm::sync;

namespace {

const QString kSchool = QStringLiteral("S371102001"); // a primary school of the fixture city

// A counter workstation enrolled with an in-process sandbox hub, its local user a clerk signed in
// with the hub's clerk account of kSchool.
class Counter {
public:
    explicit Counter(HubFixture& hub)
        : m_hub(hub)
        , account(hub.accountWithRole(QStringLiteral("clerk"), kSchool))
    {}

    // `maxAttempts` of each request within a pass, `timeoutMs` of each (0: the defaults here).
    bool start(int maxAttempts = 0, int timeoutMs = 0)
    {
        if (account.isEmpty())
            return false;
        auto ws = store::Workspace::initialise(m_dir.filePath(QStringLiteral("ws")), SyncFixture::kUser,
                                               QStringLiteral("clerk"), SyncFixture::kPassphrase);
        if (!ws)
            return false;
        QFile ca(m_hub.hub().caPath());
        auto url = Enrolment::parseHubUrl(m_hub.url());
        if (!ca.open(QIODevice::ReadOnly) || !url)
            return false;
        Enrolment e;
        e.hubUrl = *url;
        e.caPem = ca.readAll();
        e.workstationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        e.workstationName = QStringLiteral("Counter 1");
        store::Connection& db = (*ws)->database().writer();
        if (!Enrolment::save(db, e) || !SyncState(db).setAccountFor(SyncFixture::kUser, account))
            return false;
        m_database = &(*ws)->database();
        SyncOptions options = SyncFixture::fastOptions();
        options.pageSize = 500;
        options.requestTimeoutMs = timeoutMs > 0 ? timeoutMs : 30000;
        if (maxAttempts > 0)
            options.maxAttempts = maxAttempts;
        service = std::make_unique<SyncService>(std::move(*ws), options);
        service->setCredentials(account, m_hub.password(account));
        return true;
    }

    std::unique_ptr<store::Connection> reader() const
    {
        auto c = m_database->openReader();
        return c ? std::move(c.value()) : nullptr;
    }

    Result<CounterRecord> save(const CounterApplication& application)
    {
        const QString hubAccount = account;
        return SyncFixture::run<Result<CounterRecord>>(*service, [application, hubAccount](store::Workspace& w) {
            return CounterIntake(w.database().writer(), w.audit(), w.user(), w.role(), hubAccount).save(application);
        });
    }

    std::optional<CounterRecord> find(const QString& ref) const
    {
        auto c = reader();
        if (!c)
            return std::nullopt;
        auto found = CounterIntake::find(*c, ref);
        return found ? *found : std::nullopt;
    }

    // The audit entries of an action, as "actor subject".
    QStringList audit(const QString& action)
    {
        return SyncFixture::run<QStringList>(*service, [action](store::Workspace& w) {
            QStringList out;
            auto entries = w.audit().entries();
            if (!entries)
                return QStringList{QStringLiteral("error: ") + entries.error().message};
            for (const security::AuditEntry& e : *entries)
                if (e.action == action)
                    out << e.subject;
            return out;
        });
    }

private:
    HubFixture& m_hub;
    QTemporaryDir m_dir;
    store::Database* m_database = nullptr;

public:
    const QString account;
    std::unique_ptr<SyncService> service; // destroyed first: it holds the cache in m_dir
};

QString idNumber(const QString& first17)
{
    return first17 + IdNumber::checkCharacter(first17);
}

// A walk-in application for kSchool: child n (born in the policy's range), one guardian.
CounterApplication walkIn(int n, const QString& childIdNumber = {})
{
    CounterApplication a;
    a.admissionYear = 2026;
    a.grade = QStringLiteral("primary1");
    a.targetSchoolId = kSchool;
    a.child.name = QStringLiteral("柜台%1").arg(QChar(0x4E00 + n));
    a.child.idNumber = childIdNumber.isEmpty()
                           ? idNumber(QStringLiteral("37110220191205%1").arg(n, 3, 10, QLatin1Char('0')))
                           : childIdNumber;
    Guardian g;
    g.name = QStringLiteral("家长%1").arg(QChar(0x4E00 + n));
    g.idNumber = idNumber(QStringLiteral("37110219870611%1").arg(n, 3, 10, QLatin1Char('0')));
    g.relation = QStringLiteral("grandparent");
    g.phone = QStringLiteral("13800138%1").arg(n, 3, 10, QLatin1Char('0'));
    a.guardians = {g};
    a.claimedAddress = QStringLiteral("东港区海曲东路100号");
    a.claimedCategory = QStringLiteral("A");
    a.paperEvidence = {{paper::HouseholdRegister, QStringLiteral("李老师"), QStringLiteral("原件已核")},
                       {paper::PropertyCertificate, QStringLiteral("李老师"), QStringLiteral("复印件留存")}};
    return a;
}

QJsonArray evidenceJson(const CounterApplication& a)
{
    return a.toJson().value(QStringLiteral("paper_evidence")).toArray();
}

// The hub's applications (id → data) taken at a counter with this local number, from its change feed.
QMap<QString, QJsonObject> hubApplicationsWithRef(HubFixture& hub, const QString& clientRef)
{
    QMap<QString, QJsonObject> out;
    for (const QJsonObject& c : hub.pullAll(hub.login(QStringLiteral("supervisor.city")))) {
        const QJsonObject data = c.value(QStringLiteral("data")).toObject();
        if (c.value(QStringLiteral("entity")).toString() == QLatin1String("application") &&
            data.value(QStringLiteral("client_ref")).toString() == clientRef)
            out.insert(c.value(QStringLiteral("id")).toString(), data);
    }
    return out;
}

// How many applications the hub holds for this child (any year, any status).
qint64 hubApplicationsOfChild(HubFixture& hub, const QString& childIdNumber)
{
    auto q = hub.hub().storage().connection().prepare(
        QStringLiteral("SELECT count(*) FROM applications WHERE child_id_number = ?"));
    if (!q)
        return -1;
    q->bind(1, childIdNumber);
    return q->step() ? q->int64(0) : -1;
}

} // namespace

// Counter applications going upstream (issue 13) against the real sandbox hub in-process: taken
// offline and uploaded exactly once when the platform is back, also when the connection drops after
// the hub committed; duplicate_child links the child's other application; an invalid answer shows
// the field. The audit log names no one.
class TestCounterUpload : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void offlineEntryUploadedWhenThePlatformIsBack();
    void answerLostAfterCommitLinksTheSameId_data();
    void answerLostAfterCommitLinksTheSameId();
    void duplicateChildLinksTheExistingApplication();
    void invalidAnswerShowsTheField();
    void liveLookupShowsWhatTheAgenciesHold();

private:
    void checkAuditNamesNoOne(Counter& counter, const QList<CounterApplication>& taken, int expected);

    HubFixture m_hub{HubFixture::City::Fixture};
};

void TestCounterUpload::initTestCase()
{
    QVERIFY(m_hub.start());
    QVERIFY(!m_hub.accountWithRole(QStringLiteral("clerk"), kSchool).isEmpty());
}

void TestCounterUpload::checkAuditNamesNoOne(Counter& counter, const QList<CounterApplication>& taken, int expected)
{
    const QStringList subjects = counter.audit(QStringLiteral("counter.intake"));
    QCOMPARE(subjects.size(), expected);
    for (const QString& s : subjects) {
        QVERIFY2(s.startsWith(QStringLiteral("client_ref=")), qPrintable(s));
        for (const CounterApplication& a : taken) {
            QVERIFY2(!s.contains(a.child.name) && !s.contains(a.child.idNumber), qPrintable(s));
            for (const Guardian& g : a.guardians)
                QVERIFY2(!s.contains(g.name) && !s.contains(g.idNumber) && !s.contains(g.phone), qPrintable(s));
        }
    }
}

void TestCounterUpload::offlineEntryUploadedWhenThePlatformIsBack()
{
    HubFixture hub(HubFixture::City::Fixture);
    QVERIFY(hub.start());
    Counter counter(hub);
    QVERIFY(counter.start());
    QVERIFY(SyncFixture::runPass(*counter.service).ok()); // the schools and the policy

    // The platform goes away; the family is at the desk.
    const quint16 port = hub.hub().port();
    hub.stop();
    const CounterApplication app = walkIn(1);
    auto saved = counter.save(app);
    QVERIFY_OK(saved);
    PassResult r = SyncFixture::runPass(*counter.service);
    QVERIFY(!r.ok());
    auto record = counter.find(saved->clientRef);
    QVERIFY(record);
    QCOMPARE(record->state, CounterRecord::State::Waiting);
    QVERIFY(record->applicationId.isEmpty());

    // Back, on the same address. Its restart ended the sessions: the clerk signs in again.
    hub.options.port = port;
    QVERIFY(hub.start());
    counter.service->setCredentials(counter.account, hub.password(counter.account));
    r = SyncFixture::runPass(*counter.service);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    record = counter.find(saved->clientRef);
    QVERIFY(record);
    QCOMPARE(record->state, CounterRecord::State::Uploaded);
    QVERIFY2(record->applicationId.startsWith(u'A'), qPrintable(record->applicationId));
    auto c = counter.reader();
    QVERIFY(c);
    QCOMPARE(syncquery::text(*c, QStringLiteral("SELECT state FROM outbox WHERE id = %1").arg(record->outboxId)),
             QStringLiteral("done"));
    QCOMPARE(
        syncquery::text(*c, QStringLiteral("SELECT result_status FROM outbox WHERE id = %1").arg(record->outboxId)),
        QStringLiteral("accepted"));
    // Found by the platform's number too.
    QCOMPARE(counter.find(record->applicationId)->clientRef, saved->clientRef);

    // Upstream: one application, from the counter, with the papers seen and the clerk's account.
    const auto upstream = hubApplicationsWithRef(hub, saved->clientRef);
    QCOMPARE(upstream.keys(), QStringList{record->applicationId});
    const QJsonObject data = upstream.first();
    QCOMPARE(data.value(QStringLiteral("channel")).toString(), QStringLiteral("counter"));
    QCOMPARE(data.value(QStringLiteral("status")).toString(), QStringLiteral("submitted"));
    QCOMPARE(data.value(QStringLiteral("target_school_id")).toString(), kSchool);
    QCOMPARE(data.value(QStringLiteral("paper_evidence")).toArray(), evidenceJson(app));
    QCOMPARE(data.value(QStringLiteral("taken_by")).toObject().value(QStringLiteral("account")).toString(),
             counter.account);
    QCOMPARE(hubApplicationsOfChild(hub, app.child.idNumber), qint64(1));

    // Another pass sends nothing again.
    r = SyncFixture::runPass(*counter.service);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QCOMPARE(hubApplicationsWithRef(hub, saved->clientRef).size(), 1);
    checkAuditNamesNoOne(counter, {app}, 1);
}

void TestCounterUpload::answerLostAfterCommitLinksTheSameId_data()
{
    QTest::addColumn<QString>("faults");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<bool>("firstPassFails");
    // The connection cut after the hub committed: QNetworkAccessManager sends the request again on a new
    // connection by itself, so the retry may come in the same pass.
    QTest::newRow("drop after commit") << QStringLiteral("drop-after:applications:1:times=1") << 30000 << false;
    // The answer comes after the client gave up waiting: the next pass sends it again.
    QTest::newRow("answer after the timeout") << QStringLiteral("slow:applications:4000ms:times=1") << 1000 << true;
}

void TestCounterUpload::answerLostAfterCommitLinksTheSameId()
{
    QFETCH(QString, faults);
    QFETCH(int, timeoutMs);
    QFETCH(bool, firstPassFails);
    HubFixture hub(HubFixture::City::Fixture);
    hub.options.faults = faults;
    QVERIFY(hub.start());
    Counter counter(hub);
    QVERIFY(counter.start(1, timeoutMs)); // no retry within a pass but the network layer's own
    QVERIFY(SyncFixture::runPass(*counter.service).ok());

    const CounterApplication app = walkIn(2);
    auto saved = counter.save(app);
    QVERIFY_OK(saved);
    // The hub takes the application; its answer is lost.
    PassResult r = SyncFixture::runPass(*counter.service);
    auto record = counter.find(saved->clientRef);
    QVERIFY(record);
    if (firstPassFails) {
        QVERIFY(!r.ok());
        QCOMPARE(record->state, CounterRecord::State::Waiting);
        QCOMPARE(hubApplicationsWithRef(hub, saved->clientRef).size(), 1); // committed all the same
    }
    // A later pass sends it again with the same idempotency key.
    for (int pass = 0; pass < 3 && record->state == CounterRecord::State::Waiting; ++pass) {
        r = SyncFixture::runPass(*counter.service);
        record = counter.find(saved->clientRef);
        QVERIFY(record);
    }
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QCOMPARE(record->state, CounterRecord::State::Uploaded);
    auto c = counter.reader();
    QVERIFY(c);
    // `duplicate`: the first request was carried out, its answer lost; the retry got the same id.
    QCOMPARE(
        syncquery::text(*c, QStringLiteral("SELECT result_status FROM outbox WHERE id = %1").arg(record->outboxId)),
        QStringLiteral("duplicate"));
    const auto upstream = hubApplicationsWithRef(hub, saved->clientRef);
    QCOMPARE(upstream.size(), 1);
    QCOMPARE(record->applicationId, upstream.firstKey());
    QCOMPARE(hubApplicationsOfChild(hub, app.child.idNumber), qint64(1));
    QCOMPARE(upstream.first().value(QStringLiteral("taken_by")).toObject().value(QStringLiteral("account")).toString(),
             counter.account);
    checkAuditNamesNoOne(counter, {app}, 1);
}

void TestCounterUpload::duplicateChildLinksTheExistingApplication()
{
    Counter counter(m_hub);
    QVERIFY(counter.start());
    QVERIFY(SyncFixture::runPass(*counter.service).ok());
    auto c = counter.reader();
    QVERIFY(c);
    // A child of this school who applied online this year.
    const QString existing = syncquery::text(
        *c, QStringLiteral("SELECT id FROM applications WHERE target_school_id = '%1' AND admission_year = 2026 "
                           "AND status <> 'withdrawn' ORDER BY id LIMIT 1")
                .arg(kSchool));
    QVERIFY(!existing.isEmpty());
    const QString child =
        syncquery::text(*c, QStringLiteral("SELECT child_id_number FROM applications WHERE id = '%1'").arg(existing));
    // The form shows it before anything is saved.
    auto known = CounterIntake::knownApplicationsOf(*c, child, 2026);
    QVERIFY_OK(known);
    QVERIFY(!known->isEmpty());
    QCOMPARE(known->first().id, existing);
    const qint64 before = hubApplicationsOfChild(m_hub, child);

    const CounterApplication app = walkIn(3, child);
    auto saved = counter.save(app); // the clerk saves it all the same: the platform decides
    QVERIFY_OK(saved);
    const PassResult r = SyncFixture::runPass(*counter.service);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    const auto record = counter.find(saved->clientRef);
    QVERIFY(record);
    QCOMPARE(record->state, CounterRecord::State::Duplicate);
    QCOMPARE(record->applicationId, existing);
    QCOMPARE(record->resultCode, QStringLiteral("duplicate_child"));
    QCOMPARE(record->toJson().value(QStringLiteral("state")).toString(), QStringLiteral("duplicate"));
    // Nothing new upstream.
    QCOMPARE(hubApplicationsOfChild(m_hub, child), before);
    QVERIFY(hubApplicationsWithRef(m_hub, saved->clientRef).isEmpty());
    checkAuditNamesNoOne(counter, {app}, 1);
}

void TestCounterUpload::invalidAnswerShowsTheField()
{
    Counter counter(m_hub);
    QVERIFY(counter.start());
    QVERIFY(SyncFixture::runPass(*counter.service).ok());
    // A school still in this cache that the platform no longer knows.
    const QString gone = QStringLiteral("S371102099");
    QVERIFY(SyncFixture::run<bool>(*counter.service, [gone](store::Workspace& w) {
        auto q = w.database().writer().prepare(
            QStringLiteral("INSERT INTO schools (id, version, district_code, level, name, capacity, data) "
                           "VALUES (?, 1, '371102', 'primary', '已撤并小学', 30, '{}')"));
        return q && q->bind(1, gone).run().ok();
    }));
    QVERIFY(!m_hub.hub().city().hasSchool(gone));

    CounterApplication app = walkIn(4);
    app.targetSchoolId = gone;
    auto saved = counter.save(app);
    QVERIFY_OK(saved);
    const CounterApplication fine = walkIn(5); // goes through beside it
    auto other = counter.save(fine);
    QVERIFY_OK(other);
    const PassResult r = SyncFixture::runPass(*counter.service);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    const auto record = counter.find(saved->clientRef);
    QVERIFY(record);
    QCOMPARE(record->state, CounterRecord::State::Refused);
    QVERIFY(record->applicationId.isEmpty());
    QVERIFY2(record->resultMessage.contains(QStringLiteral("target_school_id")), qPrintable(record->resultMessage));
    QCOMPARE(record->toJson().value(QStringLiteral("state")).toString(), QStringLiteral("refused"));
    QCOMPARE(counter.find(other->clientRef)->state, CounterRecord::State::Uploaded);
    QCOMPARE(hubApplicationsOfChild(m_hub, app.child.idNumber), qint64(0));
    QCOMPARE(hubApplicationsOfChild(m_hub, fine.child.idNumber), qint64(1));
    checkAuditNamesNoOne(counter, {app, fine}, 2);
}

QTEST_GUILESS_MAIN(TestCounterUpload)
#include "tst_counterupload.moc"

// The counter's live lookup (GET /api/v1/agency/lookup) with the session the last sync kept: the
// records of a person of the city, none for a person it does not know, "sign_in_needed" before any
// sign-in, and an offline error once the platform is gone.
void TestCounterUpload::liveLookupShowsWhatTheAgenciesHold()
{
    HubFixture hub(HubFixture::City::Fixture);
    QVERIFY(hub.start());
    Counter counter(hub);
    QVERIFY(counter.start());
    using Access = std::shared_ptr<agencylookup::Access>;
    auto prepare = [&counter] {
        return SyncFixture::run<Result<Access>>(*counter.service, [](store::Workspace& w) {
            return agencylookup::prepare(w.database().writer(), w.user());
        });
    };
    // The request blocks in its own event loop: on a thread of its own, as the counter window runs it.
    auto lookup = [](const Access& access, const QString& id) {
        Result<QList<AgencyRecord>> result = QList<AgencyRecord>();
        std::unique_ptr<QThread> worker(QThread::create([&] { result = agencylookup::lookup(*access, id); }));
        worker->start();
        while (!worker->wait(10))
            QCoreApplication::processEvents(); // the in-process hub answers from this thread
        return result;
    };

    auto before = prepare();
    QVERIFY(!before);
    QCOMPARE(before.error().code, QStringLiteral("sign_in_needed"));
    QVERIFY(SyncFixture::runPass(*counter.service).ok()); // signs in and keeps the session
    auto access = prepare();
    QVERIFY_OK(access);

    auto q = hub.hub().storage().connection().prepare(
        QStringLiteral("SELECT child_id_number FROM applications WHERE school_id = ? ORDER BY id LIMIT 1"));
    QVERIFY_OK(q);
    q->bind(1, kSchool);
    QVERIFY(q->step());
    const QString child = q->text(0);
    const auto records = lookup(*access, child);
    QVERIFY_OK(records);
    QVERIFY(!records->isEmpty());
    for (const AgencyRecord& r : *records)
        QVERIFY2(r.subjectIdNumbers.contains(child), qPrintable(r.id));

    const auto nobody = lookup(*access, idNumber(QStringLiteral("37110220190101999")));
    QVERIFY_OK(nobody);
    QVERIFY(nobody->isEmpty());

    hub.stop();
    const auto offline = lookup(*access, child);
    QVERIFY(!offline);
    QVERIFY2(offline.error().code == code::Unreachable || offline.error().code == code::Timeout,
             qPrintable(offline.error().code));
}
