#include "HubProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace adm::hub {

bool HubProcess::start(const QString& dataDir, const QStringList& extra, int timeoutMs)
{
    stop();
    m_dataDir = dataDir;
    m_process.setStandardErrorFile(logFile(), QIODevice::Append);
    m_process.start(m_program, QStringList{QStringLiteral("--data-dir"), dataDir, QStringLiteral("--listen"),
                                           QStringLiteral("127.0.0.1:%1").arg(m_port)} +
                                   extra);
    if (!m_process.waitForStarted(20000))
        return false;
    QElapsedTimer t;
    t.start();
    QByteArray out;
    while (t.elapsed() < timeoutMs && !out.contains('\n')) {
        m_process.waitForReadyRead(1000);
        out += m_process.readAllStandardOutput();
        if (m_process.state() != QProcess::Running)
            return false;
    }
    const QByteArray line = out.left(out.indexOf('\n')).trimmed();
    if (!line.startsWith("ADMISSIONS_HUB_URL="))
        return false;
    m_url = QString::fromUtf8(line.mid(19));
    m_port = quint16(QUrl(m_url).port());
    return true;
}

void HubProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(30000)) {
        m_process.kill();
        m_process.waitForFinished();
    }
}

bool HubProcess::isAvailable() const
{
    return QFile::exists(m_program);
}

QJsonArray HubProcess::accounts() const
{
    QFile f(m_dataDir + QStringLiteral("/accounts.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).array();
}

QString HubProcess::password(const QString& account) const
{
    for (const QJsonValue& v : accounts())
        if (v.toObject().value(QStringLiteral("account")).toString() == account)
            return v.toObject().value(QStringLiteral("password")).toString();
    return {};
}

} // namespace adm::hub
