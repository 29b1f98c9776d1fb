#include "SecureHeap.h"

#include <mutex>
#include <openssl/crypto.h>
#include <openssl/err.h>

Q_LOGGING_CATEGORY(lcSecurity, "admissions.security")

namespace adm::security {

namespace {
SecureHeapState g_state = SecureHeapState::NotInitialised;
std::once_flag g_once;
} // namespace

SecureHeapState initSecureHeap(std::size_t bytes)
{
    std::call_once(g_once, [bytes] {
        // Blocks of at least 32 bytes: a passphrase, a key or a token each take one or a few.
        const int rc = CRYPTO_secure_malloc_init(bytes, 32);
        ERR_clear_error();
        g_state = rc == 1 ? SecureHeapState::Locked : rc == 2 ? SecureHeapState::Unlocked : SecureHeapState::Failed;
        switch (g_state) {
        case SecureHeapState::Locked:
            qCDebug(lcSecurity) << "secure heap ready:" << bytes << "bytes, locked in memory";
            break;
        case SecureHeapState::Unlocked:
            qCDebug(lcSecurity) << "secure heap ready:" << bytes
                                << "bytes, but mlock was refused (RLIMIT_MEMLOCK); it may be swapped";
            break;
        default:
            qCDebug(lcSecurity) << "secure heap not available; secrets use the ordinary heap, still wiped";
            break;
        }
    });
    return g_state;
}

SecureHeapState secureHeapState()
{
    return g_state;
}

} // namespace adm::security
