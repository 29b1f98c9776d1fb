#pragma once

#include "domain/Result.h"

#include <QDateTime>
#include <QMetaType>

namespace adm::store {
class Connection;
}

namespace adm::views {

// What the status bar shows besides online/offline: the outbox and the last good sync.
struct SessionStatus {
    qint64 outbox = 0;    // items waiting to be sent
    qint64 conflicts = 0; // items the hub refused (conflict or invalid), waiting for a person
    QDateTime lastSync;   // invalid: never

    static Result<SessionStatus> read(store::Connection& connection);
};

} // namespace adm::views

Q_DECLARE_METATYPE(adm::views::SessionStatus)
