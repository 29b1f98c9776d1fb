#include "SettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace adm::ui {

namespace {
const QString kLanguage = QStringLiteral("language");
const QString kIdle = QStringLiteral("idle_lock_minutes");
} // namespace

QString SettingsDialog::language()
{
    return QSettings().value(kLanguage, QStringLiteral("system")).toString();
}

int SettingsDialog::idleLockMinutes()
{
    return std::clamp(QSettings().value(kIdle, 10).toInt(), 1, 240);
}

void SettingsDialog::setIdleLockMinutes(int minutes)
{
    QSettings().setValue(kIdle, std::clamp(minutes, 1, 240));
}

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    // Each language names itself, so that anyone can find their own.
    m_language->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(language())));

    m_idle = new QSpinBox(this);
    m_idle->setObjectName(QStringLiteral("idleMinutesSpin"));
    m_idle->setRange(1, 240);
    m_idle->setValue(idleLockMinutes());
    m_idle->setSuffix(tr(" min"));

    auto* note = new QLabel(tr("When nobody has used the workstation for this long, it locks: the data is closed "
                               "and taken off the screen until the passphrase is typed again."),
                            this);
    note->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("&Lock after:"), m_idle);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

void SettingsDialog::accept()
{
    const QString chosen = m_language->currentData().toString();
    if (chosen != language()) {
        QSettings().setValue(kLanguage, chosen);
        Q_EMIT languageChosen(chosen);
    }
    if (m_idle->value() != idleLockMinutes()) {
        setIdleLockMinutes(m_idle->value());
        Q_EMIT idleLockChanged(m_idle->value());
    }
    QDialog::accept();
}

} // namespace adm::ui
