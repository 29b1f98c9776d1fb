#include "SignOffReads.h"

#include "Outbox.h"
#include "SyncTypes.h"
#include "domain/JsonCodec.h"
#include "store/Sql.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>

namespace adm::sync {

namespace {

// Whether a batch of this workstation holds the application at its cached version: a batch holds its
// items unless it was refused as invalid, or refused and replaced by a new draft, or its outbox item was
// dropped; an item returned to its officer stays out until the application changes.
const char* const kHeld =
    "EXISTS (SELECT 1 FROM batch_items bi JOIN batches b ON b.id = bi.batch_id "
    "LEFT JOIN outbox bo ON bo.id = b.outbox_id WHERE bi.application_id = a.id AND bi.version = a.version AND "
    "(bi.returned_note IS NOT NULL OR (b.replaced_by IS NULL AND b.state <> 'invalid' AND "
    "coalesce(bo.state, '') NOT IN ('invalid', 'dropped'))))";

const char* const kItemColumns =
    "SELECT i.application_id, i.version, i.outcome, i.category, i.decided_by, i.decided_at, i.check_category, "
    "i.reason_code, i.note, i.seen_at, i.returned_note, i.returned_at, i.returned_by, a.version, a.status, a.data, "
    "e.category, e.flags FROM batch_items i LEFT JOIN applications a ON a.id = i.application_id "
    "LEFT JOIN eligibility_results e ON e.application_id = i.application_id ";

const char* const kSummaryColumns =
    "SELECT b.id, b.school_id, b.title, b.created_at, b.created_by, b.state, b.signed_at, b.key_id, b.outbox_id, "
    "b.result_code, b.result_message, b.replaced_by, o.state, o.attempts, o.result_code, o.result_message, "
    "o.result_id, k.algorithm, k.fingerprint, "
    "(SELECT count(*) FROM batch_items i WHERE i.batch_id = b.id AND i.returned_note IS NULL), "
    "(SELECT count(*) FROM batch_items i WHERE i.batch_id = b.id AND i.returned_note IS NULL AND i.override = 1), "
    "(SELECT count(*) FROM batch_items i WHERE i.batch_id = b.id AND i.returned_note IS NULL AND i.override = 1 "
    "AND i.seen_at IS NULL), "
    "(SELECT count(*) FROM batch_items i WHERE i.batch_id = b.id AND i.returned_note IS NOT NULL) "
    "FROM batches b LEFT JOIN outbox o ON o.id = b.outbox_id LEFT JOIN signing_keys k ON k.key_id = b.key_id ";

const QStringList kCategories = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")};

// The accepted, unsigned decision an application row carries, or none.
std::optional<SignOffDecision> decisionFrom(const QString& id, qint64 version, const QString& status,
                                            const QByteArray& data, const QString& checkCategory, const QString& flags)
{
    const QString outcome = status == QLatin1String("approved")   ? QStringLiteral("approve")
                            : status == QLatin1String("rejected") ? QStringLiteral("reject")
                                                                  : QString();
    if (outcome.isEmpty())
        return std::nullopt;
    const QJsonObject d = QJsonDocument::fromJson(data).object().value(QStringLiteral("decision")).toObject();
    if (d.value(QStringLiteral("outcome")).toString() != outcome || d.value(QStringLiteral("signed")).toBool() ||
        !d.value(QStringLiteral("batch_id")).toString().isEmpty())
        return std::nullopt;
    SignOffDecision s;
    s.applicationId = id;
    s.version = version;
    s.outcome = outcome;
    if (outcome == QLatin1String("approve"))
        s.category = d.value(QStringLiteral("category")).toString();
    s.reasonCode = d.value(QStringLiteral("reason_code")).toString();
    s.note = d.value(QStringLiteral("note")).toString();
    s.decidedBy = d.value(QStringLiteral("decided_by")).toString();
    s.decidedAt = json::parseTime(d.value(QStringLiteral("decided_at")).toString());
    s.checkCategory = checkCategory;
    s.flags = flags.split(u',', Qt::SkipEmptyParts);
    s.classify();
    return s;
}

BatchItem itemFrom(const store::Statement& q)
{
    BatchItem i;
    i.applicationId = q.text(0);
    i.version = q.int64(1);
    i.outcome = q.text(2);
    i.category = q.text(3);
    i.decidedBy = q.text(4);
    i.decidedAt = json::parseTime(q.text(5));
    i.checkCategory = q.text(6);
    i.reasonCode = q.text(7);
    i.note = q.text(8);
    i.seenAt = json::parseTime(q.text(9));
    i.returnedNote = q.text(10);
    i.returnedAt = json::parseTime(q.text(11));
    i.returnedBy = q.text(12);
    i.cachedVersion = q.isNull(13) ? 0 : q.int64(13);
    i.flags = q.text(17).split(u',', Qt::SkipEmptyParts);
    i.classify();
    // Stale: the cache no longer holds this decision, at this version, unsigned.
    const auto now = q.isNull(13)
                         ? std::nullopt
                         : decisionFrom(i.applicationId, q.int64(13), q.text(14), q.utf8(15), q.text(16), q.text(17));
    i.stale = !now || now->version != i.version || now->outcome != i.outcome || now->category != i.category;
    return i;
}

BatchSummary summaryFrom(const store::Statement& q)
{
    BatchSummary b;
    b.id = q.text(0);
    b.schoolId = q.text(1);
    b.title = q.text(2);
    b.createdAt = json::parseTime(q.text(3));
    b.createdBy = q.text(4);
    b.signedAt = json::parseTime(q.text(6));
    b.keyId = q.text(7);
    b.outboxId = q.isNull(8) ? 0 : q.int64(8);
    b.replacedBy = q.text(11);
    b.state = SignOffReads::effectiveState(q.text(5), q.text(12), int(q.int64(13)));
    b.resultCode = !q.isNull(9) ? q.text(9) : q.text(14);
    b.resultMessage = !q.isNull(10) ? q.text(10) : q.text(15);
    if (b.state == batchstate::Conflict)
        b.resultId = q.text(16);
    if (b.state == batchstate::Invalid && b.resultCode.isEmpty() && q.text(12) == state::Dropped)
        b.resultCode = QStringLiteral("dropped");
    b.algorithm = q.text(17);
    b.fingerprint = q.text(18);
    b.items = int(q.int64(19));
    b.overrides = int(q.int64(20));
    b.unseen = int(q.int64(21));
    b.returned = int(q.int64(22));
    if (!b.replacedBy.isEmpty()) {
        b.advice = SyncText::tr("A new batch without the items that moved on replaces this one: %1.").arg(b.replacedBy);
    } else if (b.state == batchstate::Conflict) {
        b.advice = SyncText::tr("The city platform did not take this batch: an application in it changed after it was "
                                "signed (%1). Nothing of it was applied. Make a new batch without the items that "
                                "moved on, check it and sign it.")
                       .arg(b.resultMessage);
    } else if (b.state == batchstate::Invalid) {
        if (b.resultCode == QLatin1String("bad_signature") || b.resultCode == QLatin1String("unknown_key"))
            b.advice = SyncText::tr("The city platform could not verify the signature with the key registered for "
                                    "your account (%1). Check that your signing key was registered (the outbox "
                                    "shows it); if the platform refused it, or it is not the key you sign with, "
                                    "generate a new signing key. Then make the batch again and sign it.")
                           .arg(b.resultMessage);
        else if (b.resultCode == QLatin1String("dropped"))
            b.advice = SyncText::tr("This batch was dropped from the outbox and will not be sent. Its decisions can "
                                    "go into a new batch.");
        else
            b.advice = SyncText::tr("The city platform refused this batch: %1. Correct the cause, then make the "
                                    "batch again and sign it.")
                           .arg(b.resultMessage);
    }
    return b;
}

Result<QList<BatchSummary>> summaries(store::Connection& c, const QString& tail, const QStringList& params)
{
    auto q = c.prepare(QLatin1String(kSummaryColumns) + tail);
    if (!q)
        return q.error();
    for (int i = 0; i < params.size(); ++i)
        q->bind(i + 1, params.at(i));
    QList<BatchSummary> out;
    Error error;
    while (q->step(&error))
        out.append(summaryFrom(*q));
    if (!error.code.isEmpty())
        return error;
    return out;
}

// local user → hub account, from the meta table (SyncState::accountKey).
Result<QHash<QString, QString>> accountsOfUsers(store::Connection& c)
{
    auto q = c.prepare(QStringLiteral("SELECT key, value FROM meta WHERE key LIKE 'sync.account.%'"));
    if (!q)
        return q.error();
    QHash<QString, QString> out;
    while (q->step())
        out.insert(q->text(0).mid(int(qstrlen("sync.account."))), q->text(1));
    return out;
}

Result<BatchSeats> seatsOf(store::Connection& c, const QString& schoolId, const QList<BatchItem>& items)
{
    BatchSeats seats;
    seats.schoolId = schoolId;
    auto s = c.prepare(QStringLiteral("SELECT name, capacity FROM schools WHERE id = ?"));
    if (!s)
        return s.error();
    s->bind(1, schoolId);
    if (s->step()) {
        seats.schoolName = s->text(0);
        seats.capacity = s->int64(1);
    }
    QHash<QString, qint64> approved;
    auto q =
        c.prepare(QStringLiteral("SELECT data FROM applications WHERE target_school_id = ? AND status = 'approved'"));
    if (!q)
        return q.error();
    q->bind(1, schoolId);
    Error error;
    while (q->step(&error)) {
        ++seats.approved;
        approved[QJsonDocument::fromJson(q->utf8(0))
                     .object()
                     .value(QStringLiteral("decision"))
                     .toObject()
                     .value(QStringLiteral("category"))
                     .toString()] += 1;
    }
    if (!error.code.isEmpty())
        return error;
    qint64 cumulative = 0;
    for (const QString& category : kCategories) {
        SeatLine line;
        line.category = category;
        for (const BatchItem& i : items)
            if (i.outcome == QLatin1String("approve") && i.category == category)
                ++line.inBatch;
        line.approved = approved.value(category);
        cumulative += line.approved;
        line.cumulative = cumulative;
        line.over = seats.capacity > 0 && cumulative > seats.capacity;
        if (line.over && seats.warning.isEmpty())
            seats.warning = SyncText::tr("Over capacity: %1 approved for %2 seats; the approvals of category %3 "
                                         "and after do not all fit.")
                                .arg(seats.approved)
                                .arg(seats.capacity)
                                .arg(category);
        seats.categories.append(line);
    }
    if (seats.over() && seats.warning.isEmpty())
        seats.warning =
            SyncText::tr("Over capacity: %1 approved for %2 seats.").arg(seats.approved).arg(seats.capacity);
    return seats;
}

} // namespace

Result<std::optional<BatchItem>> SignOffReads::returnedItem(store::Connection& c, const QString& applicationId)
{
    auto q = c.prepare(QLatin1String(kItemColumns) +
                       QStringLiteral("WHERE i.application_id = ? AND i.returned_note IS NOT NULL AND a.version = "
                                      "i.version ORDER BY i.returned_at DESC LIMIT 1"));
    if (!q)
        return q.error();
    q->bind(1, applicationId);
    Error error;
    if (q->step(&error))
        return std::optional<BatchItem>(itemFrom(*q));
    if (!error.code.isEmpty())
        return error;
    return std::optional<BatchItem>();
}

QString SignOffReads::effectiveState(const QString& stored, const QString& outboxState, int attempts)
{
    if (stored == batchstate::Draft || outboxState.isEmpty())
        return stored;
    if (outboxState == state::Done)
        return batchstate::Accepted;
    if (outboxState == state::Conflict)
        return batchstate::Conflict;
    if (outboxState == state::Invalid)
        return batchstate::Invalid;
    if (outboxState == state::Pending)
        return stored == batchstate::Signed && attempts > 0 ? batchstate::Sent : stored;
    // Dropped (or superseded): a refused batch keeps its state; any other will not be sent.
    if (stored == batchstate::Conflict || stored == batchstate::Invalid || stored == batchstate::Accepted)
        return stored;
    return batchstate::Invalid;
}

Result<QMap<QString, QList<SignOffDecision>>> SignOffReads::candidates(store::Connection& c, const QString& schoolId)
{
    auto q = c.prepare(
        QStringLiteral("SELECT a.id, a.version, a.status, a.data, e.category, e.flags FROM applications a "
                       "LEFT JOIN eligibility_results e ON e.application_id = a.id "
                       "WHERE a.target_school_id = ? AND a.status IN ('approved', 'rejected') AND NOT %1 "
                       "AND NOT EXISTS (SELECT 1 FROM outbox d WHERE d.kind = 'decision' AND d.subject_id = a.id "
                       "AND d.state = 'pending') ORDER BY a.id")
            .arg(QLatin1String(kHeld)));
    if (!q)
        return q.error();
    q->bind(1, schoolId);
    QMap<QString, QList<SignOffDecision>> out;
    Error error;
    while (q->step(&error))
        if (auto d = decisionFrom(q->text(0), q->int64(1), q->text(2), q->utf8(3), q->text(4), q->text(5)))
            out[d->outcome].append(*d);
    if (!error.code.isEmpty())
        return error;
    return out;
}

Result<std::optional<SignOffDecision>> SignOffReads::cachedDecision(store::Connection& c, const QString& applicationId)
{
    auto q =
        c.prepare(QStringLiteral("SELECT a.id, a.version, a.status, a.data, e.category, e.flags FROM applications a "
                                 "LEFT JOIN eligibility_results e ON e.application_id = a.id WHERE a.id = ?"));
    if (!q)
        return q.error();
    q->bind(1, applicationId);
    Error error;
    if (!q->step(&error)) {
        if (!error.code.isEmpty())
            return error;
        return std::optional<SignOffDecision>();
    }
    return decisionFrom(q->text(0), q->int64(1), q->text(2), q->utf8(3), q->text(4), q->text(5));
}

Result<QStringList> SignOffReads::schoolsWithApplications(store::Connection& c)
{
    auto q = c.prepare(QStringLiteral("SELECT DISTINCT target_school_id FROM applications ORDER BY 1"));
    if (!q)
        return q.error();
    QStringList out;
    Error error;
    while (q->step(&error))
        out.append(q->text(0));
    if (!error.code.isEmpty())
        return error;
    return out;
}

Result<QList<BatchSummary>> SignOffReads::list(store::Connection& c, const QString& schoolId)
{
    if (schoolId.isEmpty())
        return summaries(c, QStringLiteral("ORDER BY b.created_at DESC, b.rowid DESC"), {});
    return summaries(c, QStringLiteral("WHERE b.school_id = ? ORDER BY b.created_at DESC, b.rowid DESC"), {schoolId});
}

Result<std::optional<BatchSummary>> SignOffReads::find(store::Connection& c, const QString& batchId)
{
    auto found = summaries(c, QStringLiteral("WHERE b.id = ?"), {batchId.trimmed()});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<BatchSummary>();
    return std::optional<BatchSummary>(found->first());
}

Result<BatchReview> SignOffReads::review(store::Connection& c, const QString& batchId)
{
    auto summary = find(c, batchId);
    if (!summary)
        return summary.error();
    if (!*summary)
        return Error{QStringLiteral("not_found"),
                     SyncText::tr("There is no batch %1 on this workstation.").arg(batchId)};
    BatchReview review;
    review.batch = **summary;
    auto q = c.prepare(QLatin1String(kItemColumns) + QStringLiteral("WHERE i.batch_id = ? ORDER BY i.application_id"));
    if (!q)
        return q.error();
    q->bind(1, review.batch.id);
    // Whether an item changed since only matters while the batch can still be (re)signed.
    const bool open = review.batch.state == batchstate::Draft || review.batch.state == batchstate::Conflict ||
                      review.batch.state == batchstate::Invalid;
    Error error;
    while (q->step(&error)) {
        BatchItem item = itemFrom(*q);
        if (!open)
            item.stale = false;
        (item.isReturned() ? review.returned : review.items).append(item);
    }
    if (!error.code.isEmpty())
        return error;

    // Declared relationships: the local users who declared a person an item names, and whether one of
    // them decided it (through their hub account).
    auto related = c.prepare(
        QStringLiteral("SELECT DISTINCT i.application_id, r.user FROM batch_items i JOIN application_people p "
                       "ON p.application_id = i.application_id JOIN relations r ON r.id_number = upper(p.id_number) "
                       "WHERE i.batch_id = ? ORDER BY r.user"));
    if (!related)
        return related.error();
    related->bind(1, review.batch.id);
    QHash<QString, QStringList> declarants;
    while (related->step(&error))
        declarants[related->text(0)].append(related->text(1));
    if (!error.code.isEmpty())
        return error;
    if (!declarants.isEmpty()) {
        auto accounts = accountsOfUsers(c);
        if (!accounts)
            return accounts.error();
        for (QList<BatchItem>* list : {&review.items, &review.returned})
            for (BatchItem& item : *list) {
                item.declaredBy = declarants.value(item.applicationId);
                for (const QString& user : std::as_const(item.declaredBy))
                    if (!item.decidedBy.isEmpty() &&
                        (accounts->value(user) == item.decidedBy || user == item.decidedBy))
                        item.decidedByDeclarant = true;
            }
    }
    auto seats = seatsOf(c, review.batch.schoolId, review.items);
    if (!seats)
        return seats.error();
    review.seats = *seats;
    return review;
}

Result<SignOffReads::SignedBytes> SignOffReads::signedBytes(store::Connection& c, const QString& batchId)
{
    auto q = c.prepare(QStringLiteral("SELECT b.state, b.canonical, b.signature, k.public_key_pem, k.algorithm "
                                      "FROM batches b LEFT JOIN signing_keys k ON k.key_id = b.key_id WHERE b.id = ?"));
    if (!q)
        return q.error();
    q->bind(1, batchId.trimmed());
    if (!q->step())
        return Error{QStringLiteral("not_found"),
                     SyncText::tr("There is no batch %1 on this workstation.").arg(batchId)};
    if (q->text(0) == batchstate::Draft || q->isNull(1) || q->isNull(2))
        return Error{QStringLiteral("not_signed"),
                     SyncText::tr("Batch %1 is not signed yet: there is nothing to export.").arg(batchId)};
    return SignedBytes{q->blob(1), q->blob(2), q->utf8(3), q->text(4)};
}

Result<QList<BatchItem>> SignOffReads::returnedItems(store::Connection& c, const QString& schoolId)
{
    QString tail = QStringLiteral("JOIN batches rb ON rb.id = i.batch_id WHERE i.returned_note IS NOT NULL AND "
                                  "a.version = i.version");
    if (!schoolId.isEmpty())
        tail += QStringLiteral(" AND rb.school_id = ?");
    auto q = c.prepare(QLatin1String(kItemColumns) + tail + QStringLiteral(" ORDER BY i.returned_at DESC"));
    if (!q)
        return q.error();
    if (!schoolId.isEmpty())
        q->bind(1, schoolId);
    QList<BatchItem> out;
    Error error;
    while (q->step(&error))
        out.append(itemFrom(*q));
    if (!error.code.isEmpty())
        return error;
    return out;
}

} // namespace adm::sync
