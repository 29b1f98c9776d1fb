#include "SecretText.h"

#include <QLineEdit>

namespace adm::ui {

security::SecretBytes takeSecretText(QLineEdit* edit)
{
    QString text = edit->text(); // shares the edit's buffer
    edit->clear();               // the edit lets go of it: `text` now holds it alone
    return security::SecretBytes(std::move(text));
}

} // namespace adm::ui
