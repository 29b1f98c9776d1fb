#pragma once

#include "CounterApplication.h"
#include "domain/Result.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

namespace adm::store {
class Connection;
}
namespace adm::security {
class AuditLog;
}

namespace adm::sync {

// One application taken at this counter, as the counter list and a reprint show it.
struct CounterRecord {
    enum class State {
        Waiting,   // in the outbox, not answered yet
        Uploaded,  // accepted: applicationId is the platform's id
        Duplicate, // the platform answered duplicate_child: applicationId is the child's other application
        Refused,   // invalid (message names the field), or another conflict
    };
    QString clientRef;
    qint64 outboxId = 0;
    int admissionYear = 0;
    QString schoolId;
    QString grade;
    QString childName;
    QString childIdNumber; // in the cache only; screens mask it
    QDateTime takenAt;
    QString takenBy;
    QStringList evidence;
    State state = State::Waiting;
    QString applicationId;
    QString resultCode;
    QString resultMessage;

    static QString stateCode(State state); // waiting | uploaded | duplicate | refused
    QJsonObject toJson() const;            // for admissionsctl: the ID number masked
};

// An application this year of a child being entered, already known here.
struct KnownApplication {
    QString id;     // the platform's id, or the local number of one not uploaded yet
    QString status; // the application's status, or "waiting" for a counter one not uploaded
    QString schoolId;
    QString childName;
    bool isLocal = false; // taken at this counter and still in the outbox
};

// Taking a walk-in application at the counter, for the GUI and `admissionsctl intake` alike
// (models/sync, beside the outbox it writes to). save() checks the application, then writes its row
// in counter_applications, the outbox item that uploads it (POST /api/v1/applications with its own
// idempotency key) and an audit entry, in one transaction: a crash loses all three or none. The local
// number (client_ref) is the school, this workstation's id and a sequence of this workstation: unique
// across the city's workstations without asking anyone, so it can be printed offline.
// Uses the writer connection: only on its owning thread.
class CounterIntake {
public:
    // `role`: the local user's role (security::may(CounterIntake)); `account`: the hub account, empty
    // when none (the hub records the pushing account as the one who entered it either way).
    CounterIntake(store::Connection& writer, security::AuditLog& audit, QString localUser, QString role,
                  QString account);

    // The reads below take any connection (a reader's for the GUI), and write nothing.
    // The schools this workstation holds (with their level) and the admission year of their policies.
    static Result<CounterScope> scope(store::Connection& connection);

    // Error codes: "role_not_allowed"; "bad_input" (the message names the first field and says what to
    // do; nothing is written).
    Result<CounterRecord> save(const CounterApplication& application);

    // The applications this year of the child with this ID number: in the cache (from the platform)
    // and taken at this counter and not uploaded yet. Empty for an invalid number.
    static Result<QList<KnownApplication>> knownApplicationsOf(store::Connection& connection,
                                                               const QString& childIdNumber, int admissionYear);

    // The counter list, newest first: those taken on `day` (local time), or all when it is invalid.
    static Result<QList<CounterRecord>> list(store::Connection& connection, const QDate& day = {});
    // The one with this local number (or, once uploaded, this platform id).
    static Result<std::optional<CounterRecord>> find(store::Connection& connection,
                                                     const QString& clientRefOrApplicationId);
    // The application as it was saved (the outbox payload), for a reprint or a check.
    static Result<std::optional<CounterApplication>> application(store::Connection& connection,
                                                                 const QString& clientRef);

    // An audit entry for a live agency lookup made for the application being typed: who, for which
    // person of the form (child, guardian1…) in which form (CounterApplication::formId), how many records
    // came; never the ID number.
    Status recordLookup(const QString& formId, const QString& person, int records);
    // An audit entry for a receipt printed or saved again.
    Status recordReprint(const QString& clientRef);

    // <school>-<first 8 hex digits of the workstation id, upper case>-<5-digit sequence>.
    static QString makeClientRef(const QString& schoolId, const QString& workstationId, qint64 sequence);

private:
    Result<QString> nextClientRef(const QString& schoolId);

    store::Connection& m_writer;
    security::AuditLog& m_audit;
    QString m_localUser;
    QString m_role;
    QString m_account;
};

} // namespace adm::sync
