#include "AgencyApi.h"

#include "ApiSupport.h"
#include "CityRepository.h"
#include "HubContext.h"
#include "HubStorage.h"
#include "domain/IdNumber.h"
#include "domain/JsonCodec.h"
#include "security/Crypto.h"

#include <QDateTime>

namespace adm::hub {

HttpReply AgencyApi::lookup(const HttpRequest& request, const Session& session)
{
    if (auto denied = api::requireRole(session, {QStringLiteral("clerk"), QStringLiteral("reviewer"),
                                                 QStringLiteral("principal"), QStringLiteral("supervisor")}))
        return *denied;
    if (!request.query.hasQueryItem(QStringLiteral("id_number")))
        return HttpReply::invalid(QStringLiteral("id_number: is missing"));
    const QString text = request.query.queryItemValue(QStringLiteral("id_number"), QUrl::FullyDecoded);
    const IdNumber id = IdNumber::parse(text);
    if (!id.isValid())
        return HttpReply::invalid(QStringLiteral("id_number: %1 (%2)").arg(id.problemMessage(), id.problemCode()));

    HubStorage& storage = m_context.storage;
    auto records = m_context.city.recordsOfPerson(id.text());
    if (!records)
        return api::storageFailure(records.error());

    // The access log: a keyed hash, so the table alone does not list whom was looked up.
    auto salt = storage.meta(QStringLiteral("lookup_salt"));
    if (!salt)
        return api::storageFailure(salt.error());
    QString saltText = *salt;
    if (saltText.isEmpty()) {
        saltText = QString::fromLatin1(crypto::randomBytes(16).toHex());
        if (Status s = storage.setMeta(QStringLiteral("lookup_salt"), saltText); !s)
            return api::storageFailure(s.error());
    }
    auto log = storage.connection().prepare(
        QStringLiteral("INSERT INTO lookups (account, at, subject_hash, records) VALUES (?, ?, ?, ?)"));
    if (!log)
        return api::storageFailure(log.error());
    log->bind(1, session.account.id).bind(2, json::formatTime(QDateTime::currentDateTimeUtc()));
    log->bind(3, QString::fromLatin1(crypto::sha256(saltText.toLatin1() + id.text().toLatin1()).toHex()));
    log->bind(4, qint64(records->size()));
    if (Status s = log->run(); !s)
        return api::storageFailure(s.error());

    HttpReply reply;
    reply.body = "{\"records\":[";
    for (qsizetype i = 0; i < records->size(); ++i) {
        if (i)
            reply.body += ',';
        reply.body += records->at(i);
    }
    reply.body += "]}";
    return reply;
}

} // namespace adm::hub
