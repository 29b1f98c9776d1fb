#include "CtlFixture.h"
#include "domain/JsonCodec.h"
#include "store/Sql.h"
#include "store/Workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <algorithm>

// `admissionsctl report` (issue 16), the real program on a real cache: every school's figures and
// every officer's against counts made from the bundle it imported; scopes by role; bad input.
class TestCtlReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cityReportMatchesTheBundle();
    void districtAndSchoolScopes();
    void rolesAndBadScopes_data();
    void rolesAndBadScopes();
    void textReport();

private:
    testsupport::ProcessResult as(const QString& user, QStringList args);
    QJsonObject report(const QString& user, const QStringList& extra = {});

    struct School {
        QString district;
        qint64 capacity = 0, applications = 0, online = 0, counter = 0, approved = 0;
        QMap<QString, qint64> byStatus;
        QList<int> hours;
    };
    struct Officer {
        qint64 decisions = 0, infoRequests = 0;
    };
    QTemporaryDir m_tmp;
    QString m_data;
    QMap<QString, School> m_schools;
    QMap<QString, Officer> m_officers;
    QMap<QString, QString> m_checked; // application: category as the cache's check found it
    QMap<QString, QString> m_schoolOf;
};

namespace {
const QString kAdmin = QStringLiteral("admin");
const QString kUserPassphrase = QStringLiteral("another passphrase 2");
} // namespace

testsupport::ProcessResult TestCtlReport::as(const QString& user, QStringList args)
{
    args << QStringLiteral("--user") << user << QStringLiteral("--data-dir") << m_data;
    if (user == kAdmin)
        return CtlFixture::ctl(args);
    return CtlFixture::ctl(args, {{QStringLiteral("ADMISSIONS_PASSPHRASE"), kUserPassphrase}});
}

QJsonObject TestCtlReport::report(const QString& user, const QStringList& extra)
{
    const auto r = as(user, QStringList{QStringLiteral("report"), QStringLiteral("--json")} + extra);
    if (r.exitCode != 0)
        qWarning() << r.err;
    return QJsonDocument::fromJson(r.out).object();
}

void TestCtlReport::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    const QString generated = m_tmp.filePath(QStringLiteral("city.jsonl"));
    const QString city = m_tmp.filePath(QStringLiteral("decided.jsonl"));
    m_data = m_tmp.filePath(QStringLiteral("ws"));
    QVERIFY(CtlFixture::generate(generated, 400, 21));
    // The bundle with decisions of three officers on some applications, and what it holds, counted here.
    QFile in(generated), out(city);
    QVERIFY(in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
    int n = 0;
    while (!in.atEnd()) {
        QJsonObject change = QJsonDocument::fromJson(in.readLine()).object();
        QJsonObject data = change.value(QStringLiteral("data")).toObject();
        const QString entity = change.value(QStringLiteral("entity")).toString();
        if (entity == QLatin1String("school")) {
            School& s = m_schools[change.value(QStringLiteral("id")).toString()];
            s.district = data.value(QStringLiteral("district_code")).toString();
            s.capacity = data.value(QStringLiteral("capacity")).toInteger();
        } else if (entity == QLatin1String("application")) {
            ++n;
            School& s = m_schools[data.value(QStringLiteral("target_school_id")).toString()];
            m_schoolOf.insert(change.value(QStringLiteral("id")).toString(),
                              data.value(QStringLiteral("target_school_id")).toString());
            QString status = data.value(QStringLiteral("status")).toString();
            if (n % 3 == 0) {
                const QString officer = QStringLiteral("officer.%1").arg(n % 4);
                const QString outcome = n % 9 == 0 ? QStringLiteral("request_info") : QStringLiteral("approve");
                const QDateTime submitted = adm::json::parseTime(data.value(QStringLiteral("submitted_at")).toString());
                const QDateTime decided = submitted.addSecs(qint64(n) * 1800);
                data.insert(
                    QStringLiteral("decision"),
                    QJsonObject{{QStringLiteral("outcome"), outcome},
                                {QStringLiteral("category"),
                                 outcome == QLatin1String("approve") ? QJsonValue(QStringLiteral("B")) : QJsonValue()},
                                {QStringLiteral("decided_by"), officer},
                                {QStringLiteral("decided_at"), adm::json::formatTime(decided)}});
                status =
                    outcome == QLatin1String("approve") ? QStringLiteral("approved") : QStringLiteral("info_requested");
                data.insert(QStringLiteral("status"), status);
                change.insert(QStringLiteral("data"), data);
                m_officers[officer].decisions += 1;
                m_officers[officer].infoRequests += outcome == QLatin1String("request_info");
                if (outcome == QLatin1String("approve"))
                    s.hours.append(int(submitted.secsTo(decided) / 3600));
            }
            s.applications += 1;
            s.byStatus[status] += 1;
            s.approved += status == QLatin1String("approved");
            (data.value(QStringLiteral("channel")).toString() == QLatin1String("online") ? s.online : s.counter) += 1;
        }
        out.write(QJsonDocument(change).toJson(QJsonDocument::Compact) + '\n');
    }
    out.close();
    QVERIFY(CtlFixture::init(m_data));
    auto r = CtlFixture::ctl({QStringLiteral("import"), QStringLiteral("--data-dir"), m_data, city});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = CtlFixture::ctl({QStringLiteral("check"), QStringLiteral("--data-dir"), m_data});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    for (const QString& role : {QStringLiteral("clerk"), QStringLiteral("principal"), QStringLiteral("supervisor")}) {
        r = CtlFixture::ctl({QStringLiteral("users"), QStringLiteral("add"), role + QStringLiteral(".one"),
                             QStringLiteral("--role"), role, QStringLiteral("--user"), kAdmin,
                             QStringLiteral("--data-dir"), m_data},
                            {{QStringLiteral("ADMISSIONS_NEW_PASSPHRASE"), kUserPassphrase}});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    auto ws = adm::store::Workspace::unlock(m_data, kAdmin, CtlFixture::kPassphrase);
    QVERIFY(ws.ok());
    auto q =
        (*ws)->database().writer().prepare(QStringLiteral("SELECT application_id, category FROM eligibility_results"));
    QVERIFY(q.ok());
    while (q->step())
        m_checked.insert(q->text(0), q->text(1));
    QVERIFY(!m_checked.isEmpty());
}

void TestCtlReport::cityReportMatchesTheBundle()
{
    const QJsonObject o = report(QStringLiteral("supervisor.one"));
    QCOMPARE(o.value(QStringLiteral("scope")).toString(), QStringLiteral("371100"));
    QVERIFY(adm::json::parseTime(o.value(QStringLiteral("generated_at")).toString()).isValid());
    const QJsonArray schools = o.value(QStringLiteral("schools")).toArray();
    QCOMPARE(schools.size(), m_schools.size());
    QMap<QString, QMap<QString, qint64>> checked;
    for (auto it = m_checked.cbegin(); it != m_checked.cend(); ++it)
        checked[m_schoolOf.value(it.key())][it.value()] += 1;
    for (const QJsonValue& v : schools) {
        const QJsonObject s = v.toObject();
        const QString id = s.value(QStringLiteral("school_id")).toString();
        QVERIFY2(m_schools.contains(id), qPrintable(id));
        const School& x = m_schools.value(id);
        QCOMPARE(s.value(QStringLiteral("district_code")).toString(), x.district);
        QCOMPARE(s.value(QStringLiteral("capacity")).toInteger(), x.capacity);
        QCOMPARE(s.value(QStringLiteral("applications")).toInteger(), x.applications);
        QCOMPARE(s.value(QStringLiteral("approved")).toInteger(), x.approved);
        const QJsonObject byChannel = s.value(QStringLiteral("by_channel")).toObject();
        QCOMPARE(byChannel.value(QStringLiteral("online")).toInteger(), x.online);
        QCOMPARE(byChannel.value(QStringLiteral("counter")).toInteger(), x.counter);
        const QJsonObject byStatus = s.value(QStringLiteral("by_status")).toObject();
        for (const QString& status : byStatus.keys())
            QCOMPARE(byStatus.value(status).toInteger(), x.byStatus.value(status));
        const QJsonObject byChecked = s.value(QStringLiteral("by_checked_category")).toObject();
        const QStringList keys = byChecked.keys();
        QCOMPARE(QSet<QString>(keys.begin(), keys.end()), (QSet<QString>{QStringLiteral("A"), QStringLiteral("B"),
                                                                         QStringLiteral("C"), QStringLiteral("none")}));
        for (const QString& c : byChecked.keys())
            QCOMPARE(byChecked.value(c).toInteger(), checked.value(id).value(c));
        QVERIFY(s.value(QStringLiteral("flags")).toObject().contains(QStringLiteral("duplicate_application")));
        QList<int> hours = x.hours;
        std::sort(hours.begin(), hours.end());
        const QJsonValue median = s.value(QStringLiteral("median_hours_to_decision"));
        if (hours.isEmpty())
            QVERIFY(median.isNull());
        else
            QCOMPARE(median.toInt(), hours.at((hours.size() + 1) / 2 - 1));
    }
    const QJsonArray reviewers = o.value(QStringLiteral("reviewers")).toArray();
    QCOMPARE(reviewers.size(), m_officers.size());
    for (const QJsonValue& v : reviewers) {
        const QJsonObject r = v.toObject();
        const Officer x = m_officers.value(r.value(QStringLiteral("account")).toString());
        QCOMPARE(r.value(QStringLiteral("decisions")).toInteger(), x.decisions);
        QCOMPARE(r.value(QStringLiteral("info_requests")).toInteger(), x.infoRequests);
        QVERIFY(r.contains(QStringLiteral("overrides")));
    }
    QVERIFY(!o.value(QStringLiteral("districts")).toArray().isEmpty());
}

void TestCtlReport::districtAndSchoolScopes()
{
    const QString school = m_schoolOf.first();
    const QString district = m_schools.value(school).district;
    QJsonObject o = report(QStringLiteral("supervisor.one"), {QStringLiteral("--scope"), district});
    QCOMPARE(o.value(QStringLiteral("scope")).toString(), district);
    qint64 expected = 0, schools = 0;
    for (const School& s : std::as_const(m_schools))
        if (s.district == district) {
            expected += s.applications;
            ++schools;
        }
    QCOMPARE(o.value(QStringLiteral("schools")).toArray().size(), schools);
    QCOMPARE(o.value(QStringLiteral("districts")).toArray().size(), 1);
    QCOMPARE(o.value(QStringLiteral("districts"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("applications"))
                 .toInteger(),
             expected);
    o = report(QStringLiteral("principal.one"), {QStringLiteral("--scope"), school});
    QCOMPARE(o.value(QStringLiteral("scope")).toString(), school);
    QCOMPARE(o.value(QStringLiteral("schools")).toArray().size(), 1);
    QCOMPARE(o.value(QStringLiteral("schools"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("applications"))
                 .toInteger(),
             m_schools.value(school).applications);
}

void TestCtlReport::rolesAndBadScopes_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::addRow("reviewer") << kAdmin << QStringList{} << QStringLiteral("may not read the supervision figures");
    QTest::addRow("clerk") << QStringLiteral("clerk.one")
                           << QStringList{QStringLiteral("--scope"), QStringLiteral("371100")}
                           << QStringLiteral("may not read the supervision figures");
    QTest::addRow("principal, the city") << QStringLiteral("principal.one")
                                         << QStringList{QStringLiteral("--scope"), QStringLiteral("371100")}
                                         << QStringLiteral("A principal reads the figures of the school");
    QTest::addRow("unknown scope") << QStringLiteral("supervisor.one")
                                   << QStringList{QStringLiteral("--scope"), QStringLiteral("379999")}
                                   << QStringLiteral("\"379999\" is not a scope this workstation holds");
    QTest::addRow("empty scope") << QStringLiteral("supervisor.one")
                                 << QStringList{QStringLiteral("--scope="), QString()}
                                 << QStringLiteral("--scope takes");
}

void TestCtlReport::rolesAndBadScopes()
{
    QFETCH(QString, user);
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    args.removeAll(QString());
    const auto r = as(user, QStringList{QStringLiteral("report"), QStringLiteral("--json")} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(QString::fromUtf8(r.err).contains(says), r.err.constData());
}

void TestCtlReport::textReport()
{
    const auto r = as(QStringLiteral("supervisor.one"), {QStringLiteral("report")});
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY2(text.contains(QStringLiteral("Scope 371100 (city)")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("officer.1")));
    // Maintenance: the counters made again give the same figures.
    const QJsonObject before = report(QStringLiteral("supervisor.one"));
    const auto rebuilt = as(QStringLiteral("supervisor.one"),
                            {QStringLiteral("report"), QStringLiteral("--json"), QStringLiteral("--rebuild")});
    QCOMPARE(rebuilt.exitCode, 0);
    QJsonObject a = before, b = QJsonDocument::fromJson(rebuilt.out).object();
    a.remove(QStringLiteral("generated_at"));
    b.remove(QStringLiteral("generated_at"));
    QCOMPARE(a, b);
}

QTEST_GUILESS_MAIN(TestCtlReport)
#include "tst_ctlreport.moc"
