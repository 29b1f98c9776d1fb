#include "DraftStore.h"

#include "OpenCache.h"

#include "Session.h"
#include "store/Sql.h"
#include "store/Workspace.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDrafts, "admissions.drafts")

namespace adm::views {

namespace {

const QString kDecision = QStringLiteral("decision");
const QString kPlace = QStringLiteral("place");

} // namespace

QByteArray DecisionDraft::toJson() const
{
    QJsonObject fieldsJson;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        fieldsJson.insert(it.key(), it.value());
    const QJsonObject o{{QStringLiteral("kind"), kind},
                        {QStringLiteral("application"), applicationId},
                        {QStringLiteral("fields"), fieldsJson}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<DecisionDraft> DecisionDraft::fromJson(const QByteArray& json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    DecisionDraft d;
    d.kind = o.value(QStringLiteral("kind")).toString();
    d.applicationId = o.value(QStringLiteral("application")).toString();
    const QJsonObject fieldsJson = o.value(QStringLiteral("fields")).toObject();
    for (auto it = fieldsJson.begin(); it != fieldsJson.end(); ++it)
        d.fields.insert(it.key(), it.value().toString());
    if (d.isNull())
        return std::nullopt;
    return d;
}

Status DraftStore::put(const QString& user, const QString& slot, const QByteArray& body)
{
    auto q =
        m_c.prepare(QStringLiteral("INSERT OR REPLACE INTO drafts (user, slot, body, saved_at) VALUES (?, ?, ?, ?)"));
    if (!q)
        return q.error();
    q->bind(1, user).bind(2, slot).bindUtf8(3, body).bind(4,
                                                          QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return q->run();
}

Result<std::optional<QByteArray>> DraftStore::get(const QString& user, const QString& slot)
{
    auto q = m_c.prepare(QStringLiteral("SELECT body, saved_at FROM drafts WHERE user = ? AND slot = ?"));
    if (!q)
        return q.error();
    q->bind(1, user).bind(2, slot);
    Error error;
    if (q->step(&error))
        return std::optional<QByteArray>(q->utf8(0));
    if (!error.code.isEmpty())
        return error;
    return std::optional<QByteArray>();
}

Status DraftStore::remove(const QString& user, const QString& slot)
{
    auto q = m_c.prepare(QStringLiteral("DELETE FROM drafts WHERE user = ? AND slot = ?"));
    if (!q)
        return q.error();
    q->bind(1, user).bind(2, slot);
    return q->run();
}

Status DraftStore::saveDraft(const QString& user, const DecisionDraft& draft)
{
    if (draft.isNull())
        return Error{QStringLiteral("bad_input"), QStringLiteral("a draft names its kind and application")};
    return put(user, kDecision, draft.toJson());
}

Result<std::optional<DecisionDraft>> DraftStore::draft(const QString& user)
{
    auto body = get(user, kDecision);
    if (!body)
        return body.error();
    if (!body->has_value())
        return std::optional<DecisionDraft>();
    return DecisionDraft::fromJson(**body);
}

Status DraftStore::clearDraft(const QString& user)
{
    return remove(user, kDecision);
}

Status DraftStore::savePlace(const QString& user, const QueueViewState& place)
{
    return put(user, kPlace, place.toJson());
}

Result<std::optional<QueueViewState>> DraftStore::takePlace(const QString& user)
{
    auto body = get(user, kPlace);
    if (!body)
        return body.error();
    if (!body->has_value())
        return std::optional<QueueViewState>();
    if (Status s = remove(user, kPlace); !s)
        return s.error();
    return QueueViewState::fromJson(**body);
}

Status DraftStore::keep(const OpenCache& cache, const std::optional<DecisionDraft>& draft,
                        const std::optional<QueueViewState>& place)
{
    if (!cache.workspace())
        return Error{QStringLiteral("locked"), QStringLiteral("the cache is closed")};
    return keep(*cache.workspace(), draft, place);
}

Status DraftStore::keep(store::Workspace& workspace, const std::optional<DecisionDraft>& draft,
                        const std::optional<QueueViewState>& place)
{
    if (!draft && !place)
        return {};
    store::Connection& c = workspace.database().writer();
    store::Transaction tx(c);
    if (!tx.beginStatus())
        return tx.beginStatus();
    DraftStore store(c);
    if (draft)
        if (Status s = store.saveDraft(workspace.user(), *draft); !s)
            return s;
    if (place)
        if (Status s = store.savePlace(workspace.user(), *place); !s)
            return s;
    return tx.commit();
}

void DraftStore::save(Session& session, const DecisionDraft& draft, QObject* context, std::function<void(Status)> done)
{
    const QString user = session.user();
    postJob<Status>(
        session,
        [user, draft](store::Workspace& w) -> Status {
            Status s = DraftStore(w.database().writer()).saveDraft(user, draft);
            if (!s)
                qCWarning(lcDrafts) << "draft not saved:" << s.error().code;
            return s;
        },
        context,
        [done = std::move(done)](Status s) {
            if (done)
                done(s);
        });
}

void DraftStore::clear(Session& session, QObject* context, std::function<void(Status)> done)
{
    const QString user = session.user();
    postJob<Status>(
        session, [user](store::Workspace& w) -> Status { return DraftStore(w.database().writer()).clearDraft(user); },
        context,
        [done = std::move(done)](Status s) {
            if (done)
                done(s);
        });
}

void DraftStore::resume(Session& session, QObject* context, std::function<void(Result<Resumed>)> done)
{
    const QString user = session.user();
    postJob<Result<Resumed>>(
        session,
        [user](store::Workspace& w) -> Result<Resumed> {
            DraftStore store(w.database().writer());
            Resumed r;
            auto place = store.takePlace(user);
            if (!place)
                return place.error();
            auto draft = store.draft(user);
            if (!draft)
                return draft.error();
            r.place = std::move(*place);
            r.draft = std::move(*draft);
            return r;
        },
        context, std::move(done));
}

} // namespace adm::views
