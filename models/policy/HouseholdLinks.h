#pragma once

#include "Applicant.h"
#include "EvidenceIndex.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace adm::policy {

// How the people of an application are tied together by agency records: a guardian is linked to
// the child as a member of the child's household record, or as the spouse (a marriage
// registration with status married) of a guardian who is. Also names the child's household,
// which shared_property compares.
class HouseholdLinks {
public:
    HouseholdLinks(const EvidenceIndex& evidence, const Applicant& applicant, const QDate& cutoff)
        : m_evidence(evidence)
        , m_applicant(applicant)
        , m_cutoff(cutoff)
    {}

    // Guardians tied to the child by no agency record: "guardian 2 (mother)"; empty when all are.
    QStringList unlinkedGuardians() const;
    // "household:<no>" of the decisive household record (index, or -1), else of the household the
    // child is registered in by the cut-off; "child:<id>" when the child has none.
    QString householdKey(int decisiveHousehold) const;

private:
    const EvidenceIndex& m_evidence;
    const Applicant& m_applicant;
    QDate m_cutoff;
};

} // namespace adm::policy
