#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace adm::hub {

inline const QString kCityDistrictCode = QStringLiteral("371100");

// An account of the contract (POST /api/v1/sessions answers with it).
struct Account {
    QString id;
    QString displayName;
    QStringList roles;
    QString districtCode;
    QStringList schoolIds;

    bool hasRole(const QString& role) const { return roles.contains(role); }
    bool hasAnyRole(const QStringList& wanted) const
    {
        for (const QString& r : wanted) {
            if (roles.contains(r))
                return true;
        }
        return false;
    }
    bool isSupervisor() const { return hasRole(QStringLiteral("supervisor")); }
    bool isCitySupervisor() const { return isSupervisor() && districtCode == kCityDistrictCode; }

    QJsonObject toJson() const
    {
        return QJsonObject{{QStringLiteral("id"), id},
                           {QStringLiteral("display_name"), displayName},
                           {QStringLiteral("roles"), QJsonArray::fromStringList(roles)},
                           {QStringLiteral("district_code"), districtCode},
                           {QStringLiteral("school_ids"), QJsonArray::fromStringList(schoolIds)}};
    }
};

} // namespace adm::hub
