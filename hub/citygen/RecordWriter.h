#pragma once

#include "AddressWriter.h"
#include "CityModel.h"
#include "Geography.h"
#include "PolicyBook.h"
#include "domain/Entities.h"

#include <QJsonObject>

namespace adm::citygen {

// Turns the city into upstream changes (shared/upstream-api.md): policies, schools, zones, and
// each unit's agency records and applications, numbered in seq order. Record and application ids,
// and the agencies' own record numbers, come from counters, so they are unique and repeatable.
class RecordWriter {
public:
    RecordWriter(const Geography& geography, const PolicyBook& policies);

    Change policy(const Policy& p);
    Change school(int school, int capacity);
    Change zone(int zone);
    Change record(const Unit& unit, const Record& r, Random& rng);
    Change application(const Unit& unit, const AppModel& app, const QString& id, Random& rng);
    QString nextApplicationId();

    void setApplicationIdWidth(int width) { m_idWidth = width; }

    static QString isoDate(QDate d);
    static QString isoTime(qint64 secondsSinceEpoch);
    static QString isoMonth(int month);

private:
    Change change(const QString& entity, const QString& id, QJsonObject data);
    QJsonObject fields(const Unit& unit, const Record& r, Random& rng, QString* sourceRef);
    QString serial(int width);
    QString creditCode(const QString& prefix);

    const Geography& m_geo;
    const PolicyBook& m_policies;
    AddressWriter m_addresses;
    qint64 m_seq = 0;
    qint64 m_recordNo = 0;
    qint64 m_applicationNo = 0;
    qint64 m_serial = 0;
    int m_idWidth = 6;
};

} // namespace adm::citygen
