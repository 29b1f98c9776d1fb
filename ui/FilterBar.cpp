#include "FilterBar.h"

#include "FlowLayout.h"
#include "views/Labels.h"

#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QToolButton>

namespace adm::ui {

namespace {

const QDate kEarliest(2000, 1, 1);

void keepChoice(QComboBox* box, const QVariant& data)
{
    const int i = box->findData(data);
    box->setCurrentIndex(i >= 0 ? i : 0);
}

QDateEdit* makeDateEdit(QWidget* parent, const QString& name)
{
    auto* d = new QDateEdit(parent);
    d->setObjectName(name);
    d->setCalendarPopup(true);
    d->setMinimumDate(kEarliest);
    d->setDate(QDate::currentDate());
    d->calendarWidget()->setObjectName(name + QStringLiteral("Calendar"));
    d->calendarWidget()->setGridVisible(true);
    return d;
}

// The locale's short date, with a four-digit year (a typed "3/4/26" would be 1926) and two-digit
// months and days: a section typed whole moves on to the next, so "2026/06/04" types as it reads.
QString dateFormat(const QLocale& locale)
{
    QString f = locale.dateFormat(QLocale::ShortFormat);
    if (!f.contains(QLatin1String("yyyy")))
        f.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    static const QRegularExpression month(QStringLiteral("(?<!M)M(?!M)"));
    static const QRegularExpression day(QStringLiteral("(?<!d)d(?!d)"));
    f.replace(month, QStringLiteral("MM"));
    f.replace(day, QStringLiteral("dd"));
    return f;
}

// Widgets that wrap as one item of the flow.
QWidget* group(QWidget* parent, std::initializer_list<QWidget*> widgets)
{
    auto* g = new QWidget(parent);
    auto* row = new QHBoxLayout(g);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    for (QWidget* w : widgets) {
        w->setParent(g);
        row->addWidget(w);
    }
    return g;
}

} // namespace

FilterBar::FilterBar(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("filterBar"));
    m_school = new QComboBox(this);
    m_school->setObjectName(QStringLiteral("schoolFilter"));
    m_school->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_school->setMinimumContentsLength(10);
    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("categoryFilter"));
    m_flag = new QComboBox(this);
    m_flag->setObjectName(QStringLiteral("flagFilter"));
    m_flag->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_flag->setMinimumContentsLength(8);
    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("channelFilter"));
    m_dates = new QCheckBox(this);
    m_dates->setObjectName(QStringLiteral("dateFilterBox"));
    m_from = makeDateEdit(this, QStringLiteral("fromFilter"));
    m_to = makeDateEdit(this, QStringLiteral("toFilter"));
    m_saved = new QComboBox(this);
    m_saved->setObjectName(QStringLiteral("savedViews"));
    m_saved->setEditable(true); // a name is typed here, then Save
    m_saved->setInsertPolicy(QComboBox::NoInsert);
    m_saved->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_saved->setMinimumContentsLength(10);
    m_save = new QToolButton(this);
    m_save->setObjectName(QStringLiteral("saveViewButton"));
    m_remove = new QToolButton(this);
    m_remove->setObjectName(QStringLiteral("removeViewButton"));
    m_overdue = new QCheckBox(this);
    m_overdue->setObjectName(QStringLiteral("overdueFilter"));
    m_clear = new QToolButton(this);
    m_clear->setObjectName(QStringLiteral("clearFiltersButton"));
    // The drill-down's chips: buttons, so that Tab reaches them and Space removes their filter.
    for (QToolButton** chip : {&m_districtChip, &m_decisionsChip}) {
        *chip = new QToolButton(this);
        (*chip)->setFocusPolicy(Qt::StrongFocus);
        (*chip)->setProperty("drillDownChip", true);
        (*chip)->setStyleSheet(QStringLiteral("QToolButton { border: 1px solid palette(highlight); border-radius: "
                                              "10px; padding: 2px 8px; background: palette(alternate-base); }"
                                              "QToolButton:focus { border-width: 2px; }"));
        (*chip)->hide();
        connect(*chip, &QToolButton::clicked, this, [this, c = *chip] { removeChip(c); });
    }
    m_districtChip->setObjectName(QStringLiteral("districtChip"));
    m_decisionsChip->setObjectName(QStringLiteral("decisionsChip"));

    auto* layout = new FlowLayout(this, 6);
    layout->setContentsMargins(0, 0, 0, 0);
    // First, where the eye starts: why the queue is narrowed.
    layout->addWidget(m_districtChip);
    layout->addWidget(m_decisionsChip);
    for (QWidget* w : {static_cast<QWidget*>(m_school), static_cast<QWidget*>(m_category),
                       static_cast<QWidget*>(m_flag), static_cast<QWidget*>(m_channel)})
        layout->addWidget(w);
    layout->addWidget(group(this, {m_dates, m_from, new QLabel(QStringLiteral("–"), this), m_to}));
    layout->addWidget(group(this, {m_saved, m_save, m_remove}));
    layout->addWidget(m_overdue);
    layout->addWidget(m_clear);

    for (QComboBox* box : {m_school, m_category, m_flag, m_channel})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling)
                Q_EMIT filterChanged();
        });
    for (QDateEdit* d : {m_from, m_to})
        connect(d, &QDateEdit::dateChanged, this, [this] {
            if (m_filling)
                return;
            // A date typed or picked is a date to filter on.
            const QSignalBlocker block(m_dates);
            m_dates->setChecked(true);
            Q_EMIT filterChanged();
        });
    for (QDateEdit* d : {m_from, m_to})
        d->installEventFilter(this);
    connect(m_dates, &QCheckBox::toggled, this, [this] {
        if (!m_filling)
            Q_EMIT filterChanged();
    });
    connect(m_saved, &QComboBox::activated, this, [this](int index) {
        if (!m_filling && index >= 0)
            Q_EMIT savedViewChosen(m_saved->itemText(index));
    });
    connect(m_save, &QToolButton::clicked, this, [this] {
        const QString name = m_saved->currentText().trimmed();
        if (!name.isEmpty())
            Q_EMIT saveViewRequested(name);
    });
    connect(m_remove, &QToolButton::clicked, this, [this] {
        const QString name = m_saved->currentText().trimmed();
        if (m_saved->findText(name) >= 0)
            Q_EMIT removeViewRequested(name);
    });
    connect(m_overdue, &QCheckBox::toggled, this, [this] {
        if (!m_filling)
            Q_EMIT filterChanged();
    });
    connect(m_clear, &QToolButton::clicked, this, &FilterBar::clear);
    retranslate();
}

bool FilterBar::eventFilter(QObject* watched, QEvent* event)
{
    // A date edit moves on to the next section by itself once one is typed whole; the separator a
    // person then types ("2026/06/04") would skip a section. It is already there: swallow it.
    if (event->type() == QEvent::KeyPress && (watched == m_from || watched == m_to)) {
        const QString typed = static_cast<QKeyEvent*>(event)->text();
        const QLineEdit* line = static_cast<QDateEdit*>(watched)->findChild<QLineEdit*>();
        if (line && typed.size() == 1 && !typed.at(0).isLetterOrNumber() && !typed.at(0).isSpace()) {
            const int at = line->hasSelectedText() ? line->selectionStart() : line->cursorPosition();
            if (at > 0 && line->text().at(at - 1) == typed.at(0))
                return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FilterBar::applyLocale()
{
    // The calendars and the typed format follow the language of the moment (QLocale's default).
    const QLocale locale;
    for (QDateEdit* d : {m_from, m_to}) {
        d->setLocale(locale);
        d->calendarWidget()->setLocale(locale);
        d->calendarWidget()->setFirstDayOfWeek(locale.firstDayOfWeek());
        d->setDisplayFormat(dateFormat(locale));
    }
}

void FilterBar::retranslate()
{
    fillFixedChoices();
    setSchools(m_schools);
    applyLocale();
    m_dates->setText(tr("Submitted:"));
    m_dates->setToolTip(tr("Only applications submitted on these days, from the first to the last"));
    const QString typed =
        tr("Type a date as %1, or pick it in the calendar")
            .arg(QLocale().toString(m_firstDay.isValid() ? m_firstDay : QDate(2026, 3, 15), dateFormat(QLocale())));
    m_from->setToolTip(typed);
    m_to->setToolTip(typed);
    m_saved->lineEdit()->setPlaceholderText(tr("Saved views"));
    m_saved->setToolTip(tr("Pick a saved view (bin, filters and order), or type a name and press Save"));
    m_save->setText(tr("Save"));
    m_save->setToolTip(tr("Save the bin, the filters and the order under the name typed"));
    m_remove->setText(tr("Forget"));
    m_remove->setToolTip(tr("Forget the saved view of this name"));
    m_overdue->setText(tr("Information overdue"));
    m_overdue->setToolTip(tr("Only information requests whose due date has passed"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Show every application of the queue again"));
    updateChips();
}

void FilterBar::updateChips()
{
    m_districtChip->setVisible(!m_districtCode.isEmpty());
    m_districtChip->setText(tr("District %1 ×", "a filter chip; × removes it").arg(m_districtCode));
    m_districtChip->setToolTip(tr("Only the applications to the schools of district %1. Press to remove this "
                                  "filter.")
                                   .arg(m_districtCode));
    m_districtChip->setAccessibleName(tr("Remove the filter: district %1").arg(m_districtCode));

    const bool decisions = !m_officer.isEmpty() || m_overridesOnly;
    m_decisionsChip->setVisible(decisions);
    QString text;
    if (!m_officer.isEmpty() && m_overridesOnly)
        text = tr("Decisions by %1 that override the check", "a filter chip").arg(m_officer);
    else if (!m_officer.isEmpty())
        text = tr("Decisions by %1", "a filter chip").arg(m_officer);
    else if (m_overridesOnly)
        text = tr("Decisions that override the check", "a filter chip");
    m_decisionsChip->setText(tr("%1 ×", "a filter chip: its filter, then × that removes it").arg(text));
    m_decisionsChip->setToolTip(tr("Only the applications whose decision matches this. Press to remove this filter."));
    m_decisionsChip->setAccessibleName(tr("Remove the filter: %1").arg(text));
}

void FilterBar::removeChip(QToolButton* chip)
{
    const bool hadFocus = chip->hasFocus();
    if (chip == m_districtChip) {
        m_districtCode.clear();
    } else {
        m_officer.clear();
        m_overridesOnly = false;
    }
    updateChips();
    if (hadFocus) // the pressed chip is gone: the focus goes to the other chip, or to Clear
        (m_districtChip->isVisible()    ? m_districtChip
         : m_decisionsChip->isVisible() ? m_decisionsChip
                                        : m_clear)
            ->setFocus(Qt::TabFocusReason);
    Q_EMIT filterChanged();
}

void FilterBar::fillFixedChoices()
{
    m_filling = true;
    const QVariant category = m_category->currentData();
    m_category->clear();
    m_category->addItem(tr("Any category"), QString());
    for (const QString& c : {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")})
        m_category->addItem(tr("Category %1").arg(c), c);
    m_category->addItem(tr("No category"), QStringLiteral("none"));
    keepChoice(m_category, category);

    const QVariant flag = m_flag->currentData();
    m_flag->clear();
    m_flag->addItem(tr("Flags: any"), qint64(0));
    const QStringList flags = views::labels::flagsInBitOrder();
    qint64 all = 0;
    for (int bit = 0; bit < flags.size(); ++bit)
        all |= qint64(1) << bit;
    m_flag->addItem(tr("With any flag"), all);
    for (int bit = 0; bit < flags.size(); ++bit)
        m_flag->addItem(views::labels::flag(flags.at(bit)), qint64(1) << bit);
    keepChoice(m_flag, flag);

    const QVariant channel = m_channel->currentData();
    m_channel->clear();
    m_channel->addItem(tr("Both channels"), QString());
    m_channel->addItem(views::labels::channel(QStringLiteral("online")), QStringLiteral("online"));
    m_channel->addItem(views::labels::channel(QStringLiteral("counter")), QStringLiteral("counter"));
    keepChoice(m_channel, channel);
    m_filling = false;
}

void FilterBar::setSchools(const QList<QPair<QString, QString>>& schools)
{
    m_schools = schools;
    m_filling = true;
    const QVariant current = m_wantedSchool.isEmpty() ? m_school->currentData() : QVariant(m_wantedSchool);
    m_school->clear();
    m_school->addItem(tr("All schools"), QString());
    for (const auto& [id, name] : schools)
        m_school->addItem(name, id);
    keepChoice(m_school, current);
    if (!schools.isEmpty())
        m_wantedSchool.clear();
    m_filling = false;
}

void FilterBar::setDataDates(const QDate& first, const QDate& last)
{
    m_firstDay = first;
    m_lastDay = last.isValid() ? last : first;
    if (!m_dates->isChecked())
        resetDates();
    retranslate(); // the tooltip's example date
}

void FilterBar::resetDates()
{
    const bool filling = std::exchange(m_filling, true);
    m_from->setDate(m_firstDay.isValid() ? m_firstDay : QDate::currentDate());
    m_to->setDate(m_lastDay.isValid() ? m_lastDay : QDate::currentDate());
    m_filling = filling;
}

void FilterBar::setSavedNames(const QStringList& names)
{
    m_filling = true;
    const QString typed = m_saved->currentText();
    m_saved->clear();
    m_saved->addItems(names);
    m_saved->setCurrentIndex(-1);
    m_saved->setEditText(typed);
    m_filling = false;
}

void FilterBar::clear()
{
    m_filling = true;
    for (QComboBox* box : {m_school, m_category, m_flag, m_channel})
        box->setCurrentIndex(0);
    m_dates->setChecked(false);
    resetDates();
    m_overdue->setChecked(false);
    m_districtCode.clear();
    m_officer.clear();
    m_overridesOnly = false;
    updateChips();
    m_filling = false;
    Q_EMIT cleared();
    Q_EMIT filterChanged();
}

void FilterBar::setFilter(const views::QueueFilter& f)
{
    restore(f);
    Q_EMIT filterChanged();
}

void FilterBar::restore(const views::QueueFilter& f)
{
    m_filling = true;
    const int school = m_school->findData(f.schoolId);
    m_school->setCurrentIndex(std::max(school, 0));
    m_wantedSchool = school >= 0 ? QString() : f.schoolId;
    keepChoice(m_category, f.category);
    keepChoice(m_flag, f.flagMask);
    keepChoice(m_channel, f.channel);
    resetDates();
    m_dates->setChecked(f.from.isValid() || f.to.isValid());
    if (f.from.isValid())
        m_from->setDate(f.from);
    if (f.to.isValid())
        m_to->setDate(f.to);
    m_overdue->setChecked(f.overdueOn.isValid());
    m_districtCode = f.districtCode;
    m_officer = f.officer;
    m_overridesOnly = f.overridesOnly;
    updateChips();
    m_filling = false;
}

views::QueueFilter FilterBar::filter() const
{
    views::QueueFilter f;
    f.schoolId = m_wantedSchool.isEmpty() ? m_school->currentData().toString() : m_wantedSchool;
    f.category = m_category->currentData().toString();
    f.flagMask = m_flag->currentData().toLongLong();
    f.channel = m_channel->currentData().toString();
    if (m_dates->isChecked()) {
        f.from = m_from->date();
        f.to = m_to->date();
    }
    if (m_overdue->isChecked())
        f.overdueOn = m_today();
    f.districtCode = m_districtCode;
    f.officer = m_officer;
    f.overridesOnly = m_overridesOnly;
    return f;
}

} // namespace adm::ui
