#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace adm::hub::input {

// The shape every pushed field must have: a type, a presence rule and a limit. One table per
// endpoint, checked before a handler reads anything, so that no field reaches the storage
// unbounded or half-typed. docs/hub.md "Input limits" lists the same tables for integrators.
enum class Type { Text, Choice, Whole, Time, Date, Object, ObjectList, TextList };

enum Flag {
    Optional = 0,
    Required = 1, // absent (or null when not Nullable) is refused
    Nullable = 2, // null is allowed and means "not given"
    EmptyOk = 4,  // "" is allowed for a text, [] for a list
};

struct Rule {
    QString name;
    Type type = Type::Text;
    int flags = Optional;
    qint64 min = 0;       // Whole: the smallest value
    qint64 max = 0;       // Text: characters; lists: items; Whole: the largest value
    qint64 itemChars = 0; // TextList: characters of each entry
    QStringList allowed;  // Choice
    QList<Rule> children; // Object, ObjectList: the fields of each object
};

Rule text(const QString& name, int flags, qint64 maxChars);
Rule choice(const QString& name, int flags, const QStringList& allowed);
Rule whole(const QString& name, int flags, qint64 min, qint64 max);
Rule time(const QString& name, int flags);
// A calendar date, YYYY-MM-DD.
Rule date(const QString& name, int flags);
Rule object(const QString& name, int flags, const QList<Rule>& children);
Rule objects(const QString& name, int flags, qint64 maxItems, const QList<Rule>& children);
Rule texts(const QString& name, int flags, qint64 maxItems, qint64 maxChars);

// The first field of `o` that breaks `rules`, as "path.field: what is wrong" (a message that
// names the field and never echoes a free-text value), or an empty string. Fields the rules do
// not name are left alone: the contract lets clients add optional fields.
QString check(const QJsonObject& o, const QList<Rule>& rules, const QString& path);

// The tables, per endpoint (one item of the list, or the whole body where there is no list).
const QList<Rule>& decisionItem();
const QList<Rule>& applicationItem();
const QList<Rule>& batchItem();
const QList<Rule>& auditItem();
const QList<Rule>& signingKeyBody();
const QList<Rule>& sessionBody();

} // namespace adm::hub::input
