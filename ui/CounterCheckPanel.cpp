#include "CounterCheckPanel.h"

#include "views/Labels.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace adm::ui {

namespace {

QLabel* line(QWidget* parent, const char* name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

CounterCheckPanel::CounterCheckPanel(QWidget* parent)
    : QGroupBox(parent)
{
    setObjectName(QStringLiteral("counterCheck"));
    m_known = line(this, "counterKnown");
    m_known->setTextFormat(Qt::RichText);
    m_known->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #8e0014; border: 1px solid #b00020; "
                                          "border-radius: 3px; padding: 6px; }"));
    m_category = line(this, "counterCategory");
    m_category->setTextFormat(Qt::PlainText);
    m_flags = line(this, "counterFlags");
    m_flags->setTextFormat(Qt::RichText);
    m_problemsLabel = line(this, "counterProblems");
    m_problemsLabel->setTextFormat(Qt::PlainText);
    m_note = line(this, "counterCheckNote");
    m_note->setTextFormat(Qt::PlainText);
    m_note->setStyleSheet(QStringLiteral("color: #616161;"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_known);
    layout->addWidget(m_category);
    layout->addWidget(m_flags);
    layout->addWidget(m_problemsLabel);
    layout->addWidget(m_note);
    render();
}

void CounterCheckPanel::showPreview(const views::CounterPreview& preview, const QString& claimedCategory)
{
    m_preview = preview;
    m_claimed = claimedCategory;
    m_error.clear();
    render();
}

void CounterCheckPanel::showProblems(int count)
{
    m_problems = count;
    render();
}

void CounterCheckPanel::showError(const QString& message)
{
    m_error = message;
    render();
}

void CounterCheckPanel::clear()
{
    m_preview.reset();
    m_claimed.clear();
    m_error.clear();
    m_problems = -1;
    render();
}

QString CounterCheckPanel::schoolName(const QString& id) const
{
    for (const auto& [schoolId, name] : m_schools)
        if (schoolId == id)
            return name.isEmpty() ? id : name;
    return id;
}

void CounterCheckPanel::render()
{
    setTitle(tr("Check before saving"));
    const views::CounterPreview p = m_preview.value_or(views::CounterPreview{});
    if (p.known.isEmpty()) {
        m_known->hide();
    } else {
        QStringList lines;
        for (const sync::KnownApplication& k : p.known) {
            const QString status =
                k.isLocal ? tr("taken at this counter, waiting to upload") : views::labels::status(k.status);
            lines << tr("%1 — %2 — %3")
                         .arg(k.id.toHtmlEscaped(), status.toHtmlEscaped(), schoolName(k.schoolId).toHtmlEscaped());
        }
        m_known->setText(QStringLiteral("<b>%1</b><br>%2<br>%3")
                             .arg(tr("This child already has an application this year:").toHtmlEscaped(),
                                  lines.join(QStringLiteral("<br>")),
                                  tr("Look at it before taking another one.").toHtmlEscaped()));
        m_known->show();
    }

    if (!m_error.isEmpty())
        m_category->setText(tr("The check could not run: %1").arg(m_error));
    else if (!p.checked)
        m_category->setText(tr("The check runs once the child's ID number, the school and the claimed category are "
                               "given."));
    else if (p.category.isEmpty())
        m_category->setText(
            tr("The check finds no category: %1").arg(views::labels::categoryMeaning(QStringLiteral("none"))));
    else if (p.category == m_claimed)
        m_category->setText(tr("The check finds category %1, as claimed.").arg(p.category));
    else
        m_category->setText(tr("The check finds category %1; the family claims %2.").arg(p.category, m_claimed));
    m_category->setStyleSheet(p.checked && p.category != m_claimed
                                  ? QStringLiteral("color: #8a5a00; font-weight: bold;")
                              : p.checked ? QStringLiteral("color: #2e7d32; font-weight: bold;")
                                          : QString());

    if (!p.checked) {
        m_flags->hide();
    } else if (p.flags.isEmpty()) {
        m_flags->setText(tr("No flags.").toHtmlEscaped());
        m_flags->show();
    } else {
        QStringList items;
        for (const QString& flag : p.flags) {
            const QString reason = p.flagReasons.value(flag);
            items << (reason.isEmpty()
                          ? QStringLiteral("<li><b>%1</b></li>").arg(views::labels::flag(flag).toHtmlEscaped())
                          : QStringLiteral("<li><b>%1</b>: %2</li>")
                                .arg(views::labels::flag(flag).toHtmlEscaped(), reason.toHtmlEscaped()));
        }
        m_flags->setText(QStringLiteral("%1<ul style='margin-left: 12px; -qt-list-indent: 0;'>%2</ul>")
                             .arg(tr("Flags:").toHtmlEscaped(), items.join(QString())));
        m_flags->show();
    }

    if (m_problems > 0)
        m_problemsLabel->setText(tr("%n field(s) still to complete or correct.", "", m_problems));
    else if (m_problems == 0)
        m_problemsLabel->setText(tr("Every field is complete: Ctrl+S saves."));
    m_problemsLabel->setVisible(m_problems >= 0);
    m_note->setText(tr("From the records in the cache and those looked up at the desk. Nothing is saved yet."));
}

void CounterCheckPanel::retranslate()
{
    render();
}

void CounterCheckPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QGroupBox::changeEvent(event);
}

} // namespace adm::ui
