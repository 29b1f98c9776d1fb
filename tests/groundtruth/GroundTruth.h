#pragma once

#include "citygen/CityGenerator.h"

#include <QHash>
#include <QMap>
#include <QString>
#include <QStringList>

// Compares eligibility results with the generator's truth: category agreement, the confusion
// table, and precision and recall per flag. Prints the table; the tests assert the thresholds.
class GroundTruth {
public:
    void addTruth(const adm::citygen::Truth& truth) { m_truth.insert(truth.applicationId, truth); }
    void addResult(const QString& applicationId, const QString& category, const QStringList& flags);

    int applications() const { return int(m_truth.size()); }
    int results() const { return int(m_results.size()); }
    double categoryAgreement() const;
    struct FlagScore {
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        double precision() const;
        double recall() const;
    };
    QMap<QString, FlagScore> flagScores() const;
    QString report() const; // the confusion table and the flag scores
    QStringList firstDisagreements(int count) const;

private:
    struct Found {
        QString category;
        QStringList flags;
    };
    QHash<QString, adm::citygen::Truth> m_truth;
    QHash<QString, Found> m_results;
};
