#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// Value types for every entity of the upstream contract (shared/upstream-api.md). Each keeps the
// JSON object it was read from in `raw`, so that unknown fields survive a round trip unchanged:
// writing starts from `raw` and overwrites only the fields this version knows.
namespace adm {

namespace entity {
inline const QString Policy = QStringLiteral("policy");
inline const QString School = QStringLiteral("school");
inline const QString Zone = QStringLiteral("zone");
inline const QString Application = QStringLiteral("application");
inline const QString AgencyRecord = QStringLiteral("agency_record");
} // namespace entity

struct Policy {
    QString id;
    QString districtCode;
    int admissionYear = 0;
    QString grade; // "primary1" | "junior7"
    QDate cutoffDate;
    QDate birthFrom;
    QDate birthTo;
    QStringList urbanDistrictCodes;
    int minRentalMonths = 0;
    int minInsuranceMonths = 0;
    int minBusinessMonths = 0;
    QStringList categoryPriority;
    QJsonObject raw;
};

struct School {
    QString id;
    QString name;
    QString districtCode;
    QString level; // "primary" | "junior"
    int capacity = 0;
    QString address;
    QStringList zoneIds;
    QJsonObject raw;
};

struct StreetRange {
    QString road;
    int from = 0;
    int to = 0;
    QString parity; // "all" | "odd" | "even"
};

struct Zone {
    QString id;
    QString name;
    QString districtCode;
    QStringList schoolIds;
    QList<StreetRange> streets;
    QStringList compounds;
    QJsonObject raw;
};

struct Child {
    QString name;
    QString idNumber;
};

struct Guardian {
    QString name;
    QString idNumber;
    QString relation; // father | mother | grandparent | other
    QString phone;
};

struct Decision {
    QString outcome; // approve | reject | request_info
    QString category;
    QString reasonCode;
    QString note;
    QString decidedBy;
    QDateTime decidedAt;
    QString batchId; // empty when null
    bool isSigned = false;
    QJsonObject raw;
};

struct Application {
    QString id;
    int admissionYear = 0;
    QString grade;
    QString channel; // online | counter
    QDateTime submittedAt;
    Child child;
    QList<Guardian> guardians;
    QString targetSchoolId;
    QString claimedCategory; // A | B | C
    QString claimedAddress;
    QString status;
    std::optional<Decision> decision;
    qint64 version = 0;
    QJsonObject raw;
};

// A record from one government agency. `fields` is kept whole: its shape depends on the
// dataset, and datasets this version does not know must be kept and shown, never dropped.
struct AgencyRecord {
    QString id;
    QString agency;
    QString dataset;
    QString sourceRef;
    QStringList subjectIdNumbers;
    QDateTime fetchedAt;
    QJsonObject fields;
    QJsonObject raw;
};

// One entry of the change feed (GET /api/v1/changes).
struct Change {
    qint64 seq = 0;
    QString entity;
    QString op; // upsert | delete
    QString id;
    qint64 version = 0;
    QJsonObject data; // empty for a delete
    // The bytes of `data` exactly as they came, when the reader kept them (JSON lines): stored as
    // they are, which keeps unknown fields byte for byte and saves serialising `data` again.
    QByteArray rawData;
    bool isDelete() const { return op == QLatin1String("delete"); }
};

} // namespace adm
