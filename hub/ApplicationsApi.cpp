#include "ApplicationsApi.h"

#include "ApiSupport.h"
#include "CityRepository.h"
#include "HubContext.h"
#include "InputRules.h"
#include "Visibility.h"
#include "domain/FieldReader.h"
#include "domain/IdNumber.h"
#include "domain/JsonCodec.h"

#include <QDateTime>

namespace adm::hub {

namespace {

// Checks what the shape rules cannot: ID numbers, the school and its grade.
QString checkCounterFields(const Application& a, const QString& path, const CityRepository& city)
{
    const IdNumber child = IdNumber::parse(a.child.idNumber);
    if (!child.isValid())
        return QStringLiteral("%1.child.id_number: %2 (%3)").arg(path, child.problemMessage(), child.problemCode());
    for (qsizetype i = 0; i < a.guardians.size(); ++i) {
        const IdNumber g = IdNumber::parse(a.guardians.at(i).idNumber);
        if (!g.isValid())
            return QStringLiteral("%1.guardians[%2].id_number: %3 (%4)")
                .arg(path)
                .arg(i)
                .arg(g.problemMessage(), g.problemCode());
    }
    if (!city.hasSchool(a.targetSchoolId))
        return path + QStringLiteral(".target_school_id: no school %1").arg(a.targetSchoolId);
    const QString level = city.levelOfSchool(a.targetSchoolId);
    const QString wanted = a.grade == QLatin1String("primary1") ? QStringLiteral("primary") : QStringLiteral("junior");
    if (!level.isEmpty() && level != wanted)
        return path +
               QStringLiteral(".grade: school %1 is a %2 school and takes no %3").arg(a.targetSchoolId, level, a.grade);
    return {};
}

} // namespace

HttpReply ApplicationsApi::push(const HttpRequest& request, const Session& session)
{
    if (auto denied = api::requireRole(
            session, {QStringLiteral("clerk"), QStringLiteral("reviewer"), QStringLiteral("principal")}))
        return *denied;
    QJsonObject body;
    if (auto bad = api::parseObject(request.body, &body))
        return *bad;
    QList<QJsonObject> items;
    if (auto bad = api::readItems(body, QStringLiteral("applications"), m_context.options.maxItemsPerRequest, &items))
        return *bad;

    const Visibility visibility(session.account);
    for (const QJsonObject& item : std::as_const(items)) {
        const QString school = item.value(QStringLiteral("target_school_id")).toString();
        if (m_context.city.hasSchool(school) && !visibility.seesSchool(school, m_context.city.districtOfSchool(school)))
            return api::forbidden(QStringLiteral("school %1 is not a school of account %2; nothing was changed")
                                      .arg(school, session.account.id));
    }

    api::PushRunner runner(m_context.storage, session, QStringLiteral("applications"));
    int index = -1;
    return runner.run(items, [&](const QJsonObject& item, const QString& key) -> Result<QJsonObject> {
        ++index;
        const QString path = QStringLiteral("applications[%1]").arg(index);
        if (const QString problem = input::check(item, input::applicationItem(), path); !problem.isEmpty())
            return api::invalid(key, problem);
        // The client sends no id, status or version: the hub gives them.
        QJsonObject input = item;
        for (const char* field : {"idempotency_key", "id", "status", "version", "decision"})
            input.remove(QLatin1String(field));
        input.insert(QStringLiteral("id"), QStringLiteral("new"));
        auto parsed = json::readApplication(input, path);
        if (!parsed)
            return api::invalid(key, parsed.error().message);
        Application a = std::move(parsed.value());
        if (const QString problem = checkCounterFields(a, path, m_context.city); !problem.isEmpty())
            return api::invalid(key, problem);

        auto existing =
            m_context.city.activeApplicationOfChild(IdNumber::parse(a.child.idNumber).text(), a.admissionYear);
        if (!existing)
            return existing.error();
        if (!existing->isEmpty())
            return api::conflict(
                key, QStringLiteral("duplicate_child"),
                QStringLiteral("this child already has application %1 for %2").arg(*existing).arg(a.admissionYear),
                *existing);

        auto id = m_context.city.allocateApplicationId(a.admissionYear);
        if (!id)
            return id.error();
        a.child.idNumber = IdNumber::parse(a.child.idNumber).text();
        a.channel = QStringLiteral("counter");
        // When is the hub's: its clock; the client's time is kept beside (client_submitted_at).
        const QDateTime clientSubmittedAt = a.submittedAt;
        a.submittedAt = api::hubNow();
        a.raw.remove(QStringLiteral("id"));
        a.raw.remove(QStringLiteral("client_submitted_at"));
        a.raw.remove(QStringLiteral("taken_by"));
        ApplicationRow row;
        row.id = *id;
        row.schoolId = a.targetSchoolId;
        row.status = QStringLiteral("submitted");
        row.version = 1;
        row.data = json::write(a);
        row.data.insert(QStringLiteral("decision"), QJsonValue());
        if (clientSubmittedAt.isValid())
            row.data.insert(QStringLiteral("client_submitted_at"), json::formatTime(clientSubmittedAt));
        // Who: the signed-in account entered it, whatever the item says.
        row.data.insert(QStringLiteral("taken_by"),
                        QJsonObject{{QStringLiteral("account"), session.account.id},
                                    {QStringLiteral("workstation_id"), session.workstationId}});
        if (auto saved = m_context.city.saveApplication(row, true); !saved)
            return saved.error();
        return api::accepted(key, row.id, row.version);
    });
}

} // namespace adm::hub
