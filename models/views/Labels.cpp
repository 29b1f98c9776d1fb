#include "Labels.h"

#include "store/CacheEligibility.h"
#include "sync/ReasonCodes.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>

namespace adm::views::labels {

namespace {

QString lookup(const QHash<QString, const char*>& table, const QString& code)
{
    const auto it = table.constFind(code);
    return it == table.constEnd() ? code : QCoreApplication::translate("Labels", it.value());
}

} // namespace

bool chineseInterface()
{
    return QLocale().language() == QLocale::Chinese;
}

QString bin(Bin b)
{
    return QCoreApplication::translate("Labels", store::QueueRules::rule(b).label);
}

QString status(const QString& code)
{
    static const QHash<QString, const char*> t = {
        {QStringLiteral("submitted"), QT_TRANSLATE_NOOP("Labels", "Submitted")},
        {QStringLiteral("under_review"), QT_TRANSLATE_NOOP("Labels", "Under review")},
        {QStringLiteral("info_requested"), QT_TRANSLATE_NOOP("Labels", "Information requested")},
        {QStringLiteral("approved"), QT_TRANSLATE_NOOP("Labels", "Approved")},
        {QStringLiteral("rejected"), QT_TRANSLATE_NOOP("Labels", "Rejected")},
        {QStringLiteral("withdrawn"), QT_TRANSLATE_NOOP("Labels", "Withdrawn")},
    };
    return lookup(t, code);
}

QString channel(const QString& code)
{
    static const QHash<QString, const char*> t = {
        {QStringLiteral("online"), QT_TRANSLATE_NOOP("Labels", "Online")},
        {QStringLiteral("counter"), QT_TRANSLATE_NOOP("Labels", "Counter")},
    };
    return lookup(t, code);
}

QString category(const QString& code)
{
    if (code.isEmpty())
        return QCoreApplication::translate("Labels", "not checked");
    if (code == QLatin1String("none"))
        return QCoreApplication::translate("Labels", "none");
    return code;
}

QStringList flagCodes()
{
    return store::CacheEligibility::flagsInBitOrder();
}

QString categoryMeaning(const QString& code)
{
    static const QHash<QString, const char*> t = {
        {QStringLiteral("A"),
         QT_TRANSLATE_NOOP("Labels", "Property in the school's zone, and the child has urban household registration.")},
        {QStringLiteral("B"), QT_TRANSLATE_NOOP("Labels", "Property in the school's zone, without urban household "
                                                          "registration.")},
        {QStringLiteral("C"),
         QT_TRANSLATE_NOOP("Labels", "No property in the zone: residence in the zone and work in the city.")},
        {QStringLiteral("none"),
         QT_TRANSLATE_NOOP("Labels", "Not eligible for this school by the automatic check: a person decides.")},
    };
    return lookup(t, code);
}

QList<QPair<QString, QString>> flagColours()
{
    return {
        {QStringLiteral("under_age"),
         QCoreApplication::translate("Labels", "Red: the child is not eligible, or the property is gone.")},
        {QStringLiteral("duplicate_application"), QCoreApplication::translate("Labels", "Amber: a person must look.")},
        {QStringLiteral("over_age"), QCoreApplication::translate("Labels", "Blue: worth a glance.")},
    };
}

QString categoryLegend()
{
    QStringList lines;
    for (const char* code : {"A", "B", "C", "none"})
        lines << QCoreApplication::translate("Labels", "%1: %2")
                     .arg(category(QLatin1String(code)), categoryMeaning(QLatin1String(code)));
    lines << QCoreApplication::translate("Labels", "Help → Legend explains every code and colour.");
    return lines.join(u'\n');
}

QString flagLegend()
{
    QStringList lines;
    for (const auto& [flag, sentence] : flagColours())
        lines << sentence;
    lines << QCoreApplication::translate("Labels", "Help → Legend lists every flag.");
    return lines.join(u'\n');
}

QString flag(const QString& code)
{
    static const QHash<QString, const char*> t = {
        {QStringLiteral("duplicate_application"), QT_TRANSLATE_NOOP("Labels", "Duplicate application")},
        {QStringLiteral("shared_property"), QT_TRANSLATE_NOOP("Labels", "Shared property")},
        {QStringLiteral("property_cancelled"), QT_TRANSLATE_NOOP("Labels", "Property cancelled or sealed")},
        {QStringLiteral("guardian_not_linked"), QT_TRANSLATE_NOOP("Labels", "Guardian not linked")},
        {QStringLiteral("category_mismatch"), QT_TRANSLATE_NOOP("Labels", "Category differs from claim")},
        {QStringLiteral("over_age"), QT_TRANSLATE_NOOP("Labels", "Over age")},
        {QStringLiteral("address_uncertain"), QT_TRANSLATE_NOOP("Labels", "Address matched loosely")},
        {QStringLiteral("record_missing"), QT_TRANSLATE_NOOP("Labels", "Record missing")},
        {QStringLiteral("under_age"), QT_TRANSLATE_NOOP("Labels", "Under age")},
    };
    return lookup(t, code);
}

QString dataset(const QString& code)
{
    static const QHash<QString, const char*> t = {
        {QStringLiteral("resident_population"), QT_TRANSLATE_NOOP("Labels", "Household registration")},
        {QStringLiteral("real_estate_registration"), QT_TRANSLATE_NOOP("Labels", "Real-estate registration")},
        {QStringLiteral("sale_contract"), QT_TRANSLATE_NOOP("Labels", "Housing sale contract")},
        {QStringLiteral("rental_filing"), QT_TRANSLATE_NOOP("Labels", "Rental filing")},
        {QStringLiteral("social_insurance"), QT_TRANSLATE_NOOP("Labels", "Social insurance")},
        {QStringLiteral("individual_business"), QT_TRANSLATE_NOOP("Labels", "Individual business")},
        {QStringLiteral("enterprise_legal_person"), QT_TRANSLATE_NOOP("Labels", "Enterprise legal person")},
        {QStringLiteral("marriage_registration"), QT_TRANSLATE_NOOP("Labels", "Marriage registration")},
        {QStringLiteral("residence_permit"), QT_TRANSLATE_NOOP("Labels", "Residence permit")},
    };
    return lookup(t, code);
}

QString agency(const QString& code)
{
    static const QHash<QString, const char*> t = {
        {QStringLiteral("public_security"), QT_TRANSLATE_NOOP("Labels", "Public security bureau")},
        {QStringLiteral("natural_resources"), QT_TRANSLATE_NOOP("Labels", "Natural resources bureau")},
        {QStringLiteral("housing"), QT_TRANSLATE_NOOP("Labels", "Housing bureau")},
        {QStringLiteral("hrss"), QT_TRANSLATE_NOOP("Labels", "Human resources and social security bureau")},
        {QStringLiteral("market_regulation"), QT_TRANSLATE_NOOP("Labels", "Market regulation bureau")},
        {QStringLiteral("civil_affairs"), QT_TRANSLATE_NOOP("Labels", "Civil affairs bureau")},
    };
    return lookup(t, code);
}

QString rule(const QString& code)
{
    static const QHash<QString, const char*> t = {
        {QStringLiteral("policy"), QT_TRANSLATE_NOOP("Labels", "Admission policy")},
        {QStringLiteral("age"), QT_TRANSLATE_NOOP("Labels", "Age")},
        {QStringLiteral("property_in_zone"), QT_TRANSLATE_NOOP("Labels", "Property in the zone")},
        {QStringLiteral("urban_household_registration"), QT_TRANSLATE_NOOP("Labels", "Urban household registration")},
        {QStringLiteral("residence_in_zone"), QT_TRANSLATE_NOOP("Labels", "Residence in the zone")},
        {QStringLiteral("work_in_city"), QT_TRANSLATE_NOOP("Labels", "Work in the city")},
    };
    return lookup(t, code);
}

QString outcome(const QString& code)
{
    static const QHash<QString, const char*> t = {
        {QStringLiteral("approve"), QT_TRANSLATE_NOOP("Labels", "Approve")},
        {QStringLiteral("reject"), QT_TRANSLATE_NOOP("Labels", "Reject")},
        {QStringLiteral("request_info"), QT_TRANSLATE_NOOP("Labels", "Request information")},
    };
    return lookup(t, code);
}

QString relation(const QString& code)
{
    static const QHash<QString, const char*> t = {
        {QStringLiteral("father"), QT_TRANSLATE_NOOP("Labels", "Father")},
        {QStringLiteral("mother"), QT_TRANSLATE_NOOP("Labels", "Mother")},
        {QStringLiteral("grandparent"), QT_TRANSLATE_NOOP("Labels", "Grandparent")},
        {QStringLiteral("other"), QT_TRANSLATE_NOOP("Labels", "Other guardian")},
    };
    return lookup(t, code);
}

QString field(const QString& name)
{
    static const QHash<QString, const char*> t = {
        {QStringLiteral("certificate_no"), QT_TRANSLATE_NOOP("Labels", "Certificate number")},
        {QStringLiteral("contract_no"), QT_TRANSLATE_NOOP("Labels", "Contract number")},
        {QStringLiteral("filing_no"), QT_TRANSLATE_NOOP("Labels", "Filing number")},
        {QStringLiteral("permit_no"), QT_TRANSLATE_NOOP("Labels", "Permit number")},
        {QStringLiteral("household_no"), QT_TRANSLATE_NOOP("Labels", "Household number")},
        {QStringLiteral("usage"), QT_TRANSLATE_NOOP("Labels", "Usage")},
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("Labels", "Status")},
        {QStringLiteral("registered_on"), QT_TRANSLATE_NOOP("Labels", "Registered on")},
        {QStringLiteral("cancelled_on"), QT_TRANSLATE_NOOP("Labels", "Cancelled on")},
        {QStringLiteral("signed_on"), QT_TRANSLATE_NOOP("Labels", "Signed on")},
        {QStringLiteral("start_on"), QT_TRANSLATE_NOOP("Labels", "Starts on")},
        {QStringLiteral("end_on"), QT_TRANSLATE_NOOP("Labels", "Ends on")},
        {QStringLiteral("issued_on"), QT_TRANSLATE_NOOP("Labels", "Issued on")},
        {QStringLiteral("expires_on"), QT_TRANSLATE_NOOP("Labels", "Expires on")},
        {QStringLiteral("employer_name"), QT_TRANSLATE_NOOP("Labels", "Employer")},
        {QStringLiteral("city_code"), QT_TRANSLATE_NOOP("Labels", "City code")},
        {QStringLiteral("periods"), QT_TRANSLATE_NOOP("Labels", "Paid months")},
        {QStringLiteral("address"), QT_TRANSLATE_NOOP("Labels", "Address")},
        {QStringLiteral("held_by"), QT_TRANSLATE_NOOP("Labels", "Held by")},
        {QStringLiteral("address_match"), QT_TRANSLATE_NOOP("Labels", "Address match")},
        {QStringLiteral("registration_no"), QT_TRANSLATE_NOOP("Labels", "Registration number")},
        {QStringLiteral("credit_code"), QT_TRANSLATE_NOOP("Labels", "Credit code")},
        {QStringLiteral("trade_name"), QT_TRANSLATE_NOOP("Labels", "Trade name")},
        {QStringLiteral("name"), QT_TRANSLATE_NOOP("Labels", "Name")},
        {QStringLiteral("members"), QT_TRANSLATE_NOOP("Labels", "Members")},
        {QStringLiteral("owners"), QT_TRANSLATE_NOOP("Labels", "Owners")},
        {QStringLiteral("share"), QT_TRANSLATE_NOOP("Labels", "Share")},
        {QStringLiteral("relation_to_head"), QT_TRANSLATE_NOOP("Labels", "Relation to the head")},
        {QStringLiteral("id_number"), QT_TRANSLATE_NOOP("Labels", "ID number")},
        {QStringLiteral("buyer_id_numbers"), QT_TRANSLATE_NOOP("Labels", "Buyers")},
        {QStringLiteral("tenant_id_numbers"), QT_TRANSLATE_NOOP("Labels", "Tenants")},
        {QStringLiteral("spouse_id_numbers"), QT_TRANSLATE_NOOP("Labels", "Spouses")},
        {QStringLiteral("operator_id_number"), QT_TRANSLATE_NOOP("Labels", "Operator")},
        {QStringLiteral("legal_rep_id_number"), QT_TRANSLATE_NOOP("Labels", "Legal representative")},
        {QStringLiteral("holder_id_number"), QT_TRANSLATE_NOOP("Labels", "Holder")},
        {QStringLiteral("from"), QT_TRANSLATE_NOOP("Labels", "From")},
        {QStringLiteral("to"), QT_TRANSLATE_NOOP("Labels", "To")},
    };
    return lookup(t, name);
}

QString fieldValue(const QString& name, const QString& value)
{
    static const QHash<QString, const char*> t = {
        {QStringLiteral("valid"), QT_TRANSLATE_NOOP("Labels", "valid")},
        {QStringLiteral("mortgaged"), QT_TRANSLATE_NOOP("Labels", "mortgaged")},
        {QStringLiteral("sealed"), QT_TRANSLATE_NOOP("Labels", "sealed")},
        {QStringLiteral("cancelled"), QT_TRANSLATE_NOOP("Labels", "cancelled")},
        {QStringLiteral("filed"), QT_TRANSLATE_NOOP("Labels", "filed")},
        {QStringLiteral("active"), QT_TRANSLATE_NOOP("Labels", "active")},
        {QStringLiteral("revoked"), QT_TRANSLATE_NOOP("Labels", "revoked")},
        {QStringLiteral("married"), QT_TRANSLATE_NOOP("Labels", "married")},
        {QStringLiteral("divorced"), QT_TRANSLATE_NOOP("Labels", "divorced")},
        {QStringLiteral("residential"), QT_TRANSLATE_NOOP("Labels", "residential")},
        {QStringLiteral("commercial"), QT_TRANSLATE_NOOP("Labels", "commercial")},
    };
    if (name == QLatin1String("held_by")) {
        QStringList people;
        for (const QString& p : value.split(QStringLiteral(", "), Qt::SkipEmptyParts))
            people << (p == QLatin1String("child") ? QCoreApplication::translate("Labels", "child") : relation(p));
        return people.join(QCoreApplication::translate("Labels", ", "));
    }
    if (name == QLatin1String("status") || name == QLatin1String("usage"))
        return lookup(t, value);
    return value;
}

QString pending(const QString& outcome)
{
    if (outcome == QLatin1String("approve"))
        return QCoreApplication::translate("Labels", "Approval waiting to be sent");
    if (outcome == QLatin1String("reject"))
        return QCoreApplication::translate("Labels", "Rejection waiting to be sent");
    if (outcome == QLatin1String("request_info"))
        return QCoreApplication::translate("Labels", "Request waiting to be sent");
    return {};
}

QString reason(const QString& code, const QString& outcome)
{
    const QString language = chineseInterface() ? QStringLiteral("zh_CN") : QStringLiteral("en");
    for (const sync::ReasonCode& r : sync::ReasonCodes::all())
        if (r.code == code && (outcome.isEmpty() || r.outcome == outcome))
            return r.label(language);
    // A code of the other outcome (an officer's tool upstream may mix them): its label still reads
    // better than the code.
    for (const sync::ReasonCode& r : sync::ReasonCodes::all())
        if (r.code == code)
            return r.label(language);
    return code;
}

QString age(const QString& ymd, const QDate& on)
{
    const QDate born = QDate::fromString(ymd, QStringLiteral("yyyyMMdd"));
    if (!born.isValid() || !on.isValid() || born > on)
        return QStringLiteral("-");
    int months = (on.year() - born.year()) * 12 + (on.month() - born.month());
    if (on.day() < born.day())
        --months;
    return QCoreApplication::translate("Labels", "%1 y %2 m").arg(months / 12).arg(months % 12);
}

QString flagList(qint64 mask)
{
    QStringList names;
    const QStringList flags = store::CacheEligibility::flagsInBitOrder();
    for (int bit = 0; bit < flags.size(); ++bit)
        if (mask & (qint64(1) << bit))
            names << flag(flags.at(bit));
    return names.join(u'\n');
}

QStringList flagsInBitOrder()
{
    return store::CacheEligibility::flagsInBitOrder();
}

} // namespace adm::views::labels
