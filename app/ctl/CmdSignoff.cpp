// batch (the principal's sign-off) and key signing-generate (issue 14; docs/signoff.md)
#include "CmdSync.h"
#include "Commands.h"
#include "CtlContext.h"
#include "CtlText.h"
#include "PassphraseSource.h"
#include "security/AuditLog.h"
#include "security/Permissions.h"
#include "security/Signatures.h"
#include "sync/SignOff.h"
#include "sync/SignOffReads.h"
#include "sync/SigningKeys.h"
#include "sync/SyncState.h"
#include "views/PublicNotice.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace adm::ctl {

namespace {

const QStringList kBatchActions = {QStringLiteral("candidates"), QStringLiteral("create"), QStringLiteral("list"),
                                   QStringLiteral("show"),       QStringLiteral("seen"),   QStringLiteral("return"),
                                   QStringLiteral("sign"),       QStringLiteral("renew"),  QStringLiteral("discard"),
                                   QStringLiteral("export"),     QStringLiteral("notice")};

QString batchUsage()
{
    return CtlText::tr("usage: batch candidates [--school ID] [--json] | create --title T [--outcome approve|reject] "
                       "[--from DATE] [--to DATE] [--school ID] [--json] | list [--json] | show ID [--json] | "
                       "seen ID --all|APPLICATION | return ID APPLICATION --note TEXT | sign ID | renew ID | "
                       "discard ID | export ID --out DIR | notice ID --out FILE.pdf");
}

void printJson(CtlContext& ctx, const QJsonValue& v)
{
    const QJsonDocument doc = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
    ctx.out() << doc.toJson(QJsonDocument::Indented) << Qt::flush;
}

QString localTime(const QDateTime& t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("-");
}

// The school a principal's batch is for: --school, else the only school the cache holds applications of,
// else the only one with decisions waiting for a signature.
Result<QString> schoolOf(store::Connection& db, const QString& given)
{
    if (!given.trimmed().isEmpty())
        return given.trimmed();
    auto schools = sync::SignOffReads::schoolsWithApplications(db);
    if (!schools)
        return schools.error();
    if (schools->size() == 1)
        return schools->first();
    if (schools->isEmpty())
        return Error{QStringLiteral("bad_usage"),
                     CtlText::tr("This workstation holds no applications yet: sync first (admissionsctl sync).")};
    auto decided = db.prepare(QStringLiteral(
        "SELECT DISTINCT target_school_id FROM applications WHERE status IN ('approved', 'rejected') ORDER BY 1"));
    if (!decided)
        return decided.error();
    QStringList withDecisions;
    while (decided->step())
        withDecisions.append(decided->text(0));
    QStringList waiting;
    for (const QString& school : std::as_const(withDecisions)) {
        auto candidates = sync::SignOffReads::candidates(db, school);
        if (!candidates)
            return candidates.error();
        if (!candidates->isEmpty())
            waiting.append(school);
    }
    if (waiting.size() == 1)
        return waiting.first();
    if (waiting.isEmpty())
        return Error{QStringLiteral("nothing_to_sign"),
                     CtlText::tr("No decision waits for a signature on this workstation: every accepted decision is "
                                 "signed or in a batch already. Sync to receive the latest decisions.")};
    QString list = waiting.mid(0, 5).join(QStringLiteral(", "));
    if (waiting.size() > 5)
        list += QStringLiteral(", …");
    return Error{QStringLiteral("bad_usage"),
                 CtlText::tr("Decisions of %1 schools could go into a batch (%2); say which school with --school ID.")
                     .arg(waiting.size())
                     .arg(list)};
}

void printItem(CtlContext& ctx, const sync::BatchItem& i)
{
    QStringList marks;
    if (i.isOverride())
        marks << (i.seenAt.isValid() ? CtlText::tr("override (seen)") : CtlText::tr("override, NOT SEEN"));
    if (i.isFlaggedApproval())
        marks << CtlText::tr("flags: %1").arg(i.flags.join(u','));
    if (!i.declaredBy.isEmpty())
        marks << CtlText::tr("declared relationship: %1%2")
                     .arg(i.declaredBy.join(QStringLiteral(", ")),
                          i.decidedByDeclarant ? CtlText::tr(" (who decided it)") : QString());
    if (i.stale)
        marks << CtlText::tr("changed since");
    ctx.out() << QStringLiteral("  %1\tv%2\t%3\t%4\t%5\tcheck %6")
                     .arg(i.applicationId)
                     .arg(i.version)
                     .arg(i.outcome, i.category.isEmpty() ? QStringLiteral("-") : i.category,
                          i.decidedBy.isEmpty() ? QStringLiteral("-") : i.decidedBy,
                          i.checkCategory.isEmpty() ? QStringLiteral("-") : i.checkCategory);
    if (!marks.isEmpty())
        ctx.out() << "\t[" << marks.join(QStringLiteral("; ")) << ']';
    ctx.out() << Qt::endl;
    if (i.isOverride())
        ctx.out() << "      "
                  << CtlText::tr("officer's reason: %1")
                         .arg(i.overrideReason.isEmpty() ? QStringLiteral("-") : i.overrideReason)
                  << Qt::endl;
    if (i.isReturned())
        ctx.out() << "      " << CtlText::tr("returned by %1: %2").arg(i.returnedBy, i.returnedNote) << Qt::endl;
}

void printReview(CtlContext& ctx, const sync::BatchReview& r)
{
    const sync::BatchSummary& b = r.batch;
    ctx.out() << CtlText::tr("Batch %1 \"%2\" of school %3: %4").arg(b.id, b.title, b.schoolId, b.state) << Qt::endl;
    ctx.out() << CtlText::tr("Made %1 by %2").arg(localTime(b.createdAt), b.createdBy);
    if (b.signedAt.isValid())
        ctx.out() << CtlText::tr("; signed %1 with key %2 (%3), fingerprint %4")
                         .arg(localTime(b.signedAt), b.keyId, b.algorithm, b.fingerprint);
    ctx.out() << Qt::endl;
    if (!b.advice.isEmpty())
        ctx.out() << b.advice << Qt::endl;
    const sync::BatchSeats& s = r.seats;
    ctx.out() << CtlText::tr("Seats: %1 approved for %2 seats").arg(s.approved).arg(s.capacity) << Qt::endl;
    for (const sync::SeatLine& l : s.categories)
        ctx.out() << "  "
                  << CtlText::tr("category %1: %2 approved (%3 in this batch); with the categories before it, %4 "
                                 "of %5 seats%6")
                         .arg(l.category)
                         .arg(l.approved)
                         .arg(l.inBatch)
                         .arg(l.cumulative)
                         .arg(s.capacity)
                         .arg(l.over ? CtlText::tr(", OVER CAPACITY") : QString())
                  << Qt::endl;
    if (!s.warning.isEmpty())
        ctx.out() << CtlText::tr("Warning: %1").arg(s.warning) << Qt::endl;
    ctx.out() << CtlText::tr("Items (%1; %2 override(s), %3 not seen):").arg(b.items).arg(b.overrides).arg(b.unseen)
              << Qt::endl;
    for (const sync::BatchItem& i : r.items)
        printItem(ctx, i);
    if (!r.returned.isEmpty()) {
        ctx.out() << CtlText::tr("Returned to their officer (%1):").arg(r.returned.size()) << Qt::endl;
        for (const sync::BatchItem& i : r.returned)
            printItem(ctx, i);
    }
}

struct BatchOptions {
    QCommandLineOption title{QStringLiteral("title"), CtlText::tr("create: the batch's title."), CtlText::tr("T")};
    QCommandLineOption outcome{QStringLiteral("outcome"),
                               CtlText::tr("create: only approvals or only rejections (default: both)."),
                               QStringLiteral("approve|reject")};
    QCommandLineOption from{QStringLiteral("from"), CtlText::tr("create: decisions made on or after this date."),
                            CtlText::tr("YYYY-MM-DD")};
    QCommandLineOption to{QStringLiteral("to"), CtlText::tr("create: decisions made on or before this date."),
                          CtlText::tr("YYYY-MM-DD")};
    QCommandLineOption school{QStringLiteral("school"),
                              CtlText::tr("candidates, create, list: the school (default: the only one)."),
                              CtlText::tr("ID")};
    QCommandLineOption all{QStringLiteral("all"), CtlText::tr("seen: mark every override of the batch seen.")};
    QCommandLineOption note{QStringLiteral("note"), CtlText::tr("return: why the decision goes back to its officer."),
                            CtlText::tr("TEXT")};
    QCommandLineOption out{QStringLiteral("out"),
                           CtlText::tr("export: the folder to write the files into; notice: the PDF file to write."),
                           CtlText::tr("DIR|FILE")};
    QCommandLineOption json{QStringLiteral("json"), CtlText::tr("Print JSON.")};
    QList<QCommandLineOption> list() const { return {title, outcome, from, to, school, all, note, out, json}; }
};

// Checks what can be checked before anything is unlocked: bad input changes nothing.
QString usageProblem(const QCommandLineParser& p, const BatchOptions& o, const QString& action, const QStringList& pos)
{
    const int wanted =
        action == QLatin1String("candidates") || action == QLatin1String("create") || action == QLatin1String("list")
            ? 1
        : action == QLatin1String("return") ? 3
                                            : 2;
    const bool seenOne = action == QLatin1String("seen") && pos.size() == 3 && !p.isSet(o.all);
    if (pos.size() != wanted && !seenOne)
        return batchUsage();
    if (action == QLatin1String("create")) {
        if (p.value(o.title).trimmed().isEmpty())
            return CtlText::tr("say the batch's title with --title T");
        if (p.isSet(o.outcome) && p.value(o.outcome) != QLatin1String("approve") &&
            p.value(o.outcome) != QLatin1String("reject"))
            return CtlText::tr("--outcome takes approve or reject, not \"%1\"").arg(p.value(o.outcome));
        for (const QCommandLineOption* d : {&o.from, &o.to})
            if (p.isSet(*d) && !QDate::fromString(p.value(*d), Qt::ISODate).isValid())
                return CtlText::tr("--%1 takes a date such as 2026-06-08, not \"%2\"")
                    .arg(d->names().first(), p.value(*d));
    }
    if (action == QLatin1String("seen") && (pos.size() == 2) != p.isSet(o.all))
        return CtlText::tr("say which override was seen: seen ID APPLICATION, or seen ID --all");
    if (action == QLatin1String("return") && p.value(o.note).trimmed().isEmpty())
        return CtlText::tr("say why with --note TEXT: the officer reads it");
    if (action == QLatin1String("export") && p.value(o.out).trimmed().isEmpty())
        return CtlText::tr("say where with --out DIR");
    if (action == QLatin1String("notice")) {
        const QString file = p.value(o.out).trimmed();
        if (file.isEmpty())
            return CtlText::tr("say where with --out FILE.pdf");
        if (QFileInfo(file).isDir())
            return CtlText::tr("--out %1 is a folder: give the PDF file's name, such as %2")
                .arg(file, QDir(file).filePath(QStringLiteral("notice.pdf")));
        if (!QFileInfo(file).absoluteDir().exists())
            return CtlText::tr("the folder of --out %1 does not exist").arg(file);
    }
    return {};
}

} // namespace

int keySigningGenerate(CtlContext& ctx, const QString& algorithmName, bool json)
{
    const auto algorithm = crypto::signatureAlgorithmFromName(
        algorithmName.isEmpty() ? QStringLiteral("ed25519") : algorithmName.trimmed().toLower());
    if (!algorithm)
        return ctx.usage(CtlText::tr("--algorithm takes ed25519 or sm2-sm3, not \"%1\"").arg(algorithmName));
    int code = Done;
    auto ws = ctx.unlock(&code);
    if (!ws)
        return code;
    store::Connection& db = ws->database().writer();
    // The key is wrapped with the passphrase: it is read again (unlocking did not keep it).
    const PassphraseSource source(ctx.passphraseFile(), QStringLiteral("ADMISSIONS_PASSPHRASE"),
                                  CtlText::tr("Your passphrase, to protect the signing key: "));
    auto passphrase = source.read();
    if (!passphrase)
        return ctx.fail(passphrase.error());
    sync::SigningKeys keys(db, ws->audit(), ws->user(), ws->role(), sync::SyncState(db).accountFor(ws->user()));
    auto key = keys.generate(*algorithm, *passphrase, ws->keys());
    if (!key)
        return failSync(ctx, key.error());
    if (json) {
        printJson(ctx, key->toJson());
    } else {
        ctx.out() << "key_id: " << key->keyId << '\n'
                  << "algorithm: " << key->algorithm << '\n'
                  << "fingerprint: " << key->fingerprint << Qt::endl;
    }
    ctx.err() << CtlText::tr("Signing key %1 made; it is registered with the city platform at the next sync. Its "
                             "fingerprint, for the public notice: %2")
                     .arg(key->keyId, key->fingerprint)
              << Qt::endl;
    return Done;
}

int cmdBatch(CtlContext& ctx)
{
    QCommandLineParser p;
    const BatchOptions o;
    if (!ctx.parse(p,
                   CtlText::tr("The principal's sign-off of the school's decisions (docs/signoff.md). candidates: the "
                               "accepted decisions no batch holds yet; create: a draft batch of them; show: seats, "
                               "overrides, flags and declared relationships; seen: mark overrides seen; return: "
                               "send an item back to its officer; sign: sign it (your passphrase is asked again); "
                               "renew: a refused batch again without the items that moved on; export: batch.json, "
                               "batch.sig and signer.pem for openssl; notice: the public notice (公示名单) of a "
                               "signed batch as a PDF, names masked."),
                   o.list(), QStringLiteral("action"),
                   CtlText::tr("%1 [ID] [APPLICATION]").arg(kBatchActions.join(u'|'))))
        return BadUsage;
    const QStringList pos = p.positionalArguments();
    const QString action = pos.value(0);
    if (!kBatchActions.contains(action))
        return ctx.usage(batchUsage());
    if (const QString problem = usageProblem(p, o, action, pos); !problem.isEmpty())
        return ctx.usage(problem);
    const QString id = pos.value(1).trimmed();
    const bool json = p.isSet(o.json);

    int code = Done;
    auto ws = ctx.unlock(&code);
    if (!ws)
        return code;
    // The actions that change a batch are a principal's: said before anything else is looked at.
    if (action != QLatin1String("candidates") && action != QLatin1String("list") && action != QLatin1String("show") &&
        action != QLatin1String("export") && action != QLatin1String("notice") &&
        !security::may(ws->role(), security::Action::SignBatches))
        return failSync(ctx, security::refusal(ws->role(), security::Action::SignBatches));
    store::Connection& db = ws->database().writer();
    sync::SignOff signOff(db, ws->audit(), ws->user(), ws->role(), sync::SyncState(db).accountFor(ws->user()));

    if (action == QLatin1String("candidates")) {
        auto school = schoolOf(db, p.value(o.school));
        if (!school && school.error().code == QLatin1String("nothing_to_sign")) { // an answer, not an error
            if (json)
                printJson(ctx, QJsonObject{{QStringLiteral("school_id"), QJsonValue()},
                                           {QStringLiteral("outcomes"), QJsonObject()}});
            ctx.err() << school.error().message << Qt::endl;
            return Done;
        }
        if (!school)
            return ctx.fail(school.error());
        auto candidates = sync::SignOffReads::candidates(db, *school);
        if (!candidates)
            return ctx.fail(candidates.error());
        QJsonObject groups;
        for (auto it = candidates->cbegin(); it != candidates->cend(); ++it) {
            QJsonArray list;
            for (const sync::SignOffDecision& d : it.value()) {
                list.append(d.toJson());
                if (!json)
                    ctx.out() << QStringLiteral("%1\t%2\t%3\t%4%5")
                                     .arg(d.applicationId, d.outcome,
                                          d.category.isEmpty() ? QStringLiteral("-") : d.category, d.decidedBy,
                                          d.isOverride() ? QStringLiteral("\toverride") : QString())
                              << Qt::endl;
            }
            groups.insert(it.key(), list);
        }
        if (json)
            printJson(ctx, QJsonObject{{QStringLiteral("school_id"), *school}, {QStringLiteral("outcomes"), groups}});
        return Done;
    }
    if (action == QLatin1String("create")) {
        auto school = schoolOf(db, p.value(o.school));
        if (!school)
            return ctx.fail(school.error());
        sync::BatchSelection selection;
        selection.title = p.value(o.title);
        selection.schoolId = *school;
        selection.outcome = p.value(o.outcome);
        selection.from = QDate::fromString(p.value(o.from), Qt::ISODate);
        selection.to = QDate::fromString(p.value(o.to), Qt::ISODate);
        auto batch = signOff.createBatch(selection);
        if (!batch)
            return failSync(ctx, batch.error());
        if (json)
            printJson(ctx, batch->toJson());
        else
            ctx.out() << batch->id << Qt::endl;
        ctx.err() << CtlText::tr("Draft batch %1 made with %2 decision(s), %3 override(s) to mark seen. Check it with: "
                                 "admissionsctl batch show %1")
                         .arg(batch->id)
                         .arg(batch->items)
                         .arg(batch->overrides)
                  << Qt::endl;
        return Done;
    }
    if (action == QLatin1String("list")) {
        auto batches = sync::SignOffReads::list(db, p.value(o.school).trimmed());
        if (!batches)
            return ctx.fail(batches.error());
        QJsonArray list;
        for (const sync::BatchSummary& b : *batches) {
            list.append(b.toJson());
            if (!json)
                ctx.out()
                    << QStringLiteral("%1\t%2\t%3\t%4\t%5").arg(b.id, b.state).arg(b.items).arg(b.unseen).arg(b.title)
                    << Qt::endl;
        }
        if (json)
            printJson(ctx, list);
        return Done;
    }
    if (action == QLatin1String("show")) {
        auto review = sync::SignOffReads::review(db, id);
        if (!review)
            return failSync(ctx, review.error());
        if (json)
            printJson(ctx, review->toJson());
        else
            printReview(ctx, *review);
        return Done;
    }
    if (action == QLatin1String("seen")) {
        if (p.isSet(o.all)) {
            auto marked = signOff.markAllSeen(id);
            if (!marked)
                return failSync(ctx, marked.error());
            ctx.err() << CtlText::tr("%1 override(s) of batch %2 marked seen.").arg(*marked).arg(id) << Qt::endl;
            return Done;
        }
        if (Status s = signOff.markSeen(id, pos.at(2)); !s)
            return failSync(ctx, s.error());
        ctx.err() << CtlText::tr("The override of %1 is marked seen.").arg(pos.at(2)) << Qt::endl;
        return Done;
    }
    if (action == QLatin1String("return")) {
        if (Status s = signOff.returnItem(id, pos.at(2), p.value(o.note)); !s)
            return failSync(ctx, s.error());
        ctx.err() << CtlText::tr("%1 is out of batch %2 and goes back to its officer.").arg(pos.at(2), id) << Qt::endl;
        return Done;
    }
    if (action == QLatin1String("sign")) {
        // Asked again for every signature, whatever unlocked the workstation.
        const PassphraseSource source(ctx.passphraseFile(), QStringLiteral("ADMISSIONS_PASSPHRASE"),
                                      CtlText::tr("Passphrase to sign batch %1: ").arg(id));
        auto passphrase = source.read();
        if (!passphrase)
            return ctx.fail(passphrase.error());
        auto batch = signOff.sign(id, *passphrase);
        if (!batch)
            return failSync(ctx, batch.error());
        if (json)
            printJson(ctx, batch->toJson());
        ctx.err() << CtlText::tr("Batch %1 signed with key %2 (fingerprint %3); it goes upstream at the next sync.")
                         .arg(batch->id, batch->keyId, batch->fingerprint)
                  << Qt::endl;
        return Done;
    }
    if (action == QLatin1String("renew")) {
        QStringList dropped;
        auto batch = signOff.newBatchWithout(id, &dropped);
        if (!batch)
            return failSync(ctx, batch.error());
        if (json)
            printJson(ctx, batch->toJson());
        else
            ctx.out() << batch->id << Qt::endl;
        ctx.err() << CtlText::tr("Draft batch %1 replaces %2 with %3 decision(s); left out: %4.")
                         .arg(batch->id, id)
                         .arg(batch->items)
                         .arg(dropped.isEmpty() ? CtlText::tr("none") : dropped.join(QStringLiteral(", ")))
                  << Qt::endl;
        return Done;
    }
    if (action == QLatin1String("discard")) {
        if (Status s = signOff.discard(id); !s)
            return failSync(ctx, s.error());
        ctx.err() << CtlText::tr("Draft batch %1 discarded.").arg(id) << Qt::endl;
        return Done;
    }
    if (action == QLatin1String("notice")) {
        // Any role may print it, as any may export: the notice is public.
        const QString file = QDir::cleanPath(p.value(o.out).trimmed());
        auto notice = views::PublicNotice::write(*ws, id, file);
        if (!notice)
            return failSync(ctx, notice.error());
        const int pages = views::PublicNotice::pageCount(*notice);
        if (json)
            printJson(ctx, QJsonObject{{QStringLiteral("batch_id"), notice->batchId},
                                       {QStringLiteral("file"), file},
                                       {QStringLiteral("rows"), int(notice->rows.size())},
                                       {QStringLiteral("pages"), pages},
                                       {QStringLiteral("sha256"), QString::fromLatin1(notice->signedBytesSha256Hex)},
                                       {QStringLiteral("fingerprint"), notice->keyFingerprint}});
        ctx.err() << CtlText::tr("Public notice of batch %1 written to %2: %3 admitted child(ren) on %4 page(s), "
                                 "names masked. Its QR code holds the batch id and the SHA-256 of the signed bytes.")
                         .arg(notice->batchId, file)
                         .arg(notice->rows.size())
                         .arg(pages)
                  << Qt::endl;
        return Done;
    }
    // export
    const QString dir = QDir::cleanPath(p.value(o.out));
    if (Status s = signOff.exportBatch(id, dir); !s)
        return failSync(ctx, s.error());
    ctx.err() << CtlText::tr("Batch %1 written to %2: batch.json (the signed bytes), batch.sig and signer.pem. "
                             "docs/signoff.md gives the openssl command that checks them.")
                     .arg(id, dir)
              << Qt::endl;
    return Done;
}

} // namespace adm::ctl
