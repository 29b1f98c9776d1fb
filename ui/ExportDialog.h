#pragma once

#include "Prompter.h"
#include "views/QueueExportJob.h"

#include <QDialog>
#include <QObject>
#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPrinter;
class QProgressDialog;

namespace adm::views {
class Session;
}

namespace adm::ui {

// Export of the current queue view: the format (CSV, XLSX, PDF), the file, and whether the ID
// numbers go in full (then with a standard reason, recorded in the audit log) or masked.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(const ExportContext& context, QWidget* parent = nullptr);

    views::ExportRequest request() const;
    void accept() override;

private:
    views::QueueExport::Format format() const;
    void formatChanged();
    void browse();
    void updateState();

    ExportContext m_context;
    QComboBox* m_format = nullptr;
    QLineEdit* m_path = nullptr;
    QCheckBox* m_reveal = nullptr;
    QComboBox* m_reason = nullptr;
    QLabel* m_error = nullptr;
};

// Runs an export or a print with a progress dialog that can cancel it; `done` gets the outcome
// (ok, rows, and a sentence when not ok; code "cancelled" when the user cancelled). Deletes itself.
class ExportRun : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(bool ok, qint64 rows, const QString& code, const QString& message)>;
    static ExportRun* exportView(QWidget* parent, views::Session& session, const views::ExportRequest& request,
                                 Done done);
    // Asks for a printer (QPrintDialog), then prints the view with the PDF's painter code.
    static ExportRun* print(QWidget* parent, views::Session& session, const views::QueueQuery& query, Done done);

    views::QueueExportJob* job() const { return m_job.get(); }
    ~ExportRun() override;

private:
    ExportRun(QWidget* parent, views::Session& session, Done done);
    void finish(bool ok, qint64 rows, const QString& code, const QString& message);

    std::unique_ptr<views::QueueExportJob> m_job;
    std::unique_ptr<QPrinter> m_printer;
    QProgressDialog* m_progress = nullptr;
    Done m_done;
};

} // namespace adm::ui
