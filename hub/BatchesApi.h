#pragma once

#include "HttpMessage.h"
#include "SessionStore.h"

namespace adm::hub {

struct HubContext;

// POST /api/v1/batches: a principal's signed sign-off of decisions. The signature must verify,
// over the canonical JSON of `batch`, against the key registered under batch.key_id for the
// signer (invalid, bad_signature, otherwise). A batch whose applications moved on from the signed
// versions, or whose decisions differ, is a conflict and changes nothing. An accepted batch marks
// each decision signed with the batch id, which bumps each application's version.
class BatchesApi {
public:
    explicit BatchesApi(HubContext& context)
        : m_context(context)
    {}
    HttpReply push(const HttpRequest& request, const Session& session);

private:
    HubContext& m_context;
};

} // namespace adm::hub
