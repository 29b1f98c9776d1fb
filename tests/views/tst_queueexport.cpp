#include "CityFixture.h"
#include "ResultCheck.h"
#include "domain/IdNumber.h"
#include "store/Workspace.h"
#include "views/CsvText.h"
#include "views/LocalSession.h"
#include "views/QueueExport.h"
#include "views/QueueExportJob.h"
#include "views/QueueModel.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace adm;
using namespace adm::views;

namespace {

// pdftotext reads a glyph back as the first code point the font maps to it: for some Han characters
// that is a Kangxi radical (入 as U+2F0A; NFKC folds these) or a CJK Radicals Supplement character
// (黄 as ⻩ U+2EE9; NFKC does not). A name's character matches itself or such a radical.
bool holdsName(const QString& line, const QString& name)
{
    QString pattern;
    for (const QChar c : name)
        pattern += QStringLiteral("(?:%1|[\\x{2E80}-\\x{2EFF}])").arg(QRegularExpression::escape(QString(c)));
    return QRegularExpression(pattern).match(line).hasMatch();
}

// One CSV line's fields (RFC 4180 quoting; the test data has no line breaks inside fields).
QStringList csvFields(const QString& line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

} // namespace

// Export of a filtered, sorted queue view on a generated city in a real SQLCipher cache: the CSV
// holds the view's rows in its order; the XLSX opens (unzip) and its ID cells are string cells; the
// PDF's text (pdftotext, NFKC) holds the rows; ID numbers are masked unless revealed with a reason,
// which is audited; a cancelled export leaves no file.
class TestQueueExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void csvRowsEqualTheView();
    void xlsxOpensWithTextIdCells();
    void pdfTextHoldsTheRows();
    void cancelLeavesNoFile();
    void revealNeedsAReason();
    void csvFieldsKeepFormulasAsText_data();
    void csvFieldsKeepFormulasAsText();

private:
    QueueQuery filteredQuery() const;
    // The view's application ids, read through the queue model as the table does.
    QStringList viewIds(const QueueQuery& query);
    struct Run {
        bool ok = false;
        qint64 rows = 0;
        QString code;
        QString message;
    };
    Run exportTo(const ExportRequest& request, bool cancelAtOnce = false);
    QStringList auditSubjects(const QString& action);
    QString idNumberOf(const QString& applicationId);
    bool hasTool(const QString& name);

    QTemporaryDir m_dir;
    QTemporaryDir m_out;
    std::unique_ptr<LocalSession> m_session;
    store::Workspace* m_ws = nullptr;
};

void TestQueueExport::initTestCase()
{
    auto ws = testsupport::makeCityWorkspace(m_dir.path(), 1500);
    QVERIFY(ws);
    m_ws = ws.get();
    m_session = std::make_unique<LocalSession>(std::move(ws));
}

void TestQueueExport::cleanupTestCase()
{
    m_session.reset();
}

QueueQuery TestQueueExport::filteredQuery() const
{
    // Flagged online applications, by child's name, last first: a filter and a sort of their own.
    QueueQuery q;
    q.bin = Bin::Flagged;
    q.filter.channel = QStringLiteral("online");
    q.sortColumn = Column::Child;
    q.order = Qt::DescendingOrder;
    return q;
}

QStringList TestQueueExport::viewIds(const QueueQuery& query)
{
    QueueModel model(m_session->readers());
    model.setQuery(query);
    if (!QTest::qWaitFor([&] { return !model.isCounting() && model.rowCount() > 0; }, 10000))
        return {};
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << testsupport::queueText(model, row, Column::Number);
    return ids;
}

TestQueueExport::Run TestQueueExport::exportTo(const ExportRequest& request, bool cancelAtOnce)
{
    QueueExportJob job(*m_session);
    Run run;
    bool done = false;
    connect(&job, &QueueExportJob::finished, this,
            [&](bool ok, qint64 rows, const QString& code, const QString& message) {
                run = Run{ok, rows, code, message};
                done = true;
            });
    job.start(request);
    // Cancelled before the thread can have finished its first page: the writers check after each.
    if (cancelAtOnce)
        job.cancel();
    if (!QTest::qWaitFor([&] { return done; }, 120000))
        run.message = QStringLiteral("no answer");
    return run;
}

QStringList TestQueueExport::auditSubjects(const QString& action)
{
    QStringList out;
    auto q = m_ws->database().writer().prepare(
        QStringLiteral("SELECT subject FROM audit_log WHERE action = ? ORDER BY seq"));
    if (!q)
        return out;
    q->bind(1, action);
    while (q->step())
        out << q->text(0);
    return out;
}

QString TestQueueExport::idNumberOf(const QString& applicationId)
{
    auto v = m_ws->database().writer().scalar(
        QStringLiteral("SELECT child_id_number FROM applications WHERE id = '%1'").arg(applicationId));
    return v ? v->toString() : QString();
}

bool TestQueueExport::hasTool(const QString& name)
{
    return !QStandardPaths::findExecutable(name).isEmpty();
}

void TestQueueExport::csvRowsEqualTheView()
{
    const QueueQuery query = filteredQuery();
    const QStringList view = viewIds(query);
    QVERIFY2(view.size() > 20, qPrintable(QString::number(view.size())));
    const QString path = m_out.filePath(QStringLiteral("view.csv"));
    const int auditsBefore = int(auditSubjects(QStringLiteral("queue.export")).size());

    const Run run = exportTo({query, QueueExport::Format::Csv, path, false, {}});
    QVERIFY2(run.ok, qPrintable(run.message));
    QCOMPARE(run.rows, qint64(view.size()));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), view.size() + 1);
    lines.removeFirst(); // the header
    QStringList ids;
    for (const QString& line : lines) {
        const QStringList cells = csvFields(line);
        QCOMPARE(cells.size(), 11);
        ids << cells.at(0);
        // Masked as the app masks them; the full number is nowhere in the file.
        const QString full = idNumberOf(cells.at(0));
        QCOMPARE(cells.at(ExportTable::kIdColumn), IdNumber::masked(full));
        QVERIFY(!bytes.contains(full.toUtf8()));
        QCOMPARE(cells.at(8), QStringLiteral("Online"));
    }
    QCOMPARE(ids, view);

    const QStringList audits = auditSubjects(QStringLiteral("queue.export"));
    QCOMPARE(audits.size(), auditsBefore + 1);
    QCOMPARE(audits.last(), QStringLiteral("format=csv rows=%1 bin=flagged ids=masked").arg(view.size()));
}

void TestQueueExport::xlsxOpensWithTextIdCells()
{
    if (!hasTool(QStringLiteral("unzip")))
        QSKIP("unzip is not installed (scripts/common.sh installs it)");
    const QueueQuery query = filteredQuery();
    const QStringList view = viewIds(query);
    QVERIFY2(view.size() > 20, qPrintable(QString::number(view.size())));
    const QString path = m_out.filePath(QStringLiteral("view.xlsx"));
    const Run run = exportTo({query, QueueExport::Format::Xlsx, path, true, QStringLiteral("bureau_report")});
    QVERIFY2(run.ok, qPrintable(run.message));

    // Opened with a real tool: the archive lists and its sheet reads.
    QProcess unzip;
    unzip.start(QStringLiteral("unzip"), {QStringLiteral("-p"), path, QStringLiteral("xl/worksheets/sheet1.xml")});
    QVERIFY(unzip.waitForFinished(30000));
    QCOMPARE(unzip.exitCode(), 0);
    const QString sheet = QString::fromUtf8(unzip.readAllStandardOutput());
    QVERIFY(sheet.contains(QStringLiteral("<sheetData>")));

    // Every ID cell (column C) below the header is a string cell holding the full number.
    static const QRegularExpression cell(QStringLiteral("<c r=\"C(\\d+)\"([^>]*)>(.*?)</c>"));
    int idCells = 0;
    for (auto it = cell.globalMatch(sheet); it.hasNext();) {
        const auto m = it.next();
        const int row = m.captured(1).toInt();
        if (row == 1)
            continue;
        const QString attributes = m.captured(2);
        QVERIFY2(attributes.contains(QStringLiteral("t=\"inlineStr\"")) ||
                     attributes.contains(QStringLiteral("t=\"s\"")),
                 qPrintable(m.captured(0)));
        QVERIFY2(!m.captured(3).startsWith(QStringLiteral("<v>")) || attributes.contains(QStringLiteral("t=\"s\"")),
                 qPrintable(m.captured(0)));
        if (attributes.contains(QStringLiteral("inlineStr")))
            QVERIFY2(m.captured(3).contains(idNumberOf(view.at(row - 2))), qPrintable(m.captured(0)));
        ++idCells;
    }
    QCOMPARE(idCells, view.size());
    // Rows in the view's order: column A.
    static const QRegularExpression first(QStringLiteral("<c r=\"A(\\d+)\"[^>]*><is><t>([^<]*)</t>"));
    QStringList ids;
    for (auto it = first.globalMatch(sheet); it.hasNext();) {
        const auto m = it.next();
        if (m.captured(1) != QLatin1String("1"))
            ids << m.captured(2);
    }
    QCOMPARE(ids, view);

    // The reveal is audited: who, how many rows, the reason; never an ID number.
    auto q = m_ws->database().writer().prepare(
        QStringLiteral("SELECT actor, subject FROM audit_log WHERE action = 'queue.export' ORDER BY seq DESC LIMIT 1"));
    QVERIFY_OK(q);
    QVERIFY(q->step());
    QCOMPARE(q->text(0), testsupport::kReviewer);
    QCOMPARE(q->text(1),
             QStringLiteral("format=xlsx rows=%1 bin=flagged ids=full reason=bureau_report").arg(view.size()));
    auto leaked = m_ws->database().writer().scalar(
        QStringLiteral("SELECT count(*) FROM audit_log WHERE subject LIKE '%%1%'").arg(idNumberOf(view.first())));
    QVERIFY_OK(leaked);
    QCOMPARE(leaked->toInt(), 0);
}

void TestQueueExport::pdfTextHoldsTheRows()
{
    if (!hasTool(QStringLiteral("pdftotext")))
        QSKIP("pdftotext is not installed (poppler-utils; scripts/common.sh installs it)");
    QueueQuery query = filteredQuery();
    query.sortColumn = Column::Number;
    query.order = Qt::AscendingOrder;
    const QStringList view = viewIds(query);
    QVERIFY(view.size() > 40); // more than one page
    const QString path = m_out.filePath(QStringLiteral("view.pdf"));
    const Run run = exportTo({query, QueueExport::Format::Pdf, path, false, {}});
    QVERIFY2(run.ok, qPrintable(run.message));

    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    QVERIFY(pdftotext.waitForFinished(60000));
    QCOMPARE(pdftotext.exitCode(), 0);
    // QPdfWriter writes some Han characters as Kangxi radicals (入 as U+2F0A): compare in NFKC.
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
    int at = 0;
    QueueModel model(m_session->readers());
    model.setQuery(query);
    QTRY_VERIFY(!model.isCounting() && model.rowCount() == view.size());
    for (int row = 0; row < view.size(); ++row) {
        const int found = int(text.indexOf(view.at(row), at));
        QVERIFY2(found >= 0, qPrintable(QStringLiteral("%1 not found after offset %2").arg(view.at(row)).arg(at)));
        at = found + 1;
        // The child's name on the same line.
        const QString name =
            testsupport::queueText(model, row, Column::Child).normalized(QString::NormalizationForm_KC);
        const qsizetype lineEnd = text.indexOf(u'\n', found);
        QVERIFY2(holdsName(text.mid(found, lineEnd - found), name), qPrintable(view.at(row)));
    }
    QVERIFY(text.contains(QStringLiteral("Page 1 of ")));
    QVERIFY(text.contains(QStringLiteral("Channel: Online")));
}

void TestQueueExport::cancelLeavesNoFile()
{
    QueueQuery everything; // every application to review, as PDF: long enough to be cancelled
    const QString path = m_out.filePath(QStringLiteral("cancelled.pdf"));
    const int auditsBefore = int(auditSubjects(QStringLiteral("queue.export")).size());
    const Run run = exportTo({everything, QueueExport::Format::Pdf, path, false, {}}, true);
    QVERIFY(!run.ok);
    QCOMPARE(run.code, QStringLiteral("cancelled"));
    QVERIFY(!QFile::exists(path));
    const QStringList left = QDir(m_out.path()).entryList({QStringLiteral("*cancelled*")}, QDir::Files | QDir::Hidden);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(u' ')));
    QCOMPARE(auditSubjects(QStringLiteral("queue.export")).size(), auditsBefore);
}

void TestQueueExport::revealNeedsAReason()
{
    const QString path = m_out.filePath(QStringLiteral("noreason.csv"));
    const Run run = exportTo({filteredQuery(), QueueExport::Format::Csv, path, true, QStringLiteral("because")});
    QVERIFY(!run.ok);
    QCOMPARE(run.code, QStringLiteral("bad_input"));
    QVERIFY(!QFile::exists(path));
}

void TestQueueExport::csvFieldsKeepFormulasAsText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    QTest::newRow("plain") << QStringLiteral("丁一") << QStringLiteral("丁一");
    QTest::newRow("formula") << QStringLiteral("=1+1") << QStringLiteral("'=1+1");
    QTest::newRow("dde after a digit") << QStringLiteral("-2+cmd|'/C calc'!A0")
                                       << QStringLiteral("'-2+cmd|'/C calc'!A0");
    QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
    QTest::newRow("negative number") << QStringLiteral("-0.31") << QStringLiteral("-0.31");
    QTest::newRow("signed number") << QStringLiteral("+5") << QStringLiteral("+5");
    QTest::newRow("comma and quote") << QStringLiteral("a,\"b\"") << QStringLiteral("\"a,\"\"b\"\"\"");
    QTest::newRow("formula with a comma") << QStringLiteral("=A1,B1") << QStringLiteral("\"'=A1,B1\"");
    QTest::newRow("line break") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
}

// What a spreadsheet would run as a formula is written as text; a plain number stays a number.
void TestQueueExport::csvFieldsKeepFormulasAsText()
{
    QFETCH(QString, text);
    QFETCH(QString, field);
    QCOMPARE(csv::field(text), field);
    QCOMPARE(csv::line({text, QStringLiteral("1")}), (field + QStringLiteral(",1\r\n")).toUtf8());
}

QTEST_MAIN(TestQueueExport)
#include "tst_queueexport.moc"
