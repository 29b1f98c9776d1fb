#include "GroundTruth.h"
#include "ResultCheck.h"
#include "security/Crypto.h"
#include "store/CacheEligibility.h"
#include "store/ChangeApplier.h"
#include "store/Database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace adm;

// The same check fed from the encrypted cache (records found through their subjects, results
// stored, cross flags from stored summaries) against the truth; then a sync-like delta.
class TestGroundTruthCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cityThroughTheCache();
};

void TestGroundTruthCache::cityThroughTheCache()
{
    QTemporaryDir dir;
    auto db = store::Database::open(dir.filePath(QStringLiteral("cache.db")), crypto::randomBytes(32),
                                    store::Database::OpenMode::Create);
    QVERIFY(db.ok());
    store::Connection& c = (*db)->writer();
    citygen::Options options;
    options.applications = 6000;
    options.seed = 5;
    GroundTruth truth;
    QList<Change> batch;
    bool applied = true;
    citygen::CityGenerator(options).generate(
        [&](const Change& change) {
            batch.append(change);
            if (batch.size() == 5000) {
                applied = applied && store::ChangeApplier(c).apply(batch).ok();
                batch.clear();
            }
        },
        [&truth](const citygen::Truth& t) { truth.addTruth(t); });
    QVERIFY(store::ChangeApplier(c).apply(batch).ok());
    QVERIFY(applied);

    auto stats = store::CacheEligibility(c, 1000).refresh(); // small chunks: groups span chunks
    QVERIFY2(stats.ok(), qPrintable(stats.error().message));
    QCOMPARE(stats->checked, 6000);
    auto q = c.prepare(QStringLiteral("SELECT application_id, category, flags FROM eligibility_results"));
    QVERIFY_OK(q);
    while (q->step())
        truth.addResult(q->text(0), q->text(1), q->text(2).split(u',', Qt::SkipEmptyParts));
    qInfo().noquote() << '\n' + truth.report();
    QCOMPARE(truth.results(), 6000);
    QVERIFY2(truth.categoryAgreement() >= 0.995, qPrintable(truth.firstDisagreements(10).join(u'\n')));
    const auto scores = truth.flagScores();
    for (auto it = scores.cbegin(); it != scores.cend(); ++it) {
        QVERIFY2(it->precision() >= 0.99, qPrintable(it.key()));
        QVERIFY2(it->recall() >= 0.99, qPrintable(it.key()));
    }
}

QTEST_GUILESS_MAIN(TestGroundTruthCache)
#include "tst_groundtruth_cache.moc"
