#pragma once

#include "AdminApi.h"
#include "AgencyApi.h"
#include "ApplicationsApi.h"
#include "AuditApi.h"
#include "BatchesApi.h"
#include "ChangesApi.h"
#include "DecisionsApi.h"
#include "FaultInjector.h"
#include "HttpMessage.h"
#include "SessionsApi.h"
#include "SigningApi.h"
#include "domain/Result.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QTcpServer>

namespace adm::hub {

class HttpConnection;
struct HubContext;

// The HTTPS front of the hub: accepts TCP connections, hands each to an HttpConnection (TLS,
// framing, idle timer), routes each request to its API and applies the faults. Our own connection
// layer rather than Qt HttpServer 6.4 (a technical preview without limits; see docs/hub.md): faults
// need the socket, and every limit is ours to set. Connections past --max-connections, counted from
// accept to close (handshakes included), are closed at once. Everything runs on the event loop thread.
class HubServer : public QTcpServer {
    Q_OBJECT

public:
    HubServer(HubContext& context, FaultInjector faults, QObject* parent = nullptr);
    ~HubServer() override;

    // Listens with TLS only; the port actually bound (useful with port 0).
    Result<quint16> start(const QHostAddress& address, quint16 port, const QSslConfiguration& tls);
    // Requests given to a handler (a refused or unparsable request is not one).
    qint64 requestCount() const { return m_requests; }
    int openConnections() const { return m_open; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    enum class Route { Found, NotFound, WrongMethod };
    static Route resolve(HttpRequest& request);

    void handle(HttpConnection* connection, HttpRequest request);
    HttpReply dispatch(HttpRequest& request, QString* account);
    void finish(HttpConnection* connection, const HttpRequest& request, HttpReply reply,
                const FaultInjector::Plan& plan, const QElapsedTimer& timer, const QString& account);
    void logRequest(const QString& method, const QString& path, int status, qint64 ms, const QString& account,
                    const QStringList& faults);

    HubContext& m_context;
    FaultInjector m_faults;
    SessionsApi m_sessionsApi;
    ChangesApi m_changesApi;
    DecisionsApi m_decisionsApi;
    ApplicationsApi m_applicationsApi;
    SigningApi m_signingApi;
    BatchesApi m_batchesApi;
    AuditApi m_auditApi;
    AgencyApi m_agencyApi;
    AdminApi m_adminApi;
    QSslConfiguration m_tls;
    qint64 m_requests = 0;
    int m_open = 0;
    qint64 m_turnedAway = 0; // over the cap since the last log line about it
    QElapsedTimer m_lastTurnedAwayLog;
};

} // namespace adm::hub
