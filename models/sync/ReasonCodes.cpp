#include "ReasonCodes.h"

#include <QJsonObject>

namespace adm::sync {

QString ReasonCode::label(const QString& language) const
{
    return language.startsWith(QLatin1String("zh")) ? labelZh : labelEn;
}

const QList<ReasonCode>& ReasonCodes::all()
{
    // Codes are stable identifiers sent upstream: add new ones, never rename or reuse one.
    static const QList<ReasonCode> table = {
        {QStringLiteral("category_override"), QStringLiteral("approve"),
         QStringLiteral("审核确认类别与自动核验结果不同"),
         QStringLiteral("Category differs from the automatic check, confirmed by the reviewer")},
        {QStringLiteral("verified_on_paper"), QStringLiteral("approve"), QStringLiteral("已核验原件材料"),
         QStringLiteral("Verified from the original documents")},
        {QStringLiteral("special_admission"), QStringLiteral("approve"), QStringLiteral("符合政策规定的特殊群体入学"),
         QStringLiteral("Special admission group named by the policy")},
        {QStringLiteral("other"), QStringLiteral("approve"), QStringLiteral("其他（见备注）"),
         QStringLiteral("Other (see the note)")},

        {QStringLiteral("not_in_zone"), QStringLiteral("reject"), QStringLiteral("住址不在学校招生片区内"),
         QStringLiteral("The address is not in the school's catchment zone")},
        {QStringLiteral("age_out_of_range"), QStringLiteral("reject"), QStringLiteral("年龄不符合入学要求"),
         QStringLiteral("The child's age is outside the admission range")},
        {QStringLiteral("duplicate_application"), QStringLiteral("reject"), QStringLiteral("重复报名"),
         QStringLiteral("The child has another application this year")},
        {QStringLiteral("residence_too_short"), QStringLiteral("reject"), QStringLiteral("居住、社保或经营年限不足"),
         QStringLiteral("Residence, social insurance or business period too short")},
        {QStringLiteral("property_disputed"), QStringLiteral("reject"), QStringLiteral("房产权属存在问题"),
         QStringLiteral("The property's title is disputed or cancelled")},
        {QStringLiteral("false_information"), QStringLiteral("reject"), QStringLiteral("提供信息不实"),
         QStringLiteral("The information given is not true")},
        {QStringLiteral("documents_missing"), QStringLiteral("reject"), QStringLiteral("逾期未补齐材料"),
         QStringLiteral("Requested documents were not provided in time")},
        {QStringLiteral("withdrawn_by_family"), QStringLiteral("reject"), QStringLiteral("家长主动撤回申请"),
         QStringLiteral("Withdrawn by the family")},
        {QStringLiteral("other"), QStringLiteral("reject"), QStringLiteral("其他（见备注）"),
         QStringLiteral("Other (see the note)")},

        {QStringLiteral("documents_missing"), QStringLiteral("request_info"), QStringLiteral("需补充材料"),
         QStringLiteral("Documents are missing")},
        {QStringLiteral("property_disputed"), QStringLiteral("request_info"), QStringLiteral("需说明房产权属情况"),
         QStringLiteral("The property's title needs explaining")},
        {QStringLiteral("guardian_not_linked"), QStringLiteral("request_info"),
         QStringLiteral("无法确认监护人与儿童的关系"), QStringLiteral("The guardian's link to the child is not shown")},
        {QStringLiteral("address_unclear"), QStringLiteral("request_info"), QStringLiteral("住址无法确认"),
         QStringLiteral("The address cannot be matched")},
        {QStringLiteral("other"), QStringLiteral("request_info"), QStringLiteral("其他（见备注）"),
         QStringLiteral("Other (see the note)")},
    };
    return table;
}

bool ReasonCodes::isKnown(const QString& code)
{
    for (const ReasonCode& r : all())
        if (r.code == code)
            return true;
    return false;
}

bool ReasonCodes::fits(const QString& code, const QString& outcome)
{
    for (const ReasonCode& r : all())
        if (r.code == code && r.outcome == outcome)
            return true;
    return false;
}

QStringList ReasonCodes::codesFor(const QString& outcome)
{
    QStringList out;
    for (const ReasonCode& r : all())
        if (r.outcome == outcome)
            out += r.code;
    return out;
}

QJsonArray ReasonCodes::toJson()
{
    QJsonArray out;
    for (const ReasonCode& r : all())
        out.append(QJsonObject{{QStringLiteral("code"), r.code},
                               {QStringLiteral("outcome"), r.outcome},
                               {QStringLiteral("label_zh"), r.labelZh},
                               {QStringLiteral("label_en"), r.labelEn}});
    return out;
}

} // namespace adm::sync
