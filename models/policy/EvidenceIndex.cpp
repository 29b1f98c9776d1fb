#include "EvidenceIndex.h"

#include "IsoDates.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>
#include <climits>

namespace adm::policy {

namespace {

QString str(const QJsonObject& o, QLatin1StringView key)
{
    return o.value(key).toString();
}

QDate date(const QJsonObject& o, QLatin1StringView key)
{
    return IsoDates::parse(o.value(key).toString());
}

// Present and not null: an end date that is given but unreadable must not read as "open-ended".
bool given(const QJsonObject& o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    return !v.isNull() && !v.isUndefined();
}

void addId(QStringList& list, const QString& id)
{
    const QString n = EvidenceIndex::normalizeId(id);
    if (!n.isEmpty() && !list.contains(n))
        list.append(n);
}

void addIds(QStringList& list, const QJsonValue& v)
{
    const QJsonArray a = v.toArray();
    for (const QJsonValue& e : a)
        addId(list, e.isObject() ? e.toObject().value(QLatin1StringView("id_number")).toString() : e.toString());
}

// "2026-07" → month number; -1 when malformed.
int parseMonth(const QString& s)
{
    if (s.size() != 7 || s.at(4) != u'-')
        return -1;
    bool okYear = false;
    bool okMonth = false;
    const int y = QStringView(s).left(4).toInt(&okYear);
    const int m = QStringView(s).mid(5, 2).toInt(&okMonth);
    if (!okYear || !okMonth || m < 1 || m > 12)
        return -1;
    return y * 12 + m - 1;
}

} // namespace

Dataset datasetOf(const QString& name)
{
    static const QHash<QString, Dataset> names = {
        {QStringLiteral("resident_population"), Dataset::ResidentPopulation},
        {QStringLiteral("real_estate_registration"), Dataset::RealEstateRegistration},
        {QStringLiteral("sale_contract"), Dataset::SaleContract},
        {QStringLiteral("rental_filing"), Dataset::RentalFiling},
        {QStringLiteral("social_insurance"), Dataset::SocialInsurance},
        {QStringLiteral("individual_business"), Dataset::IndividualBusiness},
        {QStringLiteral("enterprise_legal_person"), Dataset::EnterpriseLegalPerson},
        {QStringLiteral("marriage_registration"), Dataset::MarriageRegistration},
        {QStringLiteral("residence_permit"), Dataset::ResidencePermit},
    };
    return names.value(name, Dataset::Other);
}

const NormalizedAddress& EvidenceRecord::normalized() const
{
    static const NormalizedAddress none;
    return place ? place->normalized : none;
}

const QList<ZoneMatch>& EvidenceRecord::zoneHits() const
{
    static const QList<ZoneMatch> none;
    return place ? place->zoneHits : none;
}

const HouseholdMember* EvidenceRecord::member(const QString& idNumber) const
{
    for (const HouseholdMember& m : members) {
        if (m.idNumber == idNumber)
            return &m;
    }
    return nullptr;
}

EvidenceIndex::EvidenceIndex(const ZoneMatcher& zones)
    : m_zones(zones)
{}

void EvidenceIndex::addAll(const QList<AgencyRecord>& records)
{
    addAll(QtConcurrent::blockingMapped<QList<EvidenceRecord>>(records, &EvidenceIndex::typed));
}

void EvidenceIndex::addAll(QList<EvidenceRecord> typedRecords)
{
    // Normalising and zone-matching an address is most of the cost of a record: do each new text
    // once, in parallel, then insert serially.
    QStringList texts;
    QSet<QString> seen;
    for (const EvidenceRecord& r : std::as_const(typedRecords))
        if (!r.address.isEmpty() && !m_placeByText.contains(r.address) && !seen.contains(r.address)) {
            seen.insert(r.address);
            texts.append(r.address);
        }
    const ZoneMatcher& zones = m_zones;
    QList<AddressPlace> places =
        QtConcurrent::blockingMapped<QList<AddressPlace>>(texts, [&zones](const QString& text) {
            AddressPlace p;
            p.normalized = AddressNormalizer::normalize(text);
            p.zoneHits = zones.matchAll(p.normalized);
            return p;
        });
    for (qsizetype i = 0; i < texts.size(); ++i)
        m_placeByText.insert(texts.at(i), &m_places.emplace_back(std::move(places[i])));
    // No reserve(size + n): called block by block, an exact reserve reallocates (and copies every
    // record) each time; growing geometrically does not.
    for (EvidenceRecord& r : typedRecords)
        insert(std::move(r));
}

const QList<int>& EvidenceIndex::recordsOf(const QString& idNumber) const
{
    static const QList<int> none;
    const auto it = m_byPerson.constFind(idNumber);
    return it == m_byPerson.constEnd() ? none : *it;
}

void EvidenceIndex::add(const AgencyRecord& record)
{
    insert(typed(record));
}

EvidenceRecord EvidenceIndex::typed(const AgencyRecord& in)
{
    using L = QLatin1StringView;
    EvidenceRecord r;
    r.id = in.id;
    r.agency = in.agency;
    r.datasetName = in.dataset;
    r.dataset = datasetOf(in.dataset);
    r.fetchedAt = in.fetchedAt;
    for (const QString& s : in.subjectIdNumbers)
        addId(r.subjects, s);
    const QJsonObject& f = in.fields;
    r.address = str(f, L("address"));
    r.status = str(f, L("status"));

    switch (r.dataset) {
    case Dataset::ResidentPopulation: {
        r.number = str(f, L("household_no"));
        const QJsonArray members = f.value(L("members")).toArray();
        for (const QJsonValue& v : members) {
            const QJsonObject m = v.toObject();
            HouseholdMember hm{normalizeId(str(m, L("id_number"))), date(m, L("registered_on"))};
            if (hm.idNumber.isEmpty())
                continue;
            addId(r.persons, hm.idNumber);
            r.members.append(hm);
        }
        r.date = date(f, L("registered_on")); // a record-level date, used when a member has none
        break;
    }
    case Dataset::RealEstateRegistration:
        r.number = str(f, L("certificate_no"));
        r.usage = str(f, L("usage"));
        r.date = date(f, L("registered_on"));
        r.endDate = date(f, L("cancelled_on"));
        r.endDateGiven = given(f, L("cancelled_on"));
        addIds(r.persons, f.value(L("owners")));
        break;
    case Dataset::SaleContract:
        r.number = str(f, L("contract_no"));
        r.date = date(f, L("signed_on"));
        addIds(r.persons, f.value(L("buyer_id_numbers")));
        break;
    case Dataset::RentalFiling:
        r.number = str(f, L("filing_no"));
        r.date = date(f, L("start_on"));
        r.endDate = date(f, L("end_on"));
        r.endDateGiven = given(f, L("end_on"));
        addIds(r.persons, f.value(L("tenant_id_numbers")));
        break;
    case Dataset::SocialInsurance: {
        r.title = str(f, L("employer_name"));
        r.cityCode = str(f, L("city_code"));
        addId(r.persons, str(f, L("id_number")));
        const QJsonArray periods = f.value(L("periods")).toArray();
        for (const QJsonValue& v : periods) {
            const QJsonObject p = v.toObject();
            const int from = parseMonth(str(p, L("from")));
            // An open period ("to": null) is still being paid.
            const int to = p.value(L("to")).isString() ? parseMonth(str(p, L("to"))) : INT_MAX;
            if (from >= 0 && to >= from)
                r.periods.append(MonthPeriod{from, to});
        }
        break;
    }
    case Dataset::IndividualBusiness:
        r.number = str(f, L("registration_no"));
        r.title = str(f, L("trade_name"));
        r.date = date(f, L("registered_on"));
        addId(r.persons, str(f, L("operator_id_number")));
        break;
    case Dataset::EnterpriseLegalPerson:
        r.number = str(f, L("credit_code"));
        r.title = str(f, L("name"));
        r.date = date(f, L("registered_on"));
        addId(r.persons, str(f, L("legal_rep_id_number")));
        break;
    case Dataset::MarriageRegistration:
        r.number = str(f, L("certificate_no"));
        r.date = date(f, L("registered_on"));
        addIds(r.persons, f.value(L("spouse_id_numbers")));
        break;
    case Dataset::ResidencePermit:
        r.number = str(f, L("permit_no"));
        r.date = date(f, L("issued_on"));
        r.endDate = date(f, L("expires_on"));
        r.endDateGiven = given(f, L("expires_on"));
        addId(r.persons, str(f, L("holder_id_number")));
        break;
    case Dataset::Other:
        break;
    }
    // A record whose role field is missing still belongs to its subjects.
    if (r.persons.isEmpty())
        r.persons = r.subjects;
    return r;
}

void EvidenceIndex::insert(EvidenceRecord&& r)
{
    if (!r.address.isEmpty()) {
        const AddressPlace*& place = m_placeByText[r.address];
        if (!place) {
            AddressPlace& p = m_places.emplace_back();
            p.normalized = AddressNormalizer::normalize(r.address);
            p.zoneHits = m_zones.matchAll(p.normalized);
            place = &p;
        }
        r.place = place;
    }

    const int index = int(m_records.size());
    QStringList people = r.subjects;
    for (const QString& p : std::as_const(r.persons)) {
        if (!people.contains(p))
            people.append(p);
    }
    for (const QString& p : std::as_const(people))
        m_byPerson[p].append(index);
    m_records.push_back(std::move(r));
}

} // namespace adm::policy
