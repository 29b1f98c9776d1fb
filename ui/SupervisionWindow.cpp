#include "SupervisionWindow.h"

#include "SupervisionCharts.h"
#include "views/ReaderThread.h"
#include "views/Session.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>

namespace adm::ui {

namespace {

enum Tab { ProgressTab, SeatsTab, ChannelsTab, QualityTab, ReviewersTab };

QLabel* sectionTitle(QWidget* parent, const char* name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setStyleSheet(QStringLiteral("font-weight: bold;"));
    label->setWordWrap(true);
    return label;
}

// The day of the city's clock (China Standard Time), as the figures count days.
QDate cityToday()
{
    return QDateTime::currentDateTimeUtc().toOffsetFromUtc(8 * 3600).date();
}

} // namespace

SupervisionPrompter::~SupervisionPrompter() = default;

SupervisionWindow::SupervisionWindow(views::Session& session, SupervisionPrompter& prompter, QWidget* parent)
    : QMainWindow(parent)
    , m_session(&session)
    , m_prompter(prompter)
    , m_role(session.role())
    , m_reads(std::make_unique<views::ReaderThread>(session.readers(), QStringLiteral("supervision-reads")))
{
    setObjectName(QStringLiteral("supervisionWindow"));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 6, 8, 4);

    auto* top = new QHBoxLayout;
    m_scopeLabel = new QLabel(central);
    m_scope = new QComboBox(central);
    m_scope->setObjectName(QStringLiteral("supervisionScope"));
    m_scope->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_scope->setMinimumContentsLength(24);
    m_scope->setMaxVisibleItems(20);
    m_scopeLabel->setBuddy(m_scope);
    connect(m_scope, &QComboBox::activated, this, [this](int i) { setScope(m_scope->itemData(i).toString()); });
    m_generated = new QLabel(central);
    m_generated->setObjectName(QStringLiteral("supervisionGenerated"));
    m_refresh = new QPushButton(central);
    m_refresh->setObjectName(QStringLiteral("supervisionRefresh"));
    connect(m_refresh, &QPushButton::clicked, this, &SupervisionWindow::refresh);
    m_report = new QPushButton(central);
    m_report->setObjectName(QStringLiteral("supervisionReportButton"));
    connect(m_report, &QPushButton::clicked, this, &SupervisionWindow::writeReport);
    top->addWidget(m_scopeLabel);
    top->addWidget(m_scope);
    top->addSpacing(12);
    top->addWidget(m_generated, 1);
    top->addWidget(m_refresh);
    top->addWidget(m_report);
    layout->addLayout(top);

    m_tabs = new QTabWidget(central);
    m_tabs->setObjectName(QStringLiteral("supervisionTabs"));
    m_tabs->addTab(buildProgressTab(), QString());
    m_tabs->addTab(buildSeatsTab(), QString());
    m_tabs->addTab(buildChannelsTab(), QString());
    m_tabs->addTab(buildQualityTab(), QString());
    m_tabs->addTab(buildReviewersTab(), QString());
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("supervisionMessage"));
    m_message->setWordWrap(true);
    statusBar()->addWidget(m_message, 1);

    // The menu: every action with its key.
    auto action = [this](const char* name, const QKeySequence& key, auto slot) {
        auto* a = new QAction(this);
        a->setObjectName(QLatin1String(name));
        a->setShortcut(key);
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        m_actions << a;
        return a;
    };
    QMenu* menu = menuBar()->addMenu(QString());
    menu->setObjectName(QStringLiteral("supervisionDashboardMenu"));
    menu->addAction(action("supervisionRefreshAction", QKeySequence::Refresh, [this] { refresh(); }));
    menu->addAction(
        action("supervisionExportAction", QKeySequence(Qt::CTRL | Qt::Key_E), [this] { exportCurrentTable(); }));
    menu->addAction(action("supervisionReportAction", QKeySequence(Qt::CTRL | Qt::Key_P), [this] { writeReport(); }));
    menu->addSeparator();
    menu->addAction(action("supervisionCloseAction", QKeySequence(Qt::CTRL | Qt::Key_W), [this] { close(); }));
    QMenu* view = menuBar()->addMenu(QString());
    view->setObjectName(QStringLiteral("supervisionViewMenu"));
    const Qt::Key keys[] = {Qt::Key_1, Qt::Key_2, Qt::Key_3, Qt::Key_4, Qt::Key_5};
    for (int i = 0; i < m_tabs->count(); ++i) {
        const QByteArray name = "supervisionTabAction" + QByteArray::number(i + 1);
        view->addAction(action(name.constData(), QKeySequence(Qt::CTRL | keys[i]), [this, i] {
            m_tabs->setCurrentIndex(i);
            if (auto it = m_tables.find(m_tabTable.value(i)); it != m_tables.end())
                it->view->setFocus();
        }));
    }

    connect(&session, &views::Session::cacheChanged, this, &SupervisionWindow::refresh);
    retranslate();
    refresh();
    m_scope->setFocus();
}

SupervisionWindow::~SupervisionWindow()
{
    shutdown();
}

void SupervisionWindow::shutdown()
{
    if (!m_session)
        return;
    disconnect(m_session, nullptr, this, nullptr);
    m_reads.reset();
    m_session = nullptr;
    m_reading = false;
}

QTableView* SupervisionWindow::makeTable(const QString& code, int tab, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setObjectName(QStringLiteral("supervisionTable_") + code);
    auto* model = new views::SupervisionTableModel(view);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTabKeyNavigation(false); // Tab leaves the table: keyboard users move between the panes
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    view->installEventFilter(this);
    connect(view, &QTableView::activated, this, [this, code](const QModelIndex& i) { drill(code, i.row()); });
    connect(view, &QTableView::customContextMenuRequested, this,
            [this, code, view](const QPoint& p) { showTableMenu(code, view->viewport()->mapToGlobal(p)); });
    m_tables.insert(code, {view, model, tab});
    if (!m_tabTable.contains(tab))
        m_tabTable.insert(tab, code);
    return view;
}

QChartView* SupervisionWindow::makeChartView(const char* name, QWidget* parent)
{
    auto* view = new QChartView(SupervisionCharts::make(), parent);
    view->setObjectName(QLatin1String(name));
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(280, 200);
    view->setFocusPolicy(Qt::NoFocus);
    return view;
}

QPushButton* SupervisionWindow::makeExportButton(int tab, QWidget* parent)
{
    auto* button = new QPushButton(parent);
    button->setObjectName(QStringLiteral("supervisionExportButton%1").arg(tab + 1));
    connect(button, &QPushButton::clicked, this, [this, tab] { exportTable(m_tabTable.value(tab)); });
    m_exportButtons << button;
    return button;
}

QWidget* SupervisionWindow::buildProgressTab()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* tiles = new QGridLayout;
    tiles->setHorizontalSpacing(8);
    tiles->setVerticalSpacing(6);
    int i = 0;
    const QList<views::SupervisionTile> shapes = views::SupervisionTables::tiles({});
    const int perRow = shapes.size() > 6 ? (int(shapes.size()) + 1) / 2 : int(shapes.size());
    for (const views::SupervisionTile& t : shapes) {
        auto* frame = new QFrame(page);
        frame->setObjectName(QStringLiteral("tile_") + t.code);
        frame->setFrameShape(QFrame::StyledPanel);
        auto* box = new QVBoxLayout(frame);
        box->setContentsMargins(10, 6, 10, 6);
        auto* title = new QLabel(frame);
        title->setWordWrap(true);
        auto* value = new QLabel(QStringLiteral("…"), frame);
        value->setObjectName(QStringLiteral("tileValue_") + t.code);
        value->setStyleSheet(QStringLiteral("font-size: 160%; font-weight: bold;"));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        box->addWidget(title);
        box->addWidget(value);
        m_tileTitles.insert(t.code, title);
        m_tileValues.insert(t.code, value);
        tiles->addWidget(frame, i / perRow, i % perRow);
        ++i;
    }
    layout->addLayout(tiles);
    auto* split = new QSplitter(Qt::Horizontal, page);
    m_progressChart = makeChartView("progressChart", split);
    split->addWidget(m_progressChart);
    auto* right = new QWidget(split);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_progressTitle = sectionTitle(right, "progressTitle");
    rightLayout->addWidget(m_progressTitle);
    QTableView* days = makeTable(QStringLiteral("daily"), ProgressTab, right);
    m_progressTitle->setBuddy(days);
    rightLayout->addWidget(days, 1);
    rightLayout->addWidget(makeExportButton(ProgressTab, right), 0, Qt::AlignRight);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({900, 600});
    layout->addWidget(split, 1);
    return page;
}

QWidget* SupervisionWindow::buildSeatsTab()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* split = new QSplitter(Qt::Horizontal, page);
    auto* left = new QWidget(split);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_seatsTitle = sectionTitle(left, "seatsTitle");
    leftLayout->addWidget(m_seatsTitle);
    auto* tables = new QSplitter(Qt::Vertical, left);
    QTableView* districts = makeTable(QStringLiteral("district_seats"), SeatsTab, tables);
    QTableView* schools = makeTable(QStringLiteral("school_seats"), SeatsTab, tables);
    m_seatsTitle->setBuddy(districts);
    tables->addWidget(districts);
    tables->addWidget(schools);
    tables->setStretchFactor(0, 1);
    tables->setStretchFactor(1, 3);
    leftLayout->addWidget(tables, 1);
    split->addWidget(left);
    auto* right = new QWidget(split);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_mixChart = makeChartView("categoryMixChart", right);
    rightLayout->addWidget(m_mixChart, 3);
    m_mixTitle = sectionTitle(right, "categoryMixTitle");
    rightLayout->addWidget(m_mixTitle);
    QTableView* mix = makeTable(QStringLiteral("category_mix"), SeatsTab, right);
    m_mixTitle->setBuddy(mix);
    rightLayout->addWidget(mix, 2);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({900, 600});
    layout->addWidget(split, 1);
    layout->addWidget(makeExportButton(SeatsTab, page), 0, Qt::AlignRight);
    return page;
}

QWidget* SupervisionWindow::buildChannelsTab()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* split = new QSplitter(Qt::Horizontal, page);
    split->addWidget(makeTable(QStringLiteral("channels"), ChannelsTab, split));
    m_channelChart = makeChartView("channelChart", split);
    split->addWidget(m_channelChart);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({600, 900});
    layout->addWidget(split, 1);
    layout->addWidget(makeExportButton(ChannelsTab, page), 0, Qt::AlignRight);
    return page;
}

QWidget* SupervisionWindow::buildQualityTab()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* split = new QSplitter(Qt::Vertical, page);
    auto* top = new QSplitter(Qt::Horizontal, split);
    auto* flagsPane = new QWidget(top);
    auto* flagsLayout = new QVBoxLayout(flagsPane);
    flagsLayout->setContentsMargins(0, 0, 0, 0);
    m_flagsTitle = sectionTitle(flagsPane, "flagsTitle");
    flagsLayout->addWidget(m_flagsTitle);
    QTableView* flags = makeTable(QStringLiteral("flags"), QualityTab, flagsPane);
    m_flagsTitle->setBuddy(flags);
    flagsLayout->addWidget(flags, 1);
    auto* qualityPane = new QWidget(top);
    auto* qualityLayout = new QVBoxLayout(qualityPane);
    qualityLayout->setContentsMargins(0, 0, 0, 0);
    m_qualityTitle = sectionTitle(qualityPane, "qualityTitle");
    qualityLayout->addWidget(m_qualityTitle);
    QTableView* quality = makeTable(QStringLiteral("quality"), QualityTab, qualityPane);
    m_qualityTitle->setBuddy(quality);
    qualityLayout->addWidget(quality, 1);
    top->addWidget(flagsPane);
    top->addWidget(qualityPane);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 3);
    auto* bottom = new QWidget(split);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto* line = new QHBoxLayout;
    m_stalledLabel = new QLabel(bottom);
    m_stalledLabel->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_stalledDays = new QSpinBox(bottom);
    m_stalledDays->setObjectName(QStringLiteral("stalledDays"));
    m_stalledDays->setRange(1, 365);
    m_stalledDays->setValue(3);
    m_stalledLabel->setBuddy(m_stalledDays);
    connect(m_stalledDays, &QSpinBox::valueChanged, this, &SupervisionWindow::showStalled);
    line->addWidget(m_stalledLabel);
    line->addWidget(m_stalledDays);
    line->addStretch(1);
    bottomLayout->addLayout(line);
    bottomLayout->addWidget(makeTable(QStringLiteral("stalled"), QualityTab, bottom), 1);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    layout->addWidget(makeExportButton(QualityTab, page), 0, Qt::AlignRight);
    return page;
}

QWidget* SupervisionWindow::buildReviewersTab()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    m_method = new QLabel(page);
    m_method->setObjectName(QStringLiteral("reviewerMethod"));
    m_method->setWordWrap(true);
    layout->addWidget(m_method);
    auto* split = new QSplitter(Qt::Horizontal, page);
    split->addWidget(makeTable(QStringLiteral("reviewers"), ReviewersTab, split));
    m_overrideChart = makeChartView("overrideChart", split);
    split->addWidget(m_overrideChart);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    layout->addWidget(makeExportButton(ReviewersTab, page), 0, Qt::AlignRight);
    return page;
}

void SupervisionWindow::retranslate()
{
    setWindowTitle(tr("Supervision dashboard"));
    m_scopeLabel->setText(tr("Sc&ope:"));
    m_refresh->setText(tr("Re&fresh"));
    m_refresh->setToolTip(tr("Read the figures again (F5); they are read again after every sync."));
    m_report->setText(tr("Repor&t (PDF)…"));
    m_report->setToolTip(tr("The whole dashboard with its charts as a PDF, dated and naming its scope (Ctrl+P)."));
    m_tabs->setTabText(ProgressTab, tr("&Progress"));
    m_tabs->setTabText(SeatsTab, tr("&Seats"));
    m_tabs->setTabText(ChannelsTab, tr("C&hannels"));
    m_tabs->setTabText(QualityTab, tr("&Quality"));
    m_tabs->setTabText(ReviewersTab, tr("&Reviewers"));
    for (int i = 0; i < m_tabs->count(); ++i)
        m_tabs->setTabToolTip(i, tr("Ctrl+%1").arg(i + 1));
    for (const views::SupervisionTile& t : views::SupervisionTables::tiles({}))
        if (QLabel* l = m_tileTitles.value(t.code))
            l->setText(t.title);
    m_progressTitle->setText(tr("Per da&y"));
    m_seatsTitle->setText(tr("&Approved against capacity: over capacity first, then the fullest"));
    m_mixTitle->setText(tr("Checked &category per school"));
    m_flagsTitle->setText(tr("F&lags in the scope"));
    m_qualityTitle->setText(tr("Per school: flag rates, hours from submission to dec&ision"));
    m_stalledLabel->setText(tr("Schools with applications and &no decision for at least this many days:"));
    m_stalledDays->setSuffix(QString());
    for (QPushButton* b : std::as_const(m_exportButtons)) {
        b->setText(tr("&Export table…"));
        b->setToolTip(tr("The table last used on this tab, as CSV or XLSX (Ctrl+E)."));
    }
    QList<QMenu*> menus = menuBar()->findChildren<QMenu*>(Qt::FindDirectChildrenOnly);
    for (QMenu* m : menus) {
        if (m->objectName() == QLatin1String("supervisionDashboardMenu"))
            m->setTitle(tr("&Dashboard"));
        else if (m->objectName() == QLatin1String("supervisionViewMenu"))
            m->setTitle(tr("&View"));
    }
    const QStringList tabNames = {tr("Progress"), tr("Seats"), tr("Channels"), tr("Quality"), tr("Reviewers")};
    for (QAction* a : std::as_const(m_actions)) {
        const QString name = a->objectName();
        if (name == QLatin1String("supervisionRefreshAction"))
            a->setText(tr("&Refresh"));
        else if (name == QLatin1String("supervisionExportAction"))
            a->setText(tr("&Export table…"));
        else if (name == QLatin1String("supervisionReportAction"))
            a->setText(tr("Dashboard &report (PDF)…"));
        else if (name == QLatin1String("supervisionCloseAction"))
            a->setText(tr("&Close"));
        else if (name.startsWith(QLatin1String("supervisionTabAction")))
            a->setText(tabNames.value(name.right(1).toInt() - 1));
    }
    if (m_read)
        showFigures(*m_read); // the tables' words and the numbers' format
}

void SupervisionWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

bool SupervisionWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::FocusIn) {
        for (auto it = m_tables.cbegin(); it != m_tables.cend(); ++it)
            if (it->view == watched)
                m_tabTable.insert(it->tab, it.key());
    }
    return QMainWindow::eventFilter(watched, event);
}

void SupervisionWindow::refresh()
{
    if (!m_session || !m_reads)
        return;
    if (m_reading) {
        m_readAgain = true; // after the one running: the cache changed since it started
        return;
    }
    read();
}

void SupervisionWindow::setScope(const QString& code)
{
    if (code == m_scopeCode && m_read && m_read->figures.scope.code == code)
        return;
    m_scopeCode = code;
    if (m_reading)
        m_readAgain = true;
    else
        read();
}

void SupervisionWindow::read()
{
    m_reading = true;
    m_readAgain = false;
    if (!m_read)
        showMessage(tr("Reading the figures…"));
    using Answer = Result<views::SupervisionRead>;
    m_reads->run<Answer>(
        [role = m_role, scope = m_scopeCode](const views::CacheView* cache) -> Answer {
            if (!cache)
                return Error{QStringLiteral("no_cache"), QString()};
            return views::readSupervision(*cache, role, scope);
        },
        this,
        [this](Answer answer) {
            if (!m_session)
                return;
            m_reading = false;
            if (!answer) {
                showMessage(answer.error().message.isEmpty()
                                ? tr("The figures cannot be read. Close the dashboard and open it again.")
                                : answer.error().message,
                            Tone::Error);
                // A scope that cannot be read: the figures shown stay, and so does their scope.
                if (m_read) {
                    m_scopeCode = m_read->figures.scope.code;
                    showChoices();
                }
            } else {
                showFigures(std::move(*answer));
                Q_EMIT figuresShown();
            }
            if (m_readAgain)
                read();
        });
}

void SupervisionWindow::showFigures(views::SupervisionRead read)
{
    const bool first = !m_read;
    m_read = std::move(read);
    const views::SupervisionFigures& f = m_read->figures;
    if (m_scopeCode.isEmpty() || m_scopeCode == f.scope.code)
        m_scopeCode = f.scope.code;
    showChoices();
    m_generated->setText(
        tr("%1 · generated at %2")
            .arg(views::SupervisionTables::scopeText(f.scope, m_read->schoolNames),
                 QLocale().toString(f.generatedAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    const QLocale locale;
    for (const views::SupervisionTile& t : views::SupervisionTables::tiles(f)) {
        QLabel* value = m_tileValues.value(t.code);
        if (!value)
            continue;
        value->setText(t.value ? locale.toString(*t.value) : QStringLiteral("—"));
        value->setToolTip(t.value ? QString() : tr("This workstation cannot tell yet."));
        value->setStyleSheet(t.warning ? QStringLiteral("font-size: 160%; font-weight: bold; color: #b00020;")
                                       : QStringLiteral("font-size: 160%; font-weight: bold;"));
    }
    showTables();
    m_method->setText(views::SupervisionTables::methodText(f.method));
    if (first || m_message->text() == tr("Reading the figures…"))
        showMessage(tr("Double-click a district, school, officer or flag (or press Enter) to open its queue."));
}

void SupervisionWindow::showTables()
{
    const views::SupervisionFigures& f = m_read->figures;
    const auto& names = m_read->schoolNames;
    using T = views::SupervisionTables;
    setTable(QStringLiteral("daily"), T::days(f));
    setTable(QStringLiteral("district_seats"), T::districtSeats(f));
    setTable(QStringLiteral("school_seats"), T::schoolSeats(f, names));
    setTable(QStringLiteral("category_mix"), T::categoryMix(f, names));
    setTable(QStringLiteral("channels"), T::channels(f));
    setTable(QStringLiteral("flags"), T::flags(f));
    setTable(QStringLiteral("quality"), T::quality(f, names));
    setTable(QStringLiteral("reviewers"), T::reviewers(f));
    showStalled();
    SupervisionCharts::showProgress(m_progressChart->chart(), *table(QStringLiteral("daily")));
    SupervisionCharts::showCategoryMix(m_mixChart->chart(), *table(QStringLiteral("category_mix")));
    SupervisionCharts::showChannels(m_channelChart->chart(), *table(QStringLiteral("channels")));
    SupervisionCharts::showOverrideRates(m_overrideChart->chart(), *table(QStringLiteral("reviewers")));
}

void SupervisionWindow::showStalled()
{
    if (!m_read)
        return;
    setTable(QStringLiteral("stalled"), views::SupervisionTables::stalled(m_read->figures, m_read->schoolNames,
                                                                          m_stalledDays->value(), cityToday()));
}

// New figures in a table: the selected row (by its key) and the scroll position stay.
void SupervisionWindow::setTable(const QString& code, views::SupervisionTable t)
{
    const Table& entry = m_tables[code];
    QTableView* view = entry.view;
    const QModelIndex current = view->currentIndex();
    const QString key = current.isValid() ? current.data(views::SupervisionTableModel::KeyRole).toString() : QString();
    const int column = current.isValid() ? current.column() : 0;
    const int vertical = view->verticalScrollBar()->value();
    const int horizontal = view->horizontalScrollBar()->value();
    const bool hadRows = entry.model->rowCount() > 0;
    entry.model->setTable(std::move(t));
    if (!hadRows && entry.model->rowCount() > 0) {
        view->resizeColumnsToContents();
        for (int c = 0; c < entry.model->columnCount(); ++c)
            view->setColumnWidth(c, std::min(view->columnWidth(c), 260));
    }
    if (current.isValid()) {
        const int row = entry.model->rowOf(key);
        if (row >= 0 && view->currentIndex().row() != row)
            view->setCurrentIndex(entry.model->index(row, column));
    }
    view->verticalScrollBar()->setValue(vertical);
    view->horizontalScrollBar()->setValue(horizontal);
}

void SupervisionWindow::showChoices()
{
    QStringList codes;
    for (const views::SupervisionScope& s : m_read->choices)
        codes << s.code;
    QStringList have;
    for (int i = 0; i < m_scope->count(); ++i)
        have << m_scope->itemData(i).toString();
    const QSignalBlocker block(m_scope);
    if (codes != have || m_read->choices.isEmpty()) {
        m_scope->clear();
        for (const views::SupervisionScope& s : m_read->choices) {
            QString text = views::SupervisionTables::scopeText(s, m_read->schoolNames);
            if (s.kind == views::SupervisionScope::Kind::School)
                text = QStringLiteral("    ") + text; // under its district
            m_scope->addItem(text, s.code);
        }
    } else {
        for (int i = 0; i < m_read->choices.size(); ++i) {
            QString text = views::SupervisionTables::scopeText(m_read->choices.at(i), m_read->schoolNames);
            if (m_read->choices.at(i).kind == views::SupervisionScope::Kind::School)
                text = QStringLiteral("    ") + text;
            m_scope->setItemText(i, text);
        }
    }
    const int at = m_scope->findData(m_read->figures.scope.code);
    if (at >= 0)
        m_scope->setCurrentIndex(at);
    m_scope->setEnabled(m_scope->count() > 1);
}

const views::SupervisionTable* SupervisionWindow::table(const QString& code) const
{
    auto it = m_tables.find(code);
    return it == m_tables.end() ? nullptr : &it->model->table();
}

QTableView* SupervisionWindow::tableView(const QString& code) const
{
    return m_tables.value(code).view;
}

QString SupervisionWindow::message() const
{
    return m_message->text();
}

void SupervisionWindow::showMessage(const QString& text, Tone tone)
{
    m_message->setText(text);
    switch (tone) {
    case Tone::Ok:
        m_message->setStyleSheet(QStringLiteral("color: #1b5e20;"));
        break;
    case Tone::Error:
        m_message->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
        break;
    case Tone::Plain:
        m_message->setStyleSheet(QString());
        break;
    }
}

} // namespace adm::ui
