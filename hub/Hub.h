#pragma once

#include "HubOptions.h"
#include "domain/Result.h"

#include <QObject>
#include <memory>

namespace adm::hub {

class Accounts;
class CertificateAuthority;
class CityRepository;
class HubServer;
class HubStorage;
class LiveCity;
class SessionStore;
struct HubContext;

// The whole hub, wired together: storage, the city (generated on first start), the CA, the
// accounts, the HTTPS server and the live city. main() makes one; tests make one in-process.
class Hub : public QObject {
    Q_OBJECT

public:
    explicit Hub(HubOptions options, QObject* parent = nullptr);
    ~Hub() override;

    Status start();
    quint16 port() const { return m_port; }
    QString url() const;
    QString caPath() const;
    QString accountsPath() const;

    HubStorage& storage() { return *m_storage; }
    CityRepository& city() { return *m_city; }
    LiveCity* live() { return m_live; }
    HubServer* server() { return m_server; }
    const HubOptions& options() const { return m_options; }

private:
    Status prepareDataDir();
    Status loadCityIfNew();

    HubOptions m_options;
    std::unique_ptr<HubStorage> m_storage;
    std::unique_ptr<CityRepository> m_city;
    std::unique_ptr<Accounts> m_accounts;
    std::unique_ptr<SessionStore> m_sessions;
    std::unique_ptr<HubContext> m_context;
    std::unique_ptr<CertificateAuthority> m_ca;
    HubServer* m_server = nullptr;
    LiveCity* m_live = nullptr;
    quint16 m_port = 0;
};

} // namespace adm::hub
