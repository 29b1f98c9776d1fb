#pragma once

#include "Session.h"

namespace adm::views {

// A session whose writer stays in the GUI thread: a workstation not enrolled with a hub, and the
// GUI tests. Writes run at once; `done` follows in the next event-loop turn, as with a hub.
class LocalSession : public Session {
    Q_OBJECT
public:
    explicit LocalSession(std::unique_ptr<store::Workspace> workspace, QObject* parent = nullptr);
    ~LocalSession() override;

    QString user() const override;
    QString role() const override;
    QString dataDir() const override;
    ReaderFactory readers() const override;
    void post(std::function<void(store::Workspace&)> job, QObject* context, std::function<void()> done) override;
    OpenCache close() override;

private:
    std::unique_ptr<store::Workspace> m_workspace;
};

} // namespace adm::views
