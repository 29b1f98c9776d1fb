#include "SignOffDesk.h"

#include "security/AuditLog.h"
#include "store/Sql.h"
#include "sync/Enrolment.h"
#include "sync/SyncState.h"

#include <QFile>
#include <QProcess>
#include <QUuid>

using namespace adm;

const QString SignOffDesk::kSchool = QStringLiteral("S371102001");

SignOffDesk::SignOffDesk(HubFixture& h, const QString& r, const QString& school)
    : hub(h)
    , role(r)
    , account(h.accountWithRole(r, school))
{}

bool SignOffDesk::start()
{
    if (account.isEmpty() || !m_dir.isValid())
        return false;
    auto ws = store::Workspace::initialise(m_dir.filePath(QStringLiteral("ws")), SyncFixture::kUser, role,
                                           SyncFixture::kPassphrase);
    if (!ws)
        return false;
    QFile ca(hub.hub().caPath());
    auto url = sync::Enrolment::parseHubUrl(hub.url());
    if (!ca.open(QIODevice::ReadOnly) || !url)
        return false;
    sync::Enrolment e;
    e.hubUrl = *url;
    e.caPem = ca.readAll();
    e.workstationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.workstationName = QStringLiteral("Desk of a %1").arg(role);
    store::Connection& db = (*ws)->database().writer();
    if (!sync::Enrolment::save(db, e) || !sync::SyncState(db).setAccountFor(SyncFixture::kUser, account))
        return false;
    m_database = &(*ws)->database();
    sync::SyncOptions options = SyncFixture::fastOptions();
    options.pageSize = 500;
    options.requestTimeoutMs = 30000;
    service = std::make_unique<sync::SyncService>(std::move(*ws), options);
    service->setCredentials(account, hub.password(account));
    return true;
}

sync::PassResult SignOffDesk::sync()
{
    return SyncFixture::runPass(*service);
}

std::unique_ptr<store::Connection> SignOffDesk::reader() const
{
    auto c = m_database->openReader();
    return c ? std::move(c.value()) : nullptr;
}

Result<sync::OutboxItem> SignOffDesk::decide(const sync::DecisionRequest& request)
{
    const QString hubAccount = account;
    return run<Result<sync::OutboxItem>>([request, hubAccount](store::Workspace& w) {
        return sync::DecisionWorkflow(w.database().writer(), w.audit(), w.user(), w.role(), hubAccount).decide(request);
    });
}

QString SignOffDesk::checkedCategory(const QString& applicationId)
{
    return run<QString>([applicationId](store::Workspace& w) {
        sync::DecisionWorkflow workflow(w.database().writer(), w.audit(), w.user(), w.role(), QString());
        auto snapshot = workflow.snapshot(applicationId);
        return snapshot ? snapshot->checkedCategory : QStringLiteral("?");
    });
}

QStringList SignOffDesk::audit(const QString& action)
{
    return run<QStringList>([action](store::Workspace& w) {
        QStringList out;
        auto entries = w.audit().entries(0, 100000);
        if (!entries)
            return QStringList{QStringLiteral("error: ") + entries.error().message};
        for (const security::AuditEntry& e : *entries)
            if (e.action == action)
                out << e.subject;
        return out;
    });
}

qint64 SignOffDesk::count(const QString& sql) const
{
    auto c = reader();
    return c ? syncquery::count(*c, sql) : -1;
}

namespace signofftest {

bool opensslVerifies(const QString& dir, crypto::SignatureAlgorithm algorithm, QString* output)
{
    QStringList args{QStringLiteral("pkeyutl"),  QStringLiteral("-verify"),    QStringLiteral("-pubin"),
                     QStringLiteral("-inkey"),   QStringLiteral("signer.pem"), QStringLiteral("-rawin"),
                     QStringLiteral("-in"),      QStringLiteral("batch.json"), QStringLiteral("-sigfile"),
                     QStringLiteral("batch.sig")};
    if (algorithm == crypto::SignatureAlgorithm::Sm2Sm3)
        args << QStringLiteral("-digest") << QStringLiteral("sm3") << QStringLiteral("-pkeyopt")
             << QStringLiteral("distid:1234567812345678");
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(60000)) {
        if (output)
            *output = QStringLiteral("openssl did not run: ") + p.errorString();
        return false;
    }
    const QString text = QString::fromUtf8(p.readAll());
    if (output)
        *output = text;
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0 &&
           text.contains(QStringLiteral("Signature Verified Successfully"));
}

} // namespace signofftest
