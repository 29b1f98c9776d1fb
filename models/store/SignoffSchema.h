#pragma once

#include "domain/Result.h"

namespace adm::store {

class Connection;

// The principal's sign-off (migration 11, issue 14; docs/signoff.md), in the encrypted cache only:
// - signing_keys: each local user's signing keys, the private key wrapped with that user's own
//   passphrase (crypto::wrapWithPassphrase), the public key registered upstream through the outbox;
// - batches: a principal's batches of decisions, from draft to signed (the exact signed bytes and the
//   signature kept, so that they can be exported and checked with openssl) and the platform's answer;
// - batch_items: the decisions of a batch, what the principal must have seen (overrides) and the items
//   taken out and returned to their officer;
// - relations: the ID numbers of relatives each local user declared; never sent upstream.
class SignoffSchema {
public:
    static Status install(Connection& c);
    // Migration 12: queue_rows.returned, the overlay bin "Returned by the principal" (QueueRules): 1
    // while a batch item of the application's cached version was taken out and returned to its officer.
    static Status addQueueReturned(Connection& c);
};

} // namespace adm::store
