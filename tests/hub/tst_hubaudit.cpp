#include "HubFixture.h"

#include <QCryptographicHash>
#include <QTest>

// POST /api/v1/audit: hash chains checked per workstation.
class TestHubAudit : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void continuousChainIsAccepted();
    void brokenLinkIsConflict();
    void replayIsDuplicate();
    void chainsAreKeptPerWorkstation();
    void badEntryIsInvalidNamingField();

private:
    struct Entry {
        qint64 seq = 0;
        QString prev;
        QString hash;
    };
    // The next entry of a chain (hashes made the way a workstation might; the hub only checks links).
    static Entry next(const Entry& previous);
    static QJsonObject json(const Entry& e, const QString& key = newKey());
    HubFixture::Reply push(const QString& token, const QJsonArray& entries);

    HubFixture m_hub;
    QString m_token;
    Entry m_last;
};

TestHubAudit::Entry TestHubAudit::next(const Entry& previous)
{
    Entry e;
    e.seq = previous.seq + 1;
    e.prev = previous.hash;
    e.hash = QString::fromLatin1(
        QCryptographicHash::hash((e.prev + u'\n' + QString::number(e.seq)).toUtf8(), QCryptographicHash::Sha256)
            .toHex());
    return e;
}

QJsonObject TestHubAudit::json(const Entry& e, const QString& key)
{
    return QJsonObject{{QStringLiteral("idempotency_key"), key},
                       {QStringLiteral("seq"), e.seq},
                       {QStringLiteral("at"), QStringLiteral("2026-06-01T08:30:00Z")},
                       {QStringLiteral("local_actor"), QStringLiteral("liu.fang")},
                       {QStringLiteral("action"), QStringLiteral("decision.make")},
                       {QStringLiteral("subject"), QStringLiteral("A2026000123")},
                       {QStringLiteral("prev_hash"), e.prev},
                       {QStringLiteral("hash"), e.hash}};
}

HubFixture::Reply TestHubAudit::push(const QString& token, const QJsonArray& entries)
{
    return m_hub.post(QStringLiteral("/api/v1/audit"), QJsonObject{{QStringLiteral("entries"), entries}}, token);
}

void TestHubAudit::initTestCase()
{
    QVERIFY(m_hub.start());
    m_token = m_hub.login(m_hub.accountWithRole(QStringLiteral("reviewer")), QStringLiteral("ws-audit-1"));
}

void TestHubAudit::continuousChainIsAccepted()
{
    Entry e1 = next(Entry{0, QString(), QString()});
    Entry e2 = next(e1);
    Entry e3 = next(e2);
    const auto r = push(m_token, {json(e1), json(e2), json(e3)});
    QCOMPARE(r.status, 200);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(r.result(i).value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    // Later uploads continue the chain.
    const Entry e4 = next(e3);
    QCOMPARE(push(m_token, {json(e4)}).result().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    m_last = e4;
}

void TestHubAudit::brokenLinkIsConflict()
{
    Entry forged = next(m_last);
    forged.prev = QString(64, u'0'); // does not point at the last entry held
    const Entry good = next(m_last);
    const auto r = push(m_token, {json(forged), json(good)});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.result(0).value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
    QCOMPARE(r.result(0).value(QStringLiteral("code")).toString(), QStringLiteral("chain_broken"));
    // The bad entry blocks nothing: the right one goes in after it.
    QCOMPARE(r.result(1).value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    m_last = good;
    // An entry that would go back in the chain, with a new hash: a fork.
    Entry fork = m_last;
    fork.hash = QString(64, u'f');
    QCOMPARE(push(m_token, {json(fork)}).result().value(QStringLiteral("code")).toString(),
             QStringLiteral("chain_fork"));
}

void TestHubAudit::replayIsDuplicate()
{
    const Entry e = next(m_last);
    const QString key = newKey();
    QCOMPARE(push(m_token, {json(e, key)}).result().value(QStringLiteral("status")).toString(),
             QStringLiteral("accepted"));
    const auto again = push(m_token, {json(e, key)});
    QCOMPARE(again.result().value(QStringLiteral("status")).toString(), QStringLiteral("duplicate"));
    QCOMPARE(again.result().value(QStringLiteral("original_status")).toString(), QStringLiteral("accepted"));
    // The same entry under a new key is held already: a duplicate too, not a break.
    QCOMPARE(push(m_token, {json(e)}).result().value(QStringLiteral("status")).toString(), QStringLiteral("duplicate"));
    m_last = e;
}

void TestHubAudit::chainsAreKeptPerWorkstation()
{
    // Another workstation starts its own chain; a link to the first workstation's chain does not count.
    const QString other = m_hub.login(m_hub.accountWithRole(QStringLiteral("clerk")), QStringLiteral("ws-audit-2"));
    const Entry start = next(Entry{0, QString(), QString()});
    QCOMPARE(push(other, {json(start)}).result().value(QStringLiteral("status")).toString(),
             QStringLiteral("accepted"));
    Entry wrong = next(m_last); // continues workstation 1, not 2
    wrong.seq = 2;
    QCOMPARE(push(other, {json(wrong)}).result().value(QStringLiteral("code")).toString(),
             QStringLiteral("chain_broken"));
    QCOMPARE(push(other, {json(next(start))}).result().value(QStringLiteral("status")).toString(),
             QStringLiteral("accepted"));
}

void TestHubAudit::badEntryIsInvalidNamingField()
{
    QJsonObject e = json(next(m_last));
    e.insert(QStringLiteral("seq"), QStringLiteral("five"));
    QJsonObject f = json(next(m_last));
    f.remove(QStringLiteral("hash"));
    const auto r = push(m_token, {e, f});
    QCOMPARE(r.result(0).value(QStringLiteral("status")).toString(), QStringLiteral("invalid"));
    QVERIFY(r.result(0).value(QStringLiteral("message")).toString().startsWith(QStringLiteral("entries[0].seq:")));
    QVERIFY(r.result(1).value(QStringLiteral("message")).toString().startsWith(QStringLiteral("entries[1].hash:")));
    QCOMPARE(push(m_token, QJsonArray{}).status, 200);
    QCOMPARE(m_hub.post(QStringLiteral("/api/v1/audit"), QJsonObject{{QStringLiteral("entries"), 3}}, m_token).status,
             422);
}

QTEST_GUILESS_MAIN(TestHubAudit)
#include "tst_hubaudit.moc"
