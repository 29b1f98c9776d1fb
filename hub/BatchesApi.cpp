#include "BatchesApi.h"

#include "ApiSupport.h"
#include "CityRepository.h"
#include "HubContext.h"
#include "HubStorage.h"
#include "InputRules.h"
#include "Visibility.h"
#include "domain/CanonicalJson.h"
#include "domain/FieldReader.h"
#include "domain/JsonCodec.h"
#include "security/Signatures.h"

#include <QDateTime>

namespace adm::hub {

namespace {

const QStringList kOutcomes = {QStringLiteral("approve"), QStringLiteral("reject"), QStringLiteral("request_info")};
const QStringList kCategories = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")};
const QStringList kAlgorithms = {QStringLiteral("ed25519"), QStringLiteral("sm2-sm3")};

struct BatchItem {
    QString applicationId;
    qint64 version = 0;
    QString outcome;
    QString category;
};

struct Batch {
    QString id;
    QString schoolId;
    QString signer;
    QString keyId;
    QString algorithm;
    QList<BatchItem> items;
};

// Reads and checks the shape of one batch; the message names the field.
std::optional<QString> readBatch(const QJsonObject& o, const QString& path, int maxItems, Batch* b)
{
    json::FieldReader r(o, path);
    b->id = r.string(QStringLiteral("id"));
    b->schoolId = r.string(QStringLiteral("school_id"));
    (void)r.string(QStringLiteral("title"), json::FieldReader::Optional);
    (void)r.time(QStringLiteral("created_at"), json::FieldReader::Optional);
    b->signer = r.string(QStringLiteral("signer"));
    b->keyId = r.string(QStringLiteral("key_id"));
    b->algorithm = r.oneOf(QStringLiteral("algorithm"), kAlgorithms);
    const QJsonArray items = r.array(QStringLiteral("items"));
    if (r.ok() && (b->id.isEmpty() || b->id.size() > 128))
        r.fail(QStringLiteral("id"), QStringLiteral("must be 1 to 128 characters"));
    if (r.ok() && items.isEmpty())
        r.fail(QStringLiteral("items"), QStringLiteral("must hold at least one item"));
    if (r.ok() && items.size() > maxItems)
        r.fail(QStringLiteral("items"), QStringLiteral("must hold at most %1 items").arg(maxItems));
    for (qsizetype i = 0; i < items.size() && r.ok(); ++i) {
        const QString ip = QStringLiteral("%1.items[%2]").arg(path).arg(i);
        if (!items.at(i).isObject())
            return ip + QStringLiteral(": must be an object");
        const QJsonObject io = items.at(i).toObject();
        json::FieldReader ir(io, ip);
        BatchItem item;
        item.applicationId = ir.string(QStringLiteral("application_id"));
        item.version = ir.integer(QStringLiteral("version"));
        item.outcome = ir.oneOf(QStringLiteral("outcome"), kOutcomes);
        item.category = ir.oneOf(QStringLiteral("category"), kCategories, json::FieldReader::Optional);
        if (ir.ok() && std::any_of(b->items.cbegin(), b->items.cend(),
                                   [&](const BatchItem& other) { return other.applicationId == item.applicationId; }))
            ir.fail(QStringLiteral("application_id"), QStringLiteral("is listed twice in this batch"));
        if (!ir.ok())
            return ir.error().message;
        b->items.append(item);
    }
    if (!r.ok())
        return r.error().message;
    return std::nullopt;
}

} // namespace

HttpReply BatchesApi::push(const HttpRequest& request, const Session& session)
{
    if (auto denied = api::requireRole(session, {QStringLiteral("principal")}))
        return *denied;
    QJsonObject body;
    if (auto bad = api::parseObject(request.body, &body))
        return *bad;
    QList<QJsonObject> entries;
    if (auto bad = api::readItems(body, QStringLiteral("batches"), m_context.options.maxItemsPerRequest, &entries))
        return *bad;

    const Visibility visibility(session.account);
    for (const QJsonObject& entry : std::as_const(entries)) {
        const QJsonObject batch = entry.value(QStringLiteral("batch")).toObject();
        const QString school = batch.value(QStringLiteral("school_id")).toString();
        if (m_context.city.hasSchool(school) && !visibility.seesSchool(school, m_context.city.districtOfSchool(school)))
            return api::forbidden(QStringLiteral("school %1 is not a school of account %2; nothing was changed")
                                      .arg(school, session.account.id));
        for (const QJsonValue& v : batch.value(QStringLiteral("items")).toArray()) {
            auto app = m_context.city.application(v.toObject().value(QStringLiteral("application_id")).toString());
            if (!app)
                return api::storageFailure(app.error());
            if (app->has_value() && !visibility.seesApplication((*app)->schoolId, (*app)->districtCode))
                return api::forbidden(QStringLiteral("application %1 is not in the schools of account %2; nothing "
                                                     "was changed")
                                          .arg((*app)->id, session.account.id));
        }
    }

    HubStorage& storage = m_context.storage;
    api::PushRunner runner(storage, session, QStringLiteral("batches"));
    int index = -1;
    return runner.run(entries, [&](const QJsonObject& entry, const QString& key) -> Result<QJsonObject> {
        ++index;
        const QString path = QStringLiteral("batches[%1]").arg(index);
        if (const QString problem = input::check(entry, input::batchItem(), path); !problem.isEmpty())
            return api::invalid(key, problem);
        json::FieldReader r(entry, path);
        const QJsonObject batchJson = r.object(QStringLiteral("batch"));
        const QString signatureText = r.string(QStringLiteral("signature"));
        if (!r.ok())
            return api::invalid(key, r.error().message);
        Batch batch;
        if (auto problem =
                readBatch(batchJson, path + QStringLiteral(".batch"), m_context.options.maxItemsPerRequest, &batch))
            return api::invalid(key, *problem);
        const auto signature =
            QByteArray::fromBase64Encoding(signatureText.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!signature || signature.decoded.isEmpty())
            return api::invalid(key, path + QStringLiteral(".signature: must be base64"));
        // The signer is inside the signed bytes, so it cannot be replaced by the account: it must be it.
        if (batch.signer != session.account.id)
            return api::deciderMismatch(key, path + QStringLiteral(".batch.signer"), batch.signer, session);
        if (!m_context.city.hasSchool(batch.schoolId))
            return api::invalid(key, path + QStringLiteral(".batch.school_id: no school %1").arg(batch.schoolId));

        auto q = storage.connection().prepare(
            QStringLiteral("SELECT account, algorithm, public_key_pem FROM signing_keys WHERE key_id = ?"));
        if (!q)
            return q.error();
        q->bind(1, batch.keyId);
        if (!q->step())
            return api::invalid(key, path + QStringLiteral(".batch.key_id: no key %1 is registered").arg(batch.keyId),
                                QStringLiteral("unknown_key"));
        if (q->text(0) != batch.signer || q->text(1) != batch.algorithm)
            return api::invalid(key,
                                path + QStringLiteral(".batch.key_id: key %1 is not a %2 key of %3")
                                           .arg(batch.keyId, batch.algorithm, batch.signer),
                                QStringLiteral("bad_signature"));
        const QByteArray pem = q->utf8(2);
        const QByteArray canonical = json::canonical(batchJson);
        if (Status s = crypto::verifySignature(pem, *crypto::signatureAlgorithmFromName(batch.algorithm), canonical,
                                               *signature);
            !s)
            return api::invalid(key, path + QStringLiteral(".signature: %1").arg(s.error().message),
                                QStringLiteral("bad_signature"));

        auto known = storage.connection().prepare(QStringLiteral("SELECT 1 FROM batches WHERE id = ?"));
        if (!known)
            return known.error();
        known->bind(1, batch.id);
        if (known->step())
            return api::conflict(key, QStringLiteral("batch_exists"),
                                 QStringLiteral("batch %1 was signed off already").arg(batch.id), batch.id);

        // Every item first: a batch is signed as a whole, so it applies whole or not at all.
        QList<ApplicationRow> rows;
        for (qsizetype i = 0; i < batch.items.size(); ++i) {
            const BatchItem& item = batch.items.at(i);
            const QString ip = QStringLiteral("%1.batch.items[%2]").arg(path).arg(i);
            auto found = m_context.city.application(item.applicationId);
            if (!found)
                return found.error();
            if (!found->has_value())
                return api::invalid(key,
                                    ip + QStringLiteral(".application_id: no application %1").arg(item.applicationId),
                                    QStringLiteral("unknown_application"));
            ApplicationRow row = std::move(**found);
            if (row.schoolId != batch.schoolId)
                return api::invalid(key, ip + QStringLiteral(".application_id: application %1 is not of school %2")
                                                  .arg(item.applicationId, batch.schoolId));
            if (row.version != item.version)
                return api::conflict(key, QStringLiteral("version_mismatch"),
                                     QStringLiteral("application %1 is at version %2 now, not the signed %3")
                                         .arg(item.applicationId)
                                         .arg(row.version)
                                         .arg(item.version),
                                     item.applicationId, row.version);
            const QJsonObject decision = row.data.value(QStringLiteral("decision")).toObject();
            const QString category = decision.value(QStringLiteral("category")).toString();
            if (decision.isEmpty() || decision.value(QStringLiteral("outcome")).toString() != item.outcome ||
                (!item.category.isEmpty() && category != item.category))
                return api::conflict(
                    key, QStringLiteral("decision_mismatch"),
                    QStringLiteral("application %1 does not carry the signed decision").arg(item.applicationId),
                    item.applicationId, row.version);
            rows.append(std::move(row));
        }
        QJsonArray versions;
        for (ApplicationRow& row : rows) {
            QJsonObject decision = row.data.value(QStringLiteral("decision")).toObject();
            decision.insert(QStringLiteral("batch_id"), batch.id);
            decision.insert(QStringLiteral("signed"), true);
            row.data.insert(QStringLiteral("decision"), decision);
            row.version += 1;
            if (auto saved = m_context.city.saveApplication(row, false); !saved)
                return saved.error();
            versions.append(QJsonObject{{QStringLiteral("id"), row.id}, {QStringLiteral("version"), row.version}});
        }
        auto insert = storage.connection().prepare(
            QStringLiteral("INSERT INTO batches (id, school_id, account, key_id, algorithm, canonical, signature, "
                           "received_at, client_created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        if (!insert)
            return insert.error();
        insert->bind(1, batch.id).bind(2, batch.schoolId).bind(3, session.account.id).bind(4, batch.keyId);
        insert->bind(5, batch.algorithm).bind(6, canonical).bind(7, *signature);
        // The batch stays as signed (created_at included); the hub's own time is the receipt beside it.
        const QDateTime createdAt = json::parseTime(batchJson.value(QStringLiteral("created_at")).toString());
        const QString receivedAt = json::formatTime(api::hubNow());
        insert->bind(8, receivedAt);
        insert->bind(9, createdAt.isValid() ? json::formatTime(createdAt) : QString());
        if (Status s = insert->run(); !s)
            return s.error();
        QJsonObject result = api::accepted(key, batch.id);
        result.insert(QStringLiteral("received_at"), receivedAt);
        result.insert(QStringLiteral("applications"), versions);
        return result;
    });
}

} // namespace adm::hub
