#include "Random.h"

namespace adm::citygen {

namespace {
inline quint64 rotl(quint64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}
} // namespace

quint64 mix64(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

Random::Random(quint64 seed)
{
    quint64 x = seed;
    for (quint64& s : m_s) {
        x += 0x9E3779B97F4A7C15ULL;
        s = mix64(x);
    }
}

Random::Random(quint64 seed, quint64 stream)
    : Random(mix64(seed) ^ mix64(stream * 0xD1B54A32D192ED03ULL + 1))
{}

quint64 Random::next()
{
    const quint64 result = rotl(m_s[1] * 5, 7) * 9;
    const quint64 t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

quint32 Random::below(quint32 n)
{
    // Lemire's multiply-and-shift with rejection: unbiased and the same on every platform.
    quint64 m = quint64(quint32(next() >> 32)) * n;
    quint32 low = quint32(m);
    if (low < n) {
        const quint32 threshold = quint32(-n) % n;
        while (low < threshold) {
            m = quint64(quint32(next() >> 32)) * n;
            low = quint32(m);
        }
    }
    return quint32(m >> 32);
}

int Random::range(int lo, int hi)
{
    return lo + int(below(quint32(hi - lo) + 1));
}

bool Random::chance(double p)
{
    // 53 random bits as a double in [0, 1): exact, so the comparison is the same everywhere.
    return double(next() >> 11) * 0x1.0p-53 < p;
}

int Random::weighted(std::span<const int> weights)
{
    qint64 total = 0;
    for (int w : weights)
        total += w;
    quint32 r = below(quint32(total));
    for (int i = 0; i < int(weights.size()); ++i) {
        if (r < quint32(weights[i]))
            return i;
        r -= quint32(weights[i]);
    }
    return int(weights.size()) - 1;
}

} // namespace adm::citygen
