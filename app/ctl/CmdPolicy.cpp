// evaluate, explain, check: the eligibility check from the command line.
#include "Commands.h"
#include "CtlContext.h"
#include "CtlText.h"
#include "policy/EligibilityText.h"
#include "policy/EvaluateDocument.h"
#include "store/CacheEligibility.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>

namespace adm::ctl {

int cmdEvaluate(CtlContext& ctx)
{
    QCommandLineParser p;
    const QCommandLineOption input(QStringLiteral("input"),
                                   CtlText::tr("A JSON document {\"policy\", \"schools\", \"zones\", \"applications\", "
                                               "\"agency_records\"} (\"-\" reads standard input)."),
                                   CtlText::tr("FILE"));
    if (!ctx.parse(p,
                   CtlText::tr("Check applications against a policy: a pure function of the input, for integrators and "
                               "tests. Prints {\"results\": [...]} in input order. Needs no data folder."),
                   {input}))
        return BadUsage;
    if (!p.isSet(input))
        return ctx.usage(CtlText::tr("say what to check: evaluate --input FILE"));
    QFile f;
    const QString name = p.value(input);
    const bool ok = name == QLatin1String("-") ? f.open(stdin, QIODevice::ReadOnly)
                                               : (f.setFileName(name), f.open(QIODevice::ReadOnly));
    if (!ok)
        return ctx.usage(CtlText::tr("cannot read %1: %2").arg(name, f.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return ctx.usage(
            CtlText::tr("%1 is not a JSON object: %2 at byte %3").arg(name, error.errorString()).arg(error.offset));
    auto results = policy::evaluateDocument(doc.object());
    if (!results)
        return ctx.usage(results.error().message);
    ctx.out() << QJsonDocument(*results).toJson(QJsonDocument::Indented) << Qt::flush;
    return Done;
}

int cmdExplain(CtlContext& ctx)
{
    QCommandLineParser p;
    if (!ctx.parse(p,
                   CtlText::tr("Explain the automatic check of one application from the cache: the category, every "
                               "rule with its evidence, and the flags."),
                   {}, QStringLiteral("application"), CtlText::tr("The application number, e.g. A2026000123.")))
        return BadUsage;
    if (p.positionalArguments().size() != 1)
        return ctx.usage(CtlText::tr("usage: explain APP_ID"));
    int code = Done;
    auto ws = ctx.unlock(&code);
    if (!ws)
        return code;
    store::CacheEligibility eligibility(ws->database().writer());
    auto result = eligibility.explain(p.positionalArguments().first());
    if (!result) {
        if (result.error().code == QLatin1String("not_found"))
            return ctx.usage(
                CtlText::tr("there is no application %1 in the cache.").arg(p.positionalArguments().first()));
        return ctx.fail(result.error());
    }
    ctx.out() << policy::EligibilityText::render(*result) << Qt::endl;
    return Done;
}

int cmdCheck(CtlContext& ctx)
{
    QCommandLineParser p;
    const QCommandLineOption all(QStringLiteral("all"),
                                 CtlText::tr("Check every application again, not only what changed."));
    if (!ctx.parse(p,
                   CtlText::tr("Run the automatic eligibility check over the cache: what changed since the last check "
                               "(or everything with --all)."),
                   {all}))
        return BadUsage;
    int code = Done;
    auto ws = ctx.unlock(&code);
    if (!ws)
        return code;
    QElapsedTimer timer;
    timer.start();
    store::CacheEligibility eligibility(ws->database().writer());
    auto progress = [&](qint64 done, qint64 total) {
        ctx.err() << '\r' << CtlText::tr("Checking: %1 of %2 applications").arg(done).arg(total) << Qt::flush;
    };
    auto stats = p.isSet(all) ? eligibility.checkAll(progress) : eligibility.refresh(progress);
    ctx.err() << Qt::endl;
    if (!stats)
        return ctx.fail(stats.error());
    ctx.err() << CtlText::tr("Checked %1 applications in %2 s; %3 changed, %4 removed.")
                     .arg(stats->checked)
                     .arg(timer.elapsed() / 1000.0, 0, 'f', 2)
                     .arg(stats->changed)
                     .arg(stats->removed)
              << Qt::endl;
    return Done;
}

} // namespace adm::ctl
