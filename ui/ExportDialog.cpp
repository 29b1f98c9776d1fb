#include "ExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPageLayout>
#include <QPrintDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace adm::ui {

using views::QueueExport;

ExportDialog::ExportDialog(const ExportContext& context, QWidget* parent)
    : QDialog(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export the queue view"));
    auto* what = new QLabel(this);
    what->setObjectName(QStringLiteral("exportWhat"));
    what->setWordWrap(true);
    what->setText(tr("%1 — %2\n%n application(s), in the order shown.", nullptr, int(context.rows))
                      .arg(context.heading.title, context.heading.filters));

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->addItem(tr("Spreadsheet (XLSX)"), int(QueueExport::Format::Xlsx));
    m_format->addItem(tr("Comma-separated values (CSV)"), int(QueueExport::Format::Csv));
    m_format->addItem(tr("PDF, A4 landscape"), int(QueueExport::Format::Pdf));

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("exportPath"));
    const QString folder = context.folder.isEmpty() ? QDir::homePath() : context.folder;
    const QString name =
        QueueExport::defaultFileName(context.query, QDateTime::currentDateTime(), QueueExport::Format::Xlsx);
    m_path->setText(QDir(folder).filePath(name));
    auto* browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("exportBrowse"));
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);

    m_reveal = new QCheckBox(tr("Full ID numbers (recorded in the audit log with your name, the number of rows "
                                "and the reason)"),
                             this);
    m_reveal->setObjectName(QStringLiteral("exportRevealIds"));
    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("exportRevealReason"));
    m_reason->addItem(tr("Choose a reason…"), QString());
    for (const QString& code : QueueExport::revealReasonCodes())
        m_reason->addItem(QueueExport::revealReasonLabel(code), code);
    auto* masked = new QLabel(tr("Otherwise ID numbers are masked, as on screen (370102********1234)."), this);
    masked->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("exportError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Format:"), m_format);
    auto* fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path); // a row holding a layout gets no buddy of its own
    form->addRow(fileLabel, fileRow);
    form->addRow(QString(), m_reveal);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(QString(), masked);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* ok = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("exportButton"));
    ok->setDefault(true);
    connect(ok, &QPushButton::clicked, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* submit = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(submit, &QShortcut::activated, this, &ExportDialog::accept);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(560);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_reveal, &QCheckBox::toggled, this, &ExportDialog::updateState);
    updateState();
}

QueueExport::Format ExportDialog::format() const
{
    return QueueExport::Format(m_format->currentData().toInt());
}

void ExportDialog::formatChanged()
{
    // The file keeps its name and takes the format's suffix.
    const QFileInfo info(m_path->text().trimmed());
    if (!info.fileName().isEmpty())
        m_path->setText(info.dir().filePath(info.completeBaseName() + u'.' + QueueExport::suffix(format())));
}

void ExportDialog::browse()
{
    const QString suffix = QueueExport::suffix(format());
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export to"), m_path->text(),
                                                        tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (!chosen.isEmpty())
        m_path->setText(chosen.endsWith(u'.' + suffix, Qt::CaseInsensitive) ? chosen : chosen + u'.' + suffix);
}

void ExportDialog::updateState()
{
    m_reason->setEnabled(m_reveal->isChecked());
    m_error->hide();
}

views::ExportRequest ExportDialog::request() const
{
    views::ExportRequest r;
    r.query = m_context.query;
    r.format = format();
    r.path = m_path->text().trimmed();
    r.revealIds = m_reveal->isChecked();
    r.reasonCode = r.revealIds ? m_reason->currentData().toString() : QString();
    return r;
}

void ExportDialog::accept()
{
    const views::ExportRequest r = request();
    QString problem;
    const QFileInfo info(r.path);
    if (r.path.isEmpty() || info.fileName().isEmpty())
        problem = tr("Say where the file goes.");
    else if (!info.absoluteDir().exists())
        problem = tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(info.absolutePath()));
    else if (r.revealIds && r.reasonCode.isEmpty())
        problem = tr("Choose why the export needs full ID numbers, or leave them masked.");
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        return;
    }
    QDialog::accept();
}

ExportRun::ExportRun(QWidget* parent, views::Session& session, Done done)
    : QObject(parent)
    , m_job(std::make_unique<views::QueueExportJob>(session))
    , m_done(std::move(done))
{
    m_progress = new QProgressDialog(parent);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setLabelText(tr("Reading the view…"));
    m_progress->setCancelButtonText(tr("&Cancel"));
    connect(m_progress, &QProgressDialog::canceled, m_job.get(), &views::QueueExportJob::cancel);
    connect(m_job.get(), &views::QueueExportJob::progress, this, [this](qint64 done, qint64 total) {
        const QLocale locale;
        m_progress->setMaximum(int(std::max<qint64>(1, total)));
        m_progress->setValue(int(std::min(done, total)));
        m_progress->setLabelText(tr("%1 of %2 rows written…").arg(locale.toString(done), locale.toString(total)));
    });
    connect(m_job.get(), &views::QueueExportJob::finished, this, &ExportRun::finish);
}

ExportRun::~ExportRun()
{
    m_job.reset(); // waits for the thread before the printer goes
    delete m_progress;
}

void ExportRun::finish(bool ok, qint64 rows, const QString& code, const QString& message)
{
    m_progress->hide();
    if (m_done)
        m_done(ok, rows, code, message);
    deleteLater();
}

ExportRun* ExportRun::exportView(QWidget* parent, views::Session& session, const views::ExportRequest& request,
                                 Done done)
{
    auto* run = new ExportRun(parent, session, std::move(done));
    run->m_progress->setWindowTitle(tr("Exporting"));
    run->m_job->start(request);
    return run;
}

ExportRun* ExportRun::print(QWidget* parent, views::Session& session, const views::QueueQuery& query, Done done)
{
    auto printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
    printer->setPageOrientation(QPageLayout::Landscape);
    printer->setPageSize(QPageSize(QPageSize::A4));
    QPrintDialog dialog(printer.get(), parent);
    dialog.setObjectName(QStringLiteral("printDialog"));
    if (dialog.exec() != QDialog::Accepted)
        return nullptr;
    auto* run = new ExportRun(parent, session, std::move(done));
    run->m_progress->setWindowTitle(tr("Printing"));
    run->m_printer = std::move(printer);
    run->m_job->startPrint(query, run->m_printer.get());
    return run;
}

} // namespace adm::ui
