#pragma once

#include "EligibilityResult.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace adm::policy {

// The flags that need the other applications of the year: duplicate_application (the same child
// ID has another application this year, at any school) and shared_property (the same real-estate
// certificate is the decisive property of children in different households this year).
//
// Kept incrementally from per-application summaries, so that a whole-cache checker can update
// one application and learn which others to re-flag, without re-checking the year.
class CrossApplicationFlags {
public:
    // Adds or replaces one application. Returns the ids whose cross flags may have changed,
    // including this one.
    QStringList upsert(const ApplicationSummary& summary);
    // Removes one application (withdrawn from the cache, deleted upstream); same return value.
    QStringList remove(const QString& applicationId);

    // The cross flags of one application, sorted.
    QStringList flagsFor(const QString& applicationId) const;
    // A translated line saying why `flagName` is set for the application.
    QString reasonFor(const QString& applicationId, const QString& flagName) const;
    int size() const { return int(m_byId.size()); }

    // Batch use: computes the cross flags of all results (together) and sets or clears them.
    static void apply(QList<EligibilityResult>& results);
    // Sets or clears the two cross flags of one result from this state.
    void applyTo(EligibilityResult& result) const;

private:
    static QString childKey(const ApplicationSummary& s);
    static QString certificateKey(const ApplicationSummary& s);
    QStringList groupOf(const ApplicationSummary& s) const;

    QHash<QString, ApplicationSummary> m_byId;
    QHash<QString, QSet<QString>> m_byChild;       // year|child → application ids
    QHash<QString, QSet<QString>> m_byCertificate; // year|certificate → application ids
};

} // namespace adm::policy
