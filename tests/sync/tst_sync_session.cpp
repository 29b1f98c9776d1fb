// The hub session: the password is wiped after the sign-in, the token is kept encrypted in the cache
// and used again after a restart, and a session the hub ended asks for the password again
// (sign_in_needed). Against the real sandbox hub in-process, and the fake hub for the wire format.
#include "HubFixture.h"
#include "SyncFixture.h"
#include "sync/Enrolment.h"
#include "sync/HubClient.h"
#include "sync/SessionCache.h"
#include "sync/SyncService.h"
#include "sync/SyncState.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace adm;
using namespace adm::sync;

class TestSyncSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tokenIsKeptEncryptedAndReusedUntilTheHubEndsIt();
    void expiredForeignOrOtherAccountSessionsAreNotUsed();
    void passwordIsSentEscapedAndGoneAfterSignIn();

private:
    std::unique_ptr<store::Workspace> initialise(const QString& dataDir);
    std::unique_ptr<store::Workspace> unlock(const QString& dataDir);

    HubFixture m_hub;
    QString m_account;
    Enrolment m_enrolment;
    QTemporaryDir m_dir;
};

void TestSyncSession::initTestCase()
{
    QVERIFY(m_hub.start());
    m_account = m_hub.accountWithRole(QStringLiteral("reviewer"));
    QVERIFY(!m_account.isEmpty());
    QFile ca(m_hub.hub().caPath());
    QVERIFY(ca.open(QIODevice::ReadOnly));
    m_enrolment.hubUrl = *Enrolment::parseHubUrl(m_hub.url());
    m_enrolment.caPem = ca.readAll();
    m_enrolment.workstationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_enrolment.workstationName = QStringLiteral("Counter 3");
}

std::unique_ptr<store::Workspace> TestSyncSession::initialise(const QString& dataDir)
{
    auto ws =
        store::Workspace::initialise(dataDir, SyncFixture::kUser, QStringLiteral("reviewer"), SyncFixture::kPassphrase);
    if (!ws)
        return nullptr;
    store::Connection& db = (*ws)->database().writer();
    if (!Enrolment::save(db, m_enrolment) || !SyncState(db).setAccountFor(SyncFixture::kUser, m_account))
        return nullptr;
    return std::move(*ws);
}

std::unique_ptr<store::Workspace> TestSyncSession::unlock(const QString& dataDir)
{
    auto ws = store::Workspace::unlock(dataDir, SyncFixture::kUser, SyncFixture::kPassphrase);
    return ws ? std::move(*ws) : nullptr;
}

void TestSyncSession::tokenIsKeptEncryptedAndReusedUntilTheHubEndsIt()
{
    const QString dataDir = m_dir.filePath(QStringLiteral("reuse"));
    SyncOptions options = SyncFixture::fastOptions();
    options.requestTimeoutMs = 30000;

    // 1. Signed in once with the password.
    QByteArray token;
    {
        auto ws = initialise(dataDir);
        QVERIFY(ws);
        SyncService service(std::move(ws), options);
        service.setCredentials(m_account, m_hub.password(m_account));
        const PassResult r = SyncFixture::runPass(service);
        QVERIFY2(r.ok(), qPrintable(r.errorMessage));
        auto back = service.shutdown();
        auto kept = SessionCache(back->database().writer())
                        .load(SyncFixture::kUser, m_account, m_enrolment, QDateTime::currentDateTimeUtc());
        QVERIFY(kept && kept->has_value());
        const HubSession& session = **kept;
        QCOMPARE(session.account.id, m_account);
        QVERIFY(session.account.expiresAt > QDateTime::currentDateTimeUtc());
        token = QByteArray(session.token.constData(), session.token.size());
        QVERIFY(token.size() >= 32);
        // It is the hub's real token.
        QCOMPARE(m_hub.get(QStringLiteral("/api/v1/changes?limit=1"), QString::fromLatin1(token)).status, 200);
    }
    // Kept encrypted: not in the bytes of the cache or its journal.
    for (const QString& name : {QStringLiteral("cache.db"), QStringLiteral("cache.db-wal")}) {
        QFile f(QDir(dataDir).filePath(name));
        if (f.open(QIODevice::ReadOnly))
            QVERIFY2(!f.readAll().contains(token), qPrintable(name));
    }

    // 2. A restart (a new unlock, a new engine and client) syncs without any password.
    {
        auto ws = unlock(dataDir);
        QVERIFY(ws);
        SyncService service(std::move(ws), options);
        QSignalSpy signedIn(&service, &SyncService::signedIn);
        const PassResult r = SyncFixture::runPass(service);
        QVERIFY2(r.ok(), qPrintable(r.errorMessage));
        QCOMPARE(signedIn.size(), 1);
        QCOMPARE(signedIn.at(0).at(0).toString(), m_account);
    }

    // 3. The hub forgets its sessions (a restart on the same address): the 401 asks for the password.
    const quint16 port = quint16(QUrl(m_hub.url()).port());
    m_hub.stop();
    m_hub.options.port = port;
    QVERIFY(m_hub.start());
    QCOMPARE(m_hub.get(QStringLiteral("/api/v1/changes?limit=1"), QString::fromLatin1(token)).status, 401);
    {
        auto ws = unlock(dataDir);
        QVERIFY(ws);
        SyncService service(std::move(ws), options);
        const PassResult r = SyncFixture::runPass(service);
        QCOMPARE(r.errorCode, code::SignInNeeded);
        QVERIFY(r.errorMessage.contains(m_account));
        // Dropped from the cache, so that the next start does not try it again.
        auto back = service.shutdown();
        store::Connection& db = back->database().writer();
        auto kept = SessionCache(db).load(SyncFixture::kUser, m_account, m_enrolment, QDateTime::currentDateTimeUtc());
        QVERIFY(kept && !kept->has_value());
        QCOMPARE(*SyncState(db).get(SessionCache::tokenKey(SyncFixture::kUser)), QString());

        // Asked again: the password signs in, and the new session is kept.
        SyncService again(std::move(back), options);
        again.setCredentials(m_account, m_hub.password(m_account));
        const PassResult ok = SyncFixture::runPass(again);
        QVERIFY2(ok.ok(), qPrintable(ok.errorMessage));
        auto last = again.shutdown();
        auto renewed = SessionCache(last->database().writer())
                           .load(SyncFixture::kUser, m_account, m_enrolment, QDateTime::currentDateTimeUtc());
        QVERIFY(renewed && renewed->has_value());
        QVERIFY(!(*renewed)->token.equals(token));
    }
}

void TestSyncSession::expiredForeignOrOtherAccountSessionsAreNotUsed()
{
    auto ws = initialise(m_dir.filePath(QStringLiteral("rules")));
    QVERIFY(ws);
    store::Connection& db = ws->database().writer();
    const QDateTime end = QDateTime(QDate(2030, 1, 1), QTime(8, 0), Qt::UTC);
    auto keep = [&] {
        HubSession s;
        s.account.id = m_account;
        s.account.roles = {QStringLiteral("reviewer")};
        s.account.expiresAt = end;
        s.token = security::SecretBytes(QByteArrayView("token-abc"));
        return SessionCache(db).save(SyncFixture::kUser, m_account, m_enrolment, s).ok();
    };
    auto usable = [&](const QString& account, const Enrolment& e, const QDateTime& now) {
        auto kept = SessionCache(db).load(SyncFixture::kUser, account, e, now);
        return kept && kept->has_value() && (*kept)->token.equals(QByteArrayView("token-abc")) &&
               (*kept)->account.roles == QStringList{QStringLiteral("reviewer")};
    };
    QVERIFY(keep());
    QVERIFY(usable(m_account, m_enrolment, end.addSecs(-3600)));
    // Within a minute of its end it is not used (clocks differ), and it is dropped.
    QVERIFY(!usable(m_account, m_enrolment, end.addSecs(-30)));
    QVERIFY(!usable(m_account, m_enrolment, end.addSecs(-3600)));
    // Granted by another hub, or to another account: not used.
    QVERIFY(keep());
    Enrolment other = m_enrolment;
    other.hubUrl = QUrl(QStringLiteral("https://127.0.0.1:1/"));
    QVERIFY(!usable(m_account, other, end.addSecs(-3600)));
    QVERIFY(keep());
    QVERIFY(!usable(QStringLiteral("someone.else"), m_enrolment, end.addSecs(-3600)));
    QVERIFY(keep());
    QVERIFY(usable(m_account, m_enrolment, end.addSecs(-3600)));
}

void TestSyncSession::passwordIsSentEscapedAndGoneAfterSignIn()
{
    SyncFixture fx;
    QVERIFY(fx.start());
    const QString tricky = QString::fromUtf8("pa\"ss\\wörd\t1 密");
    fx.hub.addAccount(QStringLiteral("zhao.min"), tricky);
    auto ws = fx.workspace();
    QVERIFY(ws);
    auto enrolment = Enrolment::load(ws->database().writer());
    QVERIFY(enrolment);
    HubClient client(*enrolment, SyncFixture::fastOptions());
    client.setCredentials(QStringLiteral("zhao.min"), security::SecretBytes(QString(tricky)));
    QVERIFY(client.hasPassword());
    auto account = client.signIn();
    QVERIFY2(account, account ? "" : qPrintable(account.error().message));
    QVERIFY(client.isSignedIn());
    QVERIFY(!client.hasPassword()); // wiped once the hub accepted it

    // The hub ends the session: no silent sign-in (there is no password), the call says so.
    fx.hub.expireSessions();
    fx.hub.clearLog();
    HubClient::Request req;
    req.path = QStringLiteral("api/v1/changes");
    auto r = client.call(req);
    QCOMPARE(r.error().code, code::SignInNeeded);
    QCOMPARE(fx.hub.log().size(), 1); // the one 401, no sign-in attempt
    QVERIFY(!client.isSignedIn());
    QCOMPARE(client.signIn().error().code, code::SignInNeeded);

    // A wrong password is still refused as such.
    client.setCredentials(QStringLiteral("zhao.min"), security::SecretBytes(QByteArrayView("pa\"ss")));
    QCOMPARE(client.signIn().error().code, code::SignInRefused);
}

QTEST_MAIN(TestSyncSession)
#include "tst_sync_session.moc"
