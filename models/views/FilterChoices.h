#pragma once

#include "CacheView.h"
#include "domain/Result.h"

#include <QDate>
#include <QList>
#include <QPair>
#include <QString>

namespace adm::store {
class Connection;
}

namespace adm::views {

// What the queue's filters offer: the schools the account can see and the days the applications
// were submitted on (the date filter opens there, not at today).
struct FilterChoices {
    QList<QPair<QString, QString>> schools; // (id, name), by name
    QDate firstDay;                         // local dates; invalid when the cache holds none
    QDate lastDay;
};

// The schools come from the hub account of `localUser` (kept with its session): its school list,
// else (a supervisor) its district, or the whole city. Without a kept account (offline), the
// schools that have applications in the cache, which holds only what the account may see.
Result<FilterChoices> readFilterChoices(store::Connection& c, const QString& localUser);
Result<FilterChoices> readFilterChoices(const CacheView& cache, const QString& localUser);

} // namespace adm::views
