#pragma once

#include "HttpMessage.h"

namespace adm::hub {

struct HubContext;

// POST /api/v1/sessions: account and password for a bearer token that expires.
class SessionsApi {
public:
    explicit SessionsApi(HubContext& context)
        : m_context(context)
    {}
    // `account` receives the account id for the request log once the sign-in succeeded.
    HttpReply create(const HttpRequest& request, QString* account);

private:
    HubContext& m_context;
};

} // namespace adm::hub
