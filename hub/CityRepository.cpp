#include "CityRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace adm::hub {

Status CityRepository::loadSchools()
{
    auto q = m_storage.connection().prepare(QStringLiteral("SELECT id, district_code, level FROM schools"));
    if (!q)
        return q.error();
    m_schoolDistrict.clear();
    m_schoolLevel.clear();
    Error e;
    while (q->step(&e))
        noteSchool(q->text(0), q->text(1), q->text(2));
    if (!e.code.isEmpty())
        return e;
    return {};
}

void CityRepository::noteSchool(const QString& id, const QString& districtCode, const QString& level)
{
    m_schoolDistrict.insert(id, districtCode);
    m_schoolLevel.insert(id, level);
}

QStringList CityRepository::peopleOf(const QJsonObject& application)
{
    QStringList out;
    const QString child =
        application.value(QStringLiteral("child")).toObject().value(QStringLiteral("id_number")).toString();
    if (!child.isEmpty())
        out.append(child);
    for (const QJsonValue& g : application.value(QStringLiteral("guardians")).toArray()) {
        const QString id = g.toObject().value(QStringLiteral("id_number")).toString();
        if (!id.isEmpty() && !out.contains(id))
            out.append(id);
    }
    return out;
}

Result<std::optional<ApplicationRow>> CityRepository::application(const QString& id)
{
    auto q = m_storage.connection().prepare(
        QStringLiteral("SELECT a.school_id, a.district_code, a.status, a.version, a.admission_year, o.data "
                       "FROM applications a JOIN objects o ON o.entity = 'application' AND o.id = a.id "
                       "WHERE a.id = ?"));
    if (!q)
        return q.error();
    q->bind(1, id);
    Error e;
    if (!q->step(&e)) {
        if (!e.code.isEmpty())
            return e;
        return std::optional<ApplicationRow>();
    }
    ApplicationRow row;
    row.id = id;
    row.schoolId = q->text(0);
    row.districtCode = q->text(1);
    row.status = q->text(2);
    row.version = q->int64(3);
    row.admissionYear = int(q->int64(4));
    row.data = QJsonDocument::fromJson(q->utf8(5)).object();
    return std::optional<ApplicationRow>(std::move(row));
}

Result<qint64> CityRepository::saveApplication(ApplicationRow& row, bool isNew)
{
    store::Connection& c = m_storage.connection();
    row.data.insert(QStringLiteral("id"), row.id);
    row.data.insert(QStringLiteral("version"), row.version);
    row.data.insert(QStringLiteral("status"), row.status);
    row.districtCode = districtOfSchool(row.schoolId);
    row.admissionYear = int(row.data.value(QStringLiteral("admission_year")).toInteger());
    const bool decided = row.data.value(QStringLiteral("decision")).isObject();
    auto seq = m_storage.putObject(QStringLiteral("application"), row.id, row.version, compactJson(row.data),
                                   row.schoolId, row.districtCode);
    if (!seq)
        return seq.error();
    auto q = c.prepare(QStringLiteral("INSERT OR REPLACE INTO applications (id, school_id, district_code, "
                                      "child_id_number, admission_year, status, decided, version) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!q)
        return q.error();
    const QString child =
        row.data.value(QStringLiteral("child")).toObject().value(QStringLiteral("id_number")).toString();
    q->bind(1, row.id).bind(2, row.schoolId).bind(3, row.districtCode).bind(4, child).bind(5, row.admissionYear);
    q->bind(6, row.status).bind(7, decided ? 1 : 0).bind(8, row.version);
    if (Status s = q->run(); !s)
        return s.error();
    if (!isNew)
        return seq;
    const QStringList people = peopleOf(row.data);
    auto p = c.prepare(QStringLiteral("INSERT OR IGNORE INTO people (id_number, application_id, school_id, "
                                      "district_code) VALUES (?, ?, ?, ?)"));
    if (!p)
        return p.error();
    for (const QString& person : people) {
        p->bind(1, person).bind(2, row.id).bind(3, row.schoolId).bind(4, row.districtCode);
        if (Status s = p->run(); !s)
            return s.error();
    }
    if (Status s = touchRecordsOf(people); !s)
        return s.error();
    return m_storage.head();
}

Result<QString> CityRepository::activeApplicationOfChild(const QString& idNumber, int admissionYear)
{
    auto q = m_storage.connection().prepare(
        QStringLiteral("SELECT id FROM applications WHERE child_id_number = ? AND admission_year = ? "
                       "AND status <> 'withdrawn' ORDER BY id LIMIT 1"));
    if (!q)
        return q.error();
    q->bind(1, idNumber).bind(2, admissionYear);
    Error e;
    if (q->step(&e))
        return q->text(0);
    if (!e.code.isEmpty())
        return e;
    return QString();
}

Result<QString> CityRepository::allocateApplicationId(int admissionYear)
{
    const QString key = QStringLiteral("next_application_number_%1").arg(admissionYear);
    auto stored = m_storage.meta(key);
    if (!stored)
        return stored.error();
    qint64 next = stored->toLongLong();
    if (next <= 0) {
        // Past every id the city already has for that year ("A2026000123": year, then a number).
        auto q = m_storage.connection().prepare(
            QStringLiteral("SELECT id FROM applications WHERE id LIKE ? ORDER BY length(id) DESC, id DESC LIMIT 1"));
        if (!q)
            return q.error();
        q->bind(1, QStringLiteral("A%1%").arg(admissionYear));
        next = 1;
        if (q->step()) {
            bool ok = false;
            const qint64 n = q->text(0).mid(5).toLongLong(&ok);
            if (ok)
                next = n + 1;
        }
        next = std::max<qint64>(next, 900001); // counter numbers stand apart from the online ones
    }
    for (;; ++next) {
        const QString id = QStringLiteral("A%1%2").arg(admissionYear).arg(next, 6, 10, QLatin1Char('0'));
        auto existing = m_storage.object(QStringLiteral("application"), id);
        if (!existing)
            return existing.error();
        if (existing->has_value())
            continue;
        if (Status s = m_storage.setMeta(key, QString::number(next + 1)); !s)
            return s.error();
        return id;
    }
}

Result<std::optional<StoredObject>> CityRepository::record(const QString& id)
{
    return m_storage.object(QStringLiteral("agency_record"), id);
}

Result<qint64> CityRepository::saveRecord(const QString& id, qint64 version, const QJsonObject& data)
{
    auto seq = m_storage.putObject(QStringLiteral("agency_record"), id, version, compactJson(data));
    if (!seq)
        return seq.error();
    store::Connection& c = m_storage.connection();
    auto del = c.prepare(QStringLiteral("DELETE FROM record_subjects WHERE record_id = ?"));
    auto ins = c.prepare(QStringLiteral("INSERT OR IGNORE INTO record_subjects (record_id, id_number) VALUES (?, ?)"));
    if (!del)
        return del.error();
    if (!ins)
        return ins.error();
    del->bind(1, id);
    if (Status s = del->run(); !s)
        return s.error();
    for (const QJsonValue& v : data.value(QStringLiteral("subject_id_numbers")).toArray()) {
        ins->bind(1, id).bind(2, v.toString());
        if (Status s = ins->run(); !s)
            return s.error();
    }
    return seq;
}

Result<qint64> CityRepository::deleteRecord(const QString& id, qint64 version)
{
    // The subjects stay: they decide who is told about the delete.
    return m_storage.deleteObject(QStringLiteral("agency_record"), id, version);
}

Result<QList<QByteArray>> CityRepository::recordsOfPerson(const QString& idNumber)
{
    auto q = m_storage.connection().prepare(
        // CROSS JOIN keeps the person's few records as the outer loop; left to itself, SQLite 3.15
        // would walk every agency record of the city.
        QStringLiteral("SELECT o.data FROM record_subjects rs CROSS JOIN objects o ON o.entity = 'agency_record' "
                       "AND o.id = rs.record_id WHERE rs.id_number = ? AND o.deleted = 0 ORDER BY o.id"));
    if (!q)
        return q.error();
    q->bind(1, idNumber);
    QList<QByteArray> out;
    Error e;
    while (q->step(&e))
        out.append(q->utf8(0));
    if (!e.code.isEmpty())
        return e;
    return out;
}

Status CityRepository::touchRecordsOf(const QStringList& idNumbers)
{
    auto q = m_storage.connection().prepare(
        QStringLiteral("SELECT DISTINCT o.id, o.version, o.data FROM record_subjects rs CROSS JOIN objects o "
                       "ON o.entity = 'agency_record' AND o.id = rs.record_id WHERE rs.id_number = ? "
                       "AND o.deleted = 0"));
    if (!q)
        return q.error();
    QSet<QString> done;
    for (const QString& person : idNumbers) {
        QList<std::tuple<QString, qint64, QByteArray>> found;
        q->bind(1, person);
        Error e;
        while (q->step(&e))
            found.append({q->text(0), q->int64(1), q->utf8(2)});
        q->reset();
        if (!e.code.isEmpty())
            return e;
        for (const auto& [id, version, data] : found) {
            if (done.contains(id))
                continue;
            done.insert(id);
            if (auto seq = m_storage.putObject(QStringLiteral("agency_record"), id, version, data); !seq)
                return seq.error();
        }
    }
    return {};
}

namespace {

// Up to `limit` ids of the objects of `kind` (matching `extra`) from a random seq onwards, wrapping
// round once. Seq bounds come from the row id, so each draw costs a short index walk, never a scan.
Result<QStringList> sampleObjects(HubStorage& storage, int kind, const QString& join, const QString& extra,
                                  const QStringList& values, int limit, quint64 randomValue)
{
    auto range = storage.connection().prepare(
        QStringLiteral("SELECT (SELECT min(seq) FROM objects), (SELECT max(seq) FROM objects)"));
    if (!range)
        return range.error();
    if (!range->step() || range->isNull(0))
        return QStringList();
    const qint64 lo = range->int64(0);
    const qint64 hi = range->int64(1);
    const qint64 start = lo + qint64(randomValue % quint64(hi - lo + 1));
    auto q = storage.connection().prepare(
        QStringLiteral(
            "SELECT o.id FROM objects o%1 WHERE o.seq >= ? AND o.seq <= ? AND o.kind = ? AND o.deleted = 0%2 "
            "ORDER BY o.seq LIMIT ?")
            .arg(join, extra));
    if (!q)
        return q.error();
    QStringList out;
    for (int pass = 0; pass < 2 && out.size() < limit; ++pass) {
        int i = 1;
        q->bind(i++, pass == 0 ? start : lo);
        q->bind(i++, pass == 0 ? hi : start - 1);
        q->bind(i++, kind);
        for (const QString& v : values)
            q->bind(i++, v);
        q->bind(i, qint64(limit - out.size()));
        Error e;
        while (q->step(&e))
            out.append(q->text(0));
        q->reset();
        if (!e.code.isEmpty())
            return e;
    }
    return out;
}

} // namespace

Result<QStringList> CityRepository::sampleApplications(const QStringList& statuses, int limit, quint64 randomValue)
{
    if (statuses.isEmpty())
        return sampleObjects(m_storage, int(Kind::Application), {}, {}, {}, limit, randomValue);
    QStringList marks;
    for (qsizetype i = 0; i < statuses.size(); ++i)
        marks.append(QStringLiteral("?"));
    return sampleObjects(m_storage, int(Kind::Application), QStringLiteral(" JOIN applications a ON a.id = o.id"),
                         QStringLiteral(" AND a.status IN (%1)").arg(marks.join(u',')), statuses, limit, randomValue);
}

Result<QStringList> CityRepository::sampleRecords(int limit, quint64 randomValue)
{
    return sampleObjects(m_storage, int(Kind::AgencyRecord), {}, {}, {}, limit, randomValue);
}

} // namespace adm::hub
