#include "CityFixture.h"

#include "TestSupport.h"
#include "citygen/CityGenerator.h"
#include "domain/JsonCodec.h"
#include "store/CacheEligibility.h"
#include "store/ChangeApplier.h"
#include "store/Sql.h"
#include "sync/SignOffReads.h"
#include "sync/SyncState.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace adm;

namespace testsupport {

namespace {

// Each step says what went wrong (a warning the test log shows) and gives up; the test that asked
// for the workspace fails on the null it gets, instead of crashing or aborting the whole run.
std::unique_ptr<store::Workspace> newWorkspace(const QString& dir)
{
    auto ws = store::Workspace::initialise(dir, kReviewer, QStringLiteral("reviewer"), kPassphrase);
    if (!ws) {
        qWarning("cannot initialise a workspace: %s", qPrintable(ws.error().message));
        return nullptr;
    }
    return std::move(*ws);
}

bool applyAndCheck(store::Workspace& ws, const QList<Change>& changes)
{
    store::ChangeApplier applier(ws.database().writer());
    for (qsizetype from = 0; from < changes.size(); from += 20000) {
        if (auto r = applier.apply(changes.mid(from, 20000)); !r) {
            qWarning("cannot apply changes: %s", qPrintable(r.error().message));
            return false;
        }
    }
    if (auto r = store::CacheEligibility(ws.database().writer()).checkAll(); !r) {
        qWarning("cannot check: %s", qPrintable(r.error().message));
        return false;
    }
    return true;
}

} // namespace

std::unique_ptr<store::Workspace> makeCityWorkspace(const QString& dir, int applications, quint64 seed)
{
    auto ws = newWorkspace(dir);
    if (!ws)
        return nullptr;
    citygen::Options options;
    options.applications = applications;
    options.seed = seed;
    QList<Change> changes;
    int n = 0;
    citygen::CityGenerator(options).generate([&](const Change& c) {
        Change copy = c;
        if (copy.entity == entity::Application) {
            ++n;
            const char* status = n % 10 == 0   ? "approved"
                                 : n % 15 == 0 ? "rejected"
                                 : n % 20 == 0 ? "info_requested"
                                               : nullptr;
            if (status)
                copy.data.insert(QStringLiteral("status"), QLatin1String(status));
        }
        changes.append(copy);
    });
    if (!applyAndCheck(*ws, changes))
        return nullptr;
    return ws;
}

QString addSignOffDesk(store::Workspace& ws, const QString& principal, const QString& passphrase,
                       const QString& account)
{
    auto fail = [](const QString& why) {
        qWarning("sign-off desk: %s", qPrintable(why));
        return QString();
    };
    if (Status s = ws.addUser(principal, QStringLiteral("principal"), security::SecretBytes(passphrase), false); !s)
        return fail(s.error().message);
    store::Connection& db = ws.database().writer();
    if (Status s = sync::SyncState(db).setAccountFor(principal, account); !s)
        return fail(s.error().message);
    auto schools = sync::SignOffReads::schoolsWithApplications(db);
    if (!schools || schools->isEmpty())
        return fail(QStringLiteral("no school"));
    const QString school = schools->first();
    auto q = db.prepare(QStringLiteral("SELECT a.id, a.data, e.category FROM applications a LEFT JOIN "
                                       "eligibility_results e ON e.application_id = a.id WHERE a.target_school_id = ? "
                                       "ORDER BY a.id LIMIT 12"));
    if (!q)
        return fail(q.error().message);
    q->bind(1, school);
    struct Update {
        QString id, status;
        QByteArray data;
    };
    QList<Update> updates;
    int n = 0;
    while (q->step()) {
        QJsonObject data = QJsonDocument::fromJson(q->utf8(1)).object();
        const bool approved = n % 4 != 3;
        const QString checked = q->text(2);
        QJsonObject decision{
            {QStringLiteral("outcome"), approved ? QStringLiteral("approve") : QStringLiteral("reject")},
            {QStringLiteral("decided_by"), QStringLiteral("officer.liu")},
            {QStringLiteral("decided_at"), QStringLiteral("2026-05-0%1T09:30:00Z").arg(1 + n % 5)},
            {QStringLiteral("reason_code"), QStringLiteral("verified_on_paper")},
            {QStringLiteral("note"), QStringLiteral("checked at the counter")}};
        if (approved) {
            // Every other approval follows the check; the others are in category C (an override unless the
            // check found C).
            const bool checkedCategory = checked.size() == 1;
            decision.insert(QStringLiteral("category"), checkedCategory && n % 2 == 0 ? checked : QStringLiteral("C"));
        }
        const QString status = approved ? QStringLiteral("approved") : QStringLiteral("rejected");
        data.insert(QStringLiteral("status"), status);
        data.insert(QStringLiteral("decision"), decision);
        updates.append({q->text(0), status, QJsonDocument(data).toJson(QJsonDocument::Compact)});
        ++n;
    }
    for (const Update& up : updates) {
        auto u = db.prepare(QStringLiteral("UPDATE applications SET status = ?, data = ? WHERE id = ?"));
        if (!u)
            return fail(u.error().message);
        u->bind(1, up.status);
        u->bind(2, up.data);
        u->bind(3, up.id);
        if (Status s = u->run(); !s)
            return fail(s.error().message);
    }
    return school;
}

std::unique_ptr<store::Workspace> makeFixtureWorkspace(const QString& dir)
{
    const QList<QJsonObject> fixture = fixtureChanges();
    if (fixture.isEmpty())
        return nullptr; // fixtureChanges() said why
    auto ws = newWorkspace(dir);
    if (!ws)
        return nullptr;
    QList<Change> changes;
    for (const QJsonObject& o : fixture) {
        auto change = json::readChange(o);
        if (!change) {
            qWarning("a fixture change does not read: %s", qPrintable(change.error().message));
            return nullptr;
        }
        changes.append(*change);
    }
    if (!applyAndCheck(*ws, changes))
        return nullptr;
    return ws;
}

QString queueText(views::QueueModel& model, int row, views::Column column)
{
    const QModelIndex i = model.index(row, int(column));
    (void)model.data(i, Qt::DisplayRole);
    if (!QTest::qWaitFor([&] { return model.data(i, views::QueueModel::LoadedRole).toBool(); }, 5000))
        return QStringLiteral("(not loaded)");
    return model.data(i, Qt::DisplayRole).toString();
}

adm::Change applicationUpsert(const QString& id, const QJsonObject& data, qint64 version)
{
    adm::Change c;
    c.entity = adm::entity::Application;
    c.op = QStringLiteral("upsert");
    c.id = id;
    c.version = version;
    c.data = data;
    return c;
}

} // namespace testsupport
