#include "SessionStatus.h"

#include "domain/JsonCodec.h"
#include "store/Sql.h"
#include "sync/SyncState.h"

namespace adm::views {

Result<SessionStatus> SessionStatus::read(store::Connection& c)
{
    SessionStatus s;
    auto q = c.prepare(QStringLiteral("SELECT state, count(*) FROM outbox GROUP BY state"));
    if (!q)
        return q.error();
    while (q->step()) {
        const QString state = q->text(0);
        if (state == QLatin1String("pending"))
            s.outbox += q->int64(1);
        else if (state == QLatin1String("conflict") || state == QLatin1String("invalid"))
            s.conflicts += q->int64(1);
    }
    auto last = sync::SyncState(c).get(sync::SyncState::LastSuccess);
    if (last && !last->isEmpty())
        s.lastSync = json::parseTime(*last);
    return s;
}

} // namespace adm::views
