#pragma once

#include "CityFixture.h"
#include "MainWindow.h"
#include "ScriptedPrompter.h"
#include "store/Workspace.h"
#include "sync/Outbox.h"
#include "views/LocalSession.h"
#include "views/OpenCache.h"
#include "views/QueueModel.h"

#include <QApplication>
#include <QTableView>
#include <QTest>

// The main window over a workspace of a generated city (made once per test case), opened as a
// reviewer opens it: shown, active, its queue counted, the focus in the table.
namespace testsupport {

struct OpenWindow {
    std::unique_ptr<adm::ui::MainWindow> window;
    adm::store::Workspace* workspace = nullptr; // owned by the window's session
    QTableView* table = nullptr;
    adm::views::QueueModel* model = nullptr;
    QString error; // why the window could not be opened; the test fails with it
};

inline OpenWindow openWindow(const QString& dir, ScriptedPrompter& prompter)
{
    using namespace adm;
    OpenWindow o;
    auto ws = store::Workspace::unlock(dir, kReviewer, kPassphrase);
    if (!ws) {
        o.error = QStringLiteral("unlock failed: ") + ws.error().message;
        return o;
    }
    o.workspace = ws->get();
    auto session = std::make_unique<views::LocalSession>(std::move(*ws));
    o.window = std::make_unique<ui::MainWindow>(
        std::move(session),
        [](views::OpenCache cache) -> std::unique_ptr<views::Session> {
            return std::make_unique<views::LocalSession>(cache.take());
        },
        &prompter);
    o.window->show();
    QApplication::setActiveWindow(o.window.get());
    if (!QTest::qWaitForWindowActive(o.window.get()))
        o.error = QStringLiteral("the window did not become active");
    o.table = o.window->findChild<QTableView*>(QStringLiteral("queueTable"));
    o.model = o.table ? qobject_cast<views::QueueModel*>(o.table->model()) : nullptr;
    if (!o.model) {
        o.error = QStringLiteral("no queue table with a queue model");
        return o;
    }
    // Counted, and its first rows read (they come a moment after the count, from the reader thread).
    const auto firstRowsRead = [&] {
        const int rows = o.model->rowCount();
        return !o.model->isCounting() && rows > 0 && !o.model->applicationIdAt(std::min(rows, 10) - 1).isEmpty();
    };
    if (!QTest::qWaitFor(firstRowsRead, 10000))
        o.error = QStringLiteral("the queue was not counted and read");
    o.table->setFocus();
    return o;
}

// The decision items of the outbox, oldest first (empty, with a warning, when it cannot be read).
inline QList<adm::sync::OutboxItem> outboxItems(adm::store::Workspace& workspace)
{
    auto reader = workspace.database().openReader();
    if (!reader) {
        qWarning("no reader: %s", qPrintable(reader.error().message));
        return {};
    }
    auto items = adm::sync::Outbox(**reader).list();
    if (!items) {
        qWarning("no outbox: %s", qPrintable(items.error().message));
        return {};
    }
    return *items;
}

// An approval as the dialog would make it: in the check's category, with a reason where one is needed.
inline std::optional<adm::sync::DecisionRequest> approveAsChecked(const adm::ui::DecisionContext& c)
{
    adm::sync::DecisionRequest r;
    r.applicationId = c.applicationId;
    r.outcome = QStringLiteral("approve");
    const bool checked = c.checkedCategory.size() == 1;
    r.category = checked ? c.checkedCategory : c.claimedCategory;
    if (!checked || c.eligible == false)
        r.reasonCode = QStringLiteral("verified_on_paper");
    return r;
}

} // namespace testsupport
