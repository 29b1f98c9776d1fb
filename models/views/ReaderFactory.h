#pragma once

#include "domain/Result.h"
#include "store/Sql.h"

#include <functional>
#include <memory>

namespace adm::views {

// Opens a reader connection on the cache (store::Database::openReader). Called from worker
// threads: each opens its own connection there and keeps it.
using ReaderFactory = std::function<Result<std::unique_ptr<store::Connection>>()>;

} // namespace adm::views
