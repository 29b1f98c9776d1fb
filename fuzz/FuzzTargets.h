#pragma once

#include <cstddef>
#include <cstdint>

// The fuzz entry points: one per parser, each taking any bytes. They return 0, and abort() (after
// a line on stderr) when a parser breaks its contract, so that libFuzzer records the input. The
// same functions replay the corpus in the normal test suite (tests/fuzz/tst_fuzzcorpus.cpp), built
// with the normal compiler. See docs/fuzzing.md.
namespace adm::fuzz {

// EvidenceJson's fast reader (over JsonBytes) against QJsonDocument and the slow path.
int fuzzJsonBytes(const uint8_t* data, size_t size);
// AddressNormalizer and ZoneMatcher over a fixed set of zones.
int fuzzAddress(const uint8_t* data, size_t size);
// IdNumber (GB 11643) against an independent reading of the standard.
int fuzzIdNumber(const uint8_t* data, size_t size);
// The change decoder: a bundle line or a change-feed page.
int fuzzChange(const uint8_t* data, size_t size);

// Stops the process with a message naming the target and the broken rule (never the input).
[[noreturn]] void fail(const char* target, const char* rule);

} // namespace adm::fuzz
