#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// Certificates made for the sync tests with OpenSSL's API: a CA, servers it signs (valid, expired,
// for another host name), a self-signed server, and a CA that has nothing to do with the hub.
namespace testpki {

struct Identity {
    QByteArray certPem; // the certificate (for a server: its own, then nothing else)
    QByteArray keyPem;  // PKCS#8 private key
    bool isNull() const { return certPem.isEmpty(); }
};

struct Validity {
    int fromDays = -1; // relative to now
    int toDays = 365;
};

// A CA certificate (CA:TRUE, keyCertSign) with an EC P-256 key.
Identity makeCa(const QString& commonName, Validity validity = {});
// A server certificate signed by `ca` for the given DNS names and IP addresses.
Identity makeServer(const Identity& ca, const QStringList& dnsNames, const QStringList& ipAddresses,
                    Validity validity = {-1, 90});
// A server certificate that signs itself (what "just make it work" setups do).
Identity makeSelfSigned(const QStringList& dnsNames, const QStringList& ipAddresses);

} // namespace testpki
