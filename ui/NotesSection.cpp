#include "NotesSection.h"

#include "DetailPane.h"
#include "Prompter.h"
#include "views/ApplicantNotes.h"
#include "views/Session.h"

#include <QCoreApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace adm::ui::NotesSection {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("adm::ui::NotesSection", text);
}

QLabel* label(const QString& s, QWidget* parent, const QString& name = {})
{
    auto* l = new QLabel(s, parent);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setObjectName(name);
    return l;
}

} // namespace

QWidget* make(const views::ApplicationDetail& d, DetailPane* pane, QWidget* parent)
{
    auto* w = new QWidget(parent);
    w->setObjectName(QStringLiteral("notesSection"));
    auto* layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    auto* where =
        label(tr("Internal, not shown to the family. Kept on this workstation only."), w, QStringLiteral("notesWhere"));
    where->setStyleSheet(QStringLiteral("color: #8a4b00; font-style: italic;")); // not the family's text
    layout->addWidget(where);
    if (d.notes.isEmpty())
        layout->addWidget(label(tr("No notes yet."), w, QStringLiteral("notesEmpty")));
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    int row = 0;
    for (const views::ApplicantNote& n : d.notes) {
        const QString when = n.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        grid->addWidget(label(when, w), row, 0, Qt::AlignTop);
        grid->addWidget(label(n.author, w, QStringLiteral("noteAuthor")), row, 1, Qt::AlignTop);
        grid->addWidget(label(n.text, w, QStringLiteral("noteText")), row++, 2);
    }
    grid->setColumnStretch(2, 1);
    layout->addLayout(grid);
    auto* add = new QPushButton(tr("Add note… (N)"), w);
    add->setObjectName(QStringLiteral("addNoteButton"));
    add->setAutoDefault(false);
    QObject::connect(add, &QPushButton::clicked, pane, &DetailPane::addNoteRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    return w;
}

void addNote(views::Session& session, Prompter& prompter, QWidget* window, const QString& applicationId,
             QObject* context, std::function<void(Status)> done)
{
    const std::optional<QString> text = prompter.askNote(window, applicationId);
    if (!text)
        return;
    views::ApplicantNotes::addInSession(session, applicationId, *text, context, std::move(done));
}

} // namespace adm::ui::NotesSection
