#include "RevealDialog.h"

#include "views/DecisionService.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace adm::ui {

RevealDialog::RevealDialog(const QString& applicationId, const QString& person, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("revealDialog"));
    setWindowTitle(tr("Show the full ID number"));
    auto* intro = new QLabel(tr("You are about to see the full ID number of %1 on application %2. This is recorded "
                                "in the audit log with your name and the reason.")
                                 .arg(person, applicationId),
                             this);
    intro->setWordWrap(true);
    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("revealReasonCombo"));
    m_reason->addItem(tr("Choose a reason…"), QString());
    for (const QString& code : views::IdRevealer::reasonCodes())
        m_reason->addItem(views::IdRevealer::reasonLabel(code), code);
    m_error = new QLabel(tr("Choose why you need to see the number."), this);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* show = buttons->addButton(tr("&Show"), QDialogButtonBox::AcceptRole);
    show->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(show, &QPushButton::clicked, this, &RevealDialog::accept);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_reason);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

QString RevealDialog::reasonCode() const
{
    return m_reason->currentData().toString();
}

void RevealDialog::accept()
{
    if (reasonCode().isEmpty()) {
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace adm::ui
