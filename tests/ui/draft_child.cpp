// draft_child: the workstation's main window in a process of its own, for tst_draftkill, which
// kills it with SIGKILL while a decision dialog is open. The real window, session, dialogs and
// cache; the questions are answered here and reported on stdout, one line each.
//
//   draft_child write DATA_DIR APPLICATION TEXT   opens the approval of APPLICATION, types TEXT
//                                                  in its note, prints "typed", and waits
//   draft_child resume DATA_DIR                    answers "Go on" to the draft offered at the
//                                                  start, prints the reopened note, discards it
#include "CityFixture.h"
#include "DecisionDialog.h"
#include "DetailPane.h"
#include "MainWindow.h"
#include "Prompter.h"
#include "QueuePane.h"
#include "views/ApplicationDetail.h"
#include "views/LocalSession.h"
#include "views/OpenCache.h"
#include "views/QueueModel.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <cstdio>

using namespace adm;

namespace {

void say(const QString& line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

// The real decision dialogs; `inDialog` runs in the dialog's exec(); questions answered in order.
class ChildPrompter : public ui::DialogPrompter {
public:
    std::function<void(ui::DecisionDialog&)> inDialog;
    QList<int> choices;
    bool exitWhenClosed = false;

    std::optional<sync::DecisionRequest> askApprove(QWidget* parent, const ui::DecisionContext& c) override
    {
        QTimer::singleShot(0, parent, [this, parent] {
            if (auto* dialog = parent->findChild<ui::DecisionDialog*>(); dialog && inDialog)
                std::exchange(inDialog, nullptr)(*dialog);
        });
        auto r = DialogPrompter::askApprove(parent, c);
        say(QStringLiteral("closed"));
        if (exitWhenClosed)
            QMetaObject::invokeMethod(
                qApp, [] { QCoreApplication::exit(0); }, Qt::QueuedConnection);
        return r;
    }
    int choose(QWidget*, const QString&, const QString& text, const QStringList&, int escape) override
    {
        say(QStringLiteral("asked: ") + text);
        return choices.isEmpty() ? escape : choices.takeFirst();
    }
    void inform(QWidget*, const QString&, const QString& text) override { say(QStringLiteral("informed: ") + text); }
};

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = app.arguments();
    if (args.size() < 3)
        return 2;
    const QString mode = args.at(1);
    auto ws = store::Workspace::unlock(args.at(2), testsupport::kReviewer, testsupport::kPassphrase);
    if (!ws) {
        say(QStringLiteral("error: ") + ws.error().message);
        return 1;
    }
    ChildPrompter prompter;
    ui::MainWindow window(
        std::make_unique<views::LocalSession>(std::move(*ws)),
        [](views::OpenCache cache) -> std::unique_ptr<views::Session> {
            return std::make_unique<views::LocalSession>(cache.take());
        },
        &prompter);
    window.show();

    if (mode == QLatin1String("write") && args.size() >= 5) {
        const QString application = args.at(3);
        const QString text = args.at(4);
        auto* search = window.findChild<QLineEdit*>(QStringLiteral("searchField"));
        search->setText(application);
        const bool shown = QTest::qWaitFor(
            [&] {
                const views::ApplicationDetail* d = window.detailPane()->detail();
                return d && d->application.id == application;
            },
            30000);
        if (!shown) {
            say(QStringLiteral("error: the application was not shown"));
            return 1;
        }
        prompter.inDialog = [text](ui::DecisionDialog& dialog) {
            auto* note = dialog.findChild<QPlainTextEdit*>(QStringLiteral("noteEdit"));
            note->setFocus();
            QTest::keyClicks(note, text);
            say(QStringLiteral("typed"));
        };
        window.findChild<QAction*>(QStringLiteral("approveAction"))->trigger(); // until killed
        return 0;
    }
    if (mode == QLatin1String("resume")) {
        prompter.choices = {0, 1}; // "Go on" with the draft; then "Discard" at Esc
        prompter.inDialog = [](ui::DecisionDialog& dialog) {
            auto* note = dialog.findChild<QPlainTextEdit*>(QStringLiteral("noteEdit"));
            say(QStringLiteral("note: ") + note->toPlainText());
            QTest::keyClick(note, Qt::Key_Escape);
        };
        prompter.exitWhenClosed = true;
        return app.exec();
    }
    return 2;
}
