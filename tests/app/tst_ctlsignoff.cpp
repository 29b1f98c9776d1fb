#include "CtlFixture.h"
#include "domain/IdNumber.h"
#include "store/Sql.h"
#include "store/Workspace.h"
#include "sync/SyncState.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

// `admissionsctl key signing-generate`, `batch …`, `relations` and `audit verify` (issue 14), the real
// program on a real cache holding an imported city whose decisions the platform accepted: a principal
// makes an SM2 key, a batch, marks its overrides seen, signs, exports, and the openssl command line
// verifies the export; bad input exits 2 with a sentence and changes nothing; a reviewer cannot sign.
class TestCtlSignOff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void badInputChangesNothing_data();
    void badInputChangesNothing();
    void createSeenSignExportVerify();
    void reviewerCannotSign();
    void relationsAddAndList();
    void auditVerify();

private:
    testsupport::ProcessResult as(const QString& user, QStringList args);
    testsupport::ProcessResult principal(const QStringList& args) { return as(kPrincipal, args); }
    qint64 count(const QString& sql);

    static inline const QString kPrincipal = QStringLiteral("admin");
    static inline const QString kReviewer = QStringLiteral("officer");
    static inline const QString kReviewerPassphrase = QStringLiteral("officer passphrase 3");
    static inline const QString kAccount = QStringLiteral("principal.test");

    QTemporaryDir m_tmp;
    QString m_data;
    QString m_school;
    QStringList m_decided; // the applications decided (accepted upstream) before the tests
    QString m_batch;       // made and signed by createSeenSignExportVerify
};

namespace {

// The openssl command of docs/signoff.md for SM2 with SM3, run in `dir`.
bool opensslVerifies(const QString& dir, QString* output)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"),
            {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"), QStringLiteral("-inkey"),
             QStringLiteral("signer.pem"), QStringLiteral("-rawin"), QStringLiteral("-in"),
             QStringLiteral("batch.json"), QStringLiteral("-sigfile"), QStringLiteral("batch.sig"),
             QStringLiteral("-digest"), QStringLiteral("sm3"), QStringLiteral("-pkeyopt"),
             QStringLiteral("distid:1234567812345678")});
    if (!p.waitForFinished(60000))
        return false;
    *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0 &&
           output->contains(QStringLiteral("Signature Verified Successfully"));
}

} // namespace

testsupport::ProcessResult TestCtlSignOff::as(const QString& user, QStringList args)
{
    args << QStringLiteral("--user") << user << QStringLiteral("--data-dir") << m_data;
    if (user == kPrincipal)
        return CtlFixture::ctl(args);
    return CtlFixture::ctl(args, {{QStringLiteral("ADMISSIONS_PASSPHRASE"), kReviewerPassphrase}});
}

qint64 TestCtlSignOff::count(const QString& sql)
{
    auto ws = adm::store::Workspace::unlock(m_data, kPrincipal, CtlFixture::kPassphrase);
    if (!ws)
        return -1;
    auto v = (*ws)->database().writer().scalar(sql);
    return v ? v->toLongLong() : -1;
}

void TestCtlSignOff::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    const QString city = m_tmp.filePath(QStringLiteral("city.jsonl"));
    m_data = m_tmp.filePath(QStringLiteral("ws"));
    QVERIFY(CtlFixture::generate(city, 200, 14));
    QVERIFY(CtlFixture::init(m_data, kPrincipal, QStringLiteral("principal")));
    auto r = CtlFixture::ctl({QStringLiteral("import"), QStringLiteral("--data-dir"), m_data, city});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = CtlFixture::ctl({QStringLiteral("users"), QStringLiteral("add"), kReviewer, QStringLiteral("--role"),
                         QStringLiteral("reviewer"), QStringLiteral("--user"), kPrincipal, QStringLiteral("--data-dir"),
                         m_data},
                        {{QStringLiteral("ADMISSIONS_NEW_PASSPHRASE"), kReviewerPassphrase}});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    // The platform accepted four decisions of one school, as a pull brings them: approved or rejected,
    // with the decision, unsigned. One approval differs from the check (an override).
    auto ws = adm::store::Workspace::unlock(m_data, kPrincipal, CtlFixture::kPassphrase);
    QVERIFY(ws.ok());
    adm::store::Connection& c = (*ws)->database().writer();
    auto school = c.prepare(QStringLiteral("SELECT target_school_id FROM applications WHERE status = 'submitted' "
                                           "GROUP BY target_school_id HAVING count(*) >= 4 ORDER BY 1 LIMIT 1"));
    QVERIFY(school.ok() && school->step());
    m_school = school->text(0);
    auto apps = c.prepare(
        QStringLiteral("SELECT a.id, a.version, a.data, coalesce(e.category, '') FROM applications a LEFT JOIN "
                       "eligibility_results e ON e.application_id = a.id WHERE a.target_school_id = ? AND "
                       "a.status = 'submitted' ORDER BY a.id LIMIT 4"));
    QVERIFY(apps.ok());
    apps->bind(1, m_school);
    struct Row {
        QString id;
        qint64 version;
        QJsonObject data;
        QString check;
    };
    QList<Row> rows;
    while (apps->step())
        rows.append({apps->text(0), apps->int64(1), QJsonDocument::fromJson(apps->utf8(2)).object(), apps->text(3)});
    QCOMPARE(rows.size(), 4);
    const QStringList categories{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")};
    for (int i = 0; i < rows.size(); ++i) {
        Row& row = rows[i];
        const bool rejected = i == 2;
        QString category = categories.contains(row.check) ? row.check : QStringLiteral("A");
        if (i == 1) // an override for certain: another category than the check's
            category = row.check == QLatin1String("A") ? QStringLiteral("B") : QStringLiteral("A");
        row.data.insert(QStringLiteral("status"), rejected ? QStringLiteral("rejected") : QStringLiteral("approved"));
        row.data.insert(QStringLiteral("version"), row.version + 1);
        row.data.insert(
            QStringLiteral("decision"),
            QJsonObject{{QStringLiteral("outcome"), rejected ? QStringLiteral("reject") : QStringLiteral("approve")},
                        {QStringLiteral("category"), rejected ? QJsonValue() : QJsonValue(category)},
                        {QStringLiteral("reason_code"), i == 1     ? QJsonValue(QStringLiteral("category_override"))
                                                        : rejected ? QJsonValue(QStringLiteral("not_in_zone"))
                                                                   : QJsonValue()},
                        {QStringLiteral("note"), i == 1 ? QJsonValue(QStringLiteral("原件已核")) : QJsonValue()},
                        {QStringLiteral("decided_by"), QStringLiteral("reviewer.test")},
                        {QStringLiteral("decided_at"), QStringLiteral("2026-06-01T08:30:00Z")},
                        {QStringLiteral("batch_id"), QJsonValue()},
                        {QStringLiteral("signed"), false}});
        auto u = c.prepare(QStringLiteral("UPDATE applications SET status = ?, version = ?, data = ? WHERE id = ?"));
        QVERIFY(u.ok());
        u->bind(1, row.data.value(QStringLiteral("status")).toString()).bind(2, row.version + 1);
        u->bindUtf8(3, QJsonDocument(row.data).toJson(QJsonDocument::Compact)).bind(4, row.id);
        QVERIFY(u->run().ok());
        m_decided << row.id;
    }
    // The principal's hub account, as `login` remembers it.
    QVERIFY(adm::sync::SyncState(c).setAccountFor(kPrincipal, kAccount).ok());
}

void TestCtlSignOff::badInputChangesNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::newRow("unknown algorithm") << QStringList{QStringLiteral("key"), QStringLiteral("signing-generate"),
                                                      QStringLiteral("--algorithm"), QStringLiteral("rsa")}
                                       << QStringLiteral("ed25519 or sm2-sm3");
    QTest::newRow("no title") << QStringList{QStringLiteral("batch"), QStringLiteral("create")}
                              << QStringLiteral("--title");
    QTest::newRow("outcome") << QStringList{QStringLiteral("batch"),     QStringLiteral("create"),
                                            QStringLiteral("--title"),   QStringLiteral("T"),
                                            QStringLiteral("--outcome"), QStringLiteral("maybe")}
                             << QStringLiteral("approve or reject");
    QTest::newRow("date") << QStringList{QStringLiteral("batch"),   QStringLiteral("create"),
                                         QStringLiteral("--title"), QStringLiteral("T"),
                                         QStringLiteral("--from"),  QStringLiteral("2026-13-01")}
                          << QStringLiteral("2026-13-01");
    QTest::newRow("dates reversed") << QStringList{QStringLiteral("batch"),   QStringLiteral("create"),
                                                   QStringLiteral("--title"), QStringLiteral("T"),
                                                   QStringLiteral("--from"),  QStringLiteral("2026-06-02"),
                                                   QStringLiteral("--to"),    QStringLiteral("2026-06-01")}
                                    << QStringLiteral("after");
    QTest::newRow("nothing in those dates")
        << QStringList{QStringLiteral("batch"), QStringLiteral("create"), QStringLiteral("--title"),
                       QStringLiteral("T"),     QStringLiteral("--to"),   QStringLiteral("2026-05-01")}
        << QStringLiteral("No decision");
    QTest::newRow("unknown school") << QStringList{QStringLiteral("batch"),    QStringLiteral("create"),
                                                   QStringLiteral("--title"),  QStringLiteral("T"),
                                                   QStringLiteral("--school"), QStringLiteral("S000")}
                                    << QStringLiteral("S000");
    QTest::newRow("unknown action") << QStringList{QStringLiteral("batch"), QStringLiteral("approve")}
                                    << QStringLiteral("usage");
    QTest::newRow("unknown batch") << QStringList{QStringLiteral("batch"), QStringLiteral("sign"),
                                                  QStringLiteral("no-such-batch")}
                                   << QStringLiteral("no-such-batch");
    QTest::newRow("seen what") << QStringList{QStringLiteral("batch"), QStringLiteral("seen"), QStringLiteral("B")}
                               << QStringLiteral("--all");
    QTest::newRow("export where") << QStringList{QStringLiteral("batch"), QStringLiteral("export"), QStringLiteral("B")}
                                  << QStringLiteral("--out");
    QTest::newRow("return why") << QStringList{QStringLiteral("batch"), QStringLiteral("return"), QStringLiteral("B"),
                                               QStringLiteral("A1")}
                                << QStringLiteral("--note");
    QTest::newRow("relation not an id") << QStringList{QStringLiteral("relations"), QStringLiteral("add"),
                                                       QStringLiteral("12345")}
                                        << QStringLiteral("ID number");
    QTest::newRow("audit what") << QStringList{QStringLiteral("audit")} << QStringLiteral("audit verify");
}

void TestCtlSignOff::badInputChangesNothing()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    const QString state = QStringLiteral(
        "SELECT (SELECT count(*) FROM batches) + (SELECT count(*) FROM signing_keys) + (SELECT count(*) FROM outbox) + "
        "(SELECT count(*) FROM relations) + (SELECT count(*) FROM audit_log) * 1000");
    const qint64 before = count(state);
    const auto r = principal(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(says), r.err.constData());
    QCOMPARE(count(state), before);
}

void TestCtlSignOff::createSeenSignExportVerify()
{
    auto r = principal({QStringLiteral("key"), QStringLiteral("signing-generate"), QStringLiteral("--algorithm"),
                        QStringLiteral("sm2-sm3")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString printed = QString::fromUtf8(r.out);
    QVERIFY2(printed.contains(QStringLiteral("key_id: %1-").arg(kAccount)), r.out.constData());
    QVERIFY2(printed.contains(QStringLiteral("algorithm: sm2-sm3")), r.out.constData());
    const QString fingerprint = printed.section(QStringLiteral("fingerprint: "), 1).trimmed();
    QCOMPARE(fingerprint.size(), 79);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'signing_key'")), qint64(1));

    r = principal({QStringLiteral("batch"), QStringLiteral("candidates"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject outcomes = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("outcomes")).toObject();
    QCOMPARE(outcomes.value(QStringLiteral("approve")).toArray().size(), 3);
    QCOMPARE(outcomes.value(QStringLiteral("reject")).toArray().size(), 1);

    r = principal({QStringLiteral("batch"), QStringLiteral("create"), QStringLiteral("--title"),
                   QStringLiteral("第一轮录取"), QStringLiteral("--from"), QStringLiteral("2026-06-01"),
                   QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject made = QJsonDocument::fromJson(r.out).object();
    m_batch = made.value(QStringLiteral("id")).toString();
    QVERIFY(!m_batch.isEmpty());
    QCOMPARE(made.value(QStringLiteral("state")).toString(), QStringLiteral("draft"));
    QCOMPARE(made.value(QStringLiteral("items")).toInt(), 4);
    QVERIFY(made.value(QStringLiteral("overrides")).toInt() >= 1);

    r = principal({QStringLiteral("batch"), QStringLiteral("show"), m_batch, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject shown = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(shown.value(QStringLiteral("items")).toArray().size(), 4);
    QVERIFY(shown.value(QStringLiteral("override_ids")).toArray().contains(m_decided.at(1)));
    const QJsonObject seats = shown.value(QStringLiteral("seats")).toObject();
    QCOMPARE(seats.value(QStringLiteral("school_id")).toString(), m_school);
    QCOMPARE(seats.value(QStringLiteral("categories")).toArray().size(), 3);
    QVERIFY(seats.value(QStringLiteral("approved")).toInteger() >= 3);
    for (const QJsonValue& v : shown.value(QStringLiteral("items")).toArray())
        QCOMPARE(v.toObject().value(QStringLiteral("decided_by")).toString(), QStringLiteral("reviewer.test"));
    r = principal({QStringLiteral("batch"), QStringLiteral("show"), m_batch});
    QVERIFY2(r.exitCode == 0 && r.out.contains("NOT SEEN"), r.out.constData());

    // Not before every override is seen.
    r = principal({QStringLiteral("batch"), QStringLiteral("sign"), m_batch});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("seen"), r.err.constData());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'batch'")), qint64(0));
    r = principal({QStringLiteral("batch"), QStringLiteral("seen"), m_batch, QStringLiteral("--all")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = principal({QStringLiteral("batch"), QStringLiteral("sign"), m_batch});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.contains(fingerprint.toUtf8()), r.err.constData());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'batch' AND state = 'pending'")),
             qint64(1));
    r = principal({QStringLiteral("batch"), QStringLiteral("sign"), m_batch});
    QCOMPARE(r.exitCode, 2); // signed once

    r = principal({QStringLiteral("batch"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray list = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(QStringLiteral("state")).toString(), QStringLiteral("signed"));

    // Exported and checked with openssl, without this software.
    const QString dir = m_tmp.filePath(QStringLiteral("export"));
    r = principal({QStringLiteral("batch"), QStringLiteral("export"), m_batch, QStringLiteral("--out"), dir});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    for (const char* name : {"batch.json", "batch.sig", "signer.pem"})
        QVERIFY2(QFile::exists(dir + u'/' + QLatin1String(name)), name);
    QFile json(dir + QStringLiteral("/batch.json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QByteArray bytes = json.readAll();
    json.close();
    const QJsonObject batch = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(batch.value(QStringLiteral("id")).toString(), m_batch);
    QCOMPARE(batch.value(QStringLiteral("signer")).toString(), kAccount);
    QCOMPARE(batch.value(QStringLiteral("algorithm")).toString(), QStringLiteral("sm2-sm3"));
    QCOMPARE(batch.value(QStringLiteral("items")).toArray().size(), 4);
    QVERIFY(!bytes.endsWith('\n'));
    QString output;
    QVERIFY2(opensslVerifies(dir, &output), qPrintable(output));
    // The fingerprint printed is the one openssl computes from signer.pem.
    QProcess der;
    der.setWorkingDirectory(dir);
    der.start(QStringLiteral("openssl"),
              {QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-in"), QStringLiteral("signer.pem"),
               QStringLiteral("-outform"), QStringLiteral("DER")});
    QVERIFY(der.waitForFinished(60000));
    QString digest =
        QString::fromLatin1(QCryptographicHash::hash(der.readAllStandardOutput(), QCryptographicHash::Sha256).toHex());
    QCOMPARE(fingerprint.split(u':').join(QString()), digest);
    // One byte changed: openssl refuses it.
    QByteArray changed = bytes;
    changed.replace("第一轮录取", "第二轮录取");
    QVERIFY(changed != bytes);
    QVERIFY(json.open(QIODevice::WriteOnly | QIODevice::Truncate));
    json.write(changed);
    json.close();
    QVERIFY(!opensslVerifies(dir, &output));
    QVERIFY2(output.contains(QStringLiteral("Signature Verification Failure")), qPrintable(output));
}

void TestCtlSignOff::reviewerCannotSign()
{
    QVERIFY(!m_batch.isEmpty());
    auto r = as(kReviewer,
                {QStringLiteral("batch"), QStringLiteral("create"), QStringLiteral("--title"), QStringLiteral("T")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("principal"), r.err.constData());
    r = as(kReviewer, {QStringLiteral("key"), QStringLiteral("signing-generate")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("principal"), r.err.constData());
    r = as(kReviewer, {QStringLiteral("batch"), QStringLiteral("sign"), m_batch});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("principal"), r.err.constData());
}

void TestCtlSignOff::relationsAddAndList()
{
    const QString first17 = QStringLiteral("37110219800101001");
    const QString id = first17 + adm::IdNumber::checkCharacter(first17);
    auto r = principal(
        {QStringLiteral("relations"), QStringLiteral("add"), id, QStringLiteral("--note"), QStringLiteral("表弟")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = principal({QStringLiteral("relations"), QStringLiteral("add"), id});
    QVERIFY2(r.exitCode == 0 && r.err.contains("already"), r.err.constData());
    r = principal({QStringLiteral("relations"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray list = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(QStringLiteral("id_number")).toString(), adm::IdNumber::masked(id));
    QVERIFY(!r.out.contains(id.toUtf8()));
    // The reviewer's own list is theirs.
    r = as(kReviewer, {QStringLiteral("relations"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(QJsonDocument::fromJson(r.out).array().isEmpty());
}

void TestCtlSignOff::auditVerify()
{
    auto r = principal({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QVERIFY(o.value(QStringLiteral("ok")).toBool());
    QVERIFY(o.value(QStringLiteral("entries")).toInteger() > 3);
    QCOMPARE(o.value(QStringLiteral("acknowledged_seq")).toInteger(), 0); // never synced
    QCOMPARE(o.value(QStringLiteral("not_acknowledged")).toInteger(), o.value(QStringLiteral("last_seq")).toInteger());
    r = principal({QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(r.exitCode == 0 && r.out.contains("whole"), r.out.constData());
    QVERIFY2(r.out.contains("not acknowledged any entry"), r.out.constData());

    // An entry changed behind the log's back: the chain breaks, exit 1.
    {
        auto ws = adm::store::Workspace::unlock(m_data, kPrincipal, CtlFixture::kPassphrase);
        QVERIFY(ws.ok());
        QVERIFY(
            (*ws)->database().writer().exec(QStringLiteral("UPDATE audit_log SET subject = 'x' WHERE seq = 2")).ok());
    }
    r = principal({QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("NOT whole") && r.out.contains("entry 2"), r.out.constData());
}

QTEST_GUILESS_MAIN(TestCtlSignOff)
#include "tst_ctlsignoff.moc"
