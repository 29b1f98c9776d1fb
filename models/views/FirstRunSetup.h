#pragma once

#include "OpenCache.h"
#include "domain/Result.h"
#include "sync/Enrolment.h"
#include "sync/HubClient.h"

#include <QObject>
#include <QThreadPool>
#include <functional>
#include <memory>

namespace adm::views {

// The first start on a data folder, as a workflow the first-run wizard drives: it creates the
// first local user (the administrator) with its key store and cache, then records the hub the
// person connected to and signed in at. The cache's reads and writes run on a worker thread of
// its own, one after another; each answer comes back to `context`'s thread, unless `context` is
// gone by then. What it created stays on disk even when the wizard is closed early.
class FirstRunSetup : public QObject {
    Q_OBJECT
public:
    explicit FirstRunSetup(const QString& dataDir, QObject* parent = nullptr);
    // Waits for a read or write still running.
    ~FirstRunSetup() override;

    QString dataDir() const { return m_dataDir; }

    // Creates the folder's first user, an administrator, and its empty cache. Waits for the key
    // derivation (a fraction of a second), as unlocking does: the wizard's page cannot go on
    // without the answer. "already_initialised" when the folder holds a workstation.
    Status createAdministrator(const QString& name, const QString& role, const security::SecretBytes& passphrase);

    // The cache createAdministrator() opened; the caller takes it when the wizard is done.
    const OpenCache& cache() const { return m_cache; }
    OpenCache takeCache();

    // The enrolment to record for an address and CA already checked: the workstation keeps its id
    // across re-enrolments (sync::hubsignin::prepare). Read on the worker.
    void prepareEnrolment(const QUrl& hubUrl, const QByteArray& caPem, const QString& workstationName, QObject* context,
                          std::function<void(sync::Enrolment)> done);
    // Saves the enrolment and the sign-in (the account and the session the hub granted, never the
    // password), each with its audit entry, on the worker.
    void recordSignIn(const sync::Enrolment& enrolment, const QString& account,
                      std::shared_ptr<sync::HubSession> session, QObject* context, std::function<void(Status)> done);

private:
    QString m_dataDir;
    OpenCache m_cache;
    QThreadPool m_worker;
};

} // namespace adm::views
