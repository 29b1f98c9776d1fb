#pragma once

#include "CityGenerator.h"
#include "CityModel.h"
#include "Geography.h"
#include "PolicyBook.h"

namespace adm::citygen {

// The admission policy (shared/admission-policy.md) applied to what the generator means, not to
// text: addresses are compared as places (Addr), so no parsing can blur the answer. It is the
// ground truth the eligibility check is measured against. Every application of the city lives in
// one unit together with every other application that shares a child or a certificate with it, so
// the cross-application flags are complete within the unit.
class TruthEvaluator {
public:
    TruthEvaluator(const Geography& geography, const PolicyBook& policies)
        : m_geo(geography)
        , m_policies(policies)
    {}

    // One truth per application of the unit, in order; `ids` are the applications' ids.
    QList<Truth> evaluate(const Unit& unit, const QStringList& ids) const;

private:
    struct Finding {
        QString category;
        int decisiveProperty = -1;  // record index, when A or B
        int decisiveResidence = -1; // when C
        bool loose = false;         // the decisive address matched only loosely
        bool propertyCancelled = false;
        int household = -1; // the child's household record, -1 when none
        QStringList flags;
    };

    Finding assess(const Unit& unit, const AppModel& app) const;
    bool guardiansLinked(const Unit& unit, const AppModel& app, int household) const;
    bool anyRecord(const Unit& unit, const AppModel& app, std::initializer_list<Dataset> datasets) const;
    bool worksInCity(const Unit& unit, const AppModel& app, const Policy& policy) const;

    const Geography& m_geo;
    const PolicyBook& m_policies;
};

} // namespace adm::citygen
