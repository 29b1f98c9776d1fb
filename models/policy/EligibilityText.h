#pragma once

#include "EligibilityResult.h"

#include <QString>

namespace adm::policy {

// Renders a result as readable, translated multi-line text (admissionsctl explain APP_ID): the
// outcome, the flags with their reasons, then each rule with its reason and evidence records.
class EligibilityText {
public:
    static QString render(const EligibilityResult& result);
};

} // namespace adm::policy
