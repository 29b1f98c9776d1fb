// check-id
#include "Commands.h"
#include "CtlContext.h"
#include "CtlText.h"
#include "domain/IdNumber.h"

#include <QCoreApplication>

namespace adm::ctl {

int cmdCheckId(CtlContext& ctx)
{
    QCommandLineParser p;
    if (!ctx.parse(p,
                   CtlText::tr("Check a resident ID number (GB 11643). Exit 0 and the birth date and sex when valid; "
                               "exit 1 and the rule that failed when not."),
                   {}, QStringLiteral("id"), CtlText::tr("The 18-character ID number.")))
        return BadUsage;
    if (p.positionalArguments().size() != 1)
        return ctx.usage(CtlText::tr("usage: check-id ID"));
    const IdNumber id = IdNumber::parse(p.positionalArguments().first());
    if (!id.isValid()) {
        ctx.out() << CtlText::tr("invalid (%1): %2").arg(id.problemCode(), id.problemMessage()) << Qt::endl;
        return No;
    }
    const QString sex = id.sex() == IdNumber::Sex::Male ? CtlText::tr("male") : CtlText::tr("female");
    ctx.out() << CtlText::tr("valid: born %1, %2").arg(id.birthDate().toString(Qt::ISODate), sex) << Qt::endl;
    return Done;
}

} // namespace adm::ctl
