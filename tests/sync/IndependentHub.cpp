#include "IndependentHub.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>

QString IndependentHub::python()
{
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

IndependentHub::~IndependentHub()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        m_process.waitForFinished(10000);
    }
}

bool IndependentHub::start(const QString& dir, const testpki::Identity& server, const QList<QJsonObject>& changes,
                           const QStringList& arguments, QString* problem)
{
    auto write = [&](const QString& name, const QByteArray& bytes) {
        QFile f(QDir(dir).filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    QByteArray lines;
    for (const QJsonObject& c : changes)
        lines += QJsonDocument(c).toJson(QJsonDocument::Compact) + '\n';
    if (!write(QStringLiteral("server.pem"), server.certPem) || !write(QStringLiteral("server.key"), server.keyPem) ||
        !write(QStringLiteral("changes.jsonl"), lines)) {
        *problem = QStringLiteral("cannot write the server's files in %1").arg(dir);
        return false;
    }
    const QString python3 = python();
    if (python3.isEmpty()) {
        *problem = QStringLiteral("python3 is not in PATH (scripts/common.sh installs Debian's python3)");
        return false;
    }
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
    m_process.start(python3, QStringList{QStringLiteral(INDEPENDENT_HUB_SCRIPT), QStringLiteral("--cert"),
                                         QDir(dir).filePath(QStringLiteral("server.pem")), QStringLiteral("--key"),
                                         QDir(dir).filePath(QStringLiteral("server.key")), QStringLiteral("--changes"),
                                         QDir(dir).filePath(QStringLiteral("changes.jsonl"))} +
                                 arguments);
    if (!m_process.waitForStarted(30000)) {
        *problem = QStringLiteral("python3 did not start: %1").arg(m_process.errorString());
        return false;
    }
    // The first line names the port the system gave it.
    const QDeadlineTimer deadline(30000);
    while (!m_output.contains('\n') && m_process.waitForReadyRead(int(deadline.remainingTime())))
        m_output += m_process.readAllStandardOutput();
    const qsizetype end = m_output.indexOf('\n');
    const QJsonObject first = QJsonDocument::fromJson(m_output.left(end)).object();
    m_output = m_output.mid(end + 1);
    m_port = quint16(first.value(QStringLiteral("listening")).toInt());
    if (end < 0 || m_port == 0) {
        *problem = QStringLiteral("the independent hub did not come up: %1")
                       .arg(QString::fromUtf8(m_process.readAllStandardError()));
        return false;
    }
    return true;
}

QString IndependentHub::url() const
{
    return QStringLiteral("https://127.0.0.1:%1/").arg(m_port);
}

QList<IndependentHub::Request> IndependentHub::requests()
{
    m_output += m_process.readAllStandardOutput();
    qsizetype end;
    while ((end = m_output.indexOf('\n')) >= 0) {
        const QJsonObject o = QJsonDocument::fromJson(m_output.left(end)).object();
        m_output = m_output.mid(end + 1);
        Request r;
        r.method = o.value(QStringLiteral("method")).toString();
        r.target = o.value(QStringLiteral("target")).toString();
        r.path = o.value(QStringLiteral("path")).toString();
        if (o.value(QStringLiteral("after")).isString())
            r.after = o.value(QStringLiteral("after")).toString();
        r.status = o.value(QStringLiteral("status")).toInt();
        r.sent = o.value(QStringLiteral("sent")).toInteger();
        r.huge = o.value(QStringLiteral("huge")).toInteger();
        m_requests.append(r);
    }
    return m_requests;
}

QList<IndependentHub::Request> IndependentHub::changeRequests()
{
    QList<Request> out;
    for (const Request& r : requests())
        if (r.method == QLatin1String("GET") && r.path == QLatin1String("/api/v1/changes"))
            out.append(r);
    return out;
}
