#pragma once

#include "domain/Result.h"

namespace adm::store {

class Connection;

// The walk-in applications taken at this workstation's counter (migration 10), in the encrypted
// cache only: the local number printed on the receipt (client_ref), the outbox item that uploads
// the application (its payload holds the whole application), and what the counter list and a
// reprint show without reading that payload. The upload's outcome is the outbox item's.
class CounterSchema {
public:
    static Status install(Connection& c);
};

} // namespace adm::store
