#pragma once

#include "ApplicantNotes.h"
#include "QueueTypes.h"
#include "domain/Entities.h"
#include "domain/Result.h"
#include "policy/EligibilityResult.h"
#include "sync/Conflicts.h"
#include "sync/SignOffTypes.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace adm::store {
class Connection;
}

namespace adm::views {

// One event of an application's history.
struct HistoryEntry {
    QDateTime at;
    QString actor;
    QString text;       // translated
    QString familyText; // a decision's note: sent to the family (for a request, what they must bring)
    QDate dueDate;      // an information request: by when
};

// The latest decision on an application, for the summary: this workstation's while it is in the
// outbox (pending, or taken and not pulled back yet), else the platform's.
struct DecisionSummary {
    QString outcome; // approve | reject | request_info
    QString category;
    QString reasonCode;
    QString note; // sent to the family
    QDate dueDate;
    bool local = false; // decided on this workstation
};

struct RelatedApplication {
    QString applicationId;
    QString childName;
    QString schoolName;
    int bin = 0;
    QString why; // same_child | same_property
};

// Everything the detail pane shows about one application, read at once on a reader thread.
// ID numbers are here in full: the pane shows them masked until a reveal is audited.
struct ApplicationDetail {
    Application application;
    QueueRow row; // bin, pending decision, conflict, school name, …
    SchoolSeats seats;
    std::optional<policy::EligibilityResult> check;
    QString checkError;          // why there is no check (no policy for the school, …)
    QList<AgencyRecord> records; // every agency record about the application's people
    QList<RelatedApplication> related;
    QList<HistoryEntry> history; // oldest first
    std::optional<DecisionSummary> decision;
    QList<ApplicantNote> notes;      // internal, kept on this workstation only; oldest first
    QList<sync::Conflict> conflicts; // this application's decisions the hub did not take
    qint64 openDecisionItem = 0;     // the decision of this workstation still in the outbox, 0 if none
    // The user reading it declared a relative named on it (issue 14): they may not decide it. Set by the
    // reader that knows the user (views::readDeclaredRelation), not by loadApplicationDetail.
    bool declaredRelation = false;
    // The principal took this decision out of a batch and sent it back with a note (issue 14); kept
    // until the application changes.
    std::optional<sync::BatchItem> returned;

    // The agency's own record number of an evidence record ("" when unknown).
    QString sourceRefOf(const QString& recordId) const;
};

// Reads the detail of one application (error "not_found" when it is not in the cache).
Result<ApplicationDetail> loadApplicationDetail(store::Connection& connection, const QString& applicationId);

} // namespace adm::views

Q_DECLARE_METATYPE(adm::views::ApplicationDetail)
