#include "EntityKinds.h"

#include "domain/JsonCodec.h"

namespace adm::store {

namespace {

using Type = EntityColumn::Type;

template <typename Reader> Status readable(const Change& c, Reader read)
{
    auto r = read(c.data, QStringLiteral("data"));
    if (!r)
        return r.error();
    return {};
}

Status validApplication(const Change& c)
{
    auto a = json::readApplication(c.data, QStringLiteral("data"));
    if (!a)
        return a.error();
    if (a->id != c.id)
        return Error{QStringLiteral("invalid_change"), QStringLiteral("data.id differs from the change id")};
    return {};
}

QList<EntityKind> makeKinds()
{
    const QLatin1String none;
    auto col = [none](const char* column, const char* key, Type type = Type::Text) {
        return EntityColumn{QLatin1String(column), none, QLatin1String(key), type, {}};
    };
    return {
        {entity::Application,
         QStringLiteral("applications"),
         {col("admission_year", "admission_year", Type::Integer), col("grade", "grade"), col("channel", "channel"),
          EntityColumn{QLatin1String("status"), none, QLatin1String("status"), Type::TextOrDefault,
                       QLatin1String("submitted")},
          col("target_school_id", "target_school_id"), col("claimed_category", "claimed_category"),
          col("submitted_at", "submitted_at"),
          EntityColumn{QLatin1String("child_name"), QLatin1String("child"), QLatin1String("name"), Type::Text, {}},
          EntityColumn{QLatin1String("child_id_number"),
                       QLatin1String("child"),
                       QLatin1String("id_number"),
                       Type::UpperText,
                       {}}},
         EntityEffect::ApplicationPeople,
         &validApplication},
        {entity::AgencyRecord,
         QStringLiteral("agency_records"),
         {col("agency", "agency"), col("dataset", "dataset"), col("source_ref", "source_ref"),
          col("fetched_at", "fetched_at")},
         EntityEffect::RecordSubjects,
         [](const Change& c) { return readable(c, &json::readAgencyRecord); }},
        {entity::School,
         QStringLiteral("schools"),
         {col("district_code", "district_code"), col("level", "level"), col("name", "name"),
          col("capacity", "capacity", Type::Integer)},
         EntityEffect::ReferenceData,
         [](const Change& c) { return readable(c, &json::readSchool); }},
        {entity::Zone,
         QStringLiteral("zones"),
         {col("district_code", "district_code")},
         EntityEffect::ReferenceData,
         [](const Change& c) { return readable(c, &json::readZone); }},
        {entity::Policy,
         QStringLiteral("policies"),
         {col("district_code", "district_code"), col("admission_year", "admission_year", Type::Integer),
          col("grade", "grade")},
         EntityEffect::ReferenceData,
         [](const Change& c) { return readable(c, &json::readPolicy); }},
    };
}

} // namespace

const QList<EntityKind>& entityKinds()
{
    static const QList<EntityKind> kinds = makeKinds();
    return kinds;
}

int entityKindIndex(const QString& name)
{
    const QList<EntityKind>& kinds = entityKinds();
    for (int i = 0; i < kinds.size(); ++i)
        if (kinds[i].name == name)
            return i;
    return -1;
}

} // namespace adm::store
