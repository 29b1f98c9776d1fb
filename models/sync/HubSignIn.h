#pragma once

#include "Enrolment.h"
#include "HubClient.h"
#include "SyncTypes.h"
#include "domain/Result.h"

namespace adm::store {
class Connection;
class Workspace;
} // namespace adm::store

namespace adm::sync {

// Connecting this workstation to a hub and signing a local user in: the steps `admissionsctl
// connect` / `login`, the workstation's first-run wizard and its sign-in dialog share. The network
// steps touch no cache and make their own HubClient, so a GUI may run them on a worker thread; the
// record steps write the cache and its audit log on the thread that holds the workspace.
namespace hubsignin {

// The enrolment to save for an address and CA already checked (Enrolment::parseHubUrl/readCaFile):
// the workstation keeps its id across re-enrolments (a new UUID the first time, since the hub
// tells workstations apart by it); an empty name becomes the host name.
Enrolment prepare(store::Connection& connection, const QUrl& hubUrl, const QByteArray& caPem,
                  const QString& workstationName);

// A TLS handshake and any HTTP answer, tried once. An isOffline() error: the hub cannot be reached
// now. Any other (a refused certificate): this enrolment must not be saved.
Status probe(const Enrolment& enrolment, SyncOptions options);

// One sign-in with the account and password: the session the hub granted (its token, to keep with
// recordSignIn), "sign_in_refused" for a wrong password, the transport codes of HubClient when the
// hub cannot be reached or its certificate is refused. The password is wiped when it returns.
Result<HubSession> signIn(const Enrolment& enrolment, const QString& account, security::SecretBytes password,
                          const SyncOptions& options);

// Saves the enrolment and writes "sync.enrol" to the audit log. `hubChanged`: see Enrolment::save.
Status recordEnrolment(store::Workspace& workspace, const Enrolment& enrolment, bool* hubChanged = nullptr);
// Remembers the account (never the password) for the workspace's user and writes "sync.login";
// with a session, keeps its token in the cache (SessionCache) for the next start of the sync.
// A session whose account does not have the local user's role is refused ("role_mismatch",
// security::rolesAgree) and nothing is written.
Status recordSignIn(store::Workspace& workspace, const QString& account, const HubSession* session = nullptr);
// Forgets the kept session of the workspace's user (signing out); the account stays remembered.
Status forgetSession(store::Workspace& workspace);

} // namespace hubsignin

} // namespace adm::sync
