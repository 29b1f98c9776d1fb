#include "EligibilityText.h"

#include "domain/JsonCodec.h"
#include "domain/ValueLabels.h"

#include <QCoreApplication>

namespace adm::policy {

QString EligibilityText::render(const EligibilityResult& r)
{
    QStringList lines;
    const QString category = categoryCode(r.category);
    lines.append(r.eligible
                     ? QCoreApplication::translate("EligibilityCheck", "Application %1: category %2, eligible.")
                           .arg(r.applicationId, category)
                     : QCoreApplication::translate("EligibilityCheck", "Application %1: category %2, not eligible.")
                           .arg(r.applicationId, category));
    if (!r.claimedCategory.isEmpty() || !r.policyId.isEmpty())
        lines.append(QCoreApplication::translate("EligibilityCheck", "Claimed category: %1. Policy: %2.")
                         .arg(r.claimedCategory.isEmpty() ? QStringLiteral("-") : r.claimedCategory,
                              r.policyId.isEmpty() ? QStringLiteral("-") : r.policyId));
    if (r.flags.isEmpty()) {
        lines.append(QCoreApplication::translate("EligibilityCheck", "Flags: none."));
    } else {
        lines.append(QCoreApplication::translate("EligibilityCheck", "Flags:"));
        for (const QString& f : r.flags)
            lines.append(QStringLiteral("  - %1: %2").arg(valueLabel(f), r.flagReasons.value(f)));
    }
    lines.append(QCoreApplication::translate("EligibilityCheck", "Rules:"));
    for (const RuleCheck& c : r.checks) {
        const QString verdict = c.passed ? QCoreApplication::translate("EligibilityCheck", "passed")
                                         : QCoreApplication::translate("EligibilityCheck", "failed");
        lines.append(QStringLiteral("  [%1] %2: %3").arg(verdict, valueLabel(c.rule), c.reason));
        for (const EvidenceUse& e : c.evidence) {
            const QString fetched = e.fetchedAt.isValid() ? json::formatTime(e.fetchedAt) : QStringLiteral("-");
            lines.append(QStringLiteral("      %1")
                             .arg(QCoreApplication::translate("EligibilityCheck", "record %1 (%2, %3), fetched %4")
                                      .arg(e.recordId, valueLabel(e.agency), valueLabel(e.dataset), fetched)));
            for (const EvidenceField& f : e.fields) {
                if (!f.value.isEmpty())
                    lines.append(QStringLiteral("        %1: %2").arg(f.name, f.value));
            }
        }
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace adm::policy
