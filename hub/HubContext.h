#pragma once

#include "HubOptions.h"

namespace adm::hub {

class Accounts;
class CityRepository;
class HubStorage;
class SessionStore;

// What the endpoint handlers share; owned by Hub, which outlives them.
struct HubContext {
    const HubOptions& options;
    HubStorage& storage;
    CityRepository& city;
    Accounts& accounts;
    SessionStore& sessions;
};

} // namespace adm::hub
