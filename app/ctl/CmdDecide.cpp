// decide, outbox, conflicts
#include "CmdSync.h"
#include "CtlContext.h"
#include "CtlText.h"
#include "security/AuditLog.h"
#include "sync/Conflicts.h"
#include "sync/DecisionWorkflow.h"
#include "sync/Outbox.h"
#include "sync/SyncState.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace adm::ctl {

namespace {

QString compact(const QJsonValue& v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return v.toVariant().toString();
}

} // namespace

int cmdDecide(CtlContext& ctx)
{
    QCommandLineParser p;
    const QCommandLineOption approve(QStringLiteral("approve"), CtlText::tr("Approve the application."));
    const QCommandLineOption reject(QStringLiteral("reject"), CtlText::tr("Reject it (needs --reason)."));
    const QCommandLineOption requestInfo(QStringLiteral("request-info"),
                                         CtlText::tr("Ask the family for information (needs --note saying what)."));
    const QCommandLineOption category(
        QStringLiteral("category"),
        CtlText::tr("With --approve: the category admitted (default: the one the check found)."), CtlText::tr("C"));
    const QCommandLineOption reason(
        QStringLiteral("reason"),
        CtlText::tr("A standard reason code (admissionsctl reasons); needed unless approving in "
                    "the category the check found."),
        CtlText::tr("CODE"));
    const QCommandLineOption note(QStringLiteral("note"), CtlText::tr("A note for the file."), CtlText::tr("TEXT"));
    const QCommandLineOption due(QStringLiteral("due"),
                                 CtlText::tr("With --request-info: the date the family must answer by (default: "
                                             "in 7 days)."),
                                 CtlText::tr("YYYY-MM-DD"));
    const QCommandLineOption json(QStringLiteral("json"), CtlText::tr("Print the queued outbox item as JSON."));
    if (!ctx.parse(
            p,
            CtlText::tr("Decide on an application. The decision waits in the outbox (with its audit entry) until "
                        "the next sync; if the application changed upstream meanwhile, it comes back as a "
                        "conflict. Deciding again on an application whose decision came back supersedes it."),
            {approve, reject, requestInfo, category, reason, note, due, json}, QStringLiteral("application"),
            CtlText::tr("The application number, e.g. A2026000123.")))
        return BadUsage;
    if (p.positionalArguments().size() != 1)
        return ctx.usage(
            CtlText::tr("usage: decide APP_ID --approve|--reject|--request-info [--category C] [--reason CODE] "
                        "[--note TEXT] [--due YYYY-MM-DD]"));
    const int outcomes = int(p.isSet(approve)) + int(p.isSet(reject)) + int(p.isSet(requestInfo));
    if (outcomes != 1)
        return ctx.usage(CtlText::tr("say exactly one of --approve, --reject, --request-info"));
    sync::DecisionRequest request;
    request.applicationId = p.positionalArguments().first().trimmed();
    request.outcome = p.isSet(approve)  ? QStringLiteral("approve")
                      : p.isSet(reject) ? QStringLiteral("reject")
                                        : QStringLiteral("request_info");
    request.category = p.value(category);
    request.reasonCode = p.value(reason);
    request.note = p.value(note);
    if (p.isSet(due)) {
        request.dueDate = QDate::fromString(p.value(due), Qt::ISODate);
        if (!request.dueDate.isValid())
            return ctx.usage(CtlText::tr("--due takes a date such as 2026-06-08"));
    }

    int code = Done;
    auto ws = ctx.unlock(&code);
    if (!ws)
        return code;
    store::Connection& db = ws->database().writer();
    sync::DecisionWorkflow workflow(db, ws->audit(), ws->user(), ws->role(),
                                    sync::SyncState(db).accountFor(ws->user()));
    auto item = workflow.decide(request);
    if (!item)
        return failSync(ctx, item.error());
    if (p.isSet(json))
        ctx.out() << QJsonDocument(item->toJson()).toJson(QJsonDocument::Indented) << Qt::flush;
    ctx.err() << CtlText::tr("Decision on %1 queued as outbox item %2; it goes upstream at the next sync.")
                     .arg(request.applicationId)
                     .arg(item->id)
              << Qt::endl;
    return Done;
}

int cmdOutbox(CtlContext& ctx)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"),
                                  CtlText::tr("Print JSON: {\"items\": [...], \"audit\": {...}}."));
    const QCommandLineOption all(QStringLiteral("all"), CtlText::tr("Also list what was sent, superseded or dropped."));
    if (!ctx.parse(p,
                   CtlText::tr("What waits to go upstream: decisions, counter applications, signing keys, batches, and "
                               "the audit entries the hub does not have yet."),
                   {json, all}))
        return BadUsage;
    int code = Done;
    auto ws = ctx.unlock(&code);
    if (!ws)
        return code;
    store::Connection& db = ws->database().writer();
    sync::Outbox outbox(db);
    auto items =
        p.isSet(all) ? outbox.list() : outbox.list({sync::state::Pending, sync::state::Conflict, sync::state::Invalid});
    if (!items)
        return ctx.fail(items.error());
    sync::SyncState state(db);
    auto auditSeq = state.get(sync::SyncState::AuditSeq);
    auto auditError = state.get(sync::SyncState::AuditError);
    auto lastSeq = db.scalar(QStringLiteral("SELECT coalesce(max(seq), 0) FROM audit_log"));
    if (!auditSeq || !auditError || !lastSeq)
        return ctx.fail(!auditSeq ? auditSeq.error() : !auditError ? auditError.error() : lastSeq.error());
    const qint64 pushedSeq = auditSeq->toLongLong();
    QJsonArray list;
    for (const sync::OutboxItem& item : *items)
        list.append(item.toJson());
    const QJsonObject audit{
        {QStringLiteral("pending"), std::max<qint64>(0, lastSeq->toLongLong() - pushedSeq)},
        {QStringLiteral("last_pushed_seq"), pushedSeq},
        {QStringLiteral("error"), auditError->isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(*auditError)}};
    if (p.isSet(json)) {
        ctx.out() << QJsonDocument(QJsonObject{{QStringLiteral("items"), list}, {QStringLiteral("audit"), audit}})
                         .toJson(QJsonDocument::Indented)
                  << Qt::flush;
        return Done;
    }
    for (const sync::OutboxItem& item : *items) {
        QString line = QStringLiteral("%1\t%2\t%3\t%4").arg(item.id).arg(item.kind, item.subjectId, item.state);
        if (!item.resultCode.isEmpty())
            line += u'\t' + item.resultCode;
        ctx.out() << line << Qt::endl;
    }
    ctx.out() << CtlText::tr("%1 item(s); %2 audit entries not yet upstream.")
                     .arg(items->size())
                     .arg(audit.value(QStringLiteral("pending")).toInteger())
              << Qt::endl;
    if (!auditError->isEmpty())
        ctx.out() << CtlText::tr("The hub refused an audit entry: %1").arg(*auditError) << Qt::endl;
    return Done;
}

int cmdConflicts(CtlContext& ctx)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), CtlText::tr("Print JSON: both versions of each conflict."));
    if (!ctx.parse(p,
                   CtlText::tr("What the hub did not take (conflict or invalid), with your version and the current "
                               "upstream one. Resolve by deciding again (admissionsctl decide APP_ID ...), which "
                               "supersedes the item, or with: conflicts drop ITEM."),
                   {json}, QStringLiteral("action"), CtlText::tr("[drop ITEM]")))
        return BadUsage;
    const QStringList pos = p.positionalArguments();
    if (!pos.isEmpty() && !(pos.size() == 2 && pos.first() == QLatin1String("drop")))
        return ctx.usage(CtlText::tr("usage: conflicts [--json] | conflicts drop ITEM"));
    int code = Done;
    auto ws = ctx.unlock(&code);
    if (!ws)
        return code;
    store::Connection& db = ws->database().writer();
    if (!pos.isEmpty()) {
        bool ok = false;
        const qint64 id = pos.at(1).toLongLong(&ok);
        if (!ok)
            return ctx.usage(CtlText::tr("ITEM is the number outbox or conflicts shows, not \"%1\".").arg(pos.at(1)));
        sync::DecisionWorkflow workflow(db, ws->audit(), ws->user(), ws->role(),
                                        sync::SyncState(db).accountFor(ws->user()));
        if (Status s = workflow.drop(id); !s)
            return failSync(ctx, s.error());
        ctx.err() << CtlText::tr("Dropped outbox item %1; it will not be sent.").arg(id) << Qt::endl;
        return Done;
    }
    auto conflicts = sync::Conflicts::list(db);
    if (!conflicts)
        return ctx.fail(conflicts.error());
    if (p.isSet(json)) {
        QJsonArray list;
        for (const sync::Conflict& c : *conflicts)
            list.append(c.toJson());
        ctx.out() << QJsonDocument(list).toJson(QJsonDocument::Indented) << Qt::flush;
        return Done;
    }
    for (const sync::Conflict& c : *conflicts) {
        ctx.out() << CtlText::tr("Item %1 (%2 %3): %4 %5 %6")
                         .arg(c.item.id)
                         .arg(c.item.kind, c.item.subjectId, c.item.state, c.item.resultCode, c.item.resultMessage)
                  << Qt::endl;
        ctx.out() << "  " << CtlText::tr("yours:    %1").arg(compact(c.mine)) << Qt::endl;
        ctx.out() << "  "
                  << CtlText::tr("upstream: %1")
                         .arg(c.upstream.isEmpty() ? CtlText::tr("(not in the cache; sync first)")
                                                   : compact(c.upstream))
                  << Qt::endl;
        ctx.out() << "  " << CtlText::tr("you can:  %1").arg(c.actions.join(QStringLiteral(", "))) << Qt::endl;
    }
    if (conflicts->isEmpty())
        ctx.out() << CtlText::tr("No conflicts.") << Qt::endl;
    return Done;
}

} // namespace adm::ctl
