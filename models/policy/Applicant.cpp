#include "Applicant.h"

#include <algorithm>

namespace adm::policy {

QString Applicant::roleOf(const QString& id) const
{
    if (id == child)
        return QStringLiteral("child");
    const qsizetype i = guardians.indexOf(id);
    return i < 0 ? QString() : guardianRelations.value(i, QStringLiteral("other"));
}

void Applicant::collectRecords(const EvidenceIndex& evidence)
{
    records = evidence.recordsOf(child);
    for (const QString& g : std::as_const(guardians))
        records.append(evidence.recordsOf(g));
    std::sort(records.begin(), records.end());
    records.erase(std::unique(records.begin(), records.end()), records.end());
}

QList<int> Applicant::recordsIn(const EvidenceIndex& evidence, std::initializer_list<Dataset> datasets) const
{
    QList<int> out;
    for (int i : records) {
        if (std::find(datasets.begin(), datasets.end(), evidence.record(i).dataset) != datasets.end())
            out.append(i);
    }
    return out;
}

bool Applicant::hasAnyRecord(const EvidenceIndex& evidence, std::initializer_list<Dataset> datasets) const
{
    for (int i : records) {
        if (std::find(datasets.begin(), datasets.end(), evidence.record(i).dataset) != datasets.end())
            return true;
    }
    return false;
}

} // namespace adm::policy
