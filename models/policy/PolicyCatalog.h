#pragma once

#include "ZoneMatcher.h"
#include "domain/Entities.h"

#include <QHash>
#include <QList>

namespace adm::policy {

// The reference data a check needs besides the agency records: policies, schools and zones, with
// the zone matcher built over all zones of the city and each school's zone set resolved once.
class PolicyCatalog {
public:
    PolicyCatalog(QList<Policy> policies, QList<School> schools, QList<Zone> zones);

    const QList<Policy>& policies() const { return m_policies; }
    const QList<School>& schools() const { return m_schools; }
    const ZoneMatcher& zoneMatcher() const { return m_matcher; }

    const School* school(const QString& schoolId) const;
    // Indexes (into zoneMatcher().zones()) of the school's catchment zones: those in the school's
    // zone_ids and those that list the school in their school_ids.
    const QList<int>& zonesOfSchool(const QString& schoolId) const;
    // The policy of the district, year and grade; nullptr when there is none.
    const Policy* policyFor(const QString& districtCode, int admissionYear, const QString& grade) const;

private:
    QList<Policy> m_policies;
    QList<School> m_schools;
    ZoneMatcher m_matcher;
    QHash<QString, int> m_schoolIndex;
    QHash<QString, QList<int>> m_schoolZones;
};

} // namespace adm::policy
