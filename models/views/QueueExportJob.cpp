#include "QueueExportJob.h"

#include "security/AuditLog.h"
#include "store/Sql.h"
#include "store/Workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QThread>
#include <cstdio>

namespace adm::views {

QString exportTempPath(const QString& target)
{
    const QFileInfo info(target);
    return info.absoluteDir().filePath(
        QStringLiteral(".%1.%2.part").arg(info.fileName()).arg(QRandomGenerator::global()->generate64(), 0, 36));
}

QueueExportJob::QueueExportJob(Session& session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{}

QueueExportJob::~QueueExportJob()
{
    if (m_thread) {
        if (m_cancel)
            m_cancel->store(true);
        m_thread->wait();
        delete m_thread;
    }
    if (!m_temp.isEmpty())
        QFile::remove(m_temp);
}

void QueueExportJob::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void QueueExportJob::fail(const QString& code, const QString& message)
{
    Q_EMIT finished(false, 0, code, message);
}

void QueueExportJob::run(std::function<Status(ExportRowSource&, const ExportHeading&, const ExportProgress&)> write,
                         const QueueQuery& query, std::function<void(Outcome)> then)
{
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    auto outcome = std::make_shared<Outcome>();
    const ReaderFactory readers = m_session.readers();
    const QDateTime now = QDateTime::currentDateTime();
    // `this` outlives the thread: the destructor waits for it.
    m_thread = QThread::create([this, readers, query, now, cancel, outcome, write = std::move(write)] {
        auto connection = readers();
        if (!connection) {
            outcome->status = connection.error();
            return;
        }
        QueueExportSource source(**connection, query);
        if (Status s = source.open(); !s) {
            outcome->status = s;
            return;
        }
        const ExportHeading heading = QueueExport::heading(query, source.schoolName(), now);
        const ExportProgress progress = [this, cancel, outcome](qint64 done, qint64 total) {
            outcome->rows = done;
            QMetaObject::invokeMethod(
                this, [this, done, total] { Q_EMIT this->progress(done, total); }, Qt::QueuedConnection);
            return !cancel->load();
        };
        progress(0, source.count());
        outcome->status = write(source, heading, progress);
    });
    m_thread->setObjectName(QStringLiteral("queue export"));
    connect(m_thread, &QThread::finished, this, [this, outcome, then = std::move(then)] {
        if (QThread* t = std::exchange(m_thread, nullptr))
            t->deleteLater();
        m_cancel.reset();
        then(*outcome);
    });
    m_thread->start(QThread::LowPriority);
}

void QueueExportJob::audit(const QString& action, const QString& subject, std::function<void(Status)> then)
{
    const QString user = m_session.user();
    postJob<Status>(
        m_session,
        [user, action, subject](store::Workspace& w) -> Status {
            auto entry = w.audit().append(user, action, subject);
            if (!entry)
                return entry.error();
            return {};
        },
        this, std::move(then));
}

void QueueExportJob::start(const ExportRequest& request)
{
    if (m_thread)
        return;
    if (request.revealIds && !QueueExport::revealReasonCodes().contains(request.reasonCode)) {
        fail(QStringLiteral("bad_input"),
             QCoreApplication::translate("QueueExport", "Choose why the export needs full ID numbers."));
        return;
    }
    const QString temp = exportTempPath(request.path);
    m_temp = temp;
    const ExportRequest r = request;
    auto write = [r, temp](ExportRowSource& source, const ExportHeading& heading, const ExportProgress& progress) {
        const ExportTable table(r.revealIds);
        switch (r.format) {
        case QueueExport::Format::Csv:
            return CsvWriter::write(temp, source, table, progress);
        case QueueExport::Format::Xlsx:
            return XlsxWriter::write(temp, source, table, heading, progress);
        case QueueExport::Format::Pdf:
            return PdfWriter::write(temp, source, table, heading, progress);
        }
        return Status();
    };
    run(write, r.query, [this, r, temp](Outcome outcome) {
        if (!outcome.status) {
            QFile::remove(temp); // a cancelled or failed export leaves no file
            m_temp.clear();
            fail(outcome.status.error().code, outcome.status.error().message);
            return;
        }
        // Audited before the file is in place: an export nobody recorded never appears.
        const QString subject =
            QueueExport::auditSubject(r.format, outcome.rows, r.query.bin, r.revealIds, r.reasonCode);
        audit(QStringLiteral("queue.export"), subject, [this, r, temp, rows = outcome.rows](Status s) {
            m_temp.clear();
            if (!s) {
                QFile::remove(temp);
                fail(s.error().code, s.error().message);
                return;
            }
            // rename(2) replaces an existing file in one step.
            if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(r.path).constData()) != 0) {
                QFile::remove(temp);
                fail(QStringLiteral("cannot_write"),
                     QCoreApplication::translate("QueueExport", "Cannot write %1. Choose another folder.").arg(r.path));
                return;
            }
            Q_EMIT finished(true, rows, {}, {});
        });
    });
}

void QueueExportJob::startPrint(const QueueQuery& query, QPagedPaintDevice* device)
{
    if (m_thread || !device)
        return;
    auto write = [device](ExportRowSource& source, const ExportHeading& heading, const ExportProgress& progress) {
        return PdfWriter::paint(*device, source, ExportTable(false), heading, progress);
    };
    run(write, query, [this, bin = query.bin](Outcome outcome) {
        if (!outcome.status) {
            fail(outcome.status.error().code, outcome.status.error().message);
            return;
        }
        const QString subject = QStringLiteral("format=print rows=%1 bin=%2 ids=masked")
                                    .arg(outcome.rows)
                                    .arg(QLatin1String(store::QueueRules::rule(bin).name));
        audit(QStringLiteral("queue.print"), subject, [this, rows = outcome.rows](Status s) {
            if (!s) {
                fail(s.error().code, s.error().message);
                return;
            }
            Q_EMIT finished(true, rows, {}, {});
        });
    });
}

} // namespace adm::views
