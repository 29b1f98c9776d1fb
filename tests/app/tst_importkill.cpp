#include "CtlFixture.h"
#include "ResultCheck.h"
#include "store/Workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

// kill -9 of `admissionsctl import` at random moments: every time the cache passes
// integrity_check and holds whole batches only.
class TestImportKill : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void killAtRandomMoments();

private:
    static bool copyDir(const QString& from, const QString& to);
    qint64 rowsInCache(adm::store::Workspace& ws);

    QTemporaryDir m_tmp;
    QString m_city;
    QString m_pristine;
    CtlFixture::BundleFacts m_facts;
    qint64 m_fullImportMs = 0;
};

namespace {
constexpr int kBatch = 1000;
constexpr int kKills = 20;
} // namespace

bool TestImportKill::copyDir(const QString& from, const QString& to)
{
    QDir().mkpath(to);
    for (const QString& name : QDir(from).entryList(QDir::Files))
        if (!QFile::copy(from + u'/' + name, to + u'/' + name))
            return false;
    return true;
}

qint64 TestImportKill::rowsInCache(adm::store::Workspace& ws)
{
    qint64 total = 0;
    for (const char* table : {"policies", "schools", "zones", "applications", "agency_records"})
        total += ws.database()
                     .writer()
                     .scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)))
                     ->toLongLong();
    return total;
}

void TestImportKill::initTestCase()
{
    m_city = m_tmp.filePath(QStringLiteral("city.jsonl"));
    QVERIFY(CtlFixture::generate(m_city, 2500, 3));
    m_facts = CtlFixture::readBundle(m_city);
    // Every change of a generated city is a distinct entity at version 1, in seq order.
    for (int i = 1; i < m_facts.seqs.size(); ++i)
        QVERIFY(m_facts.seqs[i] > m_facts.seqs[i - 1]);
    m_pristine = m_tmp.filePath(QStringLiteral("pristine"));
    QVERIFY(CtlFixture::init(m_pristine));

    const QString full = m_tmp.filePath(QStringLiteral("full"));
    QVERIFY(copyDir(m_pristine, full));
    QElapsedTimer t;
    t.start();
    const auto r = CtlFixture::ctl({QStringLiteral("import"), QStringLiteral("--batch-size"), QString::number(kBatch),
                                    QStringLiteral("--data-dir"), full, m_city});
    m_fullImportMs = t.elapsed();
    QVERIFY2(r.exitCode == 0, r.err.constData());
    qInfo() << "a full import takes" << m_fullImportMs << "ms for" << m_facts.seqs.size() << "changes";
}

void TestImportKill::killAtRandomMoments()
{
    QRandomGenerator rng(20260601);
    int midway = 0;
    for (int round = 0; round < kKills; ++round) {
        const QString dir = m_tmp.filePath(QStringLiteral("kill%1").arg(round));
        QVERIFY(copyDir(m_pristine, dir));
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("ADMISSIONS_PASSPHRASE"), CtlFixture::kPassphrase);
        p.setProcessEnvironment(e);
        p.start(QDir(testsupport::binDir()).filePath(QStringLiteral("admissionsctl")),
                {QStringLiteral("import"), QStringLiteral("--batch-size"), QString::number(kBatch),
                 QStringLiteral("--data-dir"), dir, m_city});
        QVERIFY(p.waitForStarted());
        const int delay = int(rng.bounded(qint64(std::max<qint64>(m_fullImportMs, 50))));
        QTest::qSleep(delay);
        p.kill(); // SIGKILL: no cleanup, no atexit
        p.waitForFinished();

        auto ws = adm::store::Workspace::unlock(dir, QStringLiteral("admin"), CtlFixture::kPassphrase);
        QVERIFY2(ws.ok(), qPrintable(ws.error().message));
        QCOMPARE(TEST_VALUE((*ws)->database().writer().scalar(QStringLiteral("PRAGMA integrity_check"))).toString(),
                 QStringLiteral("ok"));
        const QString lastSeq = TEST_VALUE((*ws)->database().meta(QStringLiteral("import.last_seq")));
        const qint64 rows = rowsInCache(**ws);
        // Whole batches only: the rows are exactly the changes up to the last committed batch.
        qint64 expected = 0;
        if (!lastSeq.isEmpty()) {
            const qint64 last = lastSeq.toLongLong();
            expected =
                std::count_if(m_facts.seqs.cbegin(), m_facts.seqs.cend(), [last](qint64 s) { return s <= last; });
            QCOMPARE(expected % kBatch == 0 || expected == m_facts.seqs.size(), true);
        }
        QCOMPARE(rows, expected);
        if (rows > 0 && rows < m_facts.seqs.size())
            ++midway;
        // And the next import converges.
        ws->reset();
        const auto r = CtlFixture::ctl({QStringLiteral("import"), QStringLiteral("--data-dir"), dir, m_city});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        auto after = adm::store::Workspace::unlock(dir, QStringLiteral("admin"), CtlFixture::kPassphrase);
        QVERIFY_OK(after);
        QCOMPARE(rowsInCache(**after), qint64(m_facts.seqs.size()));
        QDir(dir).removeRecursively();
    }
    qInfo() << midway << "of" << kKills << "kills landed in the middle of an import";
    QVERIFY(midway > 0);
}

QTEST_GUILESS_MAIN(TestImportKill)
#include "tst_importkill.moc"
