#pragma once

#include "EligibilityResult.h"
#include "domain/Entities.h"
#include "domain/Result.h"

#include <QJsonObject>
#include <QList>

namespace adm::policy {

// Everything one batch evaluation needs, as read from an input document.
struct EvaluationInput {
    QList<Policy> policies;
    QList<School> schools;
    QList<Zone> zones;
    QList<Application> applications;
    QList<AgencyRecord> agencyRecords;
};

// Reads {"policy": {..} or "policies": [..], "schools": [..], "zones": [..], "applications": [..],
// "agency_records": [..]} (entities as in upstream-api.md). Invalid input is an Error whose
// message names the item and field: "applications[3].child.id_number: …".
Result<EvaluationInput> readEvaluationInput(const QJsonObject& input);

// Checks every application (in input order) and adds the cross-application flags.
QList<EligibilityResult> evaluate(const EvaluationInput& input);

// The batch entry point of `admissionsctl evaluate --input FILE`: the input document above in,
// {"results": [toJson(result), ..]} out, in input order.
Result<QJsonObject> evaluateDocument(const QJsonObject& input);

} // namespace adm::policy
