#include "IdAllocator.h"

#include "domain/IdNumber.h"

#include <cstdio>

namespace adm::citygen {

namespace {
constexpr int kPerSex = 499; // 001..997 odd for men, 002..998 even for women
}

QString IdAllocator::allocate(const QString& areaCode, QDate* birth, bool male, QDate earliest, QDate latest)
{
    const quint64 area = areaCode.toULongLong();
    const qint64 span = qMax<qint64>(1, earliest.daysTo(latest) + 1);
    QDate day = *birth;
    for (qint64 attempt = 0; attempt < span; ++attempt) {
        const quint64 key = (area * 100000 + quint64(day.toJulianDay() - 2400000)) * 2 + (male ? 1 : 0);
        quint16& used = m_used[key];
        if (used < kPerSex) {
            const int slot = int((mix64(key) % kPerSex + used) % kPerSex);
            ++used;
            const int sequence = slot * 2 + (male ? 1 : 2);
            char digits[12];
            std::snprintf(digits, sizeof digits, "%04d%02d%02d%03d", day.year(), day.month(), day.day(), sequence);
            QString id = areaCode + QLatin1String(digits);
            id += IdNumber::checkCharacter(id);
            *birth = day;
            return id;
        }
        day = day.addDays(1);
        if (day > latest)
            day = earliest;
    }
    return {};
}

} // namespace adm::citygen
