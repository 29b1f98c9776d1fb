#include "CityFixture.h"
#include "ResultCheck.h"
#include "domain/IdNumber.h"
#include "domain/JsonCodec.h"
#include "security/AuditLog.h"
#include "security/Roles.h"
#include "store/Sql.h"
#include "store/Workspace.h"
#include "sync/CounterIntake.h"
#include "sync/Outbox.h"
#include "views/CounterService.h"
#include "views/DraftStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace adm;

// Counter intake below the widgets (issue 13): sync::CounterIntake's checks and its one transaction
// (row, outbox item, audit entry), the local number, the child's other applications, and the
// counter's reads (views::readCounterPreview: the check on typed data, the address, the age).
class TestCounterIntake : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void badInputNamesTheFieldAndSavesNothing_data();
    void badInputNamesTheFieldAndSavesNothing();
    void saveWritesRowOutboxAndAuditTogether();
    void localNumbersAreUniqueAndCarryTheWorkstation();
    void knownApplicationsOfTheChild();
    void previewChecksWhatIsTyped();
    void aSupervisorMayNotTakeOne();
    void draftKeepsEveryField();

private:
    sync::CounterApplication validApplication() const;
    sync::CounterIntake intake(const QString& role = adm::role::Reviewer);
    qint64 count(const QString& sql);
    static QString childId(const QDate& birth, int sequence);

    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_ws;
    Application m_existing; // an application of the generated city, in the cache
    QString m_primarySchool;
};

QString TestCounterIntake::childId(const QDate& birth, int sequence)
{
    const QString first17 = QStringLiteral("371102") + birth.toString(QStringLiteral("yyyyMMdd")) +
                            QStringLiteral("%1").arg(sequence, 3, 10, QLatin1Char('0'));
    return first17 + IdNumber::checkCharacter(first17);
}

void TestCounterIntake::initTestCase()
{
    m_ws = testsupport::makeCityWorkspace(m_dir.filePath(QStringLiteral("ws")), 400);
    QVERIFY(m_ws);
    auto q = m_ws->database().writer().prepare(
        QStringLiteral("SELECT data FROM applications WHERE grade = 'primary1' AND status = 'submitted' "
                       "AND claimed_category = 'A' ORDER BY id LIMIT 1"));
    QVERIFY_OK(q);
    QVERIFY(q->step());
    auto app = json::readApplication(QJsonDocument::fromJson(q->utf8(0)).object());
    QVERIFY_OK(app);
    m_existing = *app;
    m_primarySchool = m_existing.targetSchoolId;
}

sync::CounterApplication TestCounterIntake::validApplication() const
{
    sync::CounterApplication a;
    a.admissionYear = m_existing.admissionYear;
    a.grade = QStringLiteral("primary1");
    a.targetSchoolId = m_primarySchool;
    a.child.name = QStringLiteral("柜台小明");
    a.child.idNumber = childId(IdNumber::parse(m_existing.child.idNumber).birthDate(), 901);
    Guardian g;
    g.name = QStringLiteral("柜台大明");
    g.idNumber = childId(QDate(1988, 3, 4), 555);
    g.relation = QStringLiteral("father");
    g.phone = QStringLiteral("138 0013 8000");
    a.guardians = {g};
    a.claimedAddress = m_existing.claimedAddress;
    a.claimedCategory = QStringLiteral("A");
    a.paperEvidence = {{sync::paper::HouseholdRegister, QString(), QStringLiteral("original seen")},
                       {sync::paper::PropertyCertificate, QString(), QString()}};
    a.formId = QStringLiteral("form-1");
    return a;
}

sync::CounterIntake TestCounterIntake::intake(const QString& role)
{
    return sync::CounterIntake(m_ws->database().writer(), m_ws->audit(), m_ws->user(), role, QString());
}

qint64 TestCounterIntake::count(const QString& sql)
{
    auto n = m_ws->database().writer().scalar(sql);
    return n ? n->toLongLong() : -1;
}

void TestCounterIntake::badInputNamesTheFieldAndSavesNothing_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("field");
    QTest::newRow("no child name") << "child.name"
                                   << "child.name";
    QTest::newRow("wrong check character") << "child.id_number"
                                           << "child.id_number";
    QTest::newRow("10-digit mobile") << "guardians[0].phone"
                                     << "guardians[0].phone";
    QTest::newRow("unknown school") << "target_school_id"
                                    << "target_school_id";
    QTest::newRow("no guardian") << "guardians"
                                 << "guardians";
    QTest::newRow("guardian is the child") << "guardians[0].id_number"
                                           << "guardians[0].id_number";
    QTest::newRow("junior grade at a primary school") << "grade"
                                                      << "grade";
    QTest::newRow("category D") << "claimed_category"
                                << "claimed_category";
    QTest::newRow("unknown paper") << "paper_evidence[0].kind"
                                   << "paper_evidence[0].kind";
}

void TestCounterIntake::badInputNamesTheFieldAndSavesNothing()
{
    QFETCH(QString, what);
    QFETCH(QString, field);
    sync::CounterApplication a = validApplication();
    if (what == QLatin1String("child.name"))
        a.child.name.clear();
    else if (what == QLatin1String("child.id_number"))
        a.child.idNumber[17] = a.child.idNumber[17] == u'1' ? u'2' : u'1';
    else if (what == QLatin1String("guardians[0].phone"))
        a.guardians[0].phone = QStringLiteral("1380013800");
    else if (what == QLatin1String("target_school_id"))
        a.targetSchoolId = QStringLiteral("S999999999");
    else if (what == QLatin1String("guardians"))
        a.guardians.clear();
    else if (what == QLatin1String("guardians[0].id_number"))
        a.guardians[0].idNumber = a.child.idNumber;
    else if (what == QLatin1String("grade"))
        a.grade = QStringLiteral("junior7");
    else if (what == QLatin1String("claimed_category"))
        a.claimedCategory = QStringLiteral("D");
    else if (what == QLatin1String("paper_evidence[0].kind"))
        a.paperEvidence[0].kind = QStringLiteral("library_card");

    const qint64 outbox = count(QStringLiteral("SELECT count(*) FROM outbox"));
    const qint64 audit = count(QStringLiteral("SELECT count(*) FROM audit_log"));
    const qint64 rows = count(QStringLiteral("SELECT count(*) FROM counter_applications"));
    auto saved = intake().save(a);
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, QStringLiteral("bad_input"));
    QVERIFY2(saved.error().message.startsWith(field + QLatin1Char(':')), qPrintable(saved.error().message));
    QVERIFY2(saved.error().message.contains(QStringLiteral("Nothing was saved")), qPrintable(saved.error().message));
    // The pure check names the same field first, as the form shows it.
    const auto scope = TEST_VALUE(sync::CounterIntake::scope(m_ws->database().writer()));
    const auto problems = sync::checkCounterApplication(a, scope);
    QVERIFY(!problems.isEmpty());
    QCOMPARE(problems.first().field, field);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox")), outbox);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log")), audit);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM counter_applications")), rows);
}

void TestCounterIntake::saveWritesRowOutboxAndAuditTogether()
{
    const sync::CounterApplication a = validApplication();
    const qint64 auditBefore = count(QStringLiteral("SELECT count(*) FROM audit_log"));
    const auto record = TEST_VALUE(intake().save(a));
    QVERIFY(!record.clientRef.isEmpty());
    QCOMPARE(record.state, sync::CounterRecord::State::Waiting);

    sync::Outbox outbox(m_ws->database().writer());
    const auto item = TEST_VALUE(outbox.item(record.outboxId));
    QVERIFY(item);
    QCOMPARE(item->kind, sync::kind::Application);
    QCOMPARE(item->subjectId, record.clientRef);
    const QJsonObject p = item->payload;
    QCOMPARE(p.value(QStringLiteral("client_ref")).toString(), record.clientRef);
    QVERIFY(!p.value(QStringLiteral("idempotency_key")).toString().isEmpty());
    QCOMPARE(p.value(QStringLiteral("channel")).toString(), QStringLiteral("counter"));
    QCOMPARE(p.value(QStringLiteral("child")).toObject().value(QStringLiteral("name")).toString(), a.child.name);
    QCOMPARE(p.value(QStringLiteral("guardians")).toArray().at(0).toObject().value(QStringLiteral("phone")).toString(),
             QStringLiteral("13800138000")); // spaces gone
    const QJsonArray evidence = p.value(QStringLiteral("paper_evidence")).toArray();
    QCOMPARE(evidence.size(), 2);
    QCOMPARE(evidence.at(0).toObject().value(QStringLiteral("kind")).toString(), sync::paper::HouseholdRegister);
    QCOMPARE(evidence.at(0).toObject().value(QStringLiteral("checked_by")).toString(), m_ws->user());
    QCOMPARE(evidence.at(0).toObject().value(QStringLiteral("note")).toString(), QStringLiteral("original seen"));
    for (const char* absent : {"id", "status", "version", "form_id"})
        QVERIFY2(!p.contains(QLatin1String(absent)), absent);

    // One audit entry, with ids only.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log")), auditBefore + 1);
    const auto entries = TEST_VALUE(m_ws->audit().entries(auditBefore, 10));
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().action, QStringLiteral("counter.intake"));
    QVERIFY(entries.first().subject.contains(record.clientRef));
    QVERIFY(entries.first().subject.contains(QStringLiteral("form=form-1")));
    QVERIFY(!entries.first().subject.contains(a.child.idNumber));
    QVERIFY(!entries.first().subject.contains(a.child.name));

    const auto found = TEST_VALUE(sync::CounterIntake::find(m_ws->database().writer(), record.clientRef.toLower()));
    QVERIFY(found);
    QCOMPARE(found->childName, a.child.name);
    QCOMPARE(found->evidence, (QStringList{sync::paper::HouseholdRegister, sync::paper::PropertyCertificate}));
    const auto back = TEST_VALUE(sync::CounterIntake::application(m_ws->database().writer(), record.clientRef));
    QVERIFY(back);
    QCOMPARE(back->child.idNumber, a.child.idNumber);
    QCOMPARE(back->claimedAddress, a.claimedAddress);
    const auto today = TEST_VALUE(sync::CounterIntake::list(m_ws->database().writer(), QDate::currentDate()));
    QVERIFY(std::any_of(today.cbegin(), today.cend(),
                        [&](const sync::CounterRecord& r) { return r.clientRef == record.clientRef; }));
    QVERIFY(!record.toJson().value(QStringLiteral("child_id_number")).toString().contains(a.child.idNumber));
}

void TestCounterIntake::localNumbersAreUniqueAndCarryTheWorkstation()
{
    sync::CounterApplication a = validApplication();
    a.child.idNumber = childId(QDate(2019, 10, 1), 903);
    const auto first = TEST_VALUE(intake().save(a));
    a.child.idNumber = childId(QDate(2019, 10, 2), 905);
    const auto second = TEST_VALUE(intake().save(a));
    QVERIFY(first.clientRef != second.clientRef);
    const QRegularExpression shape(QStringLiteral("^%1-[0-9A-F]{8}-\\d{5}$").arg(m_primarySchool));
    QVERIFY2(shape.match(first.clientRef).hasMatch(), qPrintable(first.clientRef));
    QCOMPARE(first.clientRef.section(u'-', 1, 1), second.clientRef.section(u'-', 1, 1));
    QCOMPARE(second.clientRef.section(u'-', 2).toInt(), first.clientRef.section(u'-', 2).toInt() + 1);
    QCOMPARE(sync::CounterIntake::makeClientRef(QStringLiteral("S1"), QStringLiteral("7f3a09c2-1111-2222"), 12),
             QStringLiteral("S1-7F3A09C2-00012"));
}

void TestCounterIntake::knownApplicationsOfTheChild()
{
    store::Connection& c = m_ws->database().writer();
    // A child of the city: the application in the cache.
    const auto known =
        TEST_VALUE(sync::CounterIntake::knownApplicationsOf(c, m_existing.child.idNumber, m_existing.admissionYear));
    QVERIFY(std::any_of(known.cbegin(), known.cend(), [&](const sync::KnownApplication& k) {
        return k.id == m_existing.id && !k.isLocal && k.schoolId == m_existing.targetSchoolId;
    }));
    // A child taken at this counter and not uploaded: known by its local number.
    sync::CounterApplication a = validApplication();
    a.child.idNumber = childId(QDate(2019, 11, 5), 907);
    QVERIFY(TEST_VALUE(sync::CounterIntake::knownApplicationsOf(c, a.child.idNumber, a.admissionYear)).isEmpty());
    const auto saved = TEST_VALUE(intake().save(a));
    const auto local = TEST_VALUE(sync::CounterIntake::knownApplicationsOf(c, a.child.idNumber, a.admissionYear));
    QCOMPARE(local.size(), 1);
    QCOMPARE(local.first().id, saved.clientRef);
    QVERIFY(local.first().isLocal);
    // Another year, or a number that is not valid: nothing.
    QVERIFY(TEST_VALUE(sync::CounterIntake::knownApplicationsOf(c, a.child.idNumber, a.admissionYear + 1)).isEmpty());
    QVERIFY(TEST_VALUE(sync::CounterIntake::knownApplicationsOf(c, QStringLiteral("123"), a.admissionYear)).isEmpty());
}

void TestCounterIntake::previewChecksWhatIsTyped()
{
    const views::CacheView cache(m_ws->database().writer());
    // The same child, people and address as an application of the city: the check finds what the
    // cache's check found for it, and says the child already has an application.
    sync::CounterApplication a = validApplication();
    a.child = m_existing.child;
    a.guardians = m_existing.guardians;
    a.claimedAddress = m_existing.claimedAddress;
    a.claimedCategory = m_existing.claimedCategory;
    const auto preview = TEST_VALUE(views::readCounterPreview(cache, a, {}));
    QVERIFY(preview.checked);
    auto stored = m_ws->database().writer().prepare(
        QStringLiteral("SELECT category FROM eligibility_results WHERE application_id = ?"));
    QVERIFY_OK(stored);
    stored->bind(1, m_existing.id);
    QVERIFY(stored->step());
    const QString storedCategory = stored->text(0) == QLatin1String("none") ? QString() : stored->text(0);
    QCOMPARE(preview.category, storedCategory);
    QVERIFY2(preview.flags.contains(QStringLiteral("duplicate_application")), qPrintable(preview.flags.join(u',')));
    QVERIFY(std::any_of(preview.known.cbegin(), preview.known.cend(),
                        [&](const sync::KnownApplication& k) { return k.id == m_existing.id; }));
    QVERIFY(!preview.policyId.isEmpty());
    QVERIFY(preview.birthFrom.isValid() && preview.birthTo > preview.birthFrom);
    QVERIFY(!preview.addressMatch.isEmpty());
    QVERIFY(!preview.addressText.isEmpty());

    // An address nowhere in the city matches no zone, and says why.
    a.claimedAddress = QStringLiteral("不存在路99999号");
    const auto nowhere = TEST_VALUE(views::readCounterPreview(cache, a, {}));
    QCOMPARE(nowhere.addressMatch, QStringLiteral("none"));
    QVERIFY(!nowhere.addressText.isEmpty());

    // Too little typed for a check: no category, but no error either.
    sync::CounterApplication empty;
    empty.admissionYear = a.admissionYear;
    const auto none = TEST_VALUE(views::readCounterPreview(cache, empty, {}));
    QVERIFY(!none.checked);
}

void TestCounterIntake::aSupervisorMayNotTakeOne()
{
    const qint64 outbox = count(QStringLiteral("SELECT count(*) FROM outbox"));
    auto saved = intake(adm::role::Supervisor).save(validApplication());
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, QStringLiteral("role_not_allowed"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox")), outbox);
    QVERIFY(intake(adm::role::Clerk).save([this] {
        sync::CounterApplication a = validApplication();
        a.child.idNumber = childId(QDate(2019, 12, 24), 911);
        return a;
    }()));
}

void TestCounterIntake::draftKeepsEveryField()
{
    sync::CounterApplication a = validApplication();
    a.takenFrom = {{QStringLiteral("claimed_address"), QStringLiteral("R-PS-1")}};
    views::DraftStore drafts(m_ws->database().writer());
    QJsonObject body = a.toJson();
    QVERIFY(drafts.saveCounterForm(m_ws->user(), QJsonDocument(body).toJson()));
    const auto kept = TEST_VALUE(drafts.counterForm(m_ws->user()));
    QVERIFY(kept);
    const auto back = TEST_VALUE(sync::CounterApplication::fromJson(QJsonDocument::fromJson(*kept).object()));
    QCOMPARE(back.toJson(), a.toJson());
    QCOMPARE(back.takenFrom.size(), 1);
    QCOMPARE(back.takenFrom.first().recordId, QStringLiteral("R-PS-1"));
    QVERIFY(drafts.clearCounterForm(m_ws->user()));
    QVERIFY(!TEST_VALUE(drafts.counterForm(m_ws->user())));
    // A wrong type is named.
    auto bad = sync::CounterApplication::fromJson(QJsonObject{{QStringLiteral("guardians"), 5}});
    QVERIFY(!bad);
    QVERIFY(bad.error().message.contains(QStringLiteral("guardians")));
}

QTEST_GUILESS_MAIN(TestCounterIntake)
#include "tst_counterintake.moc"
