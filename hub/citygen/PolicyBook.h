#pragma once

#include "Geography.h"
#include "domain/Entities.h"

#include <QDate>
#include <QList>

namespace adm::citygen {

// The year's admission policy of every district and grade, and the calendar the families live
// by: the cut-off date C, the birth windows, the application window.
class PolicyBook {
public:
    PolicyBook(const Geography& geography, int admissionYear);

    const Policy& policy(int district, bool junior) const { return m_policies[district * 2 + (junior ? 1 : 0)]; }
    const QList<Policy>& all() const { return m_policies; }

    int year() const { return m_year; }
    QDate cutoff() const { return m_cutoff; }
    QDate birthFrom(bool junior) const { return junior ? m_juniorFrom : m_primaryFrom; }
    QDate birthTo(bool junior) const { return junior ? m_juniorTo : m_primaryTo; }
    QDate windowOpens() const { return QDate(m_year, 6, 1); }
    QDate windowCloses() const { return QDate(m_year, 6, 30); }
    // C minus n calendar months (a missing day becomes the month's last, as QDate does).
    QDate monthsBeforeCutoff(int months) const { return m_cutoff.addMonths(-months); }

private:
    int m_year;
    QDate m_cutoff;
    QDate m_primaryFrom;
    QDate m_primaryTo;
    QDate m_juniorFrom;
    QDate m_juniorTo;
    QList<Policy> m_policies;
};

} // namespace adm::citygen
