#include "JsonBytes.h"

namespace adm::policy::jsonbytes {

namespace {

constexpr int kMaxDepth = 64; // records nest three deep; deeper text goes the slow way

// Four hex digits as a number, or -1.
int hex4(const char* p, const char* end)
{
    if (end - p < 4)
        return -1;
    int v = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= c - '0';
        else if (c >= 'a' && c <= 'f')
            v |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v |= c - 'A' + 10;
        else
            return -1;
    }
    return v;
}

// The escape at `p` (a backslash): its length and code point, or 0 when the fast path does not
// take it. Qt reads an unknown escape as the character itself and keeps a lone surrogate; both
// are left to it.
int readEscape(const char* p, const char* end, char32_t* cp)
{
    if (end - p < 2)
        return 0;
    static constexpr char names[] = {'"', '\\', '/', 'b', 'f', 'n', 'r', 't'};
    static constexpr char16_t values[] = {u'"', u'\\', u'/', 0x08, 0x0c, 0x0a, 0x0d, 0x09};
    for (int i = 0; i < 8; ++i)
        if (p[1] == names[i]) {
            *cp = values[i];
            return 2;
        }
    if (p[1] != 'u')
        return 0;
    const int hi = hex4(p + 2, end);
    if (hi < 0)
        return 0;
    if (hi < 0xd800 || hi > 0xdfff) {
        *cp = char32_t(hi);
        return 6;
    }
    if (hi > 0xdbff || end - p < 12 || p[6] != '\\' || p[7] != 'u')
        return 0;
    const int lo = hex4(p + 8, end);
    if (lo < 0xdc00 || lo > 0xdfff)
        return 0;
    *cp = 0x10000 + ((char32_t(hi) - 0xd800) << 10) + (char32_t(lo) - 0xdc00);
    return 12;
}

// A multi-byte UTF-8 sequence at `p`: its length and code point, or 0 when it is not well formed
// (overlong, a surrogate, above U+10FFFF, truncated), which Qt's parser rejects too.
int readUtf8(const char* p, const char* end, char32_t* cp)
{
    const auto* u = reinterpret_cast<const uchar*>(p);
    const uchar b = u[0];
    int n = 0;
    char32_t v = 0;
    char32_t min = 0;
    if (b >= 0xc2 && b <= 0xdf) {
        n = 2;
        v = b & 0x1f;
        min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
        n = 3;
        v = b & 0x0f;
        min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
        n = 4;
        v = b & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (end - p < n)
        return 0;
    for (int i = 1; i < n; ++i) {
        if ((u[i] & 0xc0) != 0x80)
            return 0;
        v = (v << 6) | (u[i] & 0x3f);
    }
    if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
        return 0;
    *cp = v;
    return n;
}

void appendCodePoint(QString& out, char32_t cp)
{
    if (QChar::requiresSurrogates(cp)) {
        out.append(QChar(QChar::highSurrogate(cp)));
        out.append(QChar(QChar::lowSurrogate(cp)));
    } else {
        out.append(QChar(char16_t(cp)));
    }
}

} // namespace

bool Reader::string(Str& s)
{
    ++m_p;
    s.begin = m_p;
    s.escaped = false;
    s.ascii = true;
    while (m_p < m_end) {
        const uchar c = uchar(*m_p);
        if (c == '"') {
            s.end = m_p++;
            return true;
        }
        char32_t cp = 0;
        if (c >= 0x20 && c < 0x80 && c != '\\') {
            ++m_p;
        } else if (c == '\\') {
            const int n = readEscape(m_p, m_end, &cp);
            if (n == 0)
                return false;
            s.escaped = true;
            m_p += n;
        } else if (c >= 0x80) {
            const int n = readUtf8(m_p, m_end, &cp);
            if (n == 0)
                return false;
            s.ascii = false;
            m_p += n;
        } else {
            return false; // a raw control character: Qt takes it, the fast path does not
        }
    }
    return false;
}

bool Reader::skipValue(int depth)
{
    switch (next()) {
    case Kind::Bad:
        return false;
    case Kind::Null:
        return true;
    case Kind::String: {
        Str s;
        return string(s);
    }
    case Kind::Object: {
        if (depth >= kMaxDepth)
            return false;
        enter();
        if (eat('}'))
            return true;
        do {
            Str k;
            ws();
            if (m_p == m_end || *m_p != '"' || !string(k) || !eat(':') || !skipValue(depth + 1))
                return false;
        } while (eat(','));
        return eat('}');
    }
    case Kind::Array:
        return depth < kMaxDepth && elements([&] { return skipValue(depth + 1); });
    case Kind::Other:
        if (*m_p == 't')
            return literal("true", 4);
        if (*m_p == 'f')
            return literal("false", 5);
        return number();
    }
    return false;
}

qsizetype Reader::digits()
{
    const char* from = m_p;
    while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
        ++m_p;
    return m_p - from;
}

bool Reader::number()
{
    const char* start = m_p;
    if (m_p < m_end && *m_p == '-')
        ++m_p;
    if (m_p < m_end && *m_p == '0')
        ++m_p;
    else if (m_p < m_end && *m_p >= '1' && *m_p <= '9')
        digits();
    else
        return false;
    if (m_p < m_end && *m_p == '.') {
        ++m_p;
        if (digits() == 0)
            return false;
    }
    if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
        ++m_p;
        if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
            ++m_p;
        const qsizetype n = digits();
        if (n == 0 || n > 2)
            return false;
    }
    return m_p - start <= 24;
}

QString text(const Str& s)
{
    if (!s.escaped)
        return s.ascii ? QString::fromLatin1(s.begin, s.size()) : QString::fromUtf8(s.begin, s.size());
    QString out;
    out.reserve(s.size());
    for (const char* p = s.begin; p < s.end;) {
        char32_t cp = uchar(*p);
        int n = 1;
        if (*p == '\\')
            n = readEscape(p, s.end, &cp);
        else if (cp >= 0x80)
            n = readUtf8(p, s.end, &cp);
        if (n == 0) // cannot happen: the reader checked the string
            break;
        appendCodePoint(out, cp);
        p += n;
    }
    return out;
}

} // namespace adm::policy::jsonbytes
