#include "CounterPrompter.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QPrintDialog>
#include <QPrinter>

namespace adm::ui {

CounterPrompter::~CounterPrompter() = default;

std::optional<QString> DialogCounterPrompter::askReceiptPdfPath(QWidget* parent, const QString& suggested)
{
    QString path = QFileDialog::getSaveFileName(
        parent, QCoreApplication::translate("adm::ui::CounterWindow", "Save receipt as PDF"), suggested,
        QCoreApplication::translate("adm::ui::CounterWindow", "PDF files (*.pdf)"));
    if (path.isEmpty())
        return std::nullopt;
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QLatin1String(".pdf");
    return path;
}

bool DialogCounterPrompter::askPrint(QWidget* parent, QPrinter& printer)
{
    QPrintDialog dialog(&printer, parent);
    dialog.setObjectName(QStringLiteral("receiptPrintDialog"));
    dialog.setWindowTitle(QCoreApplication::translate("adm::ui::CounterWindow", "Print receipt"));
    return dialog.exec() == QDialog::Accepted;
}

} // namespace adm::ui
