#pragma once

#include "HttpMessage.h"
#include "SessionStore.h"

namespace adm::hub {

struct HubContext;

// POST /api/v1/audit: a workstation's hash-chained audit log, checked for continuity per
// workstation (the session's workstation id): an entry's prev_hash must be the hash of the last
// entry the hub holds for that workstation, and its seq must come after it. The first entry a hub
// receives from a workstation anchors its chain. The hub cannot recompute the hashes (their
// material is the workstation's), so it checks the links, not the hashes.
class AuditApi {
public:
    explicit AuditApi(HubContext& context)
        : m_context(context)
    {}
    HttpReply push(const HttpRequest& request, const Session& session);

private:
    HubContext& m_context;
};

} // namespace adm::hub
