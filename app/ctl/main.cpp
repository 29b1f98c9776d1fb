// admissionsctl: the command line of the admissions workstation, for administrators, scripts and
// integrators. Exit codes: 0 done, 1 a "no" answer, 2 bad usage or input, 3 wrong passphrase,
// 4 damaged or foreign cache, 5 hub unreachable or certificate refused, 6 hub sign-in refused.
#include "CmdSync.h"
#include "Commands.h"
#include "CtlContext.h"
#include "i18n/Translations.h"
#include "security/SecureHeap.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QTextStream>
#include <cstring>
#include <map>
#include <memory>

using namespace adm::ctl;

namespace {

struct CommandInfo {
    int (*run)(CtlContext&);
    const char* summary;
};

const std::map<QString, CommandInfo>& commands()
{
    static const std::map<QString, CommandInfo> table = {
        {QStringLiteral("init"),
         {cmdInit, QT_TRANSLATE_NOOP("admissionsctl", "set up a workstation and its first user")}},
        {QStringLiteral("users"), {cmdUsers, QT_TRANSLATE_NOOP("admissionsctl", "add, list and change local users")}},
        {QStringLiteral("key"), {cmdKey, QT_TRANSLATE_NOOP("admissionsctl", "export the recovery key")}},
        {QStringLiteral("generate"), {cmdGenerate, QT_TRANSLATE_NOOP("admissionsctl", "generate a synthetic city")}},
        {QStringLiteral("import"), {cmdImport, QT_TRANSLATE_NOOP("admissionsctl", "import an offline bundle")}},
        {QStringLiteral("stats"), {cmdStats, QT_TRANSLATE_NOOP("admissionsctl", "count what the cache holds")}},
        {QStringLiteral("check-id"), {cmdCheckId, QT_TRANSLATE_NOOP("admissionsctl", "check an ID number")}},
        {QStringLiteral("connect"), {cmdConnect, QT_TRANSLATE_NOOP("admissionsctl", "enrol with a hub and its CA")}},
        {QStringLiteral("login"), {cmdLogin, QT_TRANSLATE_NOOP("admissionsctl", "check and remember a hub account")}},
        {QStringLiteral("sync"), {cmdSync, QT_TRANSLATE_NOOP("admissionsctl", "send the outbox, receive changes")}},
        {QStringLiteral("outbox"), {cmdOutbox, QT_TRANSLATE_NOOP("admissionsctl", "list what waits to go upstream")}},
        {QStringLiteral("conflicts"), {cmdConflicts, QT_TRANSLATE_NOOP("admissionsctl", "list or drop refused items")}},
        {QStringLiteral("decide"), {cmdDecide, QT_TRANSLATE_NOOP("admissionsctl", "approve, reject or request info")}},
        {QStringLiteral("reasons"), {cmdReasons, QT_TRANSLATE_NOOP("admissionsctl", "list the standard reason codes")}},
        {QStringLiteral("evaluate"),
         {cmdEvaluate, QT_TRANSLATE_NOOP("admissionsctl", "check applications given in a file")}},
        {QStringLiteral("explain"),
         {cmdExplain, QT_TRANSLATE_NOOP("admissionsctl", "explain the check of one application")}},
        {QStringLiteral("check"), {cmdCheck, QT_TRANSLATE_NOOP("admissionsctl", "check the cache's applications")}},
        {QStringLiteral("settings"),
         {cmdSettings, QT_TRANSLATE_NOOP("admissionsctl", "show or change what a school lets its principal do")}},
        {QStringLiteral("intake"),
         {cmdIntake, QT_TRANSLATE_NOOP("admissionsctl", "enter a paper application taken at the counter")}},
        {QStringLiteral("receipt"),
         {cmdReceipt, QT_TRANSLATE_NOOP("admissionsctl", "write a counter application's receipt again")}},
        {QStringLiteral("counter"),
         {cmdCounter, QT_TRANSLATE_NOOP("admissionsctl", "list the counter's applications")}},
        {QStringLiteral("batch"),
         {cmdBatch, QT_TRANSLATE_NOOP("admissionsctl", "make, check, sign and export a principal's batch")}},
        {QStringLiteral("relations"),
         {cmdRelations, QT_TRANSLATE_NOOP("admissionsctl", "declare relatives you may not decide on")}},
        {QStringLiteral("audit"), {cmdAudit, QT_TRANSLATE_NOOP("admissionsctl", "verify the local audit log")}},
        {QStringLiteral("report"),
         {cmdReport,
          QT_TRANSLATE_NOOP("admissionsctl", "the supervision figures of the city, a district or a school")}},
    };
    return table;
}

int printHelp(QTextStream& stream)
{
    stream << QCoreApplication::translate("admissionsctl", "Usage: admissionsctl COMMAND [options]") << "\n\n";
    for (const auto& [name, info] : commands())
        stream << "  " << name.leftJustified(12) << QCoreApplication::translate("admissionsctl", info.summary) << '\n';
    stream << '\n'
           << QCoreApplication::translate("admissionsctl",
                                          "Every command takes --data-dir DIR. \"admissionsctl COMMAND --help\" "
                                          "shows its options.\nExit codes: 0 done, 1 no, 2 bad usage or input, "
                                          "3 wrong passphrase, 4 damaged or foreign cache, 5 hub unreachable or "
                                          "certificate refused, 6 hub sign-in refused.")
           << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    // The counter's receipt and a batch's public notice are painted (QPdfWriter), which needs a
    // QGuiApplication for its fonts. No window is ever shown: the offscreen platform, whatever the
    // session has, and no display needed. Any argument naming those commands (options may come first:
    // --data-dir DIR intake …).
    bool paints = false;
    for (int i = 1; i < argc; ++i)
        paints = paints || std::strcmp(argv[i], "intake") == 0 || std::strcmp(argv[i], "receipt") == 0 ||
                 std::strcmp(argv[i], "notice") == 0; // batch notice: the public notice's PDF
    if (paints) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        // Qt's note that XDG_RUNTIME_DIR is not set (a minimal system, a container) is not the user's
        // concern here; the rules set below replace this one once the application is made.
        QLoggingCategory::setFilterRules(QStringLiteral("default.warning=false"));
    }
    const std::unique_ptr<QCoreApplication> application =
        paints ? std::make_unique<QGuiApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication& app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("Admissions"));
    QCoreApplication::setApplicationName(QStringLiteral("admissions-workstation"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ADMISSIONS_VERSION));
    adm::i18n::installTranslations(app, adm::i18n::languageFromEnvironment());
    // Library info lines are for the GUI's log; the CLI keeps stderr for the user.
    QLoggingCategory::setFilterRules(QStringLiteral("admissions.*.info=false\nadmissions.*.debug=false"));
    adm::security::initSecureHeap(); // before any passphrase is read

    QStringList args = app.arguments().mid(1);
    QTextStream out(stdout);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h") ||
        args.first() == QLatin1String("help"))
        return printHelp(out);
    if (args.first() == QLatin1String("--version")) {
        out << "admissionsctl " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    const QString name = args.takeFirst();
    const auto it = commands().find(name);
    if (it == commands().end()) {
        QTextStream err(stderr);
        err << QCoreApplication::translate("admissionsctl", "Unknown command \"%1\".").arg(name) << "\n";
        printHelp(err);
        return BadUsage;
    }
    CtlContext ctx(name, args);
    return it->second.run(ctx);
}
