#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringView>

// The canonical JSON form that batch signatures are made over (shared/upstream-api.md): object keys
// sorted by UTF-16 code units, no insignificant white space, UTF-8, strings escaped minimally
// (only '"', '\\' and control characters), whole numbers without a fraction or exponent. It follows
// RFC 8785 (JCS) for everything a batch holds. Depends on QtCore only: the workstation signs and the
// hub verifies the bytes of this very code.
namespace adm::json {

QByteArray canonical(const QJsonValue& value);
QByteArray canonical(const QJsonObject& object);

// Appends `text` as a JSON string literal (with quotes), escaped as above.
void appendJsonString(QByteArray& out, QStringView text);
QByteArray jsonString(QStringView text);

} // namespace adm::json
