#pragma once

#include "Result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace adm::json {

// Reads typed fields from a JSON object and remembers the first problem, naming the field by its
// path ("application.guardians[1].relation"), so that a reader can check once at the end.
class FieldReader {
public:
    FieldReader(const QJsonObject& object, QString path)
        : m_object(object)
        , m_path(std::move(path))
    {}

    enum Presence { Required, Optional };

    QString string(const QString& key, Presence presence = Required);
    QString oneOf(const QString& key, const QStringList& allowed, Presence presence = Required);
    qint64 integer(const QString& key, Presence presence = Required, qint64 fallback = 0);
    bool boolean(const QString& key, Presence presence = Required, bool fallback = false);
    QDate date(const QString& key, Presence presence = Required);
    QDateTime time(const QString& key, Presence presence = Required);
    QStringList strings(const QString& key, Presence presence = Required);
    QJsonObject object(const QString& key, Presence presence = Required);
    QJsonArray array(const QString& key, Presence presence = Required);

    // True when the key is absent or null.
    bool isNull(const QString& key) const;
    QString pathOf(const QString& key) const { return m_path + u'.' + key; }

    void fail(const QString& key, const QString& what);
    void adopt(const Error& error); // takes a nested reader's error
    bool ok() const { return !m_failed; }
    const Error& error() const { return m_error; }

private:
    bool present(const QString& key, Presence presence);

    const QJsonObject& m_object;
    QString m_path;
    bool m_failed = false;
    Error m_error;
};

} // namespace adm::json
