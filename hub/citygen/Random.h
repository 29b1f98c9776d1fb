#pragma once

#include <QtGlobal>
#include <span>

namespace adm::citygen {

// xoshiro256** seeded through splitmix64, with integer-range helpers of our own: the standard
// distributions differ between library implementations, and the city must be byte-identical
// everywhere for a seed.
class Random {
public:
    explicit Random(quint64 seed);
    // A stream for one part of the city: the same (seed, stream) always gives the same numbers.
    Random(quint64 seed, quint64 stream);

    quint64 next();
    // Uniform in [0, n); n > 0.
    quint32 below(quint32 n);
    // Uniform in [lo, hi], both inclusive; lo <= hi.
    int range(int lo, int hi);
    // True with probability p (0..1).
    bool chance(double p);
    // Index drawn with the given non-negative integer weights (not all zero).
    int weighted(std::span<const int> weights);

    template <typename Container> const auto& pick(const Container& c) { return c[below(quint32(c.size()))]; }

private:
    quint64 m_s[4];
};

// splitmix64 step, also used to mix a seed with an index.
quint64 mix64(quint64 x);

} // namespace adm::citygen
