#include "EvaluateDocument.h"

#include "CrossApplicationFlags.h"
#include "EligibilityCheck.h"
#include "EvidenceIndex.h"
#include "PolicyCatalog.h"
#include "domain/IdNumber.h"
#include "domain/JsonCodec.h"

#include <QJsonArray>
#include <QSet>

namespace adm::policy {

namespace {

Error invalid(const QString& path, const QString& what)
{
    return makeError(QStringLiteral("invalid_input"), path + QStringLiteral(": ") + what);
}

// Reads the list under `key` with `read`; every item must be an object.
template <typename T, typename Reader>
Status readList(const QJsonObject& input, const QString& key, bool required, Reader read, QList<T>& out)
{
    const QJsonValue v = input.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            return invalid(key, QStringLiteral("is missing"));
        return {};
    }
    if (!v.isArray())
        return invalid(key, QStringLiteral("must be a list"));
    const QJsonArray a = v.toArray();
    out.reserve(a.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString path = QStringLiteral("%1[%2]").arg(key).arg(i);
        if (!a.at(i).isObject())
            return invalid(path, QStringLiteral("must be an object"));
        auto item = read(a.at(i).toObject(), path);
        if (!item)
            return item.error();
        out.append(std::move(item.value()));
    }
    return {};
}

Status checkId(const QString& idNumber, const QString& path)
{
    const IdNumber id = IdNumber::parse(idNumber);
    if (id.isValid())
        return {};
    // The message says what is wrong, never the number itself.
    return invalid(path, id.problemCode() + QStringLiteral(": ") + id.problemMessage());
}

Status checkReferences(const EvaluationInput& in)
{
    QSet<QString> zoneIds;
    for (qsizetype i = 0; i < in.zones.size(); ++i) {
        if (zoneIds.contains(in.zones.at(i).id))
            return invalid(QStringLiteral("zones[%1].id").arg(i),
                           QStringLiteral("duplicate id \"%1\"").arg(in.zones.at(i).id));
        zoneIds.insert(in.zones.at(i).id);
    }
    QSet<QString> schoolIds;
    for (qsizetype i = 0; i < in.schools.size(); ++i) {
        const School& s = in.schools.at(i);
        if (schoolIds.contains(s.id))
            return invalid(QStringLiteral("schools[%1].id").arg(i), QStringLiteral("duplicate id \"%1\"").arg(s.id));
        schoolIds.insert(s.id);
        for (qsizetype z = 0; z < s.zoneIds.size(); ++z) {
            if (!zoneIds.contains(s.zoneIds.at(z)))
                return invalid(QStringLiteral("schools[%1].zone_ids[%2]").arg(i).arg(z),
                               QStringLiteral("no zone \"%1\" in zones").arg(s.zoneIds.at(z)));
        }
    }
    QSet<QString> applicationIds;
    for (qsizetype i = 0; i < in.applications.size(); ++i) {
        const Application& a = in.applications.at(i);
        const QString path = QStringLiteral("applications[%1]").arg(i);
        if (applicationIds.contains(a.id))
            return invalid(path + QStringLiteral(".id"), QStringLiteral("duplicate id \"%1\"").arg(a.id));
        applicationIds.insert(a.id);
        if (!schoolIds.contains(a.targetSchoolId))
            return invalid(path + QStringLiteral(".target_school_id"),
                           QStringLiteral("no school \"%1\" in schools").arg(a.targetSchoolId));
        if (Status s = checkId(a.child.idNumber, path + QStringLiteral(".child.id_number")); !s)
            return s;
        for (qsizetype g = 0; g < a.guardians.size(); ++g) {
            if (Status s =
                    checkId(a.guardians.at(g).idNumber, QStringLiteral("%1.guardians[%2].id_number").arg(path).arg(g));
                !s)
                return s;
        }
    }
    return {};
}

} // namespace

Result<EvaluationInput> readEvaluationInput(const QJsonObject& input)
{
    EvaluationInput in;
    const QJsonValue single = input.value(QStringLiteral("policy"));
    if (!single.isUndefined() && !single.isNull()) {
        if (!single.isObject())
            return invalid(QStringLiteral("policy"), QStringLiteral("must be an object"));
        auto p = json::readPolicy(single.toObject(), QStringLiteral("policy"));
        if (!p)
            return p.error();
        in.policies.append(std::move(p.value()));
    }
    if (Status s = readList(input, QStringLiteral("policies"), false, &json::readPolicy, in.policies); !s)
        return s.error();
    if (in.policies.isEmpty())
        return invalid(QStringLiteral("policy"), QStringLiteral("is missing (give \"policy\" or \"policies\")"));
    if (Status s = readList(input, QStringLiteral("schools"), true, &json::readSchool, in.schools); !s)
        return s.error();
    if (Status s = readList(input, QStringLiteral("zones"), true, &json::readZone, in.zones); !s)
        return s.error();
    if (Status s = readList(input, QStringLiteral("applications"), true, &json::readApplication, in.applications); !s)
        return s.error();
    if (Status s = readList(input, QStringLiteral("agency_records"), true, &json::readAgencyRecord, in.agencyRecords);
        !s)
        return s.error();
    if (Status s = checkReferences(in); !s)
        return s.error();
    return in;
}

QList<EligibilityResult> evaluate(const EvaluationInput& input)
{
    const PolicyCatalog catalog(input.policies, input.schools, input.zones);
    EvidenceIndex evidence(catalog.zoneMatcher());
    evidence.addAll(input.agencyRecords);
    const EligibilityCheck check(catalog, evidence);
    QList<EligibilityResult> results;
    results.reserve(input.applications.size());
    for (const Application& a : input.applications)
        results.append(check.check(a));
    CrossApplicationFlags::apply(results);
    return results;
}

Result<QJsonObject> evaluateDocument(const QJsonObject& input)
{
    auto in = readEvaluationInput(input);
    if (!in)
        return in.error();
    const QList<EligibilityResult> results = evaluate(*in);
    QJsonArray out;
    for (const EligibilityResult& r : results)
        out.append(toJson(r));
    QJsonObject doc;
    doc.insert(QStringLiteral("results"), out);
    return doc;
}

} // namespace adm::policy
