#pragma once

#include "policy/EvidenceIndex.h"

namespace adm::store {

class Statement;

// The agency records a check reads from the cache, typed and indexed, each with the version it was
// read at (for the results' evidence digests).
struct CacheEvidence {
    policy::EvidenceIndex index;

    explicit CacheEvidence(const policy::ZoneMatcher& zones)
        : index(zones)
    {}

    // Reads (rowid, version, data) rows; `distinct` when each record comes once (otherwise one seen
    // before is skipped before its text is read). Parsing the JSON and matching addresses is the
    // costly part: each block is parsed on the thread pool, a slice per core, while this thread
    // reads the next one from the cache.
    void load(Statement& q, bool distinct);
};

} // namespace adm::store
