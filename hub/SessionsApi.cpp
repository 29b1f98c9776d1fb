#include "SessionsApi.h"

#include "Accounts.h"
#include "ApiSupport.h"
#include "HubContext.h"
#include "domain/FieldReader.h"
#include "domain/JsonCodec.h"

namespace adm::hub {

HttpReply SessionsApi::create(const HttpRequest& request, QString* account)
{
    QJsonObject body;
    if (auto bad = api::parseObject(request.body, &body))
        return *bad;
    json::FieldReader r(body, QStringLiteral("session"));
    const QString id = r.string(QStringLiteral("account"));
    const QString password = r.string(QStringLiteral("password"));
    const QJsonObject workstation = r.object(QStringLiteral("workstation"));
    QString workstationId;
    QString workstationName;
    if (r.ok()) {
        json::FieldReader w(workstation, QStringLiteral("session.workstation"));
        workstationId = w.string(QStringLiteral("id"));
        workstationName = w.string(QStringLiteral("name"), json::FieldReader::Optional);
        if (w.ok() && (workstationId.size() > 128 || workstationName.size() > 200))
            w.fail(QStringLiteral("id"), QStringLiteral("is too long"));
        if (!w.ok())
            r.adopt(w.error());
    }
    if (r.ok() && (id.isEmpty() || id.size() > 128))
        r.fail(QStringLiteral("account"), QStringLiteral("must be 1 to 128 characters"));
    if (r.ok() && password.size() > 1024)
        r.fail(QStringLiteral("password"), QStringLiteral("is too long"));
    if (!r.ok())
        return HttpReply::invalid(r.error().message);

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
