#pragma once

#include "HttpMessage.h"
#include "SessionStore.h"
#include "domain/Result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <functional>
#include <optional>

namespace adm::hub {

class HubStorage;

// Helpers the endpoint handlers share: body parsing, role checks, and the per-item processing
// of push lists with idempotency keys.
namespace api {

// The body as a JSON object, or a 422 reply.
std::optional<HttpReply> parseObject(const QByteArray& body, QJsonObject* out);

// body[listName] as objects, each with a string idempotency_key (1..128 characters). 422 names
// the field; 413 when the list holds more than maxItems.
std::optional<HttpReply> readItems(const QJsonObject& body, const QString& listName, int maxItems,
                                   QList<QJsonObject>* out);

// 403 unless the session has one of the roles.
std::optional<HttpReply> requireRole(const Session& session, const QStringList& roles);

HttpReply forbidden(const QString& message);
HttpReply storageFailure(const Error& error);

// A per-item result of a push list.
QJsonObject itemResult(const QString& key, const QString& status);
QJsonObject accepted(const QString& key, const QString& id, qint64 version = -1);
QJsonObject conflict(const QString& key, const QString& code, const QString& message, const QString& id = {},
                     qint64 version = -1);
QJsonObject invalid(const QString& key, const QString& message, const QString& code = QStringLiteral("invalid_field"));

// `invalid` with code decider_mismatch: a who-field (decided_by, signer, actor) at `path` names
// `claimed`, not the signed-in account. The hub records the account itself, never the client's word.
QJsonObject deciderMismatch(const QString& key, const QString& path, const QString& claimed, const Session& session);
// The same as a whole-request 422, for the endpoints without a list (signing keys).
HttpReply deciderMismatchReply(const QString& path, const QString& claimed, const Session& session);
QString deciderMismatchMessage(const QString& path, const QString& claimed, const Session& session);

// A 422 naming the field, with code invalid_field: for the endpoints that take one object.
HttpReply invalidField(const QString& message);

// The hub's clock, to the second, as decisions, counter applications and receipts record it.
QDateTime hubNow();

// Runs a push request: one transaction, one savepoint per item. Each item's key is looked up
// first: a known key answers "duplicate" with the first outcome (and "original_status") and runs
// nothing. Accepted and conflict outcomes are remembered under the key with the item's effects;
// an invalid item changes nothing and is not remembered, so a corrected item may reuse its key.
// A storage error aborts the whole request (500), leaving nothing changed.
class PushRunner {
public:
    using Apply = std::function<Result<QJsonObject>(const QJsonObject& item, const QString& key)>;

    PushRunner(HubStorage& storage, const Session& session, QString endpoint)
        : m_storage(storage)
        , m_session(session)
        , m_endpoint(std::move(endpoint))
    {}

    HttpReply run(const QList<QJsonObject>& items, const Apply& apply);

private:
    HttpReply runInTransaction(const QList<QJsonObject>& items, const Apply& apply, bool* failed);

    HubStorage& m_storage;
    const Session& m_session;
    QString m_endpoint;
};

} // namespace api
} // namespace adm::hub
