#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace adm::ui {

namespace {

QString keysOf(const QAction* action)
{
    QStringList keys;
    for (const QKeySequence& k : action->shortcuts())
        keys << k.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}

QString keyText(const QKeySequence& key)
{
    return key.toString(QKeySequence::NativeText);
}

} // namespace

QString ShortcutsDialog::plainText(const QAction* action)
{
    QString text = action->text();
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    text.replace(QStringLiteral("&&"), QStringLiteral("&"));
    while (text.endsWith(u'…') || text.endsWith(u'.'))
        text.chop(1);
    return text;
}

ShortcutsDialog::ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    auto* tree = new QTreeWidget(this);
    tree->setObjectName(QStringLiteral("shortcutsTable"));
    tree->setColumnCount(2);
    tree->setHeaderLabels({tr("What it does"), tr("Keys")});
    tree->setRootIsDecorated(false);
    tree->setSelectionMode(QAbstractItemView::NoSelection);
    tree->setWordWrap(true);

    auto* window = new QTreeWidgetItem(tree, {tr("In the whole window")});
    window->setFirstColumnSpanned(true);
    QFont bold = window->font(0);
    bold.setBold(true);
    window->setFont(0, bold);
    for (const QAction* a : actions) {
        // Only what this user is offered: a role without decisions has no decision keys.
        if (a->shortcuts().isEmpty() || !a->isVisible())
            continue;
        new QTreeWidgetItem(window, {plainText(a), keysOf(a)});
    }

    // Keys that are not actions of the window: what the queue, the detail pane and the dialogs do.
    auto* fixed = new QTreeWidgetItem(tree, {tr("In the queue, the detail pane and the dialogs")});
    fixed->setFirstColumnSpanned(true);
    fixed->setFont(0, bold);
    const QList<QPair<QString, QString>> keys = {
        {tr("Move through the queue"), tr("%1, %2").arg(keyText(Qt::Key_Up), keyText(Qt::Key_Down))},
        {tr("Open the selected application at once"), keyText(Qt::Key_Return)},
        {tr("The menu of the selected row"),
         tr("%1 or %2").arg(keyText(Qt::Key_Menu), keyText(Qt::SHIFT | Qt::Key_F10))},
        {tr("From the queue to the detail pane's buttons"), keyText(Qt::Key_Tab)},
        {tr("Scroll the detail pane (after F6)"), tr("%1, %2, %3, %4")
                                                      .arg(keyText(Qt::Key_PageUp), keyText(Qt::Key_PageDown),
                                                           keyText(Qt::Key_Space), keyText(Qt::SHIFT | Qt::Key_Space))},
        {tr("Clear the search (in the search field)"), keyText(Qt::Key_Escape)},
        {tr("Decide in a dialog, also from its text box"), keyText(Qt::CTRL | Qt::Key_Return)},
        {tr("Cancel a dialog"), keyText(Qt::Key_Escape)},
    };
    for (const auto& [what, key] : keys)
        new QTreeWidgetItem(fixed, {what, key});
    tree->expandAll();
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tree->header()->setStretchLastSection(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tree);
    layout->addWidget(buttons);
    resize(620, 640);
}

} // namespace adm::ui
