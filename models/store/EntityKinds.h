#pragma once

#include "domain/Entities.h"
#include "domain/Result.h"

#include <QJsonObject>
#include <QLatin1String>
#include <QList>
#include <QString>

namespace adm::store {

// What the cache does besides storing the row when an entity of a kind arrives or goes.
enum class EntityEffect {
    ApplicationPeople, // application_people rows; the application's check is redone
    RecordSubjects,    // record_subjects rows; the checks of its subjects' applications are redone
    ReferenceData,     // every check is stale (schools, zones and policies feed all of them)
};

// A column of an entity's table besides id, version and data, and where its value comes from.
struct EntityColumn {
    enum class Type {
        Text,         // the string, or NULL
        UpperText,    // the string upper-cased (ID numbers: the X of a check digit)
        Integer,      // the number, 0 when absent
        TextOrDefault // the string, or `fallback` when the field is absent
    };
    QLatin1String column;
    QLatin1String parent; // an object of the data holding `key` ("child"), or empty
    QLatin1String key;
    Type type = Type::Text;
    QLatin1String fallback{};
};

// One kind of entity of the contract (upstream-api.md lists them; the list is closed) and how the
// cache keeps it. ChangeApplier, Puller's sweep, the feed guard and CacheStats all read this table:
// a new kind is one entry here and its table in a migration.
struct EntityKind {
    QString name;  // the contract's name ("agency_record")
    QString table; // the cache's table ("agency_records")
    QList<EntityColumn> columns;
    EntityEffect effect;
    // Checks a change's data against the contract (the readers of models/domain/JsonCodec); the
    // message says what is wrong, without the change's seq (the caller adds it).
    Status (*validate)(const Change& change);
};

const QList<EntityKind>& entityKinds();
// The index in entityKinds() of the kind named `name`, or -1 for a kind the contract does not list.
int entityKindIndex(const QString& name);

} // namespace adm::store
