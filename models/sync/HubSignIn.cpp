#include "HubSignIn.h"

#include "SessionCache.h"
#include "SyncState.h"
#include "security/Permissions.h"
#include "store/Workspace.h"

#include <QHostInfo>
#include <QUuid>

namespace adm::sync::hubsignin {

Enrolment prepare(store::Connection& connection, const QUrl& hubUrl, const QByteArray& caPem,
                  const QString& workstationName)
{
    Enrolment enrolment;
    if (auto before = Enrolment::load(connection); before)
        enrolment = *before;
    auto storedId = SyncState(connection).get(SyncState::WorkstationId);
    enrolment.workstationId =
        storedId && !storedId->isEmpty() ? *storedId : QUuid::createUuid().toString(QUuid::WithoutBraces);
    enrolment.hubUrl = hubUrl;
    enrolment.caPem = caPem;
    if (!workstationName.trimmed().isEmpty())
        enrolment.workstationName = workstationName.trimmed();
    if (enrolment.workstationName.isEmpty())
        enrolment.workstationName = QHostInfo::localHostName();
    return enrolment;
}

Status probe(const Enrolment& enrolment, SyncOptions options)
{
    options.maxAttempts = 1; // enrolment asks once; a person decides what to do next
    HubClient client(enrolment, options);
    auto answer = client.probe();
    if (!answer)
        return answer.error();
    return {};
}

Result<HubSession> signIn(const Enrolment& enrolment, const QString& account, security::SecretBytes password,
                          const SyncOptions& options)
{
    HubClient client(enrolment, options);
    client.setCredentials(account, std::move(password));
    auto signedIn = client.signIn();
    HubSession session = client.session();
    client.forgetCredentials();
    if (!signedIn)
        return signedIn.error();
    return session;
}

Status recordEnrolment(store::Workspace& workspace, const Enrolment& enrolment, bool* hubChanged)
{
    if (Status s = Enrolment::save(workspace.database().writer(), enrolment, hubChanged); !s)
        return s;
    const QString hostPort = QStringLiteral("%1:%2").arg(enrolment.hubUrl.host()).arg(enrolment.hubUrl.port(443));
    if (auto e =
            workspace.audit().append(workspace.user(), QStringLiteral("sync.enrol"),
                                     QStringLiteral("hub=%1 workstation=%2").arg(hostPort, enrolment.workstationId));
        !e)
        return e.error();
    return {};
}

Status recordSignIn(store::Workspace& workspace, const QString& account, const HubSession* session)
{
    // A clerk must not work under a reviewer's account, nor a reviewer under a clerk's.
    if (session && !session->isEmpty())
        if (Status s = security::rolesAgree(workspace.role(), account, session->account.roles); !s)
            return s;
    store::Connection& db = workspace.database().writer();
    if (Status s = SyncState(db).setAccountFor(workspace.user(), account); !s)
        return s;
    if (session && !session->isEmpty()) {
        auto enrolment = Enrolment::load(db);
        if (!enrolment)
            return enrolment.error();
        if (Status s = SessionCache(db).save(workspace.user(), account, *enrolment, *session); !s)
            return s;
    }
    if (auto e = workspace.audit().append(workspace.user(), QStringLiteral("sync.login"),
                                          QStringLiteral("account=%1").arg(account));
        !e)
        return e.error();
    return {};
}

Status forgetSession(store::Workspace& workspace)
{
    return SessionCache(workspace.database().writer()).drop(workspace.user());
}

} // namespace adm::sync::hubsignin
