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

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QSslConfiguration>

class QSslServer;
class QSslSocket;

namespace adm::hub {

struct HubContext;

// The HTTPS front of the hub. It subclasses QAbstractHttpServer (Qt HttpServer 6.4) rather than
// using QHttpServer's router, because faults need the socket: a reply can be dropped before or
// after the handler committed, cut short, delayed, or never sent. Replies are written to the socket
// directly. A guard on each TLS socket refuses an oversized body (413) from its Content-Length
// before Qt buffers it. Everything runs on the event loop thread.
class HubServer : public QAbstractHttpServer {
    Q_OBJECT

public:
    HubServer(HubContext& context, FaultInjector faults, QObject* parent = nullptr);
    ~HubServer() override;

    // Listens with TLS only; the port actually bound (useful with port 0).
    Result<quint16> start(const QHostAddress& address, quint16 port, const QSslConfiguration& tls);
    qint64 requestCount() const { return m_requests; }

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    enum class Route { Found, NotFound, WrongMethod };
    static Route resolve(HttpRequest& request);

    HttpReply dispatch(HttpRequest& request, QString* account);
    void finish(QTcpSocket* socket, const HttpRequest& request, HttpReply reply, const FaultInjector::Plan& plan,
                const QElapsedTimer& timer, const QString& account);
    void guard(QSslSocket* socket);
    void refuseOversized(QTcpSocket* socket, const QByteArray& head, qint64 contentLength);
    void logRequest(const QString& method, const QString& path, int status, const QElapsedTimer& timer,
                    const QString& account, const QStringList& faults);

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
    QSslServer* m_tls = nullptr;
    qint64 m_requests = 0;
};

} // namespace adm::hub
