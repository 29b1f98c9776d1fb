#include "SavedFilters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QUrl>

namespace adm::views {

namespace {

QJsonObject toJson(const SavedQueueView& v)
{
    const QueueFilter& f = v.filter;
    return QJsonObject{{QStringLiteral("name"), v.name},
                       {QStringLiteral("bin"), int(v.bin)},
                       {QStringLiteral("school"), f.schoolId},
                       {QStringLiteral("category"), f.category},
                       {QStringLiteral("flags"), QString::number(f.flagMask)},
                       {QStringLiteral("channel"), f.channel},
                       {QStringLiteral("from"), f.from.toString(Qt::ISODate)},
                       {QStringLiteral("to"), f.to.toString(Qt::ISODate)},
                       {QStringLiteral("sort"), int(v.sortColumn)},
                       {QStringLiteral("descending"), v.order == Qt::DescendingOrder}};
}

SavedQueueView fromJson(const QJsonObject& o)
{
    SavedQueueView v;
    v.name = o.value(QStringLiteral("name")).toString();
    v.bin = Bin(o.value(QStringLiteral("bin")).toInt(int(Bin::ToReview)));
    v.filter.schoolId = o.value(QStringLiteral("school")).toString();
    v.filter.category = o.value(QStringLiteral("category")).toString();
    v.filter.flagMask = o.value(QStringLiteral("flags")).toString().toLongLong();
    v.filter.channel = o.value(QStringLiteral("channel")).toString();
    v.filter.from = QDate::fromString(o.value(QStringLiteral("from")).toString(), Qt::ISODate);
    v.filter.to = QDate::fromString(o.value(QStringLiteral("to")).toString(), Qt::ISODate);
    const int sort = o.value(QStringLiteral("sort")).toInt(int(Column::Submitted));
    v.sortColumn = sort >= 0 && sort < kColumnCount ? Column(sort) : Column::Submitted;
    v.order = o.value(QStringLiteral("descending")).toBool() ? Qt::DescendingOrder : Qt::AscendingOrder;
    return v;
}

} // namespace

SavedFilters::SavedFilters(const QString& localUser)
    // Percent-encoded: a user name must not become a path of settings groups.
    : m_group(QStringLiteral("savedFilters/") + QString::fromLatin1(QUrl::toPercentEncoding(localUser)))
{}

QList<SavedQueueView> SavedFilters::all() const
{
    const QByteArray text = QSettings().value(m_group).toByteArray();
    QList<SavedQueueView> out;
    for (const QJsonValue& v : QJsonDocument::fromJson(text).array()) {
        SavedQueueView view = fromJson(v.toObject());
        if (!view.name.isEmpty())
            out.append(view);
    }
    return out;
}

void SavedFilters::save(const SavedQueueView& view)
{
    QList<SavedQueueView> views = all();
    auto it = std::find_if(views.begin(), views.end(), [&](const SavedQueueView& v) { return v.name == view.name; });
    if (it != views.end())
        *it = view;
    else
        views.append(view);
    write(views);
}

void SavedFilters::remove(const QString& name)
{
    QList<SavedQueueView> views = all();
    views.removeIf([&](const SavedQueueView& v) { return v.name == name; });
    write(views);
}

void SavedFilters::write(const QList<SavedQueueView>& views)
{
    QJsonArray array;
    for (const SavedQueueView& v : views)
        array.append(toJson(v));
    QSettings().setValue(m_group, QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace adm::views
