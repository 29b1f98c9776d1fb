#include "FuzzTargets.h"

// libFuzzer's entry point for the change target; the checks live in FuzzChange.cpp.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    return adm::fuzz::fuzzChange(data, size);
}
