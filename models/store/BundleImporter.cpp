#include "BundleImporter.h"

#include "domain/JsonCodec.h"

#include <QFuture>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentRun>

namespace adm::store {

namespace {

struct ParsedBatch {
    QList<Change> changes;
    qint64 firstLine = 0;
    Error error;
};

ParsedBatch parseLines(const QList<QByteArray>& lines, qint64 firstLine)
{
    ParsedBatch batch;
    batch.firstLine = firstLine;
    batch.changes.reserve(lines.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const qint64 lineNo = firstLine + i;
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(lines.at(i), &pe);
        if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
            batch.error =
                Error{QStringLiteral("invalid_json"), QStringLiteral("line %1: not a JSON object (%2 at byte %3)")
                                                          .arg(lineNo)
                                                          .arg(pe.errorString())
                                                          .arg(pe.offset)};
            return batch;
        }
        auto change = json::readChange(doc.object());
        if (!change) {
            batch.error = Error{QStringLiteral("invalid_change"),
                                QStringLiteral("line %1: %2").arg(lineNo).arg(change.error().message)};
            return batch;
        }
        if (Status s = ChangeApplier::validate(*change); !s) {
            batch.error = Error{QStringLiteral("invalid_change"),
                                QStringLiteral("line %1: %2").arg(lineNo).arg(s.error().message)};
            return batch;
        }
        // Keep `data` byte for byte as it came (it was just validated as part of this line).
        if (!change->isDelete())
            change->rawData = json::topLevelValue(lines.at(i), QByteArrayLiteral("data"));
        batch.changes.append(std::move(*change));
    }
    return batch;
}

} // namespace

BundleImporter::BundleImporter(Connection& writer, int batchSize)
    : m_applier(writer)
    , m_batchSize(batchSize)
{}

Result<ApplyStats> BundleImporter::run(QIODevice& input, const ProgressFn& progress)
{
    Progress p;
    p.totalBytes = input.size();
    qint64 lineNo = 0;

    auto readBatch = [&](qint64* firstLine) {
        QList<QByteArray> lines;
        lines.reserve(m_batchSize);
        *firstLine = lineNo + 1;
        while (lines.size() < m_batchSize && !input.atEnd()) {
            QByteArray line = input.readLine();
            ++lineNo;
            p.bytes += line.size();
            line = line.trimmed();
            if (line.isEmpty())
                continue;
            lines.append(std::move(line));
        }
        return lines;
    };

    qint64 first = 0;
    QList<QByteArray> lines = readBatch(&first);
    QFuture<ParsedBatch> pending = QtConcurrent::run(parseLines, lines, first);
    while (true) {
        ParsedBatch batch = pending.result();
        if (!batch.error.code.isEmpty())
            return batch.error;
        if (batch.changes.isEmpty() && input.atEnd())
            break;
        // Parse the next batch while this one is written.
        QList<QByteArray> next = readBatch(&first);
        const bool more = !next.isEmpty();
        if (more)
            pending = QtConcurrent::run(parseLines, next, first);
        if (!batch.changes.isEmpty()) {
            const qint64 lastLine = batch.firstLine + batch.changes.size() - 1;
            auto stats = m_applier.applyValidated( // parseLines() validated every change
                batch.changes, {{QStringLiteral("import.last_seq"), QString::number(batch.changes.last().seq)}});
            if (!stats) {
                if (more)
                    pending.waitForFinished();
                return Error{
                    stats.error().code,
                    QStringLiteral("lines %1-%2: %3").arg(batch.firstLine).arg(lastLine).arg(stats.error().message)};
            }
            p.stats += *stats;
            p.lines = lineNo;
            if (progress)
                progress(p);
        }
        if (!more)
            break;
    }
    return p.stats;
}

} // namespace adm::store
