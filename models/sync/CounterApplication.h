#pragma once

#include "domain/Entities.h"
#include "domain/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace adm::sync {

// The paper documents a clerk sees at the desk (`paper_evidence[].kind` of POST /api/v1/applications).
namespace paper {
inline const QString HouseholdRegister = QStringLiteral("household_register");
inline const QString PropertyCertificate = QStringLiteral("property_certificate");
inline const QString SaleContract = QStringLiteral("sale_contract");
inline const QString RentalFiling = QStringLiteral("rental_filing");
inline const QString ResidencePermit = QStringLiteral("residence_permit");
inline const QString SocialInsurance = QStringLiteral("social_insurance");
inline const QString BusinessLicence = QStringLiteral("business_licence");
inline const QString MarriageCertificate = QStringLiteral("marriage_certificate");
// Every kind, in the order the checklist shows them.
QStringList kinds();
// What a claimed category needs (admission-policy.md, "Categories"), as groups of which one document
// each is enough: A household register and property (certificate or sale contract); B property; C
// residence (rental filing or residence permit) and work (social insurance or business licence).
QList<QStringList> requirementsOf(const QString& category);
// Whether the kind answers a requirement of the category.
bool isRequiredFor(const QString& kind, const QString& category);
// The groups of the category none of `seen` answers.
QList<QStringList> missingFor(const QString& category, const QStringList& seen);
} // namespace paper

struct PaperEvidence {
    QString kind;
    QString checkedBy; // who looked at it (the clerk's name by default)
    QString note;
};

// A value the clerk took from an agency record looked up at the desk: which field, from which record.
struct TakenValue {
    QString field;    // "claimed_address", "guardians[1]", …
    QString recordId; // the agency record it came from
};

// One walk-in application as typed at the counter: the contract's application object without `id`,
// `status` and `version`, plus what the counter adds (paper evidence, values taken from a lookup).
struct CounterApplication {
    int admissionYear = 0;
    QString grade; // primary1 | junior7
    QString targetSchoolId;
    Child child;
    QList<Guardian> guardians;
    QString claimedAddress;
    QString claimedCategory; // A | B | C
    QList<PaperEvidence> paperEvidence;
    QList<TakenValue> takenFrom;
    // The form this was typed in (a UUID the form makes): links the lookups made while typing to the
    // saved application in the audit log, since no ID number may go there. Kept local, not sent.
    QString formId;

    // The body of the contract's item (without idempotency_key and client_ref, which the outbox and
    // the workflow add), and the draft's form.
    QJsonObject toJson() const;
    // The reverse, for `admissionsctl intake --input` and the draft: an error "bad_input" naming the
    // field whose type is wrong. Missing values are left empty (check() names them).
    static Result<CounterApplication> fromJson(const QJsonObject& object);
    // The application the eligibility check reads (id "counter", status "submitted").
    Application toApplication() const;
    QStringList evidenceKinds() const;
};

// One problem of a field, in the contract's path ("child.id_number", "guardians[0].phone") and a
// sentence in the user's language saying what is wrong and what to do.
struct FieldProblem {
    QString field;
    QString message;
};

// What the counter may enter: the schools of this workstation, with their level (primary | junior).
struct CounterScope {
    QMap<QString, QString> schoolLevels;
    int admissionYear = 0;
};

// Every problem of the application, in the order of the form: what the form shows as the clerk types
// and what saving refuses. Pure: no cache, no clock.
QList<FieldProblem> checkCounterApplication(const CounterApplication& application, const CounterScope& scope);

// An 11-digit mainland mobile number (1 then ten digits); spaces and dashes are ignored.
bool isMobileNumber(const QString& text);
QString normalisedMobile(const QString& text);

} // namespace adm::sync
