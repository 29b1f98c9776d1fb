#include "CounterForm.h"

#include "CounterFormParts.h"
#include "domain/IdNumber.h"
#include "views/Labels.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QUuid>
#include <QVBoxLayout>

namespace adm::ui {

using namespace counterform;

CounterForm::CounterForm(QWidget* parent)
    : QWidget(parent)
    , m_formId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    setObjectName(QStringLiteral("counterForm"));
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    buildApplicationSection(layout);
    buildChildSection(layout);
    buildGuardianSection(layout);
    buildAddressSection(layout);
    buildEvidenceSection(layout);
    layout->addStretch(1);
    setGuardians({Guardian{}}, {});
    retranslate();
    refreshMessages();
}

CounterForm::~CounterForm() = default;

void CounterForm::buildApplicationSection(QVBoxLayout* layout)
{
    m_applicationBox = new QGroupBox(this);
    m_applicationBox->setObjectName(QStringLiteral("applicationBox"));
    auto* form = new QFormLayout(m_applicationBox);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_grade = new QComboBox(this);
    m_grade->setObjectName(QStringLiteral("counterGrade"));
    m_gradeError = messageLabel(this, QStringLiteral("counterGradeError"));
    m_gradeLabel = new QLabel(this);
    m_gradeLabel->setBuddy(m_grade);
    form->addRow(m_gradeLabel, withMessage(this, m_grade, {m_gradeError}));
    m_school = new QComboBox(this);
    m_school->setObjectName(QStringLiteral("counterSchool"));
    m_school->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_school->setMinimumContentsLength(24);
    m_schoolError = messageLabel(this, QStringLiteral("counterSchoolError"));
    m_schoolLabel = new QLabel(this);
    m_schoolLabel->setBuddy(m_school);
    form->addRow(m_schoolLabel, withMessage(this, m_school, {m_schoolError}));
    layout->addWidget(m_applicationBox);

    connect(m_grade, &QComboBox::currentIndexChanged, this, [this] {
        fillSchools();
        touch(QStringLiteral("grade"));
        changed();
    });
    connect(m_school, &QComboBox::currentIndexChanged, this, [this] {
        touch(QStringLiteral("target_school_id"));
        if (!m_filling)
            Q_EMIT schoolChanged();
        changed();
    });
}

void CounterForm::buildChildSection(QVBoxLayout* layout)
{
    m_childBox = new QGroupBox(this);
    m_childBox->setObjectName(QStringLiteral("childBox"));
    auto* form = new QFormLayout(m_childBox);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_childId = lineEdit(this, QStringLiteral("childIdNumber"));
    m_childId->setMaxLength(18);
    m_childId->setMinimumWidth(m_childId->fontMetrics().horizontalAdvance(QStringLiteral("00000000000000000X")) + 24);
    m_childLookup = new QPushButton(this);
    m_childLookup->setObjectName(QStringLiteral("childLookup"));
    m_childLookup->setAutoDefault(false);
    m_childIdStatus = messageLabel(this, QStringLiteral("childIdStatus"), true);
    auto* idLine = new QWidget(this);
    auto* idLayout = new QHBoxLayout(idLine);
    idLayout->setContentsMargins(0, 0, 0, 0);
    idLayout->addWidget(m_childId, 1);
    idLayout->addWidget(m_childLookup);
    m_childIdLabel = new QLabel(this);
    m_childIdLabel->setBuddy(m_childId);
    form->addRow(m_childIdLabel, withMessage(this, idLine, {m_childIdStatus}));
    m_childName = lineEdit(this, QStringLiteral("childName"));
    m_childName->setMaxLength(60);
    m_childNameError = messageLabel(this, QStringLiteral("childNameError"));
    m_childNameLabel = new QLabel(this);
    m_childNameLabel->setBuddy(m_childName);
    form->addRow(m_childNameLabel, withMessage(this, m_childName, {m_childNameError}));
    layout->addWidget(m_childBox);

    wireLineEdit(m_childId, QStringLiteral("child.id_number"));
    wireLineEdit(m_childName, QStringLiteral("child.name"));
    connect(m_childId, &QLineEdit::textChanged, this, [this] { Q_EMIT personChanged(QStringLiteral("child")); });
    connect(m_childLookup, &QPushButton::clicked, this, [this] {
        touch(QStringLiteral("child.id_number"));
        Q_EMIT lookupRequested(QStringLiteral("child"), m_childId->text().trimmed().toUpper());
    });
}

void CounterForm::buildGuardianSection(QVBoxLayout* layout)
{
    m_guardianBox = new QGroupBox(this);
    m_guardianBox->setObjectName(QStringLiteral("guardiansBox"));
    auto* box = new QVBoxLayout(m_guardianBox);
    m_guardianLayout = new QVBoxLayout;
    m_guardianLayout->setSpacing(8);
    box->addLayout(m_guardianLayout);
    m_addGuardian = new QPushButton(this);
    m_addGuardian->setObjectName(QStringLiteral("addGuardian"));
    m_addGuardian->setAutoDefault(false);
    box->addWidget(m_addGuardian, 0, Qt::AlignLeft);
    layout->addWidget(m_guardianBox);
    connect(m_addGuardian, &QPushButton::clicked, this, [this] {
        if (int(m_guardians.size()) >= kMaxGuardians)
            return;
        addGuardianRow();
        m_addGuardian->setEnabled(int(m_guardians.size()) < kMaxGuardians);
        Q_EMIT tabChainChanged();
        m_guardians.back()->id->setFocus(Qt::TabFocusReason);
        changed();
    });
}

void CounterForm::buildAddressSection(QVBoxLayout* layout)
{
    m_addressBox = new QGroupBox(this);
    m_addressBox->setObjectName(QStringLiteral("addressBox"));
    auto* form = new QFormLayout(m_addressBox);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_address = lineEdit(this, QStringLiteral("claimedAddress"));
    m_address->setMaxLength(200);
    m_addressError = messageLabel(this, QStringLiteral("claimedAddressError"));
    m_addressMatch = messageLabel(this, QStringLiteral("addressMatch"));
    m_addressSource = messageLabel(this, QStringLiteral("addressSource"));
    m_addressLabel = new QLabel(this);
    m_addressLabel->setBuddy(m_address);
    form->addRow(m_addressLabel, withMessage(this, m_address, {m_addressError, m_addressMatch, m_addressSource}));
    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("claimedCategory"));
    m_categoryError = messageLabel(this, QStringLiteral("claimedCategoryError"));
    m_categoryLabel = new QLabel(this);
    m_categoryLabel->setBuddy(m_category);
    form->addRow(m_categoryLabel, withMessage(this, m_category, {m_categoryError}));
    layout->addWidget(m_addressBox);

    wireLineEdit(m_address, QStringLiteral("claimed_address"));
    connect(m_address, &QLineEdit::textEdited, this, [this](const QString& text) {
        // Typed over: the address is the clerk's, no longer the record's.
        if (m_addressTaken.isSet() && text.trimmed() != m_addressTaken.text) {
            m_addressTaken = {};
            updateSources();
        }
    });
    connect(m_category, &QComboBox::currentIndexChanged, this, [this] {
        touch(QStringLiteral("claimed_category"));
        changed();
    });
}

void CounterForm::buildEvidenceSection(QVBoxLayout* layout)
{
    m_evidenceBox = new QGroupBox(this);
    m_evidenceBox->setObjectName(QStringLiteral("paperEvidence"));
    auto* grid = new QGridLayout(m_evidenceBox);
    grid->setColumnStretch(1, 1);
    grid->setVerticalSpacing(4);
    int row = 0;
    for (const QString& kind : sync::paper::kinds()) {
        auto e = std::make_unique<EvidenceRow>();
        e->kind = kind;
        e->seen = new QCheckBox(this);
        e->seen->setObjectName(QStringLiteral("evidence_") + kind);
        e->required = new QLabel(this);
        e->required->setObjectName(QStringLiteral("evidenceRequired_") + kind);
        e->required->setStyleSheet(QStringLiteral("color: #8a5a00;"));
        e->note = lineEdit(this, QStringLiteral("evidenceNote_") + kind);
        e->note->setMaxLength(200);
        e->note->setEnabled(false); // a note only for a document seen: Tab skips the others
        // What the claimed category needs, under the document's name.
        e->required->setContentsMargins(22, 0, 0, 0);
        grid->addWidget(withMessage(this, e->seen, {e->required}), row, 0, Qt::AlignTop);
        grid->addWidget(e->note, row, 1, Qt::AlignTop);
        EvidenceRow* raw = e.get();
        connect(e->seen, &QCheckBox::toggled, this, [this, raw](bool on) {
            raw->note->setEnabled(on);
            changed();
        });
        connect(e->note, &QLineEdit::textChanged, this, &CounterForm::changed);
        m_evidence.push_back(std::move(e));
        ++row;
    }
    m_evidenceWarning = messageLabel(this, QStringLiteral("paperEvidenceWarning"));
    grid->addWidget(m_evidenceWarning, row, 0, 1, 2);
    layout->addWidget(m_evidenceBox);
}

void CounterForm::wireLineEdit(QLineEdit* edit, const QString& field)
{
    connect(edit, &QLineEdit::textChanged, this, &CounterForm::changed);
    // A field's problem is shown once the clerk has left it (or on save), not while typing it.
    connect(edit, &QLineEdit::editingFinished, this, [this, field] {
        touch(field);
        refreshMessages();
    });
}

void CounterForm::setContext(const views::CounterContext& context, const QString& clerk)
{
    m_context = context;
    m_clerk = clerk;
    m_filling = true;
    fillGrades();
    fillSchools();
    m_filling = false;
    clear();
    retranslate();
}

void CounterForm::fillGrades()
{
    const QString current = m_grade->currentData().toString();
    const QSignalBlocker block(m_grade);
    m_grade->clear();
    m_grade->addItem(tr("Primary grade 1"), QStringLiteral("primary1"));
    m_grade->addItem(tr("Junior grade 7"), QStringLiteral("junior7"));
    int index = m_grade->findData(current);
    if (index < 0) {
        // The level of the workstation's first school: a junior school's counter takes grade 7.
        const QString level = m_context.schools.isEmpty()
                                  ? QString()
                                  : m_context.scope.schoolLevels.value(m_context.schools.first().first);
        index = level == QLatin1String("junior") ? 1 : 0;
    }
    m_grade->setCurrentIndex(index);
}

// The schools of the grade's level (a primary school takes grade 1, a junior school grade 7).
void CounterForm::fillSchools()
{
    const QString current = m_school->currentData().toString();
    const QString level = m_grade->currentData().toString() == QLatin1String("junior7") ? QStringLiteral("junior")
                                                                                        : QStringLiteral("primary");
    const bool wasFilling = std::exchange(m_filling, true);
    {
        const QSignalBlocker block(m_school);
        m_school->clear();
        for (const auto& [id, name] : m_context.schools) {
            const QString of = m_context.scope.schoolLevels.value(id);
            if (!of.isEmpty() && of != level)
                continue;
            m_school->addItem(tr("%1 (%2)", "school: name (id)").arg(name.isEmpty() ? id : name, id), id);
        }
        m_school->setCurrentIndex(std::max(0, m_school->findData(current)));
    }
    m_filling = wasFilling;
    if (m_school->currentData().toString() != current && !m_filling)
        Q_EMIT schoolChanged();
}

sync::CounterApplication CounterForm::application() const
{
    sync::CounterApplication a;
    a.admissionYear = m_context.scope.admissionYear;
    a.grade = m_grade->currentData().toString();
    a.targetSchoolId = m_school->currentData().toString();
    a.child.name = m_childName->text().trimmed();
    a.child.idNumber = m_childId->text().trimmed().toUpper();
    for (int i = 0; i < int(m_guardians.size()); ++i) {
        const GuardianRow& g = *m_guardians.at(i);
        Guardian out;
        out.idNumber = g.id->text().trimmed().toUpper();
        out.name = g.name->text().trimmed();
        out.relation = g.relation->currentData().toString();
        out.phone = g.phone->text().trimmed();
        a.guardians.append(out);
        if (g.taken.isSet())
            a.takenFrom.append({QStringLiteral("guardians[%1]").arg(i), g.taken.recordId});
    }
    a.claimedAddress = m_address->text().trimmed();
    if (m_addressTaken.isSet())
        a.takenFrom.append({QStringLiteral("claimed_address"), m_addressTaken.recordId});
    a.claimedCategory = m_category->currentData().toString();
    for (const auto& e : m_evidence)
        if (e->seen->isChecked())
            a.paperEvidence.append({e->kind, m_clerk, e->note->text().trimmed()});
    a.formId = m_formId;
    return a;
}

void CounterForm::setApplication(const sync::CounterApplication& a)
{
    m_filling = true;
    if (const int grade = m_grade->findData(a.grade); grade >= 0)
        m_grade->setCurrentIndex(grade);
    fillSchools();
    if (const int school = m_school->findData(a.targetSchoolId); school >= 0)
        m_school->setCurrentIndex(school);
    m_childId->setText(a.child.idNumber);
    m_childName->setText(a.child.name);
    QList<Taken> taken(a.guardians.size());
    m_addressTaken = {};
    for (const sync::TakenValue& t : a.takenFrom) {
        const Taken from{t.recordId, tr("from record %1").arg(t.recordId), QString()};
        if (t.field == QLatin1String("claimed_address")) {
            m_addressTaken = from;
            m_addressTaken.text = a.claimedAddress;
        } else if (t.field.startsWith(QLatin1String("guardians["))) {
            const int i = t.field.mid(10, t.field.indexOf(u']') - 10).toInt();
            if (i >= 0 && i < taken.size()) {
                taken[i] = from;
                taken[i].text = IdNumber::parse(a.guardians.at(i).idNumber).text();
            }
        }
    }
    setGuardians(a.guardians, taken);
    m_address->setText(a.claimedAddress);
    m_category->setCurrentIndex(std::max(0, m_category->findData(a.claimedCategory)));
    for (const auto& e : m_evidence) {
        e->seen->setChecked(false);
        e->note->clear();
        for (const sync::PaperEvidence& p : a.paperEvidence)
            if (p.kind == e->kind) {
                e->seen->setChecked(true);
                e->note->setText(p.note);
            }
    }
    if (!a.formId.isEmpty())
        m_formId = a.formId;
    m_filling = false;
    Q_EMIT tabChainChanged();
    Q_EMIT schoolChanged();
    updateSources();
    refreshMessages();
}

void CounterForm::clear()
{
    m_filling = true;
    m_childId->clear();
    m_childName->clear();
    setGuardians({Guardian{}}, {});
    m_address->clear();
    m_addressTaken = {};
    m_category->setCurrentIndex(0);
    for (const auto& e : m_evidence) {
        e->seen->setChecked(false);
        e->note->clear();
    }
    m_formId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_touched.clear();
    m_showAll = false;
    m_previewed = false;
    setMessage(m_addressMatch, {});
    m_filling = false;
    Q_EMIT tabChainChanged();
    updateSources();
    refreshMessages();
}

bool CounterForm::hasTypedText() const
{
    const sync::CounterApplication a = application();
    if (!a.child.name.isEmpty() || !a.child.idNumber.isEmpty() || !a.claimedAddress.isEmpty() ||
        !a.claimedCategory.isEmpty() || !a.paperEvidence.isEmpty())
        return true;
    for (const Guardian& g : a.guardians)
        if (!g.name.isEmpty() || !g.idNumber.isEmpty() || !g.relation.isEmpty() || !g.phone.isEmpty())
            return true;
    return false;
}

QString CounterForm::schoolName() const
{
    const QString id = m_school->currentData().toString();
    for (const auto& [schoolId, name] : m_context.schools)
        if (schoolId == id)
            return name.isEmpty() ? id : name;
    return id;
}

void CounterForm::touch(const QString& field)
{
    if (!m_filling)
        m_touched.insert(field);
}

void CounterForm::changed()
{
    if (m_filling)
        return;
    refreshMessages();
    Q_EMIT edited();
}

void CounterForm::takeAddress(const QString& address, const QString& recordId, const QString& source)
{
    m_address->setText(address.trimmed());
    m_addressTaken = Taken{recordId, source, address.trimmed()};
    touch(QStringLiteral("claimed_address"));
    updateSources();
    refreshMessages();
}

QString CounterForm::idNumberOf(const QString& person) const
{
    if (person == QLatin1String("child"))
        return m_childId->text().trimmed().toUpper();
    if (person.startsWith(QLatin1String("guardian"))) {
        const int i = person.mid(8).toInt() - 1;
        if (i >= 0 && i < int(m_guardians.size()))
            return m_guardians.at(i)->id->text().trimmed().toUpper();
    }
    return {};
}

QString CounterForm::personLabel(const QString& person)
{
    if (person == QLatin1String("child"))
        return tr("the child");
    if (person.startsWith(QLatin1String("guardian")))
        return tr("guardian %1").arg(person.mid(8));
    return person;
}

QList<QWidget*> CounterForm::tabChain() const
{
    QList<QWidget*> chain{m_grade, m_school, m_childId, m_childName, m_childLookup};
    for (const auto& g : m_guardians) {
        chain << g->id << g->name << g->relation << g->phone << g->lookup;
        if (m_guardians.size() > 1)
            chain << g->remove;
    }
    chain << m_addGuardian << m_address << m_category;
    for (const auto& e : m_evidence)
        chain << e->seen << e->note;
    return chain;
}

void CounterForm::focusFirstField()
{
    for (QWidget* p = parentWidget(); p; p = p->parentWidget())
        if (auto* scroll = qobject_cast<QScrollArea*>(p)) {
            scroll->ensureWidgetVisible(m_grade);
            break;
        }
    m_grade->setFocus(Qt::OtherFocusReason);
}

void CounterForm::retranslate()
{
    const bool wasFilling = std::exchange(m_filling, true);
    m_applicationBox->setTitle(tr("Application"));
    m_gradeLabel->setText(tr("&Grade:"));
    m_schoolLabel->setText(tr("Sc&hool:"));
    fillGrades();
    fillSchools();
    m_childBox->setTitle(tr("Child"));
    m_childIdLabel->setText(tr("&ID number:"));
    m_childLookup->setText(tr("Look &up"));
    m_childLookup->setToolTip(tr("What the agencies hold about the child (needs the city platform)"));
    m_childNameLabel->setText(tr("&Name:"));
    m_guardianBox->setTitle(tr("Guardians"));
    for (int i = 0; i < int(m_guardians.size()); ++i)
        retranslateGuardian(i);
    m_addGuardian->setText(tr("&Add guardian"));
    m_addressBox->setTitle(tr("Address and category"));
    m_addressLabel->setText(tr("Claimed a&ddress:"));
    m_address->setPlaceholderText(tr("Road, number, compound, building, flat"));
    m_categoryLabel->setText(tr("Claimed &category:"));
    const QString category = m_category->currentData().toString();
    {
        const QSignalBlocker block(m_category);
        m_category->clear();
        m_category->addItem(tr("Choose…"), QString());
        m_category->addItem(tr("A — property in the zone, urban household registration"), QStringLiteral("A"));
        m_category->addItem(tr("B — property in the zone"), QStringLiteral("B"));
        m_category->addItem(tr("C — residence in the zone, work in the city"), QStringLiteral("C"));
        for (int i = 1; i < m_category->count(); ++i)
            m_category->setItemData(i, views::labels::categoryMeaning(m_category->itemData(i).toString()),
                                    Qt::ToolTipRole);
        m_category->setCurrentIndex(std::max(0, m_category->findData(category)));
    }
    m_evidenceBox->setTitle(m_clerk.isEmpty() ? tr("Paper documents seen")
                                              : tr("Paper documents seen (checked by %1)").arg(m_clerk));
    for (const auto& e : m_evidence) {
        e->seen->setText(evidenceText(e->kind));
        e->note->setPlaceholderText(tr("Note on %1").arg(evidenceText(e->kind)));
    }
    m_filling = wasFilling;
    updateSources();
    refreshMessages();
}

void CounterForm::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace adm::ui
