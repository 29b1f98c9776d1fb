#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

namespace adm::sync {

// The standard reason codes a decision carries: a fixed table, the same on every workstation and
// understood upstream, so that a reason reads the same to a parent, a principal and an inspector.
// A code may serve several outcomes ("other" serves all three).
struct ReasonCode {
    QString code;
    QString outcome; // approve | reject | request_info
    QString labelZh;
    QString labelEn;
    // The label for a language ("zh_CN", "en", …): Chinese for zh*, else English.
    QString label(const QString& language) const;
};

class ReasonCodes {
public:
    static const QList<ReasonCode>& all();
    static bool isKnown(const QString& code);
    // True when `code` is a standard reason for `outcome`.
    static bool fits(const QString& code, const QString& outcome);
    static QStringList codesFor(const QString& outcome);
    // [{"code", "outcome", "label_zh", "label_en"}]
    static QJsonArray toJson();
};

} // namespace adm::sync
