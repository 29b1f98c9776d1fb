#pragma once

#include "domain/Result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace adm::store {
class Connection;
}

// The supervision figures (issue 16; docs/supervision.md): one implementation for the dashboard and
// `admissionsctl report`. Plain values; read from the counters the cache keeps (store::SupervisionSchema),
// or, for the tests and the benchmark's baseline, computed by plain GROUP BY over the base tables.
namespace adm::views {

// What a report covers: the city, one district, or one school.
struct SupervisionScope {
    enum class Kind { City, District, School };
    Kind kind = Kind::City;
    QString code;         // 371100, a district code, or a school id
    QString districtCode; // a school's district
    QString kindName() const;
};

// Whole hours from submission to decision: how many decisions took each number of hours.
struct HoursHistogram {
    QMap<int, qint64> counts;
    qint64 total() const;
    // The nearest-rank percentile (0.5: the median): the smallest whole hours h such that at least
    // that fraction of the decisions took h hours or fewer. Empty without decisions.
    std::optional<int> percentile(double fraction) const;
    void add(const HoursHistogram& other);
};

// The counters of a school, a district or the scope.
struct SupervisionCounts {
    QMap<QString, qint64> cells; // store::SupervisionSchema::cellColumns(): applications, st_*, ck_*, ch_*, flag_*, …
    qint64 decisions = 0;        // applications with a decision (approve, reject or request_info)
    qint64 approvals = 0;
    qint64 rejections = 0;
    qint64 infoRequests = 0;
    qint64 overrides = 0;
    HoursHistogram hours; // approvals and rejections only
    QString lastDecisionDay;
    // Information requests still open whose due date has passed (counted when read: the calendar moves).
    qint64 infoOverdue = 0;

    qint64 cell(const QString& column) const { return cells.value(column); }
    qint64 applications() const { return cell(QStringLiteral("applications")); }
    qint64 approved() const { return cell(QStringLiteral("st_approved")); }
    void add(const SupervisionCounts& other);
    // by_status, by_checked_category, by_channel, flags, medians… as the report's JSON has them.
    void writeJson(QJsonObject& o) const;
};

struct SupervisionSchool {
    QString schoolId;
    QString districtCode;
    qint64 capacity = 0;
    SupervisionCounts counts;
};

struct SupervisionDistrict {
    QString districtCode;
    int schools = 0;
    qint64 capacity = 0;
    SupervisionCounts counts;
};

struct SupervisionDay {
    QString day; // YYYY-MM-DD, China Standard Time
    qint64 submitted = 0;
    qint64 decided = 0; // approvals and rejections taken that day
    qint64 infoRequests = 0;
};

// One officer account's decisions in the scope, and how far their override rate stands from their peers'.
struct SupervisionReviewer {
    QString account;
    qint64 decisions = 0;
    qint64 approvals = 0;
    qint64 rejections = 0;
    qint64 infoRequests = 0;
    qint64 overrides = 0;
    // overrides / (approvals + rejections): an information request never overrides the check.
    std::optional<double> overrideRate() const;
    std::optional<double> robustZ; // only for officers with enough final decisions among enough peers
    bool outlier = false;
};

// The peers' measure: robust z = 0.6745 (x - median) / MAD over the override rates of the officers
// with at least kMinDecisions approvals and rejections; an outlier when |z| > kThreshold (Iglewicz and
// Hoaglin). When MAD is 0 (most officers have the same rate, usually none), the mean absolute deviation
// stands in: z = (x - median) / (1.253314 MeanAD); when that is 0 too, everyone has the same rate and no
// one stands out. Fewer than kMinPeers such officers: no z at all.
struct OutlierMethod {
    static constexpr int kMinDecisions = 20;
    static constexpr int kMinPeers = 3;
    static constexpr double kThreshold = 3.5;
    int peers = 0;
    std::optional<double> median;
    std::optional<double> mad;
    bool meanAdUsed = false;
};

struct SupervisionFigures {
    SupervisionScope scope;
    QDateTime generatedAt;
    SupervisionCounts totals;
    QList<SupervisionDistrict> districts; // by code
    QList<SupervisionSchool> schools;     // by id
    QList<SupervisionDay> days;           // by day
    QList<SupervisionReviewer> reviewers; // by account
    OutlierMethod method;

    // `admissionsctl report --json`: scope, generated_at, districts, schools, reviewers (and more).
    QJsonObject toJson() const;
};

class SupervisionReport {
public:
    // Reads "371100" (the city), a district code the cache holds schools of, or a school id it holds
    // (in the schools table or with applications). Error "bad_scope" with a sentence otherwise.
    static Result<SupervisionScope> resolveScope(store::Connection& c, const QString& scope);
    // The scope a user sees when they do not say: a supervisor the city (or the only district held), a
    // principal the only school with applications. Error "bad_scope" when that cannot be told.
    static Result<SupervisionScope> defaultScope(store::Connection& c, const QString& role);
    // The schools this cache holds applications of, in id order: a principal's workstation holds only
    // the schools of the principal's account (the platform sends nothing else).
    static Result<QStringList> heldSchools(store::Connection& c);
    // Whether `role` may read `scope` (supervisor: any; principal: a school). Error "role_not_allowed".
    static Status allowed(const QString& role, const SupervisionScope& scope);

    // The figures from the counters (reads a few thousand rows). Information requests are overdue when
    // due before `today` (default: today in the city, UTC+8).
    static Result<SupervisionFigures> read(store::Connection& c, const SupervisionScope& scope, QDate today = {});
    // The same figures by plain GROUP BY over applications, eligibility_results and outbox.
    static Result<SupervisionFigures> readPlain(store::Connection& c, const SupervisionScope& scope, QDate today = {});
    // Today's date in the city (China Standard Time).
    static QDate cityToday();
    // Makes the counters again from the cache, in one pass, on the writer.
    static Status rebuild(store::Connection& writer);
    // Marks the outliers of `reviewers` and returns the measure used.
    static OutlierMethod markOutliers(QList<SupervisionReviewer>& reviewers);
};

} // namespace adm::views
