#pragma once

#include "security/SecretBytes.h"

class QLineEdit;

namespace adm::ui {

// Takes a passphrase or password out of a line edit: the edit is cleared first, so that the text's
// buffer is ours alone, then its UTF-8 goes into secure storage and the buffer is wiped in place.
// What the widget freed before (the undo history, older buffers while typing) and what the window
// system and input method saw cannot be reached from here: see docs/security.md.
security::SecretBytes takeSecretText(QLineEdit* edit);

} // namespace adm::ui
