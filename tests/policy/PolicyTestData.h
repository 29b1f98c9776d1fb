#pragma once

#include "domain/IdNumber.h"
#include "policy/EligibilityResult.h"
#include "policy/EvaluateDocument.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTest>

// Builders for policy test documents: the same shapes as shared/fixtures/policy-cases.json, made
// small and varied in code. Header-only; each test file has one class and includes this.
namespace policytest {

// A valid GB 11643 number: area, birth date, three-digit sequence, check character.
inline QString makeId(const QString& area, const QDate& birth, int sequence)
{
    const QString first17 =
        area + birth.toString(QStringLiteral("yyyyMMdd")) + QStringLiteral("%1").arg(sequence, 3, 10, QChar(u'0'));
    return first17 + adm::IdNumber::checkCharacter(first17);
}

inline QString day(const QDate& d)
{
    return d.toString(Qt::ISODate);
}

inline QJsonArray strings(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

// One family: a child and two guardians (father, mother) with valid ID numbers.
struct Family {
    QString child;
    QString father;
    QString mother;
    QString area = QStringLiteral("371102");

    static Family make(int n, const QDate& childBirth = QDate(2019, 11, 5),
                       const QString& area = QStringLiteral("371102"))
    {
        Family f;
        f.area = area;
        f.child = makeId(area, childBirth, 100 + 2 * n + 1);
        f.father = makeId(area, QDate(1988, 3, 15), 100 + 2 * n + 1);
        f.mother = makeId(area, QDate(1990, 6, 20), 100 + 2 * n);
        return f;
    }
    QStringList parents() const { return {father, mother}; }
    QStringList everyone() const { return {father, mother, child}; }
};

class Doc {
public:
    // The fixture's city: policy P-371102 (cut-off 2026-07-31, born 2019-09-01..2020-08-31, six
    // months each), school S1 with zone Z01 (海曲东路 1-199 all; 阳光花园, 金海岸小区), school S2
    // with zone Z02 (北京路 2-100 even; 翠园), and in 岚山区 school S3 with zone Z03 (圣岚路
    // 1-99 odd; 岚山花园) and its own policy.
    Doc()
    {
        m_policy = policy(QStringLiteral("371102"));
        m_policies.append(policy(QStringLiteral("371103")));
        addSchool(QStringLiteral("S1"), QStringLiteral("371102"), {QStringLiteral("Z01")});
        addSchool(QStringLiteral("S2"), QStringLiteral("371102"), {QStringLiteral("Z02")});
        addSchool(QStringLiteral("S3"), QStringLiteral("371103"), {QStringLiteral("Z03")});
        addZone(QStringLiteral("Z01"), QStringLiteral("371102"), QStringLiteral("海曲东路"), 1, 199,
                QStringLiteral("all"), {QStringLiteral("阳光花园"), QStringLiteral("金海岸小区")});
        addZone(QStringLiteral("Z02"), QStringLiteral("371102"), QStringLiteral("北京路"), 2, 100,
                QStringLiteral("even"), {QStringLiteral("翠园")});
        addZone(QStringLiteral("Z03"), QStringLiteral("371103"), QStringLiteral("圣岚路"), 1, 99, QStringLiteral("odd"),
                {QStringLiteral("岚山花园")});
    }

    static QJsonObject policy(const QString& district)
    {
        return QJsonObject{{"id", QStringLiteral("P-%1-2026-primary1").arg(district)},
                           {"district_code", district},
                           {"admission_year", 2026},
                           {"grade", "primary1"},
                           {"cutoff_date", "2026-07-31"},
                           {"birth_from", "2019-09-01"},
                           {"birth_to", "2020-08-31"},
                           {"urban_district_codes", QJsonArray{"371102"}},
                           {"min_rental_months", 6},
                           {"min_insurance_months", 6},
                           {"min_business_months", 6},
                           {"category_priority", QJsonArray{"A", "B", "C"}}};
    }

    QJsonObject& mainPolicy() { return m_policy; }

    void addSchool(const QString& id, const QString& district, const QStringList& zones)
    {
        m_schools.append(QJsonObject{{"id", id},
                                     {"name", QStringLiteral("School %1").arg(id)},
                                     {"district_code", district},
                                     {"level", "primary"},
                                     {"capacity", 100},
                                     {"address", ""},
                                     {"zone_ids", strings(zones)}});
    }

    void addZone(const QString& id, const QString& district, const QString& road, int from, int to,
                 const QString& parity, const QStringList& compounds)
    {
        m_zones.append(QJsonObject{
            {"id", id},
            {"name", QStringLiteral("Zone %1").arg(id)},
            {"district_code", district},
            {"school_ids", QJsonArray{}},
            {"streets", QJsonArray{QJsonObject{{"road", road}, {"from", from}, {"to", to}, {"parity", parity}}}},
            {"compounds", strings(compounds)}});
    }

    QString application(const QString& id, const Family& f, const QString& school = QStringLiteral("S1"),
                        const QString& claimed = QStringLiteral("A"), int year = 2026)
    {
        QJsonArray guardians;
        guardians.append(QJsonObject{{"name", "F"}, {"id_number", f.father}, {"relation", "father"}, {"phone", "1"}});
        guardians.append(QJsonObject{{"name", "M"}, {"id_number", f.mother}, {"relation", "mother"}, {"phone", "1"}});
        return applicationWith(id, f.child, guardians, school, claimed, year);
    }

    QString applicationWith(const QString& id, const QString& child, const QJsonArray& guardians, const QString& school,
                            const QString& claimed, int year = 2026)
    {
        m_applications.append(QJsonObject{{"id", id},
                                          {"admission_year", year},
                                          {"grade", "primary1"},
                                          {"channel", "online"},
                                          {"submitted_at", "2026-06-01T02:00:00Z"},
                                          {"child", QJsonObject{{"name", "C"}, {"id_number", child}}},
                                          {"guardians", guardians},
                                          {"target_school_id", school},
                                          {"claimed_category", claimed},
                                          {"claimed_address", ""},
                                          {"status", "submitted"},
                                          {"decision", QJsonValue::Null},
                                          {"version", 1}});
        return id;
    }

    QString record(const QString& agency, const QString& dataset, const QStringList& subjects,
                   const QJsonObject& fields)
    {
        const QString id = QStringLiteral("R-%1").arg(++m_recordCount, 4, 10, QChar(u'0'));
        m_records.append(QJsonObject{{"id", id},
                                     {"agency", agency},
                                     {"dataset", dataset},
                                     {"source_ref", id},
                                     {"subject_id_numbers", strings(subjects)},
                                     {"fetched_at", "2026-06-02T01:00:00Z"},
                                     {"fields", fields}});
        return id;
    }

    // A household listing the members, each registered on `since` (the child on `childSince`).
    QString household(const Family& f, const QString& address, const QDate& childSince = QDate(2019, 11, 20),
                      const QString& householdNo = {})
    {
        const QDate since(2015, 3, 1);
        QJsonArray members{
            QJsonObject{
                {"id_number", f.father}, {"name", "F"}, {"relation_to_head", "户主"}, {"registered_on", day(since)}},
            QJsonObject{
                {"id_number", f.mother}, {"name", "M"}, {"relation_to_head", "妻"}, {"registered_on", day(since)}},
            QJsonObject{
                {"id_number", f.child}, {"name", "C"}, {"relation_to_head", "子"}, {"registered_on", day(childSince)}}};
        return householdWith(f.everyone(), members, address,
                             householdNo.isEmpty() ? QStringLiteral("HH-%1").arg(f.child.right(4)) : householdNo);
    }

    QString householdWith(const QStringList& subjects, const QJsonArray& members, const QString& address,
                          const QString& householdNo)
    {
        return record("public_security", "resident_population", subjects,
                      QJsonObject{{"household_no", householdNo}, {"address", address}, {"members", members}});
    }

    QString realEstate(const QStringList& owners, const QString& address, const QDate& registered = QDate(2016, 5, 1),
                       const QString& status = QStringLiteral("valid"), const QDate& cancelled = {},
                       const QString& usage = QStringLiteral("residential"), const QString& certificate = {})
    {
        QJsonArray ownerList;
        for (const QString& o : owners)
            ownerList.append(QJsonObject{{"id_number", o}, {"share", 1.0 / owners.size()}});
        const QString cert =
            certificate.isEmpty()
                ? QStringLiteral("鲁(2024)日照市不动产权第%1号").arg(m_recordCount + 1, 7, 10, QChar(u'0'))
                : certificate;
        return record("natural_resources", "real_estate_registration", owners,
                      QJsonObject{{"certificate_no", cert},
                                  {"address", address},
                                  {"usage", usage},
                                  {"owners", ownerList},
                                  {"registered_on", day(registered)},
                                  {"status", status},
                                  {"cancelled_on", cancelled.isValid() ? QJsonValue(day(cancelled)) : QJsonValue()}});
    }

    QString saleContract(const QStringList& buyers, const QString& address, const QDate& signedOn,
                         const QString& status = QStringLiteral("filed"))
    {
        return record("housing", "sale_contract", buyers,
                      QJsonObject{{"contract_no", QStringLiteral("WQ%1").arg(m_recordCount + 1)},
                                  {"address", address},
                                  {"buyer_id_numbers", strings(buyers)},
                                  {"signed_on", day(signedOn)},
                                  {"status", status}});
    }

    QString rental(const QStringList& tenants, const QString& address, const QDate& start, const QDate& end,
                   const QString& status = QStringLiteral("valid"))
    {
        return record("housing", "rental_filing", tenants,
                      QJsonObject{{"filing_no", QStringLiteral("ZL%1").arg(m_recordCount + 1)},
                                  {"address", address},
                                  {"tenant_id_numbers", strings(tenants)},
                                  {"start_on", day(start)},
                                  {"end_on", end.isValid() ? QJsonValue(day(end)) : QJsonValue()},
                                  {"status", status}});
    }

    QString residencePermit(const QString& holder, const QString& address, const QDate& issued, const QDate& expires)
    {
        return record("public_security", "residence_permit", {holder},
                      QJsonObject{{"permit_no", QStringLiteral("JZ%1").arg(m_recordCount + 1)},
                                  {"holder_id_number", holder},
                                  {"address", address},
                                  {"issued_on", day(issued)},
                                  {"expires_on", expires.isValid() ? QJsonValue(day(expires)) : QJsonValue()}});
    }

    // periods: "2025-10:2026-07" pairs.
    QString insurance(const QString& person, const QStringList& periods, const QString& city = QStringLiteral("371100"))
    {
        QJsonArray list;
        for (const QString& p : periods)
            list.append(QJsonObject{{"from", p.section(u':', 0, 0)}, {"to", p.section(u':', 1, 1)}});
        return record(
            "hrss", "social_insurance", {person},
            QJsonObject{
                {"id_number", person}, {"employer_name", "日照港集团"}, {"city_code", city}, {"periods", list}});
    }

    QString business(const QString& person, const QDate& registered, const QString& status = QStringLiteral("active"),
                     bool enterprise = false)
    {
        if (enterprise)
            return record("market_regulation", "enterprise_legal_person", {person},
                          QJsonObject{{"credit_code", QStringLiteral("91371100MA%1").arg(m_recordCount + 1)},
                                      {"name", "日照某某有限公司"},
                                      {"legal_rep_id_number", person},
                                      {"address", "东港区烟台路1号"},
                                      {"registered_on", day(registered)},
                                      {"status", status}});
        return record("market_regulation", "individual_business", {person},
                      QJsonObject{{"registration_no", QStringLiteral("GT%1").arg(m_recordCount + 1)},
                                  {"operator_id_number", person},
                                  {"trade_name", "某某小吃店"},
                                  {"address", "东港区烟台路2号"},
                                  {"registered_on", day(registered)},
                                  {"status", status}});
    }

    QString marriage(const QStringList& spouses, const QString& status = QStringLiteral("married"))
    {
        return record("civil_affairs", "marriage_registration", spouses,
                      QJsonObject{{"certificate_no", QStringLiteral("J%1").arg(m_recordCount + 1)},
                                  {"spouse_id_numbers", strings(spouses)},
                                  {"registered_on", "2012-05-01"},
                                  {"status", status}});
    }

    QJsonObject json() const
    {
        QJsonArray policies = m_policies;
        return QJsonObject{{"policy", m_policy}, {"policies", policies},           {"schools", m_schools},
                           {"zones", m_zones},   {"applications", m_applications}, {"agency_records", m_records}};
    }

    QList<adm::policy::EligibilityResult> evaluate() const
    {
        auto in = adm::policy::readEvaluationInput(json());
        if (!in) {
            qWarning("invalid test document: %s", qPrintable(in.error().message));
            return {};
        }
        return adm::policy::evaluate(*in);
    }

    // The result of one application.
    adm::policy::EligibilityResult result(const QString& applicationId) const
    {
        const auto results = evaluate();
        for (const auto& r : results) {
            if (r.applicationId == applicationId)
                return r;
        }
        return {};
    }

private:
    QJsonObject m_policy;
    QJsonArray m_policies;
    QJsonArray m_schools;
    QJsonArray m_zones;
    QJsonArray m_applications;
    QJsonArray m_records;
    int m_recordCount = 0;
};

} // namespace policytest
