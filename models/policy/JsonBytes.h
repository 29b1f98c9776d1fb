#pragma once

#include <QLatin1StringView>
#include <QString>
#include <cstring>

// Internal to EvidenceJson's fast path: a pull reader over the UTF-8 bytes of one JSON text,
// strict JSON, and a little stricter than that where Qt would read something the fast path does
// not want to reason about. Where Qt is lenient (raw control characters in strings, unknown
// escapes, "1.", lone surrogates) the reader refuses, so that the fast path gives up rather than
// guess.

namespace adm::policy::jsonbytes {

// The contents of a JSON string between its quotes, as they stand in the text (validated).
struct Str {
    const char* begin = nullptr;
    const char* end = nullptr;
    bool escaped = false; // holds a backslash escape
    bool ascii = true;    // no byte above 0x7f

    qsizetype size() const { return end - begin; }
    bool plain() const { return ascii && !escaped; } // the bytes are the characters
    bool is(QLatin1StringView s) const
    {
        return plain() && size() == s.size() && std::memcmp(begin, s.data(), size_t(s.size())) == 0;
    }
};

enum class Kind { Bad, String, Object, Array, Null, Other };

// A pull reader over the bytes of one JSON text: strict JSON, and a little stricter than that
// where Qt would read something the fast path does not want to reason about.
class Reader {
public:
    Reader(const char* begin, const char* end)
        : m_p(begin)
        , m_end(end)
    {}

    const char* pos() const { return m_p; }
    bool atEnd()
    {
        ws();
        return m_p == m_end;
    }

    void ws()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool eat(char c)
    {
        ws();
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }

    // The kind of the next value, by its first byte. A null is read; the others are not.
    Kind next()
    {
        ws();
        if (m_p == m_end)
            return Kind::Bad;
        switch (*m_p) {
        case '"':
            return Kind::String;
        case '{':
            return Kind::Object;
        case '[':
            return Kind::Array;
        case 'n':
            return literal("null", 4) ? Kind::Null : Kind::Bad;
        default:
            return Kind::Other;
        }
    }

    // Past the bracket that next() saw.
    void enter() { ++m_p; }

    // A string, at its opening quote.
    bool string(Str& s);

    // A member's key and its colon, in an object the reader interprets. Keys with escapes or
    // beyond ASCII are left to the slow path: only a plain key compares as raw bytes.
    bool key(Str& k)
    {
        ws();
        return m_p < m_end && *m_p == '"' && string(k) && k.plain() && eat(':');
    }

    // The elements of the array next() saw, each read by `element`.
    template <typename F> bool elements(F&& element)
    {
        enter();
        if (eat(']'))
            return true;
        do {
            if (!element())
                return false;
        } while (eat(','));
        return eat(']');
    }

    // The members of the object next() saw: `member` gets each (plain) key and reads its value.
    template <typename F> bool members(F&& member)
    {
        enter();
        if (eat('}'))
            return true;
        do {
            Str k;
            if (!key(k) || !member(k))
                return false;
        } while (eat(','));
        return eat('}');
    }

    // Any value, checked and not kept.
    bool skipValue(int depth);

private:
    bool literal(const char* text, qsizetype n)
    {
        if (m_end - m_p < n || std::memcmp(m_p, text, size_t(n)) != 0)
            return false;
        m_p += n;
        return true;
    }

    qsizetype digits();

    // RFC 8259 number. Long ones and big exponents could overflow a double, which Qt rejects:
    // they go the slow way.
    bool number();

    const char* m_p;
    const char* m_end;
};

// The string's text as Qt gives it: QString::fromUtf8 over the bytes when there is no escape
// (which, like Qt, drops a leading U+FEFF), else character by character (which, like Qt, keeps it).
QString text(const Str& s);

} // namespace adm::policy::jsonbytes
