#pragma once

#include "FakeHub.h"
#include "TestPki.h"
#include "TestSupport.h"
#include "store/Sql.h"
#include "store/Workspace.h"
#include "sync/SyncService.h"
#include "sync/SyncTypes.h"

#include <QEventLoop>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>
#include <optional>
#include <type_traits>

// A FakeHub with a CA and a server certificate for 127.0.0.1, and a workstation data folder
// enrolled with it (trusting that CA only), for the sync tests.
class SyncFixture {
public:
    static const QString kUser;
    static const QString kPassphrase;
    static const QString kAccount;
    static const QString kPassword;

    // Makes the certificates, starts the hub with `applications` applications and one account.
    bool start(int applications = 12);
    // The workstation: initialised and enrolled on the first call, unlocked afterwards.
    std::unique_ptr<adm::store::Workspace> workspace();
    QString dataDir() const { return m_dir.filePath(QStringLiteral("ws")); }
    QString caFile() const; // the CA written as PEM, for admissionsctl connect
    QString path(const QString& name) const { return m_dir.filePath(name); }

    // Quick times so that faults and hangs do not slow the suite.
    static adm::sync::SyncOptions fastOptions();
    // One pass through a service with the fixture's account; waits for its end.
    static adm::sync::PassResult runPass(adm::sync::SyncService& service, int timeoutMs = 120000);
    // A service over a fresh unlock of the workspace, signed in with the fixture's account. The cache
    // stays reachable for checks through `database` (Database::openReader is safe from any thread).
    std::unique_ptr<adm::sync::SyncService> service(const adm::sync::SyncOptions& options = fastOptions(),
                                                    const QString& password = kPassword);
    adm::store::Database* database() const { return m_database; }
    // A reader connection on the cache the last service holds.
    std::unique_ptr<adm::store::Connection> reader() const;
    // Runs `job` on the service's sync thread and waits for its result (failing the test when it does
    // not come).
    template <typename R> static R run(adm::sync::SyncService& service, std::function<R(adm::store::Workspace&)> job);

    FakeHub hub;
    testpki::Identity ca;
    testpki::Identity server;

private:
    QTemporaryDir m_dir;
    bool m_initialised = false;
    adm::store::Database* m_database = nullptr;
};

template <typename R> R SyncFixture::run(adm::sync::SyncService& service, std::function<R(adm::store::Workspace&)> job)
{
    std::optional<R> out;
    QEventLoop loop;
    service.post<R>(std::move(job), &loop, [&](R r) {
        out.emplace(std::move(r));
        loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    if (!out) {
        // The test fails here with a reason; the caller gets an error or an empty value to check.
        QTest::qFail("the job did not finish on the sync thread within 60 s", __FILE__, __LINE__);
        if constexpr (std::is_constructible_v<R, adm::Error>)
            return R(adm::makeError(QStringLiteral("test_timeout"), QStringLiteral("the job did not finish")));
        else
            return R{};
    }
    return std::move(*out);
}

// Small queries for checks, on any connection.
namespace syncquery {
qint64 count(adm::store::Connection& c, const QString& sql);
QString text(adm::store::Connection& c, const QString& sql);
// id → version of every application in the cache.
QMap<QString, qint64> applicationVersions(adm::store::Connection& c);
} // namespace syncquery
