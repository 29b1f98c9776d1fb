#include "HubCall.h"

#include "sync/SyncTypes.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace adm::ui {

namespace {
struct HubText {
    Q_DECLARE_TR_FUNCTIONS(HubText)
};

QString headline(const QString& code)
{
    namespace c = sync::code;
    if (code == c::SignInRefused)
        return HubText::tr("The city platform did not accept this account and password. Check both (capital letters "
                           "count) and try again.");
    if (sync::isOffline(code))
        return HubText::tr(
            "The city platform cannot be reached from this computer now. Check the city platform address and the "
            "network connection, then try again.");
    if (sync::isTlsRefusal(code))
        return HubText::tr(
            "The city platform's security certificate was refused, so nothing was sent. Check that the CA "
            "file is the one the city platform's administrator gave you, and the city platform address.");
    if (code == c::PlainHttp)
        return HubText::tr("The city platform address must start with https://. The workstation never sends passwords "
                           "over plain http.");
    if (code == c::BadHubUrl)
        return HubText::tr("The city platform address is not right.");
    if (code == c::BadCa)
        return HubText::tr("The CA file cannot be used.");
    if (code == c::Busy)
        return HubText::tr("The city platform is busy, or has paused sign-ins for this account after wrong passwords. "
                           "Wait a minute and try again.");
    return HubText::tr("The city platform could not complete the sign-in.");
}
} // namespace

QObject* runHubCall(QObject* context, std::function<HubOutcome()> call, std::function<void(const HubOutcome&)> done)
{
    auto* watcher = new QFutureWatcher<HubOutcome>(context);
    QApplication::setOverrideCursor(Qt::BusyCursor);
    // On `destroyed`, so that the cursor comes back even when the context dies during the call.
    QObject::connect(watcher, &QObject::destroyed, qApp, [] { QApplication::restoreOverrideCursor(); });
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
        const HubOutcome outcome = watcher->result();
        watcher->deleteLater();
        done(outcome);
    });
    watcher->setFuture(QtConcurrent::run(std::move(call)));
    return watcher;
}

QString hubProblemText(const Error& error)
{
    // The hub's own words for a refused password add nothing, and are not translated.
    if (error.code == sync::code::SignInRefused)
        return QStringLiteral("<b>%1</b>").arg(headline(error.code).toHtmlEscaped());
    return QStringLiteral("<b>%1</b><br>%2").arg(headline(error.code).toHtmlEscaped(), error.message.toHtmlEscaped());
}

} // namespace adm::ui
