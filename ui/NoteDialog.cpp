#include "NoteDialog.h"

#include "views/ApplicantNotes.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace adm::ui {

NoteDialog::NoteDialog(const QString& applicationId, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("noteDialog"));
    setWindowTitle(tr("Internal note on %1").arg(applicationId));
    auto* where = new QLabel(tr("Internal, not shown to the family. Kept on this workstation only, in its encrypted "
                                "cache; your name and the time are recorded with it."),
                             this);
    where->setWordWrap(true);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("noteTextEdit"));
    m_text->setTabChangesFocus(true);
    m_text->setMinimumHeight(90);
    m_text->setPlaceholderText(tr("What a colleague should know (a phone call, a document seen at the counter…)"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("noteError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    m_error->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* add = buttons->addButton(tr("&Add note"), QDialogButtonBox::AcceptRole);
    add->setObjectName(QStringLiteral("addNoteOk"));
    add->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, &NoteDialog::accept);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(where);
    layout->addWidget(m_text);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(440);
    m_text->setFocus();
}

QString NoteDialog::text() const
{
    return m_text->toPlainText().trimmed();
}

void NoteDialog::accept()
{
    const QString t = text();
    if (t.isEmpty() || t.size() > views::ApplicantNotes::kMaxChars) {
        m_error->setText(
            t.isEmpty()
                ? tr("Write the note first.")
                : tr("The note is longer than %1 characters; shorten it.").arg(views::ApplicantNotes::kMaxChars));
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace adm::ui
