#pragma once

#include "domain/Entities.h"
#include "domain/Result.h"

#include <QIODevice>
#include <QJsonObject>
#include <QStringList>
#include <atomic>
#include <functional>

namespace adm::citygen {

struct Options {
    int applications = 42000; // about 97% online, 3% at a counter; 0 .. kMaxApplications
    quint64 seed = 1;
    int admissionYear = 2026;
    bool truthScenario = false; // writeCity: add each application's scenario to its truth line
};

// What the generator meant each application to be: the category and flags that a correct
// eligibility check must find (shared/admission-policy.md).
struct Truth {
    QString applicationId;
    QString category; // "A" | "B" | "C" | "none"
    bool eligible = false;
    QStringList flags; // sorted
    // "<intended category>:<base>/<trouble>[.variant][+extra]", e.g. "B:nonlocal_owner/loose_road":
    // the family's story, for explaining a disagreement. Not part of the truth proper.
    QString scenario;
};

// Counts of what one generate() emitted.
struct Summary {
    qint64 changes = 0;
    qint64 policies = 0;
    qint64 schools = 0;
    qint64 zones = 0;
    qint64 applications = 0;
    qint64 agencyRecords = 0;
    qint64 units = 0;
};

// Generates a synthetic Rizhao: districts, roads, compounds, schools and zones, families with
// valid ID numbers and their agency records, each district's policy, and applications with
// realistic trouble. Deterministic for a seed; streams, so a million applications need little memory.
class CityGenerator {
public:
    static constexpr int kMaxApplications = 1000000;

    explicit CityGenerator(Options options);
    ~CityGenerator();

    using ChangeSink = std::function<void(const Change&)>;
    using TruthSink = std::function<void(const Truth&)>;

    // Emits every change in seq order (policies, schools, zones first; then each family's agency
    // records followed by its applications), and each family's truths right after its applications.
    // Options out of range are clamped; validate() says whether they are.
    void generate(const ChangeSink& changes, const TruthSink& truth = {});

    // Called during generate(), from a sink or another thread (for example after a write
    // failed): generate() returns after the current family.
    void requestStop() { m_stop = true; }

    const Summary& summary() const { return m_summary; }
    const Options& options() const { return m_options; }

    static Status validate(const Options& options);

private:
    Options m_options;
    Summary m_summary;
    std::atomic<bool> m_stop = false;
};

// Writes the city as JSON lines (one change per line, the shape of GET /api/v1/changes) and,
// when `truth` is given, one truth object per line. Same seed, same bytes.
Status writeCity(const Options& options, QIODevice& changes, QIODevice* truth = nullptr);

// A truth line: {"application_id","category","eligible","flags"} (plus "scenario" when asked).
QJsonObject writeTruth(const Truth& truth, bool withScenario = false);
Result<Truth> readTruth(const QJsonObject& o);

} // namespace adm::citygen
