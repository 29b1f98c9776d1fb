// relations (declared relationships) and audit verify (issue 14; docs/signoff.md)
#include "CmdSync.h"
#include "Commands.h"
#include "CtlContext.h"
#include "CtlText.h"
#include "domain/IdNumber.h"
#include "domain/JsonCodec.h"
#include "security/AuditLog.h"
#include "store/Sql.h"
#include "sync/Relations.h"
#include "sync/SyncState.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace adm::ctl {

int cmdRelations(CtlContext& ctx)
{
    QCommandLineParser p;
    const QCommandLineOption note(QStringLiteral("note"), CtlText::tr("add: a note for yourself (not sent anywhere)."),
                                  CtlText::tr("TEXT"));
    const QCommandLineOption json(QStringLiteral("json"), CtlText::tr("list: print JSON (the ID numbers masked)."));
    if (!ctx.parse(p,
                   CtlText::tr("Declare the ID numbers of your relatives. An application naming one of them, as its "
                               "child or a guardian, cannot be decided or signed off by you: someone else does it. "
                               "Declarations stay in the encrypted cache and are never sent to the city platform; "
                               "the audit log records that you made one, not the number."),
                   {note, json}, QStringLiteral("action"), CtlText::tr("add ID_NUMBER | list")))
        return BadUsage;
    const QStringList pos = p.positionalArguments();
    const QString action = pos.value(0);
    if (!((action == QLatin1String("add") && pos.size() == 2) || (action == QLatin1String("list") && pos.size() == 1)))
        return ctx.usage(CtlText::tr("usage: relations add ID_NUMBER [--note TEXT] | relations list [--json]"));
    if (action == QLatin1String("add")) {
        // Checked before anything is unlocked: bad input changes nothing.
        if (const IdNumber id = IdNumber::parse(pos.at(1).trimmed()); !id.isValid())
            return ctx.usage(CtlText::tr("that is not a resident ID number: %1").arg(id.problemMessage()));
    }
    int code = Done;
    auto ws = ctx.unlock(&code);
    if (!ws)
        return code;
    store::Connection& db = ws->database().writer();
    if (action == QLatin1String("add")) {
        sync::Relations relations(db, ws->audit(), ws->user());
        auto added = relations.declare(pos.at(1), p.value(note));
        if (!added)
            return failSync(ctx, added.error());
        ctx.err() << (*added ? CtlText::tr("Declared. Applications naming this person are for someone else to decide.")
                             : CtlText::tr("You had declared this person already; nothing changed."))
                  << Qt::endl;
        return Done;
    }
    auto list = sync::Relations::list(db, ws->user());
    if (!list)
        return ctx.fail(list.error());
    QJsonArray out;
    for (const sync::DeclaredRelation& r : *list) {
        out.append(QJsonObject{{QStringLiteral("id_number"), IdNumber::masked(r.idNumber)},
                               {QStringLiteral("note"), r.note.isEmpty() ? QJsonValue() : QJsonValue(r.note)},
                               {QStringLiteral("declared_at"), json::formatTime(r.declaredAt)}});
        if (!p.isSet(json))
            ctx.out() << IdNumber::masked(r.idNumber) << '\t' << r.declaredAt.toLocalTime().toString(Qt::ISODate)
                      << '\t' << r.note << Qt::endl;
    }
    if (p.isSet(json))
        ctx.out() << QJsonDocument(out).toJson(QJsonDocument::Indented) << Qt::flush;
    else
        ctx.err() << CtlText::tr("%n declaration(s).", nullptr, int(list->size())) << Qt::endl;
    return Done;
}

int cmdAudit(CtlContext& ctx)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), CtlText::tr("Print JSON."));
    if (!ctx.parse(p,
                   CtlText::tr("verify: check the local audit log's hash chain from its first entry to its last, and "
                               "say up to which entry the city platform has acknowledged it. Exit 1 when the chain "
                               "is broken."),
                   {json}, QStringLiteral("action"), QStringLiteral("verify")))
        return BadUsage;
    if (p.positionalArguments() != QStringList{QStringLiteral("verify")})
        return ctx.usage(CtlText::tr("usage: audit verify [--json]"));
    int code = Done;
    auto ws = ctx.unlock(&code);
    if (!ws)
        return code;
    store::Connection& db = ws->database().writer();
    const Status whole = ws->audit().verify();
    if (!whole && whole.error().code != QLatin1String("audit_chain_broken"))
        return ctx.fail(whole.error());
    auto count = db.scalar(QStringLiteral("SELECT count(*) FROM audit_log"));
    auto last = db.scalar(QStringLiteral("SELECT coalesce(max(seq), 0) FROM audit_log"));
    sync::SyncState state(db);
    auto acknowledged = state.get(sync::SyncState::AuditSeq);
    auto refused = state.get(sync::SyncState::AuditError);
    if (!count || !last || !acknowledged || !refused)
        return ctx.fail(!count          ? count.error()
                        : !last         ? last.error()
                        : !acknowledged ? acknowledged.error()
                                        : refused.error());
    const qint64 entries = count->toLongLong();
    const qint64 lastSeq = last->toLongLong();
    const qint64 upTo = acknowledged->toLongLong();
    if (p.isSet(json)) {
        ctx.out() << QJsonDocument(
                         QJsonObject{
                             {QStringLiteral("ok"), whole.ok()},
                             {QStringLiteral("entries"), entries},
                             {QStringLiteral("last_seq"), lastSeq},
                             {QStringLiteral("acknowledged_seq"), upTo},
                             {QStringLiteral("not_acknowledged"), std::max<qint64>(0, lastSeq - upTo)},
                             {QStringLiteral("error"), whole ? QJsonValue() : QJsonValue(whole.error().message)},
                             {QStringLiteral("refused"), refused->isEmpty() ? QJsonValue() : QJsonValue(*refused)}})
                         .toJson(QJsonDocument::Indented)
                  << Qt::flush;
    } else {
        if (whole)
            ctx.out() << CtlText::tr("The audit log is whole: %1 entries, from 1 to %2.").arg(entries).arg(lastSeq)
                      << Qt::endl;
        else
            ctx.out() << CtlText::tr("The audit log is NOT whole: %1. An entry was removed or changed; keep this data "
                                     "folder as it is and tell your administrator.")
                             .arg(whole.error().message)
                      << Qt::endl;
        if (upTo <= 0)
            ctx.out() << CtlText::tr("The city platform has not acknowledged any entry yet.") << Qt::endl;
        else
            ctx.out() << CtlText::tr("The city platform has acknowledged entries 1 to %1; %2 are not sent yet.")
                             .arg(upTo)
                             .arg(std::max<qint64>(0, lastSeq - upTo))
                      << Qt::endl;
        if (!refused->isEmpty())
            ctx.out() << CtlText::tr("The city platform refused an entry: %1").arg(*refused) << Qt::endl;
    }
    return whole ? Done : No;
}

} // namespace adm::ctl
