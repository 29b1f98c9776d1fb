#pragma once

#include <QDialog>
#include <QList>

class QAction;

namespace adm::ui {

// Help → Keyboard shortcuts: every key of the window, made from the actions themselves (their text
// and their shortcuts, only those the user's role is offered) and from the keys that are not
// actions (Enter in the queue, Space in the detail pane, Ctrl+Enter in a dialog, …), in the
// interface's language. Nothing here is typed twice, so the list cannot drift from the keys.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);

    // "Approve…" from "&Approve…": the action's words as a list shows them.
    static QString plainText(const QAction* action);
};

} // namespace adm::ui
