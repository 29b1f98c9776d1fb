#include "FuzzTargets.h"
#include "policy/EvidenceJson.h"
#include "policy/JsonBytes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>
#include <cstring>
#include <optional>

// Two contracts. The pull reader (JsonBytes) may refuse any text, but a value it reads whole must be
// one QJsonDocument reads too, with the same strings and the same structure. EvidenceJson's fast
// path may say "not sure", but a record it decides must be exactly the slow path's.

namespace adm::fuzz {

namespace {

using policy::EvidenceRecord;
using policy::jsonbytes::Kind;
using policy::jsonbytes::Reader;
using policy::jsonbytes::Str;

constexpr const char* kTarget = "jsonbytes";

// Set by build() for a key that starts with a raw U+FEFF. QJsonDocument keeps such a key in its
// order but drops the U+FEFF from keys() (QString::fromUtf8), and value() cannot find it: there is
// no one reading to compare with. The fast path never decodes such keys (they are not plain).
bool g_byteOrderMarkKey = false;

// The value at the reader, built with the reader's own API; std::nullopt where the reader refuses.
// Numbers and literals are only checked (the reader does not convert them): they become a marker.
std::optional<QJsonValue> build(Reader& in, int depth)
{
    constexpr int kMaxDepth = 64; // JsonBytes' own limit for containers
    const Kind kind = in.next();
    if ((kind == Kind::Array || kind == Kind::Object) && depth >= kMaxDepth)
        return std::nullopt;
    switch (kind) {
    case Kind::Bad:
        return std::nullopt;
    case Kind::Null:
        return QJsonValue(QJsonValue::Null);
    case Kind::String: {
        Str s;
        if (!in.string(s))
            return std::nullopt;
        return QJsonValue(policy::jsonbytes::text(s));
    }
    case Kind::Array: {
        QJsonArray a;
        const bool ok = in.elements([&] {
            std::optional<QJsonValue> v = build(in, depth + 1);
            if (v)
                a.append(*v);
            return v.has_value();
        });
        return ok ? std::optional<QJsonValue>(a) : std::nullopt;
    }
    case Kind::Object: {
        // Any key, not only the plain ones members() takes: text() of escaped keys is checked too.
        QJsonObject o;
        in.enter();
        if (in.eat('}'))
            return QJsonValue(o);
        do {
            Str k;
            if (in.next() != Kind::String || !in.string(k) || !in.eat(':'))
                return std::nullopt;
            if (k.size() >= 3 && std::memcmp(k.begin, "\xEF\xBB\xBF", 3) == 0)
                g_byteOrderMarkKey = true;
            std::optional<QJsonValue> v = build(in, depth + 1);
            if (!v)
                return std::nullopt;
            o.insert(policy::jsonbytes::text(k), *v); // a later duplicate replaces, as in Qt
        } while (in.eat(','));
        return in.eat('}') ? std::optional<QJsonValue>(o) : std::nullopt;
    }
    case Kind::Other: {
        const char first = *in.pos();
        if (!in.skipValue(depth))
            return std::nullopt;
        if (first == 't')
            return QJsonValue(true);
        if (first == 'f')
            return QJsonValue(false);
        return QJsonValue(0.5); // a number: only its type is compared
    }
    }
    return std::nullopt;
}

bool sameValue(const QJsonValue& mine, const QJsonValue& qt)
{
    if (mine.isDouble())
        return qt.isDouble();
    if (mine.type() != qt.type())
        return false;
    if (mine.isString())
        return mine.toString() == qt.toString();
    if (mine.isBool())
        return mine.toBool() == qt.toBool();
    if (mine.isArray()) {
        const QJsonArray a = mine.toArray();
        const QJsonArray b = qt.toArray();
        if (a.size() != b.size())
            return false;
        for (qsizetype i = 0; i < a.size(); ++i)
            if (!sameValue(a.at(i), b.at(i)))
                return false;
        return true;
    }
    if (mine.isObject()) {
        const QJsonObject a = mine.toObject();
        const QJsonObject b = qt.toObject();
        if (a.keys() != b.keys())
            return false;
        for (auto it = a.begin(); it != a.end(); ++it)
            if (!sameValue(it.value(), b.value(it.key())))
                return false;
        return true;
    }
    return true; // null
}

bool sameString(const QString& a, const QString& b)
{
    return a == b && a.isNull() == b.isNull();
}

bool sameTime(const QDateTime& a, const QDateTime& b)
{
    return a == b && a.isValid() == b.isValid() && a.timeSpec() == b.timeSpec() &&
           a.offsetFromUtc() == b.offsetFromUtc();
}

bool sameDate(const QDate& a, const QDate& b)
{
    return a == b && a.isValid() == b.isValid();
}

// Which member differs, or nullptr.
const char* difference(const EvidenceRecord& x, const EvidenceRecord& y)
{
    if (!sameString(x.id, y.id))
        return "id";
    if (!sameString(x.agency, y.agency))
        return "agency";
    if (!sameString(x.datasetName, y.datasetName) || x.dataset != y.dataset)
        return "dataset";
    if (!sameTime(x.fetchedAt, y.fetchedAt))
        return "fetchedAt";
    if (!sameString(x.number, y.number))
        return "number";
    if (!sameString(x.title, y.title))
        return "title";
    if (!sameString(x.address, y.address))
        return "address";
    if (x.place || y.place)
        return "place";
    if (!sameString(x.status, y.status))
        return "status";
    if (!sameString(x.usage, y.usage))
        return "usage";
    if (!sameString(x.cityCode, y.cityCode))
        return "cityCode";
    if (!sameDate(x.date, y.date))
        return "date";
    if (!sameDate(x.endDate, y.endDate) || x.endDateGiven != y.endDateGiven)
        return "endDate";
    if (x.persons != y.persons)
        return "persons";
    if (x.members.size() != y.members.size())
        return "members";
    for (qsizetype i = 0; i < x.members.size(); ++i)
        if (!sameString(x.members[i].idNumber, y.members[i].idNumber) ||
            !sameDate(x.members[i].registeredOn, y.members[i].registeredOn))
            return "members";
    if (x.periods.size() != y.periods.size())
        return "periods";
    for (qsizetype i = 0; i < x.periods.size(); ++i)
        if (x.periods[i].from != y.periods[i].from || x.periods[i].to != y.periods[i].to)
            return "periods";
    if (x.subjects != y.subjects)
        return "subjects";
    return nullptr;
}

void checkReader(const QByteArray& text)
{
    Reader whole(text.constBegin(), text.constEnd());
    const bool skipped = whole.skipValue(0) && whole.atEnd();
    Reader in(text.constBegin(), text.constEnd());
    g_byteOrderMarkKey = false;
    const std::optional<QJsonValue> mine = build(in, 0);
    const bool built = mine && in.atEnd();
    if (built != skipped)
        fail(kTarget, "skipValue and a full read disagree on whether the text is one value");
    if (!skipped)
        return;
    // Qt reads only an object or an array at the top: wrap the value in one.
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + text + ']', &error);
    if (error.error != QJsonParseError::NoError)
        fail(kTarget, "the reader took a value that QJsonDocument refuses");
    if (!g_byteOrderMarkKey && !sameValue(*mine, doc.array().at(0))) {
        // Fuzz inputs only: show both readings.
        std::fprintf(stderr, "reader: %s\nqt:     %s\n",
                     QJsonDocument(QJsonArray{*mine}).toJson(QJsonDocument::Compact).constData(),
                     doc.toJson(QJsonDocument::Compact).constData());
        fail(kTarget, "the reader and QJsonDocument read different values");
    }
}

void checkRecord(const QByteArray& text)
{
    const std::optional<EvidenceRecord> slow = policy::EvidenceJson::slowRead(text);
    const std::optional<EvidenceRecord> production = policy::readEvidenceRecord(text);
    if (production.has_value() != slow.has_value())
        fail(kTarget, "readEvidenceRecord and the slow path disagree on whether there is a record");
    if (production) {
        if (const char* d = difference(*production, *slow)) {
            std::fprintf(stderr, "differs in: %s\n", d);
            fail(kTarget, "readEvidenceRecord differs from the slow path");
        }
    }
    std::optional<EvidenceRecord> fast = policy::EvidenceJson::fastRead(text);
    if (!fast || fast->id.isEmpty())
        return; // not sure, or no record: the slow path decides
    if (!slow)
        fail(kTarget, "the fast path read a record the slow path refuses");
    if (const char* d = difference(*fast, *slow)) {
        std::fprintf(stderr, "differs in: %s\n", d);
        fail(kTarget, "the fast path's record differs from the slow path's");
    }
}

} // namespace

int fuzzJsonBytes(const uint8_t* data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char*>(data), qsizetype(size));
    checkReader(text);
    checkRecord(text);
    return 0;
}

} // namespace adm::fuzz
