#include "MainWindow.h"

#include "security/Roles.h"
#include "store/CacheStats.h"

#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace adm::ui {

namespace {

QString groupTitle(const QString& key)
{
    if (key == QLatin1String("entities"))
        return MainWindow::tr("Records in the cache");
    if (key == QLatin1String("datasets"))
        return MainWindow::tr("Agency records by data set");
    if (key == QLatin1String("statuses"))
        return MainWindow::tr("Applications by status");
    if (key == QLatin1String("channels"))
        return MainWindow::tr("Applications by channel");
    if (key == QLatin1String("grades"))
        return MainWindow::tr("Applications by grade");
    return key;
}

QString itemTitle(const QString& key)
{
    static const QHash<QString, const char*> names = {
        {QStringLiteral("policy"), QT_TRANSLATE_NOOP("MainWindow", "Admission policies")},
        {QStringLiteral("school"), QT_TRANSLATE_NOOP("MainWindow", "Schools")},
        {QStringLiteral("zone"), QT_TRANSLATE_NOOP("MainWindow", "Catchment zones")},
        {QStringLiteral("application"), QT_TRANSLATE_NOOP("MainWindow", "Applications")},
        {QStringLiteral("agency_record"), QT_TRANSLATE_NOOP("MainWindow", "Agency records")},
        {QStringLiteral("resident_population"), QT_TRANSLATE_NOOP("MainWindow", "Household registration")},
        {QStringLiteral("real_estate_registration"), QT_TRANSLATE_NOOP("MainWindow", "Real-estate registration")},
        {QStringLiteral("sale_contract"), QT_TRANSLATE_NOOP("MainWindow", "Housing sale contracts")},
        {QStringLiteral("rental_filing"), QT_TRANSLATE_NOOP("MainWindow", "Rental filings")},
        {QStringLiteral("social_insurance"), QT_TRANSLATE_NOOP("MainWindow", "Social insurance")},
        {QStringLiteral("individual_business"), QT_TRANSLATE_NOOP("MainWindow", "Individual businesses")},
        {QStringLiteral("enterprise_legal_person"), QT_TRANSLATE_NOOP("MainWindow", "Enterprise legal persons")},
        {QStringLiteral("marriage_registration"), QT_TRANSLATE_NOOP("MainWindow", "Marriage registration")},
        {QStringLiteral("residence_permit"), QT_TRANSLATE_NOOP("MainWindow", "Residence permits")},
        {QStringLiteral("submitted"), QT_TRANSLATE_NOOP("MainWindow", "Submitted")},
        {QStringLiteral("under_review"), QT_TRANSLATE_NOOP("MainWindow", "Under review")},
        {QStringLiteral("info_requested"), QT_TRANSLATE_NOOP("MainWindow", "Information requested")},
        {QStringLiteral("approved"), QT_TRANSLATE_NOOP("MainWindow", "Approved")},
        {QStringLiteral("rejected"), QT_TRANSLATE_NOOP("MainWindow", "Rejected")},
        {QStringLiteral("withdrawn"), QT_TRANSLATE_NOOP("MainWindow", "Withdrawn")},
        {QStringLiteral("online"), QT_TRANSLATE_NOOP("MainWindow", "Online")},
        {QStringLiteral("counter"), QT_TRANSLATE_NOOP("MainWindow", "At a counter")},
        {QStringLiteral("primary1"), QT_TRANSLATE_NOOP("MainWindow", "Primary grade 1")},
        {QStringLiteral("junior7"), QT_TRANSLATE_NOOP("MainWindow", "Junior middle grade 7")},
    };
    const auto it = names.constFind(key);
    // Unknown data sets are shown by their own name, never dropped.
    return it == names.constEnd() ? key : QCoreApplication::translate("MainWindow", it.value());
}

} // namespace

MainWindow::MainWindow(std::unique_ptr<store::Workspace> workspace, QWidget* parent)
    : QMainWindow(parent), m_workspace(std::move(workspace))
{
    setObjectName(QStringLiteral("mainWindow"));
    auto* central = new QWidget(this);
    m_header = new QLabel(central);
    m_header->setObjectName(QStringLiteral("headerLabel"));
    m_counts = new QTreeWidget(central);
    m_counts->setObjectName(QStringLiteral("countsTree"));
    m_counts->setColumnCount(2);
    m_counts->setRootIsDecorated(true);
    m_counts->setUniformRowHeights(true);
    m_counts->header()->setStretchLastSection(false);
    m_counts->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_counts->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto* layout = new QVBoxLayout(central);
    layout->addWidget(m_header);
    layout->addWidget(m_counts);
    setCentralWidget(central);
    buildMenus();
    retranslate();
    refreshCounts();
    resize(760, 560);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    menuBar()->clear();
    QMenu* file = menuBar()->addMenu(tr("&Workstation"));
    QAction* refresh = file->addAction(tr("&Refresh counts"), this, &MainWindow::refreshCounts);
    refresh->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    QMenu* language = settings->addMenu(tr("&Language"));
    auto* group = new QActionGroup(language);
    const QString current = QSettings().value(QStringLiteral("language"), QStringLiteral("system")).toString();
    const QList<QPair<QString, QString>> choices = {{QStringLiteral("system"), tr("Follow the system")},
                                                    {QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
                                                    {QStringLiteral("en"), QStringLiteral("English")}};
    for (const auto& [code, label] : choices) {
        QAction* a = language->addAction(label);
        a->setCheckable(true);
        a->setChecked(code == current);
        a->setObjectName(QStringLiteral("language_") + code);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] {
            QSettings().setValue(QStringLiteral("language"), code);
            Q_EMIT languageChosen(code);
        });
    }
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        buildMenus();
        retranslate();
        refreshCounts();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Admissions Workstation"));
    m_header->setText(tr("Signed in as %1 (%2). Data folder: %3")
                          .arg(m_workspace->user(), role::displayName(m_workspace->role()), m_workspace->dataDir()));
    m_counts->setHeaderLabels({tr("What"), tr("Count")});
}

void MainWindow::refreshCounts()
{
    m_counts->clear();
    auto stats = store::collectCacheStats(m_workspace->database().writer());
    if (!stats) {
        statusBar()->showMessage(tr("Cannot count the cache: %1").arg(stats.error().message));
        return;
    }
    const QLocale locale;
    for (const QString& group : {QStringLiteral("entities"), QStringLiteral("datasets"), QStringLiteral("statuses"),
                                 QStringLiteral("channels"), QStringLiteral("grades")}) {
        auto* top = new QTreeWidgetItem(m_counts, {groupTitle(group)});
        const QJsonObject o = stats->value(group).toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            auto* item = new QTreeWidgetItem(top, {itemTitle(it.key()), locale.toString(it.value().toInteger())});
            item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        }
        top->setExpanded(true);
    }
    statusBar()->showMessage(tr("Schema version %1").arg(stats->value(QStringLiteral("schema_version")).toInt()));
}

} // namespace adm::ui
