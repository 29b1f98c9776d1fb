#pragma once

#include <QJsonArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace adm::hub {

// The real admissions-hub program as a child process on a loopback port, for tests and benchmarks
// that need the program itself (its options, its restarts, its own process) rather than the hub
// in-process. QtCore only: library admissions_hub_process.
//
// The first start picks a free port; later starts reuse it, so that a workstation enrolled with
// the hub keeps its address across restarts with other options (--faults, --live). The hub's
// standard error is appended to DIR.log (beside the data folder), never left in a pipe that fills.
class HubProcess {
public:
    explicit HubProcess(QString program)
        : m_program(std::move(program))
    {}
    ~HubProcess() { stop(); }
    HubProcess(const HubProcess&) = delete;
    HubProcess& operator=(const HubProcess&) = delete;

    // Stops a running hub, then starts the program with --data-dir DIR --listen 127.0.0.1:PORT and
    // `extra`, and waits up to `timeoutMs` for its ADMISSIONS_HUB_URL line (a first start generates
    // its city first). False when it did not start, stopped, or printed something else.
    bool start(const QString& dataDir, const QStringList& extra = {}, int timeoutMs = 180000);
    // SIGTERM, then SIGKILL after 30 s.
    void stop();

    QString program() const { return m_program; }
    bool isAvailable() const; // the program exists
    QString url() const { return m_url; }
    QString dataDir() const { return m_dataDir; }
    QString caFile() const { return m_dataDir + QStringLiteral("/ca.pem"); }
    QString logFile() const { return m_dataDir + QStringLiteral(".log"); }
    qint64 processId() const { return m_process.processId(); }

    // DIR/accounts.json (sandbox only): [{"account", "password", "display_name", "roles",
    // "district_code", "school_ids"}].
    QJsonArray accounts() const;
    QString password(const QString& account) const;

private:
    QString m_program;
    QProcess m_process;
    QString m_dataDir;
    QString m_url;
    quint16 m_port = 0;
};

} // namespace adm::hub
