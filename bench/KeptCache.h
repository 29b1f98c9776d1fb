#pragma once

#include "security/Crypto.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <cstdio>

namespace bench {

// A generated cache kept in a folder between runs (`--dir DIR`): its key in bench.key, and a marker
// file that names what was generated into it. Without the marker the folder is emptied and a new
// key made; keep() writes both once the cache is complete, so an interrupted run starts afresh.
class KeptCache {
public:
    KeptCache(const QString& dir, const QString& markerName)
        : m_dir(dir)
        , m_marker(dir + u'/' + markerName)
    {
        QFile keyFile(keyPath());
        if (QFile::exists(m_marker) && keyFile.open(QIODevice::ReadOnly)) {
            m_key = keyFile.readAll();
            m_reused = true;
            std::printf("using the cache in %s\n", qPrintable(dir));
            std::fflush(stdout);
            return;
        }
        for (const QString& f : QDir(dir).entryList(QDir::Files))
            QFile::remove(dir + u'/' + f);
        m_key = adm::crypto::randomBytes(32);
    }

    bool reused() const { return m_reused; }
    const QByteArray& key() const { return m_key; }
    QString path(const QString& name) const { return m_dir + u'/' + name; }

    void keep() const
    {
        QFile keyFile(keyPath());
        if (keyFile.open(QIODevice::WriteOnly))
            keyFile.write(m_key);
        QFile(m_marker).open(QIODevice::WriteOnly);
    }

private:
    QString keyPath() const { return m_dir + QStringLiteral("/bench.key"); }

    QString m_dir;
    QString m_marker;
    QByteArray m_key;
    bool m_reused = false;
};

} // namespace bench
