#include "RecordWriter.h"

#include "domain/JsonCodec.h"

#include <QJsonArray>
#include <cstdio>

namespace adm::citygen {

namespace {

struct DatasetInfo {
    const char* agency;
    const char* dataset;
    const char* prefix; // of our record ids
};

constexpr DatasetInfo kDatasets[] = {
    {"public_security", "resident_population", "PS"},
    {"natural_resources", "real_estate_registration", "RE"},
    {"housing", "sale_contract", "SC"},
    {"housing", "rental_filing", "RF"},
    {"hrss", "social_insurance", "SI"},
    {"market_regulation", "individual_business", "IB"},
    {"market_regulation", "enterprise_legal_person", "EL"},
    {"civil_affairs", "marriage_registration", "MR"},
    {"public_security", "residence_permit", "RP"},
};

// Keys as Latin-1 views: QJsonObject takes them without building a QString each time.
QLatin1String key(const char* text)
{
    return QLatin1String(text);
}

QJsonArray ids(const Unit& unit, const QList<int>& persons)
{
    QJsonArray a;
    for (int p : persons)
        a.append(unit.persons[p].id);
    return a;
}

} // namespace

RecordWriter::RecordWriter(const Geography& geography, const PolicyBook& policies)
    : m_geo(geography)
    , m_policies(policies)
    , m_addresses(geography)
{}

QString RecordWriter::isoDate(QDate d)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year(), d.month(), d.day());
    return QString::fromLatin1(buf);
}

QString RecordWriter::isoTime(qint64 s)
{
    const qint64 days = s >= 0 ? s / 86400 : (s - 86399) / 86400;
    const qint64 rest = s - days * 86400;
    const QDate d = QDate::fromJulianDay(days + 2440588);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year(), d.month(), d.day(), int(rest / 3600),
                  int(rest / 60 % 60), int(rest % 60));
    return QString::fromLatin1(buf);
}

QString RecordWriter::isoMonth(int month)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", month / 12, month % 12 + 1);
    return QString::fromLatin1(buf);
}

QString RecordWriter::serial(int width)
{
    return QStringLiteral("%1").arg(++m_serial, width, 10, QLatin1Char('0'));
}

QString RecordWriter::creditCode(const QString& prefix)
{
    // The shape of a unified social credit code: 18 characters from the official alphabet. The
    // last eight come from a bijective scramble of a counter, so they never repeat.
    static const char kAlphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    constexpr quint64 kSpace = 31ULL * 31 * 31 * 31 * 31 * 31 * 31 * 31;
    quint64 v = (quint64(++m_serial) * 1000003ULL) % kSpace;
    char buf[9];
    for (int i = 7; i >= 0; --i) {
        buf[i] = kAlphabet[v % 31];
        v /= 31;
    }
    buf[8] = 0;
    return prefix + QLatin1String(buf);
}

Change RecordWriter::change(const QString& entity, const QString& id, QJsonObject data)
{
    Change c;
    c.seq = ++m_seq;
    c.entity = entity;
    c.op = QStringLiteral("upsert");
    c.id = id;
    c.version = 1;
    c.data = std::move(data);
    return c;
}

Change RecordWriter::policy(const Policy& p)
{
    return change(entity::Policy, p.id, json::write(p));
}

Change RecordWriter::school(int index, int capacity)
{
    const Geography::School& s = m_geo.schools()[index];
    Addr site;
    site.kind = Addr::Kind::House;
    site.district = qint16(s.district);
    site.road = s.road;
    site.number = s.number;
    Random unused(0);
    School school;
    school.id = s.id;
    school.name = s.name;
    school.districtCode = m_geo.districts()[s.district].code;
    school.level = s.junior ? QStringLiteral("junior") : QStringLiteral("primary");
    school.capacity = capacity;
    school.address = m_addresses.write(site, unused, AddressWriter::Style::Formal);
    school.zoneIds = {m_geo.zones()[s.zone].id};
    return change(entity::School, s.id, json::write(school));
}

Change RecordWriter::zone(int index)
{
    const Geography::Zone& z = m_geo.zones()[index];
    Zone zone;
    zone.id = z.id;
    zone.name = z.name;
    zone.districtCode = m_geo.districts()[z.district].code;
    for (int s : z.schools)
        zone.schoolIds.append(m_geo.schools()[s].id);
    for (int seg : z.segments) {
        const Geography::Segment& s = m_geo.segments()[seg];
        StreetRange range;
        range.road = m_geo.roads()[s.road].name;
        range.from = s.from;
        range.to = s.to;
        range.parity = s.parity == Geography::Parity::Odd    ? QStringLiteral("odd")
                       : s.parity == Geography::Parity::Even ? QStringLiteral("even")
                                                             : QStringLiteral("all");
        zone.streets.append(range);
    }
    for (int c : z.compounds)
        zone.compounds.append(m_geo.compounds()[c].name);
    return change(entity::Zone, z.id, json::write(zone));
}

QString RecordWriter::nextApplicationId()
{
    return QStringLiteral("A%1%2").arg(m_policies.year()).arg(++m_applicationNo, m_idWidth, 10, QLatin1Char('0'));
}

QJsonObject RecordWriter::fields(const Unit& unit, const Record& r, Random& rng, QString* sourceRef)
{
    // Keys go in sorted order, so that each insert appends.
    QJsonObject f;
    auto address = [&] { return m_addresses.write(r.addr, rng); };
    auto districtCode = [&] {
        return r.addr.district >= 0 ? m_geo.districts()[r.addr.district].code : Geography::cityCode();
    };
    auto idOf = [&](int person) { return unit.persons[person].id; };
    switch (r.dataset) {
    case Dataset::ResidentPopulation: {
        *sourceRef = r.areaCode + serial(9);
        f.insert(key("address"), address());
        f.insert(key("household_no"), *sourceRef);
        QJsonArray members;
        for (const Member& m : r.members) {
            QJsonObject o;
            o.insert(key("id_number"), idOf(m.person));
            o.insert(key("name"), unit.persons[m.person].name);
            o.insert(key("registered_on"), isoDate(m.registeredOn));
            o.insert(key("relation_to_head"), m.relation);
            members.append(o);
        }
        f.insert(key("members"), members);
        break;
    }
    case Dataset::RealEstate: {
        const QString city =
            r.addr.district >= 0 ? m_geo.districts()[r.addr.district].certificateCity : Geography::cityName();
        *sourceRef = QStringLiteral("鲁(%1)%2不动产权第%3号").arg(r.start.year()).arg(city, serial(7));
        f.insert(key("address"), address());
        f.insert(key("cancelled_on"), r.end.isValid() ? QJsonValue(isoDate(r.end)) : QJsonValue(QJsonValue::Null));
        f.insert(key("certificate_no"), *sourceRef);
        QJsonArray owners;
        for (int i = 0; i < r.persons.size(); ++i) {
            QJsonObject o;
            o.insert(key("id_number"), idOf(r.persons[i]));
            o.insert(key("share"), r.shares.value(i, 100) / 100.0);
            owners.append(o);
        }
        f.insert(key("owners"), owners);
        f.insert(key("registered_on"), isoDate(r.start));
        f.insert(key("status"), r.status);
        f.insert(key("usage"), r.usage);
        break;
    }
    case Dataset::SaleContract:
        *sourceRef = QStringLiteral("WQ%1%2").arg(r.start.year()).arg(serial(8));
        f.insert(key("address"), address());
        f.insert(key("buyer_id_numbers"), ids(unit, r.persons));
        f.insert(key("contract_no"), *sourceRef);
        f.insert(key("signed_on"), isoDate(r.start));
        f.insert(key("status"), r.status);
        break;
    case Dataset::Rental:
        *sourceRef = QStringLiteral("ZL%1%2").arg(r.start.year()).arg(serial(8));
        f.insert(key("address"), address());
        f.insert(key("end_on"), isoDate(r.end));
        f.insert(key("filing_no"), *sourceRef);
        f.insert(key("start_on"), isoDate(r.start));
        f.insert(key("status"), r.status);
        f.insert(key("tenant_id_numbers"), ids(unit, r.persons));
        break;
    case Dataset::Insurance: {
        *sourceRef = QStringLiteral("SI") + serial(10);
        f.insert(key("city_code"), Geography::cityCode());
        f.insert(key("employer_name"), r.name);
        f.insert(key("id_number"), idOf(r.persons.first()));
        QJsonArray periods;
        for (const MonthRange& p : r.periods) {
            QJsonObject o;
            o.insert(key("from"), isoMonth(p.from));
            o.insert(key("to"), isoMonth(p.to));
            periods.append(o);
        }
        f.insert(key("periods"), periods);
        break;
    }
    case Dataset::Business:
        *sourceRef = creditCode(QStringLiteral("92") + districtCode() + QStringLiteral("MA"));
        f.insert(key("address"), address());
        f.insert(key("operator_id_number"), idOf(r.persons.first()));
        f.insert(key("registered_on"), isoDate(r.start));
        f.insert(key("registration_no"), *sourceRef);
        f.insert(key("status"), r.status);
        f.insert(key("trade_name"), r.name);
        break;
    case Dataset::Enterprise:
        *sourceRef = creditCode(QStringLiteral("91") + districtCode() + QStringLiteral("MA"));
        f.insert(key("address"), address());
        f.insert(key("credit_code"), *sourceRef);
        f.insert(key("legal_rep_id_number"), idOf(r.persons.first()));
        f.insert(key("name"), r.name);
        f.insert(key("registered_on"), isoDate(r.start));
        f.insert(key("status"), r.status);
        break;
    case Dataset::Marriage:
        *sourceRef = QStringLiteral("J%1-%2-%3").arg(r.areaCode).arg(r.start.year()).arg(serial(7));
        f.insert(key("certificate_no"), *sourceRef);
        f.insert(key("registered_on"), isoDate(r.start));
        f.insert(key("spouse_id_numbers"), ids(unit, r.persons));
        f.insert(key("status"), r.status);
        break;
    case Dataset::ResidencePermit:
        *sourceRef = QStringLiteral("JZ%1%2").arg(districtCode(), serial(8));
        f.insert(key("address"), address());
        f.insert(key("expires_on"), isoDate(r.end));
        f.insert(key("holder_id_number"), idOf(r.persons.first()));
        f.insert(key("issued_on"), isoDate(r.start));
        f.insert(key("permit_no"), *sourceRef);
        break;
    }
    return f;
}

Change RecordWriter::record(const Unit& unit, const Record& r, Random& rng)
{
    const DatasetInfo& info = kDatasets[int(r.dataset)];
    const QString id = QStringLiteral("R-%1-%2").arg(key(info.prefix)).arg(++m_recordNo, 8, 10, QLatin1Char('0'));
    QString sourceRef;
    const QJsonObject recordFields = fields(unit, r, rng, &sourceRef);
    QStringList subjects;
    for (int p : r.persons) {
        if (!subjects.contains(unit.persons[p].id))
            subjects.append(unit.persons[p].id);
    }
    // Keys in sorted order: each insert then appends.
    QJsonObject data;
    data.insert(key("agency"), key(info.agency));
    data.insert(key("dataset"), key(info.dataset));
    data.insert(key("fetched_at"), isoTime(r.fetchedAt));
    data.insert(key("fields"), recordFields);
    data.insert(key("id"), id);
    data.insert(key("source_ref"), sourceRef);
    data.insert(key("subject_id_numbers"), QJsonArray::fromStringList(subjects));
    return change(entity::AgencyRecord, id, data);
}

Change RecordWriter::application(const Unit& unit, const AppModel& app, const QString& id, Random& rng)
{
    Application a;
    a.id = id;
    a.admissionYear = m_policies.year();
    a.grade = app.junior ? QStringLiteral("junior7") : QStringLiteral("primary1");
    a.channel = app.channel;
    a.submittedAt = QDateTime::fromSecsSinceEpoch(app.submittedAt, Qt::UTC);
    a.child = Child{unit.persons[app.child].name, unit.persons[app.child].id};
    for (const GuardianRef& g : app.guardians) {
        const Person& p = unit.persons[g.person];
        a.guardians.append(Guardian{p.name, p.id, g.relation, p.phone});
    }
    a.targetSchoolId = m_geo.schools()[app.school].id;
    a.claimedCategory = app.claimed;
    a.claimedAddress = m_addresses.write(app.claimedAddr, rng, AddressWriter::Style::Typed);
    a.status = app.status;
    a.version = 1;
    return change(entity::Application, id, json::write(a));
}

} // namespace adm::citygen
