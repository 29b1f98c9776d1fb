#include "FuzzTargets.h"

#include <QDir>
#include <QFile>
#include <QTest>

// Every input of fuzz/corpus/<target>/ through the entry point the fuzzer runs: the seeds, and the
// inputs that once crashed a parser or broke a rule. A regression aborts the test with the fuzz
// target's message (the entry points abort, as libFuzzer needs).

using FuzzFn = int (*)(const uint8_t*, size_t);
Q_DECLARE_METATYPE(FuzzFn)

namespace {

struct Target {
    const char* name;
    FuzzFn fn;
};

const Target kTargets[] = {
    {"jsonbytes", &adm::fuzz::fuzzJsonBytes},
    {"address", &adm::fuzz::fuzzAddress},
    {"idnumber", &adm::fuzz::fuzzIdNumber},
    {"change", &adm::fuzz::fuzzChange},
};

QDir corpusOf(const char* target)
{
    return QDir(QStringLiteral(ADMISSIONS_FUZZ_CORPUS "/") + QLatin1StringView(target));
}

} // namespace

class TestFuzzCorpus : public QObject {
    Q_OBJECT

private slots:
    void corpusPresent();
    void replay_data();
    void replay();
};

// An empty or missing corpus would make replay() pass without running anything.
void TestFuzzCorpus::corpusPresent()
{
    for (const Target& t : kTargets) {
        const QDir dir = corpusOf(t.name);
        QVERIFY2(dir.exists(), qPrintable(dir.path()));
        QVERIFY2(dir.entryList(QDir::Files).size() >= 10, qPrintable(dir.path() + QStringLiteral(": too few seeds")));
    }
}

void TestFuzzCorpus::replay_data()
{
    QTest::addColumn<FuzzFn>("fn");
    QTest::addColumn<QString>("path");
    for (const Target& t : kTargets) {
        const QDir dir = corpusOf(t.name);
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        for (const QString& f : files)
            QTest::newRow(qPrintable(QLatin1StringView(t.name) + u'/' + f)) << t.fn << dir.filePath(f);
    }
}

void TestFuzzCorpus::replay()
{
    QFETCH(FuzzFn, fn);
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QByteArray bytes = file.readAll();
    QCOMPARE(fn(reinterpret_cast<const uint8_t*>(bytes.constData()), size_t(bytes.size())), 0);
}

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzzcorpus.moc"
