#pragma once

#include "domain/Result.h"
#include "sync/HubClient.h"

#include <QString>
#include <functional>
#include <memory>

class QObject;

namespace adm::ui {

// What a short hub call (a probe, a sign-in) ended with. Default-constructible, so that it can
// travel through a QFuture.
struct HubOutcome {
    bool ok = false;
    Error error;
    sync::HubAccount account;
    // After a sign-in: the session with its token; shared, not copied (the token is a SecretBytes).
    std::shared_ptr<sync::HubSession> session;
};

// Runs `call` on a worker thread and hands its outcome to `done` on the GUI thread, with a busy
// cursor meanwhile: a hub call waits up to its timeout, and the window must keep painting.
// `done` is dropped when `context` dies first; the cursor is restored either way. Returns the call's
// watcher, a child of `context`: deleting it drops the call (a cancel): `done` is not called, the
// cursor comes back at once, and the worker gives up within its timeout.
QObject* runHubCall(QObject* context, std::function<HubOutcome()> call, std::function<void(const HubOutcome&)> done);

// A headline a clerk understands ("the hub did not accept this password"), what to do, and the
// engine's sentence with the details, for an error of hub enrolment or sign-in. Rich text.
QString hubProblemText(const Error& error);

} // namespace adm::ui
