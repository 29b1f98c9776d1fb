// bench_detail: moving to the next applicant in the queue, in milliseconds to the new content of the
// detail pane, on a generated city (default 42,000 applications, the demo's). Measured in the same
// run: the real window (MainWindow: one key press at a time, which it reads at once; a held key is
// debounced, m_detailDelay), and its two parts: reading the application (views::loadApplicationDetail
// on a reader) and building the pane (DetailPane::showDetail and a paint). The window's figure
// against the parts is the ratio printed: what the window adds. It prints; it never asserts.
//
//   bench_detail [--applications N] [--moves M] [--dir DIR]
//
// Offscreen unless QT_QPA_PLATFORM says otherwise. With --dir the cache is kept and used again.
#include "BenchOptions.h"
#include "CityFixture.h"
#include "DetailPane.h"
#include "MainWindow.h"
#include "QueuePane.h"
#include "views/ApplicationDetail.h"
#include "views/LocalSession.h"
#include "views/OpenCache.h"
#include "views/QueueModel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QPixmap>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>

using namespace adm;

namespace {

using bench::Figures;

void print(const char* what, const Figures& f)
{
    std::printf("  %-44s median %7.1f ms   p90 %7.1f ms   (%lld moves)\n", what, f.median(), f.p90(),
                static_cast<long long>(f.ms.size()));
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    bench::addCityOptions(parser, 42000);
    parser.addOption({QStringLiteral("moves"), QStringLiteral("Moves to the next applicant."), QStringLiteral("M"),
                      QStringLiteral("60")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Keep the cache here."), QStringLiteral("DIR")});
    parser.process(app);
    const int applications = parser.value(QStringLiteral("applications")).toInt();
    const int moves = parser.value(QStringLiteral("moves")).toInt();

    QTemporaryDir temp;
    const QString dir = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : temp.path();
    QDir().mkpath(dir);
    if (!QFile::exists(dir + QStringLiteral("/cache.db"))) {
        std::printf("making a city of %d applications in %s…\n", applications, qPrintable(dir));
        if (!testsupport::makeCityWorkspace(dir, applications, parser.value(QStringLiteral("seed")).toULongLong()))
            return 1;
    }
    auto ws = store::Workspace::unlock(dir, testsupport::kReviewer, testsupport::kPassphrase);
    if (!ws) {
        std::fprintf(stderr, "%s\n", qPrintable(ws.error().message));
        return 1;
    }
    auto reader = (*ws)->database().openReader();
    if (!reader) {
        std::fprintf(stderr, "%s\n", qPrintable(reader.error().message));
        return 1;
    }
    std::unique_ptr<store::Connection> parts = std::move(*reader);

    ui::MainWindow window(std::make_unique<views::LocalSession>(std::move(*ws)),
                          [](views::OpenCache cache) -> std::unique_ptr<views::Session> {
                              return std::make_unique<views::LocalSession>(cache.take());
                          });
    window.resize(1366, 768);
    window.show();
    auto* table = window.findChild<QTableView*>(QStringLiteral("queueTable"));
    auto* model = qobject_cast<views::QueueModel*>(table->model());
    QElapsedTimer wait;
    wait.start();
    while ((model->isCounting() || model->rowCount() == 0 || !window.detailPane()->detail()) && wait.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);

    // The window: j, then the new application's content in the pane (detailShown).
    Figures windowMoves;
    QStringList ids;
    for (int i = 0; i < moves; ++i) {
        QEventLoop loop;
        QString shown;
        auto c = QObject::connect(&window, &ui::MainWindow::detailShown, &loop, [&](const QString& id) {
            shown = id;
            loop.quit();
        });
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        QElapsedTimer clock;
        clock.start();
        window.queuePane()->moveBy(1);
        const QString wanted = window.queuePane()->currentApplicationId();
        loop.exec();
        QObject::disconnect(c);
        if (shown == wanted) {
            window.detailPane()->repaint(); // the content on the screen, not only in the widgets
            windowMoves.add(clock.nsecsElapsed() / 1e6);
            ids << wanted;
        }
    }

    // The parts, without the debounce: the read, then the pane built and painted.
    Figures reads, builds, both;
    ui::DetailPane pane;
    pane.resize(window.detailPane()->size());
    pane.show();
    for (const QString& id : ids) {
        QElapsedTimer clock;
        clock.start();
        auto d = views::loadApplicationDetail(*parts, id);
        const double read = clock.nsecsElapsed() / 1e6;
        if (!d)
            continue;
        clock.restart();
        pane.showLoading(id);
        pane.showDetail(*d);
        QCoreApplication::sendPostedEvents(); // the layout requests
        pane.repaint();
        const double build = clock.nsecsElapsed() / 1e6;
        reads.add(read);
        builds.add(build);
        both.add(read + build);
    }

    std::printf("bench_detail: next applicant in the queue (%d applications, %lld moves, offscreen, 1366x768)\n",
                applications, static_cast<long long>(ids.size()));
    print("window: key to new content", windowMoves);
    print("read the application (loadApplicationDetail)", reads);
    print("build and paint the pane (showDetail)", builds);
    print("read + build: the content without debounce", both);
    std::printf("  ratio window / (read + build): %.2f  (the rest: the window's queue, selection and event loop)\n",
                both.median() > 0 ? windowMoves.median() / both.median() : 0.0);
    std::printf("  the previous content stays until the new one is shown: no blank or grey pane in between\n");
    return 0;
}
