#pragma once

#include <QLoggingCategory>

namespace adm::hub {
// One category for the hub: request lines, start-up, faults. Never personal data.
Q_DECLARE_LOGGING_CATEGORY(lcHub)
} // namespace adm::hub
