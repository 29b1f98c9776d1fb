#include "SubmitShortcut.h"

#include <QAbstractButton>
#include <QDialog>
#include <QShortcut>

namespace adm::ui {

void addSubmitShortcut(QDialog* dialog, QAbstractButton* button)
{
    for (const QKeySequence& key : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* shortcut = new QShortcut(key, dialog);
        shortcut->setObjectName(QStringLiteral("submitShortcut"));
        shortcut->setContext(Qt::WindowShortcut);
        QObject::connect(shortcut, &QShortcut::activated, button, [button] {
            if (button->isEnabled())
                button->click();
        });
    }
}

} // namespace adm::ui
