#include "FuzzTargets.h"

// libFuzzer's entry point for the idnumber target; the checks live in FuzzIdNumber.cpp.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    return adm::fuzz::fuzzIdNumber(data, size);
}
