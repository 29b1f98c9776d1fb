#pragma once

#include "Enrolment.h"
#include "HubClient.h"
#include "SyncTypes.h"
#include "domain/Entities.h"
#include "domain/Result.h"

#include <memory>

namespace adm::store {
class Connection;
}

namespace adm::sync {

// A live lookup of one person's agency records at the counter (GET /api/v1/agency/lookup), made
// while a family waits. Like a sign-in, the network step touches no cache and makes its own
// HubClient, so the GUI runs it on a worker thread; the cache step reads, on the writer's thread,
// the enrolment and the session the last sign-in kept.
namespace agencylookup {

struct Access {
    Enrolment enrolment;
    QString account;
    HubSession session;
};

// Error codes: "not_enrolled" (no hub), "sign_in_needed" (no session kept, or it ended), with a
// sentence saying the form works without the lookup.
Result<std::shared_ptr<Access>> prepare(store::Connection& connection, const QString& localUser);

// The records the platform holds about the person, fewer retries than a sync (someone is waiting):
// transport errors as HubClient's (isOffline()), "sign_in_needed" on 401, "bad_input" for an ID
// number the platform refuses.
Result<QList<AgencyRecord>> lookup(const Access& access, const QString& idNumber, SyncOptions options = {});

} // namespace agencylookup

} // namespace adm::sync
