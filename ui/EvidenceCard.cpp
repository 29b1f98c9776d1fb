#include "EvidenceCard.h"

#include "domain/IdNumber.h"
#include "views/Labels.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
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

// Colours through the palette, not style sheets: a style sheet per widget makes the pane several
// times slower to build (bench_detail), and a queue is read one applicant after another.
void badge(QLabel* l, const char* color)
{
    QPalette p = l->palette();
    p.setColor(QPalette::Window, QColor(QLatin1String(color)));
    p.setColor(QPalette::WindowText, Qt::white);
    l->setPalette(p);
    l->setAutoFillBackground(true);
    l->setContentsMargins(6, 1, 6, 1);
}

} // namespace

EvidenceCard::EvidenceCard(const policy::EvidenceUse& use, const QString& sourceRef, QWidget* parent)
    : QFrame(parent)
    , m_recordId(use.recordId)
{
    setObjectName(QStringLiteral("evidenceCard"));
    setFrameShape(QFrame::NoFrame); // painted in paintEvent: a rounded card on the base colour

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(4);

    auto* titleRow = new QHBoxLayout;
    auto* title = label(QStringLiteral("<b>%1</b>").arg(views::labels::dataset(use.dataset).toHtmlEscaped()), this);
    titleRow->addWidget(title, 1);
    if (use.decisive) {
        auto* decisive = new QLabel(tr("decisive"), this);
        badge(decisive, "#2e7d32");
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
        QPalette grey = n->palette();
        grey.setColor(QPalette::WindowText, grey.color(QPalette::Dark));
        n->setPalette(grey);
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
            badge(how, "#2e7d32");
        } else if (use.address.kind == policy::MatchKind::Loose) {
            how->setText(tr("loose match: check it"));
            badge(how, "#e68a00");
        } else {
            how->setText(tr("no match"));
            badge(how, "#757575");
        }
        addressRow->addWidget(how, 0, Qt::AlignTop);
        addressRow->addWidget(label(use.addressText, this), 1);
        layout->addLayout(addressRow);
    }
}

void EvidenceCard::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(palette().color(QPalette::Mid));
    p.setBrush(palette().color(QPalette::Base));
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
}

} // namespace adm::ui
