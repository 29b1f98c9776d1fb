#pragma once

#include <QDate>
#include <QString>

namespace adm {

// A resident identity number after GB 11643: 6-digit area, 8-digit birth date, 3-digit
// sequence (odd = male), and a check character.
class IdNumber {
public:
    enum class Problem { None, WrongLength, NonDigit, ImpossibleDate, WrongCheckCharacter };
    enum class Sex { Unknown, Male, Female };

    // Parses and validates; a lower-case x is read as X.
    static IdNumber parse(QStringView text);

    // The check character ('0'-'9' or 'X') for the first 17 digits; a null QChar when the text is
    // not exactly 17 ASCII digits.
    static QChar checkCharacter(QStringView first17);

    // For screens: keeps the area code and the last four characters.
    static QString masked(QStringView text);

    bool isValid() const { return m_problem == Problem::None; }
    Problem problem() const { return m_problem; }
    QString problemCode() const;    // stable snake_case name of the problem
    QString problemMessage() const; // translated sentence: what is wrong and what to do

    QString text() const { return m_text; } // normalised (upper-case X)
    QString areaCode() const { return m_text.left(6); }
    QDate birthDate() const { return m_birthDate; }
    Sex sex() const { return m_sex; }

private:
    QString m_text;
    Problem m_problem = Problem::WrongLength;
    QDate m_birthDate;
    Sex m_sex = Sex::Unknown;
};

} // namespace adm
