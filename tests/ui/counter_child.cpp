// counter_child: the workstation's main window in a process of its own, for tst_counterkill, which
// kills it with SIGKILL while an application is being typed at the counter. The real window, session,
// counter window and cache; what it does is reported on stdout, one line each.
//
//   counter_child DATA_DIR ID_NUMBER NAME   opens the counter window (Ctrl+N), types the child's ID
//                                          number and name with the keyboard, prints "kept" once the
//                                          draft is in the cache, and waits to be killed
#include "CityFixture.h"
#include "CounterWindow.h"
#include "MainWindow.h"
#include "ScriptedPrompter.h"
#include "views/LocalSession.h"
#include "views/OpenCache.h"

#include <QApplication>
#include <QInputMethodEvent>
#include <QStandardPaths>
#include <QTest>
#include <cstdio>

using namespace adm;

namespace {

void say(const QString& line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = app.arguments();
    if (args.size() < 4)
        return 2;
    auto ws = store::Workspace::unlock(args.at(1), testsupport::kReviewer, testsupport::kPassphrase);
    if (!ws) {
        say(QStringLiteral("error: ") + ws.error().message);
        return 1;
    }
    ScriptedPrompter prompter;
    ui::MainWindow window(
        std::make_unique<views::LocalSession>(std::move(*ws)),
        [](views::OpenCache cache) -> std::unique_ptr<views::Session> {
            return std::make_unique<views::LocalSession>(cache.take());
        },
        &prompter);
    window.show();
    QApplication::setActiveWindow(&window);
    if (!QTest::qWaitForWindowActive(&window)) {
        say(QStringLiteral("error: the window did not become active"));
        return 1;
    }
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    if (!QTest::qWaitFor([&] { return window.counterWindow() && window.counterWindow()->isReady(); }, 30000)) {
        say(QStringLiteral("error: the counter window did not open"));
        return 1;
    }
    ui::CounterWindow* counter = window.counterWindow();
    QApplication::setActiveWindow(counter);
    QTest::qWaitForWindowActive(counter);
    QObject::connect(counter, &ui::CounterWindow::draftKept, counter, [] { say(QStringLiteral("kept")); });
    // Grade → school → the child's ID number → the name (Chinese, through the input method).
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    if (QApplication::focusWidget()->objectName() != QLatin1String("childIdNumber")) {
        say(QStringLiteral("error: the focus is in ") + QApplication::focusWidget()->objectName());
        return 1;
    }
    QTest::keyClicks(QApplication::focusWidget(), args.at(2));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QInputMethodEvent name;
    name.setCommitString(args.at(3));
    QApplication::sendEvent(QApplication::focusWidget(), &name);
    say(QStringLiteral("typed"));
    return app.exec(); // until killed
}
