#pragma once

#include "domain/Result.h"

#include <QDateTime>
#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <functional>

namespace adm::hub {

// Everything the hub is started with. Parsed from the command line by parse(); tests fill it in.
struct HubOptions {
    QString dataDir;
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 port = 8443; // 0: any free port (the chosen one is printed and written to DIR/hub-url)
    int applications = 42000;
    quint64 seed = 1;
    QString cityFile;      // JSON lines of changes to load instead of generating (first start only)
    double liveRate = 0;   // events per second; 0: the city stands still
    QString faults;        // see FaultInjector and docs/hub.md
    quint64 faultSeed = 1; // the same seed and request order give the same faults
    int tokenTtlSeconds = 8 * 3600;
    qint64 cursorRetention = 2000000; // changes written after a cursor was issued before it expires
    qint64 maxBodyBytes = 8 * 1024 * 1024;
    int idleTimeoutSeconds = 30;     // a connection idle (or stalled in a head or body) this long is closed
    int maxConnections = 512;        // open connections, handshakes included; more are closed at once
    int maxItemsPerRequest = 5000;   // per list in a push request
    int passwordIterations = 100000; // PBKDF2-HMAC-SHA256, for the demo accounts made on first start
    // The time now (UTC) for session expiry and sign-in lockouts. Empty: the system clock; tests set
    // their own to move time forward without waiting. Not settable from the command line.
    std::function<QDateTime()> clock;

    // Parses `arguments` (argv including the program name). On error or --help the error holds
    // the text to print; code "help" for --help/--version.
    static Result<HubOptions> parse(const QStringList& arguments);
};

} // namespace adm::hub
