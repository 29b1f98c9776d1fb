#include "SignOffTypes.h"

#include "domain/JsonCodec.h"

#include <QJsonArray>

namespace adm::sync {

namespace {

bool isCategory(const QString& c)
{
    return c == QLatin1String("A") || c == QLatin1String("B") || c == QLatin1String("C");
}

QJsonValue nullable(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue time(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(json::formatTime(t)) : QJsonValue(QJsonValue::Null);
}

template <typename T> QJsonArray array(const QList<T>& list)
{
    QJsonArray out;
    for (const T& t : list)
        out.append(t.toJson());
    return out;
}

} // namespace

void SignOffDecision::classify()
{
    overrideKind.clear();
    overrideReason.clear();
    if (outcome == QLatin1String("approve")) {
        if (isCategory(checkCategory)) {
            if (category != checkCategory)
                overrideKind = overridekind::CategoryChanged;
        } else if (checkCategory == QLatin1String("none")) {
            overrideKind = overridekind::ApprovedNotEligible;
        } else {
            overrideKind = overridekind::NotChecked;
        }
    } else if (outcome == QLatin1String("reject") && isCategory(checkCategory)) {
        overrideKind = overridekind::RejectedEligible;
    }
    if (isOverride()) {
        overrideReason = reasonCode;
        if (!note.isEmpty())
            overrideReason += (overrideReason.isEmpty() ? QString() : QStringLiteral(": ")) + note;
    }
}

QJsonObject SignOffDecision::toJson() const
{
    QJsonObject o{{QStringLiteral("application_id"), applicationId},
                  {QStringLiteral("version"), version},
                  {QStringLiteral("outcome"), outcome},
                  {QStringLiteral("category"), nullable(category)},
                  {QStringLiteral("reason_code"), nullable(reasonCode)},
                  {QStringLiteral("note"), nullable(note)},
                  {QStringLiteral("decided_by"), nullable(decidedBy)},
                  {QStringLiteral("decided_at"), time(decidedAt)},
                  {QStringLiteral("check_category"), nullable(checkCategory)},
                  {QStringLiteral("flags"), QJsonArray::fromStringList(flags)},
                  {QStringLiteral("override"), isOverride()}};
    if (isOverride()) {
        o.insert(QStringLiteral("override_kind"), overrideKind);
        o.insert(QStringLiteral("override_reason"), nullable(overrideReason));
    }
    return o;
}

QJsonObject BatchItem::toJson() const
{
    QJsonObject o = SignOffDecision::toJson();
    if (isOverride())
        o.insert(QStringLiteral("seen_at"), time(seenAt));
    if (isReturned()) {
        o.insert(QStringLiteral("returned_note"), returnedNote);
        o.insert(QStringLiteral("returned_at"), time(returnedAt));
        o.insert(QStringLiteral("returned_by"), returnedBy);
    }
    o.insert(QStringLiteral("cached_version"), cachedVersion);
    o.insert(QStringLiteral("stale"), stale);
    o.insert(QStringLiteral("declared_by"), QJsonArray::fromStringList(declaredBy));
    o.insert(QStringLiteral("decided_by_declarant"), decidedByDeclarant);
    return o;
}

QJsonObject BatchSummary::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("school_id"), schoolId},
            {QStringLiteral("title"), title},
            {QStringLiteral("created_at"), time(createdAt)},
            {QStringLiteral("created_by"), createdBy},
            {QStringLiteral("state"), state},
            {QStringLiteral("signed_at"), time(signedAt)},
            {QStringLiteral("key_id"), nullable(keyId)},
            {QStringLiteral("algorithm"), nullable(algorithm)},
            {QStringLiteral("fingerprint"), nullable(fingerprint)},
            {QStringLiteral("outbox_item"), outboxId > 0 ? QJsonValue(outboxId) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("code"), nullable(resultCode)},
            {QStringLiteral("message"), nullable(resultMessage)},
            {QStringLiteral("result_id"), nullable(resultId)},
            {QStringLiteral("replaced_by"), nullable(replacedBy)},
            {QStringLiteral("advice"), nullable(advice)},
            {QStringLiteral("items"), items},
            {QStringLiteral("overrides"), overrides},
            {QStringLiteral("overrides_not_seen"), unseen},
            {QStringLiteral("returned"), returned}};
}

QJsonObject BatchSeats::toJson() const
{
    QJsonArray lines;
    for (const SeatLine& l : categories)
        lines.append(QJsonObject{{QStringLiteral("category"), l.category},
                                 {QStringLiteral("in_batch"), l.inBatch},
                                 {QStringLiteral("approved"), l.approved},
                                 {QStringLiteral("cumulative"), l.cumulative},
                                 {QStringLiteral("over"), l.over}});
    return {{QStringLiteral("school_id"), schoolId},   {QStringLiteral("school_name"), schoolName},
            {QStringLiteral("capacity"), capacity},    {QStringLiteral("approved"), approved},
            {QStringLiteral("over_capacity"), over()}, {QStringLiteral("warning"), nullable(warning)},
            {QStringLiteral("categories"), lines}};
}

QList<BatchItem> BatchReview::overrides() const
{
    QList<BatchItem> out;
    for (const BatchItem& i : items)
        if (i.isOverride())
            out.append(i);
    return out;
}

QList<BatchItem> BatchReview::flaggedApprovals() const
{
    QList<BatchItem> out;
    for (const BatchItem& i : items)
        if (i.isFlaggedApproval())
            out.append(i);
    return out;
}

QList<BatchItem> BatchReview::related() const
{
    QList<BatchItem> out;
    for (const BatchItem& i : items)
        if (!i.declaredBy.isEmpty())
            out.append(i);
    return out;
}

QList<BatchItem> BatchReview::stale() const
{
    QList<BatchItem> out;
    for (const BatchItem& i : items)
        if (i.stale)
            out.append(i);
    return out;
}

QJsonObject BatchReview::toJson() const
{
    QJsonObject o = batch.toJson();
    o.insert(QStringLiteral("items"), array(items));
    o.insert(QStringLiteral("returned_items"), array(returned));
    QJsonArray ids;
    for (const BatchItem& i : overrides())
        ids.append(i.applicationId);
    o.insert(QStringLiteral("override_ids"), ids);
    ids = {};
    for (const BatchItem& i : flaggedApprovals())
        ids.append(i.applicationId);
    o.insert(QStringLiteral("flagged_approval_ids"), ids);
    ids = {};
    for (const BatchItem& i : related())
        ids.append(i.applicationId);
    o.insert(QStringLiteral("related_ids"), ids);
    ids = {};
    for (const BatchItem& i : stale())
        ids.append(i.applicationId);
    o.insert(QStringLiteral("stale_ids"), ids);
    o.insert(QStringLiteral("seats"), seats.toJson());
    return o;
}

} // namespace adm::sync
