#include "PolicyTestData.h"
#include "policy/EligibilityResult.h"

#include <QTest>
#include <functional>

using namespace policytest;
using adm::policy::EligibilityResult;

// Builds a document and returns the id of the application to look at.
using Scenario = std::function<QString(Doc&)>;
Q_DECLARE_METATYPE(Scenario)

namespace {

const QString kFlat = QStringLiteral("东港区海曲东路120号阳光花园1号楼1单元101");
const QString kHebei = QStringLiteral("河北省石家庄市长安区建设北大街5号");

// A category A family applying to S1.
QString owners(Doc& d, int n, const QString& claimed = QStringLiteral("A"))
{
    const Family f = Family::make(n);
    d.household(f, kFlat);
    d.realEstate({f.father}, kFlat);
    return d.application(QStringLiteral("A%1").arg(n), f, QStringLiteral("S1"), claimed);
}

QJsonObject guardian(const QString& id, const char* relation)
{
    return QJsonObject{{"name", "G"}, {"id_number", id}, {"relation", relation}, {"phone", "1"}};
}

// A child ID whose check character is X, so that the lower-case spelling can be tested.
QString childWithX()
{
    for (int seq = 100; seq < 999; ++seq) {
        const QString id = makeId(QStringLiteral("371102"), QDate(2019, 11, 5), seq);
        if (id.endsWith(u'X'))
            return id;
    }
    return {};
}

} // namespace

// Each flag of the policy's table, on and off.
class TestPolicyFlags : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void flags_data();
    void flags();
    void flagsExplainThemselves();
};

void TestPolicyFlags::flags_data()
{
    QTest::addColumn<QString>("flag");
    QTest::addColumn<bool>("on");
    QTest::addColumn<Scenario>("scenario");
    auto row = [](const char* name, const char* flag, bool on, Scenario s) {
        QTest::newRow(name) << QString::fromLatin1(flag) << on << s;
    };

    // duplicate_application
    row("duplicate: same child at two schools", "duplicate_application", true, [](Doc& d) {
        const QString id = owners(d, 1);
        d.application(QStringLiteral("A1b"), Family::make(1), QStringLiteral("S2"));
        return id;
    });
    row("duplicate: one application", "duplicate_application", false, [](Doc& d) { return owners(d, 1); });
    row("duplicate: same child, another year", "duplicate_application", false, [](Doc& d) {
        const QString id = owners(d, 1);
        d.application(QStringLiteral("A1b"), Family::make(1), QStringLiteral("S1"), QStringLiteral("A"), 2025);
        return id;
    });
    row("duplicate: ID with a lower-case x", "duplicate_application", true, [](Doc& d) {
        const Family f = Family::make(1);
        const QString child = childWithX();
        const QJsonArray gs{guardian(f.father, "father")};
        d.applicationWith(QStringLiteral("A1"), child, gs, QStringLiteral("S1"), QStringLiteral("A"));
        d.applicationWith(QStringLiteral("A2"), child.toLower(), gs, QStringLiteral("S2"), QStringLiteral("A"));
        return QStringLiteral("A2");
    });
    row("duplicate: siblings are different children", "duplicate_application", false, [](Doc& d) {
        owners(d, 1);
        return owners(d, 2);
    });

    // shared_property
    row("shared: one certificate, two households", "shared_property", true, [](Doc& d) {
        const Family f1 = Family::make(1);
        const Family f2 = Family::make(2);
        d.household(f1, kFlat);
        d.household(f2, QStringLiteral("东港区北京路8号"));
        d.realEstate({f1.father, f2.father}, kFlat);
        d.application(QStringLiteral("A1"), f1);
        d.application(QStringLiteral("A2"), f2);
        return QStringLiteral("A2");
    });
    row("shared: siblings in one household", "shared_property", false, [](Doc& d) {
        const Family f = Family::make(1);
        const QString sibling = makeId(QStringLiteral("371102"), QDate(2019, 11, 5), 901);
        d.householdWith(QStringList{f.father, f.mother, f.child, sibling},
                        QJsonArray{QJsonObject{{"id_number", f.father}, {"registered_on", "2015-03-01"}},
                                   QJsonObject{{"id_number", f.mother}, {"registered_on", "2015-03-01"}},
                                   QJsonObject{{"id_number", f.child}, {"registered_on", "2019-12-01"}},
                                   QJsonObject{{"id_number", sibling}, {"registered_on", "2019-12-01"}}},
                        kFlat, QStringLiteral("HH-1"));
        d.realEstate({f.father}, kFlat);
        d.application(QStringLiteral("A1"), f);
        const QJsonArray gs{guardian(f.father, "father"), guardian(f.mother, "mother")};
        d.applicationWith(QStringLiteral("A2"), sibling, gs, QStringLiteral("S1"), QStringLiteral("A"));
        return QStringLiteral("A2");
    });
    row("shared: two children without households", "shared_property", true, [](Doc& d) {
        const Family f1 = Family::make(1);
        const Family f2 = Family::make(2);
        d.realEstate({f1.father, f2.father}, kFlat);
        d.application(QStringLiteral("A1"), f1, QStringLiteral("S1"), QStringLiteral("B"));
        d.application(QStringLiteral("A2"), f2, QStringLiteral("S1"), QStringLiteral("B"));
        return QStringLiteral("A1");
    });
    row("shared: the same child twice", "shared_property", false, [](Doc& d) {
        const Family f = Family::make(1);
        d.realEstate({f.father}, kFlat);
        d.application(QStringLiteral("A1"), f, QStringLiteral("S1"), QStringLiteral("B"));
        d.application(QStringLiteral("A2"), f, QStringLiteral("S1"), QStringLiteral("B"));
        return QStringLiteral("A1");
    });
    row("shared: certificate decisive for one only", "shared_property", false, [](Doc& d) {
        const Family f1 = Family::make(1);
        const Family f2 = Family::make(2);
        d.household(f1, kFlat);
        d.household(f2, QStringLiteral("东港区北京路8号"));
        d.realEstate({f1.father, f2.father}, kFlat);
        d.application(QStringLiteral("A1"), f1);
        d.application(QStringLiteral("A2"), f2, QStringLiteral("S2")); // the flat is not in S2's zone
        return QStringLiteral("A1");
    });

    // property_cancelled
    auto flatStatus = [](const char* status, const QDate& cancelled) {
        return Scenario([=](Doc& d) {
            const Family f = Family::make(1);
            d.household(f, kFlat);
            d.realEstate({f.father}, kFlat, QDate(2016, 1, 1), QString::fromLatin1(status), cancelled);
            return d.application(QStringLiteral("A1"), f);
        });
    };
    row("cancelled: sealed", "property_cancelled", true, flatStatus("sealed", {}));
    row("cancelled: cancelled after C", "property_cancelled", true, flatStatus("cancelled", QDate(2026, 8, 15)));
    row("cancelled: valid", "property_cancelled", false, flatStatus("valid", {}));
    row("cancelled: mortgaged", "property_cancelled", false, flatStatus("mortgaged", {}));
    row("cancelled: property by sale contract", "property_cancelled", false, [](Doc& d) {
        const Family f = Family::make(1);
        d.household(f, kFlat);
        d.saleContract(f.parents(), kFlat, QDate(2026, 1, 1));
        return d.application(QStringLiteral("A1"), f);
    });

    // guardian_not_linked
    auto withGuardians = [](const std::function<QJsonArray(Doc&, const Family&)>& make) {
        return Scenario([=](Doc& d) {
            const Family f = Family::make(1);
            d.household(f, kFlat);
            d.realEstate({f.father}, kFlat);
            return d.applicationWith(QStringLiteral("A1"), f.child, make(d, f), QStringLiteral("S1"),
                                     QStringLiteral("A"));
        });
    };
    const QString grandma = makeId(QStringLiteral("371102"), QDate(1960, 1, 1), 22);
    const QString stepfather = makeId(QStringLiteral("371102"), QDate(1985, 1, 1), 33);
    row("linked: both parents in the household", "guardian_not_linked", false, withGuardians([](Doc&, const Family& f) {
            return QJsonArray{guardian(f.father, "father"), guardian(f.mother, "mother")};
        }));
    row("not linked: grandparent outside the household", "guardian_not_linked", true,
        withGuardians([grandma](Doc&, const Family& f) {
            return QJsonArray{guardian(f.mother, "mother"), guardian(grandma, "grandparent")};
        }));
    row("linked: married to a guardian in the household", "guardian_not_linked", false,
        withGuardians([stepfather](Doc& d, const Family& f) {
            d.marriage({f.mother, stepfather});
            return QJsonArray{guardian(stepfather, "father"), guardian(f.mother, "mother")};
        }));
    row("not linked: the marriage is divorced", "guardian_not_linked", true,
        withGuardians([stepfather](Doc& d, const Family& f) {
            d.marriage({f.mother, stepfather}, QStringLiteral("divorced"));
            return QJsonArray{guardian(stepfather, "father"), guardian(f.mother, "mother")};
        }));
    row("not linked: married to a guardian who is not linked either", "guardian_not_linked", true,
        withGuardians([stepfather, grandma](Doc& d, const Family&) {
            d.marriage({grandma, stepfather});
            return QJsonArray{guardian(stepfather, "father"), guardian(grandma, "grandparent")};
        }));
    row("not linked: married to someone not on the application", "guardian_not_linked", true,
        withGuardians([stepfather](Doc& d, const Family& f) {
            d.marriage({f.mother, stepfather});
            return QJsonArray{guardian(stepfather, "father")};
        }));

    // category_mismatch
    row("mismatch: claimed A, found B", "category_mismatch", true, [](Doc& d) {
        const Family f = Family::make(1);
        d.household(f, QStringLiteral("岚山区圣岚路12号"));
        d.realEstate({f.father}, kFlat);
        return d.application(QStringLiteral("A1"), f);
    });
    row("mismatch: claimed A, found A", "category_mismatch", false, [](Doc& d) { return owners(d, 1); });
    row("mismatch: claimed C, found A", "category_mismatch", true,
        [](Doc& d) { return owners(d, 1, QStringLiteral("C")); });
    row("mismatch: claimed B, found none", "category_mismatch", false, [](Doc& d) {
        const Family f = Family::make(1);
        d.household(f, kFlat);
        d.realEstate({f.father}, QStringLiteral("东港区北京路36号"));
        return d.application(QStringLiteral("A1"), f, QStringLiteral("S1"), QStringLiteral("B"));
    });

    // over_age and under_age
    auto bornOn = [](const QDate& birth) {
        return Scenario([=](Doc& d) {
            const Family f = Family::make(1, birth);
            d.household(f, kFlat);
            d.realEstate({f.father}, kFlat);
            return d.application(QStringLiteral("A1"), f);
        });
    };
    row("over age: born 2019-08-31", "over_age", true, bornOn(QDate(2019, 8, 31)));
    row("over age: born 2019-09-01", "over_age", false, bornOn(QDate(2019, 9, 1)));
    row("under age: born 2020-09-01", "under_age", true, bornOn(QDate(2020, 9, 1)));
    row("under age: born 2020-08-31", "under_age", false, bornOn(QDate(2020, 8, 31)));

    // address_uncertain
    auto ownersAt = [](const char* flat, const char* hukou) {
        return Scenario([=](Doc& d) {
            const Family f = Family::make(1);
            d.household(f, QString::fromUtf8(hukou));
            d.realEstate({f.father}, QString::fromUtf8(flat));
            return d.application(QStringLiteral("A1"), f);
        });
    };
    row("uncertain: A, flat in a longer compound name", "address_uncertain", true,
        ownersAt("阳光花园三期2号楼", "东港区北京路8号"));
    row("uncertain: B, flat on a road one character off", "address_uncertain", true,
        ownersAt("海渠东路77号", "岚山区圣岚路12号"));
    row("uncertain: A, exact flat", "address_uncertain", false, ownersAt("阳光花园2号楼", "东港区北京路8号"));
    row("uncertain: A, household loose but flat exact", "address_uncertain", false,
        ownersAt("阳光花园2号楼", "阳光花园三期2号楼"));
    auto renters = [](const char* rented, bool works) {
        return Scenario([=](Doc& d) {
            const Family f = Family::make(1, QDate(2019, 11, 5), QStringLiteral("130102"));
            d.household(f, kHebei);
            d.rental({f.father}, QString::fromUtf8(rented), QDate(2025, 1, 1), QDate(2027, 1, 1));
            if (works)
                d.insurance(f.father, {"2025-01:2026-07"});
            return d.application(QStringLiteral("A1"), f, QStringLiteral("S1"), QStringLiteral("C"));
        });
    };
    row("uncertain: C, rental in a longer compound name", "address_uncertain", true, renters("新阳光花园3号楼", true));
    row("uncertain: C, rental exact", "address_uncertain", false, renters("阳光花园3号楼", true));
    row("uncertain: none, loose rental but no work", "address_uncertain", false, renters("新阳光花园3号楼", false));

    // record_missing
    row("missing: claimed C, no rental or permit at all", "record_missing", true, [](Doc& d) {
        const Family f = Family::make(1, QDate(2019, 11, 5), QStringLiteral("130102"));
        d.household(f, kHebei);
        d.insurance(f.father, {"2025-01:2026-07"});
        return d.application(QStringLiteral("A1"), f, QStringLiteral("S1"), QStringLiteral("C"));
    });
    row("missing: claimed C, no work record at all", "record_missing", true, renters("阳光花园3号楼", false));
    row("missing: claimed C, records that fail", "record_missing", false, [](Doc& d) {
        const Family f = Family::make(1, QDate(2019, 11, 5), QStringLiteral("130102"));
        d.household(f, kHebei);
        d.rental({f.father}, QStringLiteral("东港区北京路36号"), QDate(2026, 5, 1), QDate(2027, 1, 1));
        d.business(f.mother, QDate(2026, 6, 1), QStringLiteral("revoked"));
        return d.application(QStringLiteral("A1"), f, QStringLiteral("S1"), QStringLiteral("C"));
    });
    row("missing: claimed A, no household record of anyone", "record_missing", true, [](Doc& d) {
        const Family f = Family::make(1);
        d.realEstate({f.father}, kFlat);
        return d.application(QStringLiteral("A1"), f);
    });
    row("missing: claimed A, only a guardian's household record", "record_missing", false, [](Doc& d) {
        const Family f = Family::make(1);
        d.householdWith({f.father}, QJsonArray{QJsonObject{{"id_number", f.father}, {"registered_on", "2015-01-01"}}},
                        kFlat, QStringLiteral("HH-F"));
        d.realEstate({f.father}, kFlat);
        return d.application(QStringLiteral("A1"), f);
    });
    row("missing: claimed A, no property record", "record_missing", true, [](Doc& d) {
        const Family f = Family::make(1);
        d.household(f, kFlat);
        return d.application(QStringLiteral("A1"), f);
    });
    row("missing: claimed B, no property record", "record_missing", true, [](Doc& d) {
        const Family f = Family::make(1);
        d.household(f, kHebei);
        return d.application(QStringLiteral("A1"), f, QStringLiteral("S1"), QStringLiteral("B"));
    });
    row("missing: claimed B, property that fails", "record_missing", false, [](Doc& d) {
        const Family f = Family::make(1);
        d.household(f, kHebei);
        d.realEstate({f.father}, kFlat, QDate(2016, 1, 1), QStringLiteral("valid"), {}, QStringLiteral("commercial"));
        return d.application(QStringLiteral("A1"), f, QStringLiteral("S1"), QStringLiteral("B"));
    });
    row("missing: claimed B, no household record is not required", "record_missing", false, [](Doc& d) {
        const Family f = Family::make(1);
        d.realEstate({f.father}, kFlat);
        return d.application(QStringLiteral("A1"), f, QStringLiteral("S1"), QStringLiteral("B"));
    });
}

void TestPolicyFlags::flags()
{
    QFETCH(QString, flag);
    QFETCH(bool, on);
    QFETCH(Scenario, scenario);
    Doc d;
    const QString id = scenario(d);
    const EligibilityResult r = d.result(id);
    QCOMPARE(r.applicationId, id);
    QVERIFY2(r.hasFlag(flag) == on, qPrintable(r.flags.join(u',')));
    // Every flag that is set says why, and the list stays sorted.
    QCOMPARE(r.flagReasons.keys(), r.flags);
    QStringList sorted = r.flags;
    sorted.sort();
    QCOMPARE(r.flags, sorted);
}

void TestPolicyFlags::flagsExplainThemselves()
{
    Doc d;
    const Family f = Family::make(1);
    d.household(f, QStringLiteral("岚山区圣岚路12号"));
    d.realEstate({f.father}, QStringLiteral("阳光花园三期2号楼"), QDate(2016, 1, 1), QStringLiteral("sealed"));
    d.application(QStringLiteral("A1"), f);
    d.application(QStringLiteral("A2"), f, QStringLiteral("S2"));
    const EligibilityResult r = d.result(QStringLiteral("A1"));
    QCOMPARE(r.flags,
             (QStringList{"address_uncertain", "category_mismatch", "duplicate_application", "property_cancelled"}));
    QVERIFY(r.flagReasons.value(QStringLiteral("duplicate_application")).contains(QStringLiteral("A2")));
    QVERIFY(r.flagReasons.value(QStringLiteral("category_mismatch")).contains(QStringLiteral("B")));
    QVERIFY(r.flagReasons.value(QStringLiteral("address_uncertain")).contains(QStringLiteral("阳光花园")));
    QVERIFY(r.flagReasons.value(QStringLiteral("property_cancelled")).contains(QStringLiteral("sealed")));
}

QTEST_GUILESS_MAIN(TestPolicyFlags)
#include "tst_policy_flags.moc"
