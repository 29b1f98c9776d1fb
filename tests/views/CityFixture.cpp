#include "CityFixture.h"

#include "TestSupport.h"
#include "citygen/CityGenerator.h"
#include "domain/JsonCodec.h"
#include "store/CacheEligibility.h"
#include "store/ChangeApplier.h"

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

} // namespace testsupport
