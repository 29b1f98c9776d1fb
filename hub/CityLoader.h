#pragma once

#include "domain/Entities.h"
#include "domain/Result.h"
#include "store/Sql.h"

#include <QString>

namespace adm::hub {

class CityRepository;
class HubStorage;

// Fills a new hub with a city in big transactions over prepared statements: either from the
// synthetic-city generator or from JSON lines of changes (the shape of GET /api/v1/changes).
class CityLoader {
public:
    CityLoader(HubStorage& storage, CityRepository& repository)
        : m_storage(storage)
        , m_repository(repository)
    {}

    struct Figures {
        qint64 changes = 0;
        qint64 applications = 0;
        qint64 agencyRecords = 0;
        qint64 schools = 0;
        double seconds = 0;      // all of it
        double storeSeconds = 0; // of which storing (the rest is the generator or the file)
    };

    Result<Figures> generate(int applications, quint64 seed);
    Result<Figures> loadFile(const QString& path);

private:
    Status begin();
    void add(const Change& change);
    Status addChecked(const Change& change);
    Status commitChunk(bool last);

    HubStorage& m_storage;
    CityRepository& m_repository;
    Figures m_figures;
    Status m_status;
    qint64 m_inChunk = 0;
    qint64 m_storeNanoseconds = 0;
    store::Statement m_object;
    store::Statement m_school;
    store::Statement m_application;
    store::Statement m_person;
    store::Statement m_subject;
};

} // namespace adm::hub
