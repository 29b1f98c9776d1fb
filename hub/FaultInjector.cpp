#include "FaultInjector.h"

#include <QRegularExpression>

namespace adm::hub {

namespace {

const QStringList kTargets = {QStringLiteral("sessions"),     QStringLiteral("changes"),
                              QStringLiteral("decisions"),    QStringLiteral("applications"),
                              QStringLiteral("signing-keys"), QStringLiteral("batches"),
                              QStringLiteral("audit"),        QStringLiteral("agency"),
                              QStringLiteral("stats"),        QStringLiteral("any")};

Error specError(const QString& rule, const QString& what)
{
    return Error{QStringLiteral("bad_fault_spec"), QStringLiteral("--faults \"%1\": %2").arg(rule, what)};
}

std::optional<FaultInjector::Kind> kindFromName(const QString& name)
{
    using K = FaultInjector::Kind;
    for (K k : {K::DropBefore, K::DropAfter, K::Status500, K::Status503, K::Status429, K::Slow, K::Truncate,
                K::InvalidJson, K::Hang}) {
        if (FaultInjector::kindName(k) == name)
            return k;
    }
    return std::nullopt;
}

} // namespace

QString FaultInjector::kindName(Kind kind)
{
    switch (kind) {
    case Kind::DropBefore:
        return QStringLiteral("drop-before");
    case Kind::DropAfter:
        return QStringLiteral("drop-after");
    case Kind::Status500:
        return QStringLiteral("status500");
    case Kind::Status503:
        return QStringLiteral("status503");
    case Kind::Status429:
        return QStringLiteral("status429");
    case Kind::Slow:
        return QStringLiteral("slow");
    case Kind::Truncate:
        return QStringLiteral("truncate");
    case Kind::InvalidJson:
        return QStringLiteral("invalid-json");
    case Kind::Hang:
        return QStringLiteral("hang");
    }
    return {};
}

Result<FaultInjector> FaultInjector::parse(const QString& spec, quint64 seed)
{
    FaultInjector f;
    f.m_state = seed ^ 0x9e3779b97f4a7c15ULL;
    static const QRegularExpression duration(QStringLiteral("^(\\d{1,9})(ms|s)$"));
    static const QRegularExpression setting(QStringLiteral("^(retry-after|times|skip)=(\\d{1,9})$"));
    for (const QString& rawRule : spec.split(u',', Qt::SkipEmptyParts)) {
        const QString text = rawRule.trimmed();
        const QStringList parts = text.split(u':');
        if (parts.size() < 2)
            return specError(text, QStringLiteral("a rule is KIND:TARGET[:PARAM...]"));
        Rule rule;
        const auto kind = kindFromName(parts.at(0));
        if (!kind)
            return specError(text, QStringLiteral("unknown kind \"%1\"").arg(parts.at(0)));
        rule.kind = *kind;
        rule.target = parts.at(1);
        if (!kTargets.contains(rule.target))
            return specError(text, QStringLiteral("unknown target \"%1\"; one of %2")
                                       .arg(rule.target, kTargets.join(QStringLiteral(", "))));
        for (qsizetype i = 2; i < parts.size(); ++i) {
            const QString p = parts.at(i);
            bool isNumber = false;
            const double probability = p.toDouble(&isNumber);
            if (isNumber) {
                if (probability < 0 || probability > 1)
                    return specError(text, QStringLiteral("a probability lies between 0 and 1, not %1").arg(p));
                rule.probability = probability;
                continue;
            }
            if (const auto m = duration.match(p); m.hasMatch()) {
                const qint64 n = m.captured(1).toLongLong() * (m.captured(2) == QLatin1String("s") ? 1000 : 1);
                if (n > 3600 * 1000)
                    return specError(text, QStringLiteral("durations go up to an hour"));
                rule.durationMs = int(n);
                continue;
            }
            if (const auto m = setting.match(p); m.hasMatch()) {
                const int n = m.captured(2).toInt();
                if (m.captured(1) == QLatin1String("retry-after"))
                    rule.retryAfter = n;
                else if (m.captured(1) == QLatin1String("times"))
                    rule.times = n;
                else
                    rule.skip = n;
                continue;
            }
            return specError(text, QStringLiteral("\"%1\" is not a probability, a duration (250ms, 2s), "
                                                  "retry-after=N, times=N or skip=N")
                                       .arg(p));
        }
        if (rule.kind == Kind::Slow && rule.durationMs < 0)
            return specError(text, QStringLiteral("slow needs a duration, such as slow:changes:2000ms"));
        f.m_rules.append(rule);
    }
    return f;
}

double FaultInjector::draw()
{
    // splitmix64: tiny, and the same on every platform.
    quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return double(z >> 11) / double(1ULL << 53);
}

FaultInjector::Plan FaultInjector::plan(const QString& endpoint)
{
    Plan plan;
    bool beforeChosen = false;
    for (Rule& rule : m_rules) {
        if (rule.target != QLatin1String("any") && rule.target != endpoint)
            continue;
        const double value = draw(); // drawn whatever happens, so later draws do not shift
        ++rule.seen;
        if (rule.seen <= rule.skip || (rule.times >= 0 && rule.fired >= rule.times) || value >= rule.probability)
            continue;
        const bool isBefore = rule.kind == Kind::DropBefore || rule.kind == Kind::Hang ||
                              rule.kind == Kind::Status500 || rule.kind == Kind::Status503 ||
                              rule.kind == Kind::Status429;
        if (isBefore && beforeChosen)
            continue;
        ++rule.fired;
        plan.names.append(kindName(rule.kind));
        switch (rule.kind) {
        case Kind::DropBefore:
            plan.dropBefore = true;
            break;
        case Kind::Hang:
            plan.hang = true;
            if (rule.durationMs >= 0)
                plan.hangMs = rule.durationMs;
            break;
        case Kind::Status500:
            plan.status = 500;
            plan.retryAfter = rule.retryAfter;
            break;
        case Kind::Status503:
            plan.status = 503;
            plan.retryAfter = rule.retryAfter >= 0 ? rule.retryAfter : 1;
            break;
        case Kind::Status429:
            plan.status = 429;
            plan.retryAfter = rule.retryAfter >= 0 ? rule.retryAfter : 1;
            break;
        case Kind::DropAfter:
            plan.dropAfter = true;
            break;
        case Kind::Truncate:
            plan.truncate = true;
            break;
        case Kind::InvalidJson:
            plan.invalidJson = true;
            break;
        case Kind::Slow:
            plan.delayMs = std::max(plan.delayMs, rule.durationMs);
            break;
        }
        beforeChosen = beforeChosen || isBefore;
    }
    return plan;
}

} // namespace adm::hub
