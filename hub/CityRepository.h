#pragma once

#include "HubStorage.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace adm::hub {

// One application as the hub holds it: its contract JSON plus the columns scope rules need.
struct ApplicationRow {
    QString id;
    QJsonObject data;
    qint64 version = 0;
    QString schoolId;
    QString districtCode;
    QString status;
    int admissionYear = 0;
};

// Typed reads and writes of the city over HubStorage: applications (with the people on them),
// agency records (with their subjects) and schools. Every write emits a change.
class CityRepository {
public:
    explicit CityRepository(HubStorage& storage)
        : m_storage(storage)
    {}

    Status loadSchools();
    void noteSchool(const QString& id, const QString& districtCode, const QString& level);
    bool hasSchool(const QString& id) const { return m_schoolDistrict.contains(id); }
    QString districtOfSchool(const QString& id) const { return m_schoolDistrict.value(id); }
    QString levelOfSchool(const QString& id) const { return m_schoolLevel.value(id); }
    QStringList schoolIds() const { return m_schoolDistrict.keys(); }

    Result<std::optional<ApplicationRow>> application(const QString& id);
    // Stores `row.data` as the new state: sets version and status in it, emits a change. A new
    // application also records the people on it and re-emits their agency records, so that the
    // accounts which now see them get those records in their next pull.
    Result<qint64> saveApplication(ApplicationRow& row, bool isNew);
    // The child's application of that year which is not withdrawn, or an empty string.
    Result<QString> activeApplicationOfChild(const QString& idNumber, int admissionYear);
    Result<QString> allocateApplicationId(int admissionYear);

    Result<std::optional<StoredObject>> record(const QString& id);
    Result<qint64> saveRecord(const QString& id, qint64 version, const QJsonObject& data);
    Result<qint64> deleteRecord(const QString& id, qint64 version);
    // The current (not deleted) agency records naming this person, as stored JSON.
    Result<QList<QByteArray>> recordsOfPerson(const QString& idNumber);
    // Moves the person's records to the head of the log (same version, same data).
    Status touchRecordsOf(const QStringList& idNumbers);

    // Ids of up to `limit` applications in one of `statuses` (all when empty), or of agency records
    // (not deleted), from a random point of the log: cheap, and random enough for a moving city.
    Result<QStringList> sampleApplications(const QStringList& statuses, int limit, quint64 randomValue);
    Result<QStringList> sampleRecords(int limit, quint64 randomValue);

    static QStringList peopleOf(const QJsonObject& application);

private:
    HubStorage& m_storage;
    QHash<QString, QString> m_schoolDistrict;
    QHash<QString, QString> m_schoolLevel;
};

} // namespace adm::hub
