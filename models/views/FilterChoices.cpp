#include "FilterChoices.h"

#include "domain/JsonCodec.h"
#include "store/Sql.h"
#include "sync/SessionCache.h"
#include "sync/SyncState.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace adm::views {

namespace {

// A district code of the city level ("371100"): a supervisor there sees every district.
bool isCityCode(const QString& code)
{
    return code.size() == 6 && code.endsWith(QLatin1String("00"));
}

Result<QDate> submittedDay(store::Connection& c, const char* aggregate)
{
    // One aggregate per statement: SQLite answers min() or max() alone from the index's end.
    auto v = c.scalar(QStringLiteral("SELECT %1(submitted_at) FROM applications WHERE submitted_at > ''")
                          .arg(QLatin1String(aggregate)));
    if (!v)
        return v.error();
    const QDateTime t = json::parseTime(v->toString());
    return t.isValid() ? t.toLocalTime().date() : QDate();
}

} // namespace

Result<FilterChoices> readFilterChoices(const CacheView& cache, const QString& localUser)
{
    return readFilterChoices(cache.connection(), localUser);
}

Result<FilterChoices> readFilterChoices(store::Connection& c, const QString& localUser)
{
    FilterChoices out;
    QStringList schoolIds;
    QString district;
    bool known = false;
    if (!localUser.isEmpty()) {
        auto info = sync::SyncState(c).get(sync::SessionCache::infoKey(localUser));
        if (!info)
            return info.error();
        const QJsonObject account =
            QJsonDocument::fromJson(info->toUtf8()).object().value(QStringLiteral("account")).toObject();
        if (!account.isEmpty()) {
            known = true;
            for (const QJsonValue& v : account.value(QStringLiteral("school_ids")).toArray())
                schoolIds << v.toString();
            district = account.value(QStringLiteral("district_code")).toString();
        }
    }
    QString sql;
    if (known && !schoolIds.isEmpty()) {
        QStringList marks;
        for (qsizetype i = 0; i < schoolIds.size(); ++i)
            marks << QStringLiteral("?");
        sql = QStringLiteral("SELECT id, name FROM schools WHERE id IN (%1) ORDER BY name, id").arg(marks.join(u','));
    } else if (known && !district.isEmpty() && !isCityCode(district)) {
        sql = QStringLiteral("SELECT id, name FROM schools WHERE district_code = ? ORDER BY name, id");
    } else if (known) {
        sql = QStringLiteral("SELECT id, name FROM schools ORDER BY name, id");
    } else {
        // queue_by_school leads with school_id: one seek per school.
        sql = QStringLiteral("SELECT s.id, s.name FROM schools s WHERE EXISTS (SELECT 1 FROM queue_rows q WHERE "
                             "q.school_id = s.id) ORDER BY s.name, s.id");
    }
    auto q = c.prepare(sql);
    if (!q)
        return q.error();
    if (known && !schoolIds.isEmpty()) {
        for (int i = 0; i < schoolIds.size(); ++i)
            q->bind(i + 1, schoolIds.at(i));
    } else if (known && !district.isEmpty() && !isCityCode(district)) {
        q->bind(1, district);
    }
    Error error;
    while (q->step(&error))
        out.schools.append({q->text(0), q->text(1)});
    if (!error.code.isEmpty())
        return error;

    auto first = submittedDay(c, "min");
    if (!first)
        return first.error();
    auto last = submittedDay(c, "max");
    if (!last)
        return last.error();
    out.firstDay = *first;
    out.lastDay = *last;
    return out;
}

} // namespace adm::views
