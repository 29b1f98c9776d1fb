#include "HubOptions.h"

#include "citygen/CityGenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace adm::hub {

namespace {

Error usage(const QString& message)
{
    return Error{QStringLiteral("usage"), message};
}

} // namespace

Result<HubOptions> HubOptions::parse(const QStringList& arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("The sandbox upstream hub: a synthetic city behind the upstream contract (HTTPS). Sandbox only: "
                       "its keys and demo passwords lie in the data folder."));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("Folder for the hub's data."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address and port to listen on (port 0: any free port)."),
                                    QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8443"));
    const QCommandLineOption applications(QStringLiteral("applications"),
                                          QStringLiteral("Applications in a new city (first start only)."),
                                          QStringLiteral("N"), QStringLiteral("42000"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of a new city (first start only)."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption cityFile(QStringLiteral("city-file"),
                                      QStringLiteral("Load a city from JSON lines of changes instead of generating "
                                                     "one (first start only)."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption live(QStringLiteral("live"),
                                  QStringLiteral("Keep the city moving: events per second (0: off)."),
                                  QStringLiteral("RATE"), QStringLiteral("0"));
    const QCommandLineOption faults(QStringLiteral("faults"),
                                    QStringLiteral("Inject faults, e.g. drop-after:decisions:0.2,slow:changes:2000ms "
                                                   "(see docs/hub.md)."),
                                    QStringLiteral("SPEC"));
    const QCommandLineOption faultSeed(QStringLiteral("fault-seed"), QStringLiteral("Seed of the fault draws."),
                                       QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption tokenTtl(QStringLiteral("token-ttl"), QStringLiteral("Session lifetime in seconds."),
                                      QStringLiteral("SECONDS"), QStringLiteral("28800"));
    const QCommandLineOption retention(QStringLiteral("cursor-retention"),
                                       QStringLiteral("A cursor expires (410) once more than N changes were written "
                                                      "after it was issued."),
                                       QStringLiteral("N"), QStringLiteral("2000000"));
    const QCommandLineOption maxBody(QStringLiteral("max-body"), QStringLiteral("Largest request body in bytes."),
                                     QStringLiteral("BYTES"), QString::number(8 * 1024 * 1024));
    const QCommandLineOption idleTimeout(QStringLiteral("idle-timeout"),
                                         QStringLiteral("Close a connection idle (or stalled in a request) this long."),
                                         QStringLiteral("SECONDS"), QStringLiteral("30"));
    const QCommandLineOption maxConnections(QStringLiteral("max-connections"),
                                            QStringLiteral("Most open connections; more are closed at once."),
                                            QStringLiteral("N"), QStringLiteral("512"));
    const QCommandLineOption maxItems(QStringLiteral("max-items"),
                                      QStringLiteral("Most items in one push request list."), QStringLiteral("N"),
                                      QStringLiteral("5000"));
    const QCommandLineOption iterations(QStringLiteral("password-iterations"),
                                        QStringLiteral("PBKDF2 iterations for new demo accounts."), QStringLiteral("N"),
                                        QStringLiteral("100000"));
    p.addOptions({dataDir, listen, applications, seed, cityFile, live, faults, faultSeed, tokenTtl, retention, maxBody,
                  idleTimeout, maxConnections, maxItems, iterations});
    if (!p.parse(arguments))
        return usage(p.errorText());
    if (p.isSet(QStringLiteral("help")))
        return Error{QStringLiteral("help"), p.helpText()};
    if (p.isSet(QStringLiteral("version")))
        return Error{QStringLiteral("help"),
                     QStringLiteral("admissions-hub %1\n").arg(QCoreApplication::applicationVersion())};
    if (!p.positionalArguments().isEmpty())
        return usage(QStringLiteral("unexpected argument: %1").arg(p.positionalArguments().first()));

    HubOptions o;
    o.dataDir = p.value(dataDir);
    if (o.dataDir.isEmpty())
        return usage(QStringLiteral("--data-dir is required"));

    const QString hostPort = p.value(listen);
    const qsizetype colon = hostPort.lastIndexOf(u':');
    bool ok = false;
    const uint port = colon > 0 ? hostPort.mid(colon + 1).toUInt(&ok) : 0;
    if (colon <= 0 || !ok || port > 65535)
        return usage(QStringLiteral("--listen must be HOST:PORT, such as 127.0.0.1:8443"));
    QString host = hostPort.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    if (!o.listenAddress.setAddress(host))
        return usage(QStringLiteral("--listen: \"%1\" is not an IP address").arg(host));
    o.port = quint16(port);

    auto number = [&](const QCommandLineOption& option, qint64 lo, qint64 hi, qint64* out) -> Status {
        bool good = false;
        const qint64 v = p.value(option).toLongLong(&good);
        if (!good || v < lo || v > hi)
            return usage(QStringLiteral("--%1 must be a whole number from %2 to %3")
                             .arg(option.names().first())
                             .arg(lo)
                             .arg(hi));
        *out = v;
        return {};
    };
    qint64 v = 0;
    if (Status s = number(applications, 0, citygen::CityGenerator::kMaxApplications, &v); !s)
        return s.error();
    o.applications = int(v);
    bool seedOk = false;
    o.seed = p.value(seed).toULongLong(&seedOk);
    if (!seedOk)
        return usage(QStringLiteral("--seed must be a whole number"));
    o.faultSeed = p.value(faultSeed).toULongLong(&seedOk);
    if (!seedOk)
        return usage(QStringLiteral("--fault-seed must be a whole number"));
    o.cityFile = p.value(cityFile);
    bool rateOk = false;
    o.liveRate = p.value(live).toDouble(&rateOk);
    if (!rateOk || o.liveRate < 0 || o.liveRate > 10000)
        return usage(QStringLiteral("--live must be a number of events per second from 0 to 10000"));
    o.faults = p.value(faults);
    if (Status s = number(tokenTtl, 1, 365LL * 24 * 3600, &v); !s)
        return s.error();
    o.tokenTtlSeconds = int(v);
    if (Status s = number(retention, 1, std::numeric_limits<qint64>::max() / 4, &o.cursorRetention); !s)
        return s.error();
    if (Status s = number(maxBody, 1024, 1024LL * 1024 * 1024, &o.maxBodyBytes); !s)
        return s.error();
    if (Status s = number(idleTimeout, 1, 3600, &v); !s)
        return s.error();
    o.idleTimeoutSeconds = int(v);
    if (Status s = number(maxConnections, 1, 100000, &v); !s)
        return s.error();
    o.maxConnections = int(v);
    if (Status s = number(maxItems, 1, 100000, &v); !s)
        return s.error();
    o.maxItemsPerRequest = int(v);
    if (Status s = number(iterations, 1000, 10000000, &v); !s)
        return s.error();
    o.passwordIterations = int(v);
    return o;
}

} // namespace adm::hub
