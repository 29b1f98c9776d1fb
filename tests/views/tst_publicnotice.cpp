#include "CityFixture.h"
#include "PdfText.h"
#include "ResultCheck.h"
#include "domain/CanonicalJson.h"
#include "security/Crypto.h"
#include "security/Signatures.h"
#include "store/Sql.h"
#include "views/PublicNotice.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace adm;
using namespace adm::views;
using testsupport::decodedQr;
using testsupport::pdfText;
using testsupport::textHolds;

namespace {

const QString kBatchId = QStringLiteral("6f1c2a9e-4b7d-4e21-9a3c-0d5e8f7b1a24");

#define SKIP_WITHOUT_TOOLS()                                                                                           \
    do {                                                                                                               \
        const QString missing_ = testsupport::missingPdfTools(true);                                                   \
        if (!missing_.isEmpty())                                                                                       \
            QSKIP(qPrintable(QStringLiteral("%1 is not installed (poppler-utils and zbar-tools are needed to read "    \
                                            "the notice back)")                                                        \
                                 .arg(missing_)));                                                                     \
    } while (false)

struct Child {
    QString name;
    QString idNumber;
    QString category;
};

// `count` children with distinct full names of two, three and four characters, and ID numbers.
QList<Child> someChildren(int count)
{
    const QStringList surnames{QStringLiteral("王"), QStringLiteral("李"),   QStringLiteral("张"),
                               QStringLiteral("刘"), QStringLiteral("陈"),   QStringLiteral("杨"),
                               QStringLiteral("赵"), QStringLiteral("欧阳"), QStringLiteral("司马")};
    const QStringList given{QStringLiteral("小明"), QStringLiteral("子涵"), QStringLiteral("雨桐"),
                            QStringLiteral("浩然"), QStringLiteral("梓萱"), QStringLiteral("宇轩"),
                            QStringLiteral("思远"), QStringLiteral("嘉怡"), QStringLiteral("博文"),
                            QStringLiteral("欣妍"), QStringLiteral("晨"),   QStringLiteral("瑶"),
                            QStringLiteral("一诺"), QStringLiteral("安琪")};
    QList<Child> out;
    for (int i = 0; out.size() < count; ++i) {
        const QString name = surnames.at(i % surnames.size()) + given.at((i / surnames.size()) % given.size());
        out.append(
            {name,
             QStringLiteral("3711022019%1%2").arg(1000 + i, 4, 10, QChar(u'0')).arg(i % 10000, 4, 10, QChar(u'0')),
             QString(QChar(u'A' + i % 3))});
    }
    return out;
}

QString fingerprintOfNewKey()
{
    auto key = crypto::generateSigningKey(crypto::SignatureAlgorithm::Ed25519);
    return key ? crypto::keyFingerprint(key->publicKeyPem) : QString();
}

// An ID number (18 characters, the last a digit or X) standing alone in text.
const QRegularExpression kIdNumber(QStringLiteral("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])"));

} // namespace

// The public notice of a signed batch (issue 14): masked names (王*明), never a full name or an ID number,
// the batch id, the signer's key fingerprint and page numbers in the text pdftotext reads back, and a QR
// code that reads back as "<batch id> <SHA-256 of the signed bytes>". Built from data directly, and
// through readPublicNotice from a signed batch in a cache (the fixture city's applications).
class TestPublicNotice : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void maskName_data();
    void maskName();
    void categoryLabels();
    void noticeOfManyRowsOnSeveralPages();
    void emptyNoticeIsOnePage();
    void missingFolderIsAnError();
    void noticeOfASignedBatchInTheCache();

private:
    QTemporaryDir m_dir;
};

void TestPublicNotice::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestPublicNotice::maskName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("masked");
    QTest::newRow("three") << QStringLiteral("王小明") << QStringLiteral("王*明");
    QTest::newRow("two") << QStringLiteral("李明") << QStringLiteral("李*");
    QTest::newRow("four, compound surname") << QStringLiteral("欧阳小明") << QStringLiteral("欧**明");
    QTest::newRow("one") << QStringLiteral("王") << QStringLiteral("*");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("spaces around") << QStringLiteral("  张三 ") << QStringLiteral("张*");
    QTest::newRow("with a middle dot") << QStringLiteral("买买提·艾力") << QStringLiteral("买****力");
    // 𠮷 (U+20BB7) is one character, two UTF-16 code units.
    QTest::newRow("outside the BMP") << QStringLiteral("\U00020BB7小明") << QStringLiteral("\U00020BB7*明");
    QTest::newRow("latin") << QStringLiteral("Anna Li") << QStringLiteral("A*****i");
}

void TestPublicNotice::maskName()
{
    QFETCH(QString, name);
    QFETCH(QString, masked);
    QCOMPARE(PublicNotice::maskName(name), masked);
}

void TestPublicNotice::categoryLabels()
{
    QCOMPARE(PublicNotice::categoryLabel(QStringLiteral("A")), QStringLiteral("A类"));
    QCOMPARE(PublicNotice::categoryLabel(QStringLiteral("C")), QStringLiteral("C类"));
    QCOMPARE(PublicNotice::categoryLabel(QStringLiteral("X")), QStringLiteral("X"));
}

void TestPublicNotice::noticeOfManyRowsOnSeveralPages()
{
    SKIP_WITHOUT_TOOLS();
    const QList<Child> kids = someChildren(120);
    PublicNoticeData d;
    d.batchId = kBatchId;
    d.batchTitle = QStringLiteral("第一轮录取");
    d.schoolName = QStringLiteral("东港区第一实验小学");
    d.schoolId = QStringLiteral("S371102001");
    d.title = QStringLiteral("东港区第一实验小学 2026年义务教育招生录取公示名单");
    d.signer = QStringLiteral("principal.s371102001");
    d.keyFingerprint = fingerprintOfNewKey();
    QCOMPARE(d.keyFingerprint.size(), 79);
    d.algorithm = QStringLiteral("ed25519");
    d.signedAt = QDateTime(QDate(2026, 6, 8), QTime(10, 15));
    d.signedBytesSha256Hex = crypto::sha256(QByteArrayLiteral("{\"id\":\"the signed bytes\"}")).toHex();
    for (const Child& c : kids)
        d.rows.append({PublicNotice::maskName(c.name), c.category, QStringLiteral("approve")});

    const int pages = PublicNotice::pageCount(d);
    QVERIFY2(pages >= 3, qPrintable(QStringLiteral("%1 page(s)").arg(pages)));

    const QString pdf = m_dir.filePath(QStringLiteral("notice.pdf"));
    QVERIFY_OK(PublicNotice::writePdf(d, pdf));
    QString error;
    const QString text = pdfText(pdf, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QVERIFY(textHolds(text, d.title));
    QVERIFY(text.contains(kBatchId));
    QVERIFY(text.contains(d.keyFingerprint));
    QVERIFY(text.contains(QString::fromLatin1(d.signedBytesSha256Hex)));
    QVERIFY(text.contains(d.signer));
    QVERIFY(text.contains(QStringLiteral("2026-06-08 10:15")));
    QVERIFY2(textHolds(text, QStringLiteral("第 1 页 共 %1 页").arg(pages)), qPrintable(text.right(300)));
    QVERIFY(textHolds(text, QStringLiteral("第 %1 页 共 %1 页").arg(pages)));
    QCOMPARE(text.count(QStringLiteral("批次编号 ") + kBatchId), pages); // every page's footer
    for (const Child& c : kids) {
        const QString masked = PublicNotice::maskName(c.name);
        QVERIFY2(textHolds(text, masked), qPrintable(masked));
        QVERIFY2(!textHolds(text, c.name), qPrintable(QStringLiteral("the full name %1 is on the notice").arg(c.name)));
        QVERIFY(!text.contains(c.idNumber));
    }
    QVERIFY(!kIdNumber.match(text).hasMatch());
    // The last row's number, on the last page.
    QVERIFY(QRegularExpression(QStringLiteral("(?<![0-9])120\\s")).match(text).hasMatch());

    QCOMPARE(decodedQr(pdf, &error),
             QStringLiteral("%1 %2").arg(kBatchId, QString::fromLatin1(d.signedBytesSha256Hex)));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestPublicNotice::emptyNoticeIsOnePage()
{
    SKIP_WITHOUT_TOOLS();
    PublicNoticeData d;
    d.batchId = kBatchId;
    d.schoolId = QStringLiteral("S371102001");
    d.signedBytesSha256Hex = crypto::sha256(QByteArrayLiteral("x")).toHex();
    QCOMPARE(PublicNotice::pageCount(d), 1);
    const QString pdf = m_dir.filePath(QStringLiteral("empty.pdf"));
    QVERIFY_OK(PublicNotice::writePdf(d, pdf));
    QString error;
    const QString text = pdfText(pdf, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(textHolds(text, QStringLiteral("第 1 页 共 1 页")));
    QVERIFY(textHolds(text, QStringLiteral("本批次没有录取的儿童")));
}

void TestPublicNotice::missingFolderIsAnError()
{
    PublicNoticeData d;
    d.batchId = kBatchId;
    const Status s = PublicNotice::writePdf(d, m_dir.filePath(QStringLiteral("no/such/folder/notice.pdf")));
    QVERIFY(!s);
    QCOMPARE(s.error().code, QStringLiteral("cannot_write"));
    const Status dir = PublicNotice::writePdf(d, m_dir.path());
    QVERIFY(!dir);
    QCOMPARE(dir.error().code, QStringLiteral("cannot_write"));
}

// A signed batch written into the cache as SignOff::sign writes it (the canonical bytes of the contract's
// batch object, signed with a fresh key, the key's row), for the fixture city's applications of one school.
void TestPublicNotice::noticeOfASignedBatchInTheCache()
{
    SKIP_WITHOUT_TOOLS();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto ws = testsupport::makeFixtureWorkspace(dir.path());
    QVERIFY(ws);
    store::Connection& c = ws->database().writer();

    // The school with the most applications, and its applications.
    auto school = c.scalar(QStringLiteral("SELECT target_school_id FROM applications GROUP BY target_school_id "
                                          "ORDER BY count(*) DESC, target_school_id LIMIT 1"));
    QVERIFY(school && !school->isNull());
    const QString schoolId = school->toString();
    struct App {
        QString id;
        qint64 version;
        QString name;
        QString idNumber;
    };
    QList<App> apps;
    {
        auto q = c.prepare(QStringLiteral("SELECT id, version, child_name, child_id_number FROM applications WHERE "
                                          "target_school_id = ? ORDER BY id"));
        QVERIFY_OK(q);
        q->bind(1, schoolId);
        while (q->step())
            apps.append({q->text(0), q->int64(1), q->text(2), q->text(3)});
    }
    QVERIFY2(apps.size() >= 3, qPrintable(QStringLiteral("%1 application(s) of %2").arg(apps.size()).arg(schoolId)));
    QStringList guardianIds;
    {
        auto q = c.prepare(QStringLiteral("SELECT p.id_number FROM application_people p JOIN applications a ON "
                                          "a.id = p.application_id WHERE a.target_school_id = ?"));
        QVERIFY_OK(q);
        q->bind(1, schoolId);
        while (q->step())
            guardianIds.append(q->text(0));
    }

    auto key = crypto::generateSigningKey(crypto::SignatureAlgorithm::Ed25519);
    QVERIFY_OK(key);
    const QString fingerprint = crypto::keyFingerprint(key->publicKeyPem);
    const QString keyId = QStringLiteral("principal-%1").arg(QString(fingerprint).remove(u':').left(16));
    {
        auto k =
            c.prepare(QStringLiteral("INSERT INTO signing_keys (key_id, user, account, algorithm, public_key_pem, "
                                     "wrapped_private_key, fingerprint, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        QVERIFY_OK(k);
        k->bind(1, keyId)
            .bind(2, ws->user())
            .bind(3, QStringLiteral("principal"))
            .bind(4, QStringLiteral("ed25519"))
            .bindUtf8(5, key->publicKeyPem)
            .bind(6, QByteArrayLiteral("not used here"))
            .bind(7, fingerprint)
            .bind(8, QStringLiteral("2026-06-08T02:00:00Z"));
        QVERIFY_OK(k->run());
    }

    // Every application approved in turn A, B, C, except the last one, rejected.
    auto batchObject = [&](const QString& id, const QList<App>& items, bool approveAll) {
        QJsonArray list;
        for (int i = 0; i < items.size(); ++i) {
            const bool approve = approveAll && i + 1 < items.size();
            QJsonObject item{
                {QStringLiteral("application_id"), items.at(i).id},
                {QStringLiteral("version"), items.at(i).version},
                {QStringLiteral("outcome"), approve ? QStringLiteral("approve") : QStringLiteral("reject")}};
            if (approve)
                item.insert(QStringLiteral("category"), QString(QChar(u'C' - i % 3)));
            list.append(item);
        }
        return QJsonObject{{QStringLiteral("id"), id},
                           {QStringLiteral("school_id"), schoolId},
                           {QStringLiteral("title"), QStringLiteral("第一轮录取")},
                           {QStringLiteral("created_at"), QStringLiteral("2026-06-08T01:00:00Z")},
                           {QStringLiteral("signer"), QStringLiteral("principal")},
                           {QStringLiteral("key_id"), keyId},
                           {QStringLiteral("algorithm"), QStringLiteral("ed25519")},
                           {QStringLiteral("items"), list}};
    };
    auto insertBatch = [&](const QString& id, const QString& state, const QByteArray& canonical,
                           const QByteArray& signature) {
        auto b =
            c.prepare(QStringLiteral("INSERT INTO batches (id, school_id, title, created_at, created_by, state, "
                                     "signed_at, key_id, canonical, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        if (!b)
            return Status(b.error());
        b->bind(1, id)
            .bind(2, schoolId)
            .bind(3, QStringLiteral("第一轮录取"))
            .bind(4, QStringLiteral("2026-06-08T01:00:00Z"))
            .bind(5, ws->user())
            .bind(6, state);
        if (state == QLatin1String("draft")) {
            b->bindNull(7).bindNull(8).bindNull(9).bindNull(10);
        } else {
            b->bind(7, QStringLiteral("2026-06-08T02:15:00Z")).bind(8, keyId).bind(9, canonical).bind(10, signature);
        }
        return b->run();
    };
    auto signAndInsert = [&](const QString& id, const QJsonObject& object, bool tamper = false) {
        const QByteArray canonical = json::canonical(object);
        auto signature = crypto::signMessage(key->privateKeyPem, crypto::SignatureAlgorithm::Ed25519, canonical);
        if (!signature)
            return Status(signature.error());
        QByteArray stored = canonical;
        if (tamper)
            stored.replace("第一轮录取", "第二轮录取");
        return insertBatch(id, QStringLiteral("signed"), stored, *signature);
    };

    const QString signedId = QStringLiteral("0b3e7a52-1c4d-4f6a-8e9b-2d7c5a1f3e60");
    const QJsonObject object = batchObject(signedId, apps, true);
    QVERIFY_OK(signAndInsert(signedId, object));
    const QString draftId = QStringLiteral("1c4f8b63-2d5e-4a7b-9fac-3e8d6b2a4f71");
    QVERIFY_OK(insertBatch(draftId, QStringLiteral("draft"), {}, {}));
    const QString rejectsId = QStringLiteral("2d5a9c74-3e6f-4b8c-a0bd-4f9e7c3b5a82");
    QVERIFY_OK(signAndInsert(rejectsId, batchObject(rejectsId, apps, false)));
    const QString tamperedId = QStringLiteral("3e6bad85-4f70-4c9d-b1ce-5a0f8d4c6b93");
    QVERIFY_OK(signAndInsert(tamperedId, batchObject(tamperedId, apps, true), true));

    auto notice = PublicNotice::readPublicNotice(c, signedId);
    QVERIFY_OK(notice);
    QCOMPARE(notice->batchId, signedId);
    QCOMPARE(notice->schoolId, schoolId);
    QVERIFY(!notice->schoolName.isEmpty());
    QVERIFY2(notice->title.startsWith(notice->schoolName + u' ') &&
                 notice->title.endsWith(QStringLiteral("年义务教育招生录取公示名单")),
             qPrintable(notice->title));
    QCOMPARE(notice->batchTitle, QStringLiteral("第一轮录取"));
    QCOMPARE(notice->signer, QStringLiteral("principal"));
    QCOMPARE(notice->keyFingerprint, fingerprint);
    QCOMPARE(notice->algorithm, QStringLiteral("ed25519"));
    QCOMPARE(notice->signedAt, QDateTime(QDate(2026, 6, 8), QTime(2, 15), Qt::UTC));
    QCOMPARE(notice->signedBytesSha256Hex, crypto::sha256(json::canonical(object)).toHex());
    // The approvals only (the last application was rejected), by category, with masked names.
    QCOMPARE(notice->rows.size(), apps.size() - 1);
    QStringList categories;
    QStringList expectedNames;
    for (const PublicNoticeRow& r : std::as_const(notice->rows)) {
        categories << r.category;
        QCOMPARE(r.outcome, QStringLiteral("approve"));
    }
    QStringList sorted = categories;
    sorted.sort();
    QCOMPARE(categories, sorted);
    for (int i = 0; i + 1 < apps.size(); ++i)
        expectedNames << PublicNotice::maskName(apps.at(i).name);
    QStringList names;
    for (const PublicNoticeRow& r : std::as_const(notice->rows))
        names << r.maskedName;
    names.sort();
    expectedNames.sort();
    QCOMPARE(names, expectedNames);

    const QString pdf = m_dir.filePath(QStringLiteral("cached.pdf"));
    QVERIFY_OK(PublicNotice::writePdf(*notice, pdf));
    QString error;
    const QString text = pdfText(pdf, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(text.contains(signedId));
    QVERIFY(text.contains(fingerprint));
    QVERIFY(textHolds(text, notice->title));
    for (const App& a : std::as_const(apps)) {
        if (a.name.size() > 1)
            QVERIFY2(!textHolds(text, a.name),
                     qPrintable(QStringLiteral("the full name of %1 is on the notice").arg(a.id)));
        QVERIFY2(!text.contains(a.idNumber),
                 qPrintable(QStringLiteral("the ID number of %1 is on the notice").arg(a.id)));
    }
    for (const QString& id : std::as_const(guardianIds))
        QVERIFY(!text.contains(id));
    QVERIFY(!kIdNumber.match(text).hasMatch());
    for (const QString& masked : std::as_const(expectedNames))
        QVERIFY2(textHolds(text, masked), qPrintable(masked));
    QCOMPARE(
        decodedQr(pdf, &error),
        QStringLiteral("%1 %2").arg(signedId, QString::fromLatin1(crypto::sha256(json::canonical(object)).toHex())));

    // What has no notice.
    QCOMPARE(PublicNotice::readPublicNotice(c, draftId).error().code, QStringLiteral("not_signed"));
    QCOMPARE(PublicNotice::readPublicNotice(c, QStringLiteral("no-such-batch")).error().code,
             QStringLiteral("not_found"));
    QCOMPARE(PublicNotice::readPublicNotice(c, rejectsId).error().code, QStringLiteral("nothing_to_notice"));
    QCOMPARE(PublicNotice::readPublicNotice(c, tamperedId).error().code, QStringLiteral("bad_signature"));
    QVERIFY_OK(c.exec(QStringLiteral("UPDATE batches SET state = 'invalid' WHERE id = '%1'").arg(signedId)));
    QCOMPARE(PublicNotice::readPublicNotice(c, signedId).error().code, QStringLiteral("batch_refused"));
}

QTEST_MAIN(TestPublicNotice)
#include "tst_publicnotice.moc"
