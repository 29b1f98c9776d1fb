// CounterForm: what is typed, checked as it is typed (the ID numbers at once, every other field once it
// was left, all of them on save), the preview beside it, and the first bad field on save.
#include "CounterFormParts.h"
#include "domain/IdNumber.h"

#include <QScrollArea>

namespace adm::ui {

using namespace counterform;

void CounterForm::refreshMessages()
{
    const QHash<QString, QString> problems = firstProblems(this->problems());
    auto show = [this, &problems](QLabel* label, const QString& field) {
        const bool shown = m_showAll || m_touched.contains(field);
        setMessage(label, shown ? problems.value(field) : QString());
    };
    show(m_gradeError, QStringLiteral("grade"));
    show(m_schoolError, QStringLiteral("target_school_id"));
    updateIdStatus(m_childId, m_childIdStatus, QStringLiteral("child.id_number"), true, problems);
    show(m_childNameError, QStringLiteral("child.name"));
    for (int i = 0; i < int(m_guardians.size()); ++i) {
        const GuardianRow& g = *m_guardians.at(i);
        const QString path = guardianPath(i);
        updateIdStatus(g.id, g.idStatus, path + QLatin1String("id_number"), false, problems);
        show(g.nameError, path + QLatin1String("name"));
        show(g.relationError, path + QLatin1String("relation"));
        show(g.phoneError, path + QLatin1String("phone"));
    }
    show(m_addressError, QStringLiteral("claimed_address"));
    if (m_address->text().trimmed().isEmpty())
        setMessage(m_addressMatch, {});
    show(m_categoryError, QStringLiteral("claimed_category"));
    updateEvidence();
}

// An ID number is checked as it is typed: the rule that failed (GB 11643) as soon as it can be told,
// else how many characters are typed; a valid one says the birth date and sex, and for the child the
// policy's birth range.
void CounterForm::updateIdStatus(QLineEdit* edit, QLabel* status, const QString& field, bool child,
                                 const QHash<QString, QString>& problems)
{
    const QString text = edit->text().trimmed();
    const bool shown = m_showAll || m_touched.contains(field);
    if (text.isEmpty()) {
        setMessage(status, shown ? problems.value(field) : QString());
        return;
    }
    const IdNumber id = IdNumber::parse(text);
    if (!id.isValid()) {
        if (id.problem() == IdNumber::Problem::WrongLength && text.size() < 18) {
            // The rest padded with zeros and a fitting check character: a letter, or (once typed) an
            // impossible birth date, is told at once.
            QString padded = text.leftJustified(17, u'0');
            const QChar check = IdNumber::checkCharacter(padded);
            const IdNumber early = IdNumber::parse(padded + (check.isNull() ? u'0' : check));
            const bool tellsEarly = early.problem() == IdNumber::Problem::NonDigit ||
                                    (early.problem() == IdNumber::Problem::ImpossibleDate && text.size() >= 14);
            if (tellsEarly) {
                setMessage(status, early.problemMessage());
                return;
            }
            if (!shown) {
                setMessage(status, tr("%1 of 18 characters").arg(text.size()), Tone::Hint);
                return;
            }
        }
        setMessage(status, id.problemMessage());
        return;
    }
    if (problems.contains(field)) { // a valid number that is wrong here (a guardian with the child's)
        setMessage(status, problems.value(field));
        return;
    }
    const QString born = id.birthDate().toString(Qt::ISODate);
    if (!child) {
        const QString sex = id.sex() == IdNumber::Sex::Male ? tr("male") : tr("female");
        setMessage(status, tr("Born %1, %2").arg(born, sex), Tone::Ok);
        return;
    }
    const QString sex = id.sex() == IdNumber::Sex::Male ? tr("boy") : tr("girl");
    if (m_birthFrom.isValid() && m_birthTo.isValid()) {
        const QString range =
            QStringLiteral("%1…%2").arg(m_birthFrom.toString(Qt::ISODate), m_birthTo.toString(Qt::ISODate));
        if (id.birthDate() > m_birthTo)
            setMessage(status, tr("Born %1, %2 — outside the policy's range %3: under age").arg(born, sex, range),
                       Tone::Warning);
        else if (id.birthDate() < m_birthFrom)
            setMessage(status, tr("Born %1, %2 — outside the policy's range %3: over age").arg(born, sex, range),
                       Tone::Warning);
        else
            setMessage(status, tr("Born %1, %2 — within the policy's range %3").arg(born, sex, range), Tone::Ok);
        return;
    }
    if (m_previewed && m_policyId.isEmpty())
        setMessage(status,
                   tr("Born %1, %2 — no admission policy for this school and grade in the cache").arg(born, sex),
                   Tone::Warning);
    else
        setMessage(status, tr("Born %1, %2").arg(born, sex), Tone::Ok);
}

// What the claimed category needs is marked on the checklist; what is not seen yet is a warning, not a
// block: the family may bring it later.
void CounterForm::updateEvidence()
{
    const QString category = m_category->currentData().toString();
    QStringList seen;
    for (const auto& e : m_evidence)
        if (e->seen->isChecked())
            seen << e->kind;
    for (const auto& e : m_evidence) {
        QString text;
        for (const QStringList& group : sync::paper::requirementsOf(category)) {
            if (!group.contains(e->kind))
                continue;
            QStringList others;
            for (const QString& kind : group)
                if (kind != e->kind)
                    others << evidenceText(kind);
            text = others.isEmpty() ? tr("required for %1").arg(category)
                                    : tr("required for %1 (or %2)").arg(category, others.join(tr(" or ")));
        }
        e->required->setText(text);
        e->required->setVisible(!text.isEmpty());
    }
    const QList<QStringList> missing = sync::paper::missingFor(category, seen);
    if (category.isEmpty() || missing.isEmpty()) {
        setMessage(m_evidenceWarning, {});
        return;
    }
    QStringList parts;
    for (const QStringList& group : missing) {
        QStringList labels;
        for (const QString& kind : group)
            labels << evidenceText(kind);
        parts << labels.join(tr(" or "));
    }
    setMessage(m_evidenceWarning,
               tr("Not seen yet for category %1: %2. You can still save; the family may bring it later.")
                   .arg(category, parts.join(tr("; "))),
               Tone::Warning);
}

void CounterForm::updateSources()
{
    setMessage(m_addressSource, m_addressTaken.isSet() ? tr("Taken %1").arg(m_addressTaken.source) : QString(),
               Tone::Hint);
    for (const auto& g : m_guardians)
        setMessage(g->source, g->taken.isSet() ? tr("Taken %1").arg(g->taken.source) : QString(), Tone::Hint);
}

QList<sync::FieldProblem> CounterForm::problems() const
{
    return sync::checkCounterApplication(application(), m_context.scope);
}

QList<sync::FieldProblem> CounterForm::showProblemsForSave()
{
    m_showAll = true;
    refreshMessages();
    const QList<sync::FieldProblem> problems = this->problems();
    if (problems.isEmpty())
        return problems;
    if (QWidget* input = inputFor(problems.first().field)) {
        for (QWidget* p = parentWidget(); p; p = p->parentWidget())
            if (auto* scroll = qobject_cast<QScrollArea*>(p)) {
                scroll->ensureWidgetVisible(input, 20, 60);
                break;
            }
        input->setFocus(Qt::OtherFocusReason);
        if (auto* edit = qobject_cast<QLineEdit*>(input))
            edit->selectAll();
    }
    return problems;
}

QWidget* CounterForm::inputFor(const QString& field) const
{
    if (field == QLatin1String("grade") || field == QLatin1String("admission_year"))
        return m_grade;
    if (field == QLatin1String("target_school_id"))
        return m_school;
    if (field == QLatin1String("child.id_number"))
        return m_childId;
    if (field == QLatin1String("child.name"))
        return m_childName;
    if (field == QLatin1String("claimed_address"))
        return m_address;
    if (field == QLatin1String("claimed_category"))
        return m_category;
    if (field.startsWith(QLatin1String("paper_evidence")))
        return m_evidence.empty() ? nullptr : m_evidence.front()->seen;
    if (field.startsWith(QLatin1String("guardians["))) {
        const int i = field.mid(10, field.indexOf(u']') - 10).toInt();
        if (i < 0 || i >= int(m_guardians.size()))
            return m_addGuardian;
        const GuardianRow& g = *m_guardians.at(i);
        if (field.endsWith(QLatin1String(".name")))
            return g.name;
        if (field.endsWith(QLatin1String(".relation")))
            return g.relation;
        if (field.endsWith(QLatin1String(".phone")))
            return g.phone;
        return g.id;
    }
    if (field == QLatin1String("guardians"))
        return m_guardians.empty() ? static_cast<QWidget*>(m_addGuardian) : m_guardians.front()->id;
    return nullptr;
}

void CounterForm::showPreview(const views::CounterPreview& preview)
{
    m_previewed = true;
    m_policyId = preview.policyId;
    m_birthFrom = preview.birthFrom;
    m_birthTo = preview.birthTo;
    if (m_address->text().trimmed().isEmpty() || preview.addressMatch.isEmpty()) {
        setMessage(m_addressMatch, {});
    } else if (preview.addressMatch == QLatin1String("exact")) {
        setMessage(m_addressMatch, tr("Exact match in the zone %1: %2").arg(preview.zoneName, preview.addressText),
                   Tone::Ok);
    } else if (preview.addressMatch == QLatin1String("loose")) {
        setMessage(m_addressMatch, tr("Loose match in the zone %1: %2").arg(preview.zoneName, preview.addressText),
                   Tone::Warning);
    } else {
        setMessage(m_addressMatch, tr("In no zone of this school: %1").arg(preview.addressText), Tone::Error);
    }
    refreshMessages();
}

} // namespace adm::ui
