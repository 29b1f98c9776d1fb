#include "DraftKeeper.h"

#include "DecisionDialog.h"
#include "views/DraftStore.h"
#include "views/Session.h"

namespace adm::ui {

DraftKeeper::DraftKeeper(QObject* parent)
    : QObject(parent)
{
    m_delay.setSingleShot(true);
    m_delay.setInterval(2000); // typing pauses: one write, not one per key
    connect(&m_delay, &QTimer::timeout, this, &DraftKeeper::saveNow);
}

void DraftKeeper::setSession(views::Session* session)
{
    m_session = session;
    if (!session)
        m_delay.stop();
}

void DraftKeeper::watch(DecisionDialog& dialog)
{
    if (m_dialog)
        disconnect(m_dialog, nullptr, this, nullptr);
    m_dialog = &dialog;
    // A dialog reopened from a draft is not "edited": its draft is still in the cache as it is.
    m_edited = false;
    m_owns = dialog.isResumed();
    connect(&dialog, &DecisionDialog::edited, this, [this] {
        m_edited = true;
        m_delay.start();
    });
    connect(&dialog, &QDialog::finished, this, &DraftKeeper::finished);
}

void DraftKeeper::saveNow()
{
    m_delay.stop();
    if (!m_dialog || !m_session || !m_edited)
        return;
    m_owns = true;
    views::DraftStore::save(*m_session, m_dialog->draft(), this, [this](Status s) {
        if (s)
            Q_EMIT saved();
    });
}

void DraftKeeper::finished(int)
{
    // Submitted or discarded: either way the draft has done its work. A draft of another dialog
    // ("Not now") stays while this one wrote none.
    m_delay.stop();
    m_dialog = nullptr;
    m_edited = false;
    if (m_session && std::exchange(m_owns, false))
        views::DraftStore::clear(*m_session, this);
}

std::optional<views::DecisionDraft> DraftKeeper::takeForLock()
{
    m_delay.stop();
    if (!m_dialog)
        return std::nullopt;
    disconnect(m_dialog, nullptr, this, nullptr);
    const bool edited = std::exchange(m_edited, false);
    m_owns = false;
    std::optional<views::DecisionDraft> draft;
    if (edited)
        draft = m_dialog->draft();
    m_dialog = nullptr;
    return draft;
}

DraftKeeper::Question DraftKeeper::offerQuestion(const views::DecisionDraft& draft, bool afterLock)
{
    Question q;
    q.title = tr("Go on with your draft?");
    q.text = afterLock ? tr("You were writing a decision on application %1 when the workstation locked. Go on?")
                             .arg(draft.applicationId)
                       : tr("You were writing a decision on application %1 when the workstation stopped. Go on?")
                             .arg(draft.applicationId);
    q.answers = {tr("&Go on"), tr("&Discard the draft"), tr("&Not now")};
    q.escape = 2;
    return q;
}

} // namespace adm::ui
