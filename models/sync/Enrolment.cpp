#include "Enrolment.h"

#include "SyncState.h"
#include "SyncTypes.h"
#include "domain/JsonCodec.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSslSocket>

namespace adm::sync {

QSslConfiguration Enrolment::sslConfiguration() const
{
    return sslConfiguration(caCertificates());
}

QSslConfiguration Enrolment::sslConfiguration(const QList<QSslCertificate>& ca)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    // Replacing the list also turns off the on-demand loading of the system's root store.
    config.setCaCertificates(ca);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    config.setPeerVerifyDepth(0); // the whole chain
    return config;
}

Result<QUrl> Enrolment::parseHubUrl(const QString& text)
{
    const QUrl url = QUrl(text.trimmed(), QUrl::StrictMode).adjusted(QUrl::NormalizePathSegments);
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http"))
        return Error{code::PlainHttp, SyncText::tr("The city platform address %1 is plain HTTP. The workstation only "
                                                   "talks to the city platform over HTTPS; use "
                                                   "the https:// address the city platform's administrator gave you.")
                                          .arg(text.trimmed())};
    if (scheme != QLatin1String("https") || !url.isValid() || url.host().isEmpty())
        return Error{code::BadHubUrl,
                     SyncText::tr("\"%1\" is not a city platform address. Give it as https://HOST:PORT, for example "
                                  "https://hub.example.org:8443.")
                         .arg(text.trimmed())};
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return Error{
            code::BadHubUrl,
            SyncText::tr("The city platform address %1 must not carry a user name, a query or a fragment; give it as "
                         "https://HOST:PORT.")
                .arg(url.toString(QUrl::RemoveUserInfo))};
    QUrl clean = url;
    QString path = clean.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    clean.setPath(path);
    return clean;
}

Status Enrolment::checkCaPem(const QByteArray& pem)
{
    const QList<QSslCertificate> certs = QSslCertificate::fromData(pem, QSsl::Pem);
    if (certs.isEmpty())
        return Error{
            code::BadCa,
            SyncText::tr("The CA file holds no PEM certificate. Use the ca.pem file the city platform wrote.")};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QSslCertificate& c : certs) {
        if (c.isNull())
            return Error{
                code::BadCa,
                SyncText::tr("The CA file holds a damaged certificate. Copy ca.pem from the city platform again.")};
        if (c.expiryDate() < now)
            return Error{code::BadCa,
                         SyncText::tr("The CA certificate expired on %1. Ask the city platform's administrator for the "
                                      "current ca.pem.")
                             .arg(json::formatTime(c.expiryDate()))};
    }
    return {};
}

Result<QByteArray> Enrolment::readCaFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{
            code::BadCa,
            SyncText::tr("Cannot read the CA file %1: %2").arg(QDir::toNativeSeparators(path), f.errorString())};
    const QByteArray pem = f.read(1024 * 1024);
    if (Status s = checkCaPem(pem); !s)
        return s.error();
    return pem;
}

Result<Enrolment> Enrolment::load(store::Connection& connection)
{
    SyncState state(connection);
    auto url = state.get(SyncState::HubUrl);
    auto pem = state.get(SyncState::CaPem);
    auto id = state.get(SyncState::WorkstationId);
    auto name = state.get(SyncState::WorkstationName);
    if (!url || !pem || !id || !name)
        return !url ? url.error() : !pem ? pem.error() : !id ? id.error() : name.error();
    if (url->isEmpty() || pem->isEmpty())
        return Error{code::NotEnrolled,
                     SyncText::tr("This workstation is not connected to a city platform yet. An administrator "
                                  "connects it with: admissionsctl connect --hub URL --ca FILE")};
    Enrolment e;
    e.hubUrl = QUrl(*url);
    e.caPem = pem->toUtf8();
    e.workstationId = *id;
    e.workstationName = *name;
    return e;
}

Status Enrolment::save(store::Connection& connection, const Enrolment& e, bool* hubChanged)
{
    SyncState state(connection);
    auto before = state.get(SyncState::HubUrl);
    if (!before)
        return before.error();
    const bool changed = !before->isEmpty() && QUrl(*before) != e.hubUrl;
    if (hubChanged)
        *hubChanged = changed;
    const QList<QPair<QString, QString>> values = {
        {SyncState::HubUrl, e.hubUrl.toString()},
        {SyncState::CaPem, QString::fromUtf8(e.caPem)},
        {SyncState::WorkstationId, e.workstationId},
        {SyncState::WorkstationName, e.workstationName},
        {SyncState::EnrolledAt, json::formatTime(QDateTime::currentDateTimeUtc())}};
    for (const auto& [key, value] : values)
        if (Status s = state.set(key, value); !s)
            return s;
    if (!changed)
        return {};
    // The new hub gets the whole audit chain, and sends its whole view.
    if (Status s = state.set(SyncState::AuditSeq, QString()); !s)
        return s;
    if (Status s = state.set(SyncState::AuditError, QString()); !s)
        return s;
    return state.restartFullPull();
}

} // namespace adm::sync
