// The workstation against a server that is not the project's hub (tests/sync/independent_hub.py):
// it reads queries like common web frameworks ('+' is a space), its cursors are made of reserved
// and non-ASCII characters, and it refuses a cursor it did not hand out. Also the bounds of the
// pull (docs/sync.md, "Bounds"): an oversized page, pages that lead nowhere, an unknown entity kind.
#include "IndependentHub.h"
#include "SyncFixture.h"
#include "TestPki.h"
#include "TestSupport.h"
#include "store/Workspace.h"
#include "sync/Enrolment.h"
#include "sync/HubClient.h"
#include "sync/SyncService.h"
#include "sync/SyncState.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace adm;

namespace {

const QString kUser = QStringLiteral("admin");
const QString kPassphrase = QStringLiteral("independent passphrase 7");

QString tableOf(const QString& entity)
{
    static const QMap<QString, QString> tables = {{QStringLiteral("policy"), QStringLiteral("policies")},
                                                  {QStringLiteral("school"), QStringLiteral("schools")},
                                                  {QStringLiteral("zone"), QStringLiteral("zones")},
                                                  {QStringLiteral("application"), QStringLiteral("applications")},
                                                  {QStringLiteral("agency_record"), QStringLiteral("agency_records")}};
    return tables.value(entity);
}

// Peak resident memory of this process in bytes (Linux), and a way to start measuring it afresh.
qint64 peakRss()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    return -1;
}

bool resetPeakRss()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

} // namespace

class TestSyncIndependent : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyValueInTheUrlIsPercentEncoded();
    void fullPullFollowsOpaqueCursors();
    void unknownEntityStopsThePullBeforeItsPage();
    void announcedHugePageIsRefused();
    void streamedHugePageIsRefusedWhileItArrives();
    void stalledCursorStopsThePull();
    void cyclingCursorsStopThePull();
    void endlessEmptyPagesStopThePull();
    void admissionsctlTakesThePageLimit();

private:
    // A workstation cache enrolled with the independent hub (trusting the test's CA only), and a
    // sync service over it with the hub's account.
    struct Desk {
        QTemporaryDir dir;
        IndependentHub hub;
        store::Database* database = nullptr;
        std::unique_ptr<sync::SyncService> service;
        std::unique_ptr<store::Connection> reader() const;
        QString cursor() const;
        qint64 count(const QString& entity) const;
        bool has(const QJsonObject& change) const;
    };
    // withService false: the cache is left closed, for admissionsctl.
    std::unique_ptr<Desk> desk(const QStringList& scenario, const sync::SyncOptions& options, bool withService = true);
    static sync::SyncOptions options();
    // A pass against a second page of `hugeMb` MB (scenario huge-declared or huge-streamed) is refused
    // at `limitText` while the page arrives (at most `sentAtMost` of it sent), the first page kept and
    // peak memory bounded.
    void checkHugePageRefused(const QString& scenario, const sync::SyncOptions& o, const QString& limitText,
                              double sentAtMost);

    testpki::Identity m_ca;
    testpki::Identity m_server;
    QList<QJsonObject> m_changes;
};

std::unique_ptr<store::Connection> TestSyncIndependent::Desk::reader() const
{
    auto c = database->openReader();
    return c ? std::move(*c) : nullptr;
}

QString TestSyncIndependent::Desk::cursor() const
{
    auto c = reader();
    if (!c)
        return QStringLiteral("<no reader>");
    auto v = sync::SyncState(*c).get(sync::SyncState::Cursor);
    return v ? *v : QStringLiteral("<unreadable>");
}

qint64 TestSyncIndependent::Desk::count(const QString& entity) const
{
    auto c = reader();
    return c ? syncquery::count(*c, QStringLiteral("SELECT count(*) FROM %1").arg(tableOf(entity))) : -1;
}

bool TestSyncIndependent::Desk::has(const QJsonObject& change) const
{
    auto c = reader();
    auto q = c->prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE id = ?")
                            .arg(tableOf(change.value(QStringLiteral("entity")).toString())));
    if (!q)
        return false;
    q->bind(1, change.value(QStringLiteral("id")).toString());
    return q->step() && q->int64(0) == 1;
}

sync::SyncOptions TestSyncIndependent::options()
{
    sync::SyncOptions o = SyncFixture::fastOptions();
    o.pageSize = 4;
    o.requestTimeoutMs = 20000;
    return o;
}

void TestSyncIndependent::initTestCase()
{
    if (IndependentHub::python().isEmpty())
        QFAIL("python3 is not in PATH; scripts/common.sh installs Debian's python3 for this test");
    m_ca = testpki::makeCa(QStringLiteral("Independent test CA"));
    m_server = testpki::makeServer(m_ca, {QStringLiteral("localhost")}, {QStringLiteral("127.0.0.1")});
    QVERIFY(!m_ca.isNull() && !m_server.isNull());
    // The shared policy fixture: a policy, schools, zones, agency records and applications.
    m_changes = testsupport::fixtureChanges();
    QVERIFY2(m_changes.size() >= 20, "the shared fixtures are missing");
    for (QJsonObject& c : m_changes)
        c.remove(QStringLiteral("seq")); // the server numbers them
}

std::unique_ptr<TestSyncIndependent::Desk> TestSyncIndependent::desk(const QStringList& scenario,
                                                                     const sync::SyncOptions& options, bool withService)
{
    auto d = std::make_unique<Desk>();
    QString problem;
    if (!d->dir.isValid() || !d->hub.start(d->dir.path(), m_server, m_changes, scenario, &problem)) {
        qWarning() << "independent hub:" << problem;
        return nullptr;
    }
    // The independent hub's account is a supervisor's: the local role must agree (issue 11).
    auto ws = store::Workspace::initialise(d->dir.filePath(QStringLiteral("ws")), kUser, QStringLiteral("supervisor"),
                                           kPassphrase);
    if (!ws) {
        qWarning() << "initialise:" << ws.error().message;
        return nullptr;
    }
    sync::Enrolment e;
    e.hubUrl = QUrl(d->hub.url());
    e.caPem = m_ca.certPem;
    e.workstationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.workstationName = QStringLiteral("Independent bench");
    store::Connection& db = (*ws)->database().writer();
    if (!sync::Enrolment::save(db, e) || !sync::SyncState(db).setAccountFor(kUser, IndependentHub::account()))
        return nullptr;
    if (!withService)
        return d;
    d->database = &(*ws)->database();
    d->service = std::make_unique<sync::SyncService>(std::move(*ws), options);
    d->service->setCredentials(IndependentHub::account(), IndependentHub::password());
    return d;
}

void TestSyncIndependent::everyValueInTheUrlIsPercentEncoded()
{
    auto d = desk({}, options());
    QVERIFY(d);
    sync::Enrolment e;
    e.hubUrl = QUrl(d->hub.url());
    e.caPem = m_ca.certPem;
    sync::HubClient client(e, options());
    const QString nasty = QStringLiteral("a+b/c=d&e%41 f?g#h;i名ü~-._*'()!$,:@[]");
    sync::HubClient::Request request;
    request.path = QStringLiteral("api/v1/echo/") + sync::HubClient::pathSegment(nasty);
    request.query.addQueryItem(QStringLiteral("after"), nasty);
    request.query.addQueryItem(QStringLiteral("id_number"), QStringLiteral("37110220190612003X"));
    request.query.addQueryItem(QStringLiteral("k+ey"), QStringLiteral("v v"));
    request.authenticated = false;
    auto r = client.exchange(request);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->status, 200);
    // What the server understood, decoding like a web framework.
    QCOMPARE(r->json.value(QStringLiteral("path")).toString(), QStringLiteral("/api/v1/echo/") + nasty);
    const QJsonObject query = r->json.value(QStringLiteral("query")).toObject();
    QCOMPARE(query.value(QStringLiteral("after")).toArray(), QJsonArray{nasty});
    QCOMPARE(query.value(QStringLiteral("id_number")).toArray(), QJsonArray{QStringLiteral("37110220190612003X")});
    QCOMPARE(query.value(QStringLiteral("k+ey")).toArray(), QJsonArray{QStringLiteral("v v")});
    QCOMPARE(query.size(), 3);
    // And what went on the wire: nothing but unreserved characters and %XX in the query.
    const auto requests = d->hub.requests();
    QVERIFY(!requests.isEmpty());
    const QString target = requests.last().target;
    const QString wireQuery = target.mid(target.indexOf(u'?') + 1);
    static const QRegularExpression strict(QStringLiteral("^([A-Za-z0-9._~-]|%[0-9A-F]{2}|[=&])*$"));
    QVERIFY2(strict.match(wireQuery).hasMatch(), qPrintable(target));
    QVERIFY2(wireQuery.contains(QLatin1String("a%2Bb%2Fc%3Dd%26e%2541%20f%3Fg%23h%3Bi%E5%90%8D%C3%BC~-._")),
             qPrintable(target));
}

void TestSyncIndependent::fullPullFollowsOpaqueCursors()
{
    auto d = desk({}, options());
    QVERIFY(d);
    const sync::PassResult result = SyncFixture::runPass(*d->service);
    QVERIFY2(result.ok(), qPrintable(result.errorCode + u' ' + result.errorMessage));
    QCOMPARE(result.summary.pulled, qint64(m_changes.size()));

    // Every page was asked for with the cursor the server handed out (it answers 400 to any other).
    const auto pages = d->hub.changeRequests();
    const qsizetype expectedPages = (m_changes.size() + 3) / 4;
    QCOMPARE(pages.size(), expectedPages);
    QVERIFY(pages.first().after.isNull());
    QSet<QString> cursors;
    for (qsizetype i = 0; i < pages.size(); ++i) {
        QCOMPARE(pages.at(i).status, 200);
        if (i > 0) {
            QVERIFY2(pages.at(i).after.contains(u'+') && pages.at(i).after.contains(QStringLiteral("名 ü")),
                     qPrintable(pages.at(i).after));
            cursors.insert(pages.at(i).after);
        }
    }
    QCOMPARE(cursors.size(), qsizetype(expectedPages - 1));

    // The cache holds every entity of every kind.
    QMap<QString, qint64> kinds;
    for (const QJsonObject& c : m_changes)
        ++kinds[c.value(QStringLiteral("entity")).toString()];
    QVERIFY(kinds.size() >= 4);
    for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
        QCOMPARE(d->count(it.key()), it.value());
    for (const QJsonObject& c : m_changes)
        QVERIFY2(d->has(c), qPrintable(c.value(QStringLiteral("id")).toString()));

    // The stored cursor goes back exactly as it came: the next pass is one page with nothing new.
    const QString stored = d->cursor();
    QVERIFY2(stored.contains(u'+') && stored.contains(u'#') && stored.contains(u'名'), qPrintable(stored));
    const sync::PassResult again = SyncFixture::runPass(*d->service);
    QVERIFY2(again.ok(), qPrintable(again.errorCode + u' ' + again.errorMessage));
    QCOMPARE(again.summary.pulled, qint64(0));
    const auto after = d->hub.changeRequests();
    QCOMPARE(after.size(), qsizetype(expectedPages + 1));
    QCOMPARE(after.last().after, stored);
    QCOMPARE(after.last().status, 200);
}

void TestSyncIndependent::unknownEntityStopsThePullBeforeItsPage()
{
    // Pages of 4: the change of an unknown kind is the second of the third page.
    auto d = desk({QStringLiteral("--scenario"), QStringLiteral("unknown-entity"), QStringLiteral("--bad-at"),
                   QStringLiteral("9")},
                  options());
    QVERIFY(d);
    const sync::PassResult result = SyncFixture::runPass(*d->service);
    QCOMPARE(result.errorCode, sync::code::BadChange);
    QVERIFY2(result.errorMessage.contains(QStringLiteral("bus_route")), qPrintable(result.errorMessage));
    const auto pages = d->hub.changeRequests();
    QCOMPARE(pages.size(), qsizetype(3));
    // The two pages before it stay, with the cursor after them; nothing of its page is applied.
    QCOMPARE(result.summary.pulled, qint64(8));
    for (int i = 0; i < 8; ++i)
        QVERIFY2(d->has(m_changes.at(i)), qPrintable(QString::number(i)));
    QVERIFY(!d->has(m_changes.at(8)));
    QCOMPARE(d->cursor(), pages.at(2).after);
    auto c = d->reader();
    QCOMPARE(syncquery::count(*c, QStringLiteral("SELECT count(*) FROM other_entities")), 0);

    // The next pass meets the same page and stops at the same place: nothing is skipped.
    const sync::PassResult again = SyncFixture::runPass(*d->service);
    QCOMPARE(again.errorCode, sync::code::BadChange);
    QCOMPARE(d->hub.changeRequests().last().after, pages.at(2).after);
    QCOMPARE(d->cursor(), pages.at(2).after);
}

void TestSyncIndependent::checkHugePageRefused(const QString& scenario, const sync::SyncOptions& o,
                                               const QString& limitText, double sentAtMost)
{
    auto d = desk({QStringLiteral("--scenario"), scenario, QStringLiteral("--huge-mb"), QStringLiteral("100")}, o);
    QVERIFY(d);
    const bool measuring = resetPeakRss();
    const qint64 before = peakRss();
    const sync::PassResult result = SyncFixture::runPass(*d->service);
    QCOMPARE(result.errorCode, sync::code::PageTooLarge);
    QVERIFY2(result.errorMessage.contains(limitText), qPrintable(result.errorMessage));
    // Not retried; the first page and its cursor are kept, nothing of the second.
    QTRY_VERIFY(d->hub.changeRequests().size() == 2 && d->hub.changeRequests().last().huge > 0);
    const auto pages = d->hub.changeRequests();
    QVERIFY2(pages.last().sent < pages.last().huge * sentAtMost, qPrintable(QString::number(pages.last().sent)));
    QCOMPARE(result.summary.pulled, qint64(4));
    for (int i = 0; i < 4; ++i)
        QVERIFY(d->has(m_changes.at(i)));
    QVERIFY(!d->has(m_changes.at(4)));
    QCOMPARE(d->cursor(), pages.last().after);
    qInfo() << "peak memory measured:" << measuring << "grew by" << (peakRss() - before) / 1024 << "KiB";
    if (measuring && before > 0)
        QVERIFY2(peakRss() - before < (48 << 20), qPrintable(QString::number(peakRss() - before)));
}

void TestSyncIndependent::announcedHugePageIsRefused()
{
    // The default limit (64 MB) against a second page that announces 100 MB.
    const sync::SyncOptions o = options();
    QCOMPARE(o.maxPageBytes, qint64(64) << 20);
    checkHugePageRefused(QStringLiteral("huge-declared"), o, QStringLiteral("100 MB"), 1.0);
}

void TestSyncIndependent::streamedHugePageIsRefusedWhileItArrives()
{
    // No Content-Length: the body ends when the connection does, and is cut at the limit.
    sync::SyncOptions o = options();
    o.maxPageBytes = 8 << 20;
    checkHugePageRefused(QStringLiteral("huge-streamed"), o, QStringLiteral("8 MB"), 0.5);
}

void TestSyncIndependent::stalledCursorStopsThePull()
{
    auto d = desk({QStringLiteral("--scenario"), QStringLiteral("stalled")}, options());
    QVERIFY(d);
    const sync::PassResult result = SyncFixture::runPass(*d->service);
    QCOMPARE(result.errorCode, sync::code::NoProgress);
    QVERIFY(!result.errorMessage.isEmpty());
    // The first page, then as many answers with the same cursor as the limit allows.
    const auto pages = d->hub.changeRequests();
    QCOMPARE(pages.size(), qsizetype(1 + options().maxStalledPages));
    QCOMPARE(result.summary.pulled, qint64(4));
    QCOMPARE(d->cursor(), pages.at(1).after);
    for (int i = 0; i < 4; ++i)
        QVERIFY(d->has(m_changes.at(i)));
}

void TestSyncIndependent::cyclingCursorsStopThePull()
{
    auto d = desk({QStringLiteral("--scenario"), QStringLiteral("cycle")}, options());
    QVERIFY(d);
    const sync::PassResult result = SyncFixture::runPass(*d->service);
    QCOMPARE(result.errorCode, sync::code::NoProgress);
    // First page → X; X → A, A → B (new places); then B → A, A → B, B → A come back: the third stops.
    QCOMPARE(d->hub.changeRequests().size(), qsizetype(3 + options().maxStalledPages));
    QCOMPARE(result.summary.pulled, qint64(4));
}

void TestSyncIndependent::endlessEmptyPagesStopThePull()
{
    sync::SyncOptions o = options();
    o.maxEmptyPages = 5;
    auto d = desk({QStringLiteral("--scenario"), QStringLiteral("empty-forever")}, o);
    QVERIFY(d);
    const sync::PassResult result = SyncFixture::runPass(*d->service);
    QCOMPARE(result.errorCode, sync::code::NoProgress);
    QVERIFY2(result.errorMessage.contains(QStringLiteral("5")), qPrintable(result.errorMessage));
    const auto pages = d->hub.changeRequests();
    QCOMPARE(pages.size(), qsizetype(1 + o.maxEmptyPages));
    QCOMPARE(result.summary.pulled, qint64(4));
    // The empty pages before the last one moved the cursor (they were applied, with nothing in them).
    QCOMPARE(d->cursor(), pages.last().after);
    for (int i = 0; i < 4; ++i)
        QVERIFY(d->has(m_changes.at(i)));
}

void TestSyncIndependent::admissionsctlTakesThePageLimit()
{
    auto d = desk({QStringLiteral("--scenario"), QStringLiteral("huge-streamed"), QStringLiteral("--huge-mb"),
                   QStringLiteral("100")},
                  options(), false);
    QVERIFY(d);
    const QMap<QString, QString> env{{QStringLiteral("ADMISSIONS_PASSPHRASE"), kPassphrase},
                                     {QStringLiteral("ADMISSIONS_HUB_PASSWORD"), IndependentHub::password()},
                                     {QStringLiteral("ADMISSIONS_LANG"), QStringLiteral("en")}};
    const QString data = d->dir.filePath(QStringLiteral("ws"));
    const auto bad = testsupport::run(QStringLiteral("admissionsctl"),
                                      {QStringLiteral("sync"), QStringLiteral("--max-page-mb"), QStringLiteral("0"),
                                       QStringLiteral("--data-dir"), data},
                                      env, {}, 120000);
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("--max-page-mb"), bad.err.constData());
    const auto r =
        testsupport::run(QStringLiteral("admissionsctl"),
                         {QStringLiteral("sync"), QStringLiteral("--page-size"), QStringLiteral("4"),
                          QStringLiteral("--max-page-mb"), QStringLiteral("2"), QStringLiteral("--data-dir"), data},
                         env, {}, 120000);
    QCOMPARE(r.exitCode, 5); // a hub error
    QVERIFY2(r.err.contains("2 MB") && r.err.contains("--page-size"), r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out)
                 .object()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("code"))
                 .toString(),
             sync::code::PageTooLarge);
    QTRY_VERIFY(d->hub.changeRequests().size() == 2 && d->hub.changeRequests().last().huge > 0);
    QVERIFY(d->hub.changeRequests().last().sent < d->hub.changeRequests().last().huge / 2);
}

QTEST_GUILESS_MAIN(TestSyncIndependent)
#include "tst_sync_independent.moc"
