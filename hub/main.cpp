#include "Hub.h"
#include "HubOptions.h"
#include "security/SecureHeap.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    (void)!::write(g_signalPipe[1], &c, 1);
}

} // namespace

int main(int argc, char** argv)
{
    adm::security::initSecureHeap(); // the storage key is held in it
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("admissions-hub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ADMISSIONS_VERSION));

    auto options = adm::hub::HubOptions::parse(QCoreApplication::arguments());
    if (!options) {
        const bool help = options.error().code == QLatin1String("help");
        std::fputs(qPrintable(options.error().message + u'\n'), help ? stdout : stderr);
        return help ? 0 : 2;
    }

    // SIGINT/SIGTERM end the event loop, so that the storage closes cleanly.
    if (::pipe(g_signalPipe) == 0) {
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
        auto* notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    }

    adm::hub::Hub hub(*options);
    if (adm::Status s = hub.start(); !s) {
        std::fprintf(stderr, "admissions-hub: %s\n", qPrintable(s.error().message));
        return 1;
    }
    // One machine-readable line for scripts and tests (the port may have been chosen by the system).
    std::printf("ADMISSIONS_HUB_URL=%s\n", qPrintable(hub.url()));
    std::fflush(stdout);
    return app.exec();
}
