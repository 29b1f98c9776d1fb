#include "PdfText.h"
#include "ResultCheck.h"
#include "TestSupport.h"
#include "domain/IdNumber.h"
#include "views/CounterReceipt.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace adm;
using namespace adm::views;
using testsupport::decodedQr;
using testsupport::pdfText;
using testsupport::textHolds;

namespace {

const QString kFullId = QStringLiteral("37110220190612003X");
const QString kClientRef = QStringLiteral("S371102001-7F3A09C2-00012");

CounterReceiptData sample()
{
    CounterReceiptData d;
    d.clientRef = kClientRef;
    d.takenAt = QDateTime(QDate(2026, 5, 6), QTime(9, 41));
    d.schoolId = QStringLiteral("S371102001");
    d.schoolName = QStringLiteral("东港区第一实验小学");
    d.grade = QStringLiteral("primary1");
    d.childName = QStringLiteral("王小明");
    d.childIdMasked = IdNumber::masked(kFullId);
    d.evidence = {QStringLiteral("household_register"), QStringLiteral("property_certificate")};
    d.clerk = QStringLiteral("李老师");
    return d;
}

#define SKIP_WITHOUT_TOOLS()                                                                                           \
    do {                                                                                                               \
        const QString missing_ = testsupport::missingPdfTools(true);                                                   \
        if (!missing_.isEmpty())                                                                                       \
            QSKIP(qPrintable(QStringLiteral("%1 is not installed (poppler-utils and zbar-tools are needed to read "    \
                                            "the receipt back)")                                                       \
                                 .arg(missing_)));                                                                     \
    } while (false)

} // namespace

// The counter receipt: a PDF whose text (pdftotext) holds the local number, the school, the child and the
// masked ID number (never the full one), and whose QR code (pdftoppm, zbarimg) reads back as the local number.
class TestCounterReceipt : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void evidenceLabels_data();
    void evidenceLabels();
    void qrImageHasAQuietZone();
    void chineseReceipt();
    void englishReceipt();
    void longTextStaysOnThePage();
    void missingFolderIsAnError();

private:
    QTemporaryDir m_dir;
};

void TestCounterReceipt::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCOMPARE(sample().childIdMasked, QStringLiteral("371102********003X"));
}

void TestCounterReceipt::evidenceLabels_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("chinese");
    QTest::addColumn<QString>("english");
    QTest::newRow("household") << "household_register" << QStringLiteral("户口簿")
                               << "Household register (hukou booklet)";
    QTest::newRow("residence") << "residence_permit" << QStringLiteral("居住证") << "Residence permit";
    QTest::newRow("marriage") << "marriage_certificate" << QStringLiteral("结婚证") << "Marriage certificate";
    QTest::newRow("unknown") << "utility_bill"
                             << "utility_bill"
                             << "utility_bill";
}

void TestCounterReceipt::evidenceLabels()
{
    QFETCH(QString, kind);
    QFETCH(QString, chinese);
    QFETCH(QString, english);
    QCOMPARE(CounterReceipt::evidenceLabel(kind, ReceiptLanguage::Chinese), chinese);
    QCOMPARE(CounterReceipt::evidenceLabel(kind, ReceiptLanguage::English), english);
}

void TestCounterReceipt::qrImageHasAQuietZone()
{
    const QImage qr = CounterReceipt::qrImage(kClientRef, 3);
    QVERIFY(!qr.isNull());
    QCOMPARE(qr.width(), qr.height());
    QCOMPARE(qr.width() % 3, 0);
    // Version 2 (25 x 25 modules) holds up to 26 bytes at level M, enough for the 25 of the local number;
    // plus 4 modules of quiet zone on each side.
    QCOMPARE(qr.width(), (25 + 8) * 3);
    for (int i = 0; i < 4 * 3; ++i) {
        QCOMPARE(qGray(qr.pixel(i, i)), 255);
        QCOMPARE(qGray(qr.pixel(qr.width() - 1 - i, i)), 255);
    }
    // The top-left finder pattern starts right after the quiet zone.
    QCOMPARE(qGray(qr.pixel(4 * 3, 4 * 3)), 0);
    QVERIFY(CounterReceipt::qrImage(QString(), 3).isNull());
    QVERIFY(CounterReceipt::qrImage(kClientRef, 0).isNull());

    SKIP_WITHOUT_TOOLS();
    const QString png = m_dir.filePath(QStringLiteral("qr.png"));
    QVERIFY(CounterReceipt::qrImage(kClientRef, 4).save(png));
    const testsupport::ProcessResult scan = testsupport::run(QStandardPaths::findExecutable(QStringLiteral("zbarimg")),
                                                             {QStringLiteral("--raw"), QStringLiteral("-q"), png});
    QVERIFY2(scan.exitCode == 0, scan.err.constData());
    QCOMPARE(QString::fromUtf8(scan.out).trimmed(), kClientRef);
}

void TestCounterReceipt::chineseReceipt()
{
    SKIP_WITHOUT_TOOLS();
    const QString pdf = m_dir.filePath(QStringLiteral("receipt-zh.pdf"));
    QVERIFY_OK(CounterReceipt::writePdf(sample(), pdf));
    QVERIFY(QFile::exists(pdf));

    QString error;
    const QString text = pdfText(pdf, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(textHolds(text, QStringLiteral("义务教育入学申请回执")), qPrintable(text));
    QVERIFY2(text.contains(kClientRef), qPrintable(text));
    QVERIFY2(textHolds(text, QStringLiteral("东港区第一实验小学")), qPrintable(text));
    QVERIFY2(textHolds(text, QStringLiteral("王小明")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("371102********003X")), qPrintable(text));
    QVERIFY2(textHolds(text, QStringLiteral("户口簿")), qPrintable(text));
    QVERIFY2(textHolds(text, QStringLiteral("不动产权证书")), qPrintable(text));
    QVERIFY2(textHolds(text, QStringLiteral("小学一年级")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("2026-05-06 09:41")), qPrintable(text));
    QVERIFY2(!text.contains(kFullId), qPrintable(text));
    // Nor anywhere in the file's bytes (the text streams are compressed, but a title or metadata is not).
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(kFullId.toLatin1()));

    const QString decoded = decodedQr(pdf, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(decoded, kClientRef);
}

void TestCounterReceipt::englishReceipt()
{
    SKIP_WITHOUT_TOOLS();
    const QString pdf = m_dir.filePath(QStringLiteral("receipt-en.pdf"));
    CounterReceiptData data = sample();
    data.contact = QStringLiteral("Dongang District No. 1 Experimental Primary School, 8 Haibin Road, 0633-1234567");
    QVERIFY_OK(CounterReceipt::writePdf(data, pdf, ReceiptLanguage::English));

    QString error;
    const QString text = pdfText(pdf, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(text.contains(QStringLiteral("Receipt")), qPrintable(text));
    QVERIFY2(text.contains(kClientRef), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Primary grade 1")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Household register")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("0633-1234567")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("371102********003X")), qPrintable(text));
    QVERIFY2(!text.contains(kFullId), qPrintable(text));

    const QString decoded = decodedQr(pdf, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(decoded, kClientRef);
}

// Every kind of document, a long school name and a long contact: the text shrinks to the one page and the
// last words are still on it; the QR code still reads.
void TestCounterReceipt::longTextStaysOnThePage()
{
    SKIP_WITHOUT_TOOLS();
    CounterReceiptData data = sample();
    data.schoolName = QStringLiteral("日照市东港区第一实验小学（北校区）暨东港区第一实验小学教育集团海滨校区");
    data.evidence = {QStringLiteral("household_register"), QStringLiteral("property_certificate"),
                     QStringLiteral("sale_contract"),      QStringLiteral("rental_filing"),
                     QStringLiteral("residence_permit"),   QStringLiteral("social_insurance"),
                     QStringLiteral("business_licence"),   QStringLiteral("marriage_certificate"),
                     QStringLiteral("utility_bill")};
    QString contact;
    for (int i = 0; i < 8; ++i)
        contact +=
            QStringLiteral("请于工作日上午八点至十一点半、下午两点至五点到学校招生办公室咨询，电话0633-1234567。");
    data.contact = contact + QStringLiteral("结束语");
    const QString pdf = m_dir.filePath(QStringLiteral("receipt-long.pdf"));
    QVERIFY_OK(CounterReceipt::writePdf(data, pdf));

    QString error;
    const QString text = pdfText(pdf, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(text.count(QChar(u'\f')), 1); // one page
    QVERIFY2(text.contains(QStringLiteral("utility_bill")), qPrintable(text));
    QVERIFY2(textHolds(text, QStringLiteral("结束语")), qPrintable(text));
    QCOMPARE(decodedQr(pdf, &error), kClientRef);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestCounterReceipt::missingFolderIsAnError()
{
    const QString path = m_dir.filePath(QStringLiteral("no-such-folder/receipt.pdf"));
    const Status status = CounterReceipt::writePdf(sample(), path);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, QStringLiteral("cannot_write"));
    QVERIFY(!status.error().message.isEmpty());
    QVERIFY(!QFile::exists(path));
    QVERIFY(!QDir(m_dir.filePath(QStringLiteral("no-such-folder"))).exists());
}

QTEST_MAIN(TestCounterReceipt)
#include "tst_counterreceipt.moc"
