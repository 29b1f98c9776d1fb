#include "HubFixture.h"
#include "domain/CanonicalJson.h"
#include "domain/IdNumber.h"
#include "security/Signatures.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QTest>

using adm::crypto::SignatureAlgorithm;

// Every field of every push endpoint has a type, a presence rule and a limit (docs/hub.md "Input
// limits"). For each field: missing, of the wrong type, null, empty and too long, each either
// refused as `invalid` (code invalid_field, the message naming the field) or taken, plus a valid
// control per endpoint. The table below is written from the documentation, not from the hub's
// own rule table, so that the two are checked against each other.
class TestHubInputs : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void fieldRules_data();
    void fieldRules();
    void guardiansNullIsRefusedNotStoredEmpty();

private:
    struct Outcome {
        int http = 0;
        QString status; // accepted, duplicate, conflict, invalid (422 for the endpoints without a list)
        QString code;
        QString message;
    };
    QJsonObject validItem(const QString& endpoint);
    Outcome send(const QString& endpoint, const QJsonObject& item);
    QJsonObject decision(const QString& id, qint64 version, const QString& by);
    QJsonObject counterApplication();
    qint64 decideForBatch();

    HubFixture m_hub;
    QString m_reviewerId, m_reviewer;
    QString m_clerkId, m_clerk;
    QString m_principalId, m_principal;
    QString m_audit;
    QString m_decisionApp;
    qint64 m_decisionVersion = 0;
    QString m_batchApp;
    qint64 m_batchVersion = 0;
    qint64 m_auditSeq = 0;
    QString m_auditHash;
    int m_children = 0;
    int m_keys = 0;
    adm::crypto::SigningKey m_ed;
};

namespace {

enum Presence { Req = 1, Null = 2, Empty = 4 };

// One row of docs/hub.md "Input limits": s text, c choice, w whole number, t time, d date, o object,
// l list of objects, L list of texts.
struct Field {
    const char* path;
    char type;
    int flags;
    qint64 min;
    qint64 max; // characters, entries, or the largest number
};

struct Endpoint {
    const char* name;
    const char* prefix; // how a message names the item
    QList<Field> fields;
};

const QList<Endpoint>& endpoints()
{
    static const QList<Endpoint> all = {
        {"decisions",
         "decisions[0].",
         {{"application_id", 's', Req, 0, 64},
          {"base_version", 'w', Req, 0, 1000000000},
          {"outcome", 'c', Req, 0, 0},
          {"category", 'c', Null, 0, 0},
          {"reason_code", 's', Null, 0, 64},
          {"note", 's', Null | Empty, 0, 4000},
          {"decided_by", 's', Null, 0, 128},
          {"decided_at", 't', Null, 0, 0},
          {"policy_id", 's', Null, 0, 128},
          {"evidence_record_ids", 'L', Empty, 0, 1000},
          {"due_date", 'd', Null, 0, 0},
          {"evidence_record_ids[0]", 's', Req, 0, 128}}},
        {"applications",
         "applications[0].",
         {{"client_ref", 's', Null, 0, 64},
          {"admission_year", 'w', Req, 2000, 2100},
          {"grade", 'c', Req, 0, 0},
          {"channel", 'c', Req, 0, 0},
          {"submitted_at", 't', Null, 0, 0},
          {"child", 'o', Req, 0, 0},
          {"child.name", 's', Req, 0, 64},
          {"child.id_number", 's', Req, 0, 32},
          {"guardians", 'l', Req, 0, 10},
          {"guardians[0].name", 's', Req, 0, 64},
          {"guardians[0].id_number", 's', Req, 0, 32},
          {"guardians[0].relation", 'c', Req, 0, 0},
          {"guardians[0].phone", 's', Null | Empty, 0, 32},
          {"target_school_id", 's', Req, 0, 64},
          {"claimed_category", 'c', Null, 0, 0},
          {"claimed_address", 's', Req, 0, 500},
          {"paper_evidence", 'l', Empty, 0, 100},
          {"paper_evidence[0].kind", 's', Req, 0, 64},
          {"paper_evidence[0].checked_by", 's', Null | Empty, 0, 128},
          {"paper_evidence[0].note", 's', Null | Empty, 0, 1000}}},
        {"batches",
         "batches[0].",
         {{"batch", 'o', Req, 0, 0},
          {"batch.id", 's', Req, 0, 128},
          {"batch.school_id", 's', Req, 0, 64},
          {"batch.title", 's', Null | Empty, 0, 200},
          {"batch.created_at", 't', Null, 0, 0},
          {"batch.signer", 's', Req, 0, 128},
          {"batch.key_id", 's', Req, 0, 128},
          {"batch.algorithm", 'c', Req, 0, 0},
          {"batch.items", 'l', Req, 0, 5000},
          {"batch.items[0].application_id", 's', Req, 0, 64},
          {"batch.items[0].version", 'w', Req, 1, 1000000000},
          {"batch.items[0].outcome", 'c', Req, 0, 0},
          {"batch.items[0].category", 'c', Null, 0, 0},
          {"signature", 's', Req, 0, 1024}}},
        {"entries",
         "entries[0].",
         {{"seq", 'w', Req, 1, 1000000000000000},
          {"at", 't', Req, 0, 0},
          {"actor", 's', 0, 0, 128},
          {"local_actor", 's', Null | Empty, 0, 128},
          {"action", 's', Req, 0, 64},
          {"subject", 's', Null | Empty, 0, 1024},
          {"prev_hash", 's', Null | Empty, 0, 256},
          {"hash", 's', Req, 0, 256}}},
        {"signing-keys",
         "signing_key.",
         {{"account", 's', Req, 0, 128}, {"algorithm", 'c', Req, 0, 0}, {"public_key_pem", 's', Req, 0, 8192}}},
        {"sessions",
         "session.",
         {{"account", 's', Req, 0, 128},
          {"password", 's', Req, 0, 1024},
          {"workstation", 'o', Req, 0, 0},
          {"workstation.id", 's', Req, 0, 128},
          {"workstation.name", 's', Null | Empty, 0, 200}}},
    };
    return all;
}

// "guardians[0].name" as steps: a key, or an index into a list.
QList<QVariant> stepsOf(const QString& path)
{
    static const QRegularExpression step(QStringLiteral(R"(([^.\[\]]+)|\[(\d+)\])"));
    QList<QVariant> steps;
    for (auto it = step.globalMatch(path); it.hasNext();) {
        const auto m = it.next();
        if (m.hasCaptured(2))
            steps.append(m.captured(2).toInt());
        else
            steps.append(m.captured(1));
    }
    return steps;
}

// The node at `steps` set to `value`, or removed when `value` is undefined.
QJsonValue edited(const QJsonValue& node, const QList<QVariant>& steps, int i, const QJsonValue& value)
{
    const bool last = i == steps.size() - 1;
    if (steps.at(i).typeId() == QMetaType::Int) {
        QJsonArray a = node.toArray();
        const int index = steps.at(i).toInt();
        if (last && value.isUndefined())
            a.removeAt(index);
        else
            a.replace(index, last ? value : edited(a.at(index), steps, i + 1, value));
        return a;
    }
    QJsonObject o = node.toObject();
    const QString key = steps.at(i).toString();
    if (last && value.isUndefined())
        o.remove(key);
    else
        o.insert(key, last ? value : edited(o.value(key), steps, i + 1, value));
    return o;
}

QJsonValue valueAt(const QJsonValue& node, const QList<QVariant>& steps)
{
    QJsonValue v = node;
    for (const QVariant& s : steps)
        v = s.typeId() == QMetaType::Int ? v.toArray().at(s.toInt()) : v.toObject().value(s.toString());
    return v;
}

QString validId(const QString& first17)
{
    return first17 + adm::IdNumber::checkCharacter(first17);
}

} // namespace

void TestHubInputs::initTestCase()
{
    QVERIFY(m_hub.start());
    m_reviewerId = m_hub.accountWithRole(QStringLiteral("reviewer"), QStringLiteral("S371102001"));
    m_clerkId = m_hub.accountWithRole(QStringLiteral("clerk"), QStringLiteral("S371102001"));
    m_principalId = m_hub.accountWithRole(QStringLiteral("principal"), QStringLiteral("S371102001"));
    m_reviewer = m_hub.login(m_reviewerId);
    m_clerk = m_hub.login(m_clerkId);
    m_principal = m_hub.login(m_principalId);
    m_audit = m_hub.login(m_reviewerId, QStringLiteral("ws-inputs"));
    QVERIFY(!m_reviewer.isEmpty() && !m_clerk.isEmpty() && !m_principal.isEmpty() && !m_audit.isEmpty());
    QStringList open;
    for (const QJsonObject& c : m_hub.pullAll(m_reviewer)) {
        const QJsonObject d = c.value(QStringLiteral("data")).toObject();
        if (c.value(QStringLiteral("entity")).toString() == QLatin1String("application") &&
            d.value(QStringLiteral("status")).toString() == QLatin1String("submitted"))
            open.append(c.value(QStringLiteral("id")).toString());
        if (open.size() == 2) {
            m_decisionApp = open.at(0);
            m_batchApp = open.at(1);
        }
    }
    QVERIFY(!m_batchApp.isEmpty());
    for (const QJsonObject& c : m_hub.pullAll(m_reviewer)) {
        if (c.value(QStringLiteral("id")).toString() == m_decisionApp)
            m_decisionVersion = c.value(QStringLiteral("version")).toInteger();
        if (c.value(QStringLiteral("id")).toString() == m_batchApp)
            m_batchVersion = c.value(QStringLiteral("version")).toInteger();
    }
    m_ed = adm::crypto::generateSigningKey(SignatureAlgorithm::Ed25519).value();
    const auto key = m_hub.send(
        "PUT", QStringLiteral("/api/v1/signing-keys/k-inputs"),
        QJsonDocument(QJsonObject{{QStringLiteral("account"), m_principalId},
                                  {QStringLiteral("algorithm"), QStringLiteral("ed25519")},
                                  {QStringLiteral("public_key_pem"), QString::fromLatin1(m_ed.publicKeyPem)}})
            .toJson(),
        m_principal);
    QCOMPARE(key.status, 200);
}

QJsonObject TestHubInputs::decision(const QString& id, qint64 version, const QString& by)
{
    return QJsonObject{{QStringLiteral("idempotency_key"), newKey()},
                       {QStringLiteral("application_id"), id},
                       {QStringLiteral("base_version"), version},
                       {QStringLiteral("outcome"), QStringLiteral("approve")},
                       {QStringLiteral("category"), QStringLiteral("A")},
                       {QStringLiteral("reason_code"), QStringLiteral("in_zone")},
                       {QStringLiteral("note"), QStringLiteral("checked")},
                       {QStringLiteral("decided_by"), by},
                       {QStringLiteral("decided_at"), QStringLiteral("2026-06-01T08:30:00Z")},
                       {QStringLiteral("policy_id"), QStringLiteral("P-371102-2026-primary1")},
                       {QStringLiteral("evidence_record_ids"), QJsonArray{QStringLiteral("R-P-0001")}}};
}

QJsonObject TestHubInputs::counterApplication()
{
    // A new child each time: the same child twice is a duplicate_child conflict.
    const QString child = validId(QStringLiteral("37110220191201%1").arg(100 + ++m_children));
    return QJsonObject{
        {QStringLiteral("idempotency_key"), newKey()},
        {QStringLiteral("client_ref"), QStringLiteral("C9-%1").arg(m_children)},
        {QStringLiteral("admission_year"), 2026},
        {QStringLiteral("grade"), QStringLiteral("primary1")},
        {QStringLiteral("channel"), QStringLiteral("counter")},
        {QStringLiteral("submitted_at"), QStringLiteral("2026-06-03T01:20:00Z")},
        {QStringLiteral("child"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("张小雨")}, {QStringLiteral("id_number"), child}}},
        {QStringLiteral("guardians"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("张伟")},
                                {QStringLiteral("id_number"), validId(QStringLiteral("37110219850101101"))},
                                {QStringLiteral("relation"), QStringLiteral("father")},
                                {QStringLiteral("phone"), QStringLiteral("13900000000")}}}},
        {QStringLiteral("target_school_id"), QStringLiteral("S371102001")},
        {QStringLiteral("claimed_category"), QStringLiteral("B")},
        {QStringLiteral("claimed_address"), QStringLiteral("东港区海曲东路120号")},
        {QStringLiteral("paper_evidence"),
         QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("hukou_book")},
                                {QStringLiteral("checked_by"), QStringLiteral("clerk")},
                                {QStringLiteral("note"), QStringLiteral("original seen")}}}}};
}

qint64 TestHubInputs::decideForBatch()
{
    // The principal decides the batch's application again, so that a signed batch can name it.
    const auto r = m_hub.post(
        QStringLiteral("/api/v1/decisions"),
        QJsonObject{{QStringLiteral("decisions"), QJsonArray{decision(m_batchApp, m_batchVersion, m_principalId)}}},
        m_principal);
    if (r.result().contains(QStringLiteral("version")))
        m_batchVersion = r.result().value(QStringLiteral("version")).toInteger();
    return m_batchVersion;
}

QJsonObject TestHubInputs::validItem(const QString& endpoint)
{
    if (endpoint == QLatin1String("decisions"))
        return decision(m_decisionApp, m_decisionVersion, m_reviewerId);
    if (endpoint == QLatin1String("applications"))
        return counterApplication();
    if (endpoint == QLatin1String("batches")) {
        const qint64 version = decideForBatch();
        const QJsonObject batch{
            {QStringLiteral("id"), newKey()},
            {QStringLiteral("school_id"), QStringLiteral("S371102001")},
            {QStringLiteral("title"), QStringLiteral("第一轮录取")},
            {QStringLiteral("created_at"), QStringLiteral("2026-06-10T02:00:00Z")},
            {QStringLiteral("signer"), m_principalId},
            {QStringLiteral("key_id"), QStringLiteral("k-inputs")},
            {QStringLiteral("algorithm"), QStringLiteral("ed25519")},
            {QStringLiteral("items"), QJsonArray{QJsonObject{{QStringLiteral("application_id"), m_batchApp},
                                                             {QStringLiteral("version"), version},
                                                             {QStringLiteral("outcome"), QStringLiteral("approve")},
                                                             {QStringLiteral("category"), QStringLiteral("A")}}}}};
        return QJsonObject{{QStringLiteral("idempotency_key"), newKey()},
                           {QStringLiteral("batch"), batch},
                           {QStringLiteral("signature"), QStringLiteral("AA==")}}; // signed in send()
    }
    if (endpoint == QLatin1String("entries")) {
        const qint64 seq = m_auditSeq + 1;
        const QString hash = QString::fromLatin1(
            QCryptographicHash::hash((m_auditHash + QString::number(seq)).toUtf8(), QCryptographicHash::Sha256)
                .toHex());
        return QJsonObject{{QStringLiteral("idempotency_key"), newKey()},
                           {QStringLiteral("seq"), seq},
                           {QStringLiteral("at"), QStringLiteral("2026-06-01T08:30:00Z")},
                           {QStringLiteral("actor"), m_reviewerId},
                           {QStringLiteral("local_actor"), QStringLiteral("admin")},
                           {QStringLiteral("action"), QStringLiteral("decision.make")},
                           {QStringLiteral("subject"), QStringLiteral("application=A2026000123")},
                           {QStringLiteral("prev_hash"), m_auditHash},
                           {QStringLiteral("hash"), hash}};
    }
    if (endpoint == QLatin1String("signing-keys"))
        return QJsonObject{{QStringLiteral("account"), m_principalId},
                           {QStringLiteral("algorithm"), QStringLiteral("ed25519")},
                           {QStringLiteral("public_key_pem"), QString::fromLatin1(m_ed.publicKeyPem)}};
    return QJsonObject{
        {QStringLiteral("account"), m_clerkId},
        {QStringLiteral("password"), m_hub.password(m_clerkId)},
        {QStringLiteral("workstation"), QJsonObject{{QStringLiteral("id"), QStringLiteral("ws-inputs-2")},
                                                    {QStringLiteral("name"), QStringLiteral("Counter 9")}}}};
}

TestHubInputs::Outcome TestHubInputs::send(const QString& endpoint, const QJsonObject& given)
{
    Outcome out;
    QJsonObject item = given;
    if (endpoint == QLatin1String("batches") && item.value(QStringLiteral("batch")).isObject()) {
        // Signed as it is after the change, so that only the field rules can refuse it.
        const auto signature =
            adm::crypto::signMessage(m_ed.privateKeyPem, SignatureAlgorithm::Ed25519,
                                     adm::json::canonical(item.value(QStringLiteral("batch")).toObject()));
        if (item.value(QStringLiteral("signature")).toString() == QLatin1String("AA=="))
            item.insert(QStringLiteral("signature"), QString::fromLatin1(signature->toBase64()));
    }
    if (endpoint == QLatin1String("signing-keys") || endpoint == QLatin1String("sessions")) {
        const QString path = endpoint == QLatin1String("sessions")
                                 ? QStringLiteral("/api/v1/sessions")
                                 : QStringLiteral("/api/v1/signing-keys/k-in-%1").arg(++m_keys);
        const auto r =
            m_hub.send(endpoint == QLatin1String("sessions") ? "POST" : "PUT", path, QJsonDocument(item).toJson(),
                       endpoint == QLatin1String("sessions") ? QString() : m_principal);
        out.http = r.status;
        out.status = r.status == 200 ? QStringLiteral("accepted") : QStringLiteral("invalid");
        out.code = r.errorCode();
        out.message = r.errorMessage();
        return out;
    }
    const QString token = endpoint == QLatin1String("decisions")      ? m_reviewer
                          : endpoint == QLatin1String("applications") ? m_clerk
                          : endpoint == QLatin1String("batches")      ? m_principal
                                                                      : m_audit;
    const QString path = endpoint == QLatin1String("entries") ? QStringLiteral("audit") : endpoint;
    const auto r = m_hub.post(QStringLiteral("/api/v1/") + path, QJsonObject{{endpoint, QJsonArray{item}}}, token);
    out.http = r.status;
    const QJsonObject result = r.result();
    out.status = result.value(QStringLiteral("status")).toString();
    out.code = result.value(QStringLiteral("code")).toString();
    out.message = result.value(QStringLiteral("message")).toString();
    if (endpoint == QLatin1String("decisions") && result.contains(QStringLiteral("version")))
        m_decisionVersion = result.value(QStringLiteral("version")).toInteger();
    if (endpoint == QLatin1String("entries") && out.status == QLatin1String("accepted")) {
        m_auditSeq = item.value(QStringLiteral("seq")).toInteger();
        m_auditHash = item.value(QStringLiteral("hash")).toString();
    }
    return out;
}

void TestHubInputs::fieldRules_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value"); // undefined: the field is left out
    QTest::addColumn<int>("repeat");       // > 0: a list of this many copies of its first entry
    QTest::addColumn<QString>("expected"); // "refused" names the field; "taken" is anything but invalid
    const QJsonValue missing(QJsonValue::Undefined);
    for (const Endpoint& e : endpoints()) {
        QTest::addRow("%s: valid control", e.name) << e.name << QString() << missing << 0 << QStringLiteral("accepted");
        for (const Field& f : e.fields) {
            const QString refused = QStringLiteral("refused");
            const QString taken = QStringLiteral("taken");
            auto row = [&](const char* what, const QJsonValue& v, const QString& expected, int repeat = 0) {
                QTest::addRow("%s: %s %s", e.name, f.path, what)
                    << e.name << QString::fromLatin1(f.path) << v << repeat << expected;
            };
            const bool listEntry = QByteArray(f.path).endsWith(']');
            if (!listEntry) {
                row("missing", missing, (f.flags & Req) ? refused : taken);
                row("null", QJsonValue(QJsonValue::Null), (f.flags & Null) ? taken : refused);
            }
            switch (f.type) {
            case 's':
                row("wrong type", 12, refused);
                row("empty", QString(), (f.flags & Empty) ? taken : refused);
                row("too long", QString(int(f.max + 1), u'x'), refused);
                break;
            case 'c':
                row("wrong type", true, refused);
                row("empty", QString(), refused);
                row("not a choice", QStringLiteral("maybe"), refused);
                break;
            case 'w':
                row("wrong type", QStringLiteral("three"), refused);
                row("fraction", 1.5, refused);
                row("too small", double(f.min - 1), refused);
                row("too large", double(f.max + 1), refused);
                break;
            case 't':
                row("wrong type", 12, refused);
                row("empty", QString(), refused);
                row("not a time", QStringLiteral("yesterday"), refused);
                row("no zone", QStringLiteral("2026-06-01T08:30:00"), refused);
                break;
            case 'd':
                row("wrong type", 12, refused);
                row("empty", QString(), refused);
                row("not a date", QStringLiteral("2026-02-30"), refused);
                row("a time", QStringLiteral("2026-06-01T08:30:00Z"), refused);
                row("a date", QStringLiteral("2026-06-08"), taken);
                break;
            case 'o':
                row("wrong type", QStringLiteral("x"), refused);
                break;
            case 'l':
            case 'L':
                row("wrong type", QStringLiteral("x"), refused);
                row("empty", QJsonArray(), (f.flags & Empty) ? taken : refused);
                row("too many", missing, refused, int(f.max + 1));
                break;
            }
        }
    }
}

void TestHubInputs::fieldRules()
{
    QFETCH(QString, endpoint);
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(int, repeat);
    QFETCH(QString, expected);
    QJsonObject item = validItem(endpoint);
    if (!field.isEmpty()) {
        const QList<QVariant> steps = stepsOf(field);
        if (repeat > 0) {
            const QJsonValue first = valueAt(item, steps).toArray().at(0);
            QJsonArray many;
            for (int i = 0; i < repeat; ++i)
                many.append(first);
            value = many;
        }
        item = edited(item, steps, 0, value).toObject();
    }
    const Outcome out = send(endpoint, item);
    const QString prefix = [&] {
        for (const Endpoint& e : endpoints())
            if (endpoint == QLatin1String(e.name))
                return QString::fromLatin1(e.prefix);
        return QString();
    }();
    const QByteArray said =
        QStringLiteral("HTTP %1 %2 %3: %4").arg(out.http).arg(out.status, out.code, out.message).toUtf8();
    if (expected == QLatin1String("accepted")) {
        QVERIFY2(out.status == QLatin1String("accepted"), said.constData());
    } else if (expected == QLatin1String("taken")) {
        QVERIFY2(!out.status.isEmpty() && out.status != QLatin1String("invalid"), said.constData());
    } else {
        QVERIFY2(out.status == QLatin1String("invalid"), said.constData());
        if (endpoint == QLatin1String("signing-keys") || endpoint == QLatin1String("sessions"))
            QCOMPARE(out.http, 422);
        QCOMPARE(out.code, QStringLiteral("invalid_field"));
        QVERIFY2(out.message.startsWith(prefix + field + u':'), said.constData());
    }
}

void TestHubInputs::guardiansNullIsRefusedNotStoredEmpty()
{
    QString cursor;
    m_hub.pullAll(m_reviewer, 5000, &cursor);
    QJsonObject item = counterApplication();
    item.insert(QStringLiteral("guardians"), QJsonValue::Null);
    const Outcome out = send(QStringLiteral("applications"), item);
    QCOMPARE(out.status, QStringLiteral("invalid"));
    QVERIFY(out.message.startsWith(QStringLiteral("applications[0].guardians:")));
    QVERIFY(m_hub.pullAll(m_reviewer, 5000, &cursor).isEmpty()); // nothing stored
}

QTEST_GUILESS_MAIN(TestHubInputs)
#include "tst_hubinputs.moc"
