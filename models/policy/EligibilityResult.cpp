#include "EligibilityResult.h"

#include <QJsonArray>

namespace adm::policy {

QString categoryCode(Category c)
{
    switch (c) {
    case Category::A:
        return QStringLiteral("A");
    case Category::B:
        return QStringLiteral("B");
    case Category::C:
        return QStringLiteral("C");
    case Category::None:
        break;
    }
    return QStringLiteral("none");
}

QString EvidenceUse::value(const QString& fieldName) const
{
    for (const EvidenceField& f : fields) {
        if (f.name == fieldName)
            return f.value;
    }
    return {};
}

QStringList RuleCheck::recordIds() const
{
    QStringList ids;
    ids.reserve(evidence.size());
    for (const EvidenceUse& e : evidence)
        ids.append(e.recordId);
    return ids;
}

const EvidenceUse* RuleCheck::decisive() const
{
    for (const EvidenceUse& e : evidence) {
        if (e.decisive)
            return &e;
    }
    return nullptr;
}

void EligibilityResult::setFlag(const QString& name, const QString& reason)
{
    if (!flags.contains(name)) {
        flags.append(name);
        flags.sort();
    }
    flagReasons.insert(name, reason);
}

void EligibilityResult::clearFlag(const QString& name)
{
    flags.removeAll(name);
    flagReasons.remove(name);
}

const RuleCheck* EligibilityResult::check(const QString& name) const
{
    for (const RuleCheck& c : checks) {
        if (c.rule == name)
            return &c;
    }
    return nullptr;
}

QJsonObject toJson(const EligibilityResult& r)
{
    QJsonArray checks;
    for (const RuleCheck& c : r.checks) {
        QJsonObject fields;
        const EvidenceUse* shown = c.decisive();
        if (!shown && !c.evidence.isEmpty())
            shown = &c.evidence.constFirst();
        if (shown) {
            for (const EvidenceField& f : shown->fields)
                fields.insert(f.name, f.value);
        }
        QJsonObject o;
        o.insert(QStringLiteral("rule"), c.rule);
        o.insert(QStringLiteral("passed"), c.passed);
        o.insert(QStringLiteral("record_ids"), QJsonArray::fromStringList(c.recordIds()));
        o.insert(QStringLiteral("reason"), c.reason);
        o.insert(QStringLiteral("fields"), fields);
        checks.append(o);
    }
    QJsonObject reasons;
    for (auto it = r.flagReasons.cbegin(); it != r.flagReasons.cend(); ++it)
        reasons.insert(it.key(), it.value());
    QJsonObject o;
    o.insert(QStringLiteral("application_id"), r.applicationId);
    o.insert(QStringLiteral("category"), categoryCode(r.category));
    o.insert(QStringLiteral("eligible"), r.eligible);
    o.insert(QStringLiteral("flags"), QJsonArray::fromStringList(r.flags));
    o.insert(QStringLiteral("flag_reasons"), reasons);
    o.insert(QStringLiteral("checks"), checks);
    return o;
}

} // namespace adm::policy
