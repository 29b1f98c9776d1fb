#include "HouseholdLinks.h"

#include "domain/ValueLabels.h"

#include <QCoreApplication>

namespace adm::policy {

QStringList HouseholdLinks::unlinkedGuardians() const
{
    const QList<int> households = m_applicant.recordsIn(m_evidence, {Dataset::ResidentPopulation});
    auto inChildHousehold = [&](const QString& id) {
        for (int h : households) {
            const EvidenceRecord& r = m_evidence.record(h);
            if (r.member(m_applicant.child) && r.member(id))
                return true;
        }
        return false;
    };
    const QStringList& gs = m_applicant.guardians;
    QList<bool> direct;
    for (const QString& g : gs)
        direct.append(inChildHousehold(g));
    const QList<int> marriages = m_applicant.recordsIn(m_evidence, {Dataset::MarriageRegistration});
    QStringList unlinked;
    for (qsizetype i = 0; i < gs.size(); ++i) {
        if (direct.at(i))
            continue;
        // Married to a guardian who is in the child's household.
        bool married = false;
        for (int m : marriages) {
            const EvidenceRecord& r = m_evidence.record(m);
            if (r.status != QLatin1String("married") || !r.hasPerson(gs.at(i)))
                continue;
            for (qsizetype j = 0; j < gs.size() && !married; ++j)
                married = j != i && direct.at(j) && gs.at(j) != gs.at(i) && r.hasPerson(gs.at(j));
            if (married)
                break;
        }
        if (!married)
            unlinked.append(QCoreApplication::translate("EligibilityCheck", "guardian %1 (%2)")
                                .arg(QString::number(i + 1), valueLabel(m_applicant.guardianRelations.value(i))));
    }
    return unlinked;
}

QString HouseholdLinks::householdKey(int decisiveHousehold) const
{
    if (decisiveHousehold >= 0 && !m_evidence.record(decisiveHousehold).number.isEmpty())
        return QStringLiteral("household:") + m_evidence.record(decisiveHousehold).number;
    // Otherwise the household the child is registered in now: registered by the cut-off, latest.
    const EvidenceRecord* chosen = nullptr;
    QDate chosenSince;
    for (int i : m_applicant.recordsIn(m_evidence, {Dataset::ResidentPopulation})) {
        const EvidenceRecord& r = m_evidence.record(i);
        const HouseholdMember* m = r.member(m_applicant.child);
        if (!m || r.number.isEmpty())
            continue;
        const QDate since = m->registeredOn.isValid() ? m->registeredOn : r.date;
        const bool byCutoff = since.isValid() && since <= m_cutoff;
        const bool chosenByCutoff = chosenSince.isValid() && chosenSince <= m_cutoff;
        if (!chosen || (byCutoff && !chosenByCutoff) || (byCutoff == chosenByCutoff && since > chosenSince)) {
            chosen = &r;
            chosenSince = since;
        }
    }
    if (chosen)
        return QStringLiteral("household:") + chosen->number;
    return QStringLiteral("child:") + m_applicant.child;
}

} // namespace adm::policy
