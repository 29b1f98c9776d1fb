#pragma once

#include "Random.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

namespace adm::citygen {

// Hands out ID numbers (GB 11643) that are valid and never repeat in one city: per area code,
// birth date and sex it counts through the sequence numbers (odd for men, even for women),
// starting at a scrambled offset so that numbers look varied. Memory is one small counter per
// (area, day, sex) that was used, whatever the size of the city.
class IdAllocator {
public:
    IdAllocator() = default;

    // A new ID number; when the day's sequence numbers are used up, the next free day within
    // [earliest, latest] is taken instead, and *birth is set to it.
    QString allocate(const QString& areaCode, QDate* birth, bool male, QDate earliest, QDate latest);

private:
    QHash<quint64, quint16> m_used;
};

} // namespace adm::citygen
