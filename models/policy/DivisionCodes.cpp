#include "DivisionCodes.h"

#include <QHash>
#include <QList>

namespace adm::policy {

namespace {

using Level = DivisionCodes::Level;

// GB/T 2260: every province-level division (so that "another province" is named, not guessed),
// and the city of Rizhao with its districts and counties.
const QList<DivisionCodes::Entry>& entries()
{
    static const QList<DivisionCodes::Entry> list = {
        {QStringLiteral("110000"), QStringLiteral("北京市"), Level::Province},
        {QStringLiteral("120000"), QStringLiteral("天津市"), Level::Province},
        {QStringLiteral("130000"), QStringLiteral("河北省"), Level::Province},
        {QStringLiteral("140000"), QStringLiteral("山西省"), Level::Province},
        {QStringLiteral("150000"), QStringLiteral("内蒙古自治区"), Level::Province},
        {QStringLiteral("210000"), QStringLiteral("辽宁省"), Level::Province},
        {QStringLiteral("220000"), QStringLiteral("吉林省"), Level::Province},
        {QStringLiteral("230000"), QStringLiteral("黑龙江省"), Level::Province},
        {QStringLiteral("310000"), QStringLiteral("上海市"), Level::Province},
        {QStringLiteral("320000"), QStringLiteral("江苏省"), Level::Province},
        {QStringLiteral("330000"), QStringLiteral("浙江省"), Level::Province},
        {QStringLiteral("340000"), QStringLiteral("安徽省"), Level::Province},
        {QStringLiteral("350000"), QStringLiteral("福建省"), Level::Province},
        {QStringLiteral("360000"), QStringLiteral("江西省"), Level::Province},
        {QStringLiteral("370000"), QStringLiteral("山东省"), Level::Province},
        {QStringLiteral("410000"), QStringLiteral("河南省"), Level::Province},
        {QStringLiteral("420000"), QStringLiteral("湖北省"), Level::Province},
        {QStringLiteral("430000"), QStringLiteral("湖南省"), Level::Province},
        {QStringLiteral("440000"), QStringLiteral("广东省"), Level::Province},
        {QStringLiteral("450000"), QStringLiteral("广西壮族自治区"), Level::Province},
        {QStringLiteral("460000"), QStringLiteral("海南省"), Level::Province},
        {QStringLiteral("500000"), QStringLiteral("重庆市"), Level::Province},
        {QStringLiteral("510000"), QStringLiteral("四川省"), Level::Province},
        {QStringLiteral("520000"), QStringLiteral("贵州省"), Level::Province},
        {QStringLiteral("530000"), QStringLiteral("云南省"), Level::Province},
        {QStringLiteral("540000"), QStringLiteral("西藏自治区"), Level::Province},
        {QStringLiteral("610000"), QStringLiteral("陕西省"), Level::Province},
        {QStringLiteral("620000"), QStringLiteral("甘肃省"), Level::Province},
        {QStringLiteral("630000"), QStringLiteral("青海省"), Level::Province},
        {QStringLiteral("640000"), QStringLiteral("宁夏回族自治区"), Level::Province},
        {QStringLiteral("650000"), QStringLiteral("新疆维吾尔自治区"), Level::Province},
        {QStringLiteral("710000"), QStringLiteral("台湾省"), Level::Province},
        {QStringLiteral("810000"), QStringLiteral("香港特别行政区"), Level::Province},
        {QStringLiteral("820000"), QStringLiteral("澳门特别行政区"), Level::Province},
        {QStringLiteral("371100"), QStringLiteral("日照市"), Level::City},
        {QStringLiteral("371102"), QStringLiteral("东港区"), Level::District},
        {QStringLiteral("371103"), QStringLiteral("岚山区"), Level::District},
        {QStringLiteral("371121"), QStringLiteral("五莲县"), Level::District},
        {QStringLiteral("371122"), QStringLiteral("莒县"), Level::District},
    };
    return list;
}

QString stripSuffix(const QString& name)
{
    static const QStringList suffixes = {
        QStringLiteral("维吾尔自治区"), QStringLiteral("回族自治区"), QStringLiteral("壮族自治区"),
        QStringLiteral("特别行政区"),   QStringLiteral("自治区"),     QStringLiteral("省"),
        QStringLiteral("市"),           QStringLiteral("区"),         QStringLiteral("县")};
    for (const QString& s : suffixes) {
        if (name.endsWith(s) && name.size() - s.size() >= 2)
            return name.left(name.size() - s.size());
    }
    return {}; // 莒县: a one-character stem is too ambiguous to use alone
}

struct Tables {
    QHash<QString, const DivisionCodes::Entry*> byName;
    QHash<QString, const DivisionCodes::Entry*> byShortName;
    QHash<QString, const DivisionCodes::Entry*> byCode;
};

const Tables& tables()
{
    static const Tables t = [] {
        Tables r;
        for (const DivisionCodes::Entry& e : entries()) {
            r.byName.insert(e.name, &e);
            r.byCode.insert(e.code, &e);
            const QString stem = stripSuffix(e.name);
            if (!stem.isEmpty())
                r.byShortName.insert(stem, &e);
        }
        return r;
    }();
    return t;
}

} // namespace

const DivisionCodes::Entry* DivisionCodes::byName(QStringView name)
{
    // A view on the caller's characters: no copy for a look-up.
    return tables().byName.value(QString::fromRawData(name.data(), name.size()), nullptr);
}

const DivisionCodes::Entry* DivisionCodes::byShortName(QStringView shortName)
{
    return tables().byShortName.value(QString::fromRawData(shortName.data(), shortName.size()), nullptr);
}

QString DivisionCodes::nameOf(const QString& code)
{
    const Entry* e = tables().byCode.value(code, nullptr);
    return e ? e->name : QString();
}

} // namespace adm::policy
