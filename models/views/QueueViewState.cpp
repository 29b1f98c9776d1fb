#include "QueueViewState.h"

#include <QJsonDocument>

namespace adm::views {

namespace {

QString isoDate(const QDate& d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

} // namespace

QJsonObject QueueViewState::filterToJson(const QueueFilter& f)
{
    return {{QStringLiteral("school"), f.schoolId},
            {QStringLiteral("category"), f.category},
            {QStringLiteral("flags"), QString::number(f.flagMask)},
            {QStringLiteral("channel"), f.channel},
            {QStringLiteral("from"), isoDate(f.from)},
            {QStringLiteral("to"), isoDate(f.to)},
            // "Overdue" means overdue on the day the view is used again, not on the day it was kept.
            {QStringLiteral("overdue"), f.overdueOn.isValid()},
            // Supervision's drill-down (issue 16).
            {QStringLiteral("district"), f.districtCode},
            {QStringLiteral("officer"), f.officer},
            {QStringLiteral("overrides"), f.overridesOnly}};
}

QueueFilter QueueViewState::filterFromJson(const QJsonObject& o)
{
    QueueFilter f;
    f.schoolId = o.value(QStringLiteral("school")).toString();
    f.category = o.value(QStringLiteral("category")).toString();
    f.flagMask = o.value(QStringLiteral("flags")).toString().toLongLong();
    f.channel = o.value(QStringLiteral("channel")).toString();
    f.from = QDate::fromString(o.value(QStringLiteral("from")).toString(), Qt::ISODate);
    f.to = QDate::fromString(o.value(QStringLiteral("to")).toString(), Qt::ISODate);
    if (o.value(QStringLiteral("overdue")).toBool())
        f.overdueOn = QDate::currentDate();
    f.districtCode = o.value(QStringLiteral("district")).toString();
    f.officer = o.value(QStringLiteral("officer")).toString();
    f.overridesOnly = o.value(QStringLiteral("overrides")).toBool();
    return f;
}

QJsonObject QueueViewState::queryToJson(const QueueQuery& q)
{
    return {{QStringLiteral("bin"), int(q.bin)},
            {QStringLiteral("filter"), filterToJson(q.filter)},
            {QStringLiteral("search"), q.search},
            {QStringLiteral("sort"), int(q.sortColumn)},
            {QStringLiteral("descending"), q.order == Qt::DescendingOrder}};
}

QueueQuery QueueViewState::queryFromJson(const QJsonObject& o)
{
    QueueQuery q;
    const int bin = o.value(QStringLiteral("bin")).toInt(int(Bin::ToReview));
    q.bin = store::QueueRules::isDefined(bin) ? Bin(bin) : Bin::ToReview;
    q.filter = filterFromJson(o.value(QStringLiteral("filter")).toObject());
    q.search = o.value(QStringLiteral("search")).toString();
    const int sort = o.value(QStringLiteral("sort")).toInt(int(Column::Submitted));
    q.sortColumn = sort >= 0 && sort < kColumnCount ? Column(sort) : Column::Submitted;
    q.order = o.value(QStringLiteral("descending")).toBool() ? Qt::DescendingOrder : Qt::AscendingOrder;
    return q;
}

QByteArray QueueViewState::toJson() const
{
    const QJsonObject o{{QStringLiteral("query"), queryToJson(query)},
                        {QStringLiteral("application"), applicationId},
                        {QStringLiteral("row"), row}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<QueueViewState> QueueViewState::fromJson(const QByteArray& json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    QueueViewState s;
    s.query = queryFromJson(o.value(QStringLiteral("query")).toObject());
    s.applicationId = o.value(QStringLiteral("application")).toString();
    s.row = o.value(QStringLiteral("row")).toInt(-1);
    return s;
}

} // namespace adm::views
