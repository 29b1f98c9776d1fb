// bench_intake: the counter's three waits, in milliseconds, on a generated city (default 42,000
// applications, the demo's): opening the form (the real CounterWindow shown, with its schools read and
// its list of the day filled), checking what was typed (views::readCounterPreview: the child's other
// applications, the address, the check), and from the save key to the finished receipt PDF
// (CounterIntake::save in its transaction, then CounterReceipt::writePdf). Targets (issue 13): under
// 100 ms to open, under 300 ms from save to PDF. Baselines measured in the same run: a decision saved
// through DecisionWorkflow (the same outbox-and-audit transaction), and an empty PDF page (what
// QPdfWriter costs before anything is drawn). It prints; it never asserts.
//
//   bench_intake [--applications N] [--rounds R] [--dir DIR]
#include "BenchOptions.h"
#include "CityFixture.h"
#include "CounterPrompter.h"
#include "CounterWindow.h"
#include "Prompter.h"
#include "domain/IdNumber.h"
#include "domain/JsonCodec.h"
#include "store/Sql.h"
#include "store/Workspace.h"
#include "sync/CounterIntake.h"
#include "sync/DecisionWorkflow.h"
#include "views/CounterReceipt.h"
#include "views/CounterService.h"
#include "views/LocalSession.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cstdio>

using namespace adm;

namespace {

using bench::Figures;

void print(const char* what, const Figures& f)
{
    std::printf("  %-46s median %8.2f ms   max %8.2f ms\n", what, f.median(), f.max());
}

double msSince(const QElapsedTimer& t)
{
    return t.nsecsElapsed() / 1e6;
}

QString childId(const QDate& birth, int sequence)
{
    const QString first17 = QStringLiteral("371102") + birth.toString(QStringLiteral("yyyyMMdd")) +
                            QStringLiteral("%1").arg(sequence % 1000, 3, 10, QLatin1Char('0'));
    return first17 + IdNumber::checkCharacter(first17);
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    bench::addCityOptions(parser, 42000);
    parser.addOption(
        {QStringLiteral("rounds"), QStringLiteral("Applications entered."), QStringLiteral("R"), QStringLiteral("30")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Keep the cache here."), QStringLiteral("DIR")});
    parser.process(app);
    const int applications = parser.value(QStringLiteral("applications")).toInt();
    const int rounds = std::max(1, parser.value(QStringLiteral("rounds")).toInt());

    QTemporaryDir temp;
    const QString dir = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : temp.path();
    QDir().mkpath(dir);
    if (!QFile::exists(dir + QStringLiteral("/cache.db"))) {
        std::printf("making a city of %d applications in %s…\n", applications, qPrintable(dir));
        if (!testsupport::makeCityWorkspace(dir, applications, parser.value(QStringLiteral("seed")).toULongLong()))
            return 1;
    }
    auto ws = store::Workspace::unlock(dir, testsupport::kReviewer, testsupport::kPassphrase);
    if (!ws) {
        std::fprintf(stderr, "%s\n", qPrintable(ws.error().message));
        return 1;
    }
    store::Workspace& w = **ws;
    store::Connection& c = w.database().writer();

    // Applications of the city to copy the address and school from, and to decide in the baseline.
    QList<Application> samples;
    {
        auto q = c.prepare(QStringLiteral("SELECT data FROM applications WHERE grade = 'primary1' AND status = "
                                          "'submitted' ORDER BY id LIMIT ?"));
        q->bind(1, rounds);
        while (q->step())
            if (auto a = json::readApplication(QJsonDocument::fromJson(q->utf8(0)).object()))
                samples.append(*a);
    }
    if (samples.size() < rounds) {
        std::fprintf(stderr, "the city has too few submitted primary applications\n");
        return 1;
    }

    Figures preview, save, pdf, saveToPdf, decision, emptyPdf;
    const views::CacheView cache(c);
    for (int i = 0; i < rounds; ++i) {
        const Application& s = samples.at(i);
        sync::CounterApplication a;
        a.admissionYear = s.admissionYear;
        a.grade = s.grade;
        a.targetSchoolId = s.targetSchoolId;
        a.child.name = QStringLiteral("测试儿童");
        a.child.idNumber = childId(IdNumber::parse(s.child.idNumber).birthDate(), 700 + i);
        a.guardians = s.guardians;
        a.claimedAddress = s.claimedAddress;
        a.claimedCategory = s.claimedCategory.isEmpty() ? QStringLiteral("A") : s.claimedCategory;
        a.paperEvidence = {{sync::paper::HouseholdRegister, QString(), QString()},
                           {sync::paper::PropertyCertificate, QString(), QString()}};

        QElapsedTimer t;
        t.start();
        auto p = views::readCounterPreview(cache, a, {});
        preview.add(msSince(t));
        if (!p) {
            std::fprintf(stderr, "preview: %s\n", qPrintable(p.error().message));
            return 1;
        }

        t.restart();
        sync::CounterIntake intake(c, w.audit(), w.user(), w.role(), QString());
        auto saved = intake.save(a);
        save.add(msSince(t));
        if (!saved) {
            std::fprintf(stderr, "save: %s\n", qPrintable(saved.error().message));
            return 1;
        }
        QElapsedTimer tp;
        tp.start();
        auto receipt = views::readCounterReceipt(c, saved->clientRef, w.user());
        const QString file = temp.filePath(QStringLiteral("receipt-%1.pdf").arg(i));
        if (!receipt || !views::CounterReceipt::writePdf(*receipt, file)) {
            std::fprintf(stderr, "receipt failed\n");
            return 1;
        }
        pdf.add(msSince(tp));
        saveToPdf.add(msSince(t));

        // Baselines: a decision's transaction, and a PDF page with nothing on it.
        t.restart();
        sync::DecisionWorkflow workflow(c, w.audit(), w.user(), w.role(), QString());
        sync::DecisionRequest request;
        request.applicationId = s.id;
        request.outcome = QStringLiteral("request_info");
        request.reasonCode = QStringLiteral("documents_missing");
        request.note = QStringLiteral("bench");
        auto decided = workflow.decide(request);
        decision.add(msSince(t));
        if (!decided)
            std::fprintf(stderr, "baseline decision: %s\n", qPrintable(decided.error().message));
        t.restart();
        {
            QPdfWriter writer(temp.filePath(QStringLiteral("empty-%1.pdf").arg(i)));
            writer.setResolution(300);
            QPainter painter(&writer);
        }
        emptyPdf.add(msSince(t));
    }

    // Opening the form: the real window, shown, until its schools and its day's list are read.
    Figures open;
    auto session = std::make_unique<views::LocalSession>(std::move(*ws));
    ui::DialogPrompter prompter;
    ui::DialogCounterPrompter counterPrompter;
    for (int i = 0; i < std::min(rounds, 10); ++i) {
        QElapsedTimer t;
        t.start();
        ui::CounterWindow window(*session, prompter, counterPrompter);
        window.resize(1366, 768);
        window.show();
        if (!QTest::qWaitFor([&] { return window.isReady(); }, 10000)) {
            std::fprintf(stderr, "the counter window did not get ready\n");
            return 1;
        }
        open.add(msSince(t));
    }

    std::printf("bench_intake: counter intake on a city of %d applications (%d applications entered)\n", applications,
                rounds);
    print("open the counter window (ready to type)", open);
    print("check what is typed (readCounterPreview)", preview);
    print("save (row + outbox item + audit entry)", save);
    print("receipt PDF (read + write)", pdf);
    print("save key to finished PDF", saveToPdf);
    std::printf("baselines, same run:\n");
    print("a decision's transaction (DecisionWorkflow)", decision);
    print("an empty PDF page (QPdfWriter)", emptyPdf);
    std::printf("ratios: save / decision %.2fx; receipt / empty page %.2fx\n",
                decision.median() > 0 ? save.median() / decision.median() : 0,
                emptyPdf.median() > 0 ? pdf.median() / emptyPdf.median() : 0);
    std::printf("targets: open < 100 ms (%s), save to PDF < 300 ms (%s)\n", open.median() < 100 ? "met" : "missed",
                saveToPdf.median() < 300 ? "met" : "missed");
    return 0;
}
