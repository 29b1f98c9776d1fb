#include "TestPki.h"

#include <atomic>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace testpki {

namespace {

struct Free {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
    void operator()(X509* p) const { X509_free(p); }
    void operator()(BIO* p) const { BIO_free(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Free>;
using Cert = std::unique_ptr<X509, Free>;
using Bio = std::unique_ptr<BIO, Free>;

std::atomic<long> g_serial{1000};

Key newKey()
{
    return Key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
}

QByteArray bioBytes(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(size));
}

QByteArray keyPem(EVP_PKEY* key)
{
    Bio bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    return bioBytes(bio.get());
}

QByteArray certPem(X509* cert)
{
    Bio bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), cert);
    return bioBytes(bio.get());
}

Key readKey(const QByteArray& pem)
{
    Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return Key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

Cert readCert(const QByteArray& pem)
{
    Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return Cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

void addExtension(X509* cert, X509* issuer, int nid, const QByteArray& value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData());
    if (ext) {
        X509_add_ext(cert, ext, -1);
        X509_EXTENSION_free(ext);
    }
}

// A certificate for `key`, issued by `issuer` (itself when null) and signed with `issuerKey`.
Cert build(EVP_PKEY* key, const QString& commonName, X509* issuer, EVP_PKEY* issuerKey, Validity validity, bool isCa,
           const QStringList& dnsNames, const QStringList& ips)
{
    Cert cert(X509_new());
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), ++g_serial);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), long(validity.fromDays) * 86400);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(validity.toDays) * 86400);
    X509_set_pubkey(cert.get(), key);
    X509_NAME* name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("Sync tests"), -1, -1,
                               0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.constData()), -1,
                               -1, 0);
    X509* issuerCert = issuer ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(issuerCert));
    addExtension(cert.get(), issuerCert, NID_basic_constraints, isCa ? "critical,CA:TRUE" : "critical,CA:FALSE");
    addExtension(cert.get(), issuerCert, NID_key_usage,
                 isCa ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature,keyEncipherment");
    if (!isCa)
        addExtension(cert.get(), issuerCert, NID_ext_key_usage, "serverAuth");
    addExtension(cert.get(), issuerCert, NID_subject_key_identifier, "hash");
    if (issuer)
        addExtension(cert.get(), issuerCert, NID_authority_key_identifier, "keyid:always");
    QStringList alt;
    for (const QString& d : dnsNames)
        alt += QStringLiteral("DNS:") + d;
    for (const QString& ip : ips)
        alt += QStringLiteral("IP:") + ip;
    if (!alt.isEmpty())
        addExtension(cert.get(), issuerCert, NID_subject_alt_name, alt.join(u',').toUtf8());
    X509_sign(cert.get(), issuerKey, EVP_sha256());
    return cert;
}

} // namespace

Identity makeCa(const QString& commonName, Validity validity)
{
    Key key = newKey();
    Cert cert = build(key.get(), commonName, nullptr, key.get(), validity, true, {}, {});
    return {certPem(cert.get()), keyPem(key.get())};
}

Identity makeServer(const Identity& ca, const QStringList& dnsNames, const QStringList& ipAddresses, Validity validity)
{
    Key caKey = readKey(ca.keyPem);
    Cert caCert = readCert(ca.certPem);
    if (!caKey || !caCert)
        return {};
    Key key = newKey();
    const QString cn = dnsNames.isEmpty() ? ipAddresses.value(0) : dnsNames.first();
    Cert cert = build(key.get(), cn, caCert.get(), caKey.get(), validity, false, dnsNames, ipAddresses);
    return {certPem(cert.get()), keyPem(key.get())};
}

Identity makeSelfSigned(const QStringList& dnsNames, const QStringList& ipAddresses)
{
    Key key = newKey();
    const QString cn = dnsNames.isEmpty() ? ipAddresses.value(0) : dnsNames.first();
    Cert cert = build(key.get(), cn, nullptr, key.get(), {-1, 90}, false, dnsNames, ipAddresses);
    return {certPem(cert.get()), keyPem(key.get())};
}

} // namespace testpki
