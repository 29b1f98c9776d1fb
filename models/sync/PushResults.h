#pragma once

#include "Outbox.h"
#include "domain/Result.h"

#include <QJsonObject>
#include <QList>
#include <QPair>

namespace adm::sync {

// Reading the hub's per-item answers to a push: {"results": [{"idempotency_key", "status", "id",
// "version", "code", "message"}]}.
class PushResults {
public:
    // The results of a push answer; "hub_bad_reply" when the body has no results list.
    static Result<QList<ItemResult>> parse(const QJsonObject& body);

    // Pairs each sent item with its answer, by idempotency key; a result without a key is taken by
    // position (the contract answers in order). Items the hub did not answer are left out: they
    // stay pending and go again with the same key.
    static QList<QPair<qint64, ItemResult>> match(const QList<OutboxItem>& sent, const QList<ItemResult>& results);

    // A whole-request refusal (4xx) of a single item, as that item's result: 409 is a conflict,
    // anything else makes the item invalid, with the hub's code and message.
    static ItemResult fromRefusal(const OutboxItem& item, int status, const QString& code, const QString& message);
};

} // namespace adm::sync
