#include "AgencyLookup.h"

#include "SessionCache.h"
#include "SyncState.h"
#include "SyncTypes.h"
#include "domain/IdNumber.h"
#include "domain/JsonCodec.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace adm::sync::agencylookup {

Result<std::shared_ptr<Access>> prepare(store::Connection& connection, const QString& localUser)
{
    auto enrolment = Enrolment::load(connection);
    if (!enrolment || enrolment->hubUrl.isEmpty())
        return Error{
            QStringLiteral("not_enrolled"),
            SyncText::tr("This workstation is not connected to the city platform: the form works without the lookup.")};
    const QString account = SyncState(connection).accountFor(localUser);
    auto kept = account.isEmpty()
                    ? Result<std::optional<HubSession>>(std::optional<HubSession>())
                    : SessionCache(connection).load(localUser, account, *enrolment, QDateTime::currentDateTimeUtc());
    if (!kept)
        return kept.error();
    if (!kept->has_value())
        return Error{
            QStringLiteral("sign_in_needed"),
            SyncText::tr("Sign in to the city platform to look records up; the form works without the lookup.")};
    auto access = std::make_shared<Access>();
    access->enrolment = *enrolment;
    access->account = account;
    access->session = std::move(**kept);
    return access;
}

Result<QList<AgencyRecord>> lookup(const Access& access, const QString& idNumber, SyncOptions options)
{
    const IdNumber id = IdNumber::parse(idNumber);
    if (!id.isValid())
        return Error{QStringLiteral("bad_input"), id.problemMessage()};
    options.maxAttempts = std::min(options.maxAttempts, 2);
    options.requestTimeoutMs = std::min(options.requestTimeoutMs, 15000);
    HubClient client(access.enrolment, options);
    HubSession session;
    session.account = access.session.account;
    session.token = access.session.token.clone(); // a copy in secure memory, wiped with the client
    client.setSession(access.account, std::move(session));
    HubClient::Request request;
    request.path = QStringLiteral("api/v1/agency/lookup");
    request.query.addQueryItem(QStringLiteral("id_number"), id.text());
    auto reply = client.call(request);
    if (!reply)
        return reply.error();
    if (reply->status == 422)
        return Error{QStringLiteral("bad_input"), reply->errorMessage()};
    if (!reply->isSuccess())
        return Error{code::Refused, SyncText::tr("The city platform refused the lookup (%1): %2")
                                        .arg(reply->status)
                                        .arg(reply->errorMessage())};
    QList<AgencyRecord> out;
    const QJsonArray records = reply->json.value(QStringLiteral("records")).toArray();
    for (qsizetype i = 0; i < records.size(); ++i) {
        auto record = json::readAgencyRecord(records.at(i).toObject(), QStringLiteral("records[%1]").arg(i));
        if (record) // one the codec cannot read is left out; the others still help the clerk
            out.append(*record);
    }
    return out;
}

} // namespace adm::sync::agencylookup
