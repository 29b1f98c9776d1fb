#pragma once

#include "CityModel.h"
#include "Geography.h"
#include "IdAllocator.h"
#include "NameBank.h"
#include "PolicyBook.h"
#include "Scenario.h"

namespace adm::citygen {

// Builds one unit of the city from a plan: the family (or two families sharing a flat), its
// agency records by meaning, and its applications, each with the category the scenario means.
// Every choice keeps the scenario unambiguous under the policy: evidence that should count is
// well inside its date limits, distractors fail clearly, and nothing else in the family's records
// meets a requirement by chance.
class FamilyBuilder {
public:
    FamilyBuilder(const Geography& geography, const PolicyBook& policies, const NameBank& names, IdAllocator& ids);

    Unit build(Random& rng, const Plan& plan, qint64 firstSubmission);

    // Shared by the evidence code.
    static QDate randomDate(Random& rng, QDate from, QDate to);
    // A date `years` before the admission year: the calendar moves with the year generated.
    QDate ago(int years, int month, int day) const { return QDate(m_policies.year() - years, month, day); }
    static int month(QDate d) { return d.year() * 12 + d.month() - 1; }

private:
    struct Family {
        Base base = Base::Local;
        bool junior = false;
        int district = -1;
        int zone = -1;   // primary zone of the home
        int school = -1; // target school
        Addr home;       // the flat or house the family owns or rents
        Addr hukouAddr;  // where the child's household is registered
        int father = -1;
        int mother = -1;
        int child = -1;
        int twin = -1;
        int grandpa = -1;
        int grandma = -1;
        bool grandparentsAtHome = false;
        int sibling = -1;
        int relative = -1;
        int holder = -1; // the parent on the application who holds the family's evidence
        QList<GuardianRef> guardians;
        QString surname;
        QString parentArea;
        QString childArea;
        int originPlace = -1;      // elsewhere place of a family from outside the city
        int originDistrict = -1;   // Rizhao district the family is registered in
        bool newHome = false;      // bought new: a sale contract, no certificate yet
        bool fatherApart = false;  // father registered in a household of his own
        bool marriedApart = false; // ... and married to the mother on record
        QString claimed;
        QString intended;
        QString label;
    };

    // The unit being built and what every step needs.
    struct Context {
        Random& rng;
        const Plan& plan;
        Unit& unit;
        qint64 fetchBase;
    };

    void placeHome(Context& c, Family& f);
    void placeOutOfZone(Context& c, Family& f);
    void targetSchool(Random& rng, Family& f, int primaryZone);
    void makePeople(Context& c, Family& f, const QString& surname = {});
    int addPerson(Context& c, const QString& area, QDate birth, bool male, const QString& surname, bool child,
                  QDate earliest, QDate latest);
    int addGrandparent(Context& c, Family& f, bool male);
    void chooseGuardians(Context& c, Family& f);
    void chooseHukou(Context& c, Family& f);
    void registerHouseholds(Context& c, Family& f);
    void addProperty(Context& c, Family& f, int coOwner);
    void addResidence(Context& c, Family& f);
    void addWork(Context& c, Family& f);
    void addExtras(Context& c, Family& f);
    void addApplications(Context& c, Family& f);
    static void dropUnseenRecords(Unit& unit);
    int otherZone(Random& rng, const Family& f) const; // a primary zone of f's district outside its target zone

    Record& addRecord(Context& c, Dataset dataset);
    Addr cityFlatElsewhere(Random& rng, int district, const Family& f) const;

    const Geography& m_geo;
    const PolicyBook& m_policies;
    const NameBank& m_names;
    IdAllocator& m_ids;
};

} // namespace adm::citygen
