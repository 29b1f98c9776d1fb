#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <memory>

namespace adm::i18n {

namespace {
std::unique_ptr<QTranslator>& appTranslator()
{
    static std::unique_ptr<QTranslator> t;
    return t;
}
std::unique_ptr<QTranslator>& qtTranslator()
{
    static std::unique_ptr<QTranslator> t;
    return t;
}
} // namespace

QString resolveLanguage(const QString& setting)
{
    if (setting == QLatin1String("zh_CN") || setting == QLatin1String("en"))
        return setting;
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QString languageFromEnvironment()
{
    return resolveLanguage(qEnvironmentVariable("ADMISSIONS_LANG", QStringLiteral("system")));
}

bool installTranslations(QCoreApplication& app, const QString& language)
{
    for (auto* t : {&appTranslator(), &qtTranslator()}) {
        if (*t) {
            app.removeTranslator(t->get());
            t->reset();
        }
    }
    if (language == QLatin1String("en"))
        return true; // English is the source language
    auto mine = std::make_unique<QTranslator>();
    const bool ok = mine->load(QStringLiteral(":/i18n/admissions_%1.qm").arg(language));
    if (ok) {
        app.installTranslator(mine.get());
        appTranslator() = std::move(mine);
    }
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        app.installTranslator(qt.get());
        qtTranslator() = std::move(qt);
    }
    return ok;
}

} // namespace adm::i18n
