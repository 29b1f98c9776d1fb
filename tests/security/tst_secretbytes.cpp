// SecretBytes: one owner, never copied, wiped before its storage goes back; the secure heap.
#include "security/SecretBytes.h"
#include "security/SecureHeap.h"
#include "store/Sql.h"

#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <type_traits>
#include <vector>

using adm::security::SecretBytes;

// Never implicitly shared: a copy could outlive the wipe of the original.
static_assert(!std::is_copy_constructible_v<SecretBytes>);
static_assert(!std::is_copy_assignable_v<SecretBytes>);
static_assert(std::is_nothrow_move_constructible_v<SecretBytes>);
static_assert(std::is_nothrow_move_assignable_v<SecretBytes>);

namespace {

// What each buffer held at the moment it was given back, recorded by the release hook.
struct Released {
    const unsigned char* address = nullptr;
    QByteArray bytes;
};

class ReleaseRecorder {
public:
    ReleaseRecorder()
    {
        SecretBytes::setReleaseHook([this](const unsigned char* data, std::size_t size) {
            m_released.push_back({data, QByteArray(reinterpret_cast<const char*>(data), qsizetype(size))});
        });
    }
    ~ReleaseRecorder() { SecretBytes::setReleaseHook({}); }
    const Released* find(const void* address) const
    {
        for (const Released& r : m_released)
            if (r.address == address)
                return &r;
        return nullptr;
    }

private:
    std::vector<Released> m_released;
};

bool allZero(const QByteArray& bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c == 0; });
}

} // namespace

class TestSecretBytes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void destructorWipesTheBuffer();
    void resizeWipesTheOldBuffer();
    void moveLeavesTheSourceEmpty();
    void takesAQStringAndWipesItsBuffer();
    void sharedOrStaticBuffersAreNotWipedThroughACopy();
    void hexAndComparison();
    void storageComesFromTheSecureHeap();
    void rawKeyOpensSqlCipher();
};

void TestSecretBytes::initTestCase()
{
    const auto state = adm::security::initSecureHeap();
    QVERIFY(state != adm::security::SecureHeapState::NotInitialised);
    qInfo("secure heap: %s", state == adm::security::SecureHeapState::Locked     ? "locked"
                             : state == adm::security::SecureHeapState::Unlocked ? "not locked (mlock refused)"
                                                                                 : "failed");
}

void TestSecretBytes::destructorWipesTheBuffer()
{
    ReleaseRecorder recorder;
    const QByteArray pattern(32, '\x5a');
    const void* address = nullptr;
    {
        SecretBytes secret(QByteArrayView{pattern});
        address = secret.constData();
        QVERIFY(secret.equals(pattern)); // it did hold the secret
    }
    const Released* r = recorder.find(address);
    QVERIFY2(r, "the buffer was not given back through SecretBytes");
    QCOMPARE(r->bytes.size(), 32);
    QVERIFY2(allZero(r->bytes), r->bytes.toHex().constData());
}

void TestSecretBytes::resizeWipesTheOldBuffer()
{
    ReleaseRecorder recorder;
    SecretBytes secret(QByteArrayView("correct horse battery"));
    const void* before = secret.constData();
    secret.append(QByteArrayView(" staple"));
    QCOMPARE(QByteArray(secret.constData(), secret.size()), QByteArray("correct horse battery staple"));
    const Released* r = recorder.find(before);
    QVERIFY2(r, "the old storage was not given back");
    QCOMPARE(r->bytes.size(), 21);
    QVERIFY(allZero(r->bytes));
    secret.resize(7);
    QCOMPARE(QByteArray(secret.constData(), secret.size()), QByteArray("correct"));
}

void TestSecretBytes::moveLeavesTheSourceEmpty()
{
    SecretBytes a(QByteArrayView("passphrase one"));
    const char* storage = a.constData();
    SecretBytes b(std::move(a));
    QVERIFY(a.isEmpty()); // NOLINT(bugprone-use-after-move): that is the point
    QCOMPARE(a.constData(), nullptr);
    QCOMPARE(b.constData(), storage); // moved, not copied: no second copy exists
    SecretBytes c(QByteArrayView("other"));
    c = std::move(b);
    QVERIFY(b.isEmpty()); // NOLINT(bugprone-use-after-move)
    QVERIFY(c.equals(QByteArrayView("passphrase one")));
}

void TestSecretBytes::takesAQStringAndWipesItsBuffer()
{
    QString typed = QString::fromUtf8("密码 passphrase");
    SecretBytes secret(std::move(typed));
    QVERIFY(typed.isEmpty()); // NOLINT(bugprone-use-after-move)
    QVERIFY(secret.equals(QByteArrayView("密码 passphrase")));
    QCOMPARE(secret.utf8Length(), 13);

    // The in-place overwrite itself, on a buffer this QString owns alone: same storage, all zeros.
    QString owned = QString::fromUtf8("hub password 1");
    owned.reserve(64);
    const QChar* storage = owned.constData();
    QVERIFY(adm::security::overwriteIfOwned(owned));
    QCOMPARE(owned.constData(), storage);
    QVERIFY(std::all_of(owned.cbegin(), owned.cend(), [](QChar c) { return c.unicode() == 0; }));

    QByteArray bytes("a key line\n");
    bytes.detach();
    const char* raw = bytes.constData();
    QVERIFY(adm::security::overwriteIfOwned(bytes));
    QCOMPARE(bytes.constData(), raw);
    QVERIFY(allZero(bytes));
}

void TestSecretBytes::sharedOrStaticBuffersAreNotWipedThroughACopy()
{
    // A QString shared with another holder (a widget's text): wiping through data() would detach and
    // wipe a fresh copy. It is refused, and the other holder is left as it was.
    QString original = QString::fromUtf8("shared passphrase");
    QString holder = original;
    QVERIFY(!adm::security::overwriteIfOwned(original));
    QCOMPARE(holder, QStringLiteral("shared passphrase"));
    QVERIFY(original.isSharedWith(holder));

    QString literal = QStringLiteral("static data");
    QVERIFY(!adm::security::overwriteIfOwned(literal));
    SecretBytes fromLiteral(std::move(literal));
    QVERIFY(fromLiteral.equals(QByteArrayView("static data")));

    // Once the other holder lets go, the buffer is ours and is wiped.
    holder.clear();
    QVERIFY(adm::security::overwriteIfOwned(original));
}

void TestSecretBytes::hexAndComparison()
{
    const QByteArray key = QByteArray::fromHex("00ff10a5c3e7");
    SecretBytes secret(QByteArrayView{key});
    const SecretBytes hex = secret.toHex();
    QCOMPARE(QByteArray(hex.constData(), hex.size()), key.toHex());
    QVERIFY(secret.equals(secret.clone()));
    QVERIFY(!secret.equals(QByteArrayView("00ff10a5c3e7")));
    QVERIFY(!SecretBytes(QByteArrayView("abc")).equals(QByteArrayView("abd")));
    QCOMPARE(SecretBytes::random(32).size(), 32);
}

void TestSecretBytes::storageComesFromTheSecureHeap()
{
    const auto state = adm::security::secureHeapState();
    SecretBytes secret = SecretBytes::random(32);
    if (state == adm::security::SecureHeapState::Failed) {
        QVERIFY(!secret.isSecureStorage()); // the ordinary heap, still wiped
        QSKIP("the secure heap could not be made here");
    }
    QVERIFY(secret.isSecureStorage());
    // A full secure heap falls back to the ordinary one instead of failing.
    std::vector<SecretBytes> many;
    for (int i = 0; i < 100; ++i)
        many.push_back(SecretBytes(2048));
    QVERIFY(std::any_of(many.begin(), many.end(), [](const SecretBytes& s) { return !s.isSecureStorage(); }));
    QVERIFY(std::all_of(many.begin(), many.end(), [](const SecretBytes& s) { return s.size() == 2048; }));
}

void TestSecretBytes::rawKeyOpensSqlCipher()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("k.db"));
    const SecretBytes key = SecretBytes::random(32);
    {
        auto c = adm::store::Connection::open(path, adm::store::Connection::Mode::ReadWriteCreate);
        QVERIFY(c);
        QVERIFY((*c)->setRawKey(key).ok());
        QVERIFY((*c)->exec(QStringLiteral("CREATE TABLE t (x)")).ok());
    }
    auto again = adm::store::Connection::open(path, adm::store::Connection::Mode::ReadWrite);
    QVERIFY((*again)->setRawKey(key).ok());
    QVERIFY((*again)->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master")).ok());
    auto wrong = adm::store::Connection::open(path, adm::store::Connection::Mode::ReadWrite);
    QVERIFY((*wrong)->setRawKey(SecretBytes::random(32)).ok());
    QVERIFY(!(*wrong)->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master")).ok());
    QCOMPARE((*wrong)->setRawKey(SecretBytes(16)).error().code, QStringLiteral("bad_key"));
}

QTEST_GUILESS_MAIN(TestSecretBytes)
#include "tst_secretbytes.moc"
