#pragma once

#include "HttpMessage.h"
#include "SessionStore.h"

namespace adm::hub {

struct HubContext;

// GET /api/v1/agency/lookup?id_number=: the current agency records of one person, as a counter
// clerk checks a walk-in family. Every lookup is recorded (account, time, a keyed hash of the ID
// number) so that the hub can say who looked whom up; the ID number itself is never logged.
class AgencyApi {
public:
    explicit AgencyApi(HubContext& context)
        : m_context(context)
    {}
    HttpReply lookup(const HttpRequest& request, const Session& session);

private:
    HubContext& m_context;
};

} // namespace adm::hub
