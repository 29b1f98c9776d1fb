// intake, receipt, counter list: walk-in paper applications taken at the counter (issue 13)
#include "CmdSync.h"
#include "Commands.h"
#include "CtlContext.h"
#include "CtlText.h"
#include "security/AuditLog.h"
#include "sync/CounterApplication.h"
#include "sync/CounterIntake.h"
#include "sync/SyncState.h"
#include "views/CounterReceipt.h"
#include "views/CounterService.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace adm::ctl {

namespace {

// Reads APP.json into an application: every problem of the file itself (missing, unreadable, empty,
// not JSON, a value of the wrong type) as one sentence naming the file or the field.
Result<sync::CounterApplication> readApplicationFile(const QString& name)
{
    QFile f;
    const bool opened = name == QLatin1String("-") ? f.open(stdin, QIODevice::ReadOnly)
                                                   : (f.setFileName(name), f.open(QIODevice::ReadOnly));
    if (!opened) {
        const QFileInfo info(name);
        const QString why = !info.exists() ? CtlText::tr("there is no such file")
                            : info.isDir() ? CtlText::tr("it is a folder")
                                           : f.errorString();
        return Error{QStringLiteral("bad_input"),
                     CtlText::tr("Cannot read the application file %1: %2. Nothing was saved.").arg(name, why)};
    }
    const QByteArray bytes = f.readAll();
    if (bytes.trimmed().isEmpty())
        return Error{QStringLiteral("bad_input"),
                     CtlText::tr("The application file %1 is empty; it must hold one application as a JSON object. "
                                 "Nothing was saved.")
                         .arg(name)};
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{QStringLiteral("bad_input"),
                     CtlText::tr("The application file %1 is not valid JSON: %2 at byte %3. Nothing was saved.")
                         .arg(name, parseError.errorString())
                         .arg(parseError.offset)};
    if (!doc.isObject())
        return Error{QStringLiteral("bad_input"),
                     CtlText::tr("The application file %1 must hold one application as a JSON object {...}, not a "
                                 "list or a value. Nothing was saved.")
                         .arg(name)};
    auto application = sync::CounterApplication::fromJson(doc.object());
    if (!application)
        return Error{QStringLiteral("bad_input"),
                     CtlText::tr("%1 Nothing was saved.").arg(application.error().message)};
    return application;
}

// Whether a receipt can be written at `path`, checked before anything is saved: its folder exists and
// is writable, and it is not a folder itself.
bool receiptPathProblem(const QString& path, QString* problem)
{
    const QFileInfo info(path);
    const QFileInfo folder(info.absolutePath());
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        *problem = CtlText::tr("the receipt is written as PDF: give a file name ending in .pdf, not \"%1\"").arg(path);
    else if (info.isDir())
        *problem = CtlText::tr("%1 is a folder; give the receipt's file name").arg(path);
    else if (!folder.isDir())
        *problem = CtlText::tr("the folder %1 does not exist; create it or choose another one for the receipt")
                       .arg(QDir::toNativeSeparators(folder.absoluteFilePath()));
    else if (!folder.isWritable() || (info.exists() && !info.isWritable()))
        *problem = CtlText::tr("%1 cannot be written (permissions); choose another file for the receipt").arg(path);
    else
        return false;
    return true;
}

views::ReceiptLanguage languageOf(bool english)
{
    return english ? views::ReceiptLanguage::English : views::ReceiptLanguage::Chinese;
}

QString localTime(const QDateTime& t)
{
    return t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

int cmdIntake(CtlContext& ctx)
{
    QCommandLineParser p;
    const QCommandLineOption input(
        QStringLiteral("input"),
        CtlText::tr("The application as a JSON object: the contract's application (admission_year, grade, "
                    "target_school_id, child, guardians, claimed_address, claimed_category) without id, status and "
                    "version, plus paper_evidence: [{\"kind\", \"checked_by\", \"note\"}] (\"-\" reads standard "
                    "input). Without admission_year, the year of the cache's policies."),
        CtlText::tr("APP.json"));
    const QCommandLineOption receipt(QStringLiteral("receipt"),
                                     CtlText::tr("Also write the family's receipt (in Chinese) as a PDF file."),
                                     CtlText::tr("FILE.pdf"));
    const QCommandLineOption english(QStringLiteral("english"), CtlText::tr("Write the receipt in English."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  CtlText::tr("Print the saved application as JSON (the ID number masked) instead of "
                                              "its local number."));
    if (!ctx.parse(p,
                   CtlText::tr("Enter a walk-in paper application taken at the counter. It is checked, saved in the "
                               "encrypted cache with its audit entry, and waits in the outbox until the next sync "
                               "uploads it. Prints its local number (the number on the receipt). Bad input: exit 2 "
                               "with a sentence naming the field; nothing is saved."),
                   {input, receipt, english, json}))
        return BadUsage;
    if (!p.isSet(input) || !p.positionalArguments().isEmpty())
        return ctx.usage(CtlText::tr("usage: intake --input APP.json [--receipt FILE.pdf] [--english] [--json]"));
    if (p.isSet(english) && !p.isSet(receipt))
        return ctx.usage(CtlText::tr("--english is about the receipt: give --receipt FILE.pdf too"));
    QString problem;
    if (p.isSet(receipt) && receiptPathProblem(p.value(receipt), &problem))
        return ctx.usage(CtlText::tr("%1. Nothing was saved.").arg(problem));
    // The file is read and checked for its shape before the passphrase is asked for.
    auto application = readApplicationFile(p.value(input));
    if (!application)
        return ctx.fail(application.error());

    int code = Done;
    auto ws = ctx.unlock(&code);
    if (!ws)
        return code;
    store::Connection& db = ws->database().writer();
    if (application->admissionYear == 0) {
        auto scope = sync::CounterIntake::scope(db);
        if (!scope)
            return ctx.fail(scope.error());
        application->admissionYear = scope->admissionYear;
    }
    // What the form shows before saving: the child's other applications this year known here.
    auto known = sync::CounterIntake::knownApplicationsOf(db, application->child.idNumber, application->admissionYear);
    if (!known)
        return ctx.fail(known.error());
    sync::CounterIntake intake(db, ws->audit(), ws->user(), ws->role(), sync::SyncState(db).accountFor(ws->user()));
    auto saved = intake.save(*application);
    if (!saved)
        return failSync(ctx, saved.error());
    for (const sync::KnownApplication& k : std::as_const(*known))
        ctx.err() << CtlText::tr("Note: this child already has application %1 this year (%2, school %3). The city "
                                 "platform takes one application per child: check with the family.")
                         .arg(k.id, k.status, k.schoolId)
                  << Qt::endl;

    if (p.isSet(json))
        ctx.out() << QJsonDocument(saved->toJson()).toJson(QJsonDocument::Indented) << Qt::flush;
    else
        ctx.out() << saved->clientRef << Qt::endl;
    if (p.isSet(receipt)) {
        auto data = views::readCounterReceipt(db, saved->clientRef, QString());
        Status written = data ? views::CounterReceipt::writePdf(*data, p.value(receipt), languageOf(p.isSet(english)))
                              : Status(data.error());
        if (!written) {
            // Saved all the same: say so, or a script would enter the family a second time.
            ctx.err() << CtlText::tr("admissionsctl %1: application %2 is saved, but its receipt was not written: %3 "
                                     "Write it with: admissionsctl receipt %2 --out FILE.pdf")
                             .arg(ctx.command(), saved->clientRef, written.error().message)
                      << Qt::endl;
            return BadUsage;
        }
    }
    ctx.err() << CtlText::tr("Application %1 saved; it goes upstream at the next sync.").arg(saved->clientRef)
              << Qt::endl;
    return Done;
}

int cmdReceipt(CtlContext& ctx)
{
    QCommandLineParser p;
    const QCommandLineOption out(QStringLiteral("out"), CtlText::tr("The PDF file to write."), CtlText::tr("FILE.pdf"));
    const QCommandLineOption english(QStringLiteral("english"), CtlText::tr("Write the receipt in English."));
    if (!ctx.parse(p,
                   CtlText::tr("Write the receipt of an application taken at this workstation again, as a PDF file "
                               "(in Chinese unless --english). The reprint is recorded in the audit log."),
                   {out, english}, QStringLiteral("client_ref"),
                   CtlText::tr("The local number on the receipt (or, once uploaded, the platform's application "
                               "number), e.g. S371102001-7F3A09C2-00012.")))
        return BadUsage;
    if (p.positionalArguments().size() != 1 || !p.isSet(out))
        return ctx.usage(CtlText::tr("usage: receipt CLIENT_REF --out FILE.pdf [--english]"));
    QString problem;
    if (receiptPathProblem(p.value(out), &problem))
        return ctx.usage(problem);
    const QString ref = p.positionalArguments().first().trimmed();

    int code = Done;
    auto ws = ctx.unlock(&code);
    if (!ws)
        return code;
    store::Connection& db = ws->database().writer();
    // The clerk on the receipt is the one who took the application, whoever prints it again.
    auto data = views::readCounterReceipt(db, ref, QString());
    if (!data) {
        if (data.error().code == QLatin1String("not_found"))
            return ctx.usage(CtlText::tr("no application with local number %1 was taken at this workstation; "
                                         "\"admissionsctl counter list\" shows those that were.")
                                 .arg(ref));
        return ctx.fail(data.error());
    }
    if (Status s = views::CounterReceipt::writePdf(*data, p.value(out), languageOf(p.isSet(english))); !s)
        return ctx.fail(s.error());
    sync::CounterIntake intake(db, ws->audit(), ws->user(), ws->role(), sync::SyncState(db).accountFor(ws->user()));
    if (Status s = intake.recordReprint(data->clientRef); !s)
        return ctx.fail(s.error());
    ctx.err() << CtlText::tr("Receipt of %1 written to %2.").arg(data->clientRef, p.value(out)) << Qt::endl;
    return Done;
}

int cmdCounter(CtlContext& ctx)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"),
                                  CtlText::tr("Print a JSON list of the applications (the ID numbers masked)."));
    const QCommandLineOption today(QStringLiteral("today"), CtlText::tr("Only those taken today."));
    if (!ctx.parse(p,
                   CtlText::tr("The applications taken at this counter, newest first: local number, state (waiting, "
                               "uploaded, duplicate, refused), the platform's application number, time taken."),
                   {json, today}, QStringLiteral("action"), QStringLiteral("list")))
        return BadUsage;
    if (p.positionalArguments() != QStringList{QStringLiteral("list")})
        return ctx.usage(CtlText::tr("usage: counter list [--json] [--today]"));
    int code = Done;
    auto ws = ctx.unlock(&code);
    if (!ws)
        return code;
    auto records = sync::CounterIntake::list(ws->database().writer(), p.isSet(today) ? QDate::currentDate() : QDate());
    if (!records)
        return ctx.fail(records.error());
    if (p.isSet(json)) {
        QJsonArray list;
        for (const sync::CounterRecord& r : *records)
            list.append(r.toJson());
        ctx.out() << QJsonDocument(list).toJson(QJsonDocument::Indented) << Qt::flush;
        return Done;
    }
    for (const sync::CounterRecord& r : *records) {
        QString line = QStringLiteral("%1\t%2\t%3\t%4\t%5")
                           .arg(r.clientRef, sync::CounterRecord::stateCode(r.state),
                                r.applicationId.isEmpty() ? QStringLiteral("-") : r.applicationId, localTime(r.takenAt),
                                r.schoolId);
        if (r.state == sync::CounterRecord::State::Refused)
            line += u'\t' + (r.resultMessage.isEmpty() ? r.resultCode : r.resultMessage);
        ctx.out() << line << Qt::endl;
    }
    ctx.err() << CtlText::tr("%n application(s).", nullptr, int(records->size())) << Qt::endl;
    return Done;
}

} // namespace adm::ctl
