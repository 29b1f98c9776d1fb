#include "SecretBytes.h"

#include <QtGlobal>
#include <cstring>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/rand.h>

namespace adm::security {

namespace {

SecretBytes::ReleaseHook& releaseHook()
{
    static SecretBytes::ReleaseHook hook;
    return hook;
}

// From the secure heap when it is there and has room, else from OpenSSL's ordinary heap; zeroed.
char* allocate(qsizetype size)
{
    if (size <= 0)
        return nullptr;
    // A full secure heap leaves an error on OpenSSL's queue; it is no error here.
    ERR_set_mark();
    void* p = OPENSSL_secure_zalloc(size_t(size));
    if (!p)
        p = OPENSSL_zalloc(size_t(size));
    ERR_pop_to_mark();
    if (!p)
        qFatal("out of memory for a secret of %lld bytes", static_cast<long long>(size));
    return static_cast<char*>(p);
}

void deallocate(char* p, qsizetype size)
{
    if (!p)
        return;
    OPENSSL_cleanse(p, size_t(size));
    if (const auto& hook = releaseHook())
        hook(reinterpret_cast<const unsigned char*>(p), size_t(size));
    if (CRYPTO_secure_allocated(p))
        OPENSSL_secure_free(p);
    else
        OPENSSL_free(p);
}

template <typename T> bool overwriteIfOwned(QArrayDataPointer<T>& d)
{
    if (d.isShared() || !d.data()) // shared, or static data (a literal): wiping would detach a copy
        return false;
    T* begin = d.data() - d.freeSpaceAtBegin();
    const qsizetype count = d.freeSpaceAtBegin() + d.size + d.freeSpaceAtEnd();
    OPENSSL_cleanse(begin, size_t(count) * sizeof(T));
    return true;
}

} // namespace

bool wipeOwned(QByteArray& bytes)
{
    const bool wiped = overwriteIfOwned(bytes.data_ptr());
    bytes.clear();
    return wiped;
}

bool wipeOwned(QString& text)
{
    const bool wiped = overwriteIfOwned(text.data_ptr());
    text.clear();
    return wiped;
}

bool overwriteIfOwned(QByteArray& bytes)
{
    return overwriteIfOwned(bytes.data_ptr());
}

bool overwriteIfOwned(QString& text)
{
    return overwriteIfOwned(text.data_ptr());
}

SecretBytes::SecretBytes(qsizetype size)
    : m_data(allocate(size))
    , m_size(size > 0 ? size : 0)
{}

SecretBytes::SecretBytes(const char* data, qsizetype size)
    : SecretBytes(size)
{
    if (size > 0)
        std::memcpy(m_data, data, size_t(size));
}

SecretBytes::SecretBytes(QByteArrayView bytes)
    : SecretBytes(bytes.data(), bytes.size())
{}

SecretBytes::SecretBytes(QString&& text)
{
    QByteArray utf8 = text.toUtf8();
    *this = SecretBytes(QByteArrayView(utf8));
    wipeOwned(utf8);
    wipeOwned(text);
}

SecretBytes::SecretBytes(const QString& text)
{
    QByteArray utf8 = text.toUtf8();
    *this = SecretBytes(QByteArrayView(utf8));
    wipeOwned(utf8);
}

SecretBytes::SecretBytes(QByteArray&& bytes)
    : SecretBytes(QByteArrayView(bytes))
{
    wipeOwned(bytes);
}

SecretBytes::SecretBytes(const QByteArray& bytes)
    : SecretBytes(QByteArrayView(bytes))
{}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : m_data(other.m_data)
    , m_size(other.m_size)
{
    // The storage moves with the object: nothing is left behind to wipe, the source owns nothing.
    other.m_data = nullptr;
    other.m_size = 0;
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept
{
    if (this != &other) {
        release();
        m_data = other.m_data;
        m_size = other.m_size;
        other.m_data = nullptr;
        other.m_size = 0;
    }
    return *this;
}

SecretBytes::~SecretBytes()
{
    release();
}

void SecretBytes::release()
{
    deallocate(m_data, m_size);
    m_data = nullptr;
    m_size = 0;
}

void SecretBytes::clear()
{
    release();
}

SecretBytes SecretBytes::random(qsizetype size)
{
    SecretBytes out(size);
    if (size > 0 && RAND_bytes(out.bytes(), int(size)) != 1)
        qFatal("OpenSSL RAND_bytes failed; refusing to continue without randomness");
    return out;
}

SecretBytes SecretBytes::clone() const
{
    return SecretBytes(m_data, m_size);
}

void SecretBytes::resize(qsizetype size)
{
    if (size == m_size)
        return;
    SecretBytes bigger(size);
    if (m_size > 0 && size > 0)
        std::memcpy(bigger.m_data, m_data, size_t(std::min(size, m_size)));
    *this = std::move(bigger); // the old storage is wiped as it goes
}

void SecretBytes::append(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    const qsizetype at = m_size;
    resize(m_size + bytes.size());
    std::memcpy(m_data + at, bytes.data(), size_t(bytes.size()));
}

SecretBytes SecretBytes::toHex() const
{
    static const char digits[] = "0123456789abcdef";
    SecretBytes out(m_size * 2);
    for (qsizetype i = 0; i < m_size; ++i) {
        const auto b = static_cast<unsigned char>(m_data[i]);
        out.m_data[2 * i] = digits[b >> 4];
        out.m_data[2 * i + 1] = digits[b & 0x0f];
    }
    return out;
}

bool SecretBytes::equals(QByteArrayView other) const
{
    if (other.size() != m_size)
        return false;
    return m_size == 0 || CRYPTO_memcmp(m_data, other.data(), size_t(m_size)) == 0;
}

bool SecretBytes::equals(const SecretBytes& other) const
{
    return equals(other.view());
}

qsizetype SecretBytes::utf8Length() const
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < m_size; ++i)
        n += (static_cast<unsigned char>(m_data[i]) & 0xC0) != 0x80;
    return n;
}

bool SecretBytes::isSecureStorage() const
{
    return m_data && CRYPTO_secure_allocated(m_data);
}

void SecretBytes::setReleaseHook(ReleaseHook hook)
{
    releaseHook() = std::move(hook);
}

} // namespace adm::security
