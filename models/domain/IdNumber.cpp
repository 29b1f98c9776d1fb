#include "IdNumber.h"

#include <QCoreApplication>

namespace adm {

namespace {
constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char kCheckMap[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
} // namespace

QChar IdNumber::checkCharacter(QStringView first17)
{
    // Anything but 17 digits would make the sum negative and index out of the map (found by fuzzing).
    if (first17.size() != 17)
        return {};
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const char16_t c = first17[i].unicode();
        if (c < u'0' || c > u'9')
            return {};
        sum += (c - u'0') * kWeights[i];
    }
    return QChar::fromLatin1(kCheckMap[sum % 11]);
}

IdNumber IdNumber::parse(QStringView text)
{
    IdNumber id;
    // Only the check character may be a letter. Upper-casing the whole text would change its
    // length (ß becomes SS) and miscount it (found by fuzzing).
    id.m_text = text.toString();
    if (id.m_text.size() == 18 && id.m_text[17] == u'x')
        id.m_text[17] = u'X';
    if (id.m_text.size() != 18) {
        id.m_problem = Problem::WrongLength;
        return id;
    }
    for (int i = 0; i < 17; ++i) {
        const QChar c = id.m_text[i];
        if (c < u'0' || c > u'9') {
            id.m_problem = Problem::NonDigit;
            return id;
        }
    }
    const QChar last = id.m_text[17];
    if ((last < u'0' || last > u'9') && last != u'X') {
        id.m_problem = Problem::NonDigit;
        return id;
    }
    // Digits already checked: read the date by hand (QDate::fromString with a format is slow).
    auto digits = [&id](int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; ++i)
            v = v * 10 + (id.m_text[i].unicode() - u'0');
        return v;
    };
    const QDate birth(digits(6, 4), digits(10, 2), digits(12, 2));
    if (!birth.isValid() || birth.year() < 1900) {
        id.m_problem = Problem::ImpossibleDate;
        return id;
    }
    if (checkCharacter(QStringView(id.m_text).left(17)) != last) {
        id.m_problem = Problem::WrongCheckCharacter;
        return id;
    }
    id.m_problem = Problem::None;
    id.m_birthDate = birth;
    id.m_sex = (id.m_text[16].unicode() - u'0') % 2 == 1 ? Sex::Male : Sex::Female;
    return id;
}

QString IdNumber::masked(QStringView text)
{
    if (text.size() <= 10)
        return QString(text.size(), u'*');
    return text.left(6).toString() + QString(text.size() - 10, u'*') + text.right(4).toString();
}

QString IdNumber::problemCode() const
{
    switch (m_problem) {
    case Problem::None:
        return QStringLiteral("valid");
    case Problem::WrongLength:
        return QStringLiteral("wrong_length");
    case Problem::NonDigit:
        return QStringLiteral("non_digit");
    case Problem::ImpossibleDate:
        return QStringLiteral("impossible_date");
    case Problem::WrongCheckCharacter:
        return QStringLiteral("wrong_check_character");
    }
    return {};
}

QString IdNumber::problemMessage() const
{
    switch (m_problem) {
    case Problem::None:
        return QCoreApplication::translate("IdNumber", "The ID number is valid.");
    case Problem::WrongLength:
        return QCoreApplication::translate("IdNumber",
                                           "The ID number has %1 characters; it must have 18. Check for a missing "
                                           "or extra digit.")
            .arg(m_text.size());
    case Problem::NonDigit:
        return QCoreApplication::translate("IdNumber", "The ID number may hold only digits, and X as the last "
                                                       "character. Check for letters or spaces.");
    case Problem::ImpossibleDate:
        return QCoreApplication::translate("IdNumber", "Characters 7 to 14 of the ID number are not a real birth "
                                                       "date (YYYYMMDD). Check the date digits.");
    case Problem::WrongCheckCharacter:
        return QCoreApplication::translate("IdNumber", "The last character of the ID number does not match the "
                                                       "others (check character). One digit is probably mistyped.");
    }
    return {};
}

} // namespace adm
