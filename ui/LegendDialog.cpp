#include "LegendDialog.h"

#include "views/FlagIcons.h"
#include "views/Labels.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace adm::ui {

namespace {

QLabel* wrapped(const QString& text, QWidget* parent, const QString& name = {})
{
    auto* l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (!name.isEmpty())
        l->setObjectName(name);
    return l;
}

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* l = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), parent);
    l->setContentsMargins(0, 8, 0, 2);
    return l;
}

QLabel* swatch(const QColor& color, QWidget* parent)
{
    auto* m = new QLabel(parent);
    m->setFixedSize(12, 12);
    m->setStyleSheet(QStringLiteral("background: %1; border-radius: 2px;").arg(color.name()));
    return m;
}

} // namespace

LegendDialog::LegendDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("legendDialog"));
    setWindowTitle(tr("Legend"));

    auto* content = new QWidget;
    auto* grid = new QGridLayout(content);
    grid->setHorizontalSpacing(10);
    grid->setColumnStretch(1, 1);
    int row = 0;
    grid->addWidget(heading(tr("Categories (claimed by the family, found by the check)"), content), row++, 0, 1, 2);
    for (const QString& code : {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("none")}) {
        auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(views::labels::category(code)), content);
        grid->addWidget(label, row, 0, Qt::AlignTop | Qt::AlignHCenter);
        grid->addWidget(
            wrapped(views::labels::categoryMeaning(code), content, QStringLiteral("legendCategory_") + code), row++, 1);
    }
    grid->addWidget(heading(tr("Flag colours"), content), row++, 0, 1, 2);
    for (const auto& [example, sentence] : views::labels::flagColours()) {
        grid->addWidget(swatch(views::FlagIcons::color(example), content), row, 0, Qt::AlignTop | Qt::AlignHCenter);
        grid->addWidget(wrapped(sentence, content), row++, 1);
    }
    grid->addWidget(heading(tr("Flags"), content), row++, 0, 1, 2);
    for (const QString& flag : views::labels::flagCodes()) {
        grid->addWidget(swatch(views::FlagIcons::color(flag), content), row, 0, Qt::AlignTop | Qt::AlignHCenter);
        grid->addWidget(wrapped(views::labels::flag(flag), content, QStringLiteral("legendFlag_%1").arg(flag)), row++,
                        1);
    }
    grid->setRowStretch(row, 1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(520, 560);
}

} // namespace adm::ui
