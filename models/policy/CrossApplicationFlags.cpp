#include "CrossApplicationFlags.h"

#include <QCoreApplication>

namespace adm::policy {

QString CrossApplicationFlags::childKey(const ApplicationSummary& s)
{
    if (s.childIdNumber.isEmpty())
        return {};
    return QString::number(s.admissionYear) + u'|' + s.childIdNumber;
}

QString CrossApplicationFlags::certificateKey(const ApplicationSummary& s)
{
    if (s.decisiveCertificateNo.isEmpty())
        return {};
    return QString::number(s.admissionYear) + u'|' + s.decisiveCertificateNo;
}

QStringList CrossApplicationFlags::groupOf(const ApplicationSummary& s) const
{
    QSet<QString> ids{s.applicationId};
    const QString ck = childKey(s);
    if (!ck.isEmpty())
        ids.unite(m_byChild.value(ck));
    const QString pk = certificateKey(s);
    if (!pk.isEmpty())
        ids.unite(m_byCertificate.value(pk));
    QStringList out(ids.cbegin(), ids.cend());
    out.sort();
    return out;
}

QStringList CrossApplicationFlags::upsert(const ApplicationSummary& summary)
{
    QStringList affected = remove(summary.applicationId);
    m_byId.insert(summary.applicationId, summary);
    const QString ck = childKey(summary);
    if (!ck.isEmpty())
        m_byChild[ck].insert(summary.applicationId);
    const QString pk = certificateKey(summary);
    if (!pk.isEmpty())
        m_byCertificate[pk].insert(summary.applicationId);
    for (const QString& id : groupOf(summary)) {
        if (!affected.contains(id))
            affected.append(id);
    }
    affected.sort();
    return affected;
}

QStringList CrossApplicationFlags::remove(const QString& applicationId)
{
    const auto it = m_byId.constFind(applicationId);
    if (it == m_byId.constEnd())
        return {applicationId};
    const ApplicationSummary old = *it;
    QStringList affected = groupOf(old);
    m_byId.erase(it);
    auto drop = [&applicationId](QHash<QString, QSet<QString>>& index, const QString& key) {
        if (key.isEmpty())
            return;
        auto group = index.find(key);
        if (group == index.end())
            return;
        group->remove(applicationId);
        if (group->isEmpty())
            index.erase(group);
    };
    drop(m_byChild, childKey(old));
    drop(m_byCertificate, certificateKey(old));
    return affected;
}

QStringList CrossApplicationFlags::flagsFor(const QString& applicationId) const
{
    QStringList flags;
    if (!reasonFor(applicationId, flag::DuplicateApplication).isEmpty())
        flags.append(flag::DuplicateApplication);
    if (!reasonFor(applicationId, flag::SharedProperty).isEmpty())
        flags.append(flag::SharedProperty);
    flags.sort();
    return flags;
}

QString CrossApplicationFlags::reasonFor(const QString& applicationId, const QString& flagName) const
{
    const auto it = m_byId.constFind(applicationId);
    if (it == m_byId.constEnd())
        return {};
    const ApplicationSummary& s = *it;
    if (flagName == flag::DuplicateApplication) {
        const QString ck = childKey(s);
        if (ck.isEmpty())
            return {};
        QStringList others;
        for (const QString& id : m_byChild.value(ck)) {
            if (id != applicationId)
                others.append(id);
        }
        if (others.isEmpty())
            return {};
        others.sort();
        return QCoreApplication::translate("EligibilityCheck", "The child has other applications this year: %1.")
            .arg(others.join(QStringLiteral(", ")));
    }
    if (flagName == flag::SharedProperty) {
        const QString pk = certificateKey(s);
        if (pk.isEmpty())
            return {};
        // Other households: applications of children who do not share this one's household.
        QStringList others;
        for (const QString& id : m_byCertificate.value(pk)) {
            const ApplicationSummary& o = m_byId[id];
            if (id != applicationId && o.householdKey != s.householdKey)
                others.append(id);
        }
        if (others.isEmpty())
            return {};
        others.sort();
        return QCoreApplication::translate("EligibilityCheck",
                                           "Real-estate certificate %1 is also the decisive property of %2, a child "
                                           "in another household.")
            .arg(s.decisiveCertificateNo, others.join(QStringLiteral(", ")));
    }
    return {};
}

void CrossApplicationFlags::applyTo(EligibilityResult& result) const
{
    for (const QString& name : {flag::DuplicateApplication, flag::SharedProperty}) {
        const QString reason = reasonFor(result.applicationId, name);
        if (reason.isEmpty())
            result.clearFlag(name);
        else
            result.setFlag(name, reason);
    }
}

void CrossApplicationFlags::apply(QList<EligibilityResult>& results)
{
    // The batch path groups once by child and by certificate; only applications in a group of
    // two or more get a reason string.
    QHash<QString, QList<int>> byChild;
    QHash<QString, QList<int>> byCertificate;
    byChild.reserve(results.size());
    for (int i = 0; i < results.size(); ++i) {
        const ApplicationSummary& s = results.at(i).summary;
        results[i].clearFlag(flag::DuplicateApplication);
        results[i].clearFlag(flag::SharedProperty);
        if (const QString k = childKey(s); !k.isEmpty())
            byChild[k].append(i);
        if (const QString k = certificateKey(s); !k.isEmpty())
            byCertificate[k].append(i);
    }
    QStringList others;
    for (const QList<int>& group : std::as_const(byChild)) {
        if (group.size() < 2)
            continue;
        for (int i : group) {
            others.clear();
            for (int j : group) {
                if (j != i)
                    others.append(results.at(j).applicationId);
            }
            others.sort();
            results[i].setFlag(
                flag::DuplicateApplication,
                QCoreApplication::translate("EligibilityCheck", "The child has other applications this year: %1.")
                    .arg(others.join(QStringLiteral(", "))));
        }
    }
    for (const QList<int>& group : std::as_const(byCertificate)) {
        if (group.size() < 2)
            continue;
        for (int i : group) {
            const ApplicationSummary& s = results.at(i).summary;
            others.clear();
            for (int j : group) {
                if (j != i && results.at(j).summary.householdKey != s.householdKey)
                    others.append(results.at(j).applicationId);
            }
            if (others.isEmpty())
                continue;
            others.sort();
            results[i].setFlag(flag::SharedProperty,
                               QCoreApplication::translate("EligibilityCheck",
                                                           "Real-estate certificate %1 is also the decisive property "
                                                           "of %2, a child in another household.")
                                   .arg(s.decisiveCertificateNo, others.join(QStringLiteral(", "))));
        }
    }
}

} // namespace adm::policy
