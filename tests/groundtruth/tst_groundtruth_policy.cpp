#include "GroundTruth.h"
#include "ResultCheck.h"
#include "domain/JsonCodec.h"
#include "policy/EvaluateDocument.h"

#include <QTest>

using namespace adm;

// The pure check against the generator's truth on the default 42,000-application city.
class TestGroundTruthPolicy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultCity();
};

void TestGroundTruthPolicy::defaultCity()
{
    citygen::Options options;
    options.applications = 42000;
    options.seed = 1;
    policy::EvaluationInput input;
    GroundTruth truth;
    citygen::CityGenerator generator(options);
    generator.generate(
        [&input](const Change& c) {
            if (c.entity == entity::Policy)
                input.policies.append(TEST_VALUE(json::readPolicy(c.data)));
            else if (c.entity == entity::School)
                input.schools.append(TEST_VALUE(json::readSchool(c.data)));
            else if (c.entity == entity::Zone)
                input.zones.append(TEST_VALUE(json::readZone(c.data)));
            else if (c.entity == entity::Application)
                input.applications.append(TEST_VALUE(json::readApplication(c.data)));
            else if (c.entity == entity::AgencyRecord)
                input.agencyRecords.append(TEST_VALUE(json::readAgencyRecord(c.data)));
        },
        [&truth](const citygen::Truth& t) { truth.addTruth(t); });
    QCOMPARE(input.applications.size(), 42000);
    for (const policy::EligibilityResult& r : policy::evaluate(input))
        truth.addResult(r.applicationId, policy::categoryCode(r.category), r.flags);
    qInfo().noquote() << '\n' + truth.report();
    QVERIFY2(truth.categoryAgreement() >= 0.995, qPrintable(truth.firstDisagreements(10).join(u'\n')));
    const auto scores = truth.flagScores();
    QVERIFY(scores.size() >= 9);
    for (auto it = scores.cbegin(); it != scores.cend(); ++it) {
        QVERIFY2(it->precision() >= 0.99, qPrintable(it.key()));
        QVERIFY2(it->recall() >= 0.99, qPrintable(it.key()));
        QVERIFY2(it->truePositives > 0, qPrintable(it.key())); // each flag occurs in the city
    }
}

QTEST_GUILESS_MAIN(TestGroundTruthPolicy)
#include "tst_groundtruth_policy.moc"
