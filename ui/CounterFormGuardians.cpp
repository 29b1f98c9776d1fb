// CounterForm: the guardian rows (one to four), added, removed, and filled from a household record.
#include "CounterFormParts.h"
#include "domain/IdNumber.h"
#include "views/Labels.h"

#include <QGridLayout>
#include <QHBoxLayout>

namespace adm::ui {

using namespace counterform;

void CounterForm::addGuardianRow()
{
    const int i = int(m_guardians.size());
    auto row = std::make_unique<GuardianRow>();
    GuardianRow& g = *row;
    g.box = new QGroupBox(m_guardianBox);
    g.box->setObjectName(QStringLiteral("guardianBox%1").arg(i));
    g.box->setFlat(true);
    auto* grid = new QGridLayout(g.box);
    grid->setContentsMargins(0, 4, 0, 0);
    grid->setColumnStretch(1, 3);
    grid->setColumnStretch(3, 2);

    g.id = lineEdit(g.box, QStringLiteral("guardianIdNumber%1").arg(i));
    g.id->setMaxLength(18);
    g.id->setMinimumWidth(g.id->fontMetrics().horizontalAdvance(QStringLiteral("00000000000000000X")) + 24);
    g.lookup = new QPushButton(g.box);
    g.lookup->setObjectName(QStringLiteral("guardianLookup%1").arg(i));
    g.lookup->setAutoDefault(false);
    g.idStatus = messageLabel(g.box, QStringLiteral("guardianIdStatus%1").arg(i), true);
    auto* idLine = new QWidget(g.box);
    auto* idLayout = new QHBoxLayout(idLine);
    idLayout->setContentsMargins(0, 0, 0, 0);
    idLayout->addWidget(g.id, 1);
    idLayout->addWidget(g.lookup);
    g.idLabel = new QLabel(g.box);
    g.idLabel->setBuddy(g.id);
    grid->addWidget(g.idLabel, 0, 0);
    grid->addWidget(withMessage(g.box, idLine, {g.idStatus}), 0, 1, 1, 3);

    g.name = lineEdit(g.box, QStringLiteral("guardianName%1").arg(i));
    g.name->setMaxLength(60);
    g.nameError = messageLabel(g.box, QStringLiteral("guardianNameError%1").arg(i));
    g.nameLabel = new QLabel(g.box);
    g.nameLabel->setBuddy(g.name);
    grid->addWidget(g.nameLabel, 1, 0);
    grid->addWidget(withMessage(g.box, g.name, {g.nameError}), 1, 1);

    g.relation = new QComboBox(g.box);
    g.relation->setObjectName(QStringLiteral("guardianRelation%1").arg(i));
    g.relationError = messageLabel(g.box, QStringLiteral("guardianRelationError%1").arg(i));
    g.relationLabel = new QLabel(g.box);
    g.relationLabel->setBuddy(g.relation);
    grid->addWidget(g.relationLabel, 1, 2);
    grid->addWidget(withMessage(g.box, g.relation, {g.relationError}), 1, 3);

    g.phone = lineEdit(g.box, QStringLiteral("guardianPhone%1").arg(i));
    g.phone->setMaxLength(16);
    g.phone->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    g.phoneError = messageLabel(g.box, QStringLiteral("guardianPhoneError%1").arg(i));
    g.phoneLabel = new QLabel(g.box);
    g.phoneLabel->setBuddy(g.phone);
    grid->addWidget(g.phoneLabel, 2, 0);
    grid->addWidget(withMessage(g.box, g.phone, {g.phoneError}), 2, 1);
    g.remove = new QPushButton(g.box);
    g.remove->setObjectName(QStringLiteral("removeGuardian%1").arg(i));
    g.remove->setAutoDefault(false);
    grid->addWidget(g.remove, 2, 3, Qt::AlignRight | Qt::AlignTop);
    g.source = messageLabel(g.box, QStringLiteral("guardianSource%1").arg(i));
    grid->addWidget(g.source, 3, 1, 1, 3);

    // The labels level with their field's line, above its message.
    for (QLabel* label : {g.idLabel, g.nameLabel, g.relationLabel, g.phoneLabel}) {
        label->setMinimumHeight(g.id->sizeHint().height());
        grid->setAlignment(label, Qt::AlignLeft | Qt::AlignTop);
    }

    const QString path = guardianPath(i);
    const QString person = QStringLiteral("guardian%1").arg(i + 1);
    wireLineEdit(g.id, path + QLatin1String("id_number"));
    wireLineEdit(g.name, path + QLatin1String("name"));
    wireLineEdit(g.phone, path + QLatin1String("phone"));
    connect(g.id, &QLineEdit::textChanged, this, [this, person] { Q_EMIT personChanged(person); });
    GuardianRow* raw = row.get();
    auto typedOver = [this, raw] {
        if (raw->taken.isSet() && raw->id->text().trimmed().toUpper() != raw->taken.text) {
            raw->taken = {};
            updateSources();
        }
    };
    connect(g.id, &QLineEdit::textEdited, this, typedOver);
    connect(g.relation, &QComboBox::currentIndexChanged, this, [this, path] {
        touch(path + QLatin1String("relation"));
        changed();
    });
    connect(g.lookup, &QPushButton::clicked, this, [this, raw, person, path] {
        touch(path + QLatin1String("id_number"));
        Q_EMIT lookupRequested(person, raw->id->text().trimmed().toUpper());
    });
    // Later: the button that asks is in the row that goes.
    connect(g.remove, &QPushButton::clicked, this, [this, i] {
        QMetaObject::invokeMethod(
            this, [this, i] { removeGuardianRow(i); }, Qt::QueuedConnection);
    });

    m_guardianLayout->addWidget(g.box);
    g.box->show(); // at once, not when the layout gets to it: the next key may already be a Tab into it
    m_guardians.push_back(std::move(row));
    retranslateGuardian(i);
    const bool several = m_guardians.size() > 1;
    for (const auto& r : m_guardians)
        r->remove->setVisible(several);
}

void CounterForm::removeGuardianRow(int index)
{
    if (m_guardians.size() <= 1 || index < 0 || index >= int(m_guardians.size()))
        return;
    const sync::CounterApplication a = application();
    QList<Guardian> guardians = a.guardians;
    QList<Taken> taken;
    for (const auto& g : m_guardians)
        taken << g->taken;
    guardians.removeAt(index);
    taken.removeAt(index);
    // The problems shown move with their rows: the rows after it are shown again once left.
    for (auto it = m_touched.begin(); it != m_touched.end();)
        it = it->startsWith(QLatin1String("guardians[")) ? m_touched.erase(it) : std::next(it);
    setGuardians(guardians, taken);
    Q_EMIT tabChainChanged();
    m_guardians.at(std::min<size_t>(index, m_guardians.size() - 1))->id->setFocus(Qt::TabFocusReason);
    changed();
}

void CounterForm::setGuardians(const QList<Guardian>& guardians, const QList<Taken>& taken)
{
    const bool wasFilling = std::exchange(m_filling, true);
    for (auto& g : m_guardians)
        delete g->box;
    m_guardians.clear();
    const QList<Guardian> rows = guardians.isEmpty() ? QList<Guardian>{Guardian{}} : guardians.mid(0, kMaxGuardians);
    for (int i = 0; i < rows.size(); ++i) {
        addGuardianRow();
        GuardianRow& g = *m_guardians.back();
        g.id->setText(rows.at(i).idNumber);
        g.name->setText(rows.at(i).name);
        g.relation->setCurrentIndex(std::max(0, g.relation->findData(rows.at(i).relation)));
        g.phone->setText(rows.at(i).phone);
        if (i < taken.size())
            g.taken = taken.at(i);
    }
    m_addGuardian->setEnabled(int(m_guardians.size()) < kMaxGuardians);
    m_filling = wasFilling;
    updateSources();
}

bool CounterForm::takeGuardian(const QString& person, const QString& name, const QString& idNumber,
                               const QString& recordId, const QString& source, QString* why)
{
    const QString id = IdNumber::parse(idNumber.trimmed()).text();
    int row = -1;
    // Already a guardian: that row takes the name and the source.
    for (int i = 0; i < int(m_guardians.size()) && row < 0; ++i)
        if (m_guardians.at(i)->id->text().trimmed().toUpper() == id)
            row = i;
    if (row < 0 && person.startsWith(QLatin1String("guardian"))) {
        const int i = person.mid(8).toInt() - 1;
        if (i >= 0 && i < int(m_guardians.size()) && m_guardians.at(i)->id->text().trimmed().isEmpty())
            row = i;
    }
    for (int i = 0; i < int(m_guardians.size()) && row < 0; ++i)
        if (m_guardians.at(i)->id->text().trimmed().isEmpty() && m_guardians.at(i)->name->text().trimmed().isEmpty())
            row = i;
    if (row < 0) {
        if (int(m_guardians.size()) >= kMaxGuardians) {
            if (why)
                *why = tr("The form already has %1 guardians; remove one first.").arg(kMaxGuardians);
            return false;
        }
        addGuardianRow();
        m_addGuardian->setEnabled(int(m_guardians.size()) < kMaxGuardians);
        Q_EMIT tabChainChanged();
        row = int(m_guardians.size()) - 1;
    }
    GuardianRow& g = *m_guardians.at(row);
    g.id->setText(id);
    g.name->setText(name.trimmed());
    g.taken = Taken{recordId, source, id};
    touch(guardianPath(row) + QLatin1String("id_number"));
    touch(guardianPath(row) + QLatin1String("name"));
    updateSources();
    refreshMessages();
    // The relation and the mobile number are not in the record: the clerk types them next.
    g.relation->setFocus(Qt::OtherFocusReason);
    return true;
}

void CounterForm::retranslateGuardian(int index)
{
    GuardianRow& g = *m_guardians.at(index);
    g.box->setTitle(tr("Guardian %1").arg(index + 1));
    g.idLabel->setText(tr("ID number:"));
    g.lookup->setText(tr("Look up"));
    g.lookup->setToolTip(tr("What the agencies hold about guardian %1 (needs the city platform)").arg(index + 1));
    g.nameLabel->setText(tr("Name:"));
    g.relationLabel->setText(tr("Relation:"));
    g.phoneLabel->setText(tr("Mobile:"));
    g.phone->setPlaceholderText(tr("11 digits"));
    g.remove->setText(tr("Remove guardian %1").arg(index + 1));
    const QString relation = g.relation->currentData().toString();
    const QSignalBlocker block(g.relation);
    g.relation->clear();
    g.relation->addItem(tr("Choose…"), QString());
    for (const QString& code :
         {QStringLiteral("father"), QStringLiteral("mother"), QStringLiteral("grandparent"), QStringLiteral("other")})
        g.relation->addItem(views::labels::relation(code), code);
    g.relation->setCurrentIndex(std::max(0, g.relation->findData(relation)));
}

} // namespace adm::ui
