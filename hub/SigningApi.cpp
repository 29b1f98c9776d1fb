#include "SigningApi.h"

#include "ApiSupport.h"
#include "HubContext.h"
#include "HubStorage.h"
#include "InputRules.h"
#include "domain/FieldReader.h"
#include "domain/JsonCodec.h"
#include "security/Signatures.h"

#include <QDateTime>
#include <QRegularExpression>

namespace adm::hub {

bool SigningApi::isValidKeyId(const QString& keyId)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._:-]{1,128}$"));
    return pattern.match(keyId).hasMatch();
}

HttpReply SigningApi::putKey(const HttpRequest& request, const Session& session)
{
    if (auto denied = api::requireRole(session, {QStringLiteral("principal")}))
        return *denied;
    const QString keyId = request.pathArgument;
    if (!isValidKeyId(keyId))
        return HttpReply::invalid(QStringLiteral("key_id: must be 1 to 128 of A-Z a-z 0-9 . _ : -"));
    QJsonObject body;
    if (auto bad = api::parseObject(request.body, &body))
        return *bad;
    if (const QString problem = input::check(body, input::signingKeyBody(), QStringLiteral("signing_key"));
        !problem.isEmpty())
        return api::invalidField(problem);
    json::FieldReader r(body, QStringLiteral("signing_key"));
    const QString account = r.string(QStringLiteral("account"));
    const QString algorithmName =
        r.oneOf(QStringLiteral("algorithm"), {QStringLiteral("ed25519"), QStringLiteral("sm2-sm3")});
    const QString pem = r.string(QStringLiteral("public_key_pem"));
    if (!r.ok())
        return api::invalidField(r.error().message);
    if (account != session.account.id)
        return api::deciderMismatchReply(QStringLiteral("signing_key.account"), account, session);
    const auto algorithm = crypto::signatureAlgorithmFromName(algorithmName);
    if (Status s = crypto::checkPublicKey(pem.toUtf8(), *algorithm); !s)
        return api::invalidField(QStringLiteral("signing_key.public_key_pem: %1").arg(s.error().message));

    HubStorage& storage = m_context.storage;
    auto q = storage.connection().prepare(
        QStringLiteral("SELECT account, algorithm, public_key_pem FROM signing_keys WHERE key_id = ?"));
    if (!q)
        return api::storageFailure(q.error());
    q->bind(1, keyId);
    QJsonObject answer{{QStringLiteral("key_id"), keyId},
                       {QStringLiteral("account"), account},
                       {QStringLiteral("algorithm"), algorithmName}};
    if (q->step()) {
        if (q->text(0) == account && q->text(1) == algorithmName && q->text(2).trimmed() == pem.trimmed()) {
            answer.insert(QStringLiteral("status"), QStringLiteral("duplicate"));
            return HttpReply::json(answer);
        }
        return HttpReply::error(409, QStringLiteral("key_id_taken"),
                                QStringLiteral("key id %1 is registered with another key; choose a new id").arg(keyId));
    }
    auto insert = storage.connection().prepare(QStringLiteral(
        "INSERT INTO signing_keys (key_id, account, algorithm, public_key_pem, registered_at) VALUES (?, ?, ?, ?, ?)"));
    if (!insert)
        return api::storageFailure(insert.error());
    insert->bind(1, keyId).bind(2, account).bind(3, algorithmName).bind(4, pem.trimmed());
    insert->bind(5, json::formatTime(api::hubNow()));
    if (Status s = insert->run(); !s)
        return api::storageFailure(s.error());
    answer.insert(QStringLiteral("status"), QStringLiteral("accepted"));
    HttpReply reply = HttpReply::json(answer);
    reply.committed = true;
    return reply;
}

} // namespace adm::hub
