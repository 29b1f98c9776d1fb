#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>
#include <optional>

namespace adm::views {

// What an officer has written in an open decision dialog, kept in the cache (DraftStore) so that a
// lock, a crash or a kill loses at most the last seconds of typing. `fields` holds every input of
// the dialog by its object name (the note, the category, the reason, the family's text, a date, …),
// so that a field added to the dialog is kept without a change here.
struct DecisionDraft {
    QString kind; // approve | reject | request_info
    QString applicationId;
    QMap<QString, QString> fields;
    QDateTime savedAt; // UTC; set by DraftStore

    bool isNull() const { return applicationId.isEmpty() || kind.isEmpty(); }
    QString field(const QString& name) const { return fields.value(name); }
    bool operator==(const DecisionDraft&) const = default;

    QByteArray toJson() const;
    static std::optional<DecisionDraft> fromJson(const QByteArray& json);
};

} // namespace adm::views
