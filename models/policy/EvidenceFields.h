#pragma once

#include "Applicant.h"
#include "EligibilityResult.h"
#include "EvidenceIndex.h"
#include "ZoneMatcher.h"

namespace adm::policy {

// One agency record as an evidence card: its source, the fields a rule looks at in its dataset
// (never an ID number or a name; the people appear as their role, "father"), and how its
// address matched a zone.
class EvidenceFields {
public:
    static EvidenceUse of(const EvidenceIndex& evidence, int record, const Applicant& applicant,
                          const ZoneMatch& match);
};

} // namespace adm::policy
