#include "CacheReads.h"

#include "QueueReader.h"
#include "store/CacheStats.h"
#include "store/Sql.h"

namespace adm::views {

Result<QJsonObject> readCacheCounts(const CacheView& cache)
{
    return store::collectCacheStats(cache.connection());
}

Result<QList<QPair<QString, QString>>> readSchools(const CacheView& cache)
{
    return QueueReader(cache.connection()).schools();
}

Result<ApplicationDetail> readApplicationDetail(const CacheView& cache, const QString& applicationId)
{
    return loadApplicationDetail(cache.connection(), applicationId);
}

Result<SessionStatus> readSessionStatus(const CacheView& cache)
{
    return SessionStatus::read(cache.connection());
}

} // namespace adm::views
