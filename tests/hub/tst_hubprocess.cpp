#include "HubFixture.h"
#include "TestSupport.h"
#include "citygen/CityGenerator.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

// The real admissions-hub program: first start, files on disk, a second start that reuses them.
class TestHubProcess : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void firstStartMakesCaAccountsAndStorage();
    void storageHoldsNoPersonalDataInClear();
    void secondStartReusesEverything();
    void logLinesAreOnePerRequestWithoutPersonalData();
    void badOptionsAreRefused_data();
    void badOptionsAreRefused();

private:
    bool startHub(const QStringList& extra = {});
    void stopHub();

    QTemporaryDir m_dir;
    QString m_data;
    std::unique_ptr<QProcess> m_process;
    QString m_url;
    QByteArray m_caFirst;
    QByteArray m_accountsFirst;
    QByteArray m_stderr;
};

void TestHubProcess::initTestCase()
{
    QVERIFY(QFileInfo::exists(testsupport::binDir() + QStringLiteral("/admissions-hub")));
    m_data = m_dir.path() + QStringLiteral("/hub");
}

void TestHubProcess::cleanup()
{
    stopHub();
}

bool TestHubProcess::startHub(const QStringList& extra)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(testsupport::binDir() + QStringLiteral("/admissions-hub"));
    m_process->setArguments(QStringList{QStringLiteral("--data-dir"), m_data, QStringLiteral("--listen"),
                                        QStringLiteral("127.0.0.1:0"), QStringLiteral("--password-iterations"),
                                        QStringLiteral("1000")} +
                            extra);
    m_process->start();
    if (!m_process->waitForStarted(10000))
        return false;
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (!out.contains('\n') && timer.elapsed() < 90000 && m_process->state() == QProcess::Running) {
        m_process->waitForReadyRead(200);
        out += m_process->readAllStandardOutput();
    }
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("ADMISSIONS_HUB_URL=(\\S+)")).match(QString::fromUtf8(out));
    if (!m.hasMatch()) {
        qWarning() << "no URL from the hub:" << out << m_process->readAllStandardError();
        return false;
    }
    m_url = m.captured(1);
    return true;
}

void TestHubProcess::stopHub()
{
    if (!m_process)
        return;
    if (m_process->state() == QProcess::Running) {
        m_process->terminate();
        if (!m_process->waitForFinished(20000))
            m_process->kill();
    }
    m_stderr += m_process->readAllStandardError();
    m_process.reset();
}

void TestHubProcess::firstStartMakesCaAccountsAndStorage()
{
    QVERIFY(startHub(
        {QStringLiteral("--applications"), QStringLiteral("300"), QStringLiteral("--seed"), QStringLiteral("5")}));
    QVERIFY(m_url.startsWith(QStringLiteral("https://127.0.0.1:")));
    for (const char* name : {"ca.pem", "accounts.json", "hub.db", "hub.key", "server.pem", "server.key", "hub-url"})
        QVERIFY2(QFileInfo::exists(m_data + u'/' + QLatin1String(name)), name);
    // Secrets readable by the owner only.
    for (const char* name : {"accounts.json", "hub.key", "ca.key", "server.key"}) {
        const auto p = QFileInfo(m_data + u'/' + QLatin1String(name)).permissions();
        QVERIFY2(!(p & (QFileDevice::ReadGroup | QFileDevice::ReadOther)), name);
    }
    const QSslCertificate ca = QSslCertificate::fromPath(m_data + QStringLiteral("/ca.pem")).value(0);
    QVERIFY(!ca.isNull());
    QVERIFY(ca.isSelfSigned());

    HubFixture client;
    QVERIFY(client.attach(m_url, m_data));
    const QJsonArray accounts = client.accounts();
    QSet<QString> roles;
    bool city = false;
    bool district = false;
    for (const QJsonValue& v : accounts) {
        const QJsonObject a = v.toObject();
        for (const char* key : {"account", "password", "roles", "district_code", "school_ids"})
            QVERIFY2(a.contains(QLatin1String(key)), key);
        for (const QJsonValue& r : a.value(QStringLiteral("roles")).toArray())
            roles.insert(r.toString());
        if (a.value(QStringLiteral("roles")).toArray().contains(QStringLiteral("supervisor"))) {
            city = city || a.value(QStringLiteral("district_code")).toString() == QLatin1String("371100");
            district = district || a.value(QStringLiteral("district_code")).toString() != QLatin1String("371100");
        }
        QVERIFY(!client.login(a.value(QStringLiteral("account")).toString()).isEmpty());
    }
    QCOMPARE(roles, (QSet<QString>{QStringLiteral("clerk"), QStringLiteral("reviewer"), QStringLiteral("principal"),
                                   QStringLiteral("supervisor")}));
    QVERIFY(city && district);
    const auto stats =
        client.get(QStringLiteral("/api/v1/admin/stats"), client.login(QStringLiteral("supervisor.city")));
    QCOMPARE(stats.json.value(QStringLiteral("applications")).toInt(), 300);
    m_caFirst = testsupport::fileBytes(m_data + QStringLiteral("/ca.pem"));
    m_accountsFirst = testsupport::fileBytes(m_data + QStringLiteral("/accounts.json"));
    stopHub();
}

void TestHubProcess::storageHoldsNoPersonalDataInClear()
{
    QSet<QString> names;
    QSet<QString> ids;
    adm::citygen::Options options;
    options.applications = 300;
    options.seed = 5;
    adm::citygen::CityGenerator(options).generate([&](const adm::Change& c) {
        if (c.entity != QLatin1String("application"))
            return;
        const QJsonObject child = c.data.value(QStringLiteral("child")).toObject();
        names.insert(child.value(QStringLiteral("name")).toString());
        ids.insert(child.value(QStringLiteral("id_number")).toString());
        for (const QJsonValue& g : c.data.value(QStringLiteral("guardians")).toArray()) {
            names.insert(g.toObject().value(QStringLiteral("name")).toString());
            ids.insert(g.toObject().value(QStringLiteral("id_number")).toString());
        }
    });
    QVERIFY(ids.size() > 300);
    const QByteArray db = testsupport::fileBytes(m_data + QStringLiteral("/hub.db"));
    QVERIFY(db.size() > 100000);
    QVERIFY(!db.startsWith("SQLite format 3"));
    for (const char* file : {"hub.db", "hub.db-wal", "hub.db-shm"}) {
        const QStringList found =
            testsupport::findPersonalData(testsupport::fileBytes(m_data + u'/' + QLatin1String(file)), names, ids);
        QVERIFY2(found.isEmpty(), qPrintable(QLatin1String(file) + u' ' + found.join(u',')));
    }
}

void TestHubProcess::secondStartReusesEverything()
{
    // City options are for the first start only: these must change nothing.
    QVERIFY(startHub(
        {QStringLiteral("--applications"), QStringLiteral("7"), QStringLiteral("--seed"), QStringLiteral("9")}));
    QCOMPARE(testsupport::fileBytes(m_data + QStringLiteral("/ca.pem")), m_caFirst);
    QCOMPARE(testsupport::fileBytes(m_data + QStringLiteral("/accounts.json")), m_accountsFirst);
    HubFixture client;
    QVERIFY(client.attach(m_url, m_data));
    const QString token = client.login(QStringLiteral("supervisor.city"));
    QVERIFY(!token.isEmpty());
    QCOMPARE(
        client.get(QStringLiteral("/api/v1/admin/stats"), token).json.value(QStringLiteral("applications")).toInt(),
        300);
    // A reviewer's view works as before: its school's applications.
    const QString reviewer = client.accountWithRole(QStringLiteral("reviewer"));
    const QString school = client.account(reviewer).value(QStringLiteral("school_ids")).toArray().first().toString();
    const QString reviewerToken = client.login(reviewer);
    int applications = 0;
    QString child;
    for (const QJsonObject& c : client.pullAll(reviewerToken)) {
        if (c.value(QStringLiteral("entity")).toString() != QLatin1String("application"))
            continue;
        const QJsonObject d = c.value(QStringLiteral("data")).toObject();
        QCOMPARE(d.value(QStringLiteral("target_school_id")).toString(), school);
        child = d.value(QStringLiteral("child")).toObject().value(QStringLiteral("id_number")).toString();
        ++applications;
    }
    QVERIFY(applications > 0);
    // A lookup, whose ID number must not reach the log (checked below).
    const auto lookup = client.get(QStringLiteral("/api/v1/agency/lookup?id_number=") + child, reviewerToken);
    QCOMPARE(lookup.status, 200);
    QVERIFY(!lookup.json.value(QStringLiteral("records")).toArray().isEmpty());
    stopHub();
}

void TestHubProcess::logLinesAreOnePerRequestWithoutPersonalData()
{
    const QStringList lines = QString::fromUtf8(m_stderr).split(u'\n');
    const QStringList requests = lines.filter(QRegularExpression(QStringLiteral("^admissions\\.hub: (GET|POST|PUT) ")));
    QVERIFY(requests.size() >= 10);
    for (const QString& line : requests) {
        QVERIFY2(line.contains(QRegularExpression(QStringLiteral(" \\d{3} \\d+ms account=\\S+$"))), qPrintable(line));
    }
    QVERIFY(!lines.filter(QStringLiteral("/api/v1/agency/lookup?id_number=…")).isEmpty());
    QVERIFY(!QString::fromUtf8(m_stderr).contains(QRegularExpression(QStringLiteral("\\d{17}[\\dX]"))));
    QVERIFY(QString::fromUtf8(m_stderr).contains(QStringLiteral("SANDBOX ONLY")));
}

void TestHubProcess::badOptionsAreRefused_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no data dir") << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
    QTest::newRow("bad listen") << QStringList{QStringLiteral("--data-dir"), QStringLiteral("x"),
                                               QStringLiteral("--listen"), QStringLiteral("somewhere")};
    QTest::newRow("bad faults") << QStringList{QStringLiteral("--data-dir"), QStringLiteral("x"),
                                               QStringLiteral("--faults"), QStringLiteral("explode:changes")};
    QTest::newRow("bad live") << QStringList{QStringLiteral("--data-dir"), QStringLiteral("x"),
                                             QStringLiteral("--live"), QStringLiteral("fast")};
}

void TestHubProcess::badOptionsAreRefused()
{
    QFETCH(QStringList, args);
    QDir::setCurrent(m_dir.path());
    const auto r = testsupport::run(QStringLiteral("admissions-hub"), args, {}, {}, 20000);
    QVERIFY(r.exitCode != 0);
    QVERIFY(!r.crashed);
    QVERIFY(!r.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestHubProcess)
#include "tst_hubprocess.moc"
