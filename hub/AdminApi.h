#pragma once

#include "HttpMessage.h"
#include "SessionStore.h"

namespace adm::hub {

struct HubContext;

// GET /api/v1/admin/stats (supervisors): counts within the supervisor's scope, by the same rules
// as the change feed, so that a client's cache after a full pull can be checked against them.
// "decisions" counts applications that carry a decision.
class AdminApi {
public:
    explicit AdminApi(HubContext& context)
        : m_context(context)
    {}
    HttpReply stats(const HttpRequest& request, const Session& session);

private:
    HubContext& m_context;
};

} // namespace adm::hub
