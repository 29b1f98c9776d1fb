#pragma once

#include <QString>

class QCoreApplication;

namespace adm::i18n {

// "zh_CN" or "en": $ADMISSIONS_LANG when set, else the system locale (Chinese → zh_CN).
QString languageFromEnvironment();
// Resolves a saved setting ("system", "zh_CN", "en") to a language.
QString resolveLanguage(const QString& setting);
// Installs the application's and Qt's own translations for `language`; replaces earlier ones.
bool installTranslations(QCoreApplication& app, const QString& language);

} // namespace adm::i18n
