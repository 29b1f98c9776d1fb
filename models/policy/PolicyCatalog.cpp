#include "PolicyCatalog.h"

namespace adm::policy {

PolicyCatalog::PolicyCatalog(QList<Policy> policies, QList<School> schools, QList<Zone> zones)
    : m_policies(std::move(policies))
    , m_schools(std::move(schools))
    , m_matcher(std::move(zones))
{
    for (int i = 0; i < m_schools.size(); ++i) {
        const School& s = m_schools.at(i);
        m_schoolIndex.insert(s.id, i);
        QList<int>& set = m_schoolZones[s.id];
        for (const QString& zoneId : s.zoneIds) {
            const int z = m_matcher.indexOf(zoneId);
            if (z >= 0 && !set.contains(z))
                set.append(z);
        }
    }
    const QList<Zone>& all = m_matcher.zones();
    for (int z = 0; z < all.size(); ++z) {
        for (const QString& schoolId : all.at(z).schoolIds) {
            QList<int>& set = m_schoolZones[schoolId];
            if (!set.contains(z))
                set.append(z);
        }
    }
    for (QList<int>& set : m_schoolZones)
        std::sort(set.begin(), set.end());
}

const School* PolicyCatalog::school(const QString& schoolId) const
{
    const int i = m_schoolIndex.value(schoolId, -1);
    return i < 0 ? nullptr : &m_schools.at(i);
}

const QList<int>& PolicyCatalog::zonesOfSchool(const QString& schoolId) const
{
    static const QList<int> none;
    const auto it = m_schoolZones.constFind(schoolId);
    return it == m_schoolZones.constEnd() ? none : *it;
}

const Policy* PolicyCatalog::policyFor(const QString& districtCode, int admissionYear, const QString& grade) const
{
    for (const Policy& p : m_policies) {
        if (p.districtCode == districtCode && p.admissionYear == admissionYear && p.grade == grade)
            return &p;
    }
    return nullptr;
}

} // namespace adm::policy
