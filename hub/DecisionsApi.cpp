#include "DecisionsApi.h"

#include "ApiSupport.h"
#include "CityRepository.h"
#include "HubContext.h"
#include "HubStorage.h"
#include "Visibility.h"
#include "domain/FieldReader.h"
#include "domain/JsonCodec.h"

#include <QDateTime>

namespace adm::hub {

namespace {
const QStringList kOutcomes = {QStringLiteral("approve"), QStringLiteral("reject"), QStringLiteral("request_info")};
const QStringList kCategories = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")};
} // namespace

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
        json::FieldReader r(item, QStringLiteral("decisions[%1]").arg(index));
        const QString applicationId = r.string(QStringLiteral("application_id"));
        const qint64 baseVersion = r.integer(QStringLiteral("base_version"));
        const QString outcome = r.oneOf(QStringLiteral("outcome"), kOutcomes);
        const QString category = r.oneOf(QStringLiteral("category"), kCategories, json::FieldReader::Optional);
        const QString reasonCode = r.string(QStringLiteral("reason_code"), json::FieldReader::Optional);
        const QString note = r.string(QStringLiteral("note"), json::FieldReader::Optional);
        const QString decidedBy = r.string(QStringLiteral("decided_by"), json::FieldReader::Optional);
        QDateTime decidedAt = r.time(QStringLiteral("decided_at"), json::FieldReader::Optional);
        const QString policyId = r.string(QStringLiteral("policy_id"), json::FieldReader::Optional);
        const QStringList evidence = r.strings(QStringLiteral("evidence_record_ids"), json::FieldReader::Optional);
        if (r.ok() && note.size() > 4000)
            r.fail(QStringLiteral("note"), QStringLiteral("must be at most 4000 characters"));
        if (r.ok() && evidence.size() > 1000)
            r.fail(QStringLiteral("evidence_record_ids"), QStringLiteral("must hold at most 1000 ids"));
        if (!r.ok())
            return api::invalid(key, r.error().message);

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

        if (!decidedAt.isValid())
            decidedAt = QDateTime::currentDateTimeUtc();
        QJsonObject decision{
            {QStringLiteral("outcome"), outcome},
            {QStringLiteral("category"), category.isEmpty() ? QJsonValue() : QJsonValue(category)},
            {QStringLiteral("reason_code"), reasonCode.isEmpty() ? QJsonValue() : QJsonValue(reasonCode)},
            {QStringLiteral("note"), note.isNull() ? QJsonValue() : QJsonValue(note)},
            {QStringLiteral("decided_by"), decidedBy.isEmpty() ? session.account.id : decidedBy},
            {QStringLiteral("decided_at"), json::formatTime(decidedAt)},
            {QStringLiteral("batch_id"), QJsonValue()},
            {QStringLiteral("signed"), false},
            {QStringLiteral("policy_id"), policyId.isEmpty() ? QJsonValue() : QJsonValue(policyId)},
            {QStringLiteral("evidence_record_ids"), QJsonArray::fromStringList(evidence)}};
        row.data.insert(QStringLiteral("decision"), decision);
        row.status = statusForOutcome(outcome);
        row.version += 1;
        if (auto saved = m_context.city.saveApplication(row, false); !saved)
            return saved.error();

        auto log = m_context.storage.connection().prepare(QStringLiteral(
            "INSERT INTO decisions (application_id, account, workstation_id, outcome, category, base_version, "
            "new_version, decided_at, received_at, item) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        if (!log)
            return log.error();
        log->bind(1, applicationId).bind(2, session.account.id).bind(3, session.workstationId).bind(4, outcome);
        log->bind(5, category).bind(6, baseVersion).bind(7, row.version).bind(8, json::formatTime(decidedAt));
        log->bind(9, json::formatTime(QDateTime::currentDateTimeUtc())).bindUtf8(10, compactJson(item));
        if (Status s = log->run(); !s)
            return s.error();
        return api::accepted(key, applicationId, row.version);
    });
}

} // namespace adm::hub
