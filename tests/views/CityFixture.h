#pragma once

#include "store/Workspace.h"
#include "views/QueueModel.h"

#include <QString>
#include <memory>

class QJsonObject;
namespace adm {
struct Change;
}

// Workspaces with data for the view and GUI tests: the shared policy fixture, or a generated city.
namespace testsupport {

inline const QString kReviewer = QStringLiteral("liu.fang");
inline const QString kPassphrase = QStringLiteral("desk passphrase 1");

// A new workspace in `dir` (user kReviewer, a reviewer) holding a generated city of `applications`,
// checked. Some applications get other statuses so that every bin has rows: every 10th approved,
// every 15th rejected, every 20th information requested (upstream decisions). Null (with a warning
// saying why) when it cannot be made.
std::unique_ptr<adm::store::Workspace> makeCityWorkspace(const QString& dir, int applications, quint64 seed = 7);

// For the principal's sign-off (issue 14): adds `principal` (a principal, with `passphrase`) whose hub
// account is `account`, and makes twelve applications of the first school decided by an officer and
// taken by the platform (approved, every 4th rejected; some approvals in another category than the
// check found: overrides). Returns the school's id; empty (with a warning) when it cannot.
QString addSignOffDesk(adm::store::Workspace& workspace, const QString& principal, const QString& passphrase,
                       const QString& account);

// A new workspace in `dir` holding the shared fixture (shared/fixtures/policy-cases.json), checked.
// Null (with a warning saying why) when the fixture is missing or the workspace cannot be made.
std::unique_ptr<adm::store::Workspace> makeFixtureWorkspace(const QString& dir);

// An upsert of application `id` as the change feed brings it: `data` is its whole JSON, at `version`.
adm::Change applicationUpsert(const QString& id, const QJsonObject& data, qint64 version);

// A queue cell's text as a view reads it: ask, then wait until its page has arrived (rows are
// fetched in pages on a reader thread). "(not loaded)" after 5 s.
QString queueText(adm::views::QueueModel& model, int row, adm::views::Column column);

} // namespace testsupport
