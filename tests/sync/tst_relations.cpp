#include "HubStorage.h"
#include "ResultCheck.h"
#include "SignOffDesk.h"
#include "store/Sql.h"
#include "sync/Relations.h"
#include "sync/SignOff.h"
#include "sync/SignOffReads.h"
#include "sync/SigningKeys.h"

#include <QTest>

using namespace adm;
using namespace adm::sync;

namespace {

// Applications of SignOffDesk::kSchool in the fixture city and the ID numbers they name.
const QString kP1 = QStringLiteral("A2026P0001");
const QString kP1Child = QStringLiteral("371102201911051073");
const QString kP3 = QStringLiteral("A2026P0003");
const QString kP3Guardian = QStringLiteral("130102198803151157");
const QString kP6 = QStringLiteral("A2026P0006");
const QString kP6Guardian = QStringLiteral("371102198803151339");

const QString kSecond = QStringLiteral("second"); // another officer on the reviewer's workstation
const QString kSecondPassphrase = QStringLiteral("second officer 99");

Result<bool> declare(SignOffDesk& desk, const QString& idNumber, const QString& user = {})
{
    return desk.run<Result<bool>>([idNumber, user](store::Workspace& w) {
        return Relations(w.database().writer(), w.audit(), user.isEmpty() ? w.user() : user).declare(idNumber);
    });
}

DecisionRequest approve(const QString& id)
{
    return DecisionRequest{id, QStringLiteral("approve"), {}, {}, {}, {}, {}};
}

qint64 hubCount(HubFixture& hub, const QString& sql)
{
    auto v = hub.hub().storage().connection().scalar(sql);
    return v ? v->toLongLong() : -1;
}

} // namespace

// Declared relationships (issue 14): an officer who declared a relative named on an application cannot
// decide on it (declared_relation, audited as relation.refuse although nothing else is written), and
// another officer can; a principal cannot sign a batch holding such an application; the declared
// numbers never go upstream.
class TestRelations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void declarationIsCheckedAndAudited();
    void declaringOfficerCannotDecideAnotherCan();
    void declaringPrincipalCannotSign();
    void nothingDeclaredGoesUpstream();

private:
    HubFixture m_hub;
    std::unique_ptr<SignOffDesk> m_reviewer;
    std::unique_ptr<SignOffDesk> m_principal;
};

void TestRelations::initTestCase()
{
    QVERIFY(m_hub.start());
    m_reviewer = std::make_unique<SignOffDesk>(m_hub, QStringLiteral("reviewer"));
    m_principal = std::make_unique<SignOffDesk>(m_hub, QStringLiteral("principal"));
    QVERIFY(m_reviewer->start());
    QVERIFY(m_principal->start());
    QVERIFY(m_reviewer->sync().ok());
    QVERIFY_OK(m_reviewer->run<Status>([](store::Workspace& w) {
        return w.addUser(kSecond, QStringLiteral("reviewer"), security::SecretBytes(kSecondPassphrase), false);
    }));
}

void TestRelations::declarationIsCheckedAndAudited()
{
    auto bad = declare(*m_reviewer, QStringLiteral("371102201911051074")); // wrong check character
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, QStringLiteral("bad_input"));
    auto added = declare(*m_reviewer, kP1Child);
    QVERIFY_OK(added);
    QVERIFY(*added);
    added = declare(*m_reviewer, kP1Child.toLower()); // the same person again: nothing new
    QVERIFY_OK(added);
    QVERIFY(!*added);
    QVERIFY_OK(declare(*m_reviewer, kP3Guardian));
    auto c = m_reviewer->reader();
    QVERIFY(c);
    auto list = Relations::list(*c, SyncFixture::kUser);
    QVERIFY_OK(list);
    QCOMPARE(list->size(), 2);
    QVERIFY_OK(Relations::list(*c, kSecond));
    QVERIFY(Relations::list(*c, kSecond)->isEmpty());
    QCOMPARE(*Relations::relatedApplication(*c, SyncFixture::kUser, kP1), true);
    QCOMPARE(*Relations::relatedApplication(*c, SyncFixture::kUser, kP3), true); // a guardian
    QCOMPARE(*Relations::relatedApplication(*c, SyncFixture::kUser, kP6), false);
    QCOMPARE(*Relations::relatedApplication(*c, kSecond, kP1), false);
    QCOMPARE(*Relations::declaringUsers(*c, kP1), QStringList{SyncFixture::kUser});
    // Audited without the number.
    const QStringList audit = m_reviewer->audit(QStringLiteral("relation.declare"));
    QCOMPARE(audit, (QStringList{QStringLiteral("declared=1"), QStringLiteral("declared=2")}));
}

void TestRelations::declaringOfficerCannotDecideAnotherCan()
{
    const qint64 refusals = m_reviewer->audit(QStringLiteral("relation.refuse")).size();
    // The check a dialog makes refuses it too, and records nothing.
    const QString account = m_reviewer->account;
    const Status checked = m_reviewer->run<Status>([account](store::Workspace& w) {
        return DecisionWorkflow(w.database().writer(), w.audit(), w.user(), w.role(), account).check(approve(kP1));
    });
    QCOMPARE(checked.error().code, kDeclaredRelation);
    QCOMPARE(m_reviewer->audit(QStringLiteral("relation.refuse")).size(), refusals);

    // Their queue greys exactly these (QueueModel::setRefused); another user's has none.
    auto c = m_reviewer->reader();
    QVERIFY(c);
    auto related = Relations::relatedApplications(*c, SyncFixture::kUser);
    QVERIFY_OK(related);
    QCOMPARE(*related, (QSet<QString>{kP1, kP3}));
    QVERIFY(Relations::relatedApplications(*c, kSecond)->isEmpty());

    for (const QString& id : {kP1, kP3}) {
        auto refused = m_reviewer->decide(approve(id));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, kDeclaredRelation);
        QVERIFY2(refused.error().message.contains(id) &&
                     refused.error().message.contains(QStringLiteral("someone else")),
                 qPrintable(refused.error().message));
        QCOMPARE(
            m_reviewer->count(
                QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'decision' AND subject_id = '%1'").arg(id)),
            qint64(0));
    }
    // Each refusal is in the audit log, in its own transaction: the decision's was rolled back.
    const QStringList audit = m_reviewer->audit(QStringLiteral("relation.refuse"));
    QCOMPARE(audit.size(), refusals + 2);
    QCOMPARE(audit.at(refusals), QStringLiteral("application=%1 action=decide").arg(kP1));
    QCOMPARE(audit.at(refusals + 1), QStringLiteral("application=%1 action=decide").arg(kP3));
    QVERIFY_OK(m_reviewer->run<Status>([](store::Workspace& w) { return w.audit().verify(); }));

    // Another officer decides it.
    auto decided = m_reviewer->run<Result<OutboxItem>>([account](store::Workspace& w) {
        return DecisionWorkflow(w.database().writer(), w.audit(), kSecond, QStringLiteral("reviewer"), account)
            .decide(approve(kP1));
    });
    QVERIFY_OK(decided);
    QCOMPARE(decided->subjectId, kP1);
    QVERIFY(m_reviewer->sync().ok());
    QCOMPARE(m_reviewer->count(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'decision' AND subject_id = "
                                              "'%1' AND state = 'done'")
                                   .arg(kP1)),
             qint64(1));
}

void TestRelations::declaringPrincipalCannotSign()
{
    // P6 decided by the officer (no relation of theirs), accepted upstream; P1 decided before.
    QVERIFY_OK(m_reviewer->decide(approve(kP6)));
    QVERIFY(m_reviewer->sync().ok());
    QVERIFY(m_principal->sync().ok());
    QVERIFY_OK(declare(*m_principal, kP6Guardian));
    const QString account = m_principal->account;
    QVERIFY_OK(m_principal->run<Result<SigningKeyInfo>>([account](store::Workspace& w) {
        return SigningKeys(w.database().writer(), w.audit(), w.user(), w.role(), account)
            .generate(crypto::SignatureAlgorithm::Ed25519, security::SecretBytes(SyncFixture::kPassphrase), w.keys());
    }));
    auto batch = m_principal->run<Result<BatchSummary>>([account](store::Workspace& w) {
        BatchSelection selection;
        selection.title = QStringLiteral("relations");
        selection.schoolId = SignOffDesk::kSchool;
        return SignOff(w.database().writer(), w.audit(), w.user(), w.role(), account).createBatch(selection);
    });
    QVERIFY_OK(batch);
    QCOMPARE(batch->items, 2);

    // The batch view shows the declared relationship and who decided each item.
    auto c = m_principal->reader();
    QVERIFY(c);
    auto review = SignOffReads::review(*c, batch->id);
    QVERIFY_OK(review);
    QCOMPARE(review->related().size(), 1);
    const BatchItem related = review->related().first();
    QCOMPARE(related.applicationId, kP6);
    QCOMPARE(related.declaredBy, QStringList{SyncFixture::kUser});
    QCOMPARE(related.decidedBy, m_reviewer->account);
    QVERIFY(!related.decidedByDeclarant); // the officer is not the one who declared it

    auto sign = [this, account, id = batch->id]() {
        return m_principal->run<Result<BatchSummary>>([account, id](store::Workspace& w) {
            return SignOff(w.database().writer(), w.audit(), w.user(), w.role(), account)
                .sign(id, security::SecretBytes(SyncFixture::kPassphrase));
        });
    };
    auto refused = sign();
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, kDeclaredRelation);
    QVERIFY2(refused.error().message.contains(kP6), qPrintable(refused.error().message));
    QCOMPARE(m_principal->audit(QStringLiteral("relation.refuse")),
             QStringList{QStringLiteral("application=%1 action=sign batch=%2").arg(kP6, batch->id)});
    QCOMPARE(m_principal->count(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'batch'")), qint64(0));
    QCOMPARE(SignOffReads::find(*c, batch->id).value()->state, batchstate::Draft);

    // Taken out of the batch, the rest is signed; someone else signs P6 later.
    QVERIFY_OK(m_principal->run<Status>([account, id = batch->id](store::Workspace& w) {
        return SignOff(w.database().writer(), w.audit(), w.user(), w.role(), account)
            .returnItem(id, kP6, QStringLiteral("由副校长签发"));
    }));
    QVERIFY_OK(sign());
    QVERIFY(m_principal->sync().ok());
    QCOMPARE(SignOffReads::find(*c, batch->id).value()->state, batchstate::Accepted);
}

void TestRelations::nothingDeclaredGoesUpstream()
{
    QVERIFY(m_reviewer->sync().ok());
    QVERIFY(m_principal->sync().ok());
    QVERIFY(hubCount(m_hub, QStringLiteral("SELECT count(*) FROM audit_entries")) > 0);
    for (const QString& id : {kP1Child, kP3Guardian, kP6Guardian}) {
        QCOMPARE(
            hubCount(m_hub, QStringLiteral("SELECT count(*) FROM audit_entries WHERE subject LIKE '%%1%'").arg(id)),
            qint64(0));
        QCOMPARE(m_reviewer->count(QStringLiteral("SELECT count(*) FROM outbox WHERE payload LIKE '%%1%'").arg(id)),
                 qint64(0));
    }
    QCOMPARE(hubCount(m_hub, QStringLiteral("SELECT count(*) FROM audit_entries WHERE action = 'relation.refuse'")),
             qint64(3));
}

QTEST_GUILESS_MAIN(TestRelations)
#include "tst_relations.moc"
