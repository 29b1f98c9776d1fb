#pragma once

#include "AddressNormalizer.h"
#include "ZoneMatcher.h"
#include "domain/Entities.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <deque>

namespace adm::policy {

enum class Dataset {
    Other,
    ResidentPopulation,
    RealEstateRegistration,
    SaleContract,
    RentalFiling,
    SocialInsurance,
    IndividualBusiness,
    EnterpriseLegalPerson,
    MarriageRegistration,
    ResidencePermit,
};

Dataset datasetOf(const QString& name);

// A month as one number (year * 12 + month - 1), so that runs of months are integer ranges.
inline int monthNumber(const QDate& d)
{
    return d.year() * 12 + d.month() - 1;
}

struct HouseholdMember {
    QString idNumber;
    QDate registeredOn;
};

struct MonthPeriod {
    int from = 0; // monthNumber
    int to = 0;   // monthNumber, inclusive
};

// A normalised address and the zones it lies in, shared by every record with the same text
// (a family's household, deed and rental often carry the same address).
struct AddressPlace {
    NormalizedAddress normalized;
    QList<ZoneMatch> zoneHits; // ZoneMatcher::matchAll(normalized)
};

// One agency record read once into the typed fields the rules look at, with its address
// normalised and matched against every zone. The JSON is not kept: the caller owns the records.
struct EvidenceRecord {
    QString id;
    qint64 version = 0; // as the cache holds it (0 when not read from the cache): for result digests
    QString agency;
    QString datasetName;
    Dataset dataset = Dataset::Other;
    QDateTime fetchedAt;

    QString
        number; // certificate_no | contract_no | filing_no | permit_no | registration_no | credit_code | household_no
    QString title;                       // employer_name | trade_name | name (of a business)
    QString address;                     // as the agency wrote it
    const AddressPlace* place = nullptr; // owned by the EvidenceIndex; null without an address
    QString status;
    QString usage;
    QString cityCode;
    QDate date;    // registered_on | signed_on | start_on | issued_on
    QDate endDate; // end_on | expires_on | cancelled_on
    bool endDateGiven = false;
    QStringList persons;            // the dataset's role: owners, buyers, tenants, holder, operator, spouses ...
    QList<HouseholdMember> members; // resident_population
    QList<MonthPeriod> periods;     // social_insurance, months paid
    QStringList subjects;           // subject_id_numbers

    const NormalizedAddress& normalized() const;
    const QList<ZoneMatch>& zoneHits() const;
    bool hasPerson(const QString& idNumber) const { return persons.contains(idNumber); }
    const HouseholdMember* member(const QString& idNumber) const;
};

// All agency records, typed and indexed by the ID numbers of the people in them. Addresses are
// normalised and zone-matched once, when a record is added. Read-only use is thread-safe.
class EvidenceIndex {
public:
    explicit EvidenceIndex(const ZoneMatcher& zones);
    EvidenceIndex(const EvidenceIndex&) = delete; // records point into the index's own storage
    EvidenceIndex& operator=(const EvidenceIndex&) = delete;

    void add(const AgencyRecord& record);
    // Many records at once: reading them and matching their addresses runs on every core.
    void addAll(const QList<AgencyRecord>& records);
    void addAll(QList<EvidenceRecord> typedRecords);

    // The typed fields of one record, without its place (pure; any thread). readEvidenceRecord
    // (EvidenceJson) reads the same from a record's bytes: a change here must be made there too;
    // tst_policy_evidencejson compares the two.
    static EvidenceRecord typed(const AgencyRecord& record);

    int size() const { return int(m_records.size()); }
    const EvidenceRecord& record(int index) const { return m_records.at(index); }
    // Indexes of the records that name the person (as a subject or in the dataset's role).
    const QList<int>& recordsOf(const QString& idNumber) const;
    const ZoneMatcher& zoneMatcher() const { return m_zones; }

    // ID numbers are compared with a lower-case x read as X.
    static QString normalizeId(const QString& idNumber) { return idNumber.trimmed().toUpper(); }

private:
    void insert(EvidenceRecord&& record);

    const ZoneMatcher& m_zones;
    std::deque<EvidenceRecord> m_records; // grows without moving or copying what it holds
    QHash<QString, QList<int>> m_byPerson;
    std::deque<AddressPlace> m_places; // a deque: records keep pointers into it
    QHash<QString, const AddressPlace*> m_placeByText;
};

} // namespace adm::policy
