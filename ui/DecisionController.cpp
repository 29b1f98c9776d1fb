#include "DecisionController.h"

#include "CurrentApplication.h"
#include "DetailPane.h"
#include "Prompter.h"
#include "views/ApplicationDetail.h"
#include "views/DecisionService.h"
#include "views/Labels.h"

namespace adm::ui {

DecisionController::DecisionController(QWidget* window, Prompter& prompter, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_prompter(prompter)
{}

void DecisionController::fail(const QString& message)
{
    m_prompter.inform(m_window, tr("Not saved"), message);
    Q_EMIT refused(message);
}

DecisionContext DecisionController::contextFor(const views::ApplicationDetail& detail)
{
    DecisionContext context;
    context.applicationId = detail.application.id;
    context.checkedCategory = detail.row.checked;
    context.claimedCategory = detail.application.claimedCategory;
    context.seats = detail.seats;
    context.childName = detail.application.child.name;
    if (detail.check) {
        context.eligible = detail.check->eligible;
        for (const QString& flag : detail.check->flags) {
            context.flags << flag;
            context.flagReasons << detail.check->flagReasons.value(flag);
        }
    }
    return context;
}

void DecisionController::follow(CurrentApplication* current)
{
    m_current = current;
    connect(current, &CurrentApplication::detailRead, this, &DecisionController::detailRead);
    // Another application chosen before the detail came: the key was for the previous one.
    connect(current, &CurrentApplication::chosen, this, [this] { m_waitingKind.reset(); });
    connect(current, &CurrentApplication::cleared, this, [this] { m_waitingKind.reset(); });
}

void DecisionController::decideOnCurrent(DecisionDialog::Kind kind)
{
    if (!m_service || m_busy || !m_current)
        return;
    if (m_current->isEmpty()) {
        Q_EMIT refused(tr("Choose an application first."));
        return;
    }
    if (const views::ApplicationDetail* d = m_current->detail()) {
        decide(kind, *d);
        return;
    }
    // Not read yet (the key came right after moving): decide once it is, if it is still this one.
    m_waitingKind = kind;
    m_waitingFor = m_current->id();
    m_current->wantDetailNow();
}

void DecisionController::detailRead(const views::ApplicationDetail& detail)
{
    if (!m_waitingKind || detail.application.id != m_waitingFor)
        return;
    const DecisionDialog::Kind kind = *std::exchange(m_waitingKind, std::nullopt);
    decide(kind, detail);
}

void DecisionController::dropOnCurrent(qint64 outboxItem)
{
    if (m_current && !m_current->isEmpty())
        drop(outboxItem, m_current->id());
}

void DecisionController::decide(DecisionDialog::Kind kind, const views::ApplicationDetail& detail,
                                const views::DecisionDraft& draft)
{
    if (!m_service || m_busy)
        return;
    if (detail.declaredRelation) {
        // The workflow refuses it too; said before a dialog is filled in for nothing.
        fail(DetailPane::relationRefusal());
        return;
    }
    DecisionContext context = contextFor(detail);
    context.draft = draft;

    std::optional<sync::DecisionRequest> request;
    switch (kind) {
    case DecisionDialog::Kind::Approve:
        request = m_prompter.askApprove(m_window, context);
        break;
    case DecisionDialog::Kind::Reject:
        request = m_prompter.askReject(m_window, context);
        break;
    case DecisionDialog::Kind::RequestInfo:
        request = m_prompter.askRequestInfo(m_window, context);
        break;
    }
    if (!request || !m_service)
        return; // cancelled, or the workstation locked while the dialog was open
    const views::SchoolSeats& seats = context.seats;
    if (request->outcome == QLatin1String("approve") && seats.capacity > 0 && seats.approved + 1 > seats.capacity &&
        !m_prompter.confirm(m_window, tr("Over capacity"),
                            tr("%1 has %2 seats and %3 approvals already. Approve one more anyway?")
                                .arg(seats.name)
                                .arg(seats.capacity)
                                .arg(seats.approved)))
        return;
    if (!m_service)
        return;

    m_busy = true;
    const QString id = request->applicationId;
    const QString outcome = request->outcome;
    m_service->decide(*request, this, [this, id, outcome](Result<sync::OutboxItem> result) {
        m_busy = false;
        if (!result) {
            fail(result.error().message);
            return;
        }
        Q_EMIT changed(id,
                       tr("%1: %2. Ctrl+Z takes it back until it is sent.").arg(id, views::labels::pending(outcome)));
    });
}

void DecisionController::undoLast()
{
    if (!m_service || m_busy)
        return;
    if (!m_service->canUndo()) {
        Q_EMIT refused(tr("There is no decision of yours to take back."));
        return;
    }
    m_busy = true;
    m_service->undoLast(this, [this](Result<QString> result) {
        m_busy = false;
        if (!result) {
            fail(result.error().message);
            return;
        }
        Q_EMIT changed(*result, tr("Decision on %1 taken back: it will not be sent.").arg(*result));
    });
}

void DecisionController::drop(qint64 outboxItem, const QString& applicationId)
{
    if (!m_service || m_busy)
        return;
    if (!m_prompter.confirm(
            m_window, tr("Drop the decision"),
            tr("Drop your decision on %1? The application stays as it is upstream.").arg(applicationId)))
        return;
    if (!m_service)
        return; // locked while the question was open
    m_busy = true;
    m_service->drop(outboxItem, applicationId, this, [this, applicationId](Status s) {
        m_busy = false;
        if (!s) {
            fail(s.error().message);
            return;
        }
        Q_EMIT changed(applicationId, tr("Your decision on %1 was dropped.").arg(applicationId));
    });
}

} // namespace adm::ui
