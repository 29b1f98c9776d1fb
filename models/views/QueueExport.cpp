#include "QueueExport.h"

#include "Labels.h"
#include "QueueReader.h"
#include "QueueSql.h"
#include "domain/IdNumber.h"
#include "domain/JsonCodec.h"
#include "store/Sql.h"

#include <QCoreApplication>
#include <QHash>

namespace adm::views {

namespace {

void bindAll(store::Statement& st, const QVariantList& binds)
{
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant& v = binds.at(i);
        if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
            st.bind(i + 1, v.toLongLong());
        else
            st.bind(i + 1, v.toString());
    }
}

} // namespace

ExportRowSource::~ExportRowSource() = default;

QueueExportSource::QueueExportSource(store::Connection& connection, QueueQuery query)
    : m_connection(connection)
    , m_query(std::move(query))
{}

QueueExportSource::~QueueExportSource()
{
    if (m_inTransaction)
        (void)m_connection.exec(QStringLiteral("COMMIT"));
}

Status QueueExportSource::open()
{
    // A read transaction: the qids and every page after them come from one snapshot (WAL).
    if (Status s = m_connection.exec(QStringLiteral("BEGIN")); !s)
        return s;
    m_inTransaction = true;
    QueueReader reader(m_connection);
    const SqlText text = QueueSql::scan(m_query, reader.planFor(m_query));
    auto q = m_connection.prepare(text.sql);
    if (!q)
        return q.error();
    bindAll(*q, text.binds);
    Error error;
    while (q->step(&error))
        m_qids.append(q->int64(0));
    if (!error.code.isEmpty())
        return error;
    if (!m_query.filter.schoolId.isEmpty()) {
        auto s = m_connection.prepare(QStringLiteral("SELECT name FROM schools WHERE id = ?"));
        if (!s)
            return s.error();
        s->bind(1, m_query.filter.schoolId);
        m_schoolName = s->step() ? s->text(0) : m_query.filter.schoolId;
    }
    return {};
}

Result<QVector<ExportRow>> QueueExportSource::next(int max)
{
    const QVector<qint64> part = m_qids.mid(m_next, max);
    m_next += part.size();
    if (part.isEmpty())
        return QVector<ExportRow>();
    auto rows = QueueReader(m_connection).rowsByQid(part);
    if (!rows)
        return rows.error();
    // The child's ID number (position 0), read by application id in the same snapshot.
    QHash<QString, QString> idNumbers;
    constexpr int kChunk = 400;
    for (qsizetype from = 0; from < rows->size(); from += kChunk) {
        const qsizetype n = std::min<qsizetype>(kChunk, rows->size() - from);
        QStringList marks;
        for (qsizetype i = 0; i < n; ++i)
            marks << QStringLiteral("?");
        auto q = m_connection.prepare(
            QStringLiteral("SELECT id, child_id_number FROM applications WHERE id IN (%1)").arg(marks.join(u',')));
        if (!q)
            return q.error();
        for (qsizetype i = 0; i < n; ++i)
            q->bind(int(i + 1), rows->at(from + i).applicationId);
        Error error;
        while (q->step(&error))
            idNumbers.insert(q->text(0), q->text(1));
        if (!error.code.isEmpty())
            return error;
    }
    QVector<ExportRow> out;
    out.reserve(rows->size());
    for (const QueueRow& r : *rows)
        out.append(ExportRow{r, idNumbers.value(r.applicationId)});
    return out;
}

ExportTable::ExportTable(bool revealIds, QDate referenceDate)
    : m_reveal(revealIds)
    , m_referenceDate(referenceDate)
{}

QStringList ExportTable::headers() const
{
    return {QCoreApplication::translate("QueueExport", "Number"),
            QCoreApplication::translate("QueueExport", "Child"),
            QCoreApplication::translate("QueueExport", "ID number"),
            QCoreApplication::translate("QueueExport", "Age"),
            QCoreApplication::translate("QueueExport", "School"),
            QCoreApplication::translate("QueueExport", "Claimed"),
            QCoreApplication::translate("QueueExport", "Checked"),
            QCoreApplication::translate("QueueExport", "Flags"),
            QCoreApplication::translate("QueueExport", "Channel"),
            QCoreApplication::translate("QueueExport", "Submitted"),
            QCoreApplication::translate("QueueExport", "Status")};
}

QVector<int> ExportTable::widths()
{
    return {12, 10, 19, 9, 26, 9, 9, 24, 8, 16, 16};
}

QStringList ExportTable::cells(const ExportRow& e) const
{
    const QueueRow& r = e.row;
    const QDateTime submitted = json::parseTime(r.submittedAt);
    QString status = labels::status(r.status);
    if (r.conflict)
        status = QCoreApplication::translate("QueueExport", "Conflict");
    else if (!r.pending.isEmpty())
        status = labels::pending(r.pending);
    QString flags = labels::flagList(r.flagMask);
    flags.replace(u'\n', QStringLiteral(", "));
    return {r.applicationId,
            r.childName,
            m_reveal ? e.childIdNumber : IdNumber::masked(e.childIdNumber),
            labels::age(r.birthDate, m_referenceDate),
            r.schoolName,
            r.claimed,
            labels::category(r.checked),
            flags,
            labels::channel(r.channel),
            submitted.isValid() ? submitted.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : r.submittedAt,
            status};
}

QString QueueExport::suffix(Format format)
{
    return formatCode(format);
}

QString QueueExport::formatCode(Format format)
{
    switch (format) {
    case Format::Csv:
        return QStringLiteral("csv");
    case Format::Xlsx:
        return QStringLiteral("xlsx");
    case Format::Pdf:
        return QStringLiteral("pdf");
    }
    return QStringLiteral("csv");
}

QString QueueExport::defaultFileName(const QueueQuery& query, const QDateTime& when, Format format)
{
    return QStringLiteral("queue-%1-%2.%3")
        .arg(QLatin1String(store::QueueRules::rule(query.bin).name), when.toString(QStringLiteral("yyyyMMdd-HHmm")),
             suffix(format));
}

ExportHeading QueueExport::heading(const QueueQuery& query, const QString& schoolName, const QDateTime& when)
{
    ExportHeading h;
    h.title = QCoreApplication::translate("QueueExport", "Queue: %1").arg(labels::bin(query.bin));
    QStringList parts;
    const QueueFilter& f = query.filter;
    if (!f.schoolId.isEmpty())
        parts << QCoreApplication::translate("QueueExport", "School: %1")
                     .arg(schoolName.isEmpty() ? f.schoolId : schoolName);
    if (!f.category.isEmpty())
        parts << QCoreApplication::translate("QueueExport", "Checked category: %1").arg(labels::category(f.category));
    if (f.flagMask != 0)
        parts << QCoreApplication::translate("QueueExport", "Flags: %1")
                     .arg(labels::flagList(f.flagMask).replace(u'\n', QStringLiteral(", ")));
    if (!f.channel.isEmpty())
        parts << QCoreApplication::translate("QueueExport", "Channel: %1").arg(labels::channel(f.channel));
    if (f.from.isValid() || f.to.isValid())
        parts << QCoreApplication::translate("QueueExport", "Submitted %1 to %2")
                     .arg(f.from.isValid() ? f.from.toString(Qt::ISODate) : QStringLiteral("…"),
                          f.to.isValid() ? f.to.toString(Qt::ISODate) : QStringLiteral("…"));
    if (!f.districtCode.isEmpty())
        parts << QCoreApplication::translate("QueueExport", "District %1").arg(f.districtCode);
    if (!f.officer.isEmpty() && f.overridesOnly)
        parts << QCoreApplication::translate("QueueExport", "Decisions by %1 that override the check").arg(f.officer);
    else if (!f.officer.isEmpty())
        parts << QCoreApplication::translate("QueueExport", "Decisions by %1").arg(f.officer);
    else if (f.overridesOnly)
        parts << QCoreApplication::translate("QueueExport", "Decisions that override the check");
    if (const QString search = query.search.trimmed(); !search.isEmpty()) {
        // Digits may be an ID number or a phone: never printed in full on a title.
        const SearchTerms terms = QueueSql::classify(search);
        const bool personal = !terms.idNumberPrefix.isEmpty() || !terms.phonePrefix.isEmpty();
        parts << QCoreApplication::translate("QueueExport", "Search: %1")
                     .arg(personal ? IdNumber::masked(search) : search);
    }
    h.filters =
        parts.isEmpty() ? QCoreApplication::translate("QueueExport", "No filters") : parts.join(QStringLiteral("; "));
    h.when = QCoreApplication::translate("QueueExport", "Exported %1")
                 .arg(when.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    return h;
}

QStringList QueueExport::revealReasonCodes()
{
    return {QStringLiteral("bureau_report"), QStringLiteral("school_enrolment"), QStringLiteral("supervisor_request"),
            QStringLiteral("data_correction")};
}

QString QueueExport::revealReasonLabel(const QString& code)
{
    if (code == QLatin1String("bureau_report"))
        return QCoreApplication::translate("QueueExport", "A report the education bureau asked for");
    if (code == QLatin1String("school_enrolment"))
        return QCoreApplication::translate("QueueExport", "The enrolment list for the school");
    if (code == QLatin1String("supervisor_request"))
        return QCoreApplication::translate("QueueExport", "A supervisor asked");
    if (code == QLatin1String("data_correction"))
        return QCoreApplication::translate("QueueExport", "Correcting data with an agency");
    return code;
}

QString QueueExport::auditSubject(Format format, qint64 rows, Bin bin, bool revealIds, const QString& reasonCode)
{
    QString s = QStringLiteral("format=%1 rows=%2 bin=%3 ids=%4")
                    .arg(formatCode(format))
                    .arg(rows)
                    .arg(QLatin1String(store::QueueRules::rule(bin).name),
                         revealIds ? QStringLiteral("full") : QStringLiteral("masked"));
    if (revealIds)
        s += QStringLiteral(" reason=") + reasonCode;
    return s;
}

} // namespace adm::views
