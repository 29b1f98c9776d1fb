#pragma once

#include <QCommandLineParser>
#include <QString>

// The options every benchmark takes: the generated city's size and seed.
namespace bench {

inline void addCityOptions(QCommandLineParser& parser, int defaultApplications)
{
    parser.addHelpOption();
    parser.addOption({QStringLiteral("applications"), QStringLiteral("City size."), QStringLiteral("N"),
                      QString::number(defaultApplications)});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Seed."), QStringLiteral("S"), QStringLiteral("1")});
}

} // namespace bench
