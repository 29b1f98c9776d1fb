#include "HubLog.h"

namespace adm::hub {
Q_LOGGING_CATEGORY(lcHub, "admissions.hub")
} // namespace adm::hub
