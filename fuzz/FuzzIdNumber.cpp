#include "FuzzTargets.h"
#include "domain/IdNumber.h"

#include <QDate>
#include <QString>
#include <cstring>

// IdNumber::parse against a second, independent reading of GB 11643 written from the standard:
// 18 characters, 17 digits, a check digit or X (x read as X), a real birth date (not before 1900),
// and the ISO 7064 MOD 11-2 check character.

namespace adm::fuzz {

namespace {

constexpr const char* kTarget = "idnumber";

struct Reference {
    IdNumber::Problem problem = IdNumber::Problem::WrongLength;
    QDate birth;
    bool male = false;
};

bool asciiDigit(QChar c)
{
    return c.unicode() >= '0' && c.unicode() <= '9';
}

Reference reference(QStringView s)
{
    using P = IdNumber::Problem;
    Reference r;
    if (s.size() != 18)
        return r;
    for (int i = 0; i < 17; ++i)
        if (!asciiDigit(s[i])) {
            r.problem = P::NonDigit;
            return r;
        }
    if (!asciiDigit(s[17]) && s[17] != u'X' && s[17] != u'x') {
        r.problem = P::NonDigit;
        return r;
    }
    auto number = [&](int from, int n) { return s.mid(from, n).toInt(); };
    r.birth = QDate(number(6, 4), number(10, 2), number(12, 2));
    if (!r.birth.isValid() || r.birth.year() < 1900) {
        r.birth = {};
        r.problem = P::ImpossibleDate;
        return r;
    }
    // Weights 2^(17-i) mod 11; the check value makes the weighted sum 1 mod 11.
    int sum = 0;
    int weight = 1;
    for (int i = 16; i >= 0; --i) {
        weight = weight * 2 % 11;
        sum += (s[i].unicode() - '0') * weight;
    }
    const int check = (12 - sum % 11) % 11;
    const QChar expected = check == 10 ? QChar(u'X') : QChar(char16_t(u'0' + check));
    if (s[17].toUpper() != expected) {
        r.birth = {};
        r.problem = P::WrongCheckCharacter;
        return r;
    }
    r.problem = P::None;
    r.male = (s[16].unicode() - '0') % 2 == 1;
    return r;
}

void check(QStringView text)
{
    const IdNumber id = IdNumber::parse(text);
    const Reference ref = reference(text);
    if (id.problem() != ref.problem)
        fail(kTarget, "parse() and the reference disagree on the problem");
    if (id.isValid() != (ref.problem == IdNumber::Problem::None))
        fail(kTarget, "isValid() disagrees with problem()");
    if (id.problemCode().isEmpty() || id.problemMessage().isEmpty())
        fail(kTarget, "a problem without a code or a message");
    if (id.text().size() != text.size())
        fail(kTarget, "the normalised text has another length than the input");
    if (id.isValid()) {
        if (id.birthDate() != ref.birth)
            fail(kTarget, "wrong birth date");
        if (id.sex() != (ref.male ? IdNumber::Sex::Male : IdNumber::Sex::Female))
            fail(kTarget, "wrong sex");
        if (id.text().left(17) != text.left(17) || id.text()[17] != text[17].toUpper())
            fail(kTarget, "the normalised text is not the input with an upper-case X");
        if (id.areaCode() != text.left(6))
            fail(kTarget, "wrong area code");
        if (IdNumber::checkCharacter(QStringView(id.text()).left(17)) != id.text()[17])
            fail(kTarget, "checkCharacter() differs from the check character of a valid number");
        if (!IdNumber::parse(id.text()).isValid())
            fail(kTarget, "the normalised text of a valid number does not parse");
    } else if (id.birthDate().isValid() || id.sex() != IdNumber::Sex::Unknown) {
        fail(kTarget, "an invalid number with a birth date or a sex");
    }
    // masked(): the area code and the last four characters, stars between; nothing else shown.
    const QString masked = IdNumber::masked(text);
    if (masked.size() != text.size())
        fail(kTarget, "masked() changed the length");
    if (text.size() > 10) {
        if (masked.left(6) != text.left(6) || masked.right(4) != text.right(4) ||
            masked.mid(6, text.size() - 10) != QString(text.size() - 10, u'*'))
            fail(kTarget, "masked() shows more or less than the area code and the last four");
    } else if (masked != QString(text.size(), u'*')) {
        fail(kTarget, "masked() shows characters of a short text");
    }
    // checkCharacter() over any 17 characters (callers build numbers with it) must not read out of
    // bounds, and over digits it must agree with the reference.
    const QStringView first17 = text.left(17);
    const QChar c = IdNumber::checkCharacter(first17);
    bool digits = first17.size() == 17;
    for (QChar d : first17)
        digits = digits && asciiDigit(d);
    if (!digits && !c.isNull())
        fail(kTarget, "checkCharacter() gave a character for something other than 17 digits");
    if (digits) {
        QString candidate = first17.toString() + c;
        candidate.replace(6, 8, QStringLiteral("20000101")); // a real date, so only the check counts
        candidate[17] = IdNumber::checkCharacter(QStringView(candidate).left(17));
        if (reference(candidate).problem != IdNumber::Problem::None)
            fail(kTarget, "checkCharacter() gives a character the reference refuses");
    }
}

} // namespace

int fuzzIdNumber(const uint8_t* data, size_t size)
{
    if (size > 4096)
        return 0;
    // The bytes as UTF-8 (what users type and JSON carries), and as UTF-16 code units (any QString,
    // lone surrogates included).
    check(QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size)));
    QString units(qsizetype(size / 2), Qt::Uninitialized);
    std::memcpy(units.data(), data, size / 2 * 2);
    check(units);
    return 0;
}

} // namespace adm::fuzz
