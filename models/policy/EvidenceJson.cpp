#include "EvidenceJson.h"

#include "IsoDates.h"
#include "JsonBytes.h"
#include "domain/JsonCodec.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QVarLengthArray>
#include <climits>

// The fast path reads only what it can vouch for and says "not sure" (std::nullopt) for the rest,
// so that the slow path decides. Where Qt is lenient (raw control characters in strings, unknown
// escapes, "1.", lone surrogates) or reads a value in a way that is awkward to mirror (keys with
// escapes or non-ASCII keys, duplicate keys, months that QString::toInt would read leniently), the
// fast path gives up rather than guess.

namespace adm::policy {

namespace {

using jsonbytes::Kind;
using jsonbytes::Reader;
using jsonbytes::Str;
using jsonbytes::text;

// The string's text, where values that repeat in every record (agencies, datasets, statuses,
// usages) share one QString (a literal: copies cost nothing) instead of each allocating its own.
QString common(const Str& s)
{
    static const QString values[] = {
        QStringLiteral("public_security"),
        QStringLiteral("housing"),
        QStringLiteral("hrss"),
        QStringLiteral("natural_resources"),
        QStringLiteral("civil_affairs"),
        QStringLiteral("market_regulation"),
        QStringLiteral("resident_population"),
        QStringLiteral("real_estate_registration"),
        QStringLiteral("sale_contract"),
        QStringLiteral("rental_filing"),
        QStringLiteral("social_insurance"),
        QStringLiteral("individual_business"),
        QStringLiteral("enterprise_legal_person"),
        QStringLiteral("marriage_registration"),
        QStringLiteral("residence_permit"),
        QStringLiteral("valid"),
        QStringLiteral("active"),
        QStringLiteral("filed"),
        QStringLiteral("married"),
        QStringLiteral("mortgaged"),
        QStringLiteral("sealed"),
        QStringLiteral("revoked"),
        QStringLiteral("cancelled"),
        QStringLiteral("divorced"),
        QStringLiteral("residential"),
        QStringLiteral("commercial"),
    };
    if (s.plain()) {
        const QLatin1StringView bytes(s.begin, s.size());
        for (const QString& v : values)
            if (v.size() == bytes.size() && v == bytes)
                return v;
    }
    return text(s);
}

// EvidenceIndex::normalizeId of the string (trimmed, upper case). Plain ASCII is done on the
// bytes: there the only space a JSON string can hold unescaped is ' ', and upper case is A-Z.
QString idOf(const Str& s)
{
    if (!s.plain())
        return EvidenceIndex::normalizeId(text(s));
    const char* b = s.begin;
    const char* e = s.end;
    while (b < e && *b == ' ')
        ++b;
    while (e > b && e[-1] == ' ')
        --e;
    const char* lower = b;
    while (lower < e && !(*lower >= 'a' && *lower <= 'z'))
        ++lower;
    if (lower == e)
        return QString::fromLatin1(b, e - b);
    QVarLengthArray<char, 32> upper(b, e);
    for (char& c : upper)
        if (c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
    return QString::fromLatin1(upper.data(), upper.size());
}

// EvidenceIndex's addId for an ID number already normalised.
void addNormalized(QStringList& list, QString&& id)
{
    if (!id.isEmpty() && !list.contains(id))
        list.append(std::move(id));
}

// The n ASCII digits at p as a number, or -1.
int digitsAt(const char* p, int n)
{
    int v = 0;
    for (int i = 0; i < n; ++i) {
        if (p[i] < '0' || p[i] > '9')
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

// IsoDates::parse of the string: on plain ASCII bytes directly, otherwise on the text Qt gives
// (which may differ from the bytes: QString::fromUtf8 drops a leading U+FEFF).
QDate dateOf(const Str& s)
{
    if (!s.plain())
        return IsoDates::parse(text(s));
    const char* p = s.begin;
    if (s.size() != 10 || p[4] != '-' || p[7] != '-')
        return {};
    const int y = digitsAt(p, 4);
    const int m = digitsAt(p + 5, 2);
    const int d = digitsAt(p + 8, 2);
    return y >= 0 && m >= 0 && d >= 0 && QDate::isValid(y, m, d) ? QDate(y, m, d) : QDate();
}

constexpr int kNotSure = -2;

// EvidenceIndex's parseMonth ("2026-07" → month number, -1 when malformed), or kNotSure: it reads
// with QStringView::toInt, which also takes signs and spaces, so only the plain digit form and
// the certain failures are decided here.
int monthOf(const Str& s)
{
    if (!s.plain())
        return kNotSure;
    if (s.size() != 7 || s.begin[4] != '-')
        return -1;
    const int y = digitsAt(s.begin, 4);
    const int m = digitsAt(s.begin + 5, 2);
    if (y < 0 || m < 0)
        return kNotSure;
    return m >= 1 && m <= 12 ? y * 12 + m - 1 : -1;
}

// json::parseTime for the one form the upstream writes, "2026-06-03T06:21:17Z", as the UTC time it
// gives; "" reads as no time, as FieldReader::time has it. Anything else (milliseconds, an offset,
// a lower-case z, a value out of range) is not decided here.
bool timeOf(const Str& s, QDateTime* out)
{
    if (!s.plain())
        return false;
    if (s.size() == 0) {
        *out = QDateTime();
        return true;
    }
    const char* p = s.begin;
    if (s.size() != 20 || p[4] != '-' || p[7] != '-' || p[10] != 'T' || p[13] != ':' || p[16] != ':' || p[19] != 'Z')
        return false;
    const int y = digitsAt(p, 4);
    const int mo = digitsAt(p + 5, 2);
    const int d = digitsAt(p + 8, 2);
    const int h = digitsAt(p + 11, 2);
    const int mi = digitsAt(p + 14, 2);
    const int sec = digitsAt(p + 17, 2);
    if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0 || !QDate::isValid(y, mo, d) || h > 23 || mi > 59 ||
        sec > 59)
        return false;
    *out = QDateTime(QDate(y, mo, d), QTime(h, mi, sec), Qt::UTC);
    return true;
}

// A value that must be a string or null; anything else is not decided here.
bool stringOrNull(Reader& in, Str& s, bool* isString)
{
    const Kind k = in.next();
    *isString = k == Kind::String;
    if (k == Kind::Null)
        return true;
    return k == Kind::String && in.string(s);
}

// A list that may also be null (no elements), as QJsonValue::toArray reads null.
template <typename F> bool listOrNull(Reader& in, F&& element)
{
    const Kind k = in.next();
    return k == Kind::Null || (k == Kind::Array && in.elements(element));
}

// An object (next() saw its brace) of which only a few keys matter, each a string or null:
// values[i] and given[i] for a string, given[i] false for null or absent. Other keys are skipped.
template <int N>
bool readSmallObject(Reader& in, const QLatin1StringView (&keys)[N], Str (&values)[N], bool (&given)[N])
{
    for (bool& g : given)
        g = false;
    quint32 seen = 0;
    return in.members([&](const Str& key) {
        int i = 0;
        while (i < N && !key.is(keys[i]))
            ++i;
        if (i == N)
            return in.skipValue(3);
        if (seen & (1u << i)) // a duplicate key: Qt keeps the last one; leave it to Qt
            return false;
        seen |= 1u << i;
        return stringOrNull(in, values[i], &given[i]);
    });
}

// A list of ID numbers (owners, buyers, tenants, spouses): strings, or objects with "id_number".
bool readIdList(Reader& in, QStringList& persons)
{
    static const QLatin1StringView keys[1] = {QLatin1StringView("id_number")};
    return listOrNull(in, [&] {
        Str s[1];
        bool given[1] = {false};
        switch (in.next()) {
        case Kind::Null: // reads as "": no one
            return true;
        case Kind::String:
            if (!in.string(s[0]))
                return false;
            addNormalized(persons, idOf(s[0]));
            return true;
        case Kind::Object:
            if (!readSmallObject(in, keys, s, given))
                return false;
            if (given[0])
                addNormalized(persons, idOf(s[0]));
            return true;
        default:
            return false;
        }
    });
}

bool readMembers(Reader& in, EvidenceRecord& r)
{
    static const QLatin1StringView keys[2] = {QLatin1StringView("id_number"), QLatin1StringView("registered_on")};
    return listOrNull(in, [&] {
        const Kind e = in.next();
        if (e == Kind::Null) // an empty member: no id_number, skipped
            return true;
        Str v[2];
        bool given[2];
        if (e != Kind::Object || !readSmallObject(in, keys, v, given))
            return false;
        HouseholdMember m{given[0] ? idOf(v[0]) : QString(), given[1] ? dateOf(v[1]) : QDate()};
        if (m.idNumber.isEmpty())
            return true;
        // typed() normalises the member's number again for the person list; a plain one is already.
        addNormalized(r.persons, v[0].plain() ? QString(m.idNumber) : EvidenceIndex::normalizeId(m.idNumber));
        r.members.append(std::move(m));
        return true;
    });
}

bool readPeriods(Reader& in, EvidenceRecord& r)
{
    static const QLatin1StringView keys[2] = {QLatin1StringView("from"), QLatin1StringView("to")};
    return listOrNull(in, [&] {
        const Kind e = in.next();
        if (e == Kind::Null) // no "from": skipped
            return true;
        Str v[2];
        bool given[2];
        if (e != Kind::Object || !readSmallObject(in, keys, v, given))
            return false;
        const int from = given[0] ? monthOf(v[0]) : -1;
        const int to = given[1] ? monthOf(v[1]) : INT_MAX; // "to" null or absent: still being paid
        if (from == kNotSure || to == kNotSure)
            return false;
        if (from >= 0 && to >= from)
            r.periods.append(MonthPeriod{from, to});
        return true;
    });
}

// The record's subject_id_numbers: FieldReader::strings (a non-string fails it), then typed()'s
// addId for each.
bool readSubjects(Reader& in, QStringList& subjects)
{
    return listOrNull(in, [&] {
        Str s;
        if (in.next() != Kind::String || !in.string(s))
            return false;
        addNormalized(subjects, idOf(s));
        return true;
    });
}

// What a key of `fields` means for the record, as EvidenceIndex::typed reads it.
enum class Role { Text, Common, Date, EndDate, Person, Persons, Members, Periods };

struct Field {
    QLatin1StringView key;
    Role role;
    QString EvidenceRecord::*text = nullptr; // Text and Common
};

struct Schema {
    const Field* fields;
    int count;
    int indexOf(const Str& key) const
    {
        int i = 0;
        while (i < count && !key.is(fields[i].key))
            ++i;
        return i < count ? i : -1;
    }
};

// The keys every dataset reads, then those of each dataset.
Schema schemaOf(Dataset dataset)
{
    using L = QLatin1StringView;
    using R = EvidenceRecord;
    static const Field shared[] = {{L("address"), Role::Text, &R::address}, {L("status"), Role::Common, &R::status}};
    static const Field resident[] = {
        {L("household_no"), Role::Text, &R::number}, {L("members"), Role::Members}, {L("registered_on"), Role::Date}};
    static const Field realEstate[] = {{L("certificate_no"), Role::Text, &R::number},
                                       {L("usage"), Role::Common, &R::usage},
                                       {L("registered_on"), Role::Date},
                                       {L("cancelled_on"), Role::EndDate},
                                       {L("owners"), Role::Persons}};
    static const Field sale[] = {{L("contract_no"), Role::Text, &R::number},
                                 {L("signed_on"), Role::Date},
                                 {L("buyer_id_numbers"), Role::Persons}};
    static const Field rental[] = {{L("filing_no"), Role::Text, &R::number},
                                   {L("start_on"), Role::Date},
                                   {L("end_on"), Role::EndDate},
                                   {L("tenant_id_numbers"), Role::Persons}};
    static const Field insurance[] = {{L("employer_name"), Role::Text, &R::title},
                                      {L("city_code"), Role::Text, &R::cityCode},
                                      {L("id_number"), Role::Person},
                                      {L("periods"), Role::Periods}};
    static const Field business[] = {{L("registration_no"), Role::Text, &R::number},
                                     {L("trade_name"), Role::Text, &R::title},
                                     {L("registered_on"), Role::Date},
                                     {L("operator_id_number"), Role::Person}};
    static const Field enterprise[] = {{L("credit_code"), Role::Text, &R::number},
                                       {L("name"), Role::Text, &R::title},
                                       {L("registered_on"), Role::Date},
                                       {L("legal_rep_id_number"), Role::Person}};
    static const Field marriage[] = {{L("certificate_no"), Role::Text, &R::number},
                                     {L("registered_on"), Role::Date},
                                     {L("spouse_id_numbers"), Role::Persons}};
    static const Field permit[] = {{L("permit_no"), Role::Text, &R::number},
                                   {L("issued_on"), Role::Date},
                                   {L("expires_on"), Role::EndDate},
                                   {L("holder_id_number"), Role::Person}};
    auto schema = [](const auto& fields) { return Schema{fields, int(std::size(fields))}; };
    switch (dataset) {
    case Dataset::Other:
        return schema(shared);
    case Dataset::ResidentPopulation:
        return schema(resident);
    case Dataset::RealEstateRegistration:
        return schema(realEstate);
    case Dataset::SaleContract:
        return schema(sale);
    case Dataset::RentalFiling:
        return schema(rental);
    case Dataset::SocialInsurance:
        return schema(insurance);
    case Dataset::IndividualBusiness:
        return schema(business);
    case Dataset::EnterpriseLegalPerson:
        return schema(enterprise);
    case Dataset::MarriageRegistration:
        return schema(marriage);
    case Dataset::ResidencePermit:
        return schema(permit);
    }
    return schema(shared);
}

bool readField(Reader& in, const Field& field, EvidenceRecord& r)
{
    switch (field.role) {
    case Role::Persons:
        return readIdList(in, r.persons);
    case Role::Members:
        return readMembers(in, r);
    case Role::Periods:
        return readPeriods(in, r);
    default:
        break;
    }
    // The rest are strings; null reads as no text (QJsonValue::toString), like an absent key.
    Str s;
    bool isString = false;
    if (!stringOrNull(in, s, &isString))
        return false;
    if (!isString)
        return true;
    switch (field.role) {
    case Role::Text:
        r.*field.text = text(s);
        break;
    case Role::Common:
        r.*field.text = common(s);
        break;
    case Role::Date:
        r.date = dateOf(s);
        break;
    case Role::EndDate:
        r.endDate = dateOf(s);
        r.endDateGiven = true; // present and not null, even when it does not read as a date
        break;
    case Role::Person:
        addNormalized(r.persons, idOf(s));
        break;
    default:
        break;
    }
    return true;
}

// The `fields` object (next in `in`) read into the record, for the record's dataset.
bool readFields(Reader& in, EvidenceRecord& r)
{
    const Schema shared = schemaOf(Dataset::Other);
    const Schema own = r.dataset == Dataset::Other ? Schema{nullptr, 0} : schemaOf(r.dataset);
    quint32 seen = 0;
    return in.next() == Kind::Object && in.members([&](const Str& key) {
        int bit = shared.indexOf(key);
        const Field* field = bit >= 0 ? &shared.fields[bit] : nullptr;
        if (!field) {
            const int i = own.indexOf(key);
            if (i < 0)
                return in.skipValue(2);
            field = &own.fields[i];
            bit = shared.count + i;
        }
        if (seen & (1u << bit)) // a duplicate key: Qt keeps the last one; leave it to Qt
            return false;
        seen |= 1u << bit;
        return readField(in, *field, r);
    });
}

enum TopKey { Id, Agency, DatasetName, SourceRef, Subjects, FetchedAt, Fields, TopKeyCount };

int topKeyOf(const Str& key)
{
    using L = QLatin1StringView;
    static const L keys[TopKeyCount] = {
        L("id"), L("agency"), L("dataset"), L("source_ref"), L("subject_id_numbers"), L("fetched_at"), L("fields")};
    for (int i = 0; i < TopKeyCount; ++i)
        if (key.is(keys[i]))
            return i;
    return -1;
}

} // namespace

namespace EvidenceJson {

std::optional<EvidenceRecord> fastRead(QByteArrayView utf8)
{
    const char* const end = utf8.data() + utf8.size();
    Reader in(utf8.data(), end);
    EvidenceRecord r;
    quint32 seen = 0;
    const char* laterFields = nullptr; // `fields` came before `dataset`: read it once that is known
    const bool read = in.next() == Kind::Object && in.members([&](const Str& key) {
        const int k = topKeyOf(key);
        if (k < 0)
            return in.skipValue(1);
        if (seen & (1u << k)) // a duplicate key: Qt keeps the last one; leave it to Qt
            return false;
        seen |= 1u << k;
        Str s;
        bool isString = false;
        switch (k) {
        case Id:
        case Agency:
        case DatasetName:
            // Required strings: missing, null or another type fails the slow path; let it say so.
            if (in.next() != Kind::String || !in.string(s))
                return false;
            if (k == Id)
                r.id = text(s);
            else if (k == Agency)
                r.agency = common(s);
            else
                r.dataset = datasetOf(r.datasetName = common(s));
            return true;
        case SourceRef: // not kept, but anything other than a string or null fails the slow path
            return stringOrNull(in, s, &isString);
        case Subjects:
            return readSubjects(in, r.subjects);
        case FetchedAt:
            return stringOrNull(in, s, &isString) && (!isString || timeOf(s, &r.fetchedAt));
        case Fields: {
            const Kind f = in.next();
            if (f == Kind::Null)
                return true;
            if (f != Kind::Object)
                return false;
            if (seen & (1u << DatasetName))
                return readFields(in, r);
            laterFields = in.pos();
            return in.skipValue(1);
        }
        default:
            return false;
        }
    });
    constexpr quint32 required = (1u << Id) | (1u << Agency) | (1u << DatasetName);
    if (!read || !in.atEnd() || (seen & required) != required)
        return std::nullopt;
    if (laterFields) {
        Reader fields(laterFields, end);
        if (!readFields(fields, r))
            return std::nullopt;
    }
    // A record whose role field is missing still belongs to its subjects.
    if (r.persons.isEmpty())
        r.persons = r.subjects;
    return r;
}

std::optional<EvidenceRecord> slowRead(const QByteArray& utf8)
{
    const auto record = json::readAgencyRecord(QJsonDocument::fromJson(utf8).object());
    if (!record || record->id.isEmpty())
        return std::nullopt;
    return EvidenceIndex::typed(*record);
}

} // namespace EvidenceJson

std::optional<EvidenceRecord> readEvidenceRecord(const QByteArray& utf8)
{
    if (std::optional<EvidenceRecord> r = EvidenceJson::fastRead(utf8)) {
        if (r->id.isEmpty())
            return std::nullopt;
        return r;
    }
    return EvidenceJson::slowRead(utf8);
}

} // namespace adm::policy
