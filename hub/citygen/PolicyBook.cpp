#include "PolicyBook.h"

namespace adm::citygen {

namespace {
struct Minimums {
    int rental;
    int insurance;
    int business;
};
// Districts set their own minimum months; the counties ask for longer residence and work.
constexpr Minimums kMinimums[] = {{6, 6, 6}, {6, 6, 6}, {12, 12, 12}, {6, 12, 12}};
} // namespace

PolicyBook::PolicyBook(const Geography& geography, int admissionYear)
    : m_year(admissionYear)
    , m_cutoff(admissionYear, 7, 31)
    , m_primaryFrom(admissionYear - 7, 9, 1)
    , m_primaryTo(admissionYear - 6, 8, 31)
    , m_juniorFrom(admissionYear - 13, 9, 1)
    , m_juniorTo(admissionYear - 12, 8, 31)
{
    for (int d = 0; d < geography.districts().size(); ++d) {
        const Geography::District& district = geography.districts()[d];
        const Minimums& m = kMinimums[d % 4];
        for (int junior = 0; junior < 2; ++junior) {
            Policy p;
            p.grade = junior ? QStringLiteral("junior7") : QStringLiteral("primary1");
            p.id = QStringLiteral("P-%1-%2-%3").arg(district.code).arg(admissionYear).arg(p.grade);
            p.districtCode = district.code;
            p.admissionYear = admissionYear;
            p.cutoffDate = m_cutoff;
            // junior7 carries its cohort's window for information; the check uses it for primary1 only.
            p.birthFrom = junior ? m_juniorFrom : m_primaryFrom;
            p.birthTo = junior ? m_juniorTo : m_primaryTo;
            p.urbanDistrictCodes = {district.code};
            p.minRentalMonths = m.rental;
            p.minInsuranceMonths = m.insurance;
            p.minBusinessMonths = m.business;
            p.categoryPriority = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")};
            m_policies.append(p);
        }
    }
}

} // namespace adm::citygen
