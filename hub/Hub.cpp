#include "Hub.h"

#include "Accounts.h"
#include "CertificateAuthority.h"
#include "CityLoader.h"
#include "CityRepository.h"
#include "FaultInjector.h"
#include "HubContext.h"
#include "HubLog.h"
#include "HubServer.h"
#include "HubStorage.h"
#include "LiveCity.h"
#include "SessionStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace adm::hub {

Hub::Hub(HubOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{}

Hub::~Hub()
{
    // The server and the live city use the storage: they go first.
    delete m_live;
    delete m_server;
}

QString Hub::url() const
{
    QString host = m_options.listenAddress.toString();
    if (m_options.listenAddress.protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    return QStringLiteral("https://%1:%2").arg(host).arg(m_port);
}

QString Hub::caPath() const
{
    return m_options.dataDir + QStringLiteral("/ca.pem");
}

QString Hub::accountsPath() const
{
    return m_options.dataDir + QStringLiteral("/accounts.json");
}

Status Hub::prepareDataDir()
{
    QDir dir(m_options.dataDir);
    if (!dir.exists() && !QDir().mkpath(m_options.dataDir))
        return Error{QStringLiteral("data_dir"), QStringLiteral("cannot make the folder %1").arg(m_options.dataDir)};
    m_options.dataDir = QFileInfo(m_options.dataDir).absoluteFilePath();
    QFile::setPermissions(m_options.dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return {};
}

Status Hub::loadCityIfNew()
{
    auto loaded = m_storage->meta(QStringLiteral("city_loaded"));
    if (!loaded)
        return loaded.error();
    if (!loaded->isEmpty())
        return m_city->loadSchools();
    if (m_storage->head() > 0)
        return Error{QStringLiteral("half_made_city"),
                     QStringLiteral("%1 holds a city whose first start did not finish; remove the folder and start "
                                    "again")
                         .arg(m_options.dataDir)};
    CityLoader loader(*m_storage, *m_city);
    const bool fromFile = !m_options.cityFile.isEmpty();
    if (fromFile)
        qCInfo(lcHub).noquote() << "first start: loading the city from" << m_options.cityFile;
    else
        qCInfo(lcHub).noquote() << "first start: generating a city of" << m_options.applications << "applications, seed"
                                << m_options.seed;
    auto figures =
        fromFile ? loader.loadFile(m_options.cityFile) : loader.generate(m_options.applications, m_options.seed);
    if (!figures)
        return figures.error();
    qCInfo(lcHub).noquote() << QStringLiteral("city stored: %1 changes, %2 applications, %3 agency records, %4 "
                                              "schools in %5 s (storing %6 s)")
                                   .arg(figures->changes)
                                   .arg(figures->applications)
                                   .arg(figures->agencyRecords)
                                   .arg(figures->schools)
                                   .arg(figures->seconds, 0, 'f', 1)
                                   .arg(figures->storeSeconds, 0, 'f', 1);
    if (figures->applications == 0)
        qCWarning(lcHub) << "the city has no applications (is the generator ready?)";
    if (Status s = m_storage->setMeta(
            QStringLiteral("city_source"),
            fromFile ? QStringLiteral("file")
                     : QStringLiteral("generator:%1:%2").arg(m_options.applications).arg(m_options.seed));
        !s)
        return s;
    if (Status s = m_storage->setMeta(QStringLiteral("city_seconds"), QString::number(figures->seconds, 'f', 2)); !s)
        return s;
    return m_storage->setMeta(QStringLiteral("city_loaded"), QStringLiteral("1"));
}

Status Hub::start()
{
    auto faults = FaultInjector::parse(m_options.faults, m_options.faultSeed);
    if (!faults)
        return faults.error();
    if (Status s = prepareDataDir(); !s)
        return s;
    auto storage = HubStorage::open(m_options.dataDir);
    if (!storage)
        return storage.error();
    m_storage = std::move(*storage);
    m_city = std::make_unique<CityRepository>(*m_storage);
    if (Status s = loadCityIfNew(); !s)
        return s;

    m_accounts = std::make_unique<Accounts>(*m_storage);
    if (m_accounts->isEmpty()) {
        if (Status s = m_accounts->createDemoAccounts(*m_city, accountsPath(), m_options.passwordIterations); !s)
            return s;
    } else {
        qCWarning(lcHub).noquote() << "SANDBOX ONLY: demo account passwords are in" << accountsPath();
    }
    m_sessions = std::make_unique<SessionStore>(m_options.tokenTtlSeconds, m_options.clock);
    m_context = std::make_unique<HubContext>(HubContext{m_options, *m_storage, *m_city, *m_accounts, *m_sessions});

    auto ca = CertificateAuthority::ensure(m_options.dataDir, m_options.listenAddress.toString());
    if (!ca)
        return ca.error();
    m_ca = std::make_unique<CertificateAuthority>(std::move(*ca));

    m_server = new HubServer(*m_context, std::move(*faults), this);
    auto port = m_server->start(m_options.listenAddress, m_options.port, m_ca->serverConfiguration());
    if (!port)
        return port.error();
    m_port = *port;
    QFile urlFile(m_options.dataDir + QStringLiteral("/hub-url"));
    if (urlFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
        urlFile.write(url().toUtf8() + '\n');
    if (!m_options.faults.isEmpty())
        qCWarning(lcHub).noquote() << "injecting faults:" << m_options.faults << "seed" << m_options.faultSeed;

    m_live = new LiveCity(*m_context, m_options.liveRate, m_options.seed, this);
    m_live->start();
    qCInfo(lcHub).noquote() << "listening on" << url() << "- enrol workstations with" << caPath();
    return {};
}

} // namespace adm::hub
