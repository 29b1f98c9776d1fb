#pragma once

#include <QLoggingCategory>
#include <cstddef>

Q_DECLARE_LOGGING_CATEGORY(lcSecurity)

namespace adm::security {

// How the secure heap came up: locked in memory, made but not locked (mlock refused, as in many
// containers with a small RLIMIT_MEMLOCK), or not made at all (SecretBytes then use OpenSSL's
// ordinary heap, still wiped).
enum class SecureHeapState { NotInitialised, Locked, Unlocked, Failed };

// Calls CRYPTO_secure_malloc_init once per process, at program start (the three programs' main),
// before any secret exists; later calls return the first result. Logs the outcome at debug level.
SecureHeapState initSecureHeap(std::size_t bytes = 64 * 1024);
SecureHeapState secureHeapState();

} // namespace adm::security
