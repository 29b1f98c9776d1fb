#include "PdfText.h"

#include "TestSupport.h"

#include <QHash>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStringList>

namespace testsupport {

namespace {

// A system tool by its full path (run() takes a bare name for a program of the build).
QString tool(const char* name)
{
    const QString path = QStandardPaths::findExecutable(QString::fromLatin1(name));
    return path.isEmpty() ? QString::fromLatin1(name) : path;
}

QString failure(const QString& program, const ProcessResult& r)
{
    return QStringLiteral("%1 failed (%2): %3").arg(program).arg(r.exitCode).arg(QString::fromUtf8(r.err));
}

} // namespace

QString pdfText(const QString& pdf, QString* error)
{
    const ProcessResult r =
        run(tool("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")}, {}, {}, 60000);
    if (r.crashed || r.exitCode != 0) {
        *error = failure(QStringLiteral("pdftotext"), r);
        return {};
    }
    return QString::fromUtf8(r.out).normalized(QString::NormalizationForm_KC);
}

QString decodedQr(const QString& pdf, QString* error)
{
    const QString base = pdf.endsWith(QLatin1String(".pdf")) ? pdf.left(pdf.size() - 4) : pdf;
    const ProcessResult render = run(
        tool("pdftoppm"),
        {QStringLiteral("-r"), QStringLiteral("200"), QStringLiteral("-png"), QStringLiteral("-singlefile"), pdf, base},
        {}, {}, 60000);
    if (render.crashed || render.exitCode != 0) {
        *error = failure(QStringLiteral("pdftoppm"), render);
        return {};
    }
    const ProcessResult scan = run(
        tool("zbarimg"), {QStringLiteral("--raw"), QStringLiteral("-q"), base + QStringLiteral(".png")}, {}, {}, 60000);
    if (scan.crashed || scan.exitCode != 0) {
        *error = failure(QStringLiteral("zbarimg"), scan);
        return {};
    }
    return QString::fromUtf8(scan.out).trimmed();
}

bool textHolds(const QString& text, const QString& needle)
{
    static const QHash<QChar, QChar> variants{{QChar(0x6237), QChar(0x6236)}};
    QString pattern;
    for (const QChar c : needle) {
        const QString escaped = QRegularExpression::escape(QString(c));
        if (c.script() != QChar::Script_Han)
            pattern += escaped;
        else if (variants.contains(c))
            pattern += QStringLiteral("(?:%1|%2)").arg(escaped, QString(variants.value(c)));
        else
            pattern += QStringLiteral("(?:%1|[\\x{2E80}-\\x{2EFF}])").arg(escaped);
    }
    return QRegularExpression(pattern).match(text).hasMatch();
}

QString missingPdfTools(bool needsQr)
{
    QStringList tools{QStringLiteral("pdftotext")};
    if (needsQr)
        tools += {QStringLiteral("pdftoppm"), QStringLiteral("zbarimg")};
    QStringList missing;
    for (const QString& tool : std::as_const(tools))
        if (QStandardPaths::findExecutable(tool).isEmpty())
            missing += tool;
    return missing.join(QStringLiteral(", "));
}

} // namespace testsupport
