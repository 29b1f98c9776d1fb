// settings: the school settings that change what a role may do (docs/security.md, "Roles")
#include "Commands.h"
#include "CtlContext.h"
#include "CtlText.h"
#include "store/SchoolSettingsStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace adm::ctl {

namespace {

int settingsList(CtlContext& ctx, store::Workspace& ws, bool json)
{
    auto settings = store::SchoolSettingsStore::load(ws.database().writer());
    if (!settings)
        return ctx.fail(settings.error());
    QStringList schools(settings->principalDecides.begin(), settings->principalDecides.end());
    std::sort(schools.begin(), schools.end());
    if (json) {
        ctx.out() << QJsonDocument(
                         QJsonObject{{QStringLiteral("principal_decides"), QJsonArray::fromStringList(schools)}})
                         .toJson(QJsonDocument::Indented)
                  << Qt::flush;
        return Done;
    }
    ctx.out() << CtlText::tr("principal-decides: %1")
                     .arg(schools.isEmpty() ? CtlText::tr("off (principals read and sign off, and do not decide)")
                                            : CtlText::tr("on for %1").arg(schools.join(QStringLiteral(", "))))
              << Qt::endl;
    return Done;
}

} // namespace

int cmdSettings(CtlContext& ctx)
{
    QCommandLineParser p;
    const QCommandLineOption school(QStringLiteral("school"),
                                    CtlText::tr("The school the setting is for (default: the only school of the "
                                                "cache)."),
                                    CtlText::tr("ID"));
    const QCommandLineOption json(QStringLiteral("json"), CtlText::tr("Print the settings as JSON."));
    if (!ctx.parse(p,
                   CtlText::tr("Show or change the school settings of this workstation. \"principal-decides on\" "
                               "lets the principal of a school approve, reject and request information (off by "
                               "default); administrators only, and audited."),
                   {school, json}, QStringLiteral("setting"), CtlText::tr("[principal-decides on|off]")))
        return BadUsage;
    const QStringList pos = p.positionalArguments();
    const bool change = pos.size() == 2 && pos.at(0) == QLatin1String("principal-decides") &&
                        (pos.at(1) == QLatin1String("on") || pos.at(1) == QLatin1String("off"));
    if (!pos.isEmpty() && !change)
        return ctx.usage(CtlText::tr("usage: settings [--json] | settings principal-decides on|off [--school ID]"));
    int code = Done;
    auto ws = ctx.unlock(&code);
    if (!ws)
        return code;
    if (!change)
        return settingsList(ctx, *ws, p.isSet(json));
    if (!ws->isAdministrator())
        return ctx.fail(Error{QStringLiteral("not_allowed"),
                              CtlText::tr("Only an administrator of this workstation may change its school "
                                          "settings.")});
    QString schoolId = p.value(school).trimmed();
    if (schoolId.isEmpty()) {
        auto ids = store::SchoolSettingsStore::schoolIds(ws->database().writer(), 2);
        if (!ids)
            return ctx.fail(ids.error());
        if (ids->size() != 1)
            return ctx.usage(ids->isEmpty()
                                 ? CtlText::tr("this cache holds no school yet: sync or import first")
                                 : CtlText::tr("this cache holds several schools: say which with --school ID"));
        schoolId = ids->first();
    }
    const bool on = pos.at(1) == QLatin1String("on");
    if (Status s = store::SchoolSettingsStore::setPrincipalDecides(ws->database().writer(), ws->audit(), ws->user(),
                                                                   schoolId, on);
        !s)
        return ctx.fail(s.error());
    ctx.err() << (on ? CtlText::tr("The principal of %1 may now decide on its applications.").arg(schoolId)
                     : CtlText::tr("The principal of %1 no longer decides; reviewers do.").arg(schoolId))
              << Qt::endl;
    return Done;
}

} // namespace adm::ctl
