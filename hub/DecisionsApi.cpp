#include "DecisionsApi.h"

#include "ApiSupport.h"
#include "CityRepository.h"
#include "HubContext.h"
#include "HubStorage.h"
#include "InputRules.h"
#include "Visibility.h"
#include "domain/FieldReader.h"
#include "domain/JsonCodec.h"

#include <QDateTime>

namespace adm::hub {

QString DecisionsApi::statusForOutcome(const QString& outcome)
{
    if (outcome == QLatin1String("approve"))
        return QStringLiteral("approved");
    if (outcome == QLatin1String("reject"))
        return QStringLiteral("rejected");
    return QStringLiteral("info_requested");
}

HttpReply DecisionsApi::push(const HttpRequest& request, const Session& session)
{
    if (auto denied = api::requireRole(session, {QStringLiteral("reviewer"), QStringLiteral("principal")}))
        return *denied;
    QJsonObject body;
    if (auto bad = api::parseObject(request.body, &body))
        return *bad;
    QList<QJsonObject> items;
    if (auto bad = api::readItems(body, QStringLiteral("decisions"), m_context.options.maxItemsPerRequest, &items))
        return *bad;

    // Authorisation first, for the whole request: nothing changes when any item reaches outside.
    const Visibility visibility(session.account);
    for (const QJsonObject& item : std::as_const(items)) {
        const QString id = item.value(QStringLiteral("application_id")).toString();
        if (id.isEmpty())
            continue;
        auto app = m_context.city.application(id);
        if (!app)
            return api::storageFailure(app.error());
        if (app->has_value() && !visibility.seesApplication((*app)->schoolId, (*app)->districtCode))
            return api::forbidden(QStringLiteral("application %1 is not in the schools of account %2; nothing was "
                                                 "changed")
                                      .arg(id, session.account.id));
    }

    api::PushRunner runner(m_context.storage, session, QStringLiteral("decisions"));
    int index = -1;
    return runner.run(items, [&](const QJsonObject& item, const QString& key) -> Result<QJsonObject> {
        ++index;
        const QString path = QStringLiteral("decisions[%1]").arg(index);
        if (const QString problem = input::check(item, input::decisionItem(), path); !problem.isEmpty())
            return api::invalid(key, problem);
        json::FieldReader r(item, path);
        const QString applicationId = r.string(QStringLiteral("application_id"));
        const qint64 baseVersion = r.integer(QStringLiteral("base_version"));
        const QString outcome = r.string(QStringLiteral("outcome"));
        const QString category = r.string(QStringLiteral("category"), json::FieldReader::Optional);
        const QString reasonCode = r.string(QStringLiteral("reason_code"), json::FieldReader::Optional);
        const QString note = r.string(QStringLiteral("note"), json::FieldReader::Optional);
        const QString decidedBy = r.string(QStringLiteral("decided_by"), json::FieldReader::Optional);
        const QDateTime clientDecidedAt = r.time(QStringLiteral("decided_at"), json::FieldReader::Optional);
        const QString policyId = r.string(QStringLiteral("policy_id"), json::FieldReader::Optional);
        const QStringList evidence = r.strings(QStringLiteral("evidence_record_ids"), json::FieldReader::Optional);
        const QString dueDate = r.string(QStringLiteral("due_date"), json::FieldReader::Optional);
        if (!r.ok())
            return api::invalid(key, r.error().message);
        // Who and when are the hub's: the signed-in account and its clock. A client naming someone
        // else is refused; the client's time is kept beside, never trusted.
        if (!decidedBy.isNull() && decidedBy != session.account.id)
            return api::deciderMismatch(key, path + QStringLiteral(".decided_by"), decidedBy, session);

        auto found = m_context.city.application(applicationId);
        if (!found)
            return found.error();
        if (!found->has_value())
            return api::invalid(
                key, QStringLiteral("decisions[%1].application_id: no application %2").arg(index).arg(applicationId),
                QStringLiteral("unknown_application"));
        ApplicationRow row = std::move(**found);
        if (row.version != baseVersion)
            return api::conflict(key, QStringLiteral("version_mismatch"),
                                 QStringLiteral("application %1 is at version %2 now, not %3: it changed upstream")
                                     .arg(applicationId)
                                     .arg(row.version)
                                     .arg(baseVersion),
                                 applicationId, row.version);
        if (row.status == QLatin1String("withdrawn"))
            return api::conflict(key, QStringLiteral("application_withdrawn"),
                                 QStringLiteral("application %1 was withdrawn").arg(applicationId), applicationId,
                                 row.version);

        const QString now = json::formatTime(api::hubNow());
        QJsonObject decision{
            {QStringLiteral("outcome"), outcome},
            {QStringLiteral("category"), category.isEmpty() ? QJsonValue() : QJsonValue(category)},
            {QStringLiteral("reason_code"), reasonCode.isEmpty() ? QJsonValue() : QJsonValue(reasonCode)},
            {QStringLiteral("note"), note.isNull() ? QJsonValue() : QJsonValue(note)},
            {QStringLiteral("decided_by"), session.account.id},
            {QStringLiteral("decided_at"), now},
            {QStringLiteral("batch_id"), QJsonValue()},
            {QStringLiteral("signed"), false},
            {QStringLiteral("policy_id"), policyId.isEmpty() ? QJsonValue() : QJsonValue(policyId)},
            {QStringLiteral("evidence_record_ids"), QJsonArray::fromStringList(evidence)}};
        if (clientDecidedAt.isValid())
            decision.insert(QStringLiteral("client_decided_at"), json::formatTime(clientDecidedAt));
        if (!dueDate.isEmpty())
            decision.insert(QStringLiteral("due_date"), dueDate);
        row.data.insert(QStringLiteral("decision"), decision);
        row.status = statusForOutcome(outcome);
        row.version += 1;
        if (auto saved = m_context.city.saveApplication(row, false); !saved)
            return saved.error();

        auto log = m_context.storage.connection().prepare(QStringLiteral(
            "INSERT INTO decisions (application_id, account, workstation_id, outcome, category, base_version, "
            "new_version, decided_at, received_at, item, client_decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        if (!log)
            return log.error();
        log->bind(1, applicationId).bind(2, session.account.id).bind(3, session.workstationId).bind(4, outcome);
        log->bind(5, category).bind(6, baseVersion).bind(7, row.version).bind(8, now);
        log->bind(9, now).bindUtf8(10, compactJson(item));
        log->bind(11, clientDecidedAt.isValid() ? json::formatTime(clientDecidedAt) : QString());
        if (Status s = log->run(); !s)
            return s.error();
        return api::accepted(key, applicationId, row.version);
    });
}

} // namespace adm::hub
