#pragma once

#include "HttpMessage.h"
#include "SessionStore.h"

namespace adm::hub {

struct HubContext;

// POST /api/v1/decisions: reviewers and principals decide applications of their schools. A
// decision on an application that moved on from base_version is a conflict (version_mismatch,
// with the current version); an accepted one sets the status and decision, bumps the version and
// emits a change. Any application of another scope makes the whole request 403, nothing changed.
class DecisionsApi {
public:
    explicit DecisionsApi(HubContext& context)
        : m_context(context)
    {}
    HttpReply push(const HttpRequest& request, const Session& session);

    static QString statusForOutcome(const QString& outcome);

private:
    HubContext& m_context;
};

} // namespace adm::hub
