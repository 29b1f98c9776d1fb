#include "HubStorage.h"
#include "ResultCheck.h"
#include "SignOffDesk.h"
#include "security/KeyStore.h"
#include "store/Sql.h"
#include "sync/Outbox.h"
#include "sync/SignOff.h"
#include "sync/SignOffReads.h"
#include "sync/SigningKeys.h"
#include "sync/SyncState.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace adm;
using namespace adm::sync;
using adm::crypto::SignatureAlgorithm;

namespace {

// Applications of SignOffDesk::kSchool in the fixture city (shared/fixtures/policy-cases.json) and what
// the automatic check finds for them.
const QString kP1 = QStringLiteral("A2026P0001"); // A, no flag
const QString kP2 = QStringLiteral("A2026P0002"); // B, flag category_mismatch
const QString kP3 = QStringLiteral("A2026P0003"); // C, no flag
const QString kP4 = QStringLiteral("A2026P0004"); // none
const QString kP6 = QStringLiteral("A2026P0006"); // A, no flag

const QString kOtherPassphrase = QStringLiteral("not the principal's 7");

DecisionRequest approve(const QString& id, const QString& category = {}, const QString& reason = {},
                        const QString& note = {})
{
    return DecisionRequest{id, QStringLiteral("approve"), category, reason, note, {}, {}};
}

DecisionRequest reject(const QString& id, const QString& reason)
{
    return DecisionRequest{id, QStringLiteral("reject"), {}, reason, {}, {}, {}};
}

// The sign-off workflow of a desk's user, on its sync thread.
template <typename R> R signOff(SignOffDesk& desk, std::function<R(SignOff&)> job)
{
    const QString account = desk.account;
    return desk.run<R>([job, account](store::Workspace& w) {
        SignOff s(w.database().writer(), w.audit(), w.user(), w.role(), account);
        return job(s);
    });
}

Result<SigningKeyInfo> generateKey(SignOffDesk& desk, SignatureAlgorithm algorithm,
                                   const QString& passphrase = SyncFixture::kPassphrase)
{
    const QString account = desk.account;
    return desk.run<Result<SigningKeyInfo>>([algorithm, account, passphrase](store::Workspace& w) {
        return SigningKeys(w.database().writer(), w.audit(), w.user(), w.role(), account)
            .generate(algorithm, security::SecretBytes(passphrase), w.keys());
    });
}

Result<BatchSummary> create(SignOffDesk& desk, const QString& title = QStringLiteral("第一轮录取"))
{
    BatchSelection selection;
    selection.title = title;
    selection.schoolId = SignOffDesk::kSchool;
    return signOff<Result<BatchSummary>>(desk, [selection](SignOff& s) { return s.createBatch(selection); });
}

Result<BatchSummary> sign(SignOffDesk& desk, const QString& batchId,
                          const QString& passphrase = SyncFixture::kPassphrase)
{
    return signOff<Result<BatchSummary>>(
        desk, [batchId, passphrase](SignOff& s) { return s.sign(batchId, security::SecretBytes(passphrase)); });
}

std::optional<BatchSummary> find(SignOffDesk& desk, const QString& batchId)
{
    auto c = desk.reader();
    if (!c)
        return std::nullopt;
    auto found = SignOffReads::find(*c, batchId);
    return found ? *found : std::nullopt;
}

Result<BatchReview> review(SignOffDesk& desk, const QString& batchId)
{
    auto c = desk.reader();
    if (!c)
        return Error{QStringLiteral("test"), QStringLiteral("no reader")};
    return SignOffReads::review(*c, batchId);
}

QStringList ids(const QList<BatchItem>& items)
{
    QStringList out;
    for (const BatchItem& i : items)
        out << i.applicationId;
    return out;
}

QStringList candidateIds(SignOffDesk& desk, const QString& outcome)
{
    auto c = desk.reader();
    if (!c)
        return {QStringLiteral("no reader")};
    auto candidates = SignOffReads::candidates(*c, SignOffDesk::kSchool);
    if (!candidates)
        return {candidates.error().message};
    QStringList out;
    for (const SignOffDecision& d : candidates->value(outcome))
        out << d.applicationId;
    return out;
}

qint64 hubCount(HubFixture& hub, const QString& sql)
{
    auto v = hub.hub().storage().connection().scalar(sql);
    return v ? v->toLongLong() : -1;
}

// The application as the cache holds it.
QJsonObject cachedApplication(SignOffDesk& desk, const QString& id)
{
    auto c = desk.reader();
    if (!c)
        return {};
    return QJsonDocument::fromJson(
               syncquery::text(*c, QStringLiteral("SELECT data FROM applications WHERE id = '%1'").arg(id)).toUtf8())
        .object();
}

// The officer decides an application again straight upstream (another workstation's decision): its
// version moves on. The hub's answer status ("accepted").
QString decideUpstream(HubFixture& hub, const QString& account, const QString& id, const QString& category,
                       const QString& reasonCode = {})
{
    const QString token = hub.login(account);
    qint64 version = -1;
    for (const QJsonObject& change : hub.pullAll(token))
        if (change.value(QStringLiteral("id")).toString() == id)
            version = change.value(QStringLiteral("version")).toInteger();
    if (version <= 0)
        return QStringLiteral("not in the feed");
    QJsonObject decision{{QStringLiteral("idempotency_key"), newKey()},
                         {QStringLiteral("application_id"), id},
                         {QStringLiteral("base_version"), version},
                         {QStringLiteral("outcome"), QStringLiteral("approve")},
                         {QStringLiteral("category"), category}};
    if (!reasonCode.isEmpty())
        decision.insert(QStringLiteral("reason_code"), reasonCode);
    const auto decided = hub.post(QStringLiteral("/api/v1/decisions"),
                                  QJsonObject{{QStringLiteral("decisions"), QJsonArray{decision}}}, token);
    return decided.result().value(QStringLiteral("status")).toString();
}

// The reviewer and the principal of kSchool, the reviewer's decisions accepted upstream, and the
// principal's cache pulled after them.
struct School {
    explicit School(HubFixture& hub)
        : reviewer(hub, QStringLiteral("reviewer"))
        , principal(hub, QStringLiteral("principal"))
    {}
    SignOffDesk reviewer;
    SignOffDesk principal;
};

} // namespace

// The principal's sign-off (issue 14) against the real sandbox hub in-process: decisions made by an
// officer and accepted upstream are gathered into a batch, reviewed (seats, overrides seen one by one,
// flags), signed with Ed25519 or SM2-SM3 and pushed; the hub verifies it; the export verifies with the
// openssl command line. A changed signature is bad_signature; an item moved on upstream is a conflict,
// and the batch made again without it is accepted. Only a principal signs, with their own passphrase.
class TestSignOff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void signPushAndVerify_data();
    void signPushAndVerify();
    void movedOnItemIsConflictThenNewBatchWithoutIt();
    void corruptedSignatureIsBadSignature();
    void returnedItemStaysOut();
    void onlyAPrincipalSigns_data();
    void onlyAPrincipalSigns();
    void keyOpensOnlyWithItsOwnersPassphrase();

private:
    // Starts `hub`, then the school's desks; the reviewer's decisions go upstream and the principal pulls.
    static std::unique_ptr<School> openSchool(HubFixture& hub, const QList<DecisionRequest>& decisions);
};

std::unique_ptr<School> TestSignOff::openSchool(HubFixture& hub, const QList<DecisionRequest>& decisions)
{
    if (!hub.start())
        return nullptr;
    auto made = std::make_unique<School>(hub); // the hub's accounts are known once it started
    School& school = *made;
    if (!school.reviewer.start() || !school.principal.start())
        return nullptr;
    PassResult r = school.reviewer.sync();
    if (!r.ok()) {
        qWarning() << "reviewer's first pass:" << r.errorMessage;
        return nullptr;
    }
    for (const DecisionRequest& d : decisions) {
        auto item = school.reviewer.decide(d);
        if (!item) {
            qWarning() << "decision on" << d.applicationId << item.error().code << item.error().message;
            return nullptr;
        }
    }
    r = school.reviewer.sync();
    if (!r.ok() || school.reviewer.count(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'decision' AND "
                                                        "state = 'done'")) != decisions.size()) {
        qWarning() << "the decisions did not all go upstream:" << r.errorMessage;
        return nullptr;
    }
    r = school.principal.sync();
    if (!r.ok()) {
        qWarning() << "principal's pass:" << r.errorMessage;
        return nullptr;
    }
    return made;
}

void TestSignOff::signPushAndVerify_data()
{
    QTest::addColumn<SignatureAlgorithm>("algorithm");
    QTest::newRow("ed25519") << SignatureAlgorithm::Ed25519;
    QTest::newRow("sm2-sm3") << SignatureAlgorithm::Sm2Sm3;
}

void TestSignOff::signPushAndVerify()
{
    QFETCH(SignatureAlgorithm, algorithm);
    HubFixture hub;
    QVERIFY(hub.start());
    School school(hub);
    QVERIFY(school.reviewer.start());
    QVERIFY(school.principal.start());
    QVERIFY(school.reviewer.sync().ok());
    // What the check found, on which the overrides below depend.
    QCOMPARE(school.reviewer.checkedCategory(kP1), QStringLiteral("A"));
    QCOMPARE(school.reviewer.checkedCategory(kP2), QStringLiteral("B"));
    QCOMPARE(school.reviewer.checkedCategory(kP3), QStringLiteral("C"));
    QCOMPARE(school.reviewer.checkedCategory(kP4), QString());
    QCOMPARE(school.reviewer.checkedCategory(kP6), QStringLiteral("A"));
    for (const DecisionRequest& d :
         {approve(kP1), approve(kP2), approve(kP3),
          approve(kP4, QStringLiteral("A"), QStringLiteral("verified_on_paper"), QStringLiteral("原件已核")),
          reject(kP6, QStringLiteral("not_in_zone"))})
        QVERIFY_OK(school.reviewer.decide(d));
    QVERIFY(school.reviewer.sync().ok());
    QCOMPARE(school.reviewer.count(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'done'")), qint64(5));
    PassResult r = school.principal.sync();
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    SignOffDesk& principal = school.principal;

    // Waiting for a signature, grouped by outcome.
    QCOMPARE(candidateIds(principal, QStringLiteral("approve")), (QStringList{kP1, kP2, kP3, kP4}));
    QCOMPARE(candidateIds(principal, QStringLiteral("reject")), QStringList{kP6});

    auto key = generateKey(principal, algorithm);
    QVERIFY_OK(key);
    QVERIFY2(key->keyId.startsWith(principal.account + u'-'), qPrintable(key->keyId));
    QCOMPARE(key->fingerprint.size(), 79);
    QCOMPARE(key->algorithm, crypto::signatureAlgorithmName(algorithm));
    QCOMPARE(principal.audit(QStringLiteral("signing_key.generate")).size(), 1);

    auto batch = create(principal);
    QVERIFY_OK(batch);
    QCOMPARE(batch->state, batchstate::Draft);
    QCOMPARE(batch->items, 5);
    QCOMPARE(batch->overrides, 2);
    QCOMPARE(batch->unseen, 2);
    QVERIFY(candidateIds(principal, QStringLiteral("approve")).isEmpty()); // the draft holds them

    // What the principal sees before signing.
    auto seen = review(principal, batch->id);
    QVERIFY_OK(seen);
    QCOMPARE(ids(seen->items), (QStringList{kP1, kP2, kP3, kP4, kP6}));
    QCOMPARE(ids(seen->overrides()), (QStringList{kP4, kP6}));
    QCOMPARE(seen->overrides().at(0).overrideKind, overridekind::ApprovedNotEligible);
    QCOMPARE(seen->overrides().at(0).overrideReason, QStringLiteral("verified_on_paper: 原件已核"));
    QCOMPARE(seen->overrides().at(1).overrideKind, overridekind::RejectedEligible);
    QCOMPARE(seen->overrides().at(1).overrideReason, QStringLiteral("not_in_zone"));
    QCOMPARE(ids(seen->flaggedApprovals()), QStringList{kP2});
    QVERIFY(seen->related().isEmpty());
    QVERIFY(seen->stale().isEmpty());
    for (const BatchItem& i : seen->items)
        QCOMPARE(i.decidedBy, school.reviewer.account); // who decided it
    QCOMPARE(seen->seats.approved, qint64(4));
    QCOMPARE(seen->seats.categories.size(), 3);
    QCOMPARE(seen->seats.categories.at(0).inBatch, qint64(2)); // P1 and P4 in A
    QCOMPARE(seen->seats.categories.at(2).cumulative, qint64(4));
    QVERIFY(seen->seats.capacity > 0);
    QCOMPARE(seen->seats.over(), seen->seats.capacity < 4);

    // Overrides are seen one by one before signing; a wrong passphrase signs nothing.
    auto refused = sign(principal, batch->id);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QStringLiteral("overrides_not_seen"));
    QVERIFY(refused.error().message.contains(kP4) && refused.error().message.contains(kP6));
    QVERIFY_OK(signOff<Status>(principal, [id = batch->id](SignOff& s) { return s.markSeen(id, kP4); }));
    refused = sign(principal, batch->id);
    QCOMPARE(refused.error().code, QStringLiteral("overrides_not_seen"));
    QVERIFY(!refused.error().message.contains(kP4));
    auto notOverride = signOff<Status>(principal, [id = batch->id](SignOff& s) { return s.markSeen(id, kP1); });
    QCOMPARE(notOverride.error().code, QStringLiteral("not_override"));
    QVERIFY_OK(signOff<Status>(principal, [id = batch->id](SignOff& s) { return s.markSeen(id, kP6); }));
    refused = sign(principal, batch->id, kOtherPassphrase);
    QCOMPARE(refused.error().code, QStringLiteral("wrong_passphrase"));
    QCOMPARE(principal.count(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'batch'")), qint64(0));
    QVERIFY(principal.audit(QStringLiteral("batch.sign")).isEmpty());

    auto signedBatch = sign(principal, batch->id);
    QVERIFY_OK(signedBatch);
    QCOMPARE(signedBatch->state, batchstate::Signed);
    QCOMPARE(signedBatch->keyId, key->keyId);
    QCOMPARE(signedBatch->fingerprint, key->fingerprint);
    QCOMPARE(principal.audit(QStringLiteral("batch.sign")).size(), 1);
    QCOMPARE(principal.count(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'batch' AND state = 'pending'")),
             qint64(1));
    // Signed once: it is no longer a draft.
    QCOMPARE(sign(principal, batch->id).error().code, QStringLiteral("not_draft"));

    // Pushed: the key first, then the batch; the hub verifies and applies it.
    r = principal.sync();
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    auto after = find(principal, batch->id);
    QVERIFY(after);
    QCOMPARE(after->state, batchstate::Accepted);
    auto c = principal.reader();
    QVERIFY(c);
    auto keys = SigningKeys::list(*c, SyncFixture::kUser);
    QVERIFY_OK(keys);
    QCOMPARE(keys->size(), 1);
    QVERIFY(keys->first().registered);
    QCOMPARE(hubCount(hub, QStringLiteral("SELECT count(*) FROM signing_keys WHERE key_id = '%1'").arg(key->keyId)),
             qint64(1));
    QCOMPARE(hubCount(hub, QStringLiteral("SELECT count(*) FROM batches WHERE id = '%1'").arg(batch->id)), qint64(1));
    // The pull brought the signed decisions back: nothing waits any more.
    const QJsonObject decision = cachedApplication(principal, kP1).value(QStringLiteral("decision")).toObject();
    QVERIFY(decision.value(QStringLiteral("signed")).toBool());
    QCOMPARE(decision.value(QStringLiteral("batch_id")).toString(), batch->id);
    QVERIFY(candidateIds(principal, QStringLiteral("approve")).isEmpty());
    QVERIFY(candidateIds(principal, QStringLiteral("reject")).isEmpty());
    // Sent once: another pass sends nothing again.
    QVERIFY(principal.sync().ok());
    QCOMPARE(hubCount(hub, QStringLiteral("SELECT count(*) FROM batches")), qint64(1));
    QCOMPARE(principal.count(QStringLiteral("SELECT attempts FROM outbox WHERE kind = 'batch'")), qint64(1));

    // The export: the exact signed bytes, which the openssl command line verifies.
    QTemporaryDir out;
    const QString dir = out.filePath(QStringLiteral("batch"));
    QVERIFY_OK(signOff<Status>(principal, [id = batch->id, dir](SignOff& s) { return s.exportBatch(id, dir); }));
    QFile json(dir + QStringLiteral("/batch.json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QByteArray bytes = json.readAll();
    json.close();
    auto stored = SignOffReads::signedBytes(*c, batch->id);
    QVERIFY_OK(stored);
    QCOMPARE(bytes, stored->canonical);
    const QJsonObject object = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(object.value(QStringLiteral("signer")).toString(), principal.account);
    QCOMPARE(object.value(QStringLiteral("items")).toArray().size(), 5);
    QVERIFY(bytes.contains("\"title\":\"第一轮录取\""));
    QString output;
    QVERIFY2(signofftest::opensslVerifies(dir, algorithm, &output), qPrintable(output));
    // One byte changed: openssl says no.
    QByteArray changed = bytes;
    changed[changed.indexOf("\"version\":") + 10] = changed.at(changed.indexOf("\"version\":") + 10) == '9' ? '8' : '9';
    QVERIFY(json.open(QIODevice::WriteOnly | QIODevice::Truncate));
    json.write(changed);
    json.close();
    QVERIFY2(!signofftest::opensslVerifies(dir, algorithm, &output), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("Signature Verification Failure")), qPrintable(output));
    QCOMPARE(principal.audit(QStringLiteral("batch.export")).size(), 1);
}

void TestSignOff::movedOnItemIsConflictThenNewBatchWithoutIt()
{
    HubFixture hub;
    auto opened = openSchool(hub, {approve(kP1), approve(kP3)});
    QVERIFY(opened);
    School& school = *opened;
    SignOffDesk& principal = school.principal;
    QVERIFY_OK(generateKey(principal, SignatureAlgorithm::Ed25519));
    auto batch = create(principal);
    QVERIFY_OK(batch);
    QCOMPARE(batch->items, 2);
    QCOMPARE(batch->overrides, 0);
    QVERIFY_OK(sign(principal, batch->id));

    // Between signing and pushing, the officer decides P1 again upstream: it moves on.
    QCOMPARE(
        decideUpstream(hub, school.reviewer.account, kP1, QStringLiteral("B"), QStringLiteral("category_override")),
        QStringLiteral("accepted"));

    PassResult r = principal.sync();
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    auto refused = find(principal, batch->id);
    QVERIFY(refused);
    QCOMPARE(refused->state, batchstate::Conflict);
    QCOMPARE(refused->resultCode, QStringLiteral("version_mismatch"));
    QCOMPARE(refused->resultId, kP1);
    QVERIFY2(refused->resultMessage.contains(kP1), qPrintable(refused->resultMessage));
    QVERIFY(!refused->advice.isEmpty());
    QCOMPARE(hubCount(hub, QStringLiteral("SELECT count(*) FROM batches")), qint64(0)); // nothing of it applied
    // The pull brought P1's new decision: it waits for a signature again, P3 is still held by the batch.
    QCOMPARE(candidateIds(principal, QStringLiteral("approve")), QStringList{kP1});

    QStringList dropped;
    auto renewed = signOff<Result<BatchSummary>>(
        principal, [id = batch->id, &dropped](SignOff& s) { return s.newBatchWithout(id, &dropped); });
    QVERIFY_OK(renewed);
    QCOMPARE(dropped, QStringList{kP1});
    QCOMPARE(renewed->state, batchstate::Draft);
    QCOMPARE(renewed->items, 1);
    QCOMPARE(renewed->title, batch->title);
    auto old = find(principal, batch->id);
    QCOMPARE(old->replacedBy, renewed->id);
    QCOMPARE(old->state, batchstate::Conflict);
    QCOMPARE(principal.count(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'batch' AND state IN "
                                            "('pending', 'conflict', 'invalid')")),
             qint64(0)); // the refused item left the conflicts
    QCOMPARE(principal.audit(QStringLiteral("batch.renew")).size(), 1);
    QCOMPARE(signOff<Result<BatchSummary>>(principal, [id = batch->id](SignOff& s) { return s.newBatchWithout(id); })
                 .error()
                 .code,
             QStringLiteral("already_replaced"));

    auto seen = review(principal, renewed->id);
    QVERIFY_OK(seen);
    QCOMPARE(ids(seen->items), QStringList{kP3});
    QVERIFY_OK(sign(principal, renewed->id));
    r = principal.sync();
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QCOMPARE(find(principal, renewed->id)->state, batchstate::Accepted);
    QCOMPARE(hubCount(hub, QStringLiteral("SELECT count(*) FROM batches WHERE id = '%1'").arg(renewed->id)), qint64(1));
    QVERIFY(cachedApplication(principal, kP3)
                .value(QStringLiteral("decision"))
                .toObject()
                .value(QStringLiteral("signed"))
                .toBool());
}

void TestSignOff::corruptedSignatureIsBadSignature()
{
    HubFixture hub;
    auto opened = openSchool(hub, {approve(kP6)});
    QVERIFY(opened);
    SignOffDesk& principal = opened->principal;
    QVERIFY_OK(generateKey(principal, SignatureAlgorithm::Sm2Sm3));
    auto batch = create(principal);
    QVERIFY_OK(batch);
    auto signedBatch = sign(principal, batch->id);
    QVERIFY_OK(signedBatch);

    // The signature changed in the outbox before it is sent.
    QVERIFY(principal.run<bool>([outboxId = signedBatch->outboxId](store::Workspace& w) {
        store::Connection& db = w.database().writer();
        auto item = Outbox(db).item(outboxId);
        if (!item || !*item)
            return false;
        QJsonObject payload = (*item)->payload;
        QByteArray signature = QByteArray::fromBase64(payload.value(QStringLiteral("signature")).toString().toLatin1());
        signature[signature.size() / 2] = char(signature.at(signature.size() / 2) ^ 0x01);
        payload.insert(QStringLiteral("signature"), QString::fromLatin1(signature.toBase64()));
        auto q = db.prepare(QStringLiteral("UPDATE outbox SET payload = ? WHERE id = ?"));
        return q && q->bindUtf8(1, QJsonDocument(payload).toJson(QJsonDocument::Compact)).bind(2, outboxId).run().ok();
    }));
    PassResult r = principal.sync();
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    auto refused = find(principal, batch->id);
    QVERIFY(refused);
    QCOMPARE(refused->state, batchstate::Invalid);
    QCOMPARE(refused->resultCode, QStringLiteral("bad_signature"));
    QVERIFY2(refused->advice.contains(QStringLiteral("signing key")), qPrintable(refused->advice));
    QCOMPARE(hubCount(hub, QStringLiteral("SELECT count(*) FROM batches")), qint64(0));
    // The key itself was registered: the batch is made again and signed anew.
    auto c = principal.reader();
    QVERIFY(c);
    QVERIFY(SigningKeys::list(*c, SyncFixture::kUser)->first().registered);
    auto renewed =
        signOff<Result<BatchSummary>>(principal, [id = batch->id](SignOff& s) { return s.newBatchWithout(id); });
    QVERIFY_OK(renewed);
    QCOMPARE(renewed->items, 1);
    QVERIFY_OK(sign(principal, renewed->id));
    r = principal.sync();
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QCOMPARE(find(principal, renewed->id)->state, batchstate::Accepted);
    QCOMPARE(hubCount(hub, QStringLiteral("SELECT count(*) FROM batches")), qint64(1));
}

void TestSignOff::returnedItemStaysOut()
{
    HubFixture hub;
    auto opened = openSchool(hub, {approve(kP1), approve(kP3)});
    QVERIFY(opened);
    School& school = *opened;
    SignOffDesk& principal = school.principal;
    QVERIFY_OK(generateKey(principal, SignatureAlgorithm::Ed25519));
    auto batch = create(principal);
    QVERIFY_OK(batch);
    const QString note = QStringLiteral("请核实租赁合同");
    QCOMPARE(signOff<Status>(principal, [id = batch->id](SignOff& s) { return s.returnItem(id, kP3, QString()); })
                 .error()
                 .code,
             QStringLiteral("bad_input"));
    QVERIFY_OK(signOff<Status>(principal, [id = batch->id, note](SignOff& s) { return s.returnItem(id, kP3, note); }));
    auto seen = review(principal, batch->id);
    QVERIFY_OK(seen);
    QCOMPARE(ids(seen->items), QStringList{kP1});
    QCOMPARE(ids(seen->returned), QStringList{kP3});
    QCOMPARE(seen->returned.first().returnedNote, note);
    QCOMPARE(seen->batch.returned, 1);
    // The officer's bin reads it; it is not a candidate until the application changes.
    auto c = principal.reader();
    QVERIFY(c);
    auto returned = SignOffReads::returnedItems(*c, SignOffDesk::kSchool);
    QVERIFY_OK(returned);
    QCOMPARE(ids(*returned), QStringList{kP3});
    QVERIFY(candidateIds(principal, QStringLiteral("approve")).isEmpty());
    const QStringList audit = principal.audit(QStringLiteral("batch.return"));
    QCOMPARE(audit.size(), 1);
    QVERIFY(audit.first().contains(kP3) && !audit.first().contains(note));
    // The reviewers' overlay bin "Returned by the principal" holds it, and the detail pane its note.
    auto returnedRows = [&principal] {
        return principal.count(QStringLiteral("SELECT count(*) FROM queue_rows WHERE returned != 0"));
    };
    QCOMPARE(returnedRows(), qint64(1));
    QCOMPARE(principal.count(QStringLiteral("SELECT returned FROM queue_rows WHERE application_id = '%1'").arg(kP3)),
             qint64(1));
    auto one = SignOffReads::returnedItem(*c, kP3);
    QVERIFY_OK(one);
    QVERIFY(one->has_value());
    QCOMPARE((*one)->returnedNote, note);
    QVERIFY(!SignOffReads::returnedItem(*c, kP1)->has_value());

    QVERIFY_OK(sign(principal, batch->id));
    QVERIFY(principal.sync().ok());
    QCOMPARE(find(principal, batch->id)->state, batchstate::Accepted);
    // The pass stored the answer in the batch's own row too.
    QCOMPARE(principal.count(
                 QStringLiteral("SELECT count(*) FROM batches WHERE id = '%1' AND state = 'accepted'").arg(batch->id)),
             qint64(1));
    auto signedBytes = SignOffReads::signedBytes(*c, batch->id);
    QVERIFY_OK(signedBytes);
    const QJsonArray items =
        QJsonDocument::fromJson(signedBytes->canonical).object().value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().toObject().value(QStringLiteral("application_id")).toString(), kP1);
    QCOMPARE(returnedRows(), qint64(1)); // signing the rest does not clear it

    // The officer decides P3 again (here straight upstream): once the new version is pulled the item is
    // no longer waiting for them, and the decision is a candidate of the next batch.
    QCOMPARE(decideUpstream(hub, school.reviewer.account, kP3, QStringLiteral("C")), QStringLiteral("accepted"));
    PassResult r = principal.sync();
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QCOMPARE(returnedRows(), qint64(0));
    QVERIFY(!SignOffReads::returnedItem(*c, kP3)->has_value());
    QVERIFY_OK(SignOffReads::returnedItems(*c, SignOffDesk::kSchool));
    QVERIFY(SignOffReads::returnedItems(*c, SignOffDesk::kSchool)->isEmpty());
    QCOMPARE(candidateIds(principal, QStringLiteral("approve")), QStringList{kP3});
}

void TestSignOff::onlyAPrincipalSigns_data()
{
    QTest::addColumn<QString>("role");
    QTest::newRow("reviewer") << QStringLiteral("reviewer");
    QTest::newRow("clerk") << QStringLiteral("clerk");
    QTest::newRow("supervisor") << QStringLiteral("supervisor");
}

void TestSignOff::onlyAPrincipalSigns()
{
    QFETCH(QString, role);
    QTemporaryDir dir;
    auto ws = store::Workspace::initialise(dir.filePath(QStringLiteral("ws")), SyncFixture::kUser, role,
                                           SyncFixture::kPassphrase);
    QVERIFY_OK(ws);
    store::Workspace& w = **ws;
    store::Connection& db = w.database().writer();
    const QString account = QStringLiteral("someone.%1").arg(role);
    QVERIFY_OK(SyncState(db).setAccountFor(w.user(), account));
    const security::SecretBytes passphrase(SyncFixture::kPassphrase);

    SigningKeys keys(db, w.audit(), w.user(), w.role(), account);
    auto key = keys.generate(SignatureAlgorithm::Ed25519, passphrase, w.keys());
    QVERIFY(!key);
    QCOMPARE(key.error().code, QStringLiteral("role_not_allowed"));
    SignOff signOff(db, w.audit(), w.user(), w.role(), account);
    BatchSelection selection;
    selection.title = QStringLiteral("x");
    selection.schoolId = SignOffDesk::kSchool;
    QCOMPARE(signOff.createBatch(selection).error().code, QStringLiteral("role_not_allowed"));
    const auto refused = signOff.sign(QStringLiteral("any"), passphrase);
    QCOMPARE(refused.error().code, QStringLiteral("role_not_allowed"));
    QVERIFY2(refused.error().message.contains(QStringLiteral("principal")), qPrintable(refused.error().message));
    QCOMPARE(signOff.markSeen(QStringLiteral("any"), kP1).error().code, QStringLiteral("role_not_allowed"));
    QCOMPARE(signOff.markAllSeen(QStringLiteral("any")).error().code, QStringLiteral("role_not_allowed"));
    QCOMPARE(signOff.returnItem(QStringLiteral("any"), kP1, QStringLiteral("n")).error().code,
             QStringLiteral("role_not_allowed"));
    QCOMPARE(signOff.newBatchWithout(QStringLiteral("any")).error().code, QStringLiteral("role_not_allowed"));
    QCOMPARE(signOff.discard(QStringLiteral("any")).error().code, QStringLiteral("role_not_allowed"));
    // Nothing was written.
    for (const char* table : {"signing_keys", "batches", "batch_items", "outbox"})
        QCOMPARE(syncquery::count(db, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))), qint64(0));
}

void TestSignOff::keyOpensOnlyWithItsOwnersPassphrase()
{
    QTemporaryDir dir;
    auto ws = store::Workspace::initialise(dir.filePath(QStringLiteral("ws")), SyncFixture::kUser,
                                           QStringLiteral("principal"), SyncFixture::kPassphrase);
    QVERIFY_OK(ws);
    store::Workspace& w = **ws;
    store::Connection& db = w.database().writer();
    const QString account = QStringLiteral("principal.s371102001");
    QVERIFY_OK(SyncState(db).setAccountFor(w.user(), account));
    // A deputy on the same workstation, with a passphrase of their own.
    const QString deputy = QStringLiteral("deputy");
    QVERIFY_OK(w.addUser(deputy, QStringLiteral("principal"), security::SecretBytes(kOtherPassphrase), false));

    SigningKeys keys(db, w.audit(), w.user(), w.role(), account);
    // A key is wrapped with its owner's passphrase only: another one makes nothing.
    auto wrong = keys.generate(SignatureAlgorithm::Ed25519, security::SecretBytes(kOtherPassphrase), w.keys());
    QCOMPARE(wrong.error().code, QStringLiteral("wrong_passphrase"));
    QCOMPARE(syncquery::count(db, QStringLiteral("SELECT count(*) FROM signing_keys")), qint64(0));
    auto key = keys.generate(SignatureAlgorithm::Ed25519, security::SecretBytes(SyncFixture::kPassphrase), w.keys());
    QVERIFY_OK(key);
    QCOMPARE(syncquery::count(db, QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'signing_key' AND "
                                                 "subject_id = '%1'")
                                      .arg(key->keyId)),
             qint64(1));
    // The stored blob holds no readable private key.
    auto blob = db.prepare(QStringLiteral("SELECT wrapped_private_key FROM signing_keys"));
    QVERIFY(blob && blob->step());
    QVERIFY(!blob->blob(0).contains("PRIVATE KEY"));

    auto opened = SigningKeys::unlockPrivateKey(db, w.user(), security::SecretBytes(SyncFixture::kPassphrase));
    QVERIFY_OK(opened);
    const QByteArray message("批次");
    auto signature = crypto::signMessage(*opened, SignatureAlgorithm::Ed25519, message);
    QVERIFY_OK(signature);
    QVERIFY_OK(crypto::verifySignature(key->publicKeyPem, SignatureAlgorithm::Ed25519, message, *signature));
    auto other = SigningKeys::unlockPrivateKey(db, w.user(), security::SecretBytes(kOtherPassphrase));
    QCOMPARE(other.error().code, QStringLiteral("wrong_passphrase"));
    // The deputy cannot use it with their own passphrase either.
    auto deputys = SigningKeys::unlockPrivateKey(db, deputy, security::SecretBytes(kOtherPassphrase), key->keyId);
    QCOMPARE(deputys.error().code, QStringLiteral("wrong_passphrase"));
    auto none = SigningKeys::unlockPrivateKey(db, deputy, security::SecretBytes(kOtherPassphrase));
    QCOMPARE(none.error().code, QStringLiteral("no_signing_key"));
    // No account known: no key can be registered, so none is made.
    SigningKeys withoutAccount(db, w.audit(), w.user(), w.role(), QString());
    QCOMPARE(
        withoutAccount.generate(SignatureAlgorithm::Ed25519, security::SecretBytes(SyncFixture::kPassphrase), w.keys())
            .error()
            .code,
        code::NoAccount);
}

QTEST_GUILESS_MAIN(TestSignOff)
#include "tst_signoff.moc"
