#pragma once

#include "Applicant.h"
#include "EligibilityResult.h"
#include "EvidenceIndex.h"
#include "domain/Entities.h"

#include <QList>
#include <QString>
#include <initializer_list>

namespace adm::policy {

// The outcome of one rule: the check as the result shows it, plus what later steps need.
struct RuleOutcome {
    RuleCheck check;
    int decisive = -1; // record index in the EvidenceIndex, -1 when the rule failed
    ZoneMatch match;   // how the decisive record's address matched
    QDate date;        // the decisive record's date
};

// The rules of admission-policy.md for one application, over the records of its people. Each rule
// tries every record that could meet it; among those that do, the decisive one is the one whose
// address matches exactly, then a real-estate registration before a sale contract, then the
// earliest date. A failed rule explains the record that came closest.
class EligibilityRules {
public:
    EligibilityRules(const EvidenceIndex& evidence, const Policy& policy, const QList<int>& schoolZones,
                     const Applicant& applicant);

    RuleOutcome age(bool* underAge, bool* overAge) const;
    RuleOutcome property() const;
    RuleOutcome household() const;
    RuleOutcome residence() const;
    RuleOutcome work() const;

private:
    struct Attempt {
        int record = -1;
        bool ok = false;
        int progress = 0; // how many conditions held before the one that failed
        QString reason;
        ZoneMatch match;
        bool exact = true; // address matched exactly (or the rule has no address)
        int rank = 0;      // real-estate 0 before sale contract 1 (property only)
        QDate date;
    };

    // Tries every record cheaply (RankOnly), then again WithReason only for the one it reports (the
    // decisive record, or the one that came closest): reasons are strings, and strings are what a
    // check costs.
    enum class Detail { RankOnly, WithReason };
    RuleOutcome conclude(const QString& rule, const QList<int>& records, const QString& noRecordReason) const;
    Attempt tryRecord(int index, Detail detail) const;
    QList<int> recordsIn(std::initializer_list<Dataset> datasets) const;
    bool heldByPerson(const EvidenceRecord& r, bool guardiansOnly) const;
    ZoneMatch zoneMatch(const EvidenceRecord& r) const;
    QString missReason(const EvidenceRecord& r) const;
    QDate monthsBeforeCutoff(int months) const;

    Attempt tryRealEstate(int index, Detail detail) const;
    Attempt trySaleContract(int index, Detail detail) const;
    Attempt tryHousehold(int index, Detail detail) const;
    // A rental filing or a residence permit: the same steps, each dataset in its own words.
    struct DatedResidence;
    static const DatedResidence kRentalWords;
    static const DatedResidence kPermitWords;
    Attempt tryDatedResidence(int index, Detail detail, const DatedResidence& words) const;
    Attempt tryInsurance(int index, Detail detail) const;
    Attempt tryBusiness(int index, Detail detail) const;

    const EvidenceIndex& m_evidence;
    const Policy& m_policy;
    const QList<int>& m_zones;
    const Applicant& m_applicant;
    QDate m_cutoff;
};

} // namespace adm::policy
