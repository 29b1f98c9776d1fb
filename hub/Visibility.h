#pragma once

#include "Account.h"

#include <QString>
#include <QStringList>

namespace adm::hub {

// The scope rules of the contract, computed at read time: a school account sees its schools'
// applications, a district supervisor its district's, the city supervisor everything; agency
// records follow the people on the applications one sees; reference data is public.
class Visibility {
public:
    explicit Visibility(const Account& account);

    enum class Scope { City, District, Schools };
    Scope scope() const { return m_scope; }

    bool seesApplication(const QString& schoolId, const QString& districtCode) const;
    bool seesSchool(const QString& schoolId, const QString& schoolDistrict) const
    {
        return seesApplication(schoolId, schoolDistrict);
    }

    // An SQL condition with `?` placeholders and the values to bind to them, in order.
    struct Filter {
        QString sql;
        QStringList values;
    };
    // Over an applications-like row: columns <alias>.school_id and <alias>.district_code.
    Filter applicationFilter(const QString& alias) const;
    // Over a row `o` of the objects table (the change log).
    Filter objectFilter() const;
    // Whether an agency record row `o` may be seen (without the kind test).
    Filter recordFilter() const;

private:
    Scope m_scope = Scope::Schools;
    QString m_district;
    QStringList m_schools;
};

} // namespace adm::hub
