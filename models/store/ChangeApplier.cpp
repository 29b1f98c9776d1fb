#include "ChangeApplier.h"

#include "EntityKinds.h"
#include "NotesSchema.h"

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

// The stored text of a change's data: as it came when the reader kept it, else serialised.
QByteArray dataText(const Change& c)
{
    return c.rawData.isEmpty() ? QJsonDocument(c.data).toJson(QJsonDocument::Compact) : c.rawData;
}

} // namespace

struct ChangeApplier::Statements {
    // Per kind of entityKinds(), in its order.
    std::vector<Statement> selectVersion;
    std::vector<Statement> upsertRow;
    std::vector<Statement> deleteRow;
    Statement selectOther;
    Statement selectTombstone;
    Statement upsertOther;
    Statement deletePeople;
    Statement insertPerson;
    Statement deleteSubjects;
    Statement insertSubject;
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
    const QList<EntityKind>& kinds = entityKinds();
    s->selectVersion.resize(kinds.size());
    s->upsertRow.resize(kinds.size());
    s->deleteRow.resize(kinds.size());
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        const EntityKind& kind = kinds[i];
        QStringList columns{QStringLiteral("id"), QStringLiteral("version")};
        for (const EntityColumn& c : kind.columns)
            columns << c.column;
        columns << QStringLiteral("data");
        const QStringList marks(columns.size(), QStringLiteral("?"));
        prep(s->selectVersion[i], QStringLiteral("SELECT version FROM %1 WHERE id = ?").arg(kind.table));
        prep(s->upsertRow[i],
             QStringLiteral("INSERT OR IGNORE INTO %1 (%2) VALUES (%3)")
                 .arg(kind.table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))));
        prep(s->deleteRow[i], QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(kind.table));
    }
    prep(s->selectOther, QStringLiteral("SELECT version FROM other_entities WHERE entity = ? AND id = ?"));
    prep(s->selectTombstone, QStringLiteral("SELECT version FROM tombstones WHERE entity = ? AND id = ?"));
    prep(s->upsertOther, QStringLiteral("INSERT OR IGNORE INTO other_entities (entity, id, version, data) "
                                        "VALUES (?, ?, ?, ?)"));
    prep(s->deletePeople, QStringLiteral("DELETE FROM application_people WHERE application_id = ?"));
    prep(s->insertPerson, QStringLiteral("INSERT INTO application_people (application_id, position, "
                                         "id_number, phone, name) VALUES (?, ?, ?, ?, ?)"));
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
    const int index = entityKindIndex(c.entity);
    if (index < 0)
        return {}; // kept as it came, in other_entities
    if (Status s = entityKinds()[index].validate(c); !s)
        return Error{QStringLiteral("invalid_change"), path + QStringLiteral(": ") + s.error().message};
    return {};
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
    const int index = entityKindIndex(entity);
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
    const int index = entityKindIndex(c.entity);
    if (exists) {
        if (Status s = deleteRow(index, c); !s)
            return s;
    }
    if (index < 0) {
        Statement& st = m_s->upsertOther;
        st.bind(1, c.entity).bind(2, c.id).bind(3, version).bindUtf8(4, dataText(c));
        if (Status s = storedOne(st, c); !s)
            return s;
        ++stats.upserted;
        return {};
    }
    const EntityKind& kind = entityKinds()[index];
    if (Status s = storeRow(kind, m_s->upsertRow[index], c, version); !s)
        return s;
    switch (kind.effect) {
    case EntityEffect::ApplicationPeople:
        if (Status s = storePeople(c); !s)
            return s;
        // An information request's due date, for the "information overdue" filter (rare: prepared here).
        if (const QJsonObject decision = c.data.value(QStringLiteral("decision")).toObject();
            NotesSchema::isInfoRequest(decision))
            if (Status s = NotesSchema::recordDueDate(m_writer, c.id, NotesSchema::Source::Upstream,
                                                      NotesSchema::dueDateOf(decision));
                !s)
                return s;
        m_s->touchedApplications.append(c.id);
        break;
    case EntityEffect::RecordSubjects:
        // The applications of the people it was about (those it is about now: at the end of the batch).
        if (exists) {
            if (Status s = markRecordReaders(c.id); !s)
                return s;
        }
        if (Status s = storeSubjects(c, exists); !s)
            return s;
        m_s->touchedRecords.append(c.id);
        break;
    case EntityEffect::ReferenceData:
        if (Status s = markAllStale(); !s)
            return s;
        break;
    }
    ++stats.upserted;
    return {};
}

Status ChangeApplier::storeRow(const EntityKind& kind, Statement& st, const Change& c, qint64 version)
{
    using Type = EntityColumn::Type;
    st.bind(1, c.id).bind(2, version);
    int index = 3;
    for (const EntityColumn& column : kind.columns) {
        const QJsonValue v = column.parent.isEmpty() ? c.data.value(column.key)
                                                     : c.data.value(column.parent).toObject().value(column.key);
        switch (column.type) {
        case Type::Text:
            st.bind(index, v.toString());
            break;
        case Type::UpperText:
            st.bind(index, v.toString().toUpper());
            break;
        case Type::Integer:
            st.bind(index, qint64(v.toInt()));
            break;
        case Type::TextOrDefault:
            st.bind(index, v.isUndefined() ? QString(column.fallback) : v.toString());
            break;
        }
        ++index;
    }
    st.bindUtf8(index, dataText(c));
    return storedOne(st, c);
}

Status ChangeApplier::storePeople(const Change& c)
{
    m_s->deletePeople.bind(1, c.id);
    if (Status s = m_s->deletePeople.run(); !s)
        return s;
    auto person = [&](int position, const QJsonObject& p) {
        m_s->insertPerson.bind(1, c.id)
            .bind(2, position)
            .bind(3, p.value(QStringLiteral("id_number")).toString().toUpper())
            .bind(4, p.value(QStringLiteral("phone")).toString(QString()))
            .bind(5, p.value(QStringLiteral("name")).toString(QString())); // the queue's search (PeopleNames.h)
        return m_s->insertPerson.run();
    };
    if (Status s = person(0, c.data.value(QStringLiteral("child")).toObject()); !s)
        return s;
    const QJsonArray guardians = c.data.value(QStringLiteral("guardians")).toArray();
    for (qsizetype i = 0; i < guardians.size(); ++i)
        if (Status s = person(int(i) + 1, guardians.at(i).toObject()); !s)
            return s;
    return {};
}

Status ChangeApplier::storeSubjects(const Change& c, bool replacing)
{
    if (replacing) {
        m_s->deleteSubjects.bind(1, c.id);
        if (Status s = m_s->deleteSubjects.run(); !s)
            return s;
    }
    const QJsonArray subjects = c.data.value(QStringLiteral("subject_id_numbers")).toArray();
    for (const QJsonValue& v : subjects) {
        m_s->insertSubject.bind(1, v.toString().toUpper()).bind(2, c.id);
        if (Status s = m_s->insertSubject.run(); !s)
            return s;
    }
    return {};
}

Status ChangeApplier::deleteRow(int kindIndex, const Change& c)
{
    Statement& del = kindIndex >= 0 ? m_s->deleteRow[kindIndex] : m_s->deleteOther;
    if (kindIndex >= 0)
        del.bind(1, c.id);
    else
        del.bind(1, c.entity).bind(2, c.id);
    return del.run();
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

Status ChangeApplier::forgetDependents(int kindIndex, const Change& c)
{
    if (kindIndex < 0)
        return {};
    switch (entityKinds()[kindIndex].effect) {
    case EntityEffect::ApplicationPeople: {
        m_s->deletePeople.bind(1, c.id);
        if (Status s = m_s->deletePeople.run(); !s)
            return s;
        // The checker removes its result and re-flags the applications it shared a child or a flat with.
        return markApplication(c.id);
    }
    case EntityEffect::RecordSubjects: {
        if (Status s = markRecordReaders(c.id); !s)
            return s;
        m_s->deleteSubjects.bind(1, c.id);
        return m_s->deleteSubjects.run();
    }
    case EntityEffect::ReferenceData:
        return markAllStale();
    }
    return {};
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
    const int index = entityKindIndex(c.entity);
    if (*current >= 0) {
        if (Status s = deleteRow(index, c); !s)
            return s;
        if (Status s = forgetDependents(index, c); !s)
            return s;
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
