#pragma once

#include "EvidenceIndex.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <initializer_list>

namespace adm::policy {

// The people of one application, by normalised ID number, and every agency record that names
// any of them (gathered once, shared by the rules and the household links).
struct Applicant {
    QString applicationId;
    QString child;
    QStringList guardians;         // ID numbers, in the application's order
    QStringList guardianRelations; // father | mother | grandparent | other, same order
    QList<int> records;            // indexes into the EvidenceIndex, ascending, once each

    bool isGuardian(const QString& id) const { return guardians.contains(id); }
    QString roleOf(const QString& id) const; // "child", the guardian's relation, or ""

    void collectRecords(const EvidenceIndex& evidence);
    QList<int> recordsIn(const EvidenceIndex& evidence, std::initializer_list<Dataset> datasets) const;
    // Whether any record of the child or a guardian comes from one of `datasets`.
    bool hasAnyRecord(const EvidenceIndex& evidence, std::initializer_list<Dataset> datasets) const;
};

} // namespace adm::policy
