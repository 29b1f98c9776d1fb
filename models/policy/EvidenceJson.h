#pragma once

#include "EvidenceIndex.h"

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace adm::policy {

// The typed record of one stored agency record (its JSON text), exactly what
// EvidenceIndex::typed(*json::readAgencyRecord(QJsonDocument::fromJson(utf8).object())) gives;
// std::nullopt when that does not read or gives an empty id (callers skip such records).
//
// Checking a whole cache reads a few hundred thousand records, and building a QJsonDocument for
// each was most of that cost. So a direct reader over the bytes handles the shapes the upstream
// writes, and anything it is not sure of (malformed text, an unexpected type, a duplicate key, an
// unusual time, ...) goes the slow way: the result is always the slow path's.
std::optional<EvidenceRecord> readEvidenceRecord(const QByteArray& utf8);

namespace EvidenceJson {

// The fast path alone: the record, or std::nullopt for "not sure" (not for "no record"). Unlike
// readEvidenceRecord it returns a record with an empty id as it is. For tests and benchmarks.
std::optional<EvidenceRecord> fastRead(QByteArrayView utf8);

// The slow path alone (QJsonDocument, json::readAgencyRecord, EvidenceIndex::typed), with
// readEvidenceRecord's std::nullopt for a record that does not read or has an empty id: the reference.
std::optional<EvidenceRecord> slowRead(const QByteArray& utf8);

} // namespace EvidenceJson

} // namespace adm::policy
