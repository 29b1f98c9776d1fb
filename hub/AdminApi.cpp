#include "AdminApi.h"

#include "ApiSupport.h"
#include "HubContext.h"
#include "HubStorage.h"
#include "Visibility.h"

namespace adm::hub {

HttpReply AdminApi::stats(const HttpRequest&, const Session& session)
{
    if (auto denied = api::requireRole(session, {QStringLiteral("supervisor")}))
        return *denied;
    store::Connection& c = m_context.storage.connection();
    const Visibility visibility(session.account);

    QJsonObject byStatus;
    for (const char* s : {"submitted", "under_review", "info_requested", "approved", "rejected", "withdrawn"})
        byStatus.insert(QLatin1String(s), 0);
    qint64 applications = 0;
    qint64 decisions = 0;
    const Visibility::Filter apps = visibility.applicationFilter(QStringLiteral("a"));
    auto q = c.prepare(QStringLiteral("SELECT status, sum(decided), count(*) FROM applications a WHERE %1 "
                                      "GROUP BY status")
                           .arg(apps.sql));
    if (!q)
        return api::storageFailure(q.error());
    int i = 1;
    for (const QString& v : apps.values)
        q->bind(i++, v);
    while (q->step()) {
        byStatus.insert(q->text(0), q->int64(2));
        applications += q->int64(2);
        decisions += q->int64(1);
    }

    const Visibility::Filter records = visibility.recordFilter();
    auto r = c.prepare(
        QStringLiteral("SELECT count(*) FROM objects o WHERE o.kind = 2 AND o.deleted = 0 AND %1").arg(records.sql));
    if (!r)
        return api::storageFailure(r.error());
    i = 1;
    for (const QString& v : records.values)
        r->bind(i++, v);
    const qint64 agencyRecords = r->step() ? r->int64(0) : 0;

    return HttpReply::json(QJsonObject{{QStringLiteral("applications"), applications},
                                       {QStringLiteral("agency_records"), agencyRecords},
                                       {QStringLiteral("decisions"), decisions},
                                       {QStringLiteral("by_status"), byStatus},
                                       {QStringLiteral("scope"), session.account.districtCode}});
}

} // namespace adm::hub
