#include "Prompter.h"

#include "BatchApproveDialog.h"
#include "DecisionDialog.h"
#include "ExportDialog.h"
#include "NoteDialog.h"
#include "RevealDialog.h"

#include <QMessageBox>
#include <QPushButton>

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
    return runDecision(int(DecisionDialog::Kind::Approve), parent, context);
}

std::optional<sync::DecisionRequest> DialogPrompter::askReject(QWidget* parent, const DecisionContext& context)
{
    return runDecision(int(DecisionDialog::Kind::Reject), parent, context);
}

std::optional<sync::DecisionRequest> DialogPrompter::askRequestInfo(QWidget* parent, const DecisionContext& context)
{
    return runDecision(int(DecisionDialog::Kind::RequestInfo), parent, context);
}

std::optional<sync::DecisionRequest> DialogPrompter::runDecision(int kind, QWidget* parent,
                                                                 const DecisionContext& context)
{
    DecisionDialog dialog(DecisionDialog::Kind(kind), context, parent);
    dialog.setPrompter(this); // Esc with text typed asks here
    if (!context.draft.isNull())
        dialog.restore(context.draft);
    dialogMade(dialog);
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

namespace adm::ui {

int DialogPrompter::choose(QWidget* parent, const QString& title, const QString& text, const QStringList& answers,
                           int escape)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("chooseBox"));
    QList<QAbstractButton*> buttons;
    for (int i = 0; i < answers.size(); ++i) {
        QPushButton* b = box.addButton(answers.at(i), i == 0 ? QMessageBox::AcceptRole : QMessageBox::ActionRole);
        b->setObjectName(QStringLiteral("answer%1").arg(i));
        buttons << b;
    }
    if (escape >= 0 && escape < buttons.size()) {
        box.setEscapeButton(buttons.at(escape));
    } else {
        QPushButton* cancel = box.addButton(QMessageBox::Cancel);
        box.setEscapeButton(cancel);
    }
    if (!buttons.isEmpty())
        box.setDefaultButton(qobject_cast<QPushButton*>(buttons.first()));
    box.exec();
    return int(buttons.indexOf(box.clickedButton()));
}

} // namespace adm::ui
