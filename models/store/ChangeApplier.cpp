#include "ChangeApplier.h"

#include "NotesSchema.h"
#include "domain/JsonCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>

namespace adm::store {

ApplyStats& ApplyStats::operator+=(const ApplyStats& o)
{
    received += o.received;
    upserted += o.upserted;
    deleted += o.deleted;
    skipped += o.skipped;
    lastSeq = std::max(lastSeq, o.lastSeq);
    return *this;
}

namespace {

// The table that holds each known entity.
QString tableOf(const QString& entity)
{
    if (entity == entity::Application)
        return QStringLiteral("applications");
    if (entity == entity::AgencyRecord)
        return QStringLiteral("agency_records");
    if (entity == entity::School)
        return QStringLiteral("schools");
    if (entity == entity::Zone)
        return QStringLiteral("zones");
    if (entity == entity::Policy)
        return QStringLiteral("policies");
    return {};
}

// The stored text of a change's data: as it came when the reader kept it, else serialised.
QByteArray dataText(const Change& c)
{
    return c.rawData.isEmpty() ? QJsonDocument(c.data).toJson(QJsonDocument::Compact) : c.rawData;
}

} // namespace

struct ChangeApplier::Statements {
    Statement selectVersion[5];
    Statement selectOther;
    Statement selectTombstone;
    Statement upsertApplication;
    Statement upsertRecord;
    Statement upsertSchool;
    Statement upsertZone;
    Statement upsertPolicy;
    Statement upsertOther;
    Statement deletePeople;
    Statement insertPerson;
    Statement deleteSubjects;
    Statement insertSubject;
    Statement deleteRow[5];
    Statement deleteOther;
    Statement upsertTombstone;
    Statement setMeta;
    Statement markApplication;   // eligibility_dirty: the application itself
    Statement markRecordReaders; // eligibility_dirty: applications of the people a record is about
    bool hasTombstones = false;
    // What this batch touched, marked for the eligibility checker in a few statements at its end.
    QStringList touchedApplications;
    QStringList touchedRecords;
};

namespace {
const QStringList kEntities = {entity::Application, entity::AgencyRecord, entity::School, entity::Zone, entity::Policy};
}

ChangeApplier::ChangeApplier(Connection& writer)
    : m_writer(writer)
{}
ChangeApplier::~ChangeApplier() = default;

Status ChangeApplier::prepareStatements()
{
    if (m_s)
        return {};
    auto s = std::make_unique<Statements>();
    Error error;
    auto prep = [&](Statement& target, const QString& sql) {
        if (!error.code.isEmpty())
            return;
        auto st = m_writer.prepare(sql);
        if (!st)
            error = st.error();
        else
            target = std::move(*st);
    };
    for (int i = 0; i < kEntities.size(); ++i) {
        const QString table = tableOf(kEntities[i]);
        prep(s->selectVersion[i], QStringLiteral("SELECT version FROM %1 WHERE id = ?").arg(table));
        prep(s->deleteRow[i], QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table));
    }
    prep(s->selectOther, QStringLiteral("SELECT version FROM other_entities WHERE entity = ? AND id = ?"));
    prep(s->selectTombstone, QStringLiteral("SELECT version FROM tombstones WHERE entity = ? AND id = ?"));
    prep(s->upsertApplication,
         QStringLiteral("INSERT OR IGNORE INTO applications (id, version, admission_year, grade, channel, status, "
                        "target_school_id, claimed_category, submitted_at, child_name, child_id_number, data) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    prep(s->upsertRecord, QStringLiteral("INSERT OR IGNORE INTO agency_records (id, version, agency, dataset, "
                                         "source_ref, fetched_at, data) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    prep(s->upsertSchool, QStringLiteral("INSERT OR IGNORE INTO schools (id, version, district_code, level, name, "
                                         "capacity, data) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    prep(s->upsertZone, QStringLiteral("INSERT OR IGNORE INTO zones (id, version, district_code, data) "
                                       "VALUES (?, ?, ?, ?)"));
    prep(s->upsertPolicy, QStringLiteral("INSERT OR IGNORE INTO policies (id, version, district_code, "
                                         "admission_year, grade, data) VALUES (?, ?, ?, ?, ?, ?)"));
    prep(s->upsertOther, QStringLiteral("INSERT OR IGNORE INTO other_entities (entity, id, version, data) "
                                        "VALUES (?, ?, ?, ?)"));
    prep(s->deletePeople, QStringLiteral("DELETE FROM application_people WHERE application_id = ?"));
    prep(s->insertPerson, QStringLiteral("INSERT INTO application_people (application_id, position, "
                                         "id_number, phone) VALUES (?, ?, ?, ?)"));
    prep(s->deleteSubjects, QStringLiteral("DELETE FROM record_subjects WHERE record_id = ?"));
    prep(s->insertSubject,
         QStringLiteral("INSERT OR IGNORE INTO record_subjects (id_number, record_id) VALUES (?, ?)"));
    prep(s->deleteOther, QStringLiteral("DELETE FROM other_entities WHERE entity = ? AND id = ?"));
    prep(s->upsertTombstone,
         QStringLiteral("INSERT OR REPLACE INTO tombstones (entity, id, version) VALUES (?, ?, ?)"));
    prep(s->setMeta, QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    prep(s->markApplication, QStringLiteral("INSERT OR IGNORE INTO eligibility_dirty (application_id) VALUES (?)"));
    prep(s->markRecordReaders,
         QStringLiteral("INSERT OR IGNORE INTO eligibility_dirty (application_id) "
                        "SELECT ap.application_id FROM record_subjects rs "
                        "JOIN application_people ap ON ap.id_number = rs.id_number WHERE rs.record_id = ?"));
    if (!error.code.isEmpty())
        return error;
    m_s = std::move(s);
    return {};
}

Status ChangeApplier::validate(const Change& c)
{
    const QString path = QStringLiteral("change %1 (%2 %3)").arg(c.seq).arg(c.entity, c.id);
    if (c.id.isEmpty())
        return Error{QStringLiteral("invalid_change"), path + QStringLiteral(": id is missing")};
    if (c.isDelete())
        return {};
    Status s;
    auto check = [&](const auto& result) {
        if (!result.ok())
            s = Error{QStringLiteral("invalid_change"), path + QStringLiteral(": ") + result.error().message};
        return result.ok();
    };
    if (c.entity == entity::Application) {
        auto a = json::readApplication(c.data, QStringLiteral("data"));
        if (check(a) && a->id != c.id)
            s = Error{QStringLiteral("invalid_change"), path + QStringLiteral(": data.id differs from the change id")};
    } else if (c.entity == entity::AgencyRecord) {
        check(json::readAgencyRecord(c.data, QStringLiteral("data")));
    } else if (c.entity == entity::School) {
        check(json::readSchool(c.data, QStringLiteral("data")));
    } else if (c.entity == entity::Zone) {
        check(json::readZone(c.data, QStringLiteral("data")));
    } else if (c.entity == entity::Policy) {
        check(json::readPolicy(c.data, QStringLiteral("data")));
    }
    return s;
}

Result<ApplyStats> ChangeApplier::apply(const QList<Change>& changes, const MetaValues& meta)
{
    for (const Change& c : changes)
        if (Status s = validate(c); !s)
            return s.error();
    return applyValidated(changes, meta);
}

Result<ApplyStats> ChangeApplier::applyValidated(const QList<Change>& changes, const MetaValues& meta)
{
    if (Status s = prepareStatements(); !s)
        return s.error();
    // Upstream data can always be pulled again, and the feed's cursor commits in the same
    // transaction: a power cut may roll back the last batches but never tears one. So a batch
    // does not wait for the WAL's fsync (synchronous = NORMAL; a killed process loses nothing),
    // and the next FULL commit (a decision, an audit entry) makes it durable with it. Batches
    // checkpoint after 256 MB of WAL rather than 4 MB, so that an index page rewritten by many
    // batches is copied into the database once (a 100,000-application import: 77,000 to 92,000
    // rows/s).
    // What the connection had (Database's durable settings) is put back after the batch.
    const auto synchronous = m_writer.scalar(QStringLiteral("PRAGMA synchronous"));
    const auto checkpoint = m_writer.scalar(QStringLiteral("PRAGMA wal_autocheckpoint"));
    (void)m_writer.exec(QStringLiteral("PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 65536"));
    const auto restore = qScopeGuard([&] {
        (void)m_writer.exec(QStringLiteral("PRAGMA synchronous = %1; PRAGMA wal_autocheckpoint = %2")
                                .arg(synchronous ? synchronous->toInt() : 2)
                                .arg(checkpoint ? checkpoint->toInt() : 1000));
    });
    Transaction tx(m_writer);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    auto tomb = m_writer.scalar(QStringLiteral("SELECT 1 FROM tombstones LIMIT 1"));
    m_s->hasTombstones = tomb && !tomb->isNull();
    ApplyStats stats;
    m_s->touchedApplications.clear();
    m_s->touchedRecords.clear();
    for (const Change& c : changes) {
        if (Status s = applyOne(c, stats); !s)
            return s.error();
    }
    if (Status s = markTouched(); !s)
        return s.error();
    for (const auto& [key, value] : meta) {
        m_s->setMeta.bind(1, key).bind(2, value);
        if (Status s = m_s->setMeta.run(); !s)
            return s.error();
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return stats;
}

Result<qint64> ChangeApplier::currentVersion(const QString& entity, const QString& id)
{
    const int index = int(kEntities.indexOf(entity));
    Statement& q = index >= 0 ? m_s->selectVersion[index] : m_s->selectOther;
    if (index >= 0) {
        q.bind(1, id);
    } else {
        q.bind(1, entity).bind(2, id);
    }
    Error error;
    const bool found = q.step(&error);
    const qint64 version = found ? q.int64(0) : -1;
    q.reset();
    if (!error.code.isEmpty())
        return error;
    return version;
}

Result<qint64> ChangeApplier::tombstoneVersion(const QString& entity, const QString& id)
{
    if (!m_s->hasTombstones)
        return qint64(-1);
    Statement& q = m_s->selectTombstone;
    q.bind(1, entity).bind(2, id);
    Error error;
    const bool found = q.step(&error);
    const qint64 version = found ? q.int64(0) : -1;
    q.reset();
    if (!error.code.isEmpty())
        return error;
    return version;
}

Status ChangeApplier::applyOne(const Change& c, ApplyStats& stats)
{
    ++stats.received;
    stats.lastSeq = std::max(stats.lastSeq, c.seq);
    if (c.isDelete())
        return remove(c, stats);
    qint64 version = c.version;
    if (version <= 0)
        version = qint64(c.data.value(QStringLiteral("version")).toDouble());
    auto current = currentVersion(c.entity, c.id);
    if (!current)
        return current.error();
    if (*current >= 0 && *current >= version) {
        ++stats.skipped; // same or newer already here
        return {};
    }
    auto tomb = tombstoneVersion(c.entity, c.id);
    if (!tomb)
        return tomb.error();
    if (*tomb >= 0 && *tomb >= version) {
        ++stats.skipped; // deleted at this version or later
        return {};
    }
    return upsert(c, version, *current >= 0, stats);
}

Status ChangeApplier::upsert(const Change& c, qint64 version, bool exists, ApplyStats& stats)
{
    // DELETE, then INSERT OR IGNORE (the row is known to be absent; storedOne() checks it landed).
    // INSERT OR REPLACE, or a plain INSERT on a table with triggers (the queue read model), makes
    // SQLite keep a statement journal for every row, and SQLCipher encrypts every page written to
    // it: measured, that was most of the import time.
    if (exists) {
        const int index = int(kEntities.indexOf(c.entity));
        Statement& del = index >= 0 ? m_s->deleteRow[index] : m_s->deleteOther;
        if (index >= 0)
            del.bind(1, c.id);
        else
            del.bind(1, c.entity).bind(2, c.id);
        if (Status s = del.run(); !s)
            return s;
    }
    const QJsonObject& d = c.data;
    auto str = [&d](const char* key) { return d.value(QLatin1String(key)).toString(); };
    Statement* st = nullptr;
    if (c.entity == entity::Application) {
        const QJsonObject child = d.value(QStringLiteral("child")).toObject();
        st = &m_s->upsertApplication;
        st->bind(1, c.id)
            .bind(2, version)
            .bind(3, qint64(d.value(QStringLiteral("admission_year")).toInt()))
            .bind(4, str("grade"))
            .bind(5, str("channel"))
            .bind(6, d.contains(QStringLiteral("status")) ? str("status") : QStringLiteral("submitted"))
            .bind(7, str("target_school_id"))
            .bind(8, d.value(QStringLiteral("claimed_category")).toString(QString()))
            .bind(9, d.value(QStringLiteral("submitted_at")).toString(QString()))
            .bind(10, child.value(QStringLiteral("name")).toString())
            .bind(11, child.value(QStringLiteral("id_number")).toString().toUpper())
            .bindUtf8(12, dataText(c));
        if (Status s = storedOne(*st, c); !s)
            return s;
        m_s->deletePeople.bind(1, c.id);
        if (Status s = m_s->deletePeople.run(); !s)
            return s;
        auto person = [&](int position, const QJsonObject& p) {
            m_s->insertPerson.bind(1, c.id)
                .bind(2, position)
                .bind(3, p.value(QStringLiteral("id_number")).toString().toUpper())
                .bind(4, p.value(QStringLiteral("phone")).toString(QString()));
            return m_s->insertPerson.run();
        };
        if (Status s = person(0, child); !s)
            return s;
        const QJsonArray guardians = d.value(QStringLiteral("guardians")).toArray();
        for (qsizetype i = 0; i < guardians.size(); ++i)
            if (Status s = person(int(i) + 1, guardians.at(i).toObject()); !s)
                return s;
        // An information request's due date, for the "information overdue" filter (rare: prepared here).
        if (const QJsonObject decision = d.value(QStringLiteral("decision")).toObject();
            NotesSchema::isInfoRequest(decision))
            if (Status s = NotesSchema::recordDueDate(m_writer, c.id, NotesSchema::Source::Upstream,
                                                      NotesSchema::dueDateOf(decision));
                !s)
                return s;
        m_s->touchedApplications.append(c.id);
    } else if (c.entity == entity::AgencyRecord) {
        st = &m_s->upsertRecord;
        st->bind(1, c.id)
            .bind(2, version)
            .bind(3, str("agency"))
            .bind(4, str("dataset"))
            .bind(5, d.value(QStringLiteral("source_ref")).toString(QString()))
            .bind(6, d.value(QStringLiteral("fetched_at")).toString(QString()))
            .bindUtf8(7, dataText(c));
        if (Status s = storedOne(*st, c); !s)
            return s;
        // The applications of the people it was about (those it is about now: at the end of the batch).
        if (exists) {
            if (Status s = markRecordReaders(c.id); !s)
                return s;
            m_s->deleteSubjects.bind(1, c.id);
            if (Status s = m_s->deleteSubjects.run(); !s)
                return s;
        }
        const QJsonArray subjects = d.value(QStringLiteral("subject_id_numbers")).toArray();
        for (const QJsonValue& v : subjects) {
            m_s->insertSubject.bind(1, v.toString().toUpper()).bind(2, c.id);
            if (Status s = m_s->insertSubject.run(); !s)
                return s;
        }
        m_s->touchedRecords.append(c.id);
    } else if (c.entity == entity::School) {
        if (Status s = markAllStale(); !s)
            return s;
        st = &m_s->upsertSchool;
        st->bind(1, c.id)
            .bind(2, version)
            .bind(3, str("district_code"))
            .bind(4, str("level"))
            .bind(5, str("name"))
            .bind(6, qint64(d.value(QStringLiteral("capacity")).toInt()))
            .bindUtf8(7, dataText(c));
        if (Status s = storedOne(*st, c); !s)
            return s;
    } else if (c.entity == entity::Zone) {
        if (Status s = markAllStale(); !s)
            return s;
        st = &m_s->upsertZone;
        st->bind(1, c.id).bind(2, version).bind(3, str("district_code")).bindUtf8(4, dataText(c));
        if (Status s = storedOne(*st, c); !s)
            return s;
    } else if (c.entity == entity::Policy) {
        if (Status s = markAllStale(); !s)
            return s;
        st = &m_s->upsertPolicy;
        st->bind(1, c.id)
            .bind(2, version)
            .bind(3, str("district_code"))
            .bind(4, qint64(d.value(QStringLiteral("admission_year")).toInt()))
            .bind(5, str("grade"))
            .bindUtf8(6, dataText(c));
        if (Status s = storedOne(*st, c); !s)
            return s;
    } else {
        st = &m_s->upsertOther;
        st->bind(1, c.entity).bind(2, c.id).bind(3, version).bindUtf8(4, dataText(c));
        if (Status s = storedOne(*st, c); !s)
            return s;
    }
    ++stats.upserted;
    return {};
}

Status ChangeApplier::storedOne(Statement& insert, const Change& c)
{
    if (Status s = insert.run(); !s)
        return s;
    if (m_writer.changes() != 1) // OR IGNORE must never hide a row
        return Error{QStringLiteral("sql_step"),
                     QStringLiteral("change %1 (%2 %3) was not stored").arg(c.seq).arg(c.entity, c.id)};
    return {};
}

Status ChangeApplier::markApplication(const QString& id)
{
    m_s->markApplication.bind(1, id);
    return m_s->markApplication.run();
}

Status ChangeApplier::markRecordReaders(const QString& recordId)
{
    m_s->markRecordReaders.bind(1, recordId);
    return m_s->markRecordReaders.run();
}

Status ChangeApplier::markTouched()
{
    constexpr int kChunk = 400; // below SQLite 3.15's limit of 999 parameters
    auto markChunks = [this](const QStringList& ids, const QString& sqlFor) -> Status {
        for (qsizetype from = 0; from < ids.size(); from += kChunk) {
            const QStringList chunk = ids.mid(from, kChunk);
            QStringList marks(chunk.size(), QStringLiteral("?"));
            auto st = m_writer.prepare(sqlFor.arg(marks.join(u',')));
            if (!st)
                return st.error();
            for (qsizetype i = 0; i < chunk.size(); ++i)
                st->bind(int(i) + 1, chunk.at(i));
            if (Status s = st->run(); !s)
                return s;
        }
        return {};
    };
    if (Status s = markChunks(m_s->touchedApplications,
                              QStringLiteral("INSERT OR IGNORE INTO eligibility_dirty (application_id) SELECT id FROM "
                                             "applications WHERE id IN (%1)"));
        !s)
        return s;
    return markChunks(m_s->touchedRecords,
                      QStringLiteral("INSERT OR IGNORE INTO eligibility_dirty (application_id) "
                                     "SELECT ap.application_id FROM record_subjects rs JOIN application_people ap "
                                     "ON ap.id_number = rs.id_number WHERE rs.record_id IN (%1)"));
}

Status ChangeApplier::markAllStale()
{
    // Reference data changed: every result may be different now.
    m_s->setMeta.bind(1, QStringLiteral("eligibility.all_stale")).bind(2, QStringLiteral("1"));
    return m_s->setMeta.run();
}

Status ChangeApplier::remove(const Change& c, ApplyStats& stats)
{
    auto current = currentVersion(c.entity, c.id);
    if (!current)
        return current.error();
    if (*current >= 0 && c.version > 0 && *current > c.version) {
        ++stats.skipped; // a newer version arrived after the delete was issued
        return {};
    }
    const int index = int(kEntities.indexOf(c.entity));
    if (*current >= 0) {
        Statement& del = index >= 0 ? m_s->deleteRow[index] : m_s->deleteOther;
        if (index >= 0)
            del.bind(1, c.id);
        else
            del.bind(1, c.entity).bind(2, c.id);
        if (Status s = del.run(); !s)
            return s;
        if (c.entity == entity::Application) {
            m_s->deletePeople.bind(1, c.id);
            if (Status s = m_s->deletePeople.run(); !s)
                return s;
            // The checker removes its result and re-flags the applications it shared a child or a flat with.
            if (Status s = markApplication(c.id); !s)
                return s;
        } else if (c.entity == entity::School || c.entity == entity::Zone || c.entity == entity::Policy) {
            if (Status s = markAllStale(); !s)
                return s;
        } else if (c.entity == entity::AgencyRecord) {
            if (Status s = markRecordReaders(c.id); !s)
                return s;
            m_s->deleteSubjects.bind(1, c.id);
            if (Status s = m_s->deleteSubjects.run(); !s)
                return s;
        }
        ++stats.deleted;
    } else {
        ++stats.skipped;
    }
    auto tomb = tombstoneVersion(c.entity, c.id);
    if (!tomb)
        return tomb.error();
    const qint64 version = std::max({c.version, *current, *tomb, qint64(0)});
    m_s->upsertTombstone.bind(1, c.entity).bind(2, c.id).bind(3, version);
    if (Status s = m_s->upsertTombstone.run(); !s)
        return s;
    m_s->hasTombstones = true;
    return {};
}

} // namespace adm::store
