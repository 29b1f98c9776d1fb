#include "CtlFixture.h"
#include "PdfText.h"
#include "domain/IdNumber.h"
#include "security/AuditLog.h"
#include "store/Sql.h"
#include "store/Workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

// `admissionsctl intake`, `receipt` and `counter list` (issue 13), the real program on a real cache
// holding an imported city: a walk-in application is saved with a local number and waits for the
// upload; bad input exits 2 with a sentence naming the field and saves nothing; the receipt is a PDF
// with the local number and no full ID number; a supervisor may not take applications.
class TestCtlIntake : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void validIntakeWaitsForUpload();
    void twoIntakesGetDifferentNumbers();
    void jsonPrintsTheRecordMasked();
    void badInputSavesNothing_data();
    void badInputSavesNothing();
    void receiptIsAPdfWithTheLocalNumber();
    void receiptOfAnUnknownNumber();
    void supervisorIsRefused();
    void auditNamesNoOne();

private:
    testsupport::ProcessResult as(const QString& user, QStringList args);
    testsupport::ProcessResult intake(const QString& file, const QStringList& extra = {});
    QString childId(int n) const;
    QString guardianId(int n) const;
    QJsonObject application(int n) const;
    QString writeFile(const QString& name, const QByteArray& bytes);
    QJsonArray counterList();
    qint64 outboxItems();

    QTemporaryDir m_tmp;
    QString m_data;
    QString m_school;
    QString m_district;
    QDate m_birth;
    int m_year = 0;
    QSet<QString> m_names;
    QSet<QString> m_idNumbers;
};

namespace {
const QString kAdmin = QStringLiteral("admin"); // a reviewer (who may take counter applications)
const QString kSupervisor = QStringLiteral("supervisor.one");
const QString kUserPassphrase = QStringLiteral("another passphrase 2");

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

void TestCtlIntake::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    const QString city = m_tmp.filePath(QStringLiteral("city.jsonl"));
    m_data = m_tmp.filePath(QStringLiteral("ws"));
    QVERIFY(CtlFixture::generate(city, 200, 13));
    QVERIFY(CtlFixture::init(m_data));
    auto r = CtlFixture::ctl({QStringLiteral("import"), QStringLiteral("--data-dir"), m_data, city});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = CtlFixture::ctl({QStringLiteral("users"), QStringLiteral("add"), kSupervisor, QStringLiteral("--role"),
                         QStringLiteral("supervisor"), QStringLiteral("--user"), kAdmin, QStringLiteral("--data-dir"),
                         m_data},
                        {{QStringLiteral("ADMISSIONS_NEW_PASSPHRASE"), kUserPassphrase}});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    // A primary school of the imported city, and the birth range of its district's policy.
    auto ws = adm::store::Workspace::unlock(m_data, kAdmin, CtlFixture::kPassphrase);
    QVERIFY(ws.ok());
    adm::store::Connection& c = (*ws)->database().writer();
    auto school =
        c.prepare(QStringLiteral("SELECT id, district_code FROM schools WHERE level = 'primary' ORDER BY id LIMIT 1"));
    QVERIFY(school.ok() && school->step());
    m_school = school->text(0);
    m_district = school->text(1);
    auto policy = c.prepare(QStringLiteral("SELECT admission_year, data FROM policies WHERE district_code = ? AND "
                                           "grade = 'primary1' ORDER BY admission_year DESC LIMIT 1"));
    QVERIFY(policy.ok());
    policy->bind(1, m_district);
    QVERIFY(policy->step());
    m_year = int(policy->int64(0));
    m_birth = QDate::fromString(
        QJsonDocument::fromJson(policy->text(1).toUtf8()).object().value(QStringLiteral("birth_from")).toString(),
        Qt::ISODate);
    QVERIFY(m_birth.isValid());
    QVERIFY(m_year > 2000);
}

testsupport::ProcessResult TestCtlIntake::as(const QString& user, QStringList args)
{
    args << QStringLiteral("--user") << user << QStringLiteral("--data-dir") << m_data;
    if (user == kAdmin)
        return CtlFixture::ctl(args);
    return CtlFixture::ctl(args, {{QStringLiteral("ADMISSIONS_PASSPHRASE"), kUserPassphrase}});
}

testsupport::ProcessResult TestCtlIntake::intake(const QString& file, const QStringList& extra)
{
    return as(kAdmin, QStringList{QStringLiteral("intake"), QStringLiteral("--input"), file} + extra);
}

QString TestCtlIntake::childId(int n) const
{
    // Born inside the policy's range; the number differs by the sequence code.
    const QString first17 = m_district + m_birth.addDays(n % 200).toString(QStringLiteral("yyyyMMdd")) +
                            QStringLiteral("%1").arg(100 + n, 3, 10, QLatin1Char('0'));
    return first17 + adm::IdNumber::checkCharacter(first17);
}

QString TestCtlIntake::guardianId(int n) const
{
    const QString first17 =
        m_district + QStringLiteral("19880315") + QStringLiteral("%1").arg(n, 3, 10, QLatin1Char('0'));
    return first17 + adm::IdNumber::checkCharacter(first17);
}

QJsonObject TestCtlIntake::application(int n) const
{
    const QString child = QStringLiteral("柜台测试%1").arg(QChar(0x4E00 + n));
    const QString guardian = QStringLiteral("家长测试%1").arg(QChar(0x4E00 + n));
    return QJsonObject{{QStringLiteral("admission_year"), m_year},
                       {QStringLiteral("grade"), QStringLiteral("primary1")},
                       {QStringLiteral("target_school_id"), m_school},
                       {QStringLiteral("child"),
                        QJsonObject{{QStringLiteral("name"), child}, {QStringLiteral("id_number"), childId(n)}}},
                       {QStringLiteral("guardians"),
                        QJsonArray{QJsonObject{{QStringLiteral("name"), guardian},
                                               {QStringLiteral("id_number"), guardianId(n)},
                                               {QStringLiteral("relation"), QStringLiteral("mother")},
                                               {QStringLiteral("phone"), QStringLiteral("139-0000-1111")}}}},
                       {QStringLiteral("claimed_address"), QStringLiteral("东港区海曲东路120号")},
                       {QStringLiteral("claimed_category"), QStringLiteral("A")},
                       {QStringLiteral("paper_evidence"),
                        QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("household_register")},
                                               {QStringLiteral("checked_by"), QStringLiteral("admin")},
                                               {QStringLiteral("note"), QStringLiteral("original seen")}},
                                   QJsonObject{{QStringLiteral("kind"), QStringLiteral("property_certificate")}}}}};
}

QString TestCtlIntake::writeFile(const QString& name, const QByteArray& bytes)
{
    const QString path = m_tmp.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        qWarning() << "cannot write" << path;
    return path;
}

QJsonArray TestCtlIntake::counterList()
{
    const auto r = as(kAdmin, {QStringLiteral("counter"), QStringLiteral("list"), QStringLiteral("--json")});
    if (r.exitCode != 0) {
        qWarning() << "counter list failed:" << r.err;
        return {};
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        qWarning() << "counter list --json is not a JSON list:" << r.out;
    return doc.array();
}

qint64 TestCtlIntake::outboxItems()
{
    const auto r = as(kAdmin, {QStringLiteral("outbox"), QStringLiteral("--json"), QStringLiteral("--all")});
    if (r.exitCode != 0)
        return -1;
    return QJsonDocument::fromJson(r.out).object().value(QStringLiteral("items")).toArray().size();
}

void TestCtlIntake::validIntakeWaitsForUpload()
{
    const QJsonObject app = application(1);
    const auto r = intake(writeFile(QStringLiteral("one.json"), json(app)));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString ref = QString::fromUtf8(r.out).trimmed();
    QVERIFY2(QRegularExpression(QStringLiteral("^S\\d+-[0-9A-F]{8}-\\d{5}$")).match(ref).hasMatch(), qPrintable(ref));
    QVERIFY2(ref.startsWith(m_school + u'-'), qPrintable(ref));

    const QJsonArray list = counterList();
    QJsonObject mine;
    for (const QJsonValue& v : list)
        if (v.toObject().value(QStringLiteral("client_ref")).toString() == ref)
            mine = v.toObject();
    QVERIFY2(!mine.isEmpty(), QJsonDocument(list).toJson().constData());
    QCOMPARE(mine.value(QStringLiteral("state")).toString(), QStringLiteral("waiting"));
    QVERIFY(mine.value(QStringLiteral("application_id")).isNull());
    QCOMPARE(mine.value(QStringLiteral("school_id")).toString(), m_school);
    QCOMPARE(mine.value(QStringLiteral("child_id_number")).toString(), adm::IdNumber::masked(childId(1)));
    QCOMPARE(mine.value(QStringLiteral("paper_evidence")).toArray(),
             (QJsonArray{QStringLiteral("household_register"), QStringLiteral("property_certificate")}));

    // Its outbox item uploads it under the local number.
    const auto outbox = as(kAdmin, {QStringLiteral("outbox"), QStringLiteral("--json")});
    QCOMPARE(outbox.exitCode, 0);
    bool queued = false;
    for (const QJsonValue& v : QJsonDocument::fromJson(outbox.out).object().value(QStringLiteral("items")).toArray())
        queued = queued || (v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("application") &&
                            v.toObject().value(QStringLiteral("subject_id")).toString() == ref &&
                            v.toObject().value(QStringLiteral("state")).toString() == QLatin1String("pending"));
    QVERIFY2(queued, outbox.out.constData());
    // The plain list: number, state, no application id yet, and never the full ID number.
    const auto plain = as(kAdmin, {QStringLiteral("counter"), QStringLiteral("list"), QStringLiteral("--today")});
    QCOMPARE(plain.exitCode, 0);
    QVERIFY2(plain.out.contains((ref + QStringLiteral("\twaiting\t-\t")).toUtf8()), plain.out.constData());
    QVERIFY(!plain.out.contains(childId(1).toUtf8()));
    m_names << app.value(QStringLiteral("child")).toObject().value(QStringLiteral("name")).toString();
    m_idNumbers << childId(1) << guardianId(1);
}

void TestCtlIntake::twoIntakesGetDifferentNumbers()
{
    const auto first = intake(writeFile(QStringLiteral("two-a.json"), json(application(2))));
    const auto second = intake(writeFile(QStringLiteral("two-b.json"), json(application(3))));
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QVERIFY2(second.exitCode == 0, second.err.constData());
    const QString a = QString::fromUtf8(first.out).trimmed();
    const QString b = QString::fromUtf8(second.out).trimmed();
    QVERIFY(a != b);
    // The same workstation: the same station part, the next sequence.
    QCOMPARE(a.section(u'-', 0, 1), b.section(u'-', 0, 1));
    QCOMPARE(b.section(u'-', 2).toInt(), a.section(u'-', 2).toInt() + 1);
    QStringList refs;
    for (const QJsonValue& v : counterList())
        refs << v.toObject().value(QStringLiteral("client_ref")).toString();
    QVERIFY(refs.contains(a) && refs.contains(b));
    m_idNumbers << childId(2) << childId(3) << guardianId(2) << guardianId(3);
}

void TestCtlIntake::jsonPrintsTheRecordMasked()
{
    const auto r = intake(writeFile(QStringLiteral("json.json"), json(application(4))), {QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QVERIFY(o.value(QStringLiteral("client_ref")).toString().startsWith(m_school));
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("waiting"));
    QCOMPARE(o.value(QStringLiteral("taken_by")).toString(), kAdmin);
    QVERIFY(!r.out.contains(childId(4).toUtf8()));
    QVERIFY(!r.out.contains(guardianId(4).toUtf8()));
    m_idNumbers << childId(4) << guardianId(4);
}

void TestCtlIntake::badInputSavesNothing_data()
{
    QTest::addColumn<QByteArray>("bytes"); // empty: no file at all
    QTest::addColumn<QString>("field");    // what the sentence must name
    auto with = [this](const std::function<void(QJsonObject&)>& change) {
        QJsonObject o = application(50);
        change(o);
        return json(o);
    };
    auto child = [](QJsonObject& o, const QString& key, const QJsonValue& value) {
        QJsonObject c = o.value(QStringLiteral("child")).toObject();
        if (value.isUndefined())
            c.remove(key);
        else
            c.insert(key, value);
        o.insert(QStringLiteral("child"), c);
    };
    QString badCheck = childId(50);
    badCheck.back() = badCheck.back() == u'0' ? u'1' : u'0';

    QTest::newRow("missing child name") << with([&](QJsonObject& o) {
        child(o, QStringLiteral("name"), QJsonValue::Undefined);
    }) << QStringLiteral("child.name");
    QTest::newRow("wrong ID check character")
        << with([&](QJsonObject& o) { child(o, QStringLiteral("id_number"), badCheck); })
        << QStringLiteral("child.id_number");
    QTest::newRow("phone of 10 digits") << with([](QJsonObject& o) {
        QJsonArray g = o.value(QStringLiteral("guardians")).toArray();
        QJsonObject first = g.at(0).toObject();
        first.insert(QStringLiteral("phone"), QStringLiteral("1390000111"));
        g.replace(0, first);
        o.insert(QStringLiteral("guardians"), g);
    }) << QStringLiteral("guardians[0].phone");
    QTest::newRow("unknown school") << with([](QJsonObject& o) {
        o.insert(QStringLiteral("target_school_id"), QStringLiteral("S999999999"));
    }) << QStringLiteral("target_school_id");
    QTest::newRow("JSON syntax error") << QByteArray("{\"grade\": \"primary1\",, }")
                                       << QStringLiteral("not valid JSON");
    QTest::newRow("guardians is a number")
        << with([](QJsonObject& o) { o.insert(QStringLiteral("guardians"), 5); }) << QStringLiteral("guardians");
    QTest::newRow("child name is a number")
        << with([&](QJsonObject& o) { child(o, QStringLiteral("name"), 7); }) << QStringLiteral("child.name");
    QTest::newRow("junior grade at a primary school")
        << with([](QJsonObject& o) { o.insert(QStringLiteral("grade"), QStringLiteral("junior7")); })
        << QStringLiteral("grade");
    QTest::newRow("unknown paper evidence") << with([](QJsonObject& o) {
        o.insert(QStringLiteral("paper_evidence"),
                 QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("x")}}});
    }) << QStringLiteral("paper_evidence[0].kind");
    QTest::newRow("a list, not an object") << QByteArray("[1, 2]") << QStringLiteral("JSON object");
    QTest::newRow("empty file") << QByteArray("\n") << QStringLiteral("is empty");
    QTest::newRow("no such file") << QByteArray() << QStringLiteral("no such file");
}

void TestCtlIntake::badInputSavesNothing()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, field);
    const qsizetype before = counterList().size();
    const qint64 items = outboxItems();
    QVERIFY(items >= 0);
    const QString file =
        bytes.isEmpty() ? m_tmp.filePath(QStringLiteral("absent.json")) : writeFile(QStringLiteral("bad.json"), bytes);
    const auto r = intake(file);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err).trimmed();
    QVERIFY2(err.contains(field), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("Nothing was saved")), qPrintable(err));
    QCOMPARE(err.count(u'\n'), 0); // one sentence on one line
    QCOMPARE(counterList().size(), before);
    QCOMPARE(outboxItems(), items);
}

void TestCtlIntake::receiptIsAPdfWithTheLocalNumber()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext is not installed (poppler-utils)");
    const QJsonObject app = application(5);
    const QString name = app.value(QStringLiteral("child")).toObject().value(QStringLiteral("name")).toString();
    // With the intake, in English.
    const QString first = m_tmp.filePath(QStringLiteral("intake-receipt.pdf"));
    auto r = intake(writeFile(QStringLiteral("five.json"), json(app)),
                    {QStringLiteral("--receipt"), first, QStringLiteral("--english")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString ref = QString::fromUtf8(r.out).trimmed();
    QString error;
    QString text = testsupport::pdfText(first, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(text.contains(ref), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Local number")), qPrintable(text));
    QVERIFY(!text.contains(childId(5)));

    // Again later, in Chinese, by its number typed in lower case.
    const QString again = m_tmp.filePath(QStringLiteral("reprint.pdf"));
    r = as(kAdmin, {QStringLiteral("receipt"), ref.toLower(), QStringLiteral("--out"), again});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    text = testsupport::pdfText(again, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(text.contains(ref), qPrintable(text));
    QVERIFY2(text.contains(name), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("本地编号")), qPrintable(text));
    QVERIFY2(text.contains(adm::IdNumber::masked(childId(5))), qPrintable(text));
    QVERIFY(!text.contains(childId(5)));
    QVERIFY(!text.contains(guardianId(5)));

    // The reprint is in the audit log, by its number.
    auto ws = adm::store::Workspace::unlock(m_data, kAdmin, CtlFixture::kPassphrase);
    QVERIFY(ws.ok());
    auto entries = (*ws)->audit().entries();
    QVERIFY(entries.ok());
    QStringList reprints;
    for (const auto& e : *entries)
        if (e.action == QLatin1String("counter.receipt"))
            reprints << e.subject;
    QCOMPARE(reprints, QStringList{QStringLiteral("client_ref=%1").arg(ref)});
    m_names << name;
    m_idNumbers << childId(5) << guardianId(5);
}

void TestCtlIntake::receiptOfAnUnknownNumber()
{
    const QString out = m_tmp.filePath(QStringLiteral("unknown.pdf"));
    auto r = as(kAdmin, {QStringLiteral("receipt"), m_school + QStringLiteral("-00000000-99999"),
                         QStringLiteral("--out"), out});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("no application with local number"), r.err.constData());
    QVERIFY(!QFile::exists(out));
    // A folder that does not exist: said before anything is read.
    r = as(kAdmin, {QStringLiteral("receipt"), m_school + QStringLiteral("-00000000-00001"), QStringLiteral("--out"),
                    m_tmp.filePath(QStringLiteral("no/such/folder/r.pdf"))});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("does not exist"), r.err.constData());
}

void TestCtlIntake::supervisorIsRefused()
{
    const qsizetype before = counterList().size();
    const auto r = as(kSupervisor, {QStringLiteral("intake"), QStringLiteral("--input"),
                                    writeFile(QStringLiteral("sup.json"), json(application(6)))});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("a supervisor may not"), r.err.constData());
    QVERIFY(r.out.isEmpty());
    QCOMPARE(counterList().size(), before);
}

void TestCtlIntake::auditNamesNoOne()
{
    auto ws = adm::store::Workspace::unlock(m_data, kAdmin, CtlFixture::kPassphrase);
    QVERIFY(ws.ok());
    auto entries = (*ws)->audit().entries();
    QVERIFY(entries.ok());
    int intakes = 0;
    QByteArray subjects;
    for (const auto& e : *entries) {
        if (e.action != QLatin1String("counter.intake"))
            continue;
        ++intakes;
        QVERIFY2(e.subject.contains(QStringLiteral("client_ref=") + m_school), qPrintable(e.subject));
        subjects += e.subject.toUtf8() + '\n';
    }
    QCOMPARE(intakes, 5); // validIntake, two, json, receipt: none for bad input or the supervisor
    QVERIFY(!m_names.isEmpty() && !m_idNumbers.isEmpty());
    const QStringList found = testsupport::findPersonalData(subjects, m_names, m_idNumbers);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral(", "))));
    for (const QString& id : std::as_const(m_idNumbers))
        QVERIFY(!subjects.contains(id.toUtf8()));
}

QTEST_GUILESS_MAIN(TestCtlIntake)
#include "tst_ctlintake.moc"
