#pragma once

class QAbstractButton;
class QDialog;

namespace adm::ui {

// Ctrl+Enter (and Ctrl+Return) clicks `button` of `dialog` wherever the focus is in it: in a dialog
// with a text box, Enter makes a new line, so the keyboard needs another way to submit.
void addSubmitShortcut(QDialog* dialog, QAbstractButton* button);

} // namespace adm::ui
