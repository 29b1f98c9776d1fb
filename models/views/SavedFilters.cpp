#include "SavedFilters.h"

#include "QueueViewState.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QUrl>

namespace adm::views {

namespace {

// The same form as the view kept over a lock (QueueViewState), with the view's name.
QJsonObject toJson(const SavedQueueView& v)
{
    QJsonObject o = QueueViewState::queryToJson(v.query);
    o.remove(QStringLiteral("search"));
    o.insert(QStringLiteral("name"), v.name);
    return o;
}

SavedQueueView fromJson(const QJsonObject& o)
{
    SavedQueueView v;
    v.name = o.value(QStringLiteral("name")).toString();
    v.query = QueueViewState::queryFromJson(o);
    v.query.search.clear();
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
