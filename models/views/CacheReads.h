#pragma once

#include "ApplicationDetail.h"
#include "CacheView.h"
#include "SessionStatus.h"
#include "domain/Result.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

// The reads the widgets run on a ReaderThread: each takes the CacheView the thread hands its job
// and returns a value, so that no widget holds a connection or writes SQL. A widget needing another
// read adds a function here (or beside the item model it belongs to), not a query of its own:
//
//     m_reads->run<Answer>([](const views::CacheView* cache) {
//         if (!cache) return Answer{...};
//         return Answer{views::readCacheCounts(*cache)};
//     }, this, [this](Answer a) { ... });
namespace adm::views {

// What the cache holds: counts per entity, data set, status, channel and grade (no personal data).
Result<QJsonObject> readCacheCounts(const CacheView& cache);
// The schools the queue can be filtered by: id and name, by name.
Result<QList<QPair<QString, QString>>> readSchools(const CacheView& cache);
// An application with its records, its check and what waits in the outbox.
Result<ApplicationDetail> readApplicationDetail(const CacheView& cache, const QString& applicationId);
// The status bar's counts and sync state.
Result<SessionStatus> readSessionStatus(const CacheView& cache);

} // namespace adm::views
