#include "CanonicalJson.h"

#include <QJsonArray>
#include <QLocale>
#include <QStringList>
#include <algorithm>
#include <cmath>

namespace adm::json {

namespace {

void appendNumber(QByteArray& out, double d)
{
    if (!std::isfinite(d)) {
        out += "null"; // JSON has no NaN or infinity; QJsonValue never holds them from parsing
        return;
    }
    // Whole numbers within the exactly representable range print as integers ("3", not "3.0").
    if (d == std::floor(d) && std::fabs(d) < 9007199254740992.0) {
        out += QByteArray::number(static_cast<qint64>(d));
        return;
    }
    out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
}

void appendValue(QByteArray& out, const QJsonValue& v);

void appendObject(QByteArray& out, const QJsonObject& o)
{
    QStringList keys = o.keys();
    // QString's operator< compares UTF-16 code units, which is the order RFC 8785 asks for.
    std::sort(keys.begin(), keys.end());
    out += '{';
    bool first = true;
    for (const QString& key : std::as_const(keys)) {
        if (!first)
            out += ',';
        first = false;
        appendJsonString(out, key);
        out += ':';
        appendValue(out, o.value(key));
    }
    out += '}';
}

void appendValue(QByteArray& out, const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += v.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double:
        appendNumber(out, v.toDouble());
        break;
    case QJsonValue::String:
        appendJsonString(out, v.toString());
        break;
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (i)
                out += ',';
            appendValue(out, a.at(i));
        }
        out += ']';
        break;
    }
    case QJsonValue::Object:
        appendObject(out, v.toObject());
        break;
    }
}

} // namespace

void appendJsonString(QByteArray& out, QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xf];
            } else {
                out += ch;
            }
        }
    }
    out += '"';
}

QByteArray jsonString(QStringView text)
{
    QByteArray out;
    out.reserve(text.size() + 2);
    appendJsonString(out, text);
    return out;
}

QByteArray canonical(const QJsonValue& value)
{
    QByteArray out;
    appendValue(out, value);
    return out;
}

QByteArray canonical(const QJsonObject& object)
{
    QByteArray out;
    appendObject(out, object);
    return out;
}

} // namespace adm::json
