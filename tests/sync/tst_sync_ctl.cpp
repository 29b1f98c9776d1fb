#include "SyncFixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>
#include <csignal>

using testsupport::ProcessResult;

// admissionsctl connect, login, sync, outbox, conflicts, decide and reasons: the real program
// against the fake hub, with its exit codes (5: hub unreachable or certificate refused, 6: sign-in
// refused) and its JSON.
class TestSyncCtl : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void reasonsJson();
    void connectRefusals_data();
    void connectRefusals();
    void connectLoginSync();
    void decideRules_data();
    void decideRules();
    void outboxAndConflicts();
    void unreachableHubExits5();
    void watchStopsOnSignal();
    void watchEndsWhenSignInIsRefused();

private:
    ProcessResult ctl(const QStringList& args, const QString& dataDir, const QMap<QString, QString>& env = {});
    bool setUp(const QString& dataDir, const QString& hubUrl);
    QString writeFile(const QString& name, const QByteArray& bytes);

    SyncFixture m_fx;
    QString m_data;
    testpki::Identity m_otherCa;
};

ProcessResult TestSyncCtl::ctl(const QStringList& args, const QString& dataDir, const QMap<QString, QString>& env)
{
    QMap<QString, QString> e{{QStringLiteral("ADMISSIONS_PASSPHRASE"), SyncFixture::kPassphrase},
                             {QStringLiteral("ADMISSIONS_HUB_PASSWORD"), SyncFixture::kPassword},
                             {QStringLiteral("ADMISSIONS_LANG"), QStringLiteral("en")}};
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        e.insert(it.key(), it.value());
    QStringList all = args;
    all << QStringLiteral("--data-dir") << dataDir;
    return testsupport::run(QStringLiteral("admissionsctl"), all, e, {}, 120000);
}

QString TestSyncCtl::writeFile(const QString& name, const QByteArray& bytes)
{
    const QString path = m_fx.path(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(bytes);
    return path;
}

bool TestSyncCtl::setUp(const QString& dataDir, const QString& hubUrl)
{
    const auto init = ctl({QStringLiteral("init"), QStringLiteral("--user"), QStringLiteral("admin"),
                           QStringLiteral("--role"), QStringLiteral("reviewer")},
                          dataDir);
    if (init.exitCode != 0)
        return false;
    const auto connect = ctl({QStringLiteral("connect"), QStringLiteral("--hub"), hubUrl, QStringLiteral("--ca"),
                              m_fx.caFile(), QStringLiteral("--name"), QStringLiteral("Counter 2")},
                             dataDir);
    return connect.exitCode == 0;
}

void TestSyncCtl::initTestCase()
{
    QVERIFY(m_fx.start(15));
    m_otherCa = testpki::makeCa(QStringLiteral("Other CA"));
    m_data = m_fx.path(QStringLiteral("ws"));
    const auto init = ctl({QStringLiteral("init"), QStringLiteral("--user"), QStringLiteral("admin"),
                           QStringLiteral("--role"), QStringLiteral("reviewer")},
                          m_data);
    QVERIFY2(init.exitCode == 0, init.err.constData());
}

void TestSyncCtl::reasonsJson()
{
    const auto r = ctl({QStringLiteral("reasons"), QStringLiteral("--json")}, m_data);
    QCOMPARE(r.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(r.out).array();
    QVERIFY(list.size() >= 10);
    for (const QJsonValue& v : list) {
        const QJsonObject o = v.toObject();
        QCOMPARE(o.size(), 4);
        for (const char* k : {"code", "outcome", "label_zh", "label_en"})
            QVERIFY(!o.value(QLatin1String(k)).toString().isEmpty());
    }
    const auto text =
        ctl({QStringLiteral("reasons")}, m_data, {{QStringLiteral("ADMISSIONS_LANG"), QStringLiteral("zh_CN")}});
    QVERIFY(QString::fromUtf8(text.out).contains(QStringLiteral("重复报名")));
}

void TestSyncCtl::connectRefusals_data()
{
    QTest::addColumn<QString>("hub"); // "plain", "good", "expired"
    QTest::addColumn<QString>("ca");  // "good", "other", "garbage", "none"
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    QTest::newRow("plain http") << "plain"
                                << "good" << 5 << "HTTPS";
    QTest::newRow("another CA") << "good"
                                << "other" << 5 << "ca.pem";
    QTest::newRow("expired certificate") << "expired"
                                         << "good" << 5 << "expired";
    QTest::newRow("not a CA file") << "good"
                                   << "garbage" << 2 << "PEM";
    QTest::newRow("no CA") << "good"
                           << "none" << 2 << "--ca";
}

void TestSyncCtl::connectRefusals()
{
    QFETCH(QString, hub);
    QFETCH(QString, ca);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    FakeHub other;
    QString url = m_fx.hub.url();
    if (hub == QLatin1String("plain")) {
        QVERIFY(other.start({}, true));
        url = other.url();
    } else if (hub == QLatin1String("expired")) {
        QVERIFY(other.start(testpki::makeServer(m_fx.ca, {}, {QStringLiteral("127.0.0.1")}, {-20, -2})));
        url = other.url();
    }
    QStringList args{QStringLiteral("connect"), QStringLiteral("--hub"), url};
    if (ca == QLatin1String("good"))
        args << QStringLiteral("--ca") << m_fx.caFile();
    else if (ca == QLatin1String("other"))
        args << QStringLiteral("--ca") << writeFile(QStringLiteral("other.pem"), m_otherCa.certPem);
    else if (ca == QLatin1String("garbage"))
        args << QStringLiteral("--ca") << writeFile(QStringLiteral("garbage.pem"), "hello");
    const int before = m_fx.hub.connections();
    const auto r = ctl(args, m_data);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(says.toUtf8()), r.err.constData());
    if (hub == QLatin1String("plain"))
        QCOMPARE(other.connections(), 0); // refused before anything was sent
    if (ca != QLatin1String("other"))
        QCOMPARE(m_fx.hub.connections(), before);
    // Nothing was saved: the workstation is still not connected.
    const auto sync = ctl({QStringLiteral("sync")}, m_data);
    QCOMPARE(sync.exitCode, 2);
    QVERIFY(sync.err.contains("not connected"));
}

void TestSyncCtl::connectLoginSync()
{
    const auto connect =
        ctl({QStringLiteral("connect"), QStringLiteral("--hub"), m_fx.hub.url(), QStringLiteral("--ca"), m_fx.caFile()},
            m_data);
    QVERIFY2(connect.exitCode == 0, connect.err.constData());
    // No account yet.
    auto sync = ctl({QStringLiteral("sync")}, m_data);
    QCOMPARE(sync.exitCode, 2);
    QVERIFY(sync.err.contains("login"));
    auto login = ctl({QStringLiteral("login"), QStringLiteral("--account"), SyncFixture::kAccount}, m_data,
                     {{QStringLiteral("ADMISSIONS_HUB_PASSWORD"), QStringLiteral("nope")}});
    QCOMPARE(login.exitCode, 6);
    QVERIFY(!login.err.contains("nope"));
    login = ctl({QStringLiteral("login"), QStringLiteral("--account"), SyncFixture::kAccount, QStringLiteral("--json")},
                m_data);
    QVERIFY2(login.exitCode == 0, login.err.constData());
    QCOMPARE(QJsonDocument::fromJson(login.out).object().value(QStringLiteral("account")).toString(),
             SyncFixture::kAccount);
    // The password is nowhere in the data folder.
    for (const QString& name : QDir(m_data).entryList(QDir::Files))
        QVERIFY2(!testsupport::fileBytes(m_data + u'/' + name).contains(SyncFixture::kPassword.toUtf8()),
                 qPrintable(name));

    sync = ctl({QStringLiteral("sync")}, m_data);
    QVERIFY2(sync.exitCode == 0, sync.err.constData());
    const QJsonObject summary = QJsonDocument::fromJson(sync.out).object();
    for (const char* k : {"pulled", "applied", "pushed", "conflicts", "rejected"})
        QVERIFY2(summary.contains(QLatin1String(k)), k);
    QCOMPARE(summary.value(QStringLiteral("pulled")).toInteger(), m_fx.hub.lastSeq());
    QVERIFY(summary.value(QStringLiteral("pushed")).toInteger() >= 3); // init, enrol, login audit entries
    QVERIFY(sync.err.contains("Receiving"));

    // The session `login` kept in the encrypted cache: a later sync needs no password (a wrong one in
    // the environment is not even read) and does not sign in again.
    auto signIns = [this] {
        int n = 0;
        for (const FakeHub::Logged& l : m_fx.hub.log())
            n += l.path == QLatin1String("/api/v1/sessions");
        return n;
    };
    m_fx.hub.clearLog();
    sync = ctl({QStringLiteral("sync")}, m_data, {{QStringLiteral("ADMISSIONS_HUB_PASSWORD"), QStringLiteral("nope")}});
    QVERIFY2(sync.exitCode == 0, sync.err.constData());
    QCOMPARE(signIns(), 0);
    // The hub ends the session: without a password to give, sync says so and exits 6.
    m_fx.hub.expireSessions();
    sync = ctl({QStringLiteral("sync")}, m_data, {{QStringLiteral("ADMISSIONS_HUB_PASSWORD"), QString()}});
    QCOMPARE(sync.exitCode, 6);
    QCOMPARE(QJsonDocument::fromJson(sync.out)
                 .object()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("sign_in_needed"));
    // With the password, it signs in once and keeps the new session.
    m_fx.hub.clearLog();
    sync = ctl({QStringLiteral("sync")}, m_data);
    QVERIFY2(sync.exitCode == 0, sync.err.constData());
    QCOMPARE(signIns(), 1);

    const auto stats = ctl({QStringLiteral("stats"), QStringLiteral("--json")}, m_data);
    QCOMPARE(QJsonDocument::fromJson(stats.out)
                 .object()
                 .value(QStringLiteral("entities"))
                 .toObject()
                 .value(QStringLiteral("application"))
                 .toInt(),
             m_fx.hub.liveCount(QStringLiteral("application")));
}

void TestSyncCtl::decideRules_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("no outcome") << QStringList{} << 2;
    QTest::newRow("two outcomes") << QStringList{QStringLiteral("--approve"), QStringLiteral("--reject")} << 2;
    QTest::newRow("reject without reason") << QStringList{QStringLiteral("--reject")} << 2;
    // The sync ran the eligibility check: approving in another category than it found needs a reason.
    QTest::newRow("approve against the check, no reason")
        << QStringList{QStringLiteral("--approve"), QStringLiteral("--category"), QStringLiteral("OTHER")} << 2;
    QTest::newRow("request info without note") << QStringList{QStringLiteral("--request-info")} << 2;
    QTest::newRow("bad reason") << QStringList{QStringLiteral("--reject"), QStringLiteral("--reason"),
                                               QStringLiteral("why")}
                                << 2;
}

void TestSyncCtl::decideRules()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    if (const qsizetype other = args.indexOf(QStringLiteral("OTHER")); other >= 0) {
        const auto explained = ctl({QStringLiteral("explain"), QStringLiteral("A2026S00012")}, m_data);
        QCOMPARE(explained.exitCode, 0);
        const bool foundA = explained.out.contains("category A,");
        args[other] = foundA ? QStringLiteral("B") : QStringLiteral("A");
    }
    const auto r = ctl(QStringList{QStringLiteral("decide"), QStringLiteral("A2026S00012")} + args, m_data);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY(!r.err.isEmpty());
    const auto unknown = ctl({QStringLiteral("decide"), QStringLiteral("A-NONE"), QStringLiteral("--reject"),
                              QStringLiteral("--reason"), QStringLiteral("not_in_zone")},
                             m_data);
    QCOMPARE(unknown.exitCode, 2);
    const auto outbox = ctl({QStringLiteral("outbox"), QStringLiteral("--json")}, m_data);
    QCOMPARE(QJsonDocument::fromJson(outbox.out).object().value(QStringLiteral("items")).toArray().size(), 0);
}

void TestSyncCtl::outboxAndConflicts()
{
    const QString kept = QStringLiteral("A2026S00013");
    const QString withdrawn = QStringLiteral("A2026S00014");
    auto d = ctl({QStringLiteral("decide"), kept, QStringLiteral("--reject"), QStringLiteral("--reason"),
                  QStringLiteral("not_in_zone"), QStringLiteral("--json")},
                 m_data);
    QVERIFY2(d.exitCode == 0, d.err.constData());
    QCOMPARE(QJsonDocument::fromJson(d.out).object().value(QStringLiteral("state")).toString(),
             QStringLiteral("pending"));
    d = ctl({QStringLiteral("decide"), withdrawn, QStringLiteral("--approve"), QStringLiteral("--category"),
             QStringLiteral("A"), QStringLiteral("--reason"), QStringLiteral("verified_on_paper")},
            m_data);
    QVERIFY2(d.exitCode == 0, d.err.constData());
    auto outbox =
        QJsonDocument::fromJson(ctl({QStringLiteral("outbox"), QStringLiteral("--json")}, m_data).out).object();
    QCOMPARE(outbox.value(QStringLiteral("items")).toArray().size(), 2);
    QVERIFY(outbox.value(QStringLiteral("audit")).toObject().value(QStringLiteral("pending")).toInt() >= 2);

    m_fx.hub.withdraw(withdrawn); // while this workstation decided offline
    const auto sync = ctl({QStringLiteral("sync")}, m_data);
    QCOMPARE(sync.exitCode, 0);
    const QJsonObject summary = QJsonDocument::fromJson(sync.out).object();
    QCOMPARE(summary.value(QStringLiteral("conflicts")).toInt(), 1);
    QCOMPARE(summary.value(QStringLiteral("pushed")).toInt(), 3); // one decision and two audit entries
    QVERIFY(sync.err.contains("conflicts"));

    auto conflicts =
        QJsonDocument::fromJson(ctl({QStringLiteral("conflicts"), QStringLiteral("--json")}, m_data).out).array();
    QCOMPARE(conflicts.size(), 1);
    const QJsonObject c = conflicts.first().toObject();
    QCOMPARE(c.value(QStringLiteral("subject_id")).toString(), withdrawn);
    QCOMPARE(c.value(QStringLiteral("mine")).toObject().value(QStringLiteral("outcome")).toString(),
             QStringLiteral("approve"));
    QCOMPARE(c.value(QStringLiteral("upstream")).toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("withdrawn"));
    QCOMPARE(c.value(QStringLiteral("actions")).toArray(), QJsonArray{QStringLiteral("drop")});
    const QString text = QString::fromUtf8(ctl({QStringLiteral("conflicts")}, m_data).out);
    QVERIFY(text.contains(QStringLiteral("yours")) && text.contains(QStringLiteral("upstream")));

    const QString item = QString::number(c.value(QStringLiteral("item")).toInteger());
    QCOMPARE(ctl({QStringLiteral("conflicts"), QStringLiteral("drop"), item}, m_data).exitCode, 0);
    QCOMPARE(ctl({QStringLiteral("conflicts"), QStringLiteral("drop"), item}, m_data).exitCode, 2);
    QCOMPARE(QJsonDocument::fromJson(ctl({QStringLiteral("conflicts"), QStringLiteral("--json")}, m_data).out)
                 .array()
                 .size(),
             0);
    outbox = QJsonDocument::fromJson(
                 ctl({QStringLiteral("outbox"), QStringLiteral("--json"), QStringLiteral("--all")}, m_data).out)
                 .object();
    QStringList states;
    for (const QJsonValue& v : outbox.value(QStringLiteral("items")).toArray())
        states += v.toObject().value(QStringLiteral("state")).toString();
    QCOMPARE(states, (QStringList{QStringLiteral("done"), QStringLiteral("dropped")}));
}

void TestSyncCtl::unreachableHubExits5()
{
    const QString dir = m_fx.path(QStringLiteral("offline"));
    // Nothing listens on port 1: the enrolment is kept with a warning, a sync says "unreachable".
    QVERIFY(setUp(dir, QStringLiteral("https://127.0.0.1:1/")));
    const auto login = ctl({QStringLiteral("login"), QStringLiteral("--account"), SyncFixture::kAccount}, dir);
    QCOMPARE(login.exitCode, 5);
    const auto sync =
        ctl({QStringLiteral("sync"), QStringLiteral("--account"), SyncFixture::kAccount, QStringLiteral("--retries"),
             QStringLiteral("1"), QStringLiteral("--timeout"), QStringLiteral("2")},
            dir);
    QCOMPARE(sync.exitCode, 5);
    const QJsonObject summary = QJsonDocument::fromJson(sync.out).object();
    QCOMPARE(summary.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("hub_unreachable"));
}

void TestSyncCtl::watchStopsOnSignal()
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("ADMISSIONS_PASSPHRASE"), SyncFixture::kPassphrase);
    e.insert(QStringLiteral("ADMISSIONS_HUB_PASSWORD"), SyncFixture::kPassword);
    p.setProcessEnvironment(e);
    p.start(QDir(testsupport::binDir()).filePath(QStringLiteral("admissionsctl")),
            {QStringLiteral("sync"), QStringLiteral("--watch"), QStringLiteral("--interval"), QStringLiteral("0.3"),
             QStringLiteral("--data-dir"), m_data});
    QVERIFY(p.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += p.readAllStandardOutput()).count('\n') >= 3, 30000);
    ::kill(pid_t(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
    out += p.readAllStandardOutput();
    for (const QByteArray& line : out.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QVERIFY2(o.contains(QStringLiteral("pulled")), line.constData());
    }
}

void TestSyncCtl::watchEndsWhenSignInIsRefused()
{
    // The session kept since `login` ends; the password asked for then is wrong.
    m_fx.hub.expireSessions();
    const auto r =
        ctl({QStringLiteral("sync"), QStringLiteral("--watch"), QStringLiteral("--interval"), QStringLiteral("0.2")},
            m_data, {{QStringLiteral("ADMISSIONS_HUB_PASSWORD"), QStringLiteral("not the password")}});
    QCOMPARE(r.exitCode, 6);
    QCOMPARE(QJsonDocument::fromJson(r.out.trimmed())
                 .object()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("sign_in_refused"));
}

QTEST_GUILESS_MAIN(TestSyncCtl)
#include "tst_sync_ctl.moc"
