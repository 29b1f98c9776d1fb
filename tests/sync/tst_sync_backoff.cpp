#include "sync/Backoff.h"

#include <QTest>
#include <QTimeZone>

using adm::sync::Backoff;

// Retry delays: exponential, capped, jittered within a known band, Retry-After as a floor.
class TestSyncBackoff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void growsAndCaps_data();
    void growsAndCaps();
    void jitterStaysInTheUpperHalf();
    void retryAfterIsAFloor();
    void tooLongRetryAfterGivesUp();
    void parsesRetryAfter_data();
    void parsesRetryAfter();
};

void TestSyncBackoff::growsAndCaps_data()
{
    QTest::addColumn<double>("random");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("expected");
    // base 100, cap 1000: ceilings 100, 200, 400, 800, 1000, 1000; delay = ceiling/2 + r * ceiling/2
    QTest::newRow("first, lowest") << 0.0 << 1 << 50;
    QTest::newRow("first, middle") << 0.5 << 1 << 75;
    QTest::newRow("second, lowest") << 0.0 << 2 << 100;
    QTest::newRow("third, highest") << 0.999999 << 3 << 399;
    QTest::newRow("fourth, lowest") << 0.0 << 4 << 400;
    QTest::newRow("capped") << 0.0 << 5 << 500;
    QTest::newRow("capped far out") << 0.0 << 40 << 500;
    QTest::newRow("attempt 0 reads as 1") << 0.0 << 0 << 50;
}

void TestSyncBackoff::growsAndCaps()
{
    QFETCH(double, random);
    QFETCH(int, attempt);
    QFETCH(int, expected);
    const Backoff b(100, 1000, [random] { return random; });
    QCOMPARE(b.delayMs(attempt), expected);
}

void TestSyncBackoff::jitterStaysInTheUpperHalf()
{
    // With the real random source: never below half the ceiling (no retry storm), never above it.
    const Backoff b(100, 1000);
    for (int attempt = 1; attempt <= 8; ++attempt) {
        const int ceiling = std::min(1000, 100 << (attempt - 1));
        for (int i = 0; i < 200; ++i) {
            const int d = b.delayMs(attempt);
            QVERIFY2(d >= ceiling / 2 && d <= ceiling, qPrintable(QString::number(d)));
        }
    }
}

void TestSyncBackoff::retryAfterIsAFloor()
{
    const Backoff b(100, 1000, [] { return 0.0; });
    QCOMPARE(b.delayMs(1, 3, 120), 3000);           // longer than the jitter: the hub's word
    QCOMPARE(b.delayMs(5, 0, 120), 500);            // shorter: the backoff still applies
    QCOMPARE(b.delayMs(2, std::nullopt, 120), 100); // none given
}

void TestSyncBackoff::tooLongRetryAfterGivesUp()
{
    const Backoff b(100, 1000, [] { return 0.0; });
    QVERIFY(!b.delayMs(1, 121, 120).has_value());
    QCOMPARE(b.delayMs(1, 120, 120).value(), 120000);
}

void TestSyncBackoff::parsesRetryAfter_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("expected"); // -1: no value
    QTest::newRow("seconds") << QByteArray("120") << 120;
    QTest::newRow("spaces") << QByteArray(" 7 ") << 7;
    QTest::newRow("zero") << QByteArray("0") << 0;
    QTest::newRow("negative") << QByteArray("-3") << -1;
    QTest::newRow("empty") << QByteArray() << -1;
    QTest::newRow("garbage") << QByteArray("soon") << -1;
    QTest::newRow("http date") << QByteArray("Mon, 01 Jun 2026 08:30:30 GMT") << 30;
    QTest::newRow("http date past") << QByteArray("Mon, 01 Jun 2026 08:00:00 GMT") << 0;
}

void TestSyncBackoff::parsesRetryAfter()
{
    QFETCH(QByteArray, header);
    QFETCH(int, expected);
    const QDateTime now(QDate(2026, 6, 1), QTime(8, 30, 0), QTimeZone::utc());
    const auto v = Backoff::parseRetryAfter(header, now);
    QCOMPARE(v.has_value() ? *v : -1, expected);
}

QTEST_GUILESS_MAIN(TestSyncBackoff)
#include "tst_sync_backoff.moc"
