#pragma once

#include "QueueExport.h"
#include "Session.h"

#include <QObject>
#include <QPointer>
#include <atomic>
#include <memory>

class QPagedPaintDevice;
class QThread;

namespace adm::views {

struct ExportRequest {
    QueueQuery query;
    QueueExport::Format format = QueueExport::Format::Csv;
    QString path;
    bool revealIds = false;
    QString reasonCode; // QueueExport::revealReasonCodes(), required with revealIds
};

// Runs an export (or a print) of a queue view off the GUI thread, on a reader connection of its own,
// with progress and cancel. A file is written under a temporary name beside the target; only when
// it is complete is the export recorded in the audit log (who, how many rows, ID numbers masked or
// revealed and why: never an ID number) and the file renamed into place. A cancelled or failed
// export leaves no file behind.
class QueueExportJob : public QObject {
    Q_OBJECT
public:
    explicit QueueExportJob(Session& session, QObject* parent = nullptr);
    // Cancels and waits for the thread.
    ~QueueExportJob() override;

    // Error "bad_input" (through finished) for a reveal without a standard reason.
    void start(const ExportRequest& request);
    // Paints the view's pages on `device` (a QPrinter set up by the caller, kept alive until
    // finished); ID numbers masked.
    void startPrint(const QueueQuery& query, QPagedPaintDevice* device);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    // ok: written (or printed) and audited, `rows` rows. Else `message` says why ("cancelled": the
    // user cancelled).
    void finished(bool ok, qint64 rows, const QString& code, const QString& message);

private:
    struct Outcome {
        Status status;
        qint64 rows = 0;
    };
    void run(std::function<Status(ExportRowSource&, const ExportHeading&, const ExportProgress&)> write,
             const QueueQuery& query, std::function<void(Outcome)> then);
    void fail(const QString& code, const QString& message);
    void audit(const QString& action, const QString& subject, std::function<void(Status)> then);

    Session& m_session;
    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QString m_temp; // the file being written, removed if the job goes before it is renamed
};

// A path beside `target` to write to first (same folder, so that the rename stays on one disk).
QString exportTempPath(const QString& target);

} // namespace adm::views
