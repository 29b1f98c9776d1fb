#include "FuzzTargets.h"

// libFuzzer's entry point for the address target; the checks live in FuzzAddress.cpp.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    return adm::fuzz::fuzzAddress(data, size);
}
