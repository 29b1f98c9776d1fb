#include "FuzzTargets.h"

// libFuzzer's entry point for the jsonbytes target; the checks live in FuzzJsonBytes.cpp.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    return adm::fuzz::fuzzJsonBytes(data, size);
}
