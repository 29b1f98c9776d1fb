#include "CertificateAuthority.h"

#include "HubLog.h"
#include "security/Crypto.h"

#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <memory>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace adm::hub {

namespace {

using PKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Cert = std::unique_ptr<X509, decltype(&X509_free)>;
using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;

Error caError(const QString& what)
{
    return Error{QStringLiteral("ca_failed"), QStringLiteral("certificate authority: %1").arg(what)};
}

QByteArray bioBytes(BIO* bio)
{
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return n > 0 ? QByteArray(data, n) : QByteArray();
}

PKey newKey()
{
    return PKey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"), &EVP_PKEY_free);
}

QByteArray keyPem(EVP_PKEY* key)
{
    Bio bio(BIO_new(BIO_s_mem()), &BIO_free);
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    return bioBytes(bio.get());
}

QByteArray certPem(X509* cert)
{
    Bio bio(BIO_new(BIO_s_mem()), &BIO_free);
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1)
        return {};
    return bioBytes(bio.get());
}

PKey readKey(const QByteArray& pem)
{
    Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())), &BIO_free);
    return PKey(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr, &EVP_PKEY_free);
}

Cert readCert(const QByteArray& pem)
{
    Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())), &BIO_free);
    return Cert(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr, &X509_free);
}

bool addExtension(X509* cert, X509V3_CTX* ctx, int nid, const QByteArray& value)
{
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, ctx, nid, value.constData());
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

bool addName(X509_NAME* name, const char* field, const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    return X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char*>(utf8.constData()), int(utf8.size()), -1,
                                      0) == 1;
}

// One certificate: a CA when `issuer` is null (self-signed), else a TLS server certificate.
Cert makeCertificate(EVP_PKEY* key, const QString& commonName, X509* issuer, EVP_PKEY* issuerKey,
                     const QStringList& hosts, qint64 notBeforeOffset, qint64 notAfterOffset)
{
    Cert cert(X509_new(), &X509_free);
    if (!cert || X509_set_version(cert.get(), 2) != 1)
        return Cert(nullptr, &X509_free);
    // A random positive 127-bit serial.
    QByteArray serial = crypto::randomBytes(16);
    serial[0] = char(serial[0] & 0x7f);
    BIGNUM* bn = BN_bin2bn(reinterpret_cast<const unsigned char*>(serial.constData()), int(serial.size()), nullptr);
    const bool serialOk = bn && BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    if (!serialOk || !X509_gmtime_adj(X509_getm_notBefore(cert.get()), long(notBeforeOffset)) ||
        !X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(notAfterOffset)) || X509_set_pubkey(cert.get(), key) != 1)
        return Cert(nullptr, &X509_free);
    X509_NAME* name = X509_get_subject_name(cert.get());
    if (!addName(name, "O", QStringLiteral("Admissions Sandbox Hub")) || !addName(name, "CN", commonName))
        return Cert(nullptr, &X509_free);
    X509* signer = issuer ? issuer : cert.get();
    if (X509_set_issuer_name(cert.get(), X509_get_subject_name(signer)) != 1)
        return Cert(nullptr, &X509_free);

    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, signer, cert.get(), nullptr, nullptr, 0);
    bool ok = addExtension(cert.get(), &ctx, NID_subject_key_identifier, "hash");
    if (!issuer) {
        ok = ok && addExtension(cert.get(), &ctx, NID_basic_constraints, "critical,CA:TRUE,pathlen:0") &&
             addExtension(cert.get(), &ctx, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        QStringList alt;
        for (const QString& h : hosts)
            alt.append(QHostAddress(h).isNull() ? QStringLiteral("DNS:") + h : QStringLiteral("IP:") + h);
        ok = ok && addExtension(cert.get(), &ctx, NID_authority_key_identifier, "keyid:always") &&
             addExtension(cert.get(), &ctx, NID_basic_constraints, "critical,CA:FALSE") &&
             addExtension(cert.get(), &ctx, NID_key_usage, "critical,digitalSignature") &&
             addExtension(cert.get(), &ctx, NID_ext_key_usage, "serverAuth") &&
             addExtension(cert.get(), &ctx, NID_subject_alt_name, alt.join(u',').toLatin1());
    }
    if (!ok || X509_sign(cert.get(), issuer ? issuerKey : key, EVP_sha256()) <= 0)
        return Cert(nullptr, &X509_free);
    return cert;
}

Status writeFile(const QString& path, const QByteArray& bytes, bool secret)
{
    QFile f(path);
    const QFileDevice::Permissions perms =
        secret ? (QFileDevice::ReadOwner | QFileDevice::WriteOwner)
               : (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    (void)QFile::remove(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, perms) || f.write(bytes) != bytes.size() || !f.flush())
        return caError(QStringLiteral("cannot write %1").arg(path));
    return {};
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList serverHosts(const QString& listenHost)
{
    QStringList hosts{QStringLiteral("127.0.0.1"), QStringLiteral("::1"), QStringLiteral("localhost")};
    const QHostAddress a(listenHost);
    if (!listenHost.isEmpty() && a != QHostAddress::Any && a != QHostAddress::AnyIPv6 && a != QHostAddress::AnyIPv4 &&
        !hosts.contains(a.toString()))
        hosts.append(a.toString());
    return hosts;
}

bool coversHosts(const QSslCertificate& cert, const QStringList& hosts)
{
    const auto alt = cert.subjectAlternativeNames();
    for (const QString& h : hosts) {
        const QString normal = QHostAddress(h).isNull() ? h : QHostAddress(h).toString();
        bool found = false;
        for (auto it = alt.cbegin(); it != alt.cend() && !found; ++it) {
            const QString v = it.key() == QSsl::IpAddressEntry ? QHostAddress(it.value()).toString() : it.value();
            found = v == normal;
        }
        if (!found)
            return false;
    }
    return true;
}

constexpr qint64 kDay = 24 * 3600;

} // namespace

Result<CertificateAuthority> CertificateAuthority::ensure(const QString& dataDir, const QString& listenHost)
{
    CertificateAuthority ca;
    ca.m_caPath = dataDir + QStringLiteral("/ca.pem");
    const QString caKeyPath = dataDir + QStringLiteral("/ca.key");
    const QString serverPath = dataDir + QStringLiteral("/server.pem");
    const QString serverKeyPath = dataDir + QStringLiteral("/server.key");

    ca.m_caPem = readFile(ca.m_caPath);
    ca.m_caKeyPem = readFile(caKeyPath);
    if (ca.m_caPem.isEmpty() || ca.m_caKeyPem.isEmpty()) {
        PKey key = newKey();
        if (!key)
            return caError(QStringLiteral("key generation failed"));
        Cert cert = makeCertificate(key.get(), QStringLiteral("Admissions Sandbox Hub CA"), nullptr, nullptr, {}, -3600,
                                    3650 * kDay);
        if (!cert)
            return caError(QStringLiteral("making the CA certificate failed"));
        ca.m_caPem = certPem(cert.get());
        ca.m_caKeyPem = keyPem(key.get());
        if (Status s = writeFile(caKeyPath, ca.m_caKeyPem, true); !s)
            return s.error();
        if (Status s = writeFile(ca.m_caPath, ca.m_caPem, false); !s)
            return s.error();
        (void)QFile::remove(serverPath); // a new CA: any old server certificate is worthless
        qCInfo(lcHub).noquote() << "made a new certificate authority:" << ca.m_caPath;
    }

    const QStringList hosts = serverHosts(listenHost);
    ca.m_serverPem = readFile(serverPath);
    ca.m_serverKeyPem = readFile(serverKeyPath);
    const QSslCertificate current(ca.m_serverPem, QSsl::Pem);
    const bool usable = !current.isNull() && !ca.m_serverKeyPem.isEmpty() && coversHosts(current, hosts) &&
                        current.expiryDate() > QDateTime::currentDateTimeUtc().addDays(30);
    if (!usable) {
        auto issued = ca.issueServerCertificate(hosts, -3600, 397 * kDay);
        if (!issued)
            return issued.error();
        ca.m_serverPem = issued->certificatePem;
        ca.m_serverKeyPem = issued->privateKeyPem;
        if (Status s = writeFile(serverKeyPath, ca.m_serverKeyPem, true); !s)
            return s.error();
        if (Status s = writeFile(serverPath, ca.m_serverPem, false); !s)
            return s.error();
        qCInfo(lcHub).noquote() << "issued a server certificate for" << hosts.join(QStringLiteral(", "));
    }
    return ca;
}

Result<CertificateAuthority::Issued> CertificateAuthority::issueServerCertificate(const QStringList& hosts,
                                                                                  qint64 notBeforeOffsetSeconds,
                                                                                  qint64 notAfterOffsetSeconds) const
{
    PKey caKey = readKey(m_caKeyPem);
    Cert caCert = readCert(m_caPem);
    if (!caKey || !caCert)
        return caError(QStringLiteral("the CA files are damaged; move ca.pem and ca.key away to make a new CA"));
    PKey key = newKey();
    if (!key)
        return caError(QStringLiteral("key generation failed"));
    Cert cert = makeCertificate(key.get(), hosts.value(0, QStringLiteral("localhost")), caCert.get(), caKey.get(),
                                hosts, notBeforeOffsetSeconds, notAfterOffsetSeconds);
    if (!cert)
        return caError(QStringLiteral("making the server certificate failed"));
    return Issued{certPem(cert.get()), keyPem(key.get())};
}

QSslConfiguration CertificateAuthority::serverConfiguration() const
{
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificateChain({QSslCertificate(m_serverPem, QSsl::Pem), QSslCertificate(m_caPem, QSsl::Pem)});
    conf.setPrivateKey(QSslKey(m_serverKeyPem, QSsl::Ec, QSsl::Pem));
    conf.setProtocol(QSsl::TlsV1_2OrLater);
    conf.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates: accounts sign in with tokens
    return conf;
}

} // namespace adm::hub
