#include "InputRules.h"

#include "domain/JsonCodec.h"

#include <QDate>
#include <QJsonArray>
#include <cmath>

namespace adm::hub::input {

namespace {

const QStringList kOutcomes = {QStringLiteral("approve"), QStringLiteral("reject"), QStringLiteral("request_info")};
const QStringList kCategories = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")};
const QStringList kAlgorithms = {QStringLiteral("ed25519"), QStringLiteral("sm2-sm3")};

// Limits shared by several tables.
constexpr qint64 kKey = 128;       // idempotency keys, account and key ids
constexpr qint64 kId = 64;         // application, school, policy and record ids
constexpr qint64 kCode = 64;       // reason codes, evidence kinds, audit actions
constexpr qint64 kName = 64;       // people's names
constexpr qint64 kIdNumber = 32;   // ID numbers (18 characters, room for other documents)
constexpr qint64 kNote = 4000;     // free text a person types
constexpr qint64 kMaxItems = 5000; // a list inside one item; the request list has its own limit

Rule make(const QString& name, Type type, int flags)
{
    Rule r;
    r.name = name;
    r.type = type;
    r.flags = flags;
    return r;
}

bool has(const Rule& r, Flag f)
{
    return (r.flags & f) != 0;
}

QString at(const QString& path, const QString& name)
{
    return path.isEmpty() ? name : path + u'.' + name;
}

QString checkValue(const QJsonValue& v, const Rule& r, const QString& p);

QString checkText(const QString& s, const Rule& r, const QString& p)
{
    if (s.isEmpty() && !has(r, EmptyOk))
        return p + QStringLiteral(": must not be empty");
    if (s.size() > r.max)
        return p + QStringLiteral(": must be at most %1 characters, not %2").arg(r.max).arg(s.size());
    return {};
}

QString checkList(const QJsonArray& a, const Rule& r, const QString& p)
{
    if (a.isEmpty() && !has(r, EmptyOk))
        return p + QStringLiteral(": must hold at least one entry");
    if (a.size() > r.max)
        return p + QStringLiteral(": must hold at most %1 entries, not %2").arg(r.max).arg(a.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString ip = QStringLiteral("%1[%2]").arg(p).arg(i);
        if (r.type == Type::TextList) {
            if (!a.at(i).isString())
                return ip + QStringLiteral(": must be a string");
            Rule each = r;
            each.max = r.itemChars;
            each.flags = Required;
            if (QString problem = checkText(a.at(i).toString(), each, ip); !problem.isEmpty())
                return problem;
        } else {
            if (!a.at(i).isObject())
                return ip + QStringLiteral(": must be an object");
            if (QString problem = check(a.at(i).toObject(), r.children, ip); !problem.isEmpty())
                return problem;
        }
    }
    return {};
}

QString checkValue(const QJsonValue& v, const Rule& r, const QString& p)
{
    switch (r.type) {
    case Type::Text:
        if (!v.isString())
            return p + QStringLiteral(": must be a string");
        return checkText(v.toString(), r, p);
    case Type::Choice:
        if (!v.isString())
            return p + QStringLiteral(": must be a string");
        if (!r.allowed.contains(v.toString()))
            return p + QStringLiteral(": must be one of %1").arg(r.allowed.join(QStringLiteral(", ")));
        return {};
    case Type::Whole: {
        const double d = v.toDouble();
        // Beyond 2^53 a JSON number is no longer a whole number in a double.
        if (!v.isDouble() || !std::isfinite(d) || d != std::trunc(d) || std::fabs(d) > 9007199254740992.0)
            return p + QStringLiteral(": must be a whole number");
        if (d < double(r.min) || d > double(r.max))
            return p + QStringLiteral(": must be from %1 to %2").arg(r.min).arg(r.max);
        return {};
    }
    case Type::Time:
        if (!v.isString())
            return p + QStringLiteral(": must be a string");
        if (v.toString().isEmpty())
            return p + QStringLiteral(": must not be empty");
        if (v.toString().size() > 40 || !json::parseTime(v.toString()).isValid())
            return p + QStringLiteral(": must be an RFC 3339 time such as 2026-06-01T08:30:00Z");
        return {};
    case Type::Date:
        if (!v.isString())
            return p + QStringLiteral(": must be a string");
        if (v.toString().size() != 10 || !QDate::fromString(v.toString(), Qt::ISODate).isValid())
            return p + QStringLiteral(": must be a date such as 2026-06-01");
        return {};
    case Type::Object:
        if (!v.isObject())
            return p + QStringLiteral(": must be an object");
        return check(v.toObject(), r.children, p);
    case Type::ObjectList:
    case Type::TextList:
        if (!v.isArray())
            return p + QStringLiteral(": must be a list");
        return checkList(v.toArray(), r, p);
    }
    return {};
}

} // namespace

Rule text(const QString& name, int flags, qint64 maxChars)
{
    Rule r = make(name, Type::Text, flags);
    r.max = maxChars;
    return r;
}

Rule choice(const QString& name, int flags, const QStringList& allowed)
{
    Rule r = make(name, Type::Choice, flags);
    r.allowed = allowed;
    return r;
}

Rule whole(const QString& name, int flags, qint64 min, qint64 max)
{
    Rule r = make(name, Type::Whole, flags);
    r.min = min;
    r.max = max;
    return r;
}

Rule time(const QString& name, int flags)
{
    return make(name, Type::Time, flags);
}

Rule date(const QString& name, int flags)
{
    return make(name, Type::Date, flags);
}

Rule object(const QString& name, int flags, const QList<Rule>& children)
{
    Rule r = make(name, Type::Object, flags);
    r.children = children;
    return r;
}

Rule objects(const QString& name, int flags, qint64 maxItems, const QList<Rule>& children)
{
    Rule r = make(name, Type::ObjectList, flags);
    r.max = maxItems;
    r.children = children;
    return r;
}

Rule texts(const QString& name, int flags, qint64 maxItems, qint64 maxChars)
{
    Rule r = make(name, Type::TextList, flags);
    r.max = maxItems;
    r.itemChars = maxChars;
    return r;
}

QString check(const QJsonObject& o, const QList<Rule>& rules, const QString& path)
{
    for (const Rule& r : rules) {
        const QString p = at(path, r.name);
        const auto it = o.constFind(r.name);
        if (it == o.constEnd()) {
            if (has(r, Required))
                return p + QStringLiteral(": is missing");
            continue;
        }
        if (it->isNull()) {
            if (has(r, Nullable))
                continue;
            return p + (has(r, Required) ? QStringLiteral(": is missing (null)")
                                         : QStringLiteral(": must not be null; leave it out instead"));
        }
        if (QString problem = checkValue(*it, r, p); !problem.isEmpty())
            return problem;
    }
    return {};
}

const QList<Rule>& decisionItem()
{
    static const QList<Rule> rules = {
        text(QStringLiteral("idempotency_key"), Required, kKey),
        text(QStringLiteral("application_id"), Required, kId),
        whole(QStringLiteral("base_version"), Required, 0, 1'000'000'000),
        choice(QStringLiteral("outcome"), Required, kOutcomes),
        choice(QStringLiteral("category"), Nullable, kCategories),
        text(QStringLiteral("reason_code"), Nullable, kCode),
        text(QStringLiteral("note"), Nullable | EmptyOk, kNote),
        text(QStringLiteral("decided_by"), Nullable, kKey),
        time(QStringLiteral("decided_at"), Nullable),
        text(QStringLiteral("policy_id"), Nullable, kKey),
        texts(QStringLiteral("evidence_record_ids"), EmptyOk, 1000, kKey),
        date(QStringLiteral("due_date"), Nullable), // an extension: by when the family must answer
    };
    return rules;
}

const QList<Rule>& applicationItem()
{
    static const QList<Rule> person = {
        text(QStringLiteral("name"), Required, kName),
        text(QStringLiteral("id_number"), Required, kIdNumber),
    };
    static const QList<Rule> guardian = person + QList<Rule>{
                                                     choice(QStringLiteral("relation"), Required,
                                                            {QStringLiteral("father"), QStringLiteral("mother"),
                                                             QStringLiteral("grandparent"), QStringLiteral("other")}),
                                                     text(QStringLiteral("phone"), Nullable | EmptyOk, 32),
                                                 };
    static const QList<Rule> evidence = {
        text(QStringLiteral("kind"), Required, kCode),
        text(QStringLiteral("checked_by"), Nullable | EmptyOk, kKey),
        text(QStringLiteral("note"), Nullable | EmptyOk, 1000),
    };
    static const QList<Rule> rules = {
        text(QStringLiteral("idempotency_key"), Required, kKey),
        text(QStringLiteral("client_ref"), Nullable, kId),
        whole(QStringLiteral("admission_year"), Required, 2000, 2100),
        choice(QStringLiteral("grade"), Required, {QStringLiteral("primary1"), QStringLiteral("junior7")}),
        choice(QStringLiteral("channel"), Required, {QStringLiteral("counter"), QStringLiteral("online")}),
        time(QStringLiteral("submitted_at"), Nullable),
        object(QStringLiteral("child"), Required, person),
        objects(QStringLiteral("guardians"), Required, 10, guardian),
        text(QStringLiteral("target_school_id"), Required, kId),
        choice(QStringLiteral("claimed_category"), Nullable, kCategories),
        text(QStringLiteral("claimed_address"), Required, 500),
        objects(QStringLiteral("paper_evidence"), EmptyOk, 100, evidence),
    };
    return rules;
}

const QList<Rule>& batchItem()
{
    static const QList<Rule> item = {
        text(QStringLiteral("application_id"), Required, kId),
        whole(QStringLiteral("version"), Required, 1, 1'000'000'000),
        choice(QStringLiteral("outcome"), Required, kOutcomes),
        choice(QStringLiteral("category"), Nullable, kCategories),
    };
    static const QList<Rule> batch = {
        text(QStringLiteral("id"), Required, kKey),
        text(QStringLiteral("school_id"), Required, kId),
        text(QStringLiteral("title"), Nullable | EmptyOk, 200),
        time(QStringLiteral("created_at"), Nullable),
        text(QStringLiteral("signer"), Required, kKey),
        text(QStringLiteral("key_id"), Required, kKey),
        choice(QStringLiteral("algorithm"), Required, kAlgorithms),
        objects(QStringLiteral("items"), Required, kMaxItems, item),
    };
    static const QList<Rule> rules = {
        text(QStringLiteral("idempotency_key"), Required, kKey),
        object(QStringLiteral("batch"), Required, batch),
        text(QStringLiteral("signature"), Required, 1024),
    };
    return rules;
}

const QList<Rule>& auditItem()
{
    static const QList<Rule> rules = {
        text(QStringLiteral("idempotency_key"), Required, kKey),
        whole(QStringLiteral("seq"), Required, 1, 1'000'000'000'000'000),
        time(QStringLiteral("at"), Required),
        text(QStringLiteral("actor"), Optional, kKey),
        text(QStringLiteral("local_actor"), Nullable | EmptyOk, kKey),
        text(QStringLiteral("action"), Required, kCode),
        text(QStringLiteral("subject"), Nullable | EmptyOk, 1024),
        text(QStringLiteral("prev_hash"), Nullable | EmptyOk, 256),
        text(QStringLiteral("hash"), Required, 256),
    };
    return rules;
}

const QList<Rule>& signingKeyBody()
{
    static const QList<Rule> rules = {
        text(QStringLiteral("account"), Required, kKey),
        choice(QStringLiteral("algorithm"), Required, kAlgorithms),
        text(QStringLiteral("public_key_pem"), Required, 8192),
    };
    return rules;
}

const QList<Rule>& sessionBody()
{
    static const QList<Rule> workstation = {
        text(QStringLiteral("id"), Required, kKey),
        text(QStringLiteral("name"), Nullable | EmptyOk, 200),
    };
    static const QList<Rule> rules = {
        text(QStringLiteral("account"), Required, kKey),
        text(QStringLiteral("password"), Required, 1024),
        object(QStringLiteral("workstation"), Required, workstation),
    };
    return rules;
}

} // namespace adm::hub::input
