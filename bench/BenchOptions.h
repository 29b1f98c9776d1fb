#pragma once

#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <algorithm>

// The options every benchmark takes: the generated city's size and seed.
namespace bench {

inline void addCityOptions(QCommandLineParser& parser, int defaultApplications)
{
    parser.addHelpOption();
    parser.addOption({QStringLiteral("applications"), QStringLiteral("City size."), QStringLiteral("N"),
                      QString::number(defaultApplications)});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Seed."), QStringLiteral("S"), QStringLiteral("1")});
}

// Timings of one kind in milliseconds, and the figures the benchmarks print of them.
struct Figures {
    QList<double> ms;
    void add(double v) { ms.append(v); }
    // The value at `fraction` of the sorted timings (0.5: the median); 0 without timings.
    double at(double fraction) const
    {
        if (ms.isEmpty())
            return 0;
        QList<double> s = ms;
        std::sort(s.begin(), s.end());
        return s.at(std::min<qsizetype>(s.size() - 1, qsizetype(s.size() * fraction)));
    }
    double median() const { return at(0.5); }
    double p90() const { return at(0.9); }
    double max() const { return at(1.0); }
};

} // namespace bench
