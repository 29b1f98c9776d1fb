#include "Prompter.h"

#include "BatchApproveDialog.h"
#include "DecisionDialog.h"
#include "ExportDialog.h"
#include "RevealDialog.h"

#include <QMessageBox>

namespace adm::ui {

Prompter::~Prompter() = default;

bool Prompter::askBatchApprove(QWidget*, const views::BatchPlan&)
{
    return false;
}

std::optional<views::ExportRequest> Prompter::askExport(QWidget*, const ExportContext&)
{
    return std::nullopt;
}

bool DialogPrompter::askBatchApprove(QWidget* parent, const views::BatchPlan& plan)
{
    BatchApproveDialog dialog(plan, parent);
    return dialog.exec() == QDialog::Accepted;
}

std::optional<views::ExportRequest> DialogPrompter::askExport(QWidget* parent, const ExportContext& context)
{
    ExportDialog dialog(context, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.request();
}

std::optional<sync::DecisionRequest> DialogPrompter::askApprove(QWidget* parent, const DecisionContext& context)
{
    DecisionDialog dialog(DecisionDialog::Kind::Approve, context, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.request();
}

std::optional<sync::DecisionRequest> DialogPrompter::askReject(QWidget* parent, const DecisionContext& context)
{
    DecisionDialog dialog(DecisionDialog::Kind::Reject, context, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.request();
}

std::optional<sync::DecisionRequest> DialogPrompter::askRequestInfo(QWidget* parent, const DecisionContext& context)
{
    DecisionDialog dialog(DecisionDialog::Kind::RequestInfo, context, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.request();
}

std::optional<QString> DialogPrompter::askRevealReason(QWidget* parent, const QString& applicationId,
                                                       const QString& person)
{
    RevealDialog dialog(applicationId, person, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.reasonCode();
}

bool DialogPrompter::confirm(QWidget* parent, const QString& title, const QString& text)
{
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Yes | QMessageBox::No, parent);
    box.setDefaultButton(QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
}

void DialogPrompter::inform(QWidget* parent, const QString& title, const QString& text)
{
    QMessageBox box(QMessageBox::Information, title, text, QMessageBox::Ok, parent);
    box.exec();
}

} // namespace adm::ui
