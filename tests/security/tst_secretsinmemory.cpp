// After a cache is set up, unlocked and closed, neither the passphrase nor the data key (raw, or as
// the hex of SQLCipher's x'…' literal) is left anywhere in this process's memory: the whole address
// space is read back through /proc/self/mem. While the cache is open, the same scan does find the
// key (in its SecretBytes), so a scan that finds nothing means something.
#include "security/SecretBytes.h"
#include "security/SecureHeap.h"
#include "store/Workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <fcntl.h>
#include <optional>
#include <unistd.h>
#include <vector>

using adm::security::SecretBytes;

namespace {

constexpr unsigned char kMask = 0xA5;

// A needle kept masked, so that the scan never meets a plain copy of it made by the test itself.
struct Needle {
    QByteArray masked;
    explicit Needle(QByteArrayView plain)
    {
        masked.resize(plain.size());
        for (qsizetype i = 0; i < plain.size(); ++i)
            masked[i] = char(static_cast<unsigned char>(plain[i]) ^ kMask);
    }
};

// Reads every readable mapping of this process (as listed when it was made) through /proc/self/mem.
// Everything it needs is allocated up front, so that a scan allocates nothing and cannot overwrite
// freed memory it is about to look at.
class MemoryScanner {
public:
    MemoryScanner()
        : m_chunk(1 << 20)
    {
        QFile maps(QStringLiteral("/proc/self/maps"));
        if (!maps.open(QIODevice::ReadOnly))
            return;
        for (const QByteArray& line : maps.readAll().split('\n')) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() < 2 || !fields[1].startsWith('r') || line.contains("[vvar]") ||
                line.contains("[vsyscall]"))
                continue;
            const QList<QByteArray> range = fields[0].split('-');
            m_ranges.push_back({range[0].toULongLong(nullptr, 16), range[1].toULongLong(nullptr, 16)});
        }
        m_fd = ::open("/proc/self/mem", O_RDONLY);
    }
    ~MemoryScanner()
    {
        std::fill(m_chunk.begin(), m_chunk.end(), 0);
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool isValid() const { return m_fd >= 0 && !m_ranges.empty(); }

    // Occurrences of `needle`, except inside [skip, skip + skipSize).
    int count(const Needle& needle, const void* skip = nullptr, qsizetype skipSize = 0)
    {
        const QByteArray& m = needle.masked;
        const auto first = static_cast<unsigned char>(static_cast<unsigned char>(m[0]) ^ kMask);
        int found = 0;
        for (const auto& [from, end] : m_ranges) {
            quint64 begin = from;
            // Chunks overlap by the needle's length, so that nothing is missed at their seams.
            while (begin < end) {
                const quint64 want = std::min<quint64>(m_chunk.size(), end - begin);
                const ssize_t got = ::pread(m_fd, m_chunk.data(), size_t(want), off_t(begin));
                if (got <= 0)
                    break;
                for (ssize_t i = 0; i + m.size() <= got; ++i) {
                    if (m_chunk[size_t(i)] != first)
                        continue;
                    qsizetype j = 1;
                    while (j < m.size() && m_chunk[size_t(i + j)] == (static_cast<unsigned char>(m[j]) ^ kMask))
                        ++j;
                    const auto at = begin + quint64(i);
                    const auto skipAt = quint64(reinterpret_cast<quintptr>(skip));
                    if (j == m.size() && !(skip && at >= skipAt && at < skipAt + quint64(skipSize)))
                        ++found;
                }
                if (quint64(got) < want || begin + quint64(got) >= end)
                    break;
                begin += quint64(got) - quint64(m.size());
            }
        }
        return found;
    }

private:
    std::vector<std::pair<quint64, quint64>> m_ranges;
    std::vector<unsigned char> m_chunk;
    int m_fd = -1;
};

} // namespace

class TestSecretsInMemory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { adm::security::initSecureHeap(); }
    void aCopyFreedWithoutAWipeIsFound();
    void nothingLingersAfterTheCacheIsClosed();
};

void TestSecretsInMemory::aCopyFreedWithoutAWipeIsFound()
{
    // The control: what this test calls a leak is visible to the scan. A QByteArray copy of a secret,
    // freed the ordinary way, stays readable in freed memory.
    SecretBytes probe = SecretBytes::random(48).toHex();
    const Needle tail(probe.view().sliced(64));
    MemoryScanner scanner;
    QVERIFY(scanner.isValid());
    {
        QByteArray leaked(probe.constData(), probe.size());
        QVERIFY(scanner.count(tail, probe.constData(), probe.size()) >= 1);
    } // freed, not wiped
    probe.clear();
    QVERIFY(scanner.count(tail) >= 1);
}

void TestSecretsInMemory::nothingLingersAfterTheCacheIsClosed()
{
    QTemporaryDir dir;
    // A passphrase made here in secure storage (no literal, no QString): 24 hex characters.
    SecretBytes passphrase = SecretBytes::random(12).toHex();
    // The tail of each secret: glibc reuses the first 16 bytes of a freed block for its lists, so a
    // leaked copy shows in its tail.
    const Needle passphraseTail(passphrase.view().sliced(8));
    {
        auto ws = adm::store::Workspace::initialise(dir.path(), QStringLiteral("admin"), QStringLiteral("principal"),
                                                    passphrase);
        QVERIFY(ws);
    }
    std::optional<Needle> keyTail;
    std::optional<Needle> keyHexTail;
    {
        auto ws = adm::store::Workspace::unlock(dir.path(), QStringLiteral("admin"), passphrase);
        QVERIFY(ws);
        passphrase.clear();
        auto exported = (*ws)->exportRecoveryKey(); // the key's hex, in secure storage
        QVERIFY(exported);
        SecretBytes raw(32);
        for (int i = 0; i < 32; ++i)
            raw.data()[i] = char(QByteArray::fromHex(QByteArray(exported->constData() + 2 * i, 2)).at(0));
        keyTail.emplace(raw.view().sliced(16));
        keyHexTail.emplace(exported->view().sliced(32));
        // The scanner works: the open cache's key is found, in the Workspace and the Database.
        MemoryScanner scanner;
        QVERIFY(scanner.isValid());
        const int live = scanner.count(*keyTail, raw.constData(), raw.size());
        QVERIFY2(live >= 1, qPrintable(QString::number(live)));
        QVERIFY((*ws)->database().writer().scalar(QStringLiteral("SELECT count(*) FROM meta")).ok());
    }
    // Closed: no copy left anywhere, not even in freed memory.
    MemoryScanner scanner;
    QVERIFY(scanner.isValid());
    QCOMPARE(scanner.count(passphraseTail), 0);
    QCOMPARE(scanner.count(*keyTail), 0);
    QCOMPARE(scanner.count(*keyHexTail), 0);
}

QTEST_GUILESS_MAIN(TestSecretsInMemory)
#include "tst_secretsinmemory.moc"
