#include "CityFixture.h"
#include "ResultCheck.h"
#include "security/AuditLog.h"
#include "security/Permissions.h"
#include "store/SchoolSettingsStore.h"
#include "store/Sql.h"
#include "store/Workspace.h"
#include "sync/DecisionWorkflow.h"
#include "views/DecisionService.h"
#include "views/LocalSession.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace adm;
using security::Action;

// Roles decide what a user can do (issue 11): the permission table itself, and the workflow objects
// (DecisionWorkflow, DecisionService, IdRevealer) called directly by each role over a real cache.
// A refusal is "role_not_allowed" with a sentence saying who may, and writes nothing.
class TestRoles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void permissionTable_data();
    void permissionTable();
    void refusalSaysWhoMay();
    void workflowRefusesRolesThatDoNotDecide_data();
    void workflowRefusesRolesThatDoNotDecide();
    void reviewerDecidesAndUndoes();
    void principalDecidesOnlyWhereTheSchoolAllows();
    void settingOfAnUnknownSchoolIsRefused();
    void decisionServiceRefuses();
    void revealNeedsAReasonForEveryRole_data();
    void revealNeedsAReasonForEveryRole();

private:
    std::unique_ptr<store::Workspace> as(const QString& user);
    static qint64 count(store::Workspace& ws, const QString& table);
    static sync::DecisionRequest request(const QString& applicationId, const QString& outcome);

    QTemporaryDir m_dir;
    QString m_app; // an open application of school m_school
    QString m_school;
    QString m_otherApp; // an open application of another school
};

namespace {
const QString kClerk = QStringLiteral("wang.lei");
const QString kPrincipal = QStringLiteral("chen.jing");
const QString kSupervisor = QStringLiteral("zhao.min");
const QString kOtherPassphrase = QStringLiteral("another passphrase 2");
} // namespace

void TestRoles::initTestCase()
{
    auto ws = testsupport::makeCityWorkspace(m_dir.path(), 200);
    QVERIFY(ws);
    QCOMPARE(ws->role(), role::Reviewer);
    QVERIFY(ws->isAdministrator());
    const security::SecretBytes pass(kOtherPassphrase);
    QVERIFY_OK(ws->addUser(kClerk, role::Clerk, pass, false));
    QVERIFY_OK(ws->addUser(kPrincipal, role::Principal, pass, false));
    QVERIFY_OK(ws->addUser(kSupervisor, role::Supervisor, pass, false));
    auto q = ws->database().writer().prepare(QStringLiteral(
        "SELECT id, target_school_id FROM applications WHERE status IN ('submitted', 'under_review') ORDER BY id"));
    QVERIFY(q.ok());
    while (q->step() && m_otherApp.isEmpty()) {
        if (m_app.isEmpty()) {
            m_app = q->text(0);
            m_school = q->text(1);
        } else if (q->text(1) != m_school) {
            m_otherApp = q->text(0);
        }
    }
    QVERIFY(!m_app.isEmpty() && !m_otherApp.isEmpty());
}

std::unique_ptr<store::Workspace> TestRoles::as(const QString& user)
{
    const QString pass = user == testsupport::kReviewer ? testsupport::kPassphrase : kOtherPassphrase;
    auto ws = store::Workspace::unlock(m_dir.path(), user, security::SecretBytes(pass));
    if (!ws) {
        qWarning("unlock %s: %s", qPrintable(user), qPrintable(ws.error().message));
        return nullptr;
    }
    return std::move(*ws);
}

qint64 TestRoles::count(store::Workspace& ws, const QString& table)
{
    auto n = ws.database().writer().scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table));
    return n ? n->toLongLong() : -1;
}

sync::DecisionRequest TestRoles::request(const QString& applicationId, const QString& outcome)
{
    sync::DecisionRequest r;
    r.applicationId = applicationId;
    r.outcome = outcome;
    if (outcome == QLatin1String("approve")) {
        r.category = QStringLiteral("A");
        r.reasonCode = QStringLiteral("verified_on_paper");
    } else if (outcome == QLatin1String("reject")) {
        r.reasonCode = QStringLiteral("other");
        r.note = QStringLiteral("test");
    } else {
        r.note = QStringLiteral("bring the rental contract");
    }
    return r;
}

void TestRoles::permissionTable_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("schoolAllows");
    QTest::addColumn<bool>("decide");
    QTest::addColumn<bool>("signBatches");
    QTest::addColumn<bool>("counterIntake");
    QTest::addColumn<bool>("readScope");
    QTest::newRow("clerk") << role::Clerk << true << false << false << true << false;
    QTest::newRow("reviewer") << role::Reviewer << false << true << false << true << false;
    QTest::newRow("principal") << role::Principal << false << false << true << true << false;
    QTest::newRow("principal, school allows") << role::Principal << true << true << true << true << false;
    QTest::newRow("supervisor") << role::Supervisor << true << false << false << false << true;
    QTest::newRow("no role") << QStringLiteral("admin") << true << false << false << false << false;
}

void TestRoles::permissionTable()
{
    QFETCH(QString, role);
    QFETCH(bool, schoolAllows);
    QFETCH(bool, decide);
    QFETCH(bool, signBatches);
    QFETCH(bool, counterIntake);
    QFETCH(bool, readScope);
    security::SchoolSettings settings;
    if (schoolAllows)
        settings.principalDecides.insert(QStringLiteral("S1"));
    for (Action a : {Action::Decide, Action::RequestInfo, Action::Undo}) {
        QCOMPARE(security::may(role, a, settings), decide);
        // On an application of a school that does not allow it, a principal may not.
        QCOMPARE(security::may(role, a, settings, QStringLiteral("S2")), decide && role != role::Principal);
    }
    QCOMPARE(security::may(role, Action::SignBatches, settings), signBatches);
    QCOMPARE(security::may(role, Action::CounterIntake, settings), counterIntake);
    QCOMPARE(security::may(role, Action::ReadScope, settings), readScope);
    QCOMPARE(security::may(role, Action::Dashboards, settings), readScope || role == role::Principal);
    const bool known = role::isValid(role);
    QCOMPARE(security::may(role, Action::ReadQueues, settings), known);
    QCOMPARE(security::may(role, Action::RevealId, settings), known);
    QVERIFY(!security::may(role, Action::RevealIdWithoutReason, settings));
}

void TestRoles::refusalSaysWhoMay()
{
    const Error e = security::refusal(role::Clerk, Action::Decide);
    QCOMPARE(e.code, security::kRoleNotAllowed);
    QVERIFY2(e.message.contains(QStringLiteral("Counter clerk")), qPrintable(e.message));
    QVERIFY2(e.message.contains(QStringLiteral("Only an admissions officer (reviewer) may decide")),
             qPrintable(e.message));
    // A principal is told how the school can allow it.
    QVERIFY(security::refusal(role::Principal, Action::Decide)
                .message.contains(QStringLiteral("admissionsctl settings principal-decides on")));
    for (Action a :
         {Action::ReadQueues, Action::ReadScope, Action::Dashboards, Action::Decide, Action::RequestInfo, Action::Undo,
          Action::RevealId, Action::RevealIdWithoutReason, Action::SignBatches, Action::CounterIntake})
        QVERIFY(!security::whoMay(a).isEmpty());
    // The sign-in rule: the local role must be one of the account's.
    QVERIFY(security::rolesAgree(role::Reviewer, QStringLiteral("liu.fang"), {role::Reviewer}).ok());
    const Status mismatch = security::rolesAgree(role::Clerk, QStringLiteral("liu.fang"), {role::Reviewer});
    QCOMPARE(mismatch.error().code, security::kRoleMismatch);
    QVERIFY2(mismatch.error().message.contains(QStringLiteral("Counter clerk")) &&
                 mismatch.error().message.contains(QStringLiteral("Admissions officer")) &&
                 mismatch.error().message.contains(QStringLiteral("liu.fang")),
             qPrintable(mismatch.error().message));
    QCOMPARE(security::rolesAgree(role::Clerk, QStringLiteral("x"), {}).error().code, security::kRoleMismatch);
}

void TestRoles::workflowRefusesRolesThatDoNotDecide_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("outcome");
    for (const QString& user : {kClerk, kSupervisor, kPrincipal})
        for (const QString& outcome :
             {QStringLiteral("approve"), QStringLiteral("reject"), QStringLiteral("request_info")})
            QTest::addRow("%s %s", qPrintable(user), qPrintable(outcome)) << user << outcome;
}

void TestRoles::workflowRefusesRolesThatDoNotDecide()
{
    QFETCH(QString, user);
    QFETCH(QString, outcome);
    auto ws = as(user);
    QVERIFY(ws);
    const qint64 outbox = count(*ws, QStringLiteral("outbox"));
    const qint64 audit = count(*ws, QStringLiteral("audit_log"));
    sync::DecisionWorkflow workflow(ws->database().writer(), ws->audit(), ws->user(), ws->role(), QString());
    const sync::DecisionRequest r = request(m_app, outcome);
    const Status checked = workflow.check(r);
    QVERIFY(!checked);
    QCOMPARE(checked.error().code, security::kRoleNotAllowed);
    auto made = workflow.decide(r);
    QVERIFY(!made);
    QCOMPARE(made.error().code, security::kRoleNotAllowed);
    QVERIFY2(made.error().message.contains(QStringLiteral("Only an admissions officer (reviewer) may")),
             qPrintable(made.error().message));
    QVERIFY(made.error().message.contains(role::displayName(ws->role())));
    QCOMPARE(count(*ws, QStringLiteral("outbox")), outbox);
    QCOMPARE(count(*ws, QStringLiteral("audit_log")), audit);
}

void TestRoles::reviewerDecidesAndUndoes()
{
    qint64 item = 0;
    {
        auto ws = as(testsupport::kReviewer);
        QVERIFY(ws);
        sync::DecisionWorkflow workflow(ws->database().writer(), ws->audit(), ws->user(), ws->role(), QString());
        auto made = workflow.decide(request(m_app, QStringLiteral("request_info")));
        QVERIFY_OK(made);
        item = made->id;
    }
    // Nobody else takes it back: not the clerk, not the supervisor, not a principal the school does not allow.
    for (const QString& user : {kClerk, kSupervisor, kPrincipal}) {
        auto ws = as(user);
        QVERIFY(ws);
        sync::DecisionWorkflow workflow(ws->database().writer(), ws->audit(), ws->user(), ws->role(), QString());
        const Status dropped = workflow.drop(item);
        QCOMPARE(dropped.error().code, security::kRoleNotAllowed);
        QVERIFY(dropped.error().message.contains(QStringLiteral("take back a decision")));
        auto state = ws->database().writer().scalar(QStringLiteral("SELECT state FROM outbox WHERE id = %1").arg(item));
        QCOMPARE(state->toString(), QStringLiteral("pending"));
    }
    auto ws = as(testsupport::kReviewer);
    QVERIFY(ws);
    sync::DecisionWorkflow workflow(ws->database().writer(), ws->audit(), ws->user(), ws->role(), QString());
    QVERIFY_OK(workflow.drop(item));
}

void TestRoles::principalDecidesOnlyWhereTheSchoolAllows()
{
    auto set = [this](bool on) {
        auto admin = as(testsupport::kReviewer);
        return admin ? store::SchoolSettingsStore::setPrincipalDecides(admin->database().writer(), admin->audit(),
                                                                       admin->user(), m_school, on)
                     : Status(Error{QStringLiteral("unlock"), QStringLiteral("no admin")});
    };
    QVERIFY_OK(set(true));
    qint64 item = 0;
    {
        auto ws = as(kPrincipal);
        QVERIFY(ws);
        auto settings = store::SchoolSettingsStore::load(ws->database().writer());
        QVERIFY_OK(settings);
        QVERIFY(settings->principalMayDecide(m_school));
        sync::DecisionWorkflow workflow(ws->database().writer(), ws->audit(), ws->user(), ws->role(), QString());
        auto made = workflow.decide(request(m_app, QStringLiteral("request_info")));
        QVERIFY_OK(made);
        item = made->id;
        // Another school has not allowed it.
        const qint64 outbox = count(*ws, QStringLiteral("outbox"));
        auto other = workflow.decide(request(m_otherApp, QStringLiteral("request_info")));
        QCOMPARE(other.error().code, security::kRoleNotAllowed);
        QCOMPARE(count(*ws, QStringLiteral("outbox")), outbox);
    }
    QVERIFY_OK(set(false));
    {
        auto ws = as(kPrincipal);
        QVERIFY(ws);
        sync::DecisionWorkflow workflow(ws->database().writer(), ws->audit(), ws->user(), ws->role(), QString());
        QCOMPARE(workflow.decide(request(m_app, QStringLiteral("approve"))).error().code, security::kRoleNotAllowed);
        QCOMPARE(workflow.drop(item).error().code, security::kRoleNotAllowed);
        // Both changes of the setting are in the audit log, with the school and no more.
        auto entries = ws->audit().entries();
        QVERIFY_OK(entries);
        QStringList subjects;
        for (const security::AuditEntry& e : *entries)
            if (e.action == QLatin1String("settings.principal_decides"))
                subjects << e.subject;
        QCOMPARE(subjects, (QStringList{QStringLiteral("school=%1 value=on").arg(m_school),
                                        QStringLiteral("school=%1 value=off").arg(m_school)}));
    }
    QVERIFY_OK(set(true));
    {
        auto ws = as(kPrincipal);
        QVERIFY(ws);
        sync::DecisionWorkflow workflow(ws->database().writer(), ws->audit(), ws->user(), ws->role(), QString());
        QVERIFY_OK(workflow.drop(item));
    }
    QVERIFY_OK(set(false));
}

void TestRoles::settingOfAnUnknownSchoolIsRefused()
{
    // The setting of a school the cache does not hold is refused, and nothing is written.
    auto ws = as(testsupport::kReviewer);
    QVERIFY(ws);
    const qint64 audit = count(*ws, QStringLiteral("audit_log"));
    const Status s = store::SchoolSettingsStore::setPrincipalDecides(ws->database().writer(), ws->audit(), ws->user(),
                                                                     QStringLiteral("S-NONE"), true);
    QCOMPARE(s.error().code, QStringLiteral("not_found"));
    QCOMPARE(count(*ws, QStringLiteral("audit_log")), audit);
    auto settings = store::SchoolSettingsStore::load(ws->database().writer());
    QVERIFY_OK(settings);
    QVERIFY(!settings->principalMayDecide());
}

void TestRoles::decisionServiceRefuses()
{
    auto ws = as(kClerk);
    QVERIFY(ws);
    store::Workspace* raw = ws.get();
    views::LocalSession session(std::move(ws));
    views::DecisionService service(session);
    QSignalSpy decided(&service, &views::DecisionService::decided);
    const qint64 outbox = count(*raw, QStringLiteral("outbox"));
    std::optional<Result<sync::OutboxItem>> answer;
    service.decide(request(m_app, QStringLiteral("approve")), this,
                   [&answer](Result<sync::OutboxItem> r) { answer.emplace(std::move(r)); });
    QTRY_VERIFY(answer.has_value());
    QVERIFY(!*answer);
    QCOMPARE(answer->error().code, security::kRoleNotAllowed);
    std::optional<Status> dropped;
    service.drop(1, m_app, this, [&dropped](Status s) { dropped = s; });
    QTRY_VERIFY(dropped.has_value());
    QCOMPARE(dropped->error().code, security::kRoleNotAllowed);
    QCOMPARE(decided.count(), 0);
    QCOMPARE(count(*raw, QStringLiteral("outbox")), outbox);
    (void)session.close();
}

void TestRoles::revealNeedsAReasonForEveryRole_data()
{
    QTest::addColumn<QString>("user");
    for (const QString& user : {testsupport::kReviewer, kClerk, kPrincipal, kSupervisor})
        QTest::newRow(qPrintable(user)) << user;
}

void TestRoles::revealNeedsAReasonForEveryRole()
{
    QFETCH(QString, user);
    auto ws = as(user);
    QVERIFY(ws);
    store::Workspace* raw = ws.get();
    views::LocalSession session(std::move(ws));
    const qint64 audit = count(*raw, QStringLiteral("audit_log"));
    std::optional<Status> without;
    views::IdRevealer::reveal(session, m_app, 0, QString(), this, [&without](Status s) { without = s; });
    QTRY_VERIFY(without.has_value());
    QCOMPARE(without->error().code, security::kRoleNotAllowed);
    QCOMPARE(count(*raw, QStringLiteral("audit_log")), audit);
    // With a reason every role may, and the reason is in the audit log.
    std::optional<Status> with;
    views::IdRevealer::reveal(session, m_app, 0, QStringLiteral("identity_check"), this,
                              [&with](Status s) { with = s; });
    QTRY_VERIFY(with.has_value());
    QVERIFY_OK(*with);
    QCOMPARE(count(*raw, QStringLiteral("audit_log")), audit + 1);
    (void)session.close();
}

QTEST_GUILESS_MAIN(TestRoles)
#include "tst_roles.moc"
