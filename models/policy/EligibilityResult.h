#pragma once

#include "ZoneMatcher.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace adm::policy {

// Stable rule names, as they appear in "checks" and in the GUI's evidence cards.
namespace rule {
inline const QString Policy = QStringLiteral("policy"); // only when no school or policy applies
inline const QString Age = QStringLiteral("age");
inline const QString PropertyInZone = QStringLiteral("property_in_zone");
inline const QString UrbanHouseholdRegistration = QStringLiteral("urban_household_registration");
inline const QString ResidenceInZone = QStringLiteral("residence_in_zone");
inline const QString WorkInCity = QStringLiteral("work_in_city");
} // namespace rule

// The flags of the policy's table.
namespace flag {
inline const QString DuplicateApplication = QStringLiteral("duplicate_application");
inline const QString SharedProperty = QStringLiteral("shared_property");
inline const QString PropertyCancelled = QStringLiteral("property_cancelled");
inline const QString GuardianNotLinked = QStringLiteral("guardian_not_linked");
inline const QString CategoryMismatch = QStringLiteral("category_mismatch");
inline const QString OverAge = QStringLiteral("over_age");
inline const QString AddressUncertain = QStringLiteral("address_uncertain");
inline const QString RecordMissing = QStringLiteral("record_missing");
inline const QString UnderAge = QStringLiteral("under_age");
} // namespace flag

enum class Category { None, A, B, C };
QString categoryCode(Category c); // "A" | "B" | "C" | "none"

// One field of an agency record that a rule looked at (never an ID number or a name).
struct EvidenceField {
    QString name;
    QString value;
};

// One agency record as evidence for a rule: where it comes from, the fields the rule used and,
// for address rules, how its address matched a zone.
struct EvidenceUse {
    QString recordId;
    QString agency;
    QString dataset;
    QDateTime fetchedAt;
    QList<EvidenceField> fields;
    ZoneMatch address;     // kind None when no address was matched
    QString addressText;   // translated: "matched compound 阳光花园 of zone Z01"
    bool decisive = false; // the record that decided a passed rule
    QString value(const QString& fieldName) const;
};

// One rule the check tried.
struct RuleCheck {
    QString rule;
    bool passed = false;
    QString reason;              // one translated line a reviewer can read
    QList<EvidenceUse> evidence; // passed: the decisive record; failed: the records examined
    QStringList recordIds() const;
    const EvidenceUse* decisive() const;
};

// What the flags that need other applications (CrossApplicationFlags) look at.
struct ApplicationSummary {
    QString applicationId;
    int admissionYear = 0;
    QString childIdNumber;         // normalised (upper-case X)
    QString decisiveCertificateNo; // the decisive real-estate certificate, empty when none
    QString householdKey;          // "household:<household_no>", or "child:<id>" for a child alone
};

struct EligibilityResult {
    QString applicationId;
    QString policyId;
    QString claimedCategory;
    Category category = Category::None;
    bool eligible = false;
    QStringList flags;                  // sorted
    QMap<QString, QString> flagReasons; // flag → translated line saying why it is set
    QList<RuleCheck> checks;
    QDate decisiveDate; // date of the decisive property (A, B) or residence (C): the order within a category
    ApplicationSummary summary;

    void setFlag(const QString& name, const QString& reason);
    void clearFlag(const QString& name);
    bool hasFlag(const QString& name) const { return flags.contains(name); }
    const RuleCheck* check(const QString& rule) const;
};

// {"application_id", "category", "eligible", "flags", "flag_reasons", "checks": [{"rule", "passed",
// "record_ids", "reason", "fields"}]}; "fields" are those of the decisive (or first) record.
QJsonObject toJson(const EligibilityResult& result);

} // namespace adm::policy
