#pragma once

#include "Sql.h"
#include "domain/Result.h"

#include <QJsonObject>

namespace adm::store {

// Counts for `admissionsctl stats` and the first screen: per entity, per dataset, per status and
// per channel. Counts only: no personal data.
Result<QJsonObject> collectCacheStats(Connection& connection);

} // namespace adm::store
