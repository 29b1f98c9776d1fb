#pragma once

#include "domain/Result.h"

#include <QDate>
#include <QJsonObject>
#include <QString>

namespace adm::store {

class Connection;

// The tables of what officers write beside a decision (migration 7):
// - applicant_notes: internal notes per application (who, when, text). Personal data: they live in
//   the encrypted cache only and are never sent upstream nor written to a log.
// - info_due: the due date of the latest information request of each application, from the feed
//   (decision.due_date) or from a request made here. "Overdue" compares it with a date given at
//   query time (views/QueueSql): a bin made by triggers cannot depend on today's date.
class NotesSchema {
public:
    // Migration 7: makes both tables and fills info_due from the cached applications and the outbox.
    // Runs again over a cache that has them.
    static Status install(Connection& c);

    // Where a due date comes from: the feed (the platform's decision) or a request made here. The
    // overdue filter reads each only while it is the application's state (QueueSql).
    enum class Source { Upstream, Here };
    // Records (or replaces) the due date of an application's latest information request from that
    // source; an invalid date removes it (a request without a due date).
    static Status recordDueDate(Connection& c, const QString& applicationId, Source source, const QDate& due);

    // The due date of a decision object (feed or outbox payload); invalid when it is not an
    // information request or carries none.
    static QDate dueDateOf(const QJsonObject& decision);
    static bool isInfoRequest(const QJsonObject& decision);
};

} // namespace adm::store
