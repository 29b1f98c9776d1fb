#include "DetailSections.h"

#include "DetailPane.h"
#include "EvidenceCard.h"
#include "domain/IdNumber.h"
#include "domain/JsonCodec.h"
#include "views/FlagIcons.h"
#include "views/Labels.h"
#include "views/RecordTreeModel.h"

#include <QCoreApplication>
#include <QGridLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace adm::ui::sections {

namespace {

namespace labels = views::labels;

// lupdate files these strings under the namespace: the same context here.
QString tr(const char* text)
{
    return QCoreApplication::translate("adm::ui::sections", text);
}

QLabel* text(const QString& s, QWidget* parent, const QString& name = {})
{
    auto* l = new QLabel(s, parent);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (!name.isEmpty())
        l->setObjectName(name);
    return l;
}

// A name, an ID number or a phone: never wrapped. A wrapped label in a grid gives way to the
// stretching column, and a Chinese name then breaks after every character.
QLabel* unwrapped(const QString& s, QWidget* parent, const QString& name = {})
{
    QLabel* l = text(s, parent, name);
    l->setWordWrap(false);
    return l;
}

QString when(const QDateTime& t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : tr("unknown");
}

QWidget* box(QWidget* parent, QVBoxLayout** layout)
{
    auto* w = new QWidget(parent);
    *layout = new QVBoxLayout(w);
    (*layout)->setContentsMargins(0, 0, 0, 0);
    (*layout)->setSpacing(6);
    return w;
}

QLabel* mark(const QColor& color, QWidget* parent)
{
    // Filled through the palette: a style sheet per widget slows the pane's building (bench_detail).
    auto* m = new QLabel(parent);
    m->setFixedSize(12, 12);
    QPalette p = m->palette();
    p.setColor(QPalette::Window, color);
    m->setPalette(p);
    m->setAutoFillBackground(true);
    return m;
}

// What the family is told (a decision's note) and by when (an information request), labelled so
// that nobody mistakes it for an internal note. Object names: <prefix>FamilyText, <prefix>DueDate.
// Only the current request is marked overdue: History keeps old ones, answered or replaced since.
void addFamilyLines(const QString& familyText, const QDate& due, QWidget* parent, QVBoxLayout* lines,
                    const QString& prefix, bool current)
{
    if (!familyText.isEmpty()) {
        auto* family = text(QStringLiteral("<i>%1</i> %2")
                                .arg(tr("Sent to the family:").toHtmlEscaped(),
                                     familyText.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"))),
                            parent, prefix + QStringLiteral("FamilyText"));
        family->setTextFormat(Qt::RichText);
        lines->addWidget(family);
    }
    if (due.isValid()) {
        const bool overdue = current && due < QDate::currentDate();
        auto* label = text(overdue ? tr("Due %1: overdue, no answer recorded").arg(due.toString(Qt::ISODate))
                                   : tr("Due %1").arg(due.toString(Qt::ISODate)),
                           parent, prefix + QStringLiteral("DueDate"));
        if (overdue)
            label->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
        lines->addWidget(label);
    }
}

QWidget* decisionSummary(const views::DecisionSummary& s, QWidget* parent)
{
    QVBoxLayout* lines = nullptr;
    QWidget* w = box(parent, &lines);
    lines->setSpacing(2);
    QString what = labels::outcome(s.outcome);
    if (!s.category.isEmpty())
        what = tr("%1, category %2").arg(what, s.category);
    if (!s.reasonCode.isEmpty())
        what = tr("%1; reason: %2").arg(what, labels::reason(s.reasonCode, s.outcome));
    what = s.local ? tr("%1 (decided here)").arg(what) : tr("%1 (from the platform)").arg(what);
    lines->addWidget(text(what, w, QStringLiteral("decisionValue")));
    addFamilyLines(s.note, s.dueDate, w, lines, QStringLiteral("decision"), true);
    return w;
}

} // namespace

QWidget* title(const QString& s, QWidget* parent)
{
    auto* l = new QLabel(s, parent);
    l->setObjectName(QStringLiteral("sectionTitle"));
    QFont f = l->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.1);
    l->setFont(f);
    l->setContentsMargins(0, 10, 0, 2);
    return l;
}

QWidget* summary(const views::ApplicationDetail& d, QWidget* parent)
{
    QVBoxLayout* layout = nullptr;
    QWidget* w = box(parent, &layout);
    const Application& a = d.application;
    auto* head = text(QStringLiteral("<span style='font-size:large'><b>%1</b> · %2</span>")
                          .arg(a.id.toHtmlEscaped(), a.child.name.toHtmlEscaped()),
                      w, QStringLiteral("detailTitle"));
    layout->addWidget(head);
    QString state = labels::status(a.status);
    if (!d.row.pending.isEmpty())
        state = tr("%1 · %2").arg(state, labels::pending(d.row.pending));
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    int row = 0;
    auto add = [&](const QString& name, const QString& value, const QString& objectName = {}) {
        grid->addWidget(text(name, w), row, 0, Qt::AlignTop);
        grid->addWidget(text(value, w, objectName), row, 1);
        ++row;
    };
    add(tr("Status"), state, QStringLiteral("statusValue"));
    add(tr("Age"), tr("%1, born %2")
                       .arg(labels::age(d.row.birthDate, QDate::currentDate()),
                            IdNumber::parse(a.child.idNumber).birthDate().toString(Qt::ISODate)));
    add(tr("School"), d.row.schoolName.isEmpty() ? a.targetSchoolId : d.row.schoolName);
    if (d.seats.capacity > 0) {
        auto* seats = text(tr("%1 of %2 seats approved").arg(d.seats.approved).arg(d.seats.capacity), w,
                           QStringLiteral("seatsValue"));
        if (d.seats.approved >= d.seats.capacity)
            seats->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
        grid->addWidget(text(tr("Seats"), w), row, 0);
        grid->addWidget(seats, row++, 1);
    }
    add(tr("Claimed category"), a.claimedCategory.isEmpty() ? tr("none") : a.claimedCategory);
    add(tr("Claimed address"), a.claimedAddress.isEmpty() ? tr("(none given)") : a.claimedAddress,
        QStringLiteral("claimedAddress"));
    add(tr("Channel"), tr("%1, submitted %2").arg(labels::channel(a.channel), when(a.submittedAt)));
    add(tr("Version"), QString::number(a.version));
    if (d.decision) {
        grid->addWidget(text(tr("Decision"), w), row, 0, Qt::AlignTop);
        grid->addWidget(decisionSummary(*d.decision, w), row++, 1);
    }
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);
    return w;
}

QWidget* people(const views::ApplicationDetail& d, const QSet<int>& revealed, DetailPane* pane, QWidget* parent)
{
    auto* w = new QWidget(parent);
    auto* grid = new QGridLayout(w);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(12);
    auto addPerson = [&](int position, const QString& role, const QString& name, const QString& id,
                         const QString& phone) {
        grid->addWidget(unwrapped(role, w), position, 0, Qt::AlignTop);
        // The phone under the name: one row of name, ID number, button and phone is wider than the pane.
        auto* who = new QVBoxLayout;
        who->setSpacing(0);
        who->addWidget(unwrapped(name, w, QStringLiteral("personName_%1").arg(position)));
        if (!phone.isEmpty()) {
            QLabel* p = unwrapped(phone, w, QStringLiteral("personPhone_%1").arg(position));
            QPalette grey = p->palette();
            grey.setColor(QPalette::WindowText, grey.color(QPalette::Dark));
            p->setPalette(grey);
            who->addWidget(p);
        }
        grid->addLayout(who, position, 1, Qt::AlignTop);
        const bool shown = revealed.contains(position);
        grid->addWidget(unwrapped(shown ? id : IdNumber::masked(id), w, QStringLiteral("idLabel_%1").arg(position)),
                        position, 2, Qt::AlignTop);
        if (!shown) {
            auto* reveal = new QPushButton(tr("Show"), w);
            reveal->setObjectName(QStringLiteral("revealButton_%1").arg(position));
            reveal->setToolTip(tr("Show the full ID number; the reason goes to the audit log."));
            reveal->setAutoDefault(false);
            QObject::connect(reveal, &QPushButton::clicked, pane,
                             [pane, position] { pane->revealRequested(position); });
            grid->addWidget(reveal, position, 3, Qt::AlignTop);
        }
    };
    const Application& a = d.application;
    addPerson(0, tr("Child"), a.child.name, a.child.idNumber, QString());
    for (int i = 0; i < a.guardians.size(); ++i) {
        const Guardian& g = a.guardians.at(i);
        addPerson(i + 1, labels::relation(g.relation), g.name, g.idNumber, g.phone);
    }
    grid->setColumnStretch(4, 1);
    return w;
}

QWidget* check(const views::ApplicationDetail& d, QWidget* parent)
{
    QVBoxLayout* layout = nullptr;
    QWidget* w = box(parent, &layout);
    if (!d.check) {
        layout->addWidget(text(tr("No automatic check: %1").arg(d.checkError), w));
        return w;
    }
    const policy::EligibilityResult& r = *d.check;
    const QString category = policy::categoryCode(r.category);
    auto* verdict = text(r.eligible ? tr("Category %1: eligible.").arg(category)
                                    : tr("No category: not eligible by the automatic check."),
                         w, QStringLiteral("checkVerdict"));
    QFont f = verdict->font();
    f.setBold(true);
    verdict->setFont(f);
    layout->addWidget(verdict);
    if (!r.claimedCategory.isEmpty() && r.claimedCategory != category)
        layout->addWidget(text(tr("The family claimed category %1.").arg(r.claimedCategory), w));

    if (!r.flags.isEmpty()) {
        auto* flags = new QGridLayout;
        flags->setHorizontalSpacing(8);
        int row = 0;
        for (const QString& flag : r.flags) {
            flags->addWidget(mark(views::FlagIcons::color(flag), w), row, 0, Qt::AlignTop | Qt::AlignHCenter);
            auto* line = text(QStringLiteral("<b>%1</b>: %2")
                                  .arg(labels::flag(flag).toHtmlEscaped(), r.flagReasons.value(flag).toHtmlEscaped()),
                              w, QStringLiteral("flag_%1").arg(flag));
            flags->addWidget(line, row++, 1);
        }
        flags->setColumnStretch(1, 1);
        layout->addLayout(flags);
    }

    for (const policy::RuleCheck& c : r.checks) {
        auto* rule =
            text(QStringLiteral("<span style='color:%1'>%2</span> <b>%3</b> · %4")
                     .arg(c.passed ? QStringLiteral("#2e7d32") : QStringLiteral("#b00020"),
                          c.passed ? QStringLiteral("✔") : QStringLiteral("✘"), labels::rule(c.rule).toHtmlEscaped(),
                          (c.passed ? tr("passed") : tr("failed")).toHtmlEscaped()),
                 w, QStringLiteral("rule_%1").arg(c.rule));
        rule->setContentsMargins(0, 8, 0, 0);
        layout->addWidget(rule);
        if (!c.reason.isEmpty())
            layout->addWidget(text(c.reason, w));
        for (const policy::EvidenceUse& use : c.evidence)
            layout->addWidget(new EvidenceCard(use, d.sourceRefOf(use.recordId), w));
    }
    return w;
}

QWidget* conflicts(const views::ApplicationDetail& d, DetailPane* pane, QWidget* parent)
{
    QVBoxLayout* layout = nullptr;
    QWidget* w = box(parent, &layout);
    for (const sync::Conflict& c : d.conflicts) {
        auto* grid = new QGridLayout;
        grid->setHorizontalSpacing(16);
        grid->addWidget(text(QStringLiteral("<b>%1</b>").arg(tr("Your decision")), w), 0, 0);
        grid->addWidget(text(QStringLiteral("<b>%1</b>").arg(tr("Now upstream")), w), 0, 1);
        const QJsonObject& mine = c.mine;
        QStringList left;
        left << labels::outcome(mine.value(QStringLiteral("outcome")).toString());
        if (!mine.value(QStringLiteral("category")).toString().isEmpty())
            left << tr("category %1").arg(mine.value(QStringLiteral("category")).toString());
        if (!mine.value(QStringLiteral("reason_code")).toString().isEmpty())
            left << labels::reason(mine.value(QStringLiteral("reason_code")).toString(),
                                   mine.value(QStringLiteral("outcome")).toString());
        left << tr("made on version %1").arg(mine.value(QStringLiteral("base_version")).toInteger());
        QStringList right;
        if (c.upstream.value(QStringLiteral("deleted")).toBool()) {
            right << tr("removed upstream");
        } else if (!c.upstream.isEmpty()) {
            right << labels::status(c.upstream.value(QStringLiteral("status")).toString());
            const QJsonObject decision = c.upstream.value(QStringLiteral("decision")).toObject();
            if (!decision.isEmpty())
                right << tr("decided: %1").arg(labels::outcome(decision.value(QStringLiteral("outcome")).toString()));
            right << tr("version %1").arg(c.upstream.value(QStringLiteral("version")).toInteger());
        } else {
            right << tr("not known yet: sync first");
        }
        grid->addWidget(text(left.join(u'\n'), w, QStringLiteral("conflictMine")), 1, 0, Qt::AlignTop);
        grid->addWidget(text(right.join(u'\n'), w, QStringLiteral("conflictUpstream")), 1, 1, Qt::AlignTop);
        if (!c.item.resultMessage.isEmpty())
            grid->addWidget(text(tr("The city platform said: %1").arg(c.item.resultMessage), w), 2, 0, 1, 2);
        layout->addLayout(grid);
        if (!pane->decisionsOffered()) // a role that may not decide is offered nothing to press
            continue;
        auto* row = new QHBoxLayout;
        if (c.actions.contains(QStringLiteral("decide")))
            row->addWidget(text(tr("Press A, R or I to decide again."), w), 1);
        auto* drop = new QPushButton(tr("Drop my decision"), w);
        drop->setObjectName(QStringLiteral("dropButton"));
        const qint64 item = c.item.id;
        QObject::connect(drop, &QPushButton::clicked, pane, [pane, item] { pane->dropRequested(item); });
        row->addWidget(drop);
        layout->addLayout(row);
    }
    return w;
}

QWidget* records(views::RecordTreeModel* model, QWidget* parent)
{
    auto* tree = new QTreeView(parent);
    tree->setObjectName(QStringLiteral("recordsTree"));
    tree->setModel(model);
    // Never cut silently: the field names take the width they need, the values wrap, and each
    // cell's tooltip holds its whole text (RecordTreeModel).
    tree->setWordWrap(true);
    tree->setUniformRowHeights(false);
    tree->setTextElideMode(Qt::ElideMiddle);
    tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    tree->header()->setSectionResizeMode(QHeaderView::Stretch);
    tree->setMinimumHeight(260);
    return tree;
}

QWidget* history(const views::ApplicationDetail& d, QWidget* parent)
{
    auto* w = new QWidget(parent);
    w->setObjectName(QStringLiteral("historyList"));
    auto* grid = new QGridLayout(w);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(12);
    int row = 0;
    for (const views::HistoryEntry& h : d.history) {
        grid->addWidget(text(when(h.at), w), row, 0, Qt::AlignTop);
        grid->addWidget(text(h.actor, w), row, 1, Qt::AlignTop);
        if (h.familyText.isEmpty() && !h.dueDate.isValid()) {
            grid->addWidget(text(h.text, w), row++, 2);
            continue;
        }
        QVBoxLayout* lines = nullptr;
        QWidget* entry = box(w, &lines);
        lines->setSpacing(2);
        lines->addWidget(text(h.text, entry));
        addFamilyLines(h.familyText, h.dueDate, entry, lines, QStringLiteral("history"), false);
        grid->addWidget(entry, row++, 2);
    }
    grid->setColumnStretch(2, 1);
    return w;
}

QWidget* related(const views::ApplicationDetail& d, DetailPane* pane, QWidget* parent)
{
    QVBoxLayout* layout = nullptr;
    QWidget* w = box(parent, &layout);
    if (d.related.isEmpty()) {
        layout->addWidget(text(tr("None: no other application for this child or this property."), w));
        return w;
    }
    for (const views::RelatedApplication& r : d.related) {
        const QString why = r.why == QLatin1String("same_child") ? tr("same child") : tr("same property");
        auto* link =
            new QPushButton(tr("%1 · %2 · %3 · %4 (%5)")
                                .arg(r.applicationId, r.childName, r.schoolName, labels::bin(views::Bin(r.bin)), why),
                            w);
        link->setObjectName(QStringLiteral("relatedLink"));
        link->setFlat(true);
        link->setCursor(Qt::PointingHandCursor);
        link->setStyleSheet(QStringLiteral("text-align: left; color: palette(link);"));
        const QString id = r.applicationId;
        QObject::connect(link, &QPushButton::clicked, pane, [pane, id] { pane->openApplication(id); });
        layout->addWidget(link);
    }
    return w;
}

} // namespace adm::ui::sections
