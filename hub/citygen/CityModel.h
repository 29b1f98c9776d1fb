#pragma once

#include "Address.h"

#include <QDate>
#include <QList>
#include <QString>

// What the generator knows about one unit of the city (a family, or two families that share a
// flat) before it is written out: people, agency records by meaning, and applications.
namespace adm::citygen {

enum class Dataset : quint8 {
    ResidentPopulation,
    RealEstate,
    SaleContract,
    Rental,
    Insurance,
    Business,
    Enterprise,
    Marriage,
    ResidencePermit,
};

struct Person {
    QString name;
    QString id;
    QDate birth;
    bool male = false;
    QString phone;
};

struct Member {
    int person = -1;
    QString relation; // relation to the head, 户主 / 妻 / 子 ...
    QDate registeredOn;
};

// Months counted as year * 12 + (month - 1).
struct MonthRange {
    int from = 0;
    int to = 0;
};

struct Record {
    Dataset dataset = Dataset::ResidentPopulation;
    Addr addr;
    QList<int> persons;    // owners, buyers, tenants, holder, spouses, operator, insured person
    QList<int> shares;     // real estate: each owner's share in percent
    QList<Member> members; // resident population
    QDate start;           // registered_on / signed_on / start_on / issued_on
    QDate end;             // cancelled_on / end_on / expires_on (invalid when none)
    QString status;
    QString usage;             // real estate
    QString name;              // employer, trade name, enterprise name
    QList<MonthRange> periods; // social insurance
    qint64 fetchedAt = 0;      // seconds since the epoch, UTC
    QString areaCode;          // resident population: the registering district (for the household number)
};

struct GuardianRef {
    int person = -1;
    QString relation; // father | mother | grandparent | other
};

struct AppModel {
    int child = -1;
    QList<GuardianRef> guardians;
    int school = -1;
    bool junior = false;
    QString claimed; // A | B | C
    QString channel; // online | counter
    qint64 submittedAt = 0;
    QString status;
    Addr claimedAddr;
    QString intended; // the category the scenario meant: A | B | C | none
    QString scenario; // the scenario's name, for explaining a disagreement
};

struct Unit {
    QList<Person> persons;
    QList<Record> records;
    QList<AppModel> apps;
};

} // namespace adm::citygen
