#include "FuzzTargets.h"

#include <cstdio>
#include <cstdlib>

namespace adm::fuzz {

void fail(const char* target, const char* rule)
{
    std::fprintf(stderr, "fuzz target %s: %s\n", target, rule);
    std::fflush(stderr);
    std::abort();
}

} // namespace adm::fuzz
