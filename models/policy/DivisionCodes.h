#pragma once

#include <QString>
#include <QStringView>

// Reference data: administrative division names after GB/T 2260, the codes the policy's
// district lists use. Only the names an address may carry as a prefix are needed; a place name
// that is not listed here is still recognised by its suffix (省, 市, 区, 县) and treated as
// "somewhere else".
namespace adm::policy {

class DivisionCodes {
public:
    enum class Level { Province, City, District };

    struct Entry {
        QString code; // 6 digits
        QString name; // full name with its suffix, e.g. 东港区
        Level level;
    };

    // The entry for a full name ("东港区", "日照市", "山东省"), or nullptr.
    static const Entry* byName(QStringView name);
    // The full name for a code ("371102" → "东港区"), or an empty string.
    static QString nameOf(const QString& code);
    // The name without its suffix ("东港区" → "东港"), used for prefixes written without one.
    static const Entry* byShortName(QStringView shortName);

    // The code of the city (371100) and province (370000) a district code belongs to.
    static QString cityOf(const QString& code) { return code.left(4) + QStringLiteral("00"); }
    static QString provinceOf(const QString& code) { return code.left(2) + QStringLiteral("0000"); }
};

} // namespace adm::policy
