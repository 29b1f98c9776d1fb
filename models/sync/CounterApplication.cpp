#include "CounterApplication.h"

#include "SyncTypes.h"
#include "domain/IdNumber.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace adm::sync {

namespace paper {

QStringList kinds()
{
    return {HouseholdRegister, PropertyCertificate, SaleContract,    RentalFiling,
            ResidencePermit,   SocialInsurance,     BusinessLicence, MarriageCertificate};
}

QList<QStringList> requirementsOf(const QString& category)
{
    const QStringList property{PropertyCertificate, SaleContract};
    if (category == QLatin1String("A"))
        return {{HouseholdRegister}, property};
    if (category == QLatin1String("B"))
        return {property};
    if (category == QLatin1String("C"))
        return {{RentalFiling, ResidencePermit}, {SocialInsurance, BusinessLicence}};
    return {};
}

bool isRequiredFor(const QString& kind, const QString& category)
{
    for (const QStringList& group : requirementsOf(category))
        if (group.contains(kind))
            return true;
    return false;
}

QList<QStringList> missingFor(const QString& category, const QStringList& seen)
{
    QList<QStringList> missing;
    for (const QStringList& group : requirementsOf(category)) {
        bool met = false;
        for (const QString& kind : group)
            met = met || seen.contains(kind);
        if (!met)
            missing.append(group);
    }
    return missing;
}

} // namespace paper

namespace {

QJsonValue orNull(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

// Reads a string member; a member of another type is an error naming its path.
bool readString(const QJsonObject& o, const char* key, const QString& path, QString* out, Error* error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString()) {
        *error =
            Error{QStringLiteral("bad_input"),
                  SyncText::tr("%1 must be text; correct the input and try again.").arg(path + QLatin1String(key))};
        return false;
    }
    *out = v.toString().trimmed();
    return true;
}

bool readObjectList(const QJsonObject& o, const char* key, QList<QJsonObject>* out, Error* error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isArray()) {
        *error = Error{QStringLiteral("bad_input"),
                       SyncText::tr("%1 must be a list; correct the input and try again.").arg(QLatin1String(key))};
        return false;
    }
    const QJsonArray list = v.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject()) {
            *error = Error{QStringLiteral("bad_input"),
                           SyncText::tr("%1[%2] must be an object; correct the input and try again.")
                               .arg(QLatin1String(key))
                               .arg(i)};
            return false;
        }
        out->append(list.at(i).toObject());
    }
    return true;
}

const QStringList& relations()
{
    static const QStringList r{QStringLiteral("father"), QStringLiteral("mother"), QStringLiteral("grandparent"),
                               QStringLiteral("other")};
    return r;
}

} // namespace

QJsonObject CounterApplication::toJson() const
{
    QJsonArray guardianList;
    for (const Guardian& g : guardians)
        guardianList.append(QJsonObject{{QStringLiteral("name"), g.name},
                                        {QStringLiteral("id_number"), g.idNumber},
                                        {QStringLiteral("relation"), g.relation},
                                        {QStringLiteral("phone"), normalisedMobile(g.phone)}});
    QJsonArray evidence;
    for (const PaperEvidence& e : paperEvidence)
        evidence.append(QJsonObject{{QStringLiteral("kind"), e.kind},
                                    {QStringLiteral("checked_by"), e.checkedBy},
                                    {QStringLiteral("note"), orNull(e.note)}});
    QJsonObject out{{QStringLiteral("admission_year"), admissionYear},
                    {QStringLiteral("grade"), grade},
                    {QStringLiteral("channel"), QStringLiteral("counter")},
                    {QStringLiteral("child"),
                     QJsonObject{{QStringLiteral("name"), child.name}, {QStringLiteral("id_number"), child.idNumber}}},
                    {QStringLiteral("guardians"), guardianList},
                    {QStringLiteral("target_school_id"), targetSchoolId},
                    {QStringLiteral("claimed_category"), claimedCategory},
                    {QStringLiteral("claimed_address"), claimedAddress},
                    {QStringLiteral("paper_evidence"), evidence}};
    if (!takenFrom.isEmpty()) {
        // An optional extension (docs/upstream-api-extensions.md): which values came from which record.
        QJsonArray taken;
        for (const TakenValue& t : takenFrom)
            taken.append(QJsonObject{{QStringLiteral("field"), t.field}, {QStringLiteral("record_id"), t.recordId}});
        out.insert(QStringLiteral("taken_from"), taken);
    }
    return out;
}

Result<CounterApplication> CounterApplication::fromJson(const QJsonObject& o)
{
    CounterApplication a;
    Error error;
    const QJsonValue year = o.value(QStringLiteral("admission_year"));
    if (!year.isUndefined() && !year.isNull()) {
        if (!year.isDouble())
            return Error{
                QStringLiteral("bad_input"),
                SyncText::tr("admission_year must be a number such as 2026; correct the input and try again.")};
        a.admissionYear = year.toInt();
    }
    QString ignored;
    if (!readString(o, "grade", QString(), &a.grade, &error) ||
        !readString(o, "target_school_id", QString(), &a.targetSchoolId, &error) ||
        !readString(o, "claimed_category", QString(), &a.claimedCategory, &error) ||
        !readString(o, "claimed_address", QString(), &a.claimedAddress, &error))
        return error;
    const QJsonValue child = o.value(QStringLiteral("child"));
    if (!child.isUndefined() && !child.isObject())
        return Error{QStringLiteral("bad_input"), SyncText::tr("child must be an object with name and id_number.")};
    if (!readString(child.toObject(), "name", QStringLiteral("child."), &a.child.name, &error) ||
        !readString(child.toObject(), "id_number", QStringLiteral("child."), &a.child.idNumber, &error))
        return error;

    QList<QJsonObject> list;
    if (!readObjectList(o, "guardians", &list, &error))
        return error;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = QStringLiteral("guardians[%1].").arg(i);
        Guardian g;
        if (!readString(list.at(i), "name", path, &g.name, &error) ||
            !readString(list.at(i), "id_number", path, &g.idNumber, &error) ||
            !readString(list.at(i), "relation", path, &g.relation, &error) ||
            !readString(list.at(i), "phone", path, &g.phone, &error))
            return error;
        a.guardians.append(g);
    }
    list.clear();
    if (!readObjectList(o, "paper_evidence", &list, &error))
        return error;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = QStringLiteral("paper_evidence[%1].").arg(i);
        PaperEvidence e;
        if (!readString(list.at(i), "kind", path, &e.kind, &error) ||
            !readString(list.at(i), "checked_by", path, &e.checkedBy, &error) ||
            !readString(list.at(i), "note", path, &e.note, &error))
            return error;
        a.paperEvidence.append(e);
    }
    list.clear();
    if (!readObjectList(o, "taken_from", &list, &error))
        return error;
    for (const QJsonObject& t : std::as_const(list))
        a.takenFrom.append(
            {t.value(QStringLiteral("field")).toString(), t.value(QStringLiteral("record_id")).toString()});
    return a;
}

Application CounterApplication::toApplication() const
{
    Application a;
    a.id = QStringLiteral("counter");
    a.admissionYear = admissionYear;
    a.grade = grade;
    a.channel = QStringLiteral("counter");
    a.submittedAt = QDateTime::currentDateTimeUtc();
    a.child = child;
    a.child.idNumber = IdNumber::parse(child.idNumber).text();
    a.guardians = guardians;
    for (Guardian& g : a.guardians)
        g.idNumber = IdNumber::parse(g.idNumber).text();
    a.targetSchoolId = targetSchoolId;
    a.claimedCategory = claimedCategory;
    a.claimedAddress = claimedAddress;
    a.status = QStringLiteral("submitted");
    a.version = 0;
    return a;
}

QStringList CounterApplication::evidenceKinds() const
{
    QStringList out;
    for (const PaperEvidence& e : paperEvidence)
        out.append(e.kind);
    return out;
}

QString normalisedMobile(const QString& text)
{
    QString out = text;
    out.remove(QRegularExpression(QStringLiteral("[\\s\\-]")));
    return out;
}

bool isMobileNumber(const QString& text)
{
    static const QRegularExpression mobile(QStringLiteral("^1[0-9]{10}$"));
    return mobile.match(normalisedMobile(text)).hasMatch();
}

QList<FieldProblem> checkCounterApplication(const CounterApplication& a, const CounterScope& scope)
{
    QList<FieldProblem> out;
    auto problem = [&out](const QString& field, const QString& message) { out.append({field, message}); };

    if (a.targetSchoolId.isEmpty())
        problem(QStringLiteral("target_school_id"), SyncText::tr("Choose the school the family applies to."));
    else if (scope.schoolLevels.isEmpty())
        problem(QStringLiteral("target_school_id"),
                SyncText::tr(
                    "This workstation holds no schools yet: sync with the city platform (or import its data) first."));
    else if (!scope.schoolLevels.contains(a.targetSchoolId))
        problem(QStringLiteral("target_school_id"),
                SyncText::tr("School %1 is not a school of this workstation; choose one of the list.")
                    .arg(a.targetSchoolId));
    if (a.grade != QLatin1String("primary1") && a.grade != QLatin1String("junior7"))
        problem(QStringLiteral("grade"), SyncText::tr("Choose the grade: primary grade 1 or junior grade 7."));
    else if (const QString level = scope.schoolLevels.value(a.targetSchoolId); !level.isEmpty()) {
        const QString wanted =
            a.grade == QLatin1String("primary1") ? QStringLiteral("primary") : QStringLiteral("junior");
        if (level != wanted)
            problem(QStringLiteral("grade"),
                    a.grade == QLatin1String("primary1")
                        ? SyncText::tr("This school is a junior school: choose junior grade 7.")
                        : SyncText::tr("This school is a primary school: choose primary grade 1."));
    }
    if (a.admissionYear <= 0)
        problem(QStringLiteral("admission_year"), SyncText::tr("Give the admission year (for example %1).")
                                                      .arg(scope.admissionYear > 0 ? scope.admissionYear : 2026));
    else if (scope.admissionYear > 0 && a.admissionYear != scope.admissionYear)
        problem(QStringLiteral("admission_year"),
                SyncText::tr("Applications taken now are for %1; the year given is %2.")
                    .arg(scope.admissionYear)
                    .arg(a.admissionYear));

    const IdNumber child = IdNumber::parse(a.child.idNumber);
    if (a.child.idNumber.isEmpty())
        problem(QStringLiteral("child.id_number"), SyncText::tr("Type the child's ID number (18 characters)."));
    else if (!child.isValid())
        problem(QStringLiteral("child.id_number"), child.problemMessage());
    if (a.child.name.isEmpty())
        problem(QStringLiteral("child.name"), SyncText::tr("Type the child's name as on the household register."));
    else if (a.child.name.size() > 40)
        problem(QStringLiteral("child.name"), SyncText::tr("The child's name is longer than 40 characters; check it."));

    if (a.guardians.isEmpty())
        problem(QStringLiteral("guardians"), SyncText::tr("Add at least one guardian."));
    for (qsizetype i = 0; i < a.guardians.size(); ++i) {
        const Guardian& g = a.guardians.at(i);
        const QString path = QStringLiteral("guardians[%1].").arg(i);
        const int n = int(i) + 1;
        const IdNumber id = IdNumber::parse(g.idNumber);
        if (g.idNumber.isEmpty())
            problem(path + QLatin1String("id_number"), SyncText::tr("Type the ID number of guardian %1.").arg(n));
        else if (!id.isValid())
            problem(path + QLatin1String("id_number"), SyncText::tr("Guardian %1: %2").arg(n).arg(id.problemMessage()));
        else if (child.isValid() && id.text() == child.text())
            problem(path + QLatin1String("id_number"),
                    SyncText::tr("Guardian %1 has the child's ID number; type the guardian's own.").arg(n));
        if (g.name.isEmpty())
            problem(path + QLatin1String("name"), SyncText::tr("Type the name of guardian %1.").arg(n));
        if (!relations().contains(g.relation))
            problem(
                path + QLatin1String("relation"),
                SyncText::tr("Choose how guardian %1 is related to the child: father, mother, grandparent or other.")
                    .arg(n));
        if (!isMobileNumber(g.phone))
            problem(path + QLatin1String("phone"),
                    SyncText::tr("The mobile number of guardian %1 must be 11 digits starting with 1.").arg(n));
    }
    if (a.claimedAddress.isEmpty())
        problem(QStringLiteral("claimed_address"),
                SyncText::tr("Type the address the family claims (road, number, compound)."));
    if (a.claimedCategory != QLatin1String("A") && a.claimedCategory != QLatin1String("B") &&
        a.claimedCategory != QLatin1String("C"))
        problem(QStringLiteral("claimed_category"), SyncText::tr("Choose the category the family claims: A, B or C."));
    const QStringList known = paper::kinds();
    for (qsizetype i = 0; i < a.paperEvidence.size(); ++i)
        if (!known.contains(a.paperEvidence.at(i).kind))
            problem(QStringLiteral("paper_evidence[%1].kind").arg(i),
                    SyncText::tr("Unknown kind of paper evidence \"%1\"; use one of: %2.")
                        .arg(a.paperEvidence.at(i).kind, known.join(QStringLiteral(", "))));
    return out;
}

} // namespace adm::sync
