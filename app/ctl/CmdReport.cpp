// report: the supervision figures of the city, a district or a school (issue 16; docs/supervision.md)
#include "CmdSync.h"
#include "Commands.h"
#include "CtlContext.h"
#include "CtlText.h"
#include "security/Roles.h"
#include "store/SupervisionSchema.h"
#include "views/SupervisionReport.h"

#include <QJsonDocument>

namespace adm::ctl {

namespace {

QString hours(const std::optional<int>& h)
{
    return h ? QString::number(*h) : QStringLiteral("-");
}

void printText(CtlContext& ctx, const views::SupervisionFigures& f)
{
    QTextStream& out = ctx.out();
    const views::SupervisionCounts& t = f.totals;
    out << CtlText::tr("Scope %1 (%2), %3 school(s): %4 application(s), %5 approved, %6 decision(s) of which %7 "
                       "override(s); median %8 h, 90th percentile %9 h from submission to decision.")
               .arg(f.scope.code, f.scope.kindName())
               .arg(f.schools.size())
               .arg(t.applications())
               .arg(t.approved())
               .arg(t.decisions)
               .arg(t.overrides)
               .arg(hours(t.hours.percentile(0.5)), hours(t.hours.percentile(0.9)))
        << '\n';
    out << CtlText::tr("school\tdistrict\tcapacity\tapplications\tapproved\tonline\tcounter\tflagged\tmedian h")
        << '\n';
    for (const views::SupervisionSchool& s : f.schools)
        out << QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\t%7\t%8\t%9")
                   .arg(s.schoolId, s.districtCode)
                   .arg(s.capacity)
                   .arg(s.counts.applications())
                   .arg(s.counts.approved())
                   .arg(s.counts.cell(QStringLiteral("ch_online")))
                   .arg(s.counts.cell(QStringLiteral("ch_counter")))
                   .arg(s.counts.cell(QStringLiteral("flagged")))
                   .arg(hours(s.counts.hours.percentile(0.5)))
            << '\n';
    out << CtlText::tr("account\tdecisions\toverrides\tinfo requests\toverride rate\trobust z") << '\n';
    for (const views::SupervisionReviewer& r : f.reviewers)
        out << QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6%7")
                   .arg(r.account.isEmpty() ? QStringLiteral("-") : r.account)
                   .arg(r.decisions)
                   .arg(r.overrides)
                   .arg(r.infoRequests)
                   .arg(r.overrideRate() ? QString::number(*r.overrideRate(), 'f', 3) : QStringLiteral("-"))
                   .arg(r.robustZ ? QString::number(*r.robustZ, 'f', 2) : QStringLiteral("-"))
                   .arg(r.outlier ? CtlText::tr("\tSTANDS OUT") : QString())
            << '\n';
    out << Qt::flush;
}

} // namespace

int cmdReport(CtlContext& ctx)
{
    QCommandLineParser p;
    const QCommandLineOption scope(QStringLiteral("scope"),
                                   CtlText::tr("The city (371100), a district code or a school id (default: the city "
                                               "for a supervisor, the school for a principal)."),
                                   CtlText::tr("DISTRICT|SCHOOL"));
    const QCommandLineOption json(QStringLiteral("json"), CtlText::tr("Print JSON."));
    const QCommandLineOption rebuild(QStringLiteral("rebuild"),
                                     CtlText::tr("Make the counters again from the cache first (maintenance)."));
    if (!ctx.parse(p,
                   CtlText::tr("The supervision figures (docs/supervision.md): applications by status, checked "
                               "category and channel, approvals against capacity, flags, time to decision per "
                               "school, and each officer's decisions, overrides and information requests, with the "
                               "officers whose override rate stands far from their peers'."),
                   {scope, json, rebuild}))
        return BadUsage;
    if (!p.positionalArguments().isEmpty())
        return ctx.usage(CtlText::tr("usage: report [--scope DISTRICT|SCHOOL] [--json] [--rebuild]"));
    if (p.isSet(scope) && p.value(scope).trimmed().isEmpty())
        return ctx.usage(CtlText::tr("--scope takes the city (371100), a district code or a school id"));

    int code = Done;
    auto ws = ctx.unlock(&code);
    if (!ws)
        return code;
    // Said before anything is read: a clerk or an officer reads no figures, whatever the scope.
    if (ws->role() != role::Supervisor && ws->role() != role::Principal)
        return failSync(ctx, views::SupervisionReport::allowed(ws->role(), {}).error());
    store::Connection& db = ws->database().writer();
    if (p.isSet(rebuild)) {
        if (Status s = views::SupervisionReport::rebuild(db); !s)
            return ctx.fail(s.error());
        ctx.err() << CtlText::tr("The supervision counters were made again from the cache.") << Qt::endl;
    } else if (Status s = store::SupervisionSchema::ensure(db); !s) {
        return ctx.fail(s.error());
    }
    auto resolved = p.isSet(scope) ? views::SupervisionReport::resolveScope(db, p.value(scope))
                                   : views::SupervisionReport::defaultScope(db, ws->role());
    if (!resolved)
        return ctx.fail(resolved.error());
    if (Status s = views::SupervisionReport::allowed(ws->role(), *resolved); !s)
        return failSync(ctx, s.error());
    auto figures = views::SupervisionReport::read(db, *resolved);
    if (!figures)
        return ctx.fail(figures.error());
    if (p.isSet(json))
        ctx.out() << QJsonDocument(figures->toJson()).toJson(QJsonDocument::Indented) << Qt::flush;
    else
        printText(ctx, *figures);
    return Done;
}

} // namespace adm::ctl
