#include "FilterBar.h"

#include "store/CacheEligibility.h"
#include "views/Labels.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace adm::ui {

namespace {

const QDate kOpenDate(2000, 1, 1); // the date edits' "any date"

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
    d->setMinimumDate(kOpenDate);
    d->setDate(kOpenDate);
    d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    return d;
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
    m_dateLabel = new QLabel(this);
    m_from = makeDateEdit(this, QStringLiteral("fromFilter"));
    m_to = makeDateEdit(this, QStringLiteral("toFilter"));
    m_overdue = new QCheckBox(this);
    m_overdue->setObjectName(QStringLiteral("overdueFilter"));
    m_clear = new QToolButton(this);
    m_clear->setObjectName(QStringLiteral("clearFiltersButton"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_school, 3);
    layout->addWidget(m_category, 1);
    layout->addWidget(m_flag, 2);
    layout->addWidget(m_channel, 1);
    layout->addWidget(m_dateLabel);
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(QStringLiteral("–"), this));
    layout->addWidget(m_to);
    layout->addWidget(m_overdue);
    layout->addWidget(m_clear);

    for (QComboBox* box : {m_school, m_category, m_flag, m_channel})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling)
                Q_EMIT filterChanged();
        });
    for (QDateEdit* d : {m_from, m_to})
        connect(d, &QDateEdit::dateChanged, this, [this] {
            if (!m_filling)
                Q_EMIT filterChanged();
        });
    connect(m_overdue, &QCheckBox::toggled, this, [this] {
        if (!m_filling)
            Q_EMIT filterChanged();
    });
    connect(m_clear, &QToolButton::clicked, this, &FilterBar::clear);
    retranslate();
}

void FilterBar::retranslate()
{
    fillFixedChoices();
    setSchools(m_schools);
    m_dateLabel->setText(tr("Submitted:"));
    m_from->setSpecialValueText(tr("any date"));
    m_to->setSpecialValueText(tr("any date"));
    m_overdue->setText(tr("Information overdue"));
    m_overdue->setToolTip(tr("Only information requests whose due date has passed"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Show every application of the queue again"));
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
    const QStringList flags = store::CacheEligibility::flagsInBitOrder();
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
    const QVariant current = m_school->currentData();
    m_school->clear();
    m_school->addItem(tr("All schools"), QString());
    for (const auto& [id, name] : schools)
        m_school->addItem(name, id);
    keepChoice(m_school, current);
    m_filling = false;
}

void FilterBar::clear()
{
    m_filling = true;
    for (QComboBox* box : {m_school, m_category, m_flag, m_channel})
        box->setCurrentIndex(0);
    m_from->setDate(kOpenDate);
    m_to->setDate(kOpenDate);
    m_overdue->setChecked(false);
    m_filling = false;
    Q_EMIT filterChanged();
}

views::QueueFilter FilterBar::filter() const
{
    views::QueueFilter f;
    f.schoolId = m_school->currentData().toString();
    f.category = m_category->currentData().toString();
    f.flagMask = m_flag->currentData().toLongLong();
    f.channel = m_channel->currentData().toString();
    if (m_from->date() != kOpenDate)
        f.from = m_from->date();
    if (m_to->date() != kOpenDate)
        f.to = m_to->date();
    if (m_overdue->isChecked())
        f.overdueOn = m_today();
    return f;
}

} // namespace adm::ui
