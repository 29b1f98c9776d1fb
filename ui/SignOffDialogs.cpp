#include "SignOffDialogs.h"

#include "SecretText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace adm::ui {

PassphraseDialog::PassphraseDialog(Purpose purpose, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(purpose == Purpose::Sign ? QStringLiteral("signPassphrase") : QStringLiteral("newSigningKey"));
    setWindowTitle(purpose == Purpose::Sign ? tr("Sign the batch") : tr("Generate a signing key"));
    auto* layout = new QVBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("passphraseText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_text);
    auto* form = new QFormLayout;
    if (purpose == Purpose::NewKey) {
        m_algorithm = new QComboBox(this);
        m_algorithm->setObjectName(QStringLiteral("keyAlgorithm"));
        m_algorithm->addItem(tr("Ed25519 (recommended)"), int(crypto::SignatureAlgorithm::Ed25519));
        m_algorithm->addItem(tr("SM2 with SM3 (national algorithms)"), int(crypto::SignatureAlgorithm::Sm2Sm3));
        form->addRow(tr("&Algorithm:"), m_algorithm);
        m_text->setText(tr("The key is made on this workstation and kept in the cache, locked with your own "
                           "passphrase: no other user can sign with it. Type your passphrase to make it."));
    }
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Your &passphrase:"), m_passphrase);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(purpose == Purpose::Sign ? tr("&Sign") : tr("&Generate"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_passphrase->setFocus();
    setMinimumWidth(520);
}

void PassphraseDialog::setText(const QString& text)
{
    m_text->setText(text);
}

crypto::SignatureAlgorithm PassphraseDialog::algorithm() const
{
    return m_algorithm ? crypto::SignatureAlgorithm(m_algorithm->currentData().toInt())
                       : crypto::SignatureAlgorithm::Ed25519;
}

security::SecretBytes PassphraseDialog::takePassphrase()
{
    return takeSecretText(m_passphrase);
}

NewBatchDialog::NewBatchDialog(const NewBatchContext& context, QWidget* parent)
    : QDialog(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("newBatchDialog"));
    setWindowTitle(tr("New batch"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("batchTitle"));
    m_title->setMaxLength(200);
    form->addRow(tr("&Title:"), m_title);
    const qsizetype approvals = context.candidates.value(QStringLiteral("approve")).size();
    const qsizetype rejections = context.candidates.value(QStringLiteral("reject")).size();
    m_outcome = new QComboBox(this);
    m_outcome->setObjectName(QStringLiteral("batchOutcome"));
    m_outcome->addItem(tr("Approvals only (%n)", nullptr, int(approvals)), QStringLiteral("approve"));
    m_outcome->addItem(tr("Rejections only (%n)", nullptr, int(rejections)), QStringLiteral("reject"));
    m_outcome->addItem(tr("Approvals and rejections (%n)", nullptr, int(approvals + rejections)), QString());
    form->addRow(tr("&Decisions:"), m_outcome);
    m_dates = new QCheckBox(tr("Only decisions made &between these dates"), this);
    m_dates->setObjectName(QStringLiteral("batchDates"));
    form->addRow(m_dates);
    QDate first = QDate::currentDate(), last = QDate::currentDate();
    for (const auto& list : context.candidates)
        for (const sync::SignOffDecision& d : list)
            if (d.decidedAt.isValid()) {
                first = std::min(first, d.decidedAt.toLocalTime().date());
                last = std::max(last, d.decidedAt.toLocalTime().date());
            }
    m_from = new QDateEdit(first, this);
    m_from->setObjectName(QStringLiteral("batchFrom"));
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(last, this);
    m_to->setObjectName(QStringLiteral("batchTo"));
    m_to->setCalendarPopup(true);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("T&o:"), m_to);
    layout->addLayout(form);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("batchCount"));
    m_count->setWordWrap(true);
    layout->addWidget(m_count);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Make the batch"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    for (QWidget* w : {static_cast<QWidget*>(m_from), static_cast<QWidget*>(m_to)})
        w->setEnabled(false);
    connect(m_dates, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        updateCount();
    });
    connect(m_title, &QLineEdit::textChanged, this, &NewBatchDialog::updateCount);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &NewBatchDialog::updateCount);
    connect(m_from, &QDateEdit::dateChanged, this, &NewBatchDialog::updateCount);
    connect(m_to, &QDateEdit::dateChanged, this, &NewBatchDialog::updateCount);
    m_title->setFocus();
    setMinimumWidth(520);
    updateCount();
}

sync::BatchSelection NewBatchDialog::selection() const
{
    sync::BatchSelection s;
    s.title = m_title->text().trimmed();
    s.schoolId = m_context.schoolId;
    s.outcome = m_outcome->currentData().toString();
    if (m_dates->isChecked()) {
        s.from = m_from->date();
        s.to = m_to->date();
    }
    return s;
}

void NewBatchDialog::updateCount()
{
    const sync::BatchSelection s = selection();
    int n = 0;
    for (auto it = m_context.candidates.cbegin(); it != m_context.candidates.cend(); ++it) {
        if (!s.outcome.isEmpty() && it.key() != s.outcome)
            continue;
        for (const sync::SignOffDecision& d : it.value()) {
            const QDate day = d.decidedAt.toLocalTime().date();
            if ((!s.from.isValid() || day >= s.from) && (!s.to.isValid() || day <= s.to))
                ++n;
        }
    }
    m_count->setText(s.title.isEmpty() ? tr("Give the batch a title.")
                                       : tr("The batch will hold %n decision(s).", nullptr, n));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!s.title.isEmpty() && n > 0);
}

ReturnNoteDialog::ReturnNoteDialog(const QString& applicationId, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("returnNoteDialog"));
    setWindowTitle(tr("Return to the officer"));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(tr("Application %1 leaves the batch and goes back to the officer who decided it, "
                               "with your note. It stays out of new batches until it is decided again.")
                                .arg(applicationId),
                            this);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto* label = new QLabel(tr("&Note for the officer:"), this);
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("returnNote"));
    m_note->setTabChangesFocus(true);
    label->setBuddy(m_note);
    layout->addWidget(label);
    layout->addWidget(m_note);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Return"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_note, &QPlainTextEdit::textChanged, this,
            [this] { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!note().isEmpty()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    m_note->setFocus();
    setMinimumWidth(480);
}

QString ReturnNoteDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

SignOffPrompter::~SignOffPrompter() = default;

std::optional<sync::BatchSelection> DialogSignOffPrompter::askNewBatch(QWidget* parent, const NewBatchContext& context)
{
    NewBatchDialog dialog(context, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.selection();
}

std::optional<security::SecretBytes> DialogSignOffPrompter::askSignPassphrase(QWidget* parent,
                                                                              const sync::BatchSummary& batch,
                                                                              const sync::SigningKeyInfo& key)
{
    PassphraseDialog dialog(PassphraseDialog::Purpose::Sign, parent);
    dialog.setText(QCoreApplication::translate(
                       "SignOffPrompter",
                       "You are signing \"%1\": %n decision(s). Your signature is checked with the key whose "
                       "fingerprint is\n%2\nType your passphrase to sign.",
                       nullptr, batch.items)
                       .arg(batch.title, key.fingerprint));
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.takePassphrase();
}

std::optional<NewKeyAnswer> DialogSignOffPrompter::askNewKey(QWidget* parent)
{
    PassphraseDialog dialog(PassphraseDialog::Purpose::NewKey, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    NewKeyAnswer answer;
    answer.algorithm = dialog.algorithm();
    answer.passphrase = dialog.takePassphrase();
    return answer;
}

std::optional<QString> DialogSignOffPrompter::askReturnNote(QWidget* parent, const QString& applicationId)
{
    ReturnNoteDialog dialog(applicationId, parent);
    if (dialog.exec() != QDialog::Accepted || dialog.note().isEmpty())
        return std::nullopt;
    return dialog.note();
}

std::optional<QString> DialogSignOffPrompter::askExportFolder(QWidget* parent, const QString& suggested)
{
    const QString dir = QFileDialog::getExistingDirectory(
        parent, QCoreApplication::translate("SignOffPrompter", "Export the signed batch to"), suggested);
    if (dir.isEmpty())
        return std::nullopt;
    return dir;
}

std::optional<QString> DialogSignOffPrompter::askNoticeFile(QWidget* parent, const QString& suggested)
{
    const QString file = QFileDialog::getSaveFileName(
        parent, QCoreApplication::translate("SignOffPrompter", "Save the public notice as"), suggested,
        QCoreApplication::translate("SignOffPrompter", "PDF documents (*.pdf)"));
    if (file.isEmpty())
        return std::nullopt;
    return file.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) ? file : file + QStringLiteral(".pdf");
}

} // namespace adm::ui
