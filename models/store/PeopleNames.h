#pragma once

#include "domain/Result.h"

namespace adm::store {

class Connection;

// The names of the people on each application, for the queue's search by a guardian's name
// (views::QueueSql): application_people.name, an index of the guardians' names for a prefix, and
// their two-character pieces (people_name_grams, kept by triggers on application_people) for any
// part of a name, as queue_name_grams does for the child's.
namespace peoplenames {

// Migration 7 (numbered with the others at merge): the column, the table, the triggers, and the
// names of the applications already in the cache, read from their JSON. Runs again safely.
Status migrate(Connection& c);

} // namespace peoplenames

} // namespace adm::store
