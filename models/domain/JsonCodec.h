#pragma once

#include "Entities.h"
#include "Result.h"

#include <QJsonObject>

// JSON in and out for the entities of the upstream contract. Readers validate types and required
// fields and name the offending field in the error ("application.child.id_number: …").
namespace adm::json {

Result<Policy> readPolicy(const QJsonObject& o, const QString& path = QStringLiteral("policy"));
Result<School> readSchool(const QJsonObject& o, const QString& path = QStringLiteral("school"));
Result<Zone> readZone(const QJsonObject& o, const QString& path = QStringLiteral("zone"));
Result<Application> readApplication(const QJsonObject& o, const QString& path = QStringLiteral("application"));
Result<AgencyRecord> readAgencyRecord(const QJsonObject& o, const QString& path = QStringLiteral("agency_record"));
Result<Change> readChange(const QJsonObject& o, const QString& path = QStringLiteral("change"));

QJsonObject write(const Policy& v);
QJsonObject write(const School& v);
QJsonObject write(const Zone& v);
QJsonObject write(const Application& v);
QJsonObject write(const AgencyRecord& v);
QJsonObject write(const Change& v);

// The bytes of the value of `key` in a JSON object's text, at the top level only; empty when the
// key is absent or the text is not a well-formed object. Strings and escapes are respected. As in
// QJsonDocument, a key given twice gives its last value; empty also when any top-level key is
// written with an escape (it might be `key`): the caller then reads the parsed value instead.
QByteArray topLevelValue(const QByteArray& objectText, const QByteArray& key);
// The texts of the elements of a JSON array's text, in order; empty when it is not a well-formed array.
QList<QByteArray> arrayElements(const QByteArray& arrayText);

// RFC 3339 UTC ("2026-06-01T08:30:00Z") and dates ("2026-06-01").
QString formatTime(const QDateTime& t);
QDateTime parseTime(const QString& s);
QString formatDate(const QDate& d);
QDate parseDate(const QString& s);

} // namespace adm::json
