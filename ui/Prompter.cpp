#include "Prompter.h"

#include "DecisionDialog.h"
#include "NoteDialog.h"
#include "RevealDialog.h"

#include <QMessageBox>

namespace adm::ui {

Prompter::~Prompter() = default;

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

std::optional<QString> DialogPrompter::askNote(QWidget* parent, const QString& applicationId)
{
    NoteDialog dialog(applicationId, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.text();
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
