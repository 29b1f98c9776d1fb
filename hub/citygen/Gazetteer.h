#pragma once

#include <QString>
#include <QStringList>

// Word lists the synthetic city is built from. Kept apart from the layout code so that the
// invariants (no numerals, no address keywords inside names) can be checked in one place.
namespace adm::citygen::gazetteer {

struct DistrictSeed {
    const char* code;
    const char* name;
    const char* certificateCity; // as written in a real-estate certificate number
    int weight;                  // share of families, per mille
    int primaryZones;
    const char* towns; // space-separated, without 镇
};

struct ElsewhereSeed {
    const char* areaCode;
    const char* prefix; // province, city and district
};

QList<DistrictSeed> districts();
QList<ElsewhereSeed> elsewhere();

QStringList roadBases();
QStringList roadPatterns(); // suffixes after the base, "路", "东路", "大道", ...
QList<int> roadPatternWeights();
QStringList elsewhereRoadPatterns();
QStringList compoundPrefixes();
QStringList compoundSuffixes();
QList<int> compoundSuffixWeights();
QStringList looseCompoundSuffixes(); // 二期, 三期, 东苑, ...
QStringList typoCharacters();        // replacements for a one-character road typo
QStringList villagePatterns();       // 家庄, 官庄, ... (a surname goes before, 村 after)
QString forbiddenInNames();          // characters that would confuse an address parser
QStringList forbiddenWords();        // words no road base or compound prefix may contain

} // namespace adm::citygen::gazetteer
