#pragma once

#include "Random.h"

#include <QString>
#include <QStringList>

namespace adm::citygen {

// Plausible Chinese personal names, phone numbers, employers and business names. The lists are
// common in Shandong; nothing here is a real person.
class NameBank {
public:
    NameBank();

    QString surname(Random& rng) const;
    QString givenName(Random& rng, bool male, bool child) const;
    QString fullName(Random& rng, const QString& surname, bool male, bool child) const;
    QString phone(Random& rng) const;
    QString employer(Random& rng, const QString& districtName) const;
    QString tradeName(Random& rng, const QString& districtName) const;
    QString enterpriseName(Random& rng) const;

private:
    QStringList m_surnames;
    QList<int> m_surnameWeights;
    QStringList m_maleChars;
    QStringList m_femaleChars;
    QStringList m_boyNames;
    QStringList m_girlNames;
    QStringList m_bigEmployers;
    QStringList m_firmWords;
    QStringList m_firmKinds;
    QStringList m_shopKinds;
};

} // namespace adm::citygen
