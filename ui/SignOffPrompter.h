#pragma once

#include "security/SecretBytes.h"
#include "security/Signatures.h"
#include "sync/SignOff.h"
#include "sync/SignOffTypes.h"
#include "sync/SigningKeys.h"

#include <QMap>
#include <QString>
#include <optional>

class QWidget;

namespace adm::ui {

// What the "New batch" dialog offers: the candidates by outcome, and the school.
struct NewBatchContext {
    QString schoolId;
    QMap<QString, QList<sync::SignOffDecision>> candidates; // approve, reject
};

// A new signing key: its algorithm and the user's passphrase (which wraps it).
struct NewKeyAnswer {
    crypto::SignatureAlgorithm algorithm = crypto::SignatureAlgorithm::Ed25519;
    security::SecretBytes passphrase;
};

// The questions the sign-off window asks. DialogSignOffPrompter shows the real dialogs; the GUI tests
// answer some with their own, so that no test waits on a modal dialog it does not drive.
class SignOffPrompter {
public:
    virtual ~SignOffPrompter();

    // Title, outcome and decision dates of a new batch (schoolId filled in); nullopt: cancelled.
    virtual std::optional<sync::BatchSelection> askNewBatch(QWidget* parent, const NewBatchContext& context) = 0;
    // The passphrase, asked again for one signature (a dialog named "signPassphrase" showing the key's
    // fingerprint); nullopt: cancelled.
    virtual std::optional<security::SecretBytes> askSignPassphrase(QWidget* parent, const sync::BatchSummary& batch,
                                                                   const sync::SigningKeyInfo& key) = 0;
    virtual std::optional<NewKeyAnswer> askNewKey(QWidget* parent) = 0;
    // The note for the officer an item goes back to; nullopt: cancelled.
    virtual std::optional<QString> askReturnNote(QWidget* parent, const QString& applicationId) = 0;
    // The folder an export goes to; nullopt: cancelled.
    virtual std::optional<QString> askExportFolder(QWidget* parent, const QString& suggested) = 0;
    // The PDF file a public notice is written to; nullopt: cancelled.
    virtual std::optional<QString> askNoticeFile(QWidget* parent, const QString& suggested) = 0;
};

class DialogSignOffPrompter : public SignOffPrompter {
public:
    std::optional<sync::BatchSelection> askNewBatch(QWidget* parent, const NewBatchContext& context) override;
    std::optional<security::SecretBytes> askSignPassphrase(QWidget* parent, const sync::BatchSummary& batch,
                                                           const sync::SigningKeyInfo& key) override;
    std::optional<NewKeyAnswer> askNewKey(QWidget* parent) override;
    std::optional<QString> askReturnNote(QWidget* parent, const QString& applicationId) override;
    std::optional<QString> askExportFolder(QWidget* parent, const QString& suggested) override;
    std::optional<QString> askNoticeFile(QWidget* parent, const QString& suggested) override;
};

} // namespace adm::ui
