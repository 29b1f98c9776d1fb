#include "CtlFixture.h"
#include "store/Sql.h"
#include "store/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// `admissionsctl decide` and `admissionsctl settings` by role (issue 11), the real program on a real
// cache: a role that may not decide exits 2 with a sentence saying which role may, and nothing is
// queued; an administrator lets a school's principal decide, audited.
class TestCtlRoles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void decideIsRefused_data();
    void decideIsRefused();
    void principalDecidesWhereTheSchoolAllows();
    void settingsNeedAnAdministratorAndAKnownSchool();

private:
    testsupport::ProcessResult as(const QString& user, QStringList args);
    qint64 outboxItems();

    QTemporaryDir m_tmp;
    QString m_data;
    QString m_app;
    QString m_school;
};

namespace {
const QString kAdmin = QStringLiteral("admin"); // a reviewer, the administrator
const QString kUserPassphrase = QStringLiteral("another passphrase 2");
} // namespace

void TestCtlRoles::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    const QString city = m_tmp.filePath(QStringLiteral("city.jsonl"));
    m_data = m_tmp.filePath(QStringLiteral("ws"));
    QVERIFY(CtlFixture::generate(city, 200, 11));
    QVERIFY(CtlFixture::init(m_data));
    auto r = CtlFixture::ctl({QStringLiteral("import"), QStringLiteral("--data-dir"), m_data, city});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    for (const QString& role : {QStringLiteral("clerk"), QStringLiteral("principal"), QStringLiteral("supervisor")}) {
        r = CtlFixture::ctl({QStringLiteral("users"), QStringLiteral("add"), role + QStringLiteral(".one"),
                             QStringLiteral("--role"), role, QStringLiteral("--user"), kAdmin,
                             QStringLiteral("--data-dir"), m_data},
                            {{QStringLiteral("ADMISSIONS_NEW_PASSPHRASE"), kUserPassphrase}});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    auto ws = adm::store::Workspace::unlock(m_data, kAdmin, CtlFixture::kPassphrase);
    QVERIFY(ws.ok());
    auto q = (*ws)->database().writer().prepare(QStringLiteral(
        "SELECT id, target_school_id FROM applications WHERE status IN ('submitted', 'under_review') ORDER BY id"));
    QVERIFY(q.ok() && q->step());
    m_app = q->text(0);
    m_school = q->text(1);
}

testsupport::ProcessResult TestCtlRoles::as(const QString& user, QStringList args)
{
    args << QStringLiteral("--user") << user << QStringLiteral("--data-dir") << m_data;
    if (user == kAdmin)
        return CtlFixture::ctl(args);
    return CtlFixture::ctl(args, {{QStringLiteral("ADMISSIONS_PASSPHRASE"), kUserPassphrase}});
}

qint64 TestCtlRoles::outboxItems()
{
    const auto r = as(kAdmin, {QStringLiteral("outbox"), QStringLiteral("--json"), QStringLiteral("--all")});
    if (r.exitCode != 0)
        return -1;
    return QJsonDocument::fromJson(r.out).object().value(QStringLiteral("items")).toArray().size();
}

void TestCtlRoles::decideIsRefused_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("decision");
    QTest::addColumn<QString>("who");
    const QStringList approve = {QStringLiteral("--approve"), QStringLiteral("--category"), QStringLiteral("A"),
                                 QStringLiteral("--reason"), QStringLiteral("verified_on_paper")};
    const QStringList info = {QStringLiteral("--request-info"), QStringLiteral("--note"),
                              QStringLiteral("bring the rental contract")};
    const QString decides = QStringLiteral("Only an admissions officer (reviewer) may decide on an application");
    const QString asks = QStringLiteral("Only an admissions officer (reviewer) may ask a family for information");
    for (const QString& user :
         {QStringLiteral("clerk.one"), QStringLiteral("supervisor.one"), QStringLiteral("principal.one")}) {
        QTest::addRow("%s approves", qPrintable(user)) << user << approve << decides;
        QTest::addRow("%s requests information", qPrintable(user)) << user << info << asks;
    }
}

void TestCtlRoles::decideIsRefused()
{
    QFETCH(QString, user);
    QFETCH(QStringList, decision);
    QFETCH(QString, who);
    const qint64 before = outboxItems();
    QVERIFY(before >= 0);
    const auto r = as(user, QStringList{QStringLiteral("decide"), m_app} + decision);
    QCOMPARE(r.exitCode, 2);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(who), qPrintable(err));
    QCOMPARE(outboxItems(), before);
}

void TestCtlRoles::principalDecidesWhereTheSchoolAllows()
{
    const QStringList info = {QStringLiteral("decide"), m_app, QStringLiteral("--request-info"),
                              QStringLiteral("--note"), QStringLiteral("bring the rental contract")};
    auto r = as(kAdmin, {QStringLiteral("settings"), QStringLiteral("principal-decides"), QStringLiteral("on"),
                         QStringLiteral("--school"), m_school});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = as(QStringLiteral("principal.one"), {QStringLiteral("settings"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("principal_decides")).toArray(),
             QJsonArray{m_school});
    const qint64 before = outboxItems();
    r = as(QStringLiteral("principal.one"), info);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(outboxItems(), before + 1);
    // Still not the clerk.
    r = as(QStringLiteral("clerk.one"), info);
    QCOMPARE(r.exitCode, 2);

    r = as(kAdmin, {QStringLiteral("settings"), QStringLiteral("principal-decides"), QStringLiteral("off"),
                    QStringLiteral("--school"), m_school});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = as(QStringLiteral("principal.one"), info);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("principal-decides on"), r.err.constData());
    QCOMPARE(outboxItems(), before + 1);
    // Both changes are audited, with the school.
    auto ws = adm::store::Workspace::unlock(m_data, kAdmin, CtlFixture::kPassphrase);
    QVERIFY(ws.ok());
    auto entries = (*ws)->audit().entries();
    QVERIFY(entries.ok());
    QStringList subjects;
    for (const auto& e : *entries)
        if (e.action == QLatin1String("settings.principal_decides"))
            subjects << e.actor + u' ' + e.subject;
    QCOMPARE(subjects, (QStringList{QStringLiteral("admin school=%1 value=on").arg(m_school),
                                    QStringLiteral("admin school=%1 value=off").arg(m_school)}));
}

void TestCtlRoles::settingsNeedAnAdministratorAndAKnownSchool()
{
    auto r = as(QStringLiteral("principal.one"), {QStringLiteral("settings"), QStringLiteral("principal-decides"),
                                                  QStringLiteral("on"), QStringLiteral("--school"), m_school});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("administrator"), r.err.constData());
    r = as(kAdmin, {QStringLiteral("settings"), QStringLiteral("principal-decides"), QStringLiteral("on"),
                    QStringLiteral("--school"), QStringLiteral("S-NONE")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("no school S-NONE"), r.err.constData());
    // Several schools in this cache: say which.
    r = as(kAdmin, {QStringLiteral("settings"), QStringLiteral("principal-decides"), QStringLiteral("on")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--school"), r.err.constData());
    r = as(kAdmin, {QStringLiteral("settings"), QStringLiteral("principal-decides"), QStringLiteral("maybe")});
    QCOMPARE(r.exitCode, 2);
    r = as(kAdmin, {QStringLiteral("settings")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("principal-decides: off"), r.out.constData());
}

QTEST_GUILESS_MAIN(TestCtlRoles)
#include "tst_ctlroles.moc"
