// check-id
#include "Commands.h"
#include "CtlContext.h"
#include "domain/IdNumber.h"

#include <QCoreApplication>

namespace adm::ctl {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("admissionsctl", text);
}
} // namespace

int cmdCheckId(CtlContext& ctx)
{
    QCommandLineParser p;
    if (!ctx.parse(p,
                   tr("Check a resident ID number (GB 11643). Exit 0 and the birth date and sex when valid; "
                      "exit 1 and the rule that failed when not."),
                   {}, QStringLiteral("id"), tr("The 18-character ID number.")))
        return BadUsage;
    if (p.positionalArguments().size() != 1)
        return ctx.usage(tr("usage: check-id ID"));
    const IdNumber id = IdNumber::parse(p.positionalArguments().first());
    if (!id.isValid()) {
        ctx.out() << tr("invalid (%1): %2").arg(id.problemCode(), id.problemMessage()) << Qt::endl;
        return No;
    }
    const QString sex = id.sex() == IdNumber::Sex::Male ? tr("male") : tr("female");
    ctx.out() << tr("valid: born %1, %2").arg(id.birthDate().toString(Qt::ISODate), sex) << Qt::endl;
    return Done;
}

} // namespace adm::ctl
