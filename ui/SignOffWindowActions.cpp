// SignOffWindow's actions (issue 14): what each button and key does, and which are enabled. The
// window's panes and what they show are in SignOffWindow.cpp.
#include "Prompter.h"
#include "SignOffPrompter.h"
#include "SignOffWindow.h"
#include "views/Labels.h"
#include "views/ReaderThread.h"
#include "views/Session.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace adm::ui {

void SignOffWindow::updateActions()
{
    const bool open = m_session != nullptr && !m_busy;
    const auto batch = selectedBatch();
    const bool draft = batch && batch->state == sync::batchstate::Draft;
    const bool reviewed = m_review && batch && m_review->batch.id == batch->id;
    const bool refused = batch && batch->replacedBy.isEmpty() &&
                         (batch->state == sync::batchstate::Conflict || batch->state == sync::batchstate::Invalid);
    m_newBatch->setEnabled(open && !m_overview.schoolId.isEmpty());
    m_generateKey->setEnabled(open && !m_overview.account.isEmpty());
    m_discard->setEnabled(open && draft);
    m_renew->setVisible(refused);
    m_renew->setEnabled(open && refused);
    m_advice->setText(batch ? batch->advice : QString());
    m_advice->setVisible(batch && !batch->advice.isEmpty());
    m_return->setEnabled(open && draft && reviewed && !currentItemId().isEmpty());
    m_sign->setEnabled(open && draft && reviewed);
    m_export->setEnabled(open && batch && !batch->keyId.isEmpty());
    // A refused batch's notice would list decisions that were not applied (PublicNotice refuses it too).
    m_notice->setEnabled(open && batch && !batch->keyId.isEmpty() && batch->state != sync::batchstate::Conflict &&
                         batch->state != sync::batchstate::Invalid && batch->replacedBy.isEmpty());
}

void SignOffWindow::answer(const Status& status, const QString& okText)
{
    m_busy = false;
    if (status) {
        showMessage(okText, Tone::Ok);
        Q_EMIT answered(true, okText);
    } else {
        showMessage(status.error().message, Tone::Error);
        Q_EMIT answered(false, status.error().message);
    }
    updateActions();
}

void SignOffWindow::markCurrentSeen()
{
    const auto batch = selectedBatch();
    QTreeWidgetItem* row = m_overrides->currentItem();
    if (!m_service || m_busy || !batch || batch->state != sync::batchstate::Draft || !row)
        return;
    const QString applicationId = row->data(0, kIdRole).toString();
    // The next row still to see gets the focus, so that Space after Space goes down the list.
    const int index = m_overrides->indexOfTopLevelItem(row);
    if (index + 1 < m_overrides->topLevelItemCount())
        m_overrides->setCurrentItem(m_overrides->topLevelItem(index + 1));
    m_busy = true;
    m_service->markSeen(batch->id, applicationId, this, [this, applicationId](Status s) {
        answer(s, tr("Override %1 marked seen.").arg(applicationId));
    });
}

void SignOffWindow::newBatch()
{
    if (!m_service || m_busy)
        return;
    if (m_overview.schoolId.isEmpty()) {
        showMessage(tr("The cache holds no application of your school yet: sync first."), Tone::Warning);
        return;
    }
    NewBatchContext context{m_overview.schoolId, m_overview.candidates};
    if (context.candidates.value(QStringLiteral("approve")).isEmpty() &&
        context.candidates.value(QStringLiteral("reject")).isEmpty()) {
        showMessage(tr("No decision waits for a batch: every accepted decision is in one. Sync to fetch new ones."),
                    Tone::Warning);
        return;
    }
    const auto selection = m_signOffPrompter.askNewBatch(this, context);
    if (!selection)
        return;
    m_busy = true;
    updateActions();
    m_service->createBatch(*selection, this, [this](Result<sync::BatchSummary> made) {
        if (made)
            m_selectAfterRead = made->id;
        answer(made ? Status() : Status(made.error()),
               made ? tr("Batch \"%1\" made with %n decision(s). Look at it, then sign it.", nullptr, made->items)
                          .arg(made->title)
                    : QString());
        if (made)
            m_overrides->setFocus();
    });
}

void SignOffWindow::sign()
{
    const auto batch = selectedBatch();
    if (!m_service || m_busy || !batch || batch->state != sync::batchstate::Draft)
        return;
    if (!m_overview.key) {
        showMessage(tr("You have no signing key yet: generate one first (Generate signing key…)."), Tone::Warning);
        m_generateKey->setFocus();
        return;
    }
    if (m_review && m_review->batch.id == batch->id) {
        int unseen = 0;
        for (const sync::BatchItem& i : m_review->items)
            unseen += i.needsSeeing() ? 1 : 0;
        if (unseen > 0) {
            showMessage(tr("Mark every override seen before you sign: %n left (Space on its row).", nullptr, unseen),
                        Tone::Warning);
            m_tabs->setCurrentWidget(m_overrides);
            m_overrides->setFocus();
            return;
        }
    }
    auto passphrase = m_signOffPrompter.askSignPassphrase(this, *batch, *m_overview.key);
    if (!passphrase)
        return;
    m_busy = true;
    updateActions();
    showMessage(tr("Signing…"));
    m_service->sign(batch->id, std::move(*passphrase), this, [this](Result<sync::BatchSummary> signedBatch) {
        answer(signedBatch ? Status() : Status(signedBatch.error()),
               signedBatch ? tr("Signed \"%1\" with the key %2. It goes to the city platform at the next sync.")
                                 .arg(signedBatch->title, signedBatch->fingerprint)
                           : QString());
    });
}

void SignOffWindow::generateKey()
{
    if (!m_service || m_busy)
        return;
    auto answerKey = m_signOffPrompter.askNewKey(this);
    if (!answerKey)
        return;
    m_busy = true;
    updateActions();
    showMessage(tr("Making the signing key…"));
    m_service->generateKey(answerKey->algorithm, std::move(answerKey->passphrase), this,
                           [this](Result<sync::SigningKeyInfo> key) {
                               answer(key ? Status() : Status(key.error()),
                                      key ? tr("Signing key made. Its fingerprint is %1: note it, it is printed on "
                                               "the public notice.")
                                                .arg(key->fingerprint)
                                          : QString());
                           });
}

void SignOffWindow::returnItem()
{
    const auto batch = selectedBatch();
    const QString applicationId = currentItemId();
    if (!m_service || m_busy || !batch || batch->state != sync::batchstate::Draft || applicationId.isEmpty())
        return;
    const auto note = m_signOffPrompter.askReturnNote(this, applicationId);
    if (!note || note->trimmed().isEmpty())
        return;
    m_busy = true;
    updateActions();
    m_service->returnItem(batch->id, applicationId, note->trimmed(), this, [this, applicationId](Status s) {
        answer(s, tr("Application %1 went back to its officer with your note.").arg(applicationId));
    });
}

void SignOffWindow::exportBatch()
{
    const auto batch = selectedBatch();
    if (!m_service || m_busy || !batch || batch->keyId.isEmpty())
        return;
    const QString base = m_lastExportDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                                   : m_lastExportDir;
    const auto dir = m_signOffPrompter.askExportFolder(this, base);
    if (!dir)
        return;
    m_lastExportDir = *dir;
    m_busy = true;
    updateActions();
    const QString shown = QDir::toNativeSeparators(*dir);
    m_service->exportBatch(batch->id, *dir, this, [this, shown](Status s) {
        answer(s, tr("Exported to %1: batch.json (the signed bytes), batch.sig and signer.pem. docs/signoff.md "
                     "says how to check them with openssl.")
                      .arg(shown));
    });
}

void SignOffWindow::writeNotice()
{
    const auto batch = selectedBatch();
    if (!m_service || m_busy || !batch || batch->keyId.isEmpty())
        return;
    const QString base = m_lastExportDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                                   : m_lastExportDir;
    const auto file = m_signOffPrompter.askNoticeFile(
        this, QDir(base).filePath(QStringLiteral("notice-%1.pdf").arg(batch->id.left(8))));
    if (!file)
        return;
    m_lastExportDir = QFileInfo(*file).absolutePath();
    m_busy = true;
    updateActions();
    const QString shown = QDir::toNativeSeparators(*file);
    m_service->writeNotice(batch->id, *file, this, [this, shown](Result<QPair<int, int>> written) {
        if (!written) {
            answer(written.error(), {});
            return;
        }
        answer({},
               tr("Public notice written to %1: %n admitted child(ren), names masked.", "", written->first).arg(shown));
    });
}

void SignOffWindow::renewBatch()
{
    const auto batch = selectedBatch();
    if (!m_service || m_busy || !batch)
        return;
    m_busy = true;
    updateActions();
    m_service->renew(batch->id, this, [this](Result<sync::BatchSummary> made, QStringList dropped) {
        if (made)
            m_selectAfterRead = made->id;
        answer(made ? Status() : Status(made.error()),
               made ? tr("A new draft without %1 was made: look at it and sign it again.")
                          .arg(dropped.isEmpty() ? tr("any item") : dropped.join(QStringLiteral(", ")))
                    : QString());
    });
}

void SignOffWindow::discardBatch()
{
    const auto batch = selectedBatch();
    if (!m_service || m_busy || !batch || batch->state != sync::batchstate::Draft)
        return;
    if (!m_prompter.confirm(this, tr("Discard the draft"),
                            tr("Discard the draft \"%1\"? Its decisions can go into another batch.").arg(batch->title)))
        return;
    m_busy = true;
    updateActions();
    m_service->discard(batch->id, this, [this](Status s) { answer(s, tr("The draft was discarded.")); });
}

} // namespace adm::ui
