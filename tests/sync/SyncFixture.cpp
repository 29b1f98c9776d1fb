#include "SyncFixture.h"

#include "sync/Enrolment.h"
#include "sync/SyncState.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace adm;

const QString SyncFixture::kUser = QStringLiteral("admin");
const QString SyncFixture::kPassphrase = QStringLiteral("test passphrase 42");
const QString SyncFixture::kAccount = QStringLiteral("liu.fang");
const QString SyncFixture::kPassword = QStringLiteral("hub password 1");

bool SyncFixture::start(int applications)
{
    if (!m_dir.isValid())
        return false;
    ca = testpki::makeCa(QStringLiteral("Sync test CA"));
    server = testpki::makeServer(ca, {QStringLiteral("localhost")}, {QStringLiteral("127.0.0.1")});
    if (ca.isNull() || server.isNull() || !hub.start(server))
        return false;
    hub.addAccount(kAccount, kPassword);
    if (!hub.seedCity(applications))
        return false;
    QFile f(caFile());
    return f.open(QIODevice::WriteOnly) && f.write(ca.certPem) == ca.certPem.size();
}

QString SyncFixture::caFile() const
{
    return m_dir.filePath(QStringLiteral("ca.pem"));
}

std::unique_ptr<store::Workspace> SyncFixture::workspace()
{
    if (m_initialised) {
        auto ws = store::Workspace::unlock(dataDir(), kUser, kPassphrase);
        if (!ws)
            qWarning() << "unlock failed:" << ws.error().message;
        return ws ? std::move(*ws) : nullptr;
    }
    auto ws = store::Workspace::initialise(dataDir(), kUser, QStringLiteral("reviewer"), kPassphrase);
    if (!ws) {
        qWarning() << "initialise failed:" << ws.error().message;
        return nullptr;
    }
    sync::Enrolment e;
    e.hubUrl = QUrl(hub.url());
    e.caPem = ca.certPem;
    e.workstationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.workstationName = QStringLiteral("Test bench");
    store::Connection& db = (*ws)->database().writer();
    if (!sync::Enrolment::save(db, e) || !sync::SyncState(db).setAccountFor(kUser, kAccount))
        return nullptr;
    m_initialised = true;
    return std::move(*ws);
}

sync::SyncOptions SyncFixture::fastOptions()
{
    sync::SyncOptions o;
    o.requestTimeoutMs = 1500;
    o.pageSize = 5;
    o.chunkSize = 3;
    o.maxAttempts = 4;
    o.backoffBaseMs = 10;
    o.backoffCapMs = 50;
    o.maxRetryAfterSeconds = 2;
    o.offlineRetryMs = 50;
    o.offlineRetryCapMs = 200;
    return o;
}

sync::PassResult SyncFixture::runPass(sync::SyncService& service, int timeoutMs)
{
    QSignalSpy spy(&service, &sync::SyncService::passFinished);
    service.syncNow();
    if (!spy.wait(timeoutMs))
        return sync::PassResult{{}, QStringLiteral("test_timeout"), QStringLiteral("no end of pass")};
    return spy.takeFirst().at(0).value<sync::PassResult>();
}

std::unique_ptr<sync::SyncService> SyncFixture::service(const sync::SyncOptions& options, const QString& password)
{
    auto ws = workspace();
    if (!ws)
        return nullptr;
    m_database = &ws->database();
    auto s = std::make_unique<sync::SyncService>(std::move(ws), options);
    s->setCredentials(kAccount, password);
    return s;
}

std::unique_ptr<store::Connection> SyncFixture::reader() const
{
    if (!m_database)
        return nullptr;
    auto c = m_database->openReader();
    return c ? std::move(*c) : nullptr;
}

namespace syncquery {

qint64 count(store::Connection& c, const QString& sql)
{
    auto v = c.scalar(sql);
    return v ? v->toLongLong() : -1;
}

QString text(store::Connection& c, const QString& sql)
{
    auto v = c.scalar(sql);
    return v ? v->toString() : QString();
}

QMap<QString, qint64> applicationVersions(store::Connection& c)
{
    QMap<QString, qint64> out;
    auto q = c.prepare(QStringLiteral("SELECT id, version FROM applications"));
    if (!q)
        return out;
    while (q->step())
        out.insert(q->text(0), q->int64(1));
    return out;
}

} // namespace syncquery
