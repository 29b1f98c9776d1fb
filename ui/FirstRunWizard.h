#pragma once

#include "sync/SyncTypes.h"
#include "views/FirstRunSetup.h"

#include <QWizard>
#include <memory>

namespace adm::ui {

// The first start on a data folder that holds no workstation yet: creates the first local user
// (the administrator, as `admissionsctl init` does) and, unless the person chooses to work
// offline, enrols the workstation with a hub and signs that user in (as `admissionsctl connect`
// and `login` do). What it created stays on disk even when the wizard is closed early.
class FirstRunWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { UserPage, HubPage, DonePage };

    explicit FirstRunWizard(const QString& dataDir, QWidget* parent = nullptr);
    ~FirstRunWizard() override;

    QString dataDir() const { return m_dataDir; }
    // Timeouts of the hub calls (tests shorten them); one attempt each, a person retries.
    void setHubOptions(const sync::SyncOptions& options) { m_hubOptions = options; }
    sync::SyncOptions hubOptions() const { return m_hubOptions; }

    // The workflow the pages drive: it creates the first user and records the hub (on its worker).
    views::FirstRunSetup& setup() { return m_setup; }
    // The cache the first page created, still unlocked; the caller takes it after accept().
    const views::OpenCache& cache() const { return m_setup.cache(); }
    views::OpenCache takeCache() { return m_setup.takeCache(); }

    // After a successful hub sign-in: the account. Its session token is kept in the cache, so that the
    // person is not asked again right away; the password is never kept.
    QString hubAccount() const { return m_hubAccount; }
    QString hubAddress() const { return m_hubAddress; }
    QString workstationName() const { return m_workstationName; }
    bool isEnrolled() const { return !m_hubAccount.isEmpty(); }
    void setSignedIn(const QString& hubAddress, const QString& workstationName, const QString& account);

    // While a hub call runs: no way out of the wizard but to wait for its (bounded) end.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }

    void reject() override;

private:
    void updateButtons(int pageId);

    QString m_dataDir;
    sync::SyncOptions m_hubOptions;
    views::FirstRunSetup m_setup;
    QString m_hubAccount;
    QString m_hubAddress;
    QString m_workstationName;
    bool m_busy = false;
};

} // namespace adm::ui
