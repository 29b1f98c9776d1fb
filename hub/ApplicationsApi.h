#pragma once

#include "HttpMessage.h"
#include "SessionStore.h"

namespace adm::hub {

struct HubContext;

// POST /api/v1/applications: applications taken at a school's counter. Each is checked with the
// JSON codec and the ID number rules; a child who already has an application this year gets a
// conflict (duplicate_child) naming it; an accepted one gets a new id and is emitted as a change.
class ApplicationsApi {
public:
    explicit ApplicationsApi(HubContext& context)
        : m_context(context)
    {}
    HttpReply push(const HttpRequest& request, const Session& session);

private:
    HubContext& m_context;
};

} // namespace adm::hub
