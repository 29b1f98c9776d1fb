#include "GroundTruth.h"

#include <QSet>

namespace {
const QStringList kCategories = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("none")};
}

void GroundTruth::addResult(const QString& applicationId, const QString& category, const QStringList& flags)
{
    m_results.insert(applicationId, Found{category, flags});
}

double GroundTruth::categoryAgreement() const
{
    if (m_truth.isEmpty())
        return 0;
    int same = 0;
    for (auto it = m_truth.cbegin(); it != m_truth.cend(); ++it) {
        const auto found = m_results.constFind(it.key());
        if (found != m_results.cend() && found->category == it->category)
            ++same;
    }
    return double(same) / m_truth.size();
}

double GroundTruth::FlagScore::precision() const
{
    const int found = truePositives + falsePositives;
    return found == 0 ? 1.0 : double(truePositives) / found;
}

double GroundTruth::FlagScore::recall() const
{
    const int wanted = truePositives + falseNegatives;
    return wanted == 0 ? 1.0 : double(truePositives) / wanted;
}

QMap<QString, GroundTruth::FlagScore> GroundTruth::flagScores() const
{
    QMap<QString, FlagScore> scores;
    for (auto it = m_truth.cbegin(); it != m_truth.cend(); ++it) {
        const QStringList found = m_results.value(it.key()).flags;
        QSet<QString> all(it->flags.cbegin(), it->flags.cend());
        all.unite(QSet<QString>(found.cbegin(), found.cend()));
        for (const QString& flag : all) {
            const bool wanted = it->flags.contains(flag);
            const bool got = found.contains(flag);
            FlagScore& s = scores[flag];
            s.truePositives += wanted && got;
            s.falsePositives += !wanted && got;
            s.falseNegatives += wanted && !got;
        }
    }
    return scores;
}

QString GroundTruth::report() const
{
    QMap<QPair<QString, QString>, int> confusion;
    for (auto it = m_truth.cbegin(); it != m_truth.cend(); ++it)
        confusion[{it->category, m_results.value(it.key()).category}] += 1;
    QString out = QStringLiteral("truth \\ check ");
    for (const QString& c : kCategories)
        out += c.rightJustified(8);
    out += u'\n';
    for (const QString& t : kCategories) {
        out += t.leftJustified(14);
        for (const QString& c : kCategories)
            out += QString::number(confusion.value({t, c})).rightJustified(8);
        out += u'\n';
    }
    out += QStringLiteral("category agreement %1% over %2 applications\n")
               .arg(categoryAgreement() * 100, 0, 'f', 3)
               .arg(m_truth.size());
    const auto scores = flagScores();
    for (auto it = scores.cbegin(); it != scores.cend(); ++it)
        out += QStringLiteral("%1 tp %2 fp %3 fn %4  precision %5  recall %6\n")
                   .arg(it.key().leftJustified(22))
                   .arg(it->truePositives, 6)
                   .arg(it->falsePositives, 4)
                   .arg(it->falseNegatives, 4)
                   .arg(it->precision(), 0, 'f', 4)
                   .arg(it->recall(), 0, 'f', 4);
    return out;
}

QStringList GroundTruth::firstDisagreements(int count) const
{
    QStringList out;
    for (auto it = m_truth.cbegin(); it != m_truth.cend() && out.size() < count; ++it) {
        const Found f = m_results.value(it.key());
        QStringList wanted = it->flags;
        QStringList got = f.flags;
        wanted.sort();
        got.sort();
        if (f.category != it->category || wanted != got)
            out.append(QStringLiteral("%1: truth %2 [%3], check %4 [%5]")
                           .arg(it.key(), it->category, wanted.join(u','), f.category, got.join(u',')));
    }
    return out;
}
