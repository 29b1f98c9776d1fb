#pragma once

#include "CityFixture.h"
#include "domain/Entities.h"
#include "security/SecretBytes.h"
#include "store/CacheEligibility.h"
#include "store/ChangeApplier.h"
#include "store/Sql.h"
#include "store/Workspace.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

// For the supervision dashboard (issue 16): a supervisor at the desk, and upstream decisions of five
// officer accounts in a generated city, one of whom overrides the automatic check far more often than
// the others (the outlier the bureau must see). Shared by tst_supervisionwindow and ui_screenshots.
namespace testsupport {

inline const QString kSupervisor = QStringLiteral("zhao.jiandu");
inline const QString kSupervisorPassphrase = QStringLiteral("supervisor passphrase 4");
inline const QString kOutlierOfficer = QStringLiteral("officer.zhou");

// What the desk made, as the test counts it (independently of the counters).
struct SupervisionDeskCounts {
    QMap<QString, qint64> decisions; // per officer: approvals and rejections
    QMap<QString, qint64> overrides; // per officer
    QString error;                   // empty: made
};

// Applications written again as the platform sends them (a change of a sync: the queue's and the
// supervision's triggers follow), then checked. Each `data` is the application's whole JSON, its version
// one up. Empty, or why not.
inline QString applyApplications(adm::store::Workspace& ws, const QList<QPair<QString, QJsonObject>>& apps)
{
    using namespace adm;
    QList<Change> changes;
    for (const auto& [id, data] : apps)
        changes.append(applicationUpsert(id, data, qint64(data.value(QStringLiteral("version")).toDouble())));
    store::ChangeApplier applier(ws.database().writer());
    if (auto r = applier.apply(changes); !r)
        return r.error().message;
    if (auto r = store::CacheEligibility(ws.database().writer()).checkAll(); !r)
        return r.error().message;
    return {};
}

// An application's JSON as the cache holds it, its version one up (for applyApplications).
inline QJsonObject nextVersion(const QByteArray& json, qint64 version)
{
    QJsonObject data = QJsonDocument::fromJson(json).object();
    data.insert(QStringLiteral("version"), double(version + 1));
    return data;
}

inline SupervisionDeskCounts addSupervisionDesk(adm::store::Workspace& ws)
{
    using namespace adm;
    SupervisionDeskCounts out;
    if (Status s =
            ws.addUser(kSupervisor, QStringLiteral("supervisor"), security::SecretBytes(kSupervisorPassphrase), false);
        !s) {
        out.error = s.error().message;
        return out;
    }
    store::Connection& db = ws.database().writer();
    // Applications still waiting, with what the check found.
    auto q = db.prepare(QStringLiteral("SELECT a.id, a.data, e.category, a.version FROM applications a JOIN "
                                       "eligibility_results e "
                                       "ON e.application_id = a.id WHERE a.status IN ('submitted', 'under_review') "
                                       "ORDER BY a.id"));
    if (!q) {
        out.error = q.error().message;
        return out;
    }
    const QStringList officers = {QStringLiteral("officer.chen"), QStringLiteral("officer.li"),
                                  QStringLiteral("officer.wang"), QStringLiteral("officer.zhao"), kOutlierOfficer};
    QList<QPair<QString, QJsonObject>> updates;
    int n = 0;
    while (q->step()) {
        ++n;
        if (n % 3 != 0) // a third of them decided
            continue;
        const int k = n / 3;
        const QString officer = officers.at(k % officers.size());
        const QString checked = q->text(2);
        QJsonObject data = nextVersion(q->utf8(1), q->int64(3));
        const QDateTime submitted =
            QDateTime::fromString(data.value(QStringLiteral("submitted_at")).toString(), Qt::ISODate);
        const bool outlier = officer == kOutlierOfficer;
        // The outlier overrides every other time; the others once in twelve or so, a little apart.
        const bool override = outlier ? k % 2 == 0 : (k / officers.size()) % (11 + k % 3) == 0;
        const bool eligible =
            checked == QLatin1String("A") || checked == QLatin1String("B") || checked == QLatin1String("C");
        // An override: approved in another category than the check found (or although it found none), or
        // rejected although it found one (sync::SignOffDecision::classify). Else as the check says.
        bool approve = true;
        QString category;
        if (override) {
            approve = !(eligible && k % 7 == 0);
            category = checked == QLatin1String("A") ? QStringLiteral("B") : QStringLiteral("A");
        } else {
            approve = eligible;
            category = checked;
        }
        const bool overrides = override;
        QJsonObject decision{
            {QStringLiteral("outcome"), approve ? QStringLiteral("approve") : QStringLiteral("reject")},
            {QStringLiteral("decided_by"), officer},
            {QStringLiteral("decided_at"),
             (submitted.isValid() ? submitted : QDateTime(QDate(2026, 5, 6), QTime(9, 0), Qt::UTC))
                 .addSecs(3600 * (2 + (k * 7) % 96))
                 .toUTC()
                 .toString(Qt::ISODate)},
            {QStringLiteral("reason_code"), QStringLiteral("verified_on_paper")}};
        if (approve)
            decision.insert(QStringLiteral("category"), category);
        const QString status = approve ? QStringLiteral("approved") : QStringLiteral("rejected");
        data.insert(QStringLiteral("status"), status);
        data.insert(QStringLiteral("decision"), decision);
        updates.append({q->text(0), data});
        out.decisions[officer] += 1;
        out.overrides[officer] += overrides ? 1 : 0;
    }
    q->reset();
    out.error = applyApplications(ws, updates);
    return out;
}

} // namespace testsupport
