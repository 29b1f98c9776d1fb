#include "FirstUserPage.h"

#include "ErrorSpace.h"
#include "FirstRunWizard.h"
#include "SecretText.h"
#include "security/KeyStore.h"
#include "security/Roles.h"

#include <QApplication>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace adm::ui {

FirstUserPage::FirstUserPage(FirstRunWizard* wizard)
    : m_wizard(wizard)
{
    setObjectName(QStringLiteral("userPage"));
    setTitle(tr("Welcome"));
    setSubTitle(tr("This computer holds no workstation yet. Set up its first user."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Create"));

    auto* intro = new QLabel(tr("The applications kept here are encrypted; only the passphrases of this "
                                "workstation's users open them. The first user is the workstation's "
                                "administrator: they can add other users and connect it to a city platform."),
                             this);
    intro->setWordWrap(true);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("userNameEdit"));
    m_name->setPlaceholderText(tr("for example liu.fang"));
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("roleCombo"));
    for (const QString& r : role::all())
        m_role->addItem(role::displayName(r), r);
    m_role->setCurrentIndex(m_role->findData(role::Reviewer));
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_confirm = new QLineEdit(this);
    m_confirm->setObjectName(QStringLiteral("confirmEdit"));
    m_confirm->setEchoMode(QLineEdit::Password);
    auto* rule = new QLabel(tr("At least %1 characters. A few words are easy to remember and hard to guess. "
                               "A forgotten passphrase cannot be recovered.")
                                .arg(security::KeyStore::kMinPassphraseLength),
                            this);
    rule->setWordWrap(true);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("userErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    reserveErrorSpace(m_error);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Role:"), m_role);
    form->addRow(tr("&Passphrase:"), m_passphrase);
    form->addRow(tr("Con&firm passphrase:"), m_confirm);
    form->addRow(QString(), rule);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch();
}

void FirstUserPage::showError(const QString& message, QLineEdit* focus)
{
    m_error->setText(message);
    m_error->show();
    focus->selectAll();
    focus->setFocus();
}

bool FirstUserPage::validatePage()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        showError(tr("Type the new user's name first."), m_name);
        return false;
    }
    if (Status s = security::KeyStore::checkUserName(name); !s) {
        showError(s.error().message, m_name);
        return false;
    }
    if (Status s = security::KeyStore::checkNewPassphrase(m_passphrase->text()); !s) {
        showError(s.error().message, m_passphrase);
        return false;
    }
    if (m_confirm->text() != m_passphrase->text()) {
        m_confirm->clear();
        showError(tr("The two passphrases differ. Type the same passphrase in both fields."), m_confirm);
        return false;
    }
    // PBKDF2 with a million iterations: a fraction of a second, fine under a busy cursor.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    m_confirm->clear();
    const security::SecretBytes passphrase = takeSecretText(m_passphrase);
    const Status created = m_wizard->setup().createAdministrator(name, m_role->currentData().toString(), passphrase);
    QApplication::restoreOverrideCursor();
    if (!created) {
        showError(created.error().message, m_name);
        return false;
    }
    m_error->hide();
    return true;
}

} // namespace adm::ui
