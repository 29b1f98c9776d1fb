// connect, login, sync, reasons
#include "CmdSync.h"

#include "CtlContext.h"
#include "CtlText.h"
#include "PassphraseSource.h"
#include "i18n/Translations.h"
#include "security/Permissions.h"
#include "sync/Enrolment.h"
#include "sync/HubClient.h"
#include "sync/HubSignIn.h"
#include "sync/ReasonCodes.h"
#include "sync/SessionCache.h"
#include "sync/SyncService.h"
#include "sync/SyncState.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace adm::ctl {

namespace {

QCommandLineOption timeoutOption()
{
    return {QStringLiteral("timeout"), CtlText::tr("Give up a request after S seconds without an answer (default 30)."),
            CtlText::tr("S"), QStringLiteral("30")};
}

// The sync options among `names` that the command line sets; false (with a message) on a bad number.
bool readOptions(const QCommandLineParser& p, const QStringList& names, sync::SyncOptions* options, QString* problem)
{
    auto number = [&](const QString& name, double lo, double hi, double* out) {
        if (!names.contains(name) || !p.isSet(name))
            return true;
        bool ok = false;
        const double v = p.value(name).toDouble(&ok);
        if (!ok || v < lo || v > hi) {
            *problem = CtlText::tr("--%1 takes a number from %2 to %3, not \"%4\".")
                           .arg(name)
                           .arg(lo)
                           .arg(hi)
                           .arg(p.value(name));
            return false;
        }
        *out = v;
        return true;
    };
    double timeout = options->requestTimeoutMs / 1000.0;
    double page = options->pageSize, chunk = options->chunkSize, retries = options->maxAttempts - 1;
    double maxPageMb = double(options->maxPageBytes) / (1 << 20);
    double pullBatch = options->pullBatch;
    if (!number(QStringLiteral("timeout"), 0.05, 3600, &timeout) ||
        !number(QStringLiteral("page-size"), 1, 5000, &page) ||
        !number(QStringLiteral("pull-batch"), 1, 1000000, &pullBatch) ||
        !number(QStringLiteral("chunk-size"), 1, 5000, &chunk) ||
        !number(QStringLiteral("retries"), 0, 100, &retries) ||
        !number(QStringLiteral("max-page-mb"), 1, 4096, &maxPageMb))
        return false;
    options->maxPageBytes = qint64(maxPageMb * (1 << 20));
    options->requestTimeoutMs = int(timeout * 1000);
    options->pageSize = int(page);
    options->pullBatch = int(pullBatch);
    options->chunkSize = int(chunk);
    options->maxAttempts = int(retries) + 1;
    return true;
}

QString hubPasswordPrompt(const QString& account)
{
    return CtlText::tr("Hub password for %1: ").arg(account);
}

Result<security::SecretBytes> readHubPassword(const QString& account)
{
    // Never from a file or an option (it would end up in the shell history): the environment
    // (scripts) or a prompt that does not echo.
    const PassphraseSource source(QString(), QStringLiteral("ADMISSIONS_HUB_PASSWORD"), hubPasswordPrompt(account));
    return source.read();
}

// SIGINT and SIGTERM reach the event loop through a pipe, so that `sync --watch` stops cleanly.
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    (void)!::write(g_signalPipe[1], &byte, 1);
}

} // namespace

int syncExitCodeFor(const QString& c)
{
    if (sync::isTlsRefusal(c) || sync::isTransient(c) || c == sync::code::Refused || c == sync::code::BadChange ||
        c == sync::code::PageTooLarge || c == sync::code::NoProgress)
        return HubUnreachable;
    if (c == sync::code::SignInRefused || c == sync::code::SignInNeeded || c == security::kRoleMismatch)
        return HubRefusedSignIn;
    if (c == sync::code::NotEnrolled || c == sync::code::NoAccount || c == sync::code::BadCa ||
        c == sync::code::BadHubUrl || c == QLatin1String("not_found") || c == QLatin1String("bad_input") ||
        c == QLatin1String("reason_required") || c == QLatin1String("note_required") ||
        c == QLatin1String("application_closed") || c == QLatin1String("not_allowed") || c == security::kRoleNotAllowed)
        return BadUsage;
    if (c == QLatin1String("decision_in_flight") || c == QLatin1String("sync_first") || c == sync::code::Cancelled)
        return No;
    return CtlContext::exitCodeFor(c);
}

int failSync(CtlContext& ctx, const Error& error)
{
    ctx.err() << CtlText::tr("admissionsctl %1: %2").arg(ctx.command(), error.message) << Qt::endl;
    return syncExitCodeFor(error.code);
}

int cmdConnect(CtlContext& ctx)
{
    QCommandLineParser p;
    const QCommandLineOption hub(QStringLiteral("hub"), CtlText::tr("The hub's address, https://HOST:PORT."),
                                 CtlText::tr("URL"));
    const QCommandLineOption ca(QStringLiteral("ca"),
                                CtlText::tr("The hub's CA certificate (its ca.pem); the only one trusted."),
                                CtlText::tr("FILE"));
    const QCommandLineOption name(QStringLiteral("name"),
                                  CtlText::tr("This workstation's name upstream (default: the host name)."),
                                  CtlText::tr("NAME"));
    if (!ctx.parse(
            p,
            CtlText::tr("Enrol this workstation with a hub (administrators): from now on only the given CA is "
                        "trusted for it. Tries a TLS handshake first. Exit 5 when the hub's certificate is refused."),
            {hub, ca, name, timeoutOption()}))
        return BadUsage;
    if (!p.isSet(hub) || !p.isSet(ca))
        return ctx.usage(CtlText::tr("usage: connect --hub https://HOST:PORT --ca FILE"));
    // Both checked before anything is unlocked or sent: plain HTTP never leaves this machine.
    auto url = sync::Enrolment::parseHubUrl(p.value(hub));
    if (!url)
        return failSync(ctx, url.error());
    auto pem = sync::Enrolment::readCaFile(p.value(ca));
    if (!pem)
        return failSync(ctx, pem.error());
    sync::SyncOptions options;
    QString problem;
    if (!readOptions(p, {QStringLiteral("timeout")}, &options, &problem))
        return ctx.usage(problem);

    int code = Done;
    auto ws = ctx.unlock(&code);
    if (!ws)
        return code;
    if (!ws->isAdministrator())
        return failSync(ctx, Error{QStringLiteral("not_allowed"),
                                   CtlText::tr("Only an administrator of this workstation can connect it to a hub.")});
    sync::Enrolment enrolment =
        sync::hubsignin::prepare(ws->database().writer(), *url, *pem, p.isSet(name) ? p.value(name) : QString());
    const Status answer = sync::hubsignin::probe(enrolment, options);
    bool reached = true;
    if (!answer) {
        if (!sync::isOffline(answer.error().code)) // a refused certificate: nothing is saved
            return failSync(ctx, answer.error());
        reached = false;
    }
    bool hubChanged = false;
    if (Status s = sync::hubsignin::recordEnrolment(*ws, enrolment, &hubChanged); !s)
        return ctx.fail(s.error());
    if (!reached)
        ctx.err() << CtlText::tr(
                         "Warning: the hub cannot be reached now (%1) The enrolment is saved; the certificate is "
                         "checked at the first sync.")
                         .arg(answer.error().message)
                  << Qt::endl;
    if (hubChanged)
        ctx.err()
            << CtlText::tr(
                   "This is another hub address than before: the next sync is a full pull, and what the new hub does "
                   "not send is removed from the cache. Work waiting in the outbox is kept.")
            << Qt::endl;
    ctx.err() << CtlText::tr("Connected to %1 as workstation \"%2\". Next: admissionsctl login --account ACCOUNT")
                     .arg(url->toString(), enrolment.workstationName)
              << Qt::endl;
    return Done;
}

int cmdLogin(CtlContext& ctx)
{
    QCommandLineParser p;
    const QCommandLineOption account(QStringLiteral("account"), CtlText::tr("The hub account, for example liu.fang."),
                                     CtlText::tr("ACCOUNT"));
    const QCommandLineOption json(QStringLiteral("json"), CtlText::tr("Print the account as JSON."));
    if (!ctx.parse(
            p,
            CtlText::tr("Sign in to the hub once to check the account and its password, and remember the account "
                        "(not the password) for this local user. The password comes from $ADMISSIONS_HUB_PASSWORD "
                        "or a prompt. Exit 6 when the hub refuses it, 5 when it cannot be reached."),
            {account, json, timeoutOption()}))
        return BadUsage;
    sync::SyncOptions options;
    QString problem;
    if (!readOptions(p, {QStringLiteral("timeout")}, &options, &problem))
        return ctx.usage(problem);
    int code = Done;
    auto ws = ctx.unlock(&code);
    if (!ws)
        return code;
    store::Connection& db = ws->database().writer();
    auto enrolment = sync::Enrolment::load(db);
    if (!enrolment)
        return failSync(ctx, enrolment.error());
    sync::SyncState state(db);
    const QString name = p.isSet(account) ? p.value(account).trimmed() : state.accountFor(ws->user());
    if (name.isEmpty())
        return ctx.usage(CtlText::tr("say which hub account: login --account ACCOUNT"));
    auto password = readHubPassword(name);
    if (!password)
        return ctx.fail(password.error());
    auto signedIn = sync::hubsignin::signIn(*enrolment, name, std::move(*password), options);
    if (!signedIn)
        return failSync(ctx, signedIn.error());
    // The session is kept in the encrypted cache: `sync` needs no password while the hub accepts it.
    if (Status s = sync::hubsignin::recordSignIn(*ws, name, &*signedIn); !s)
        return failSync(ctx, s.error()); // a role that does not match the account's: exit 6
    const sync::HubAccount& who = signedIn->account;
    if (p.isSet(json)) {
        const QJsonObject o{{QStringLiteral("account"), who.id},
                            {QStringLiteral("roles"), QJsonArray::fromStringList(who.roles)},
                            {QStringLiteral("district_code"), who.districtCode},
                            {QStringLiteral("school_ids"), QJsonArray::fromStringList(who.schoolIds)}};
        ctx.out() << QJsonDocument(o).toJson(QJsonDocument::Indented) << Qt::flush;
    }
    ctx.err() << CtlText::tr("Signed in to the hub as %1 (%2). %3 will sync as %1; the password is not stored.")
                     .arg(who.id, who.roles.join(QStringLiteral(", ")), ws->user())
              << Qt::endl;
    return Done;
}

int cmdSync(CtlContext& ctx)
{
    QCommandLineParser p;
    const QCommandLineOption watch(
        QStringLiteral("watch"),
        CtlText::tr("Keep syncing on a timer until interrupted (Ctrl+C), or until the hub refuses "
                    "the sign-in."));
    const QCommandLineOption interval(QStringLiteral("interval"),
                                      CtlText::tr("With --watch: seconds between syncs (default 60)."),
                                      CtlText::tr("S"), QStringLiteral("60"));
    const QCommandLineOption account(QStringLiteral("account"),
                                     CtlText::tr("The hub account (default: the one remembered by login)."),
                                     CtlText::tr("ACCOUNT"));
    const QCommandLineOption page(QStringLiteral("page-size"),
                                  CtlText::tr("Changes per page (1 to 5000, default 2000)."), CtlText::tr("N"));
    const QCommandLineOption pullBatch(
        QStringLiteral("pull-batch"),
        CtlText::tr("Changes applied in one transaction, in whole pages (default 20000); a killed sync resumes "
                    "after the last transaction."),
        CtlText::tr("N"));
    const QCommandLineOption chunk(QStringLiteral("chunk-size"), CtlText::tr("Outbox items per request (default 200)."),
                                   CtlText::tr("N"));
    const QCommandLineOption retries(QStringLiteral("retries"), CtlText::tr("Retries per request (default 5)."),
                                     CtlText::tr("N"));
    const QCommandLineOption maxPage(QStringLiteral("max-page-mb"),
                                     CtlText::tr("Refuse an answer of the hub larger than this many MB (1 to 4096, "
                                                 "default 64)."),
                                     CtlText::tr("MB"));
    if (!ctx.parse(
            p,
            CtlText::tr("Send the outbox to the hub and receive what changed. Progress goes to stderr, a JSON "
                        "summary to stdout ({\"pulled\", \"applied\", \"pushed\", \"conflicts\", \"rejected\", ...}). "
                        "Exit 0 when the pass completed (conflicts included), 5 when the hub could not be reached "
                        "or its certificate was refused, 6 when it refused the sign-in."),
            {watch, interval, account, timeoutOption(), page, pullBatch, chunk, retries, maxPage}))
        return BadUsage;
    sync::SyncOptions options;
    QString problem;
    if (!readOptions(p,
                     {QStringLiteral("timeout"), QStringLiteral("page-size"), QStringLiteral("pull-batch"),
                      QStringLiteral("chunk-size"), QStringLiteral("retries"), QStringLiteral("max-page-mb")},
                     &options, &problem))
        return ctx.usage(problem);
    bool okInterval = false;
    const double seconds = p.value(interval).toDouble(&okInterval);
    if (!okInterval || seconds < 0.1 || seconds > 86400)
        return ctx.usage(
            CtlText::tr("--interval takes a number of seconds from 0.1 to 86400, not \"%1\".").arg(p.value(interval)));

    int code = Done;
    auto ws = ctx.unlock(&code);
    if (!ws)
        return code;
    store::Connection& db = ws->database().writer();
    auto enrolment = sync::Enrolment::load(db);
    if (!enrolment)
        return failSync(ctx, enrolment.error());
    const QString name = p.isSet(account) ? p.value(account).trimmed() : sync::SyncState(db).accountFor(ws->user());
    if (name.isEmpty())
        return failSync(ctx,
                        Error{sync::code::NoAccount,
                              CtlText::tr("No hub account is remembered for %1. Sign in once with: admissionsctl login "
                                          "--account ACCOUNT")
                                  .arg(ws->user())});
    // The session `login` (or an earlier sync) kept in the cache: no password while the hub accepts it.
    auto kept = sync::SessionCache(db).load(ws->user(), name, *enrolment, QDateTime::currentDateTimeUtc());
    if (!kept)
        return ctx.fail(kept.error());
    security::SecretBytes password;
    if (!kept->has_value()) {
        auto typed = readHubPassword(name);
        if (!typed)
            return ctx.fail(typed.error());
        password = std::move(*typed);
    }
    kept = std::optional<sync::HubSession>(); // the engine reads it again; this copy goes now

    const bool watching = p.isSet(watch);
    sync::SyncService service(std::move(ws), options);
    service.setCredentials(name, std::move(password)); // empty: the kept session
    bool askedAgain = false;

    QEventLoop loop;
    int exitCode = Done;
    bool interrupted = false;
    const bool tty = isatty(STDERR_FILENO);
    QElapsedTimer shown;
    shown.start();
    sync::Phase lastPhase = sync::Phase::Idle;
    QObject::connect(&service, &sync::SyncService::progress, &loop, [&](const sync::SyncProgress& pr) {
        // Phase changes always; counts at most a few times a second.
        if (pr.phase == sync::Phase::Idle || (pr.phase == lastPhase && shown.elapsed() < 250))
            return;
        const QString line =
            pr.total > 0  ? CtlText::tr("%1: %2 of %3").arg(sync::phaseLabel(pr.phase)).arg(pr.done).arg(pr.total)
            : pr.done > 0 ? CtlText::tr("%1: %2").arg(sync::phaseLabel(pr.phase)).arg(pr.done)
                          : CtlText::tr("%1…").arg(sync::phaseLabel(pr.phase));
        if (tty)
            ctx.err() << '\r' << line.leftJustified(60) << Qt::flush;
        else
            ctx.err() << line << Qt::endl;
        lastPhase = pr.phase;
        shown.restart();
    });
    QObject::connect(&service, &sync::SyncService::notice, &loop, [&](const QString& message) {
        ctx.err() << (tty ? QStringLiteral("\n") : QString()) << message << Qt::endl;
    });
    QObject::connect(&service, &sync::SyncService::passFinished, &loop, [&](const sync::PassResult& r) {
        if (tty)
            ctx.err() << Qt::endl;
        // The hub ended the kept session: ask for the password once, then the same pass again.
        if (r.errorCode == sync::code::SignInNeeded && !askedAgain && !interrupted) {
            askedAgain = true;
            ctx.err() << CtlText::tr("admissionsctl sync: %1").arg(r.errorMessage) << Qt::endl;
            auto typed = readHubPassword(name);
            if (typed && !typed->isEmpty()) {
                service.setCredentials(name, std::move(*typed));
                service.syncNow();
                return;
            }
        }
        QJsonObject summary = r.summary.toJson();
        if (!r.ok()) {
            summary.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), r.errorCode},
                                                                {QStringLiteral("message"), r.errorMessage}});
            ctx.err() << CtlText::tr("admissionsctl sync: %1").arg(r.errorMessage) << Qt::endl;
        }
        ctx.out() << QJsonDocument(summary).toJson(watching ? QJsonDocument::Compact : QJsonDocument::Indented)
                  << (watching ? "\n" : "") << Qt::flush;
        if (r.summary.openConflicts > 0)
            ctx.err() << QCoreApplication::translate("admissionsctl",
                                                     "%n item(s) wait for a decision: admissionsctl conflicts", nullptr,
                                                     int(r.summary.openConflicts))
                      << Qt::endl;
        if (interrupted)
            loop.exit(Done);
        else if (!watching || r.errorCode == sync::code::SignInRefused ||
                 r.errorCode == sync::code::SignInNeeded) // a password does not mend itself
            loop.exit(r.ok() ? Done : syncExitCodeFor(r.errorCode));
    });

    // Ctrl+C: cancel the pass at its next wait (the cache stays whole either way) and stop.
    std::unique_ptr<QSocketNotifier> notifier;
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) == 0) {
        notifier = std::make_unique<QSocketNotifier>(g_signalPipe[0], QSocketNotifier::Read);
        QObject::connect(notifier.get(), &QSocketNotifier::activated, &loop, [&] {
            char byte;
            (void)!::read(g_signalPipe[0], &byte, 1);
            interrupted = true;
            if (service.isRunning())
                service.cancel();
            else
                loop.exit(Done);
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    service.syncNow();
    if (watching)
        service.setWatchInterval(int(seconds * 1000));
    exitCode = loop.exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    service.shutdown();
    return exitCode;
}

int cmdReasons(CtlContext& ctx)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"),
                                  CtlText::tr("Print JSON: [{\"code\", \"outcome\", \"label_zh\", "
                                              "\"label_en\"}]."));
    if (!ctx.parse(p, CtlText::tr("The standard reason codes a decision carries."), {json}))
        return BadUsage;
    if (p.isSet(json)) {
        ctx.out() << QJsonDocument(sync::ReasonCodes::toJson()).toJson(QJsonDocument::Indented) << Qt::flush;
        return Done;
    }
    const QString language = i18n::languageFromEnvironment();
    for (const sync::ReasonCode& r : sync::ReasonCodes::all())
        ctx.out() << r.outcome.leftJustified(14) << r.code.leftJustified(24) << r.label(language) << Qt::endl;
    return Done;
}

} // namespace adm::ctl
