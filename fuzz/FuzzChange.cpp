#include "FuzzTargets.h"
#include "domain/JsonCodec.h"
#include "store/ChangeApplier.h"
#include "sync/Puller.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// The change decoder, as both of its callers use it: one line of a bundle (BundleImporter: the
// line read with QJsonDocument, json::readChange, ChangeApplier::validate, and `data` kept byte for
// byte with json::topLevelValue) and one page of the hub's change feed (Puller::readPage). Beyond
// memory and undefined behaviour: the bytes kept for `data` must be the object that was
// validated, topLevelValue must agree with QJsonDocument on every member, and a change written
// back out must read to itself.

namespace adm::fuzz {

namespace {

constexpr const char* kTarget = "change";

bool sameChange(const Change& a, const Change& b)
{
    return a.seq == b.seq && a.entity == b.entity && a.op == b.op && a.id == b.id && a.version == b.version &&
           a.data == b.data;
}

// topLevelValue(text, key) for every member Qt reads: empty ("not found") or the same value.
void checkTopLevel(const QByteArray& text, const QJsonObject& object)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QByteArray raw = json::topLevelValue(text, it.key().toUtf8());
        if (raw.isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson('[' + raw + ']');
        if (!doc.isArray() || doc.array().size() != 1 || doc.array().at(0) != it.value())
            fail(kTarget, "topLevelValue() gives another value than QJsonDocument");
    }
}

// An entity read, written out and read again reads to what was written: what the cache stores
// and the hub sends back stays valid.
template <typename Read> void checkRoundTrip(const QJsonObject& data, Read read)
{
    const auto first = read(data, QStringLiteral("data"));
    if (!first)
        return;
    const QJsonObject written = json::write(*first);
    const auto second = read(written, QStringLiteral("data"));
    if (!second)
        fail(kTarget, "an entity written out does not read again");
    if (json::write(*second) != written)
        fail(kTarget, "an entity written out reads to another one");
}

void checkEntity(const Change& c)
{
    if (c.entity == entity::Application)
        checkRoundTrip(c.data, &json::readApplication);
    else if (c.entity == entity::AgencyRecord)
        checkRoundTrip(c.data, &json::readAgencyRecord);
    else if (c.entity == entity::School)
        checkRoundTrip(c.data, &json::readSchool);
    else if (c.entity == entity::Zone)
        checkRoundTrip(c.data, &json::readZone);
    else if (c.entity == entity::Policy)
        checkRoundTrip(c.data, &json::readPolicy);
}

void checkLine(const QByteArray& line)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return;
    const QJsonObject object = doc.object();
    checkTopLevel(line, object);
    const Result<Change> change = json::readChange(object);
    if (!change)
        return;
    if (change->op != QLatin1String("upsert") && change->op != QLatin1String("delete"))
        fail(kTarget, "a change with an op outside the contract");
    // Whole numbers are read exactly, also beyond 2^53 where a double would round them.
    for (const char* key : {"seq", "version"}) {
        const QJsonValue v = object.value(QLatin1StringView(key));
        const qint64 exact = v.toInteger(-1);
        if (v.isDouble() && exact == v.toInteger(-2) && exact != (key[0] == 's' ? change->seq : change->version))
            fail(kTarget, "a whole number was not read exactly");
    }
    const Result<Change> again = json::readChange(json::write(*change));
    if (!again || !sameChange(*change, *again))
        fail(kTarget, "a change written out does not read back to itself");
    if (!store::ChangeApplier::validate(*change))
        return;
    if (change->id.isEmpty())
        fail(kTarget, "validate() passed a change without an id");
    if (change->isDelete())
        return;
    checkEntity(*change);
    // What BundleImporter stores for this line.
    const QByteArray raw = json::topLevelValue(line, QByteArrayLiteral("data"));
    if (raw.isEmpty())
        return; // "not sure": the importer serialises the validated object instead
    const QJsonDocument kept = QJsonDocument::fromJson(raw);
    if (!kept.isObject() || kept.object() != change->data)
        fail(kTarget, "the bytes kept for data are not the object that was validated");
}

void checkPage(const QByteArray& text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text);
    if (!doc.isObject())
        return;
    QString cursor = QStringLiteral("before");
    bool more = false;
    const Result<QList<Change>> changes = sync::Puller::readPage(doc.object(), &cursor, &more);
    if (!changes)
        return;
    if (!changes->isEmpty() && !doc.object().value(QStringLiteral("cursor")).isString())
        fail(kTarget, "a page with changes and no cursor was taken");
    for (const Change& c : *changes) {
        if (c.op != QLatin1String("upsert") && c.op != QLatin1String("delete"))
            fail(kTarget, "a page change with an op outside the contract");
        (void)store::ChangeApplier::validate(c);
    }
}

} // namespace

int fuzzChange(const uint8_t* data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char*>(data), qsizetype(size));
    checkLine(text.trimmed());
    checkPage(text);
    return 0;
}

} // namespace adm::fuzz
