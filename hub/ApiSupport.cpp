#include "ApiSupport.h"

#include "HubLog.h"
#include "HubStorage.h"

#include <QJsonDocument>

namespace adm::hub::api {

std::optional<HttpReply> parseObject(const QByteArray& body, QJsonObject* out)
{
    if (body.trimmed().isEmpty())
        return HttpReply::invalid(QStringLiteral("body: a JSON object is required"));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError)
        return HttpReply::error(
            422, QStringLiteral("malformed_json"),
            QStringLiteral("body: not valid JSON at offset %1 (%2)").arg(pe.offset).arg(pe.errorString()));
    if (!doc.isObject())
        return HttpReply::invalid(QStringLiteral("body: must be a JSON object"));
    *out = doc.object();
    return std::nullopt;
}

std::optional<HttpReply> readItems(const QJsonObject& body, const QString& listName, int maxItems,
                                   QList<QJsonObject>* out)
{
    const QJsonValue list = body.value(listName);
    if (list.isUndefined() || list.isNull())
        return HttpReply::invalid(QStringLiteral("%1: is missing").arg(listName));
    if (!list.isArray())
        return HttpReply::invalid(QStringLiteral("%1: must be an array").arg(listName));
    const QJsonArray a = list.toArray();
    if (a.size() > maxItems)
        return HttpReply::error(413, QStringLiteral("too_many_items"),
                                QStringLiteral("%1: at most %2 items per request, not %3; send them in parts")
                                    .arg(listName)
                                    .arg(maxItems)
                                    .arg(a.size()));
    out->clear();
    out->reserve(a.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString path = QStringLiteral("%1[%2]").arg(listName).arg(i);
        if (!a.at(i).isObject())
            return HttpReply::invalid(path + QStringLiteral(": must be an object"));
        const QJsonObject item = a.at(i).toObject();
        const QJsonValue key = item.value(QStringLiteral("idempotency_key"));
        if (key.isUndefined() || key.isNull())
            return HttpReply::invalid(path + QStringLiteral(".idempotency_key: is missing"));
        if (!key.isString())
            return HttpReply::invalid(path + QStringLiteral(".idempotency_key: must be a string"));
        const qsizetype length = key.toString().size();
        if (length < 1 || length > 128)
            return HttpReply::invalid(path + QStringLiteral(".idempotency_key: must be 1 to 128 characters"));
        out->append(item);
    }
    return std::nullopt;
}

std::optional<HttpReply> requireRole(const Session& session, const QStringList& roles)
{
    if (session.account.hasAnyRole(roles))
        return std::nullopt;
    return forbidden(QStringLiteral("this needs the role %1; account %2 has %3")
                         .arg(roles.join(QStringLiteral(" or ")), session.account.id,
                              session.account.roles.join(QStringLiteral(", "))));
}

HttpReply forbidden(const QString& message)
{
    return HttpReply::error(403, QStringLiteral("forbidden"), message);
}

HttpReply storageFailure(const Error& error)
{
    qCWarning(lcHub).noquote() << "storage failure:" << error.code << error.message;
    return HttpReply::error(500, QStringLiteral("internal_error"),
                            QStringLiteral("the hub could not store this; nothing was changed. Try again."));
}

QJsonObject itemResult(const QString& key, const QString& status)
{
    return QJsonObject{{QStringLiteral("idempotency_key"), key}, {QStringLiteral("status"), status}};
}

QJsonObject accepted(const QString& key, const QString& id, qint64 version)
{
    QJsonObject r = itemResult(key, QStringLiteral("accepted"));
    if (!id.isEmpty())
        r.insert(QStringLiteral("id"), id);
    if (version >= 0)
        r.insert(QStringLiteral("version"), version);
    return r;
}

QJsonObject conflict(const QString& key, const QString& code, const QString& message, const QString& id, qint64 version)
{
    QJsonObject r = itemResult(key, QStringLiteral("conflict"));
    if (!id.isEmpty())
        r.insert(QStringLiteral("id"), id);
    if (version >= 0)
        r.insert(QStringLiteral("version"), version);
    r.insert(QStringLiteral("code"), code);
    r.insert(QStringLiteral("message"), message);
    return r;
}

QJsonObject invalid(const QString& key, const QString& message, const QString& code)
{
    QJsonObject r = itemResult(key, QStringLiteral("invalid"));
    r.insert(QStringLiteral("code"), code);
    r.insert(QStringLiteral("message"), message);
    return r;
}

QString deciderMismatchMessage(const QString& path, const QString& claimed, const Session& session)
{
    return QStringLiteral("%1: names %2, but the signed-in account is %3; the hub records the signed-in account "
                          "(leave the field out, or send the account)")
        .arg(path, claimed, session.account.id);
}

QJsonObject deciderMismatch(const QString& key, const QString& path, const QString& claimed, const Session& session)
{
    return invalid(key, deciderMismatchMessage(path, claimed, session), QStringLiteral("decider_mismatch"));
}

HttpReply deciderMismatchReply(const QString& path, const QString& claimed, const Session& session)
{
    return HttpReply::error(422, QStringLiteral("decider_mismatch"), deciderMismatchMessage(path, claimed, session));
}

HttpReply invalidField(const QString& message)
{
    return HttpReply::error(422, QStringLiteral("invalid_field"), message);
}

QDateTime hubNow()
{
    QDateTime now = QDateTime::currentDateTimeUtc();
    now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
    return now;
}

HttpReply PushRunner::run(const QList<QJsonObject>& items, const Apply& apply)
{
    bool failed = false;
    HttpReply reply = runInTransaction(items, apply, &failed);
    if (failed)
        m_storage.reloadHead(); // after the rollback: the seqs taken inside it were never written
    return reply;
}

HttpReply PushRunner::runInTransaction(const QList<QJsonObject>& items, const Apply& apply, bool* failed)
{
    *failed = true;
    const QString account = m_session.account.id;
    store::Transaction t(m_storage.connection());
    if (!t.beginStatus())
        return storageFailure(t.beginStatus().error());
    QJsonArray results;
    bool changed = false;
    for (const QJsonObject& item : items) {
        const QString key = item.value(QStringLiteral("idempotency_key")).toString();
        auto known = m_storage.idempotentResult(account, key);
        if (!known) {
            return storageFailure(known.error());
        }
        if (known->has_value()) {
            QJsonObject first = **known;
            first.insert(QStringLiteral("original_status"), first.value(QStringLiteral("status")));
            first.insert(QStringLiteral("status"), QStringLiteral("duplicate"));
            first.insert(QStringLiteral("idempotency_key"), key);
            results.append(first);
            continue;
        }
        HubStorage::Savepoint sp(m_storage);
        if (!sp.beginStatus()) {
            return storageFailure(sp.beginStatus().error());
        }
        auto outcome = apply(item, key);
        if (!outcome) {
            return storageFailure(outcome.error());
        }
        const QString status = outcome->value(QStringLiteral("status")).toString();
        if (status == QLatin1String("accepted") || status == QLatin1String("conflict")) {
            if (Status s = m_storage.rememberResult(account, key, m_endpoint, *outcome); !s) {
                return storageFailure(s.error());
            }
            if (Status s = sp.release(); !s) {
                return storageFailure(s.error());
            }
            changed = true;
        }
        results.append(*outcome);
    }
    if (Status s = t.commit(); !s)
        return storageFailure(s.error());
    *failed = false;
    HttpReply reply = HttpReply::json(QJsonObject{{QStringLiteral("results"), results}});
    reply.committed = changed;
    return reply;
}

} // namespace adm::hub::api
