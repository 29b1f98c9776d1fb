#pragma once

#include "HttpMessage.h"
#include "SessionStore.h"

namespace adm::hub {

struct HubContext;

// PUT /api/v1/signing-keys/<key_id>: a principal registers a public key (Ed25519 or SM2) for its
// own account. The same key again answers "duplicate"; another key under a taken id is a 409.
class SigningApi {
public:
    explicit SigningApi(HubContext& context)
        : m_context(context)
    {}
    HttpReply putKey(const HttpRequest& request, const Session& session);

    static bool isValidKeyId(const QString& keyId);

private:
    HubContext& m_context;
};

} // namespace adm::hub
