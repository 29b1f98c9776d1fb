#include "CounterLookupPanel.h"

#include "domain/IdNumber.h"
#include "views/Labels.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace adm::ui {

namespace {

enum Role { KindRole = Qt::UserRole, RecordRole, MemberRole };
enum Kind { RecordItem, AddressItem, MemberItem, FieldItem };

bool isIdField(const QString& name)
{
    return name.contains(QLatin1String("id_number"));
}

QString shown(const QString& name, const QJsonValue& value)
{
    if (value.isString())
        return isIdField(name) ? IdNumber::masked(value.toString()) : views::labels::fieldValue(name, value.toString());
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue& v : value.toArray()) {
            if (v.isString())
                parts << (isIdField(name) ? IdNumber::masked(v.toString()) : v.toString());
            else if (v.isObject()) { // periods of social insurance: from–to
                QStringList values;
                for (const QJsonValue& x : v.toObject())
                    if (x.isString())
                        values << x.toString();
                parts << values.join(QStringLiteral("–"));
            }
        }
        return parts.join(QStringLiteral(", "));
    }
    return {};
}

} // namespace

CounterLookupPanel::CounterLookupPanel(QWidget* parent)
    : QGroupBox(parent)
{
    setObjectName(QStringLiteral("lookupPanel"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("lookupStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("lookupResults"));
    m_tree->setColumnCount(1);
    m_tree->header()->hide();
    m_tree->setWordWrap(true);
    m_tree->setUniformRowHeights(false);
    m_tree->setMinimumHeight(220);
    m_resultsLabel = new QLabel(this);
    m_resultsLabel->setBuddy(m_tree);
    m_takeAddress = new QPushButton(this);
    m_takeAddress->setObjectName(QStringLiteral("takeAddress"));
    m_takeAddress->setAutoDefault(false);
    m_takeMember = new QPushButton(this);
    m_takeMember->setObjectName(QStringLiteral("takeMember"));
    m_takeMember->setAutoDefault(false);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_takeAddress);
    buttons->addWidget(m_takeMember);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_resultsLabel);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);
    layout->addStretch(0);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &CounterLookupPanel::updateButtons);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (item && item->data(0, KindRole).toInt() == MemberItem)
            takeMember();
        else if (item && item->data(0, KindRole).toInt() == AddressItem)
            takeAddress();
    });
    connect(m_takeAddress, &QPushButton::clicked, this, &CounterLookupPanel::takeAddress);
    connect(m_takeMember, &QPushButton::clicked, this, &CounterLookupPanel::takeMember);
    retranslate();
}

QString CounterLookupPanel::sourceOf(const AgencyRecord& record)
{
    return tr("from %1 record %2").arg(views::labels::agency(record.agency), record.id);
}

void CounterLookupPanel::showLooking(const QString& person, const QString& who)
{
    m_state = State::Looking;
    m_person = person;
    m_who = who;
    m_records.clear();
    fill();
}

void CounterLookupPanel::showRecords(const QString& person, const QString& who, const QList<AgencyRecord>& records,
                                     const QString& childIdNumber)
{
    m_state = State::Shown;
    m_person = person;
    m_who = who;
    m_records = records;
    m_childId = childIdNumber;
    fill();
}

void CounterLookupPanel::showError(const QString& who, const QString& message)
{
    m_state = State::Failed;
    m_who = who;
    m_error = message;
    m_records.clear();
    fill();
}

void CounterLookupPanel::clear()
{
    m_state = State::Idle;
    m_records.clear();
    m_person.clear();
    fill();
}

void CounterLookupPanel::fill()
{
    switch (m_state) {
    case State::Idle:
        m_status->setText(tr("Look up the child or a guardian to see what the agencies hold. It needs the city "
                             "platform; the form works without it."));
        break;
    case State::Looking:
        m_status->setText(tr("Looking up %1…").arg(m_who));
        break;
    case State::Shown:
        m_status->setText(
            m_records.isEmpty()
                ? tr("The agencies hold no record of %1.").arg(m_who)
                : tr("What the agencies hold about %1: %n record(s).", "", int(m_records.size())).arg(m_who));
        break;
    case State::Failed:
        m_status->setText(tr("No lookup for %1: %2").arg(m_who, m_error));
        break;
    }
    m_status->setStyleSheet(m_state == State::Failed ? QStringLiteral("color: #8a5a00;") : QString());
    m_tree->clear();
    for (int i = 0; i < m_records.size(); ++i) {
        const AgencyRecord& r = m_records.at(i);
        auto* top = new QTreeWidgetItem(
            m_tree, {tr("%1 (%2), %3").arg(views::labels::dataset(r.dataset), views::labels::agency(r.agency), r.id)});
        top->setData(0, KindRole, RecordItem);
        top->setData(0, RecordRole, i);
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        auto add = [top, i](const QString& text, Kind kind, int member = -1) {
            auto* item = new QTreeWidgetItem(top, {text});
            item->setData(0, KindRole, kind);
            item->setData(0, RecordRole, i);
            item->setData(0, MemberRole, member);
            item->setToolTip(0, text);
            return item;
        };
        const QString address = r.fields.value(QStringLiteral("address")).toString();
        if (!address.isEmpty())
            add(tr("Address: %1").arg(address), AddressItem);
        for (auto it = r.fields.begin(); it != r.fields.end(); ++it) {
            if (it.key() == QLatin1String("address") || it.key() == QLatin1String("members"))
                continue;
            const QString value = shown(it.key(), it.value());
            if (!value.isEmpty())
                add(tr("%1: %2").arg(views::labels::field(it.key()), value), FieldItem);
        }
        const QJsonArray members = r.fields.value(QStringLiteral("members")).toArray();
        for (int m = 0; m < members.size(); ++m) {
            const QJsonObject o = members.at(m).toObject();
            const QString relation = views::labels::fieldValue(QStringLiteral("relation_to_head"),
                                                               o.value(QStringLiteral("relation_to_head")).toString());
            add(tr("Member: %1 (%2), %3")
                    .arg(o.value(QStringLiteral("name")).toString(), relation,
                         IdNumber::masked(o.value(QStringLiteral("id_number")).toString())),
                MemberItem, m);
        }
    }
    m_tree->expandAll();
    m_tree->setVisible(!m_records.isEmpty());
    m_resultsLabel->setVisible(!m_records.isEmpty());
    updateButtons();
}

const AgencyRecord* CounterLookupPanel::currentRecord() const
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    if (!item)
        return nullptr;
    const int i = item->data(0, RecordRole).toInt();
    return i >= 0 && i < m_records.size() ? &m_records.at(i) : nullptr;
}

void CounterLookupPanel::updateButtons()
{
    const AgencyRecord* r = currentRecord();
    const QTreeWidgetItem* item = m_tree->currentItem();
    m_takeAddress->setEnabled(r && !r->fields.value(QStringLiteral("address")).toString().isEmpty());
    bool member = false;
    if (r && item && item->data(0, KindRole).toInt() == MemberItem) {
        const QJsonObject o =
            r->fields.value(QStringLiteral("members")).toArray().at(item->data(0, MemberRole).toInt()).toObject();
        const IdNumber id = IdNumber::parse(o.value(QStringLiteral("id_number")).toString());
        member = id.isValid() && id.text() != IdNumber::parse(m_childId).text();
    }
    m_takeMember->setEnabled(member);
    m_takeAddress->setVisible(!m_records.isEmpty());
    m_takeMember->setVisible(!m_records.isEmpty());
}

void CounterLookupPanel::takeAddress()
{
    const AgencyRecord* r = currentRecord();
    if (!r || !m_takeAddress->isEnabled())
        return;
    Q_EMIT addressTaken(r->fields.value(QStringLiteral("address")).toString(), r->id, sourceOf(*r));
}

void CounterLookupPanel::takeMember()
{
    const AgencyRecord* r = currentRecord();
    const QTreeWidgetItem* item = m_tree->currentItem();
    if (!r || !item || !m_takeMember->isEnabled())
        return;
    const QJsonObject o =
        r->fields.value(QStringLiteral("members")).toArray().at(item->data(0, MemberRole).toInt()).toObject();
    Q_EMIT memberTaken(m_person, o.value(QStringLiteral("name")).toString(),
                       o.value(QStringLiteral("id_number")).toString(), r->id, sourceOf(*r));
}

void CounterLookupPanel::retranslate()
{
    setTitle(tr("Agency records"));
    m_resultsLabel->setText(tr("Records &looked up:"));
    m_takeAddress->setText(tr("&Take as claimed address"));
    m_takeAddress->setToolTip(tr("The address of the chosen record becomes the claimed address"));
    m_takeMember->setText(tr("Ta&ke as guardian"));
    m_takeMember->setToolTip(tr("The chosen household member becomes a guardian (name and ID number)"));
    fill();
}

void CounterLookupPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

} // namespace adm::ui
