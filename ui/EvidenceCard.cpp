#include "EvidenceCard.h"

#include "domain/IdNumber.h"
#include "views/Labels.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace adm::ui {

namespace {

QLabel* label(const QString& text, QWidget* parent, bool selectable = false)
{
    auto* l = new QLabel(text, parent);
    l->setWordWrap(true);
    if (selectable)
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QString badgeStyle(const QString& color)
{
    return QStringLiteral("QLabel { color: white; background: %1; border-radius: 3px; padding: 1px 6px; }").arg(color);
}

} // namespace

EvidenceCard::EvidenceCard(const policy::EvidenceUse& use, const QString& sourceRef, QWidget* parent)
    : QFrame(parent)
    , m_recordId(use.recordId)
{
    setObjectName(QStringLiteral("evidenceCard"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setStyleSheet(QStringLiteral("#evidenceCard { background: palette(base); border: 1px solid palette(mid); "
                                 "border-radius: 4px; }"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(4);

    auto* titleRow = new QHBoxLayout;
    auto* title = label(QStringLiteral("<b>%1</b>").arg(views::labels::dataset(use.dataset).toHtmlEscaped()), this);
    titleRow->addWidget(title, 1);
    if (use.decisive) {
        auto* decisive = new QLabel(tr("decisive"), this);
        decisive->setStyleSheet(badgeStyle(QStringLiteral("#2e7d32")));
        decisive->setToolTip(tr("This record decided the rule."));
        titleRow->addWidget(decisive);
    }
    layout->addLayout(titleRow);

    const QString fetched = use.fetchedAt.isValid()
                                ? QLocale().toString(use.fetchedAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"))
                                : tr("unknown");
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(2);
    int row = 0;
    auto addRow = [&](const QString& name, const QString& value) {
        auto* n = label(name, this);
        n->setStyleSheet(QStringLiteral("color: palette(dark);"));
        grid->addWidget(n, row, 0, Qt::AlignTop);
        grid->addWidget(label(value, this, true), row, 1);
        ++row;
    };
    addRow(tr("Agency"), views::labels::agency(use.agency));
    addRow(tr("Record number"), sourceRef.isEmpty() ? use.recordId : sourceRef);
    addRow(tr("Fetched"), fetched);
    for (const policy::EvidenceField& f : use.fields) {
        // The address match has its own line below, with how sure it is.
        if (f.value.isEmpty() || f.name == QLatin1String("address_match"))
            continue;
        // Fields carry no ID numbers by contract; mask one should it come anyway.
        const bool id = f.value.size() == 18 && IdNumber::parse(f.value).isValid();
        addRow(views::labels::field(f.name),
               id ? IdNumber::masked(f.value) : views::labels::fieldValue(f.name, f.value));
    }
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);

    if (use.address.kind != policy::MatchKind::None || !use.addressText.isEmpty()) {
        auto* addressRow = new QHBoxLayout;
        auto* how = new QLabel(this);
        how->setObjectName(QStringLiteral("matchBadge"));
        if (use.address.kind == policy::MatchKind::Exact) {
            how->setText(tr("exact match"));
            how->setStyleSheet(badgeStyle(QStringLiteral("#2e7d32")));
        } else if (use.address.kind == policy::MatchKind::Loose) {
            how->setText(tr("loose match: check it"));
            how->setStyleSheet(badgeStyle(QStringLiteral("#e68a00")));
        } else {
            how->setText(tr("no match"));
            how->setStyleSheet(badgeStyle(QStringLiteral("#757575")));
        }
        addressRow->addWidget(how, 0, Qt::AlignTop);
        addressRow->addWidget(label(use.addressText, this), 1);
        layout->addLayout(addressRow);
    }
}

} // namespace adm::ui
