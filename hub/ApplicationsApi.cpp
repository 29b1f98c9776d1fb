#include "ApplicationsApi.h"

#include "ApiSupport.h"
#include "CityRepository.h"
#include "HubContext.h"
#include "Visibility.h"
#include "domain/FieldReader.h"
#include "domain/IdNumber.h"
#include "domain/JsonCodec.h"

#include <QDateTime>

namespace adm::hub {

namespace {

// Checks what the codec does not: ID numbers, the school and its grade, the counter's own fields.
QString checkCounterFields(const Application& a, const QJsonObject& item, const QString& path,
                           const CityRepository& city)
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
    if (a.guardians.size() > 10)
        return path + QStringLiteral(".guardians: at most 10");
    if (a.child.name.isEmpty() || a.child.name.size() > 64)
        return path + QStringLiteral(".child.name: must be 1 to 64 characters");
    if (a.admissionYear < 2000 || a.admissionYear > 2100)
        return path + QStringLiteral(".admission_year: must be a year such as 2026");
    if (!city.hasSchool(a.targetSchoolId))
        return path + QStringLiteral(".target_school_id: no school %1").arg(a.targetSchoolId);
    const QString level = city.levelOfSchool(a.targetSchoolId);
    const QString wanted = a.grade == QLatin1String("primary1") ? QStringLiteral("primary") : QStringLiteral("junior");
    if (!level.isEmpty() && level != wanted)
        return path +
               QStringLiteral(".grade: school %1 is a %2 school and takes no %3").arg(a.targetSchoolId, level, a.grade);
    if (a.claimedAddress.size() > 500)
        return path + QStringLiteral(".claimed_address: must be at most 500 characters");

    json::FieldReader r(item, path);
    const QString clientRef = r.string(QStringLiteral("client_ref"), json::FieldReader::Optional);
    if (r.ok() && clientRef.size() > 64)
        r.fail(QStringLiteral("client_ref"), QStringLiteral("must be at most 64 characters"));
    const QJsonArray evidence = r.array(QStringLiteral("paper_evidence"), json::FieldReader::Optional);
    for (qsizetype i = 0; i < evidence.size() && r.ok(); ++i) {
        const QString ep = QStringLiteral("%1.paper_evidence[%2]").arg(path).arg(i);
        if (!evidence.at(i).isObject())
            return ep + QStringLiteral(": must be an object");
        const QJsonObject eo = evidence.at(i).toObject();
        json::FieldReader er(eo, ep);
        (void)er.string(QStringLiteral("kind"));
        (void)er.string(QStringLiteral("checked_by"), json::FieldReader::Optional);
        (void)er.string(QStringLiteral("note"), json::FieldReader::Optional);
        if (!er.ok())
            return er.error().message;
    }
    if (r.ok() && evidence.size() > 100)
        r.fail(QStringLiteral("paper_evidence"), QStringLiteral("must hold at most 100 entries"));
    return r.ok() ? QString() : r.error().message;
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
        // The client sends no id, status or version: the hub gives them.
        QJsonObject input = item;
        for (const char* field : {"idempotency_key", "id", "status", "version", "decision"})
            input.remove(QLatin1String(field));
        input.insert(QStringLiteral("id"), QStringLiteral("new"));
        auto parsed = json::readApplication(input, path);
        if (!parsed)
            return api::invalid(key, parsed.error().message);
        Application a = std::move(parsed.value());
        if (const QString problem = checkCounterFields(a, item, path, m_context.city); !problem.isEmpty())
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
        if (!a.submittedAt.isValid())
            a.submittedAt = QDateTime::currentDateTimeUtc();
        a.raw.remove(QStringLiteral("id"));
        ApplicationRow row;
        row.id = *id;
        row.schoolId = a.targetSchoolId;
        row.status = QStringLiteral("submitted");
        row.version = 1;
        row.data = json::write(a);
        row.data.insert(QStringLiteral("decision"), QJsonValue());
        row.data.insert(QStringLiteral("taken_by"),
                        QJsonObject{{QStringLiteral("account"), session.account.id},
                                    {QStringLiteral("workstation_id"), session.workstationId}});
        if (auto saved = m_context.city.saveApplication(row, true); !saved)
            return saved.error();
        return api::accepted(key, row.id, row.version);
    });
}

} // namespace adm::hub
