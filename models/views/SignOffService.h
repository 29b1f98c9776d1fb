#pragma once

#include "CacheView.h"
#include "Session.h"
#include "security/SecretBytes.h"
#include "security/Signatures.h"
#include "sync/SignOff.h"
#include "sync/SignOffTypes.h"
#include "sync/SigningKeys.h"

#include <QMap>
#include <QObject>
#include <QSet>
#include <functional>
#include <optional>

namespace adm::views {

// What the sign-off window reads first: whose it is, the school, the key, the batches, the candidates.
struct SignOffOverview {
    QString account;  // the user's hub account (the signer); empty: none known, nothing can be signed
    QString schoolId; // the school the cache holds applications of (the principal's); empty: none
    std::optional<sync::SigningKeyInfo> key;                // the key the user signs with
    QList<sync::BatchSummary> batches;                      // newest first
    QMap<QString, QList<sync::SignOffDecision>> candidates; // by outcome (approve, reject)
};

// One declared relative as screens show it: the ID number masked.
struct DeclaredRelative {
    QString maskedIdNumber;
    QString note;
    QDateTime declaredAt;
};

// Reads of the principal's sign-off on a reader connection (ReaderThread); no writes.
Result<SignOffOverview> readSignOffOverview(const CacheView& cache, const QString& user);
Result<QList<sync::BatchSummary>> readBatches(const CacheView& cache, const QString& schoolId);
Result<sync::BatchReview> readBatchReview(const CacheView& cache, const QString& batchId);
Result<QList<sync::BatchItem>> readReturnedItems(const CacheView& cache, const QString& schoolId);
Result<std::optional<sync::SigningKeyInfo>> readSigningKey(const CacheView& cache, const QString& user);
// Whether `user` declared a relative named on the application (the decision actions are refused).
Result<bool> readDeclaredRelation(const CacheView& cache, const QString& user, const QString& applicationId);
// The applications naming a person `user` declared: their queue shows them greyed.
Result<QSet<QString>> readRelatedApplications(const CacheView& cache, const QString& user);
Result<QList<DeclaredRelative>> readDeclaredRelatives(const CacheView& cache, const QString& user);

// The sign-off's writes (sync::SignOff, sync::SigningKeys, sync::Relations), run on the writer's thread
// with the session's user, role and hub account; each answer comes back in `context`'s thread. Each
// emits changed() when it wrote something.
class SignOffService : public QObject {
    Q_OBJECT
public:
    explicit SignOffService(Session& session, QObject* parent = nullptr);

    void createBatch(const sync::BatchSelection& selection, QObject* context,
                     std::function<void(Result<sync::BatchSummary>)> done);
    void markSeen(const QString& batchId, const QString& applicationId, QObject* context,
                  std::function<void(Status)> done);
    void returnItem(const QString& batchId, const QString& applicationId, const QString& note, QObject* context,
                    std::function<void(Status)> done);
    // `passphrase` is wiped once the key was unwrapped (or not).
    void sign(const QString& batchId, security::SecretBytes passphrase, QObject* context,
              std::function<void(Result<sync::BatchSummary>)> done);
    // A new draft without the items that moved on (a conflict, an invalid batch); `done` gets the
    // new batch and the ids left out.
    void renew(const QString& batchId, QObject* context,
               std::function<void(Result<sync::BatchSummary>, QStringList dropped)> done);
    void discard(const QString& batchId, QObject* context, std::function<void(Status)> done);
    void exportBatch(const QString& batchId, const QString& dir, QObject* context, std::function<void(Status)> done);
    // The public notice PDF of a signed batch (PublicNotice::write), with its audit entry; done gets the
    // number of admitted children on it and its pages.
    void writeNotice(const QString& batchId, const QString& path, QObject* context,
                     std::function<void(Result<QPair<int, int>>)> done);
    void generateKey(crypto::SignatureAlgorithm algorithm, security::SecretBytes passphrase, QObject* context,
                     std::function<void(Result<sync::SigningKeyInfo>)> done);
    // Any local user: a relative's ID number. True when new.
    void declareRelative(const QString& idNumber, const QString& note, QObject* context,
                         std::function<void(Result<bool>)> done);

Q_SIGNALS:
    void changed();

private:
    template <typename R>
    void write(std::function<R(store::Workspace&)> job, QObject* context, std::function<void(R)> done);

    Session& m_session;
};

} // namespace adm::views
