#include "policy/CrossApplicationFlags.h"

#include <QTest>

using namespace adm::policy;

namespace {

ApplicationSummary summary(const char* id, const char* child, const char* certificate = "", const char* household = "",
                           int year = 2026)
{
    ApplicationSummary s;
    s.applicationId = QString::fromLatin1(id);
    s.admissionYear = year;
    s.childIdNumber = QString::fromLatin1(child);
    s.decisiveCertificateNo = QString::fromLatin1(certificate);
    s.householdKey = *household ? QStringLiteral("household:") + QString::fromLatin1(household)
                                : QStringLiteral("child:") + s.childIdNumber;
    return s;
}

const QStringList kNone;
const QStringList kDuplicate{QStringLiteral("duplicate_application")};
const QStringList kShared{QStringLiteral("shared_property")};

} // namespace

// The flags that need the other applications of the year, kept incrementally.
class TestPolicyCrossFlags : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void duplicates();
    void sharedProperty();
    void updatesReportWhomTheyTouch();
    void batchApply();
};

void TestPolicyCrossFlags::duplicates()
{
    CrossApplicationFlags x;
    x.upsert(summary("A1", "C1"));
    QCOMPARE(x.flagsFor(QStringLiteral("A1")), kNone);
    x.upsert(summary("A2", "C1"));
    QCOMPARE(x.flagsFor(QStringLiteral("A1")), kDuplicate);
    QCOMPARE(x.flagsFor(QStringLiteral("A2")), kDuplicate);
    QVERIFY(x.reasonFor(QStringLiteral("A1"), QStringLiteral("duplicate_application")).contains(QStringLiteral("A2")));
    x.upsert(summary("A3", "C1", "", "", 2025)); // another year
    QCOMPARE(x.flagsFor(QStringLiteral("A3")), kNone);
    x.remove(QStringLiteral("A2"));
    QCOMPARE(x.flagsFor(QStringLiteral("A1")), kNone);
    QCOMPARE(x.flagsFor(QStringLiteral("A2")), kNone);
    QCOMPARE(x.size(), 2);
}

void TestPolicyCrossFlags::sharedProperty()
{
    CrossApplicationFlags x;
    x.upsert(summary("A1", "C1", "CERT1", "H1"));
    x.upsert(summary("A2", "C2", "CERT1", "H1")); // sibling, same household
    QCOMPARE(x.flagsFor(QStringLiteral("A1")), kNone);
    x.upsert(summary("A3", "C3", "CERT1", "H2")); // another household
    QCOMPARE(x.flagsFor(QStringLiteral("A1")), kShared);
    QCOMPARE(x.flagsFor(QStringLiteral("A2")), kShared);
    QCOMPARE(x.flagsFor(QStringLiteral("A3")), kShared);
    // A3 moves into household H1: nobody shares with another household any more.
    x.upsert(summary("A3", "C3", "CERT1", "H1"));
    QCOMPARE(x.flagsFor(QStringLiteral("A1")), kNone);
    QCOMPARE(x.flagsFor(QStringLiteral("A3")), kNone);
    // Children with no household are each a household alone.
    x.upsert(summary("A4", "C4", "CERT2"));
    x.upsert(summary("A5", "C5", "CERT2"));
    QCOMPARE(x.flagsFor(QStringLiteral("A4")), kShared);
    // ... but the same child twice is one household.
    x.upsert(summary("A6", "C6", "CERT3"));
    x.upsert(summary("A7", "C6", "CERT3"));
    QCOMPARE(x.flagsFor(QStringLiteral("A6")), kDuplicate);
    // The same certificate in another year is not shared.
    x.upsert(summary("A8", "C8", "CERT4", "H8", 2026));
    x.upsert(summary("A9", "C9", "CERT4", "H9", 2025));
    QCOMPARE(x.flagsFor(QStringLiteral("A8")), kNone);
}

void TestPolicyCrossFlags::updatesReportWhomTheyTouch()
{
    CrossApplicationFlags x;
    QCOMPARE(x.upsert(summary("A1", "C1", "CERT1", "H1")), QStringList{QStringLiteral("A1")});
    QCOMPARE(x.upsert(summary("A2", "C2", "CERT1", "H2")), (QStringList{"A1", "A2"}));
    QCOMPARE(x.upsert(summary("A3", "C1")), (QStringList{"A1", "A3"}));
    // A2 loses its certificate: A1 must be re-flagged, and A2 itself.
    QCOMPARE(x.upsert(summary("A2", "C2")), (QStringList{"A1", "A2"}));
    QCOMPARE(x.flagsFor(QStringLiteral("A1")), kDuplicate);
    QCOMPARE(x.remove(QStringLiteral("A3")), (QStringList{"A1", "A3"}));
    QCOMPARE(x.flagsFor(QStringLiteral("A1")), kNone);
}

void TestPolicyCrossFlags::batchApply()
{
    QList<EligibilityResult> results(3);
    results[0].applicationId = QStringLiteral("A1");
    results[0].summary = summary("A1", "C1", "CERT1", "H1");
    results[1].applicationId = QStringLiteral("A2");
    results[1].summary = summary("A2", "C1", "CERT1", "H1");
    results[2].applicationId = QStringLiteral("A3");
    results[2].summary = summary("A3", "C3", "CERT1", "H3");
    results[2].setFlag(QStringLiteral("duplicate_application"), QStringLiteral("stale"));
    CrossApplicationFlags::apply(results);
    QCOMPARE(results[0].flags, (QStringList{"duplicate_application", "shared_property"}));
    QCOMPARE(results[1].flags, (QStringList{"duplicate_application", "shared_property"}));
    QCOMPARE(results[2].flags, kShared); // the stale flag is cleared
    QCOMPARE(results[2].flagReasons.keys(), kShared);
}

QTEST_GUILESS_MAIN(TestPolicyCrossFlags)
#include "tst_policy_crossflags.moc"
