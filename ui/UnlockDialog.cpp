#include "UnlockDialog.h"

#include "ErrorSpace.h"
#include "SecretText.h"
#include "security/Roles.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace adm::ui {

UnlockDialog::UnlockDialog(const QString& dataDir, QWidget* parent)
    : QDialog(parent)
    , m_dataDir(dataDir)
{
    setWindowTitle(tr("Unlock the workstation"));
    setObjectName(QStringLiteral("unlockDialog"));

    auto* intro = new QLabel(tr("The applications on this workstation are encrypted. Choose your name and type "
                                "your passphrase."),
                             this);
    intro->setWordWrap(true);

    m_user = new QComboBox(this);
    m_user->setObjectName(QStringLiteral("userCombo"));
    if (auto users = views::OpenCache::users(dataDir)) {
        for (const security::LocalUser& u : *users)
            m_user->addItem(tr("%1 (%2)").arg(u.name, role::displayName(u.role)), u.name);
    }

    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setMinimumWidth(280);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    reserveErrorSpace(m_error);

    auto* form = new QFormLayout;
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Passphrase:"), m_passphrase);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_unlock = buttons->addButton(tr("&Unlock"), QDialogButtonBox::AcceptRole);
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_unlock->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_unlock, &QPushButton::clicked, this, &UnlockDialog::tryUnlock);

    auto* layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // grows for a long message
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    m_passphrase->setFocus();
}

void UnlockDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
    m_passphrase->selectAll();
    m_passphrase->setFocus();
}

void UnlockDialog::tryUnlock()
{
    if (m_passphrase->text().isEmpty()) {
        showError(tr("Type your passphrase first."));
        return;
    }
    m_unlock->setEnabled(false);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    // Out of the widget into secure storage (the field is empty afterwards, also after a wrong one).
    const security::SecretBytes passphrase = takeSecretText(m_passphrase);
    auto cache = views::OpenCache::unlock(m_dataDir, m_user->currentData().toString(), passphrase);
    QApplication::restoreOverrideCursor();
    m_unlock->setEnabled(true);
    if (!cache) {
        showError(cache.error().message);
        return;
    }
    m_cache = std::move(*cache);
    accept();
}

} // namespace adm::ui
