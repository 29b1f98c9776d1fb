#pragma once

#include "domain/Result.h"
#include "views/ApplicationDetail.h"

#include <functional>

class QWidget;

namespace adm::views {
class Session;
}

namespace adm::ui {

class DetailPane;
class Prompter;

// The "Notes" section of the detail pane: the officers' internal notes on an applicant (who, when,
// text), labelled as internal and kept on this workstation only, with an "Add note…" button (N).
namespace NotesSection {

QWidget* make(const views::ApplicationDetail& d, DetailPane* pane, QWidget* parent);

// Asks for a note through the prompter and saves it under the signed-in user, with its audit entry,
// on the writer's thread; `done` gets the outcome (nothing when the question was cancelled).
void addNote(views::Session& session, Prompter& prompter, QWidget* window, const QString& applicationId,
             QObject* context, std::function<void(Status)> done);

} // namespace NotesSection

} // namespace adm::ui
