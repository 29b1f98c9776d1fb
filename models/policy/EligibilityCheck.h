#pragma once

#include "EligibilityResult.h"
#include "EvidenceIndex.h"
#include "PolicyCatalog.h"
#include "domain/Entities.h"

namespace adm::policy {

// The automatic eligibility check of admission-policy.md: a pure function of an application, the
// reference data and the agency records. check() sets every flag that one application decides;
// duplicate_application and shared_property need the other applications of the year and come
// from CrossApplicationFlags. Read-only: one instance may check from several threads at once.
class EligibilityCheck {
public:
    EligibilityCheck(const PolicyCatalog& catalog, const EvidenceIndex& evidence);

    EligibilityResult check(const Application& application) const;

private:
    const PolicyCatalog& m_catalog;
    const EvidenceIndex& m_evidence;
};

} // namespace adm::policy
