#include "Visibility.h"

namespace adm::hub {

Visibility::Visibility(const Account& account)
{
    if (account.isCitySupervisor())
        m_scope = Scope::City;
    else if (account.isSupervisor())
        m_scope = Scope::District;
    else
        m_scope = Scope::Schools;
    m_district = account.districtCode;
    m_schools = account.schoolIds;
}

bool Visibility::seesApplication(const QString& schoolId, const QString& districtCode) const
{
    switch (m_scope) {
    case Scope::City:
        return true;
    case Scope::District:
        return !districtCode.isEmpty() && districtCode == m_district;
    case Scope::Schools:
        return !schoolId.isEmpty() && m_schools.contains(schoolId);
    }
    return false;
}

Visibility::Filter Visibility::applicationFilter(const QString& alias) const
{
    switch (m_scope) {
    case Scope::City:
        return {QStringLiteral("1"), {}};
    case Scope::District:
        return {alias + QStringLiteral(".district_code = ?"), {m_district}};
    case Scope::Schools: {
        if (m_schools.isEmpty())
            return {QStringLiteral("0"), {}};
        QStringList marks;
        for (qsizetype i = 0; i < m_schools.size(); ++i)
            marks.append(QStringLiteral("?"));
        return {alias + QStringLiteral(".school_id IN (%1)").arg(marks.join(u',')), m_schools};
    }
    }
    return {QStringLiteral("0"), {}};
}

Visibility::Filter Visibility::recordFilter() const
{
    if (m_scope == Scope::City)
        return {QStringLiteral("1"), {}};
    const Filter people = applicationFilter(QStringLiteral("p"));
    if (m_scope == Scope::Schools) {
        // Few schools: a list subquery, built once per statement (the records of the people on the
        // applications one sees), is about twice as fast as a lookup per row of the log.
        return {QStringLiteral("o.id IN (SELECT rs.record_id FROM people p CROSS JOIN record_subjects rs "
                               "ON rs.id_number = p.id_number WHERE %1)")
                    .arg(people.sql),
                people.values};
    }
    // A district holds too many people to list for every page: look each record up instead.
    return {QStringLiteral("EXISTS (SELECT 1 FROM record_subjects rs JOIN people p ON p.id_number = rs.id_number "
                           "WHERE rs.record_id = o.id AND %1)")
                .arg(people.sql),
            people.values};
}

Visibility::Filter Visibility::objectFilter() const
{
    if (m_scope == Scope::City)
        return {QStringLiteral("1"), {}};
    const Filter apps = applicationFilter(QStringLiteral("o"));
    const Filter records = recordFilter();
    // kind: 0 public, 1 application, 2 agency record, 3 city only (see HubStorage.h).
    return {QStringLiteral("(o.kind = 0 OR (o.kind = 1 AND %1) OR (o.kind = 2 AND %2))").arg(apps.sql, records.sql),
            apps.values + records.values};
}

} // namespace adm::hub
