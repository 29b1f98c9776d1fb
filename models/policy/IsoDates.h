#pragma once

#include <QDate>
#include <QString>
#include <QStringView>

// Dates as the upstream contract writes them ("2026-07-31"), read and written by hand: the
// format-string parser of QDate costs microseconds per call, and the check reads and writes a few
// million dates for a city.
namespace adm::policy::IsoDates {

inline QDate parse(QStringView s)
{
    if (s.size() != 10 || s[4] != u'-' || s[7] != u'-')
        return {};
    int v[8];
    static constexpr int positions[8] = {0, 1, 2, 3, 5, 6, 8, 9};
    for (int i = 0; i < 8; ++i) {
        const char16_t c = s[positions[i]].unicode();
        if (c < u'0' || c > u'9')
            return {};
        v[i] = c - u'0';
    }
    const int y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
    const int m = v[4] * 10 + v[5];
    const int d = v[6] * 10 + v[7];
    return QDate::isValid(y, m, d) ? QDate(y, m, d) : QDate();
}

inline QString format(const QDate& date)
{
    if (!date.isValid() || date.year() < 0 || date.year() > 9999)
        return {};
    int y = 0;
    int m = 0;
    int d = 0;
    date.getDate(&y, &m, &d);
    const char16_t text[10] = {char16_t(u'0' + y / 1000),
                               char16_t(u'0' + y / 100 % 10),
                               char16_t(u'0' + y / 10 % 10),
                               char16_t(u'0' + y % 10),
                               u'-',
                               char16_t(u'0' + m / 10),
                               char16_t(u'0' + m % 10),
                               u'-',
                               char16_t(u'0' + d / 10),
                               char16_t(u'0' + d % 10)};
    return QString(reinterpret_cast<const QChar*>(text), 10);
}

// A month number (year * 12 + month - 1) as "2026-07".
inline QString formatMonth(int month)
{
    return format(QDate(month / 12, month % 12 + 1, 1)).left(7);
}

// A date for a sentence: "?" when the record gave none.
inline QString formatOrMark(const QDate& date)
{
    return date.isValid() ? format(date) : QStringLiteral("?");
}

} // namespace adm::policy::IsoDates
