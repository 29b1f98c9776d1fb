#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <cstddef>
#include <functional>

namespace adm::security {

// The one owner of a secret in memory: a passphrase, a data key, a hub password or session token,
// the hex form of a key. Unlike QByteArray and QString it is never implicitly shared (copying is
// deleted; clone() is explicit), so wiping it wipes the only copy. Its bytes live in OpenSSL's
// secure heap (locked in memory, guarded, not in core dumps) when initSecureHeap() succeeded, else
// in OpenSSL's ordinary heap; they are overwritten with OPENSSL_cleanse when the object goes,
// before a resize gives its old storage back, and when it is moved from. See docs/security.md,
// "Secrets in memory", for what lies outside its reach (Qt's widget and network buffers).
class SecretBytes {
public:
    SecretBytes() noexcept = default;
    // `size` zero bytes.
    explicit SecretBytes(qsizetype size);
    SecretBytes(const char* data, qsizetype size);
    // Takes the UTF-8 of `text` and wipes `text`'s buffer (its whole capacity) when `text` holds it
    // alone; a buffer still shared with another QString (a widget's) cannot be wiped from here:
    // let the other holder go first (see takeText in ui/). Static data (literals) is left alone.
    SecretBytes(QString&& text);
    SecretBytes(QByteArray&& bytes);
    // Copies a value the caller keeps (a test's constant, a file's line it wipes itself).
    SecretBytes(const QString& text);
    SecretBytes(const QByteArray& bytes);
    explicit SecretBytes(QByteArrayView bytes);

    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;
    // The source is wiped and left empty.
    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    ~SecretBytes();

    // `size` bytes from OpenSSL's random generator.
    static SecretBytes random(qsizetype size);
    // An explicit copy, in storage of its own.
    SecretBytes clone() const;

    const char* constData() const { return m_data; }
    const char* data() const { return m_data; }
    char* data() { return m_data; }
    const unsigned char* bytes() const { return reinterpret_cast<const unsigned char*>(m_data); }
    unsigned char* bytes() { return reinterpret_cast<unsigned char*>(m_data); }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    QByteArrayView view() const { return QByteArrayView(m_data, m_size); }

    // New storage of `size` bytes holding the old ones (zero-padded); the old storage is wiped.
    void resize(qsizetype size);
    void append(QByteArrayView bytes);
    void append(char c) { append(QByteArrayView(&c, 1)); }
    // Wipes and frees.
    void clear();

    // Lower-case hex of the bytes, built in secure storage (never through QByteArray::toHex).
    SecretBytes toHex() const;
    // Constant-time comparison.
    bool equals(const SecretBytes& other) const;
    bool equals(QByteArrayView other) const;
    bool equals(const QByteArray& other) const { return equals(QByteArrayView(other)); }
    // Unicode code points when the bytes are UTF-8 (passphrase rules count characters).
    qsizetype utf8Length() const;
    // Whether the storage came from the secure heap (false when it is not initialised or full).
    bool isSecureStorage() const;

    // Tests: called with each buffer just before it is given back, after it was wiped, so that a test
    // can read what the buffer holds at that moment. Not for production use.
    using ReleaseHook = std::function<void(const unsigned char* data, std::size_t size)>;
    static void setReleaseHook(ReleaseHook hook);

private:
    void release();

    char* m_data = nullptr;
    qsizetype m_size = 0;
};

// Overwrites a QByteArray / QString buffer in place, over its whole allocation, when the object is
// its only owner; then clears it. Returns false (and only clears) when the buffer is shared or static
// data: a wipe through data() would then detach and overwrite a fresh copy, leaving the original.
bool wipeOwned(QByteArray& bytes);
bool wipeOwned(QString& text);
// The same overwrite without the clear (the bytes stay, as zeros), for callers and tests that look.
bool overwriteIfOwned(QByteArray& bytes);
bool overwriteIfOwned(QString& text);

} // namespace adm::security
