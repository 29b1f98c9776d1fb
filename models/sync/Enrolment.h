#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

namespace adm::store {
class Connection;
}

namespace adm::sync {

// Which hub this workstation talks to and the one CA it trusts for it. Kept in the encrypted
// cache's meta table (not in a plain file beside it): swapping the trusted CA would let someone
// read the traffic, so only a person who can unlock the cache can change it.
struct Enrolment {
    QUrl hubUrl;             // https://host[:port][/prefix]
    QByteArray caPem;        // the CA certificate(s) the hub's certificate must chain to
    QString workstationId;   // a UUID made at the first enrolment, kept across re-enrolments
    QString workstationName; // shown upstream ("Counter 2")

    bool isValid() const { return hubUrl.isValid() && !caPem.isEmpty(); }
    QList<QSslCertificate> caCertificates() const { return QSslCertificate::fromData(caPem, QSsl::Pem); }

    // TLS 1.2 or later, the peer verified against exactly the enrolled CA (never the system store),
    // its host name checked by QNetworkAccessManager against the URL.
    QSslConfiguration sslConfiguration() const;
    static QSslConfiguration sslConfiguration(const QList<QSslCertificate>& ca);

    // Checks a hub address: https only (code "plain_http" before anything is sent), a host, no
    // user info, query or fragment. A trailing slash is added to the path, so that endpoints join.
    static Result<QUrl> parseHubUrl(const QString& text);
    // Reads a PEM file of CA certificates; refuses an empty file, a non-certificate and an expired
    // certificate (code "bad_ca").
    static Result<QByteArray> readCaFile(const QString& path);
    static Status checkCaPem(const QByteArray& pem);

    // "not_enrolled" when this cache was never connected to a hub.
    static Result<Enrolment> load(store::Connection& connection);
    // Saves it; a different hub than before also restarts the feed (a full pull that sweeps away
    // what the new hub does not send) and the audit upload (the new hub gets the whole chain).
    // `hubChanged` tells whether that happened.
    static Status save(store::Connection& connection, const Enrolment& enrolment, bool* hubChanged = nullptr);
};

} // namespace adm::sync
