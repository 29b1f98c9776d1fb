#pragma once

#include "SignOffPrompter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace adm::ui {

// Asks the passphrase for one signature (objectName "signPassphrase"), or for a new signing key with
// its algorithm (objectName "newSigningKey"). The passphrase is taken out of the edit with
// takeSecretText: the text is wiped when the dialog gives it.
class PassphraseDialog : public QDialog {
    Q_OBJECT
public:
    enum class Purpose { Sign, NewKey };
    PassphraseDialog(Purpose purpose, QWidget* parent = nullptr);
    // What the dialog says above the passphrase (the batch, the key's fingerprint).
    void setText(const QString& text);
    crypto::SignatureAlgorithm algorithm() const;
    // The passphrase typed; the edit is emptied.
    security::SecretBytes takePassphrase();

private:
    QLabel* m_text = nullptr;
    QComboBox* m_algorithm = nullptr;
    QLineEdit* m_passphrase = nullptr;
};

// A new batch from the candidates: a title, the outcome (approvals, rejections or both, each with how
// many there are) and, when wanted, the decision dates (objectName "newBatchDialog").
class NewBatchDialog : public QDialog {
    Q_OBJECT
public:
    NewBatchDialog(const NewBatchContext& context, QWidget* parent = nullptr);
    sync::BatchSelection selection() const;

private:
    void updateCount();

    NewBatchContext m_context;
    QLineEdit* m_title = nullptr;
    QComboBox* m_outcome = nullptr;
    QCheckBox* m_dates = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QLabel* m_count = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

// The note an item goes back to its officer with (objectName "returnNoteDialog"); it is required.
class ReturnNoteDialog : public QDialog {
    Q_OBJECT
public:
    ReturnNoteDialog(const QString& applicationId, QWidget* parent = nullptr);
    QString note() const;

private:
    QPlainTextEdit* m_note = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace adm::ui
