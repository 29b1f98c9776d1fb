#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>

namespace adm::hub {

// The hub's own certificate authority, made with OpenSSL 3 on first start: an EC P-256 CA (ten
// years) and a server certificate it signs (SAN: 127.0.0.1, ::1, localhost and the address the hub
// listens on; 397 days). DIR/ca.pem is the file a workstation is enrolled with. Later starts reuse
// them; the server certificate is made again when it lacks the listen address or nears its end.
// The CA key lies in DIR/ca.key (0600): a sandbox.
class CertificateAuthority {
public:
    static Result<CertificateAuthority> ensure(const QString& dataDir, const QString& listenHost);

    QSslConfiguration serverConfiguration() const;
    QByteArray caPem() const { return m_caPem; }
    QString caPath() const { return m_caPath; }

    // For tests of clients: a certificate chain for `hosts` signed by this CA, valid between the
    // given times (an expired one, or one for another host name). PEM of certificate and key.
    struct Issued {
        QByteArray certificatePem;
        QByteArray privateKeyPem;
    };
    Result<Issued> issueServerCertificate(const QStringList& hosts, qint64 notBeforeOffsetSeconds,
                                          qint64 notAfterOffsetSeconds) const;

private:
    QString m_caPath;
    QByteArray m_caPem;
    QByteArray m_caKeyPem;
    QByteArray m_serverPem;
    QByteArray m_serverKeyPem;
};

} // namespace adm::hub
