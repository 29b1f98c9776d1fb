#include "FieldReader.h"

#include "JsonCodec.h"

#include <cmath>

namespace adm::json {

void FieldReader::fail(const QString& key, const QString& what)
{
    if (m_failed)
        return;
    m_failed = true;
    m_error = Error{QStringLiteral("invalid_field"), pathOf(key) + QStringLiteral(": ") + what};
}

void FieldReader::adopt(const Error& error)
{
    if (m_failed)
        return;
    m_failed = true;
    m_error = error;
}

bool FieldReader::isNull(const QString& key) const
{
    const auto it = m_object.constFind(key);
    return it == m_object.constEnd() || it->isNull();
}

bool FieldReader::present(const QString& key, Presence presence)
{
    if (!isNull(key))
        return true;
    if (presence == Required)
        fail(key, QStringLiteral("is missing"));
    return false;
}

QString FieldReader::string(const QString& key, Presence presence)
{
    if (!present(key, presence))
        return {};
    const QJsonValue v = m_object.value(key);
    if (!v.isString()) {
        fail(key, QStringLiteral("must be a string"));
        return {};
    }
    return v.toString();
}

QString FieldReader::oneOf(const QString& key, const QStringList& allowed, Presence presence)
{
    const QString s = string(key, presence);
    // A required field must hold one of the values: "" is not one (found by fuzzing: a change
    // with "op": "" was taken, as neither an upsert nor a delete).
    if ((!s.isEmpty() || presence == Required) && !allowed.contains(s))
        fail(key, QStringLiteral("must be one of %1, not \"%2\"").arg(allowed.join(QStringLiteral(", ")), s));
    return s;
}

qint64 FieldReader::integer(const QString& key, Presence presence, qint64 fallback)
{
    if (!present(key, presence))
        return fallback;
    const QJsonValue v = m_object.value(key);
    const double d = v.toDouble();
    // Casting a double beyond qint64 (1e300) is undefined behaviour: check the range first (found
    // by fuzzing). toInteger() keeps integers above 2^53 exact, where the double would round them.
    if (!v.isDouble() || d != std::floor(d) || d < -0x1p63 || d >= 0x1p63) {
        fail(key, QStringLiteral("must be a whole number"));
        return fallback;
    }
    return v.toInteger();
}

bool FieldReader::boolean(const QString& key, Presence presence, bool fallback)
{
    if (!present(key, presence))
        return fallback;
    const QJsonValue v = m_object.value(key);
    if (!v.isBool()) {
        fail(key, QStringLiteral("must be true or false"));
        return fallback;
    }
    return v.toBool();
}

QDate FieldReader::date(const QString& key, Presence presence)
{
    const QString s = string(key, presence);
    // "" is no date: fine for an optional field, not for a required one (found by fuzzing: a
    // policy with "cutoff_date": "" was taken, and wrote itself out as one that does not read).
    if (s.isEmpty()) {
        if (presence == Required)
            fail(key, QStringLiteral("must be a date YYYY-MM-DD, not \"\""));
        return {};
    }
    const QDate d = parseDate(s);
    if (!d.isValid())
        fail(key, QStringLiteral("must be a date YYYY-MM-DD, not \"%1\"").arg(s));
    return d;
}

QDateTime FieldReader::time(const QString& key, Presence presence)
{
    const QString s = string(key, presence);
    if (s.isEmpty()) {
        if (presence == Required)
            fail(key, QStringLiteral("must be an RFC 3339 time such as 2026-06-01T08:30:00Z, not \"\""));
        return {};
    }
    const QDateTime t = parseTime(s);
    if (!t.isValid())
        fail(key, QStringLiteral("must be an RFC 3339 time such as 2026-06-01T08:30:00Z, not \"%1\"").arg(s));
    return t;
}

QStringList FieldReader::strings(const QString& key, Presence presence)
{
    const QJsonArray a = array(key, presence);
    QStringList out;
    out.reserve(a.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a.at(i).isString()) {
            fail(QStringLiteral("%1[%2]").arg(key).arg(i), QStringLiteral("must be a string"));
            return {};
        }
        out.append(a.at(i).toString());
    }
    return out;
}

QJsonObject FieldReader::object(const QString& key, Presence presence)
{
    if (!present(key, presence))
        return {};
    const QJsonValue v = m_object.value(key);
    if (!v.isObject()) {
        fail(key, QStringLiteral("must be an object"));
        return {};
    }
    return v.toObject();
}

QJsonArray FieldReader::array(const QString& key, Presence presence)
{
    if (!present(key, presence))
        return {};
    const QJsonValue v = m_object.value(key);
    if (!v.isArray()) {
        fail(key, QStringLiteral("must be a list"));
        return {};
    }
    return v.toArray();
}

} // namespace adm::json
