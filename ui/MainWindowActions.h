#pragma once

// The window's actions, shared by the files that make up MainWindow (MainWindow.cpp, and the
// parts kept apart: MainWindowRoles.cpp, MainWindowSync.cpp). Private to ui/.
#include "MainWindow.h"

#include <QAction>
#include <QList>

namespace adm::ui {

struct MainWindow::Actions {
    QAction* approve = nullptr;
    QAction* reject = nullptr;
    QAction* requestInfo = nullptr;
    QAction* addNote = nullptr;
    QAction* undo = nullptr;
    QAction* search = nullptr;
    QAction* next = nullptr;
    QAction* previous = nullptr;
    QAction* clearFilters = nullptr;
    QAction* sync = nullptr;
    QAction* cancelSync = nullptr;
    QAction* signIn = nullptr;
    QAction* counts = nullptr;
    QAction* lock = nullptr;
    QAction* settings = nullptr;
    QAction* legend = nullptr;
    QAction* quit = nullptr;
    QList<QAction*> languages;
    // Keyboard (issue 12).
    QAction* switchFocus = nullptr;
    QAction* zoomIn = nullptr;
    QAction* zoomOut = nullptr;
    QAction* zoomReset = nullptr;
    QAction* shortcuts = nullptr;
    QList<QAction*> bins;
    // Counter intake (issue 13): only for a role that may take walk-in applications.
    QAction* counterIntake = nullptr;
    QAction* newCounter = nullptr;
    // Sign-off (issue 14): only for a role that may sign batches; declared relatives for everyone.
    QAction* signOff = nullptr;
    QAction* relatives = nullptr;
    // Supervision (issue 16): only for a role that may see dashboards.
    QAction* supervision = nullptr;
};

} // namespace adm::ui
