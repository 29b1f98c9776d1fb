#include "NotesSchema.h"

#include "Sql.h"

#include <QJsonDocument>

namespace adm::store {

namespace {

// Fills info_due from rows of (application_id, decision JSON) read by `sql`.
Status fillFrom(Connection& c, const QString& sql, const QString& decisionKey, NotesSchema::Source source)
{
    auto read = c.prepare(sql);
    if (!read)
        return read.error();
    Error error;
    while (read->step(&error)) {
        QJsonObject o = QJsonDocument::fromJson(read->utf8(1)).object();
        if (!decisionKey.isEmpty())
            o = o.value(decisionKey).toObject();
        if (NotesSchema::isInfoRequest(o))
            if (Status s = NotesSchema::recordDueDate(c, read->text(0), source, NotesSchema::dueDateOf(o)); !s)
                return s;
    }
    if (!error.code.isEmpty())
        return error;
    return {};
}

} // namespace

Status NotesSchema::install(Connection& c)
{
    if (Status s = c.exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS applicant_notes (\n"
            "    id             INTEGER PRIMARY KEY,\n"
            "    application_id TEXT NOT NULL,\n"
            "    author         TEXT NOT NULL, -- the local user who wrote it\n"
            "    created_at     TEXT NOT NULL, -- RFC 3339, UTC\n"
            "    text           TEXT NOT NULL\n"
            ");\n"
            "CREATE INDEX IF NOT EXISTS applicant_notes_by_application ON applicant_notes (application_id, id);\n"
            "CREATE TABLE IF NOT EXISTS info_due (\n"
            "    application_id TEXT NOT NULL,\n"
            "    source         TEXT NOT NULL, -- upstream | here\n"
            "    due_date       TEXT NOT NULL, -- YYYY-MM-DD\n"
            "    PRIMARY KEY (application_id, source)\n"
            ") WITHOUT ROWID;\n"
            "CREATE INDEX IF NOT EXISTS info_due_by_date ON info_due (due_date, application_id);"));
        !s)
        return s;
    // Upstream requests first, then this workstation's (newer, or not taken by the hub yet).
    if (Status s = fillFrom(c, QStringLiteral("SELECT id, data FROM applications WHERE status = 'info_requested'"),
                            QStringLiteral("decision"), Source::Upstream);
        !s)
        return s;
    return fillFrom(c,
                    QStringLiteral("SELECT subject_id, payload FROM outbox WHERE kind = 'decision' AND "
                                   "state IN ('pending', 'done') ORDER BY id"),
                    QString(), Source::Here);
}

Status NotesSchema::recordDueDate(Connection& c, const QString& applicationId, Source source, const QDate& due)
{
    const QString from = source == Source::Upstream ? QStringLiteral("upstream") : QStringLiteral("here");
    // A delete, then an insert: the supervision counters' triggers see both (an INSERT OR REPLACE fires
    // no delete trigger while recursive_triggers is off).
    auto remove = c.prepare(QStringLiteral("DELETE FROM info_due WHERE application_id = ? AND source = ?"));
    if (!remove)
        return remove.error();
    remove->bind(1, applicationId).bind(2, from);
    if (Status s = remove->run(); !s || !due.isValid())
        return s;
    auto insert = c.prepare(QStringLiteral("INSERT INTO info_due (application_id, source, due_date) VALUES (?, ?, ?)"));
    if (!insert)
        return insert.error();
    insert->bind(1, applicationId).bind(2, from).bind(3, due.toString(Qt::ISODate));
    return insert->run();
}

bool NotesSchema::isInfoRequest(const QJsonObject& decision)
{
    return decision.value(QStringLiteral("outcome")).toString() == QLatin1String("request_info");
}

QDate NotesSchema::dueDateOf(const QJsonObject& decision)
{
    if (!isInfoRequest(decision))
        return {};
    const QString text = decision.value(QStringLiteral("due_date")).toString();
    return text.size() == 10 ? QDate::fromString(text, Qt::ISODate) : QDate();
}

} // namespace adm::store
