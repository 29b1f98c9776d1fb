#include "CityLoader.h"

#include "CityRepository.h"
#include "HubLog.h"
#include "HubStorage.h"
#include "citygen/CityGenerator.h"
#include "domain/JsonCodec.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace adm::hub {

namespace {
constexpr qint64 kChunk = 100000; // changes per transaction: big, yet the WAL stays bounded
}

Status CityLoader::begin()
{
    store::Connection& c = m_storage.connection();
    // Nothing to lose yet: a failed first start starts again from an empty folder.
    (void)c.exec(QStringLiteral("PRAGMA synchronous = OFF"));
    if (Status s = c.exec(QStringLiteral("BEGIN IMMEDIATE")); !s)
        return s;
    if (Status s = m_storage.dropSecondaryIndexes(); !s)
        return s;
    auto prepare = [&](store::Statement& into, const char* sql) -> Status {
        auto q = c.prepare(QString::fromLatin1(sql));
        if (!q)
            return q.error();
        into = std::move(*q);
        return {};
    };
    Status s = prepare(m_object, "INSERT OR REPLACE INTO objects (seq, kind, entity, id, version, deleted, school_id, "
                                 "district_code, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (s)
        s = prepare(m_school, "INSERT OR REPLACE INTO schools (id, district_code, level) VALUES (?, ?, ?)");
    if (s)
        s = prepare(m_application, "INSERT OR REPLACE INTO applications (id, school_id, district_code, "
                                   "child_id_number, admission_year, status, decided, version) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (s)
        s = prepare(m_person, "INSERT OR IGNORE INTO people (id_number, application_id, school_id, district_code) "
                              "VALUES (?, ?, ?, ?)");
    if (s)
        s = prepare(m_subject, "INSERT OR IGNORE INTO record_subjects (record_id, id_number) VALUES (?, ?)");
    return s;
}

Status CityLoader::commitChunk(bool last)
{
    store::Connection& c = m_storage.connection();
    if (Status s = c.exec(QStringLiteral("COMMIT")); !s)
        return s;
    m_inChunk = 0;
    if (last) {
        if (Status s = c.exec(QStringLiteral("BEGIN IMMEDIATE")); !s)
            return s;
        if (Status s = m_storage.createSecondaryIndexes(); !s)
            return s;
        if (Status s = c.exec(QStringLiteral("COMMIT")); !s)
            return s;
        m_object = {};
        m_school = {};
        m_application = {};
        m_person = {};
        m_subject = {};
        (void)c.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
        (void)c.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        return {};
    }
    return c.exec(QStringLiteral("BEGIN IMMEDIATE"));
}

void CityLoader::add(const Change& change)
{
    if (!m_status)
        return; // the first error is kept and the rest ignored
    QElapsedTimer timer;
    timer.start();
    m_status = addChecked(change);
    m_storeNanoseconds += timer.nsecsElapsed();
}

Status CityLoader::addChecked(const Change& change)
{
    const Kind kind = kindOf(change.entity);
    const bool deleted = change.isDelete();
    QString schoolId;
    QString districtCode;
    if (kind == Kind::Application && !deleted) {
        schoolId = change.data.value(QStringLiteral("target_school_id")).toString();
        districtCode = m_repository.districtOfSchool(schoolId);
    }
    const qint64 seq = m_storage.nextSeq();
    m_object.bind(1, seq).bind(2, int(kind)).bind(3, change.entity).bind(4, change.id).bind(5, change.version);
    m_object.bind(6, deleted ? 1 : 0).bind(7, schoolId).bind(8, districtCode);
    if (deleted)
        m_object.bindNull(9);
    else
        m_object.bindUtf8(9, compactJson(change.data));
    if (Status s = m_object.run(); !s)
        return s;
    ++m_figures.changes;

    if (!deleted && change.entity == QLatin1String("school")) {
        const QString district = change.data.value(QStringLiteral("district_code")).toString();
        const QString level = change.data.value(QStringLiteral("level")).toString();
        m_school.bind(1, change.id).bind(2, district).bind(3, level);
        if (Status s = m_school.run(); !s)
            return s;
        m_repository.noteSchool(change.id, district, level);
        ++m_figures.schools;
    } else if (kind == Kind::Application && !deleted) {
        const QJsonObject& d = change.data;
        const QString child = d.value(QStringLiteral("child")).toObject().value(QStringLiteral("id_number")).toString();
        m_application.bind(1, change.id).bind(2, schoolId).bind(3, districtCode).bind(4, child);
        m_application.bind(5, d.value(QStringLiteral("admission_year")).toInteger());
        m_application.bind(6, d.value(QStringLiteral("status")).toString(QStringLiteral("submitted")));
        m_application.bind(7, d.value(QStringLiteral("decision")).isObject() ? 1 : 0).bind(8, change.version);
        if (Status s = m_application.run(); !s)
            return s;
        for (const QString& person : CityRepository::peopleOf(d)) {
            m_person.bind(1, person).bind(2, change.id).bind(3, schoolId).bind(4, districtCode);
            if (Status s = m_person.run(); !s)
                return s;
        }
        ++m_figures.applications;
    } else if (kind == Kind::AgencyRecord && !deleted) {
        for (const QJsonValue& v : change.data.value(QStringLiteral("subject_id_numbers")).toArray()) {
            m_subject.bind(1, change.id).bind(2, v.toString());
            if (Status s = m_subject.run(); !s)
                return s;
        }
        ++m_figures.agencyRecords;
    }
    if (++m_inChunk >= kChunk)
        return commitChunk(false);
    return {};
}

Result<CityLoader::Figures> CityLoader::generate(int applications, quint64 seed)
{
    QElapsedTimer timer;
    timer.start();
    m_figures = {};
    m_storeNanoseconds = 0;
    if (Status s = begin(); !s)
        return s.error();
    citygen::Options options;
    options.applications = applications;
    options.seed = seed;
    citygen::CityGenerator generator(options);
    generator.generate([this, &generator](const Change& change) {
        add(change);
        if (!m_status)
            generator.requestStop();
    });
    if (!m_status) {
        (void)m_storage.connection().exec(QStringLiteral("ROLLBACK"));
        return m_status.error();
    }
    QElapsedTimer finishing;
    finishing.start();
    if (Status s = commitChunk(true); !s)
        return s.error();
    m_storeNanoseconds += finishing.nsecsElapsed();
    m_figures.seconds = double(timer.elapsed()) / 1000.0;
    m_figures.storeSeconds = double(m_storeNanoseconds) / 1e9;
    return m_figures;
}

Result<CityLoader::Figures> CityLoader::loadFile(const QString& path)
{
    QElapsedTimer timer;
    timer.start();
    m_figures = {};
    m_storeNanoseconds = 0;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("city_file"), QStringLiteral("cannot read %1").arg(path)};
    if (Status s = begin(); !s)
        return s.error();
    qint64 line = 0;
    while (!f.atEnd() && m_status) {
        const QByteArray bytes = f.readLine().trimmed();
        ++line;
        if (bytes.isEmpty())
            continue;
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
        auto change = json::readChange(doc.object(), QStringLiteral("line %1").arg(line));
        if (pe.error != QJsonParseError::NoError || !doc.isObject())
            m_status =
                Error{QStringLiteral("city_file"), QStringLiteral("%1 line %2: not a JSON object").arg(path).arg(line)};
        else if (!change)
            m_status = change.error();
        else
            add(*change);
    }
    if (!m_status) {
        (void)m_storage.connection().exec(QStringLiteral("ROLLBACK"));
        return m_status.error();
    }
    QElapsedTimer finishing;
    finishing.start();
    if (Status s = commitChunk(true); !s)
        return s.error();
    m_storeNanoseconds += finishing.nsecsElapsed();
    m_figures.seconds = double(timer.elapsed()) / 1000.0;
    m_figures.storeSeconds = double(m_storeNanoseconds) / 1e9;
    return m_figures;
}

} // namespace adm::hub
