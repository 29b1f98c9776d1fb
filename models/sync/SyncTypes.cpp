#include "SyncTypes.h"

#include <QCoreApplication>

Q_LOGGING_CATEGORY(lcSync, "admissions.sync")

namespace adm::sync {

QString phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Idle:
        return QStringLiteral("idle");
    case Phase::SignIn:
        return QStringLiteral("sign_in");
    case Phase::Push:
        return QStringLiteral("push");
    case Phase::Pull:
        return QStringLiteral("pull");
    case Phase::Check:
        return QStringLiteral("check");
    }
    return {};
}

QString progressText(const SyncProgress& p)
{
    switch (p.phase) {
    case Phase::Idle:
        return {};
    case Phase::SignIn:
        return SyncText::tr("Signing in to the city platform…");
    case Phase::Push:
        return p.total > 0 ? SyncText::tr("Sending the outbox: %1 of %2…").arg(p.done).arg(p.total)
                           : SyncText::tr("Sending the audit trail…");
    case Phase::Pull:
        return p.done > 0 ? SyncText::tr("Receiving changes: %1 so far…").arg(p.done)
                          : SyncText::tr("Asking the city platform for changes…");
    case Phase::Check:
        return p.total > 0 ? SyncText::tr("Checking eligibility: %1 of %2…").arg(p.done).arg(p.total)
                           : SyncText::tr("Checking eligibility…");
    }
    return {};
}

QString phaseLabel(Phase phase)
{
    switch (phase) {
    case Phase::Idle:
        return QCoreApplication::translate("Sync", "Idle");
    case Phase::SignIn:
        return QCoreApplication::translate("Sync", "Signing in");
    case Phase::Push:
        return QCoreApplication::translate("Sync", "Sending");
    case Phase::Pull:
        return QCoreApplication::translate("Sync", "Receiving");
    case Phase::Check:
        return QCoreApplication::translate("Sync", "Checking eligibility");
    }
    return {};
}

SyncSummary& SyncSummary::operator+=(const SyncSummary& o)
{
    pulled += o.pulled;
    applied += o.applied;
    pushed += o.pushed;
    conflicts += o.conflicts;
    rejected += o.rejected;
    removed += o.removed;
    checked += o.checked;
    pending = o.pending; // the state after the later pass
    openConflicts = o.openConflicts;
    fullPull = fullPull || o.fullPull;
    timings += o.timings;
    return *this;
}

SyncTimings& SyncTimings::operator+=(const SyncTimings& o)
{
    totalNs += o.totalNs;
    signInNs += o.signInNs;
    pushNs += o.pushNs;
    pushNetworkNs += o.pushNetworkNs;
    pullNs += o.pullNs;
    checkNs += o.checkNs;
    networkNs += o.networkNs;
    parseNs += o.parseNs;
    decodeNs += o.decodeNs;
    transactions += o.transactions;
    applyNs += o.applyNs;
    requests += o.requests;
    bytesReceived += o.bytesReceived;
    return *this;
}

QJsonObject SyncSummary::toJson() const
{
    return QJsonObject{{QStringLiteral("pulled"), pulled},
                       {QStringLiteral("applied"), applied},
                       {QStringLiteral("pushed"), pushed},
                       {QStringLiteral("conflicts"), conflicts},
                       {QStringLiteral("rejected"), rejected},
                       {QStringLiteral("pending"), pending},
                       {QStringLiteral("open_conflicts"), openConflicts},
                       {QStringLiteral("removed"), removed},
                       {QStringLiteral("checked"), checked},
                       {QStringLiteral("full_pull"), fullPull}};
}

bool isTransient(const QString& c)
{
    return c == code::Unreachable || c == code::Timeout || c == code::Busy || c == code::BadReply;
}

bool isOffline(const QString& c)
{
    return c == code::Unreachable || c == code::Timeout;
}

bool isTlsRefusal(const QString& c)
{
    return c == code::TlsUntrusted || c == code::TlsExpired || c == code::TlsHostMismatch || c == code::TlsFailed ||
           c == code::PlainHttp;
}

} // namespace adm::sync
