#pragma once

#include "domain/Result.h"

namespace adm::ctl {

class CtlContext;

// Exit codes of the hub commands, beside CtlContext's 0-4 (docs/sync.md).
enum SyncExitCode {
    HubUnreachable = 5,  // the hub cannot be reached, or its certificate (or plain HTTP) was refused
    HubRefusedSignIn = 6 // the hub refused the account or password
};

// The exit code for an error of the sync engine or the decision workflow.
int syncExitCodeFor(const QString& errorCode);
// Prints the error sentence and returns its exit code.
int failSync(CtlContext& ctx, const Error& error);

// CmdSync.cpp
int cmdConnect(CtlContext& ctx);
int cmdLogin(CtlContext& ctx);
int cmdSync(CtlContext& ctx);
int cmdReasons(CtlContext& ctx);
// CmdDecide.cpp
int cmdDecide(CtlContext& ctx);
int cmdOutbox(CtlContext& ctx);
int cmdConflicts(CtlContext& ctx);

} // namespace adm::ctl
