#include "SignOffService.h"

#include "PublicNotice.h"
#include "domain/IdNumber.h"
#include "store/Workspace.h"
#include "sync/Relations.h"
#include "sync/SignOffReads.h"
#include "sync/SyncState.h"

#include <QPointer>
#include <memory>

namespace adm::views {

namespace {

QString accountOf(store::Workspace& w)
{
    return sync::SyncState(w.database().writer()).accountFor(w.user());
}

sync::SignOff signOffOf(store::Workspace& w)
{
    return sync::SignOff(w.database().writer(), w.audit(), w.user(), w.role(), accountOf(w));
}

} // namespace

Result<SignOffOverview> readSignOffOverview(const CacheView& cache, const QString& user)
{
    store::Connection& c = cache.connection();
    SignOffOverview o;
    o.account = sync::SyncState(c).accountFor(user);
    auto schools = sync::SignOffReads::schoolsWithApplications(c);
    if (!schools)
        return schools.error();
    if (!schools->isEmpty())
        o.schoolId = schools->first();
    auto key = sync::SigningKeys::current(c, user, o.account);
    if (!key)
        return key.error();
    o.key = *key;
    auto batches = sync::SignOffReads::list(c, o.schoolId);
    if (!batches)
        return batches.error();
    o.batches = *batches;
    if (!o.schoolId.isEmpty()) {
        auto candidates = sync::SignOffReads::candidates(c, o.schoolId);
        if (!candidates)
            return candidates.error();
        o.candidates = *candidates;
    }
    return o;
}

Result<QList<sync::BatchSummary>> readBatches(const CacheView& cache, const QString& schoolId)
{
    return sync::SignOffReads::list(cache.connection(), schoolId);
}

Result<sync::BatchReview> readBatchReview(const CacheView& cache, const QString& batchId)
{
    return sync::SignOffReads::review(cache.connection(), batchId);
}

Result<QList<sync::BatchItem>> readReturnedItems(const CacheView& cache, const QString& schoolId)
{
    return sync::SignOffReads::returnedItems(cache.connection(), schoolId);
}

Result<std::optional<sync::SigningKeyInfo>> readSigningKey(const CacheView& cache, const QString& user)
{
    store::Connection& c = cache.connection();
    return sync::SigningKeys::current(c, user, sync::SyncState(c).accountFor(user));
}

Result<bool> readDeclaredRelation(const CacheView& cache, const QString& user, const QString& applicationId)
{
    return sync::Relations::relatedApplication(cache.connection(), user, applicationId);
}

Result<QSet<QString>> readRelatedApplications(const CacheView& cache, const QString& user)
{
    return sync::Relations::relatedApplications(cache.connection(), user);
}

Result<QList<DeclaredRelative>> readDeclaredRelatives(const CacheView& cache, const QString& user)
{
    auto list = sync::Relations::list(cache.connection(), user);
    if (!list)
        return list.error();
    QList<DeclaredRelative> out;
    for (const sync::DeclaredRelation& r : *list)
        out.append({IdNumber::masked(r.idNumber), r.note, r.declaredAt});
    return out;
}

SignOffService::SignOffService(Session& session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{}

template <typename R>
void SignOffService::write(std::function<R(store::Workspace&)> job, QObject* context, std::function<void(R)> done)
{
    QPointer<SignOffService> self(this);
    postJob<R>(m_session, std::move(job), context, [self, done = std::move(done)](R result) {
        if (result && self) {
            Q_EMIT self->changed();
            Q_EMIT self->m_session.cacheChanged();
        }
        if (done)
            done(std::move(result));
    });
}

void SignOffService::createBatch(const sync::BatchSelection& selection, QObject* context,
                                 std::function<void(Result<sync::BatchSummary>)> done)
{
    write<Result<sync::BatchSummary>>([selection](store::Workspace& w) { return signOffOf(w).createBatch(selection); },
                                      context, std::move(done));
}

void SignOffService::markSeen(const QString& batchId, const QString& applicationId, QObject* context,
                              std::function<void(Status)> done)
{
    write<Status>(
        [batchId, applicationId](store::Workspace& w) { return signOffOf(w).markSeen(batchId, applicationId); },
        context, std::move(done));
}

void SignOffService::returnItem(const QString& batchId, const QString& applicationId, const QString& note,
                                QObject* context, std::function<void(Status)> done)
{
    write<Status>([batchId, applicationId,
                   note](store::Workspace& w) { return signOffOf(w).returnItem(batchId, applicationId, note); },
                  context, std::move(done));
}

void SignOffService::sign(const QString& batchId, security::SecretBytes passphrase, QObject* context,
                          std::function<void(Result<sync::BatchSummary>)> done)
{
    // std::function needs a copyable job: the one passphrase is shared, and wiped after use.
    auto secret = std::make_shared<security::SecretBytes>(std::move(passphrase));
    write<Result<sync::BatchSummary>>(
        [batchId, secret](store::Workspace& w) {
            auto signedBatch = signOffOf(w).sign(batchId, *secret);
            *secret = security::SecretBytes();
            return signedBatch;
        },
        context, std::move(done));
}

void SignOffService::renew(const QString& batchId, QObject* context,
                           std::function<void(Result<sync::BatchSummary>, QStringList)> done)
{
    using R = std::pair<Result<sync::BatchSummary>, QStringList>;
    QPointer<SignOffService> self(this);
    postJob<std::shared_ptr<R>>(
        m_session,
        [batchId](store::Workspace& w) {
            QStringList dropped;
            auto made = signOffOf(w).newBatchWithout(batchId, &dropped);
            return std::make_shared<R>(std::move(made), dropped);
        },
        context,
        [self, done = std::move(done)](std::shared_ptr<R> r) {
            if (r->first && self) {
                Q_EMIT self->changed();
                Q_EMIT self->m_session.cacheChanged();
            }
            if (done)
                done(std::move(r->first), r->second);
        });
}

void SignOffService::discard(const QString& batchId, QObject* context, std::function<void(Status)> done)
{
    write<Status>([batchId](store::Workspace& w) { return signOffOf(w).discard(batchId); }, context, std::move(done));
}

void SignOffService::exportBatch(const QString& batchId, const QString& dir, QObject* context,
                                 std::function<void(Status)> done)
{
    write<Status>([batchId, dir](store::Workspace& w) { return signOffOf(w).exportBatch(batchId, dir); }, context,
                  std::move(done));
}

void SignOffService::writeNotice(const QString& batchId, const QString& path, QObject* context,
                                 std::function<void(Result<QPair<int, int>>)> done)
{
    write<Result<QPair<int, int>>>(
        [batchId, path](store::Workspace& w) -> Result<QPair<int, int>> {
            auto notice = PublicNotice::write(w, batchId, path);
            if (!notice)
                return notice.error();
            return qMakePair(int(notice->rows.size()), PublicNotice::pageCount(*notice));
        },
        context, std::move(done));
}

void SignOffService::generateKey(crypto::SignatureAlgorithm algorithm, security::SecretBytes passphrase,
                                 QObject* context, std::function<void(Result<sync::SigningKeyInfo>)> done)
{
    auto secret = std::make_shared<security::SecretBytes>(std::move(passphrase));
    write<Result<sync::SigningKeyInfo>>(
        [algorithm, secret](store::Workspace& w) {
            sync::SigningKeys keys(w.database().writer(), w.audit(), w.user(), w.role(), accountOf(w));
            auto key = keys.generate(algorithm, *secret, w.keys());
            *secret = security::SecretBytes();
            return key;
        },
        context, std::move(done));
}

void SignOffService::declareRelative(const QString& idNumber, const QString& note, QObject* context,
                                     std::function<void(Result<bool>)> done)
{
    write<Result<bool>>(
        [idNumber, note](store::Workspace& w) {
            return sync::Relations(w.database().writer(), w.audit(), w.user()).declare(idNumber, note);
        },
        context, std::move(done));
}

} // namespace adm::views
