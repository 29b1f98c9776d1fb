#pragma once

#include "domain/Result.h"

#include <functional>
#include <memory>

namespace adm::store {
class Connection;
}

namespace adm::views {

// Opens a reader connection on the cache (store::Database::openReader). Called from worker
// threads: each opens its own connection there and keeps it. Widgets only pass it on (to a
// ReaderThread or an item model); the connection stays opaque to them.
using ReaderFactory = std::function<Result<std::unique_ptr<store::Connection>>()>;

} // namespace adm::views
