#include "JsonCodec.h"

#include "FieldReader.h"

#include <QJsonArray>
#include <QTimeZone>
#include <cctype>

namespace adm::json {

namespace {

const QStringList kGrades = {QStringLiteral("primary1"), QStringLiteral("junior7")};
const QStringList kLevels = {QStringLiteral("primary"), QStringLiteral("junior")};
const QStringList kParities = {QStringLiteral("all"), QStringLiteral("odd"), QStringLiteral("even")};
const QStringList kChannels = {QStringLiteral("online"), QStringLiteral("counter")};
const QStringList kCategories = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")};
const QStringList kRelations = {QStringLiteral("father"), QStringLiteral("mother"), QStringLiteral("grandparent"),
                                QStringLiteral("other")};
const QStringList kStatuses = {QStringLiteral("submitted"),      QStringLiteral("under_review"),
                               QStringLiteral("info_requested"), QStringLiteral("approved"),
                               QStringLiteral("rejected"),       QStringLiteral("withdrawn")};
const QStringList kOutcomes = {QStringLiteral("approve"), QStringLiteral("reject"), QStringLiteral("request_info")};
const QStringList kOps = {QStringLiteral("upsert"), QStringLiteral("delete")};

QJsonArray toArray(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

QJsonValue dateOrNull(const QDate& d)
{
    return d.isValid() ? QJsonValue(formatDate(d)) : QJsonValue(QJsonValue::Null);
}

QJsonValue stringOrNull(const QString& s)
{
    return s.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

Result<Decision> readDecision(const QJsonObject& o, const QString& path)
{
    FieldReader r(o, path);
    Decision d;
    d.outcome = r.oneOf(QStringLiteral("outcome"), kOutcomes);
    d.category = r.string(QStringLiteral("category"), FieldReader::Optional);
    d.reasonCode = r.string(QStringLiteral("reason_code"), FieldReader::Optional);
    d.note = r.string(QStringLiteral("note"), FieldReader::Optional);
    d.decidedBy = r.string(QStringLiteral("decided_by"), FieldReader::Optional);
    d.decidedAt = r.time(QStringLiteral("decided_at"), FieldReader::Optional);
    d.batchId = r.string(QStringLiteral("batch_id"), FieldReader::Optional);
    d.isSigned = r.boolean(QStringLiteral("signed"), FieldReader::Optional, false);
    d.raw = o;
    if (!r.ok())
        return r.error();
    return d;
}

QJsonObject writeDecision(const Decision& d)
{
    QJsonObject o = d.raw;
    o.insert(QStringLiteral("outcome"), d.outcome);
    o.insert(QStringLiteral("category"), stringOrNull(d.category));
    o.insert(QStringLiteral("reason_code"), stringOrNull(d.reasonCode));
    o.insert(QStringLiteral("note"), stringOrNull(d.note));
    o.insert(QStringLiteral("decided_by"), stringOrNull(d.decidedBy));
    o.insert(QStringLiteral("decided_at"),
             d.decidedAt.isValid() ? QJsonValue(formatTime(d.decidedAt)) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("batch_id"), d.batchId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(d.batchId));
    o.insert(QStringLiteral("signed"), d.isSigned);
    return o;
}

} // namespace

namespace {
// Index just past the JSON string that starts at `i` (a quote), or -1.
qsizetype skipString(const QByteArray& t, qsizetype i)
{
    for (++i; i < t.size(); ++i) {
        if (t[i] == '\\')
            ++i;
        else if (t[i] == '"')
            return i + 1;
    }
    return -1;
}

// Index just past the value that starts at `i`, or -1.
qsizetype skipValue(const QByteArray& t, qsizetype i)
{
    if (i >= t.size())
        return -1;
    if (t[i] == '"')
        return skipString(t, i);
    if (t[i] == '{' || t[i] == '[') {
        int depth = 0;
        for (; i < t.size(); ++i) {
            const char c = t[i];
            if (c == '"') {
                i = skipString(t, i);
                if (i < 0)
                    return -1;
                --i;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return i + 1;
            }
        }
        return -1;
    }
    while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && !std::isspace(uchar(t[i])))
        ++i;
    return i;
}

qsizetype skipSpace(const QByteArray& t, qsizetype i)
{
    while (i < t.size() && std::isspace(uchar(t[i])))
        ++i;
    return i;
}
} // namespace

QByteArray topLevelValue(const QByteArray& t, const QByteArray& key)
{
    qsizetype i = skipSpace(t, 0);
    if (i >= t.size() || t[i] != '{')
        return {};
    ++i;
    // Every member is read, so that the answer is QJsonDocument's: with a key given twice it
    // keeps the last, and a key spelt with an escape may be the one asked for, so then the bytes
    // give no answer (found by fuzzing: the `data` a bundle line kept was not the object that
    // had been validated).
    QByteArray found;
    while (true) {
        i = skipSpace(t, i);
        if (i >= t.size() || t[i] != '"')
            return {};
        const qsizetype keyEnd = skipString(t, i);
        if (keyEnd < 0)
            return {};
        const QByteArrayView name(t.constData() + i + 1, keyEnd - i - 2);
        if (name.contains('\\'))
            return {};
        const bool match = name == key;
        i = skipSpace(t, keyEnd);
        if (i >= t.size() || t[i] != ':')
            return {};
        i = skipSpace(t, i + 1);
        const qsizetype valueEnd = skipValue(t, i);
        if (valueEnd < 0)
            return {};
        if (match)
            found = t.mid(i, valueEnd - i);
        i = skipSpace(t, valueEnd);
        if (i < t.size() && t[i] == '}')
            return found;
        if (i >= t.size() || t[i] != ',')
            return {};
        ++i;
    }
}

QList<QByteArray> arrayElements(const QByteArray& t)
{
    QList<QByteArray> out;
    qsizetype i = skipSpace(t, 0);
    if (i >= t.size() || t[i] != '[')
        return {};
    i = skipSpace(t, i + 1);
    if (i < t.size() && t[i] == ']')
        return out;
    while (true) {
        const qsizetype end = skipValue(t, i);
        if (end < 0)
            return {};
        out.append(t.mid(i, end - i));
        i = skipSpace(t, end);
        if (i >= t.size())
            return {};
        if (t[i] == ']')
            return out;
        if (t[i] != ',')
            return {};
        i = skipSpace(t, i + 1);
    }
}

QString formatTime(const QDateTime& t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + u'Z';
}

QDateTime parseTime(const QString& s)
{
    // Accept any RFC 3339 offset; hold it in UTC.
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    if (!t.isValid() || (!s.endsWith(u'Z') && !s.endsWith(u'z') && t.timeSpec() == Qt::LocalTime))
        return {};
    return t.toUTC();
}

QString formatDate(const QDate& d)
{
    return d.toString(QStringLiteral("yyyy-MM-dd"));
}

QDate parseDate(const QString& s)
{
    if (s.size() != 10)
        return {};
    return QDate::fromString(s, QStringLiteral("yyyy-MM-dd"));
}

Result<Policy> readPolicy(const QJsonObject& o, const QString& path)
{
    FieldReader r(o, path);
    Policy p;
    p.id = r.string(QStringLiteral("id"));
    p.districtCode = r.string(QStringLiteral("district_code"));
    p.admissionYear = int(r.integer(QStringLiteral("admission_year")));
    p.grade = r.oneOf(QStringLiteral("grade"), kGrades);
    p.cutoffDate = r.date(QStringLiteral("cutoff_date"));
    p.birthFrom = r.date(QStringLiteral("birth_from"), FieldReader::Optional);
    p.birthTo = r.date(QStringLiteral("birth_to"), FieldReader::Optional);
    p.urbanDistrictCodes = r.strings(QStringLiteral("urban_district_codes"), FieldReader::Optional);
    p.minRentalMonths = int(r.integer(QStringLiteral("min_rental_months"), FieldReader::Optional));
    p.minInsuranceMonths = int(r.integer(QStringLiteral("min_insurance_months"), FieldReader::Optional));
    p.minBusinessMonths = int(r.integer(QStringLiteral("min_business_months"), FieldReader::Optional));
    p.categoryPriority = r.strings(QStringLiteral("category_priority"), FieldReader::Optional);
    if (p.categoryPriority.isEmpty())
        p.categoryPriority = kCategories;
    p.raw = o;
    if (!r.ok())
        return r.error();
    return p;
}

QJsonObject write(const Policy& p)
{
    QJsonObject o = p.raw;
    o.insert(QStringLiteral("id"), p.id);
    o.insert(QStringLiteral("district_code"), p.districtCode);
    o.insert(QStringLiteral("admission_year"), p.admissionYear);
    o.insert(QStringLiteral("grade"), p.grade);
    o.insert(QStringLiteral("cutoff_date"), dateOrNull(p.cutoffDate));
    o.insert(QStringLiteral("birth_from"), dateOrNull(p.birthFrom));
    o.insert(QStringLiteral("birth_to"), dateOrNull(p.birthTo));
    o.insert(QStringLiteral("urban_district_codes"), toArray(p.urbanDistrictCodes));
    o.insert(QStringLiteral("min_rental_months"), p.minRentalMonths);
    o.insert(QStringLiteral("min_insurance_months"), p.minInsuranceMonths);
    o.insert(QStringLiteral("min_business_months"), p.minBusinessMonths);
    o.insert(QStringLiteral("category_priority"), toArray(p.categoryPriority));
    return o;
}

Result<School> readSchool(const QJsonObject& o, const QString& path)
{
    FieldReader r(o, path);
    School s;
    s.id = r.string(QStringLiteral("id"));
    s.name = r.string(QStringLiteral("name"));
    s.districtCode = r.string(QStringLiteral("district_code"));
    s.level = r.oneOf(QStringLiteral("level"), kLevels);
    s.capacity = int(r.integer(QStringLiteral("capacity")));
    if (r.ok() && s.capacity < 0)
        r.fail(QStringLiteral("capacity"), QStringLiteral("must not be negative"));
    s.address = r.string(QStringLiteral("address"), FieldReader::Optional);
    s.zoneIds = r.strings(QStringLiteral("zone_ids"), FieldReader::Optional);
    s.raw = o;
    if (!r.ok())
        return r.error();
    return s;
}

QJsonObject write(const School& s)
{
    QJsonObject o = s.raw;
    o.insert(QStringLiteral("id"), s.id);
    o.insert(QStringLiteral("name"), s.name);
    o.insert(QStringLiteral("district_code"), s.districtCode);
    o.insert(QStringLiteral("level"), s.level);
    o.insert(QStringLiteral("capacity"), s.capacity);
    o.insert(QStringLiteral("address"), s.address);
    o.insert(QStringLiteral("zone_ids"), toArray(s.zoneIds));
    return o;
}

Result<Zone> readZone(const QJsonObject& o, const QString& path)
{
    FieldReader r(o, path);
    Zone z;
    z.id = r.string(QStringLiteral("id"));
    z.name = r.string(QStringLiteral("name"), FieldReader::Optional);
    z.districtCode = r.string(QStringLiteral("district_code"));
    z.schoolIds = r.strings(QStringLiteral("school_ids"), FieldReader::Optional);
    const QJsonArray streets = r.array(QStringLiteral("streets"), FieldReader::Optional);
    for (qsizetype i = 0; i < streets.size() && r.ok(); ++i) {
        const QString sp = QStringLiteral("%1.streets[%2]").arg(path).arg(i);
        if (!streets.at(i).isObject()) {
            r.adopt(Error{QStringLiteral("invalid_field"), sp + QStringLiteral(": must be an object")});
            break;
        }
        const QJsonObject so = streets.at(i).toObject();
        FieldReader sr(so, sp);
        StreetRange s;
        s.road = sr.string(QStringLiteral("road"));
        s.from = int(sr.integer(QStringLiteral("from")));
        s.to = int(sr.integer(QStringLiteral("to")));
        s.parity = sr.oneOf(QStringLiteral("parity"), kParities, FieldReader::Optional);
        if (s.parity.isEmpty())
            s.parity = QStringLiteral("all");
        if (sr.ok() && s.from > s.to)
            sr.fail(QStringLiteral("to"), QStringLiteral("must not be below \"from\""));
        if (!sr.ok())
            r.adopt(sr.error());
        z.streets.append(s);
    }
    z.compounds = r.strings(QStringLiteral("compounds"), FieldReader::Optional);
    z.raw = o;
    if (!r.ok())
        return r.error();
    return z;
}

QJsonObject write(const Zone& z)
{
    QJsonObject o = z.raw;
    o.insert(QStringLiteral("id"), z.id);
    o.insert(QStringLiteral("name"), z.name);
    o.insert(QStringLiteral("district_code"), z.districtCode);
    o.insert(QStringLiteral("school_ids"), toArray(z.schoolIds));
    const QJsonArray rawStreets = z.raw.value(QStringLiteral("streets")).toArray();
    QJsonArray streets;
    for (qsizetype i = 0; i < z.streets.size(); ++i) {
        const StreetRange& s = z.streets.at(i);
        QJsonObject so = i < rawStreets.size() ? rawStreets.at(i).toObject() : QJsonObject();
        so.insert(QStringLiteral("road"), s.road);
        so.insert(QStringLiteral("from"), s.from);
        so.insert(QStringLiteral("to"), s.to);
        so.insert(QStringLiteral("parity"), s.parity);
        streets.append(so);
    }
    o.insert(QStringLiteral("streets"), streets);
    o.insert(QStringLiteral("compounds"), toArray(z.compounds));
    return o;
}

Result<Application> readApplication(const QJsonObject& o, const QString& path)
{
    FieldReader r(o, path);
    Application a;
    a.id = r.string(QStringLiteral("id"));
    a.admissionYear = int(r.integer(QStringLiteral("admission_year")));
    a.grade = r.oneOf(QStringLiteral("grade"), kGrades);
    a.channel = r.oneOf(QStringLiteral("channel"), kChannels);
    a.submittedAt = r.time(QStringLiteral("submitted_at"), FieldReader::Optional);
    const QJsonObject child = r.object(QStringLiteral("child"));
    if (r.ok()) {
        FieldReader cr(child, path + QStringLiteral(".child"));
        a.child.name = cr.string(QStringLiteral("name"));
        a.child.idNumber = cr.string(QStringLiteral("id_number"));
        if (!cr.ok())
            r.adopt(cr.error());
    }
    const QJsonArray guardians = r.array(QStringLiteral("guardians"), FieldReader::Optional);
    for (qsizetype i = 0; i < guardians.size() && r.ok(); ++i) {
        const QString gp = QStringLiteral("%1.guardians[%2]").arg(path).arg(i);
        if (!guardians.at(i).isObject()) {
            r.adopt(Error{QStringLiteral("invalid_field"), gp + QStringLiteral(": must be an object")});
            break;
        }
        const QJsonObject go = guardians.at(i).toObject();
        FieldReader gr(go, gp);
        Guardian g;
        g.name = gr.string(QStringLiteral("name"));
        g.idNumber = gr.string(QStringLiteral("id_number"));
        g.relation = gr.oneOf(QStringLiteral("relation"), kRelations, FieldReader::Optional);
        g.phone = gr.string(QStringLiteral("phone"), FieldReader::Optional);
        if (!gr.ok())
            r.adopt(gr.error());
        a.guardians.append(g);
    }
    a.targetSchoolId = r.string(QStringLiteral("target_school_id"));
    a.claimedCategory = r.oneOf(QStringLiteral("claimed_category"), kCategories, FieldReader::Optional);
    a.claimedAddress = r.string(QStringLiteral("claimed_address"), FieldReader::Optional);
    a.status = r.oneOf(QStringLiteral("status"), kStatuses, FieldReader::Optional);
    if (a.status.isEmpty())
        a.status = QStringLiteral("submitted");
    if (r.ok() && !r.isNull(QStringLiteral("decision"))) {
        const QJsonObject d = r.object(QStringLiteral("decision"));
        if (r.ok()) {
            auto decision = readDecision(d, path + QStringLiteral(".decision"));
            if (decision)
                a.decision = std::move(decision.value());
            else
                r.adopt(decision.error());
        }
    }
    a.version = r.integer(QStringLiteral("version"), FieldReader::Optional, 0);
    a.raw = o;
    if (!r.ok())
        return r.error();
    return a;
}

QJsonObject write(const Application& a)
{
    QJsonObject o = a.raw;
    o.insert(QStringLiteral("id"), a.id);
    o.insert(QStringLiteral("admission_year"), a.admissionYear);
    o.insert(QStringLiteral("grade"), a.grade);
    o.insert(QStringLiteral("channel"), a.channel);
    o.insert(QStringLiteral("submitted_at"),
             a.submittedAt.isValid() ? QJsonValue(formatTime(a.submittedAt)) : QJsonValue(QJsonValue::Null));
    QJsonObject child = a.raw.value(QStringLiteral("child")).toObject();
    child.insert(QStringLiteral("name"), a.child.name);
    child.insert(QStringLiteral("id_number"), a.child.idNumber);
    o.insert(QStringLiteral("child"), child);
    const QJsonArray rawGuardians = a.raw.value(QStringLiteral("guardians")).toArray();
    QJsonArray guardians;
    for (qsizetype i = 0; i < a.guardians.size(); ++i) {
        const Guardian& g = a.guardians.at(i);
        QJsonObject go = i < rawGuardians.size() ? rawGuardians.at(i).toObject() : QJsonObject();
        go.insert(QStringLiteral("name"), g.name);
        go.insert(QStringLiteral("id_number"), g.idNumber);
        go.insert(QStringLiteral("relation"), g.relation);
        go.insert(QStringLiteral("phone"), g.phone);
        guardians.append(go);
    }
    o.insert(QStringLiteral("guardians"), guardians);
    o.insert(QStringLiteral("target_school_id"), a.targetSchoolId);
    o.insert(QStringLiteral("claimed_category"), a.claimedCategory);
    o.insert(QStringLiteral("claimed_address"), a.claimedAddress);
    o.insert(QStringLiteral("status"), a.status);
    o.insert(QStringLiteral("decision"),
             a.decision ? QJsonValue(writeDecision(*a.decision)) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("version"), a.version);
    return o;
}

Result<AgencyRecord> readAgencyRecord(const QJsonObject& o, const QString& path)
{
    FieldReader r(o, path);
    AgencyRecord rec;
    rec.id = r.string(QStringLiteral("id"));
    rec.agency = r.string(QStringLiteral("agency"));
    rec.dataset = r.string(QStringLiteral("dataset"));
    rec.sourceRef = r.string(QStringLiteral("source_ref"), FieldReader::Optional);
    rec.subjectIdNumbers = r.strings(QStringLiteral("subject_id_numbers"), FieldReader::Optional);
    rec.fetchedAt = r.time(QStringLiteral("fetched_at"), FieldReader::Optional);
    rec.fields = r.object(QStringLiteral("fields"), FieldReader::Optional);
    rec.raw = o;
    if (!r.ok())
        return r.error();
    return rec;
}

QJsonObject write(const AgencyRecord& rec)
{
    QJsonObject o = rec.raw;
    o.insert(QStringLiteral("id"), rec.id);
    o.insert(QStringLiteral("agency"), rec.agency);
    o.insert(QStringLiteral("dataset"), rec.dataset);
    o.insert(QStringLiteral("source_ref"), rec.sourceRef);
    o.insert(QStringLiteral("subject_id_numbers"), toArray(rec.subjectIdNumbers));
    o.insert(QStringLiteral("fetched_at"),
             rec.fetchedAt.isValid() ? QJsonValue(formatTime(rec.fetchedAt)) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("fields"), rec.fields);
    return o;
}

Result<Change> readChange(const QJsonObject& o, const QString& path)
{
    FieldReader r(o, path);
    Change c;
    c.seq = r.integer(QStringLiteral("seq"), FieldReader::Optional, 0);
    c.entity = r.string(QStringLiteral("entity"));
    c.op = r.oneOf(QStringLiteral("op"), kOps);
    c.id = r.string(QStringLiteral("id"));
    c.version = r.integer(QStringLiteral("version"), FieldReader::Optional, 0);
    if (c.op == QLatin1String("upsert"))
        c.data = r.object(QStringLiteral("data"));
    if (!r.ok())
        return r.error();
    return c;
}

QJsonObject write(const Change& c)
{
    QJsonObject o;
    o.insert(QStringLiteral("seq"), c.seq);
    o.insert(QStringLiteral("entity"), c.entity);
    o.insert(QStringLiteral("op"), c.op);
    o.insert(QStringLiteral("id"), c.id);
    o.insert(QStringLiteral("version"), c.version);
    if (!c.isDelete())
        o.insert(QStringLiteral("data"), c.data);
    return o;
}

} // namespace adm::json
