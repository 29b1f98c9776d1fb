#include "SessionsApi.h"

#include "Accounts.h"
#include "ApiSupport.h"
#include "HubContext.h"
#include "InputRules.h"
#include "domain/JsonCodec.h"

namespace adm::hub {

HttpReply SessionsApi::create(const HttpRequest& request, QString* account)
{
    QJsonObject body;
    if (auto bad = api::parseObject(request.body, &body))
        return *bad;
    if (const QString problem = input::check(body, input::sessionBody(), QStringLiteral("session")); !problem.isEmpty())
        return api::invalidField(problem);
    const QString id = body.value(QStringLiteral("account")).toString();
    const QString password = body.value(QStringLiteral("password")).toString();
    const QJsonObject workstation = body.value(QStringLiteral("workstation")).toObject();
    const QString workstationId = workstation.value(QStringLiteral("id")).toString();
    const QString workstationName = workstation.value(QStringLiteral("name")).toString();

    if (const int wait = m_context.sessions.secondsLocked(id); wait > 0) {
        HttpReply reply =
            HttpReply::error(429, QStringLiteral("too_many_attempts"),
                             QStringLiteral("too many wrong passwords for this account; wait %1 s").arg(wait));
        reply.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(wait)});
        return reply;
    }
    auto found = m_context.accounts.verify(id, password);
    if (!found)
        return api::storageFailure(found.error());
    if (!found->has_value()) {
        m_context.sessions.noteFailure(id);
        return HttpReply::error(401, QStringLiteral("invalid_credentials"),
                                QStringLiteral("the account or the password is wrong"));
    }
    const Account& a = **found;
    *account = a.id; // only a known account: a failed sign-in may carry anything, even an ID number
    const SessionStore::Issued issued = m_context.sessions.create(a, workstationId, workstationName);
    return HttpReply::json(QJsonObject{{QStringLiteral("token"), issued.token},
                                       {QStringLiteral("expires_at"), json::formatTime(issued.expiresAt)},
                                       {QStringLiteral("account"), a.toJson()}});
}

} // namespace adm::hub
