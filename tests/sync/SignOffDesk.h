#pragma once

#include "HubFixture.h"
#include "SyncFixture.h"
#include "security/Signatures.h"
#include "sync/DecisionWorkflow.h"

#include <QTemporaryDir>
#include <memory>

// A workstation of one role enrolled with an in-process sandbox hub (HubFixture), its local user signed
// in with the hub's account of that role for `school`, for the sign-off tests (issue 14).
class SignOffDesk {
public:
    static const QString kSchool; // S371102001, a primary school of the fixture city

    SignOffDesk(HubFixture& hub, const QString& role, const QString& school = kSchool);
    bool start();

    // One sync pass (push, then pull and check); its result.
    adm::sync::PassResult sync();
    // Runs `job` on the sync thread, with the workspace (the writer is the thread's).
    template <typename R> R run(std::function<R(adm::store::Workspace&)> job)
    {
        return SyncFixture::run<R>(*service, std::move(job));
    }
    std::unique_ptr<adm::store::Connection> reader() const;

    // A decision by this desk's user (DecisionWorkflow), queued in the outbox.
    adm::Result<adm::sync::OutboxItem> decide(const adm::sync::DecisionRequest& request);
    // What the automatic check found for an application in this cache (A, B, C; empty for none or unknown).
    QString checkedCategory(const QString& applicationId);
    // The audit entries of an action, their subjects in order.
    QStringList audit(const QString& action);
    // How many rows a query counts, on a reader.
    qint64 count(const QString& sql) const;

    HubFixture& hub;
    const QString role;
    const QString account;

private:
    QTemporaryDir m_dir;
    adm::store::Database* m_database = nullptr;

public:
    std::unique_ptr<adm::sync::SyncService> service; // destroyed first: it holds the cache in m_dir
};

namespace signofftest {
// Runs the openssl command of docs/signoff.md in `dir` (batch.json, batch.sig, signer.pem): true when it
// prints "Signature Verified Successfully" and exits 0; `output` gets what it printed.
bool opensslVerifies(const QString& dir, adm::crypto::SignatureAlgorithm algorithm, QString* output = nullptr);
} // namespace signofftest
