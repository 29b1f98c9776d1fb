#include "ValueLabels.h"

#include <QCoreApplication>
#include <QHash>

namespace adm {

QString valueLabel(const QString& code)
{
    static const QHash<QString, const char*> labels = {
        {QStringLiteral("father"), QT_TRANSLATE_NOOP("Values", "father")},
        {QStringLiteral("mother"), QT_TRANSLATE_NOOP("Values", "mother")},
        {QStringLiteral("grandparent"), QT_TRANSLATE_NOOP("Values", "grandparent")},
        {QStringLiteral("other"), QT_TRANSLATE_NOOP("Values", "other")},
        {QStringLiteral("valid"), QT_TRANSLATE_NOOP("Values", "valid")},
        {QStringLiteral("mortgaged"), QT_TRANSLATE_NOOP("Values", "mortgaged")},
        {QStringLiteral("sealed"), QT_TRANSLATE_NOOP("Values", "sealed")},
        {QStringLiteral("cancelled"), QT_TRANSLATE_NOOP("Values", "cancelled")},
        {QStringLiteral("filed"), QT_TRANSLATE_NOOP("Values", "filed")},
        {QStringLiteral("active"), QT_TRANSLATE_NOOP("Values", "active")},
        {QStringLiteral("revoked"), QT_TRANSLATE_NOOP("Values", "revoked")},
        {QStringLiteral("married"), QT_TRANSLATE_NOOP("Values", "married")},
        {QStringLiteral("divorced"), QT_TRANSLATE_NOOP("Values", "divorced")},
        {QStringLiteral("residential"), QT_TRANSLATE_NOOP("Values", "residential")},
        {QStringLiteral("commercial"), QT_TRANSLATE_NOOP("Values", "commercial")},
        {QStringLiteral("submitted"), QT_TRANSLATE_NOOP("Values", "submitted")},
        {QStringLiteral("under_review"), QT_TRANSLATE_NOOP("Values", "under review")},
        {QStringLiteral("info_requested"), QT_TRANSLATE_NOOP("Values", "information requested")},
        {QStringLiteral("approved"), QT_TRANSLATE_NOOP("Values", "approved")},
        {QStringLiteral("rejected"), QT_TRANSLATE_NOOP("Values", "rejected")},
        {QStringLiteral("withdrawn"), QT_TRANSLATE_NOOP("Values", "withdrawn")},
        // rules of the automatic check
        {QStringLiteral("policy"), QT_TRANSLATE_NOOP("Values", "policy")},
        {QStringLiteral("age"), QT_TRANSLATE_NOOP("Values", "age")},
        {QStringLiteral("property_in_zone"), QT_TRANSLATE_NOOP("Values", "property in zone")},
        {QStringLiteral("urban_household_registration"), QT_TRANSLATE_NOOP("Values", "urban household registration")},
        {QStringLiteral("residence_in_zone"), QT_TRANSLATE_NOOP("Values", "residence in zone")},
        {QStringLiteral("work_in_city"), QT_TRANSLATE_NOOP("Values", "work in the city")},
        // flags
        {QStringLiteral("duplicate_application"), QT_TRANSLATE_NOOP("Values", "duplicate application")},
        {QStringLiteral("shared_property"), QT_TRANSLATE_NOOP("Values", "shared property")},
        {QStringLiteral("property_cancelled"), QT_TRANSLATE_NOOP("Values", "property cancelled")},
        {QStringLiteral("guardian_not_linked"), QT_TRANSLATE_NOOP("Values", "guardian not linked")},
        {QStringLiteral("category_mismatch"), QT_TRANSLATE_NOOP("Values", "category mismatch")},
        {QStringLiteral("over_age"), QT_TRANSLATE_NOOP("Values", "over age")},
        {QStringLiteral("address_uncertain"), QT_TRANSLATE_NOOP("Values", "address uncertain")},
        {QStringLiteral("record_missing"), QT_TRANSLATE_NOOP("Values", "record missing")},
        {QStringLiteral("under_age"), QT_TRANSLATE_NOOP("Values", "under age")},
        // agencies and their data sets
        {QStringLiteral("public_security"), QT_TRANSLATE_NOOP("Values", "public security bureau")},
        {QStringLiteral("natural_resources"), QT_TRANSLATE_NOOP("Values", "natural resources bureau")},
        {QStringLiteral("housing"), QT_TRANSLATE_NOOP("Values", "housing bureau")},
        {QStringLiteral("hrss"), QT_TRANSLATE_NOOP("Values", "human resources and social security bureau")},
        {QStringLiteral("market_regulation"), QT_TRANSLATE_NOOP("Values", "market regulation bureau")},
        {QStringLiteral("civil_affairs"), QT_TRANSLATE_NOOP("Values", "civil affairs bureau")},
        {QStringLiteral("resident_population"), QT_TRANSLATE_NOOP("Values", "household registration")},
        {QStringLiteral("real_estate_registration"), QT_TRANSLATE_NOOP("Values", "real-estate registration")},
        {QStringLiteral("sale_contract"), QT_TRANSLATE_NOOP("Values", "housing sale contract")},
        {QStringLiteral("rental_filing"), QT_TRANSLATE_NOOP("Values", "rental filing")},
        {QStringLiteral("social_insurance"), QT_TRANSLATE_NOOP("Values", "social insurance")},
        {QStringLiteral("individual_business"), QT_TRANSLATE_NOOP("Values", "individual business")},
        {QStringLiteral("enterprise_legal_person"), QT_TRANSLATE_NOOP("Values", "enterprise legal person")},
        {QStringLiteral("marriage_registration"), QT_TRANSLATE_NOOP("Values", "marriage registration")},
        {QStringLiteral("residence_permit"), QT_TRANSLATE_NOOP("Values", "residence permit")},
    };
    const auto it = labels.constFind(code);
    return it == labels.constEnd() ? code : QCoreApplication::translate("Values", it.value());
}

} // namespace adm
