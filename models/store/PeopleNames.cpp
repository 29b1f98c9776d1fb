#include "PeopleNames.h"

#include "Sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace adm::store::peoplenames {

namespace {

Result<bool> hasNameColumn(Connection& c)
{
    auto columns = c.prepare(QStringLiteral("PRAGMA table_info(application_people)")); // 3.15: no pragma_table_info()
    if (!columns)
        return columns.error();
    bool has = false;
    while (columns->step())
        has = has || columns->text(1) == QLatin1String("name");
    return has;
}

// Guardians only: the child's name has its own index and pieces in the queue (migration 4).
const char* const kSchema[] = {
    "CREATE INDEX IF NOT EXISTS application_people_by_name ON application_people (name) WHERE position > 0",
    "CREATE TABLE IF NOT EXISTS people_name_grams (gram TEXT NOT NULL, application_id TEXT NOT NULL, "
    "PRIMARY KEY (gram, application_id)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS people_name_grams_by_application ON people_name_grams (application_id)",
    "DROP TRIGGER IF EXISTS people_name_insert",
    "DROP TRIGGER IF EXISTS people_name_delete",
    // The change applier deletes every person of an application, then inserts them all again.
    "CREATE TRIGGER people_name_insert AFTER INSERT ON application_people WHEN NEW.position > 0 AND "
    "NEW.name IS NOT NULL BEGIN\n"
    "    INSERT OR IGNORE INTO people_name_grams (gram, application_id)\n"
    "    SELECT substr(NEW.name, p, 2), NEW.application_id FROM queue_gram_positions WHERE p < length(NEW.name);\n"
    "END",
    "CREATE TRIGGER people_name_delete AFTER DELETE ON application_people WHEN OLD.position > 0 BEGIN\n"
    "    DELETE FROM people_name_grams WHERE application_id = OLD.application_id;\n"
    "END",
};

} // namespace

Status migrate(Connection& c)
{
    auto has = hasNameColumn(c);
    if (!has)
        return has.error();
    if (!*has) {
        if (Status s = c.exec(QStringLiteral("ALTER TABLE application_people ADD COLUMN name TEXT")); !s)
            return s;
    }
    for (const char* sql : kSchema)
        if (Status s = c.exec(QString::fromLatin1(sql)); !s)
            return s;

    // The applications already here: their people's names from the JSON they came as.
    auto read = c.prepare(QStringLiteral("SELECT id, data FROM applications"));
    if (!read)
        return read.error();
    auto write =
        c.prepare(QStringLiteral("UPDATE application_people SET name = ? WHERE application_id = ? AND position = ?"));
    if (!write)
        return write.error();
    Error error;
    while (read->step(&error)) {
        const QString id = read->text(0);
        const QJsonObject data = QJsonDocument::fromJson(read->utf8(1)).object();
        QStringList names{data.value(QStringLiteral("child")).toObject().value(QStringLiteral("name")).toString()};
        for (const QJsonValue& g : data.value(QStringLiteral("guardians")).toArray())
            names << g.toObject().value(QStringLiteral("name")).toString();
        for (int position = 0; position < names.size(); ++position) {
            write->bind(1, names.at(position)).bind(2, id).bind(3, position);
            if (Status s = write->run(); !s)
                return s;
            write->reset();
        }
    }
    if (!error.code.isEmpty())
        return error;
    return c.exec(QStringLiteral("INSERT OR IGNORE INTO people_name_grams (gram, application_id) "
                                 "SELECT substr(a.name, g.p, 2), a.application_id FROM application_people a "
                                 "JOIN queue_gram_positions g ON g.p < length(a.name) WHERE a.position > 0"));
}

} // namespace adm::store::peoplenames
