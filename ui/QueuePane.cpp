#include "QueuePane.h"

#include "BinShortcutDelegate.h"
#include "FilterBar.h"
#include "QueueTableView.h"
#include "views/BinCountsModel.h"
#include "views/CacheReads.h"
#include "views/FilterChoices.h"
#include "views/Labels.h"
#include "views/QueueModel.h"
#include "views/ReaderThread.h"
#include "views/SavedFilters.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTreeView>
#include <QVBoxLayout>
#include <utility>

namespace adm::ui {

using views::Bin;

QueuePane::QueuePane(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("queuePane"));
    m_binList = new QTreeView(this);
    m_binList->setObjectName(QStringLiteral("binList"));
    m_binList->setRootIsDecorated(false);
    m_binList->setUniformRowHeights(true);
    m_binList->setItemsExpandable(false);
    m_binList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_binList->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_binList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_binList->header()->setStretchLastSection(false);
    m_binList->setItemDelegateForColumn(0, new BinShortcutDelegate(m_binList));

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setClearButtonEnabled(true);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("countLabel"));
    m_filters = new FilterBar(this);
    m_table = new QueueTableView(this);
    // Over the table when nothing matches: an empty grid alone reads as "still loading".
    m_empty = new QLabel(m_table->viewport());
    m_empty->setObjectName(QStringLiteral("emptyQueueLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->hide();
    auto* emptyLayout = new QVBoxLayout(m_table->viewport());
    emptyLayout->addWidget(m_empty);

    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_count);
    auto* right = new QVBoxLayout;
    right->addLayout(searchRow);
    right->addWidget(m_filters);
    right->addWidget(m_table, 1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_binList);
    layout->addLayout(right, 1);

    // Searching as one types, once the typing pauses; Enter searches at once.
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(250);
    connect(&m_searchDelay, &QTimer::timeout, this, &QueuePane::applyQuery);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDelay.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay.stop();
        applyQuery();
        m_table->setFocus();
    });
    buildSearchKeys();
    connect(m_filters, &FilterBar::filterChanged, this, &QueuePane::applyQuery);
    connect(m_filters, &FilterBar::cleared, this, [this] {
        // "Clear" clears everything, the search too; the filters' change then reads once.
        const QSignalBlocker block(m_search);
        m_searchDelay.stop();
        m_search->clear();
    });
    connect(m_filters, &FilterBar::saveViewRequested, this, &QueuePane::saveView);
    connect(m_filters, &FilterBar::savedViewChosen, this, &QueuePane::applySavedView);
    connect(m_filters, &FilterBar::removeViewRequested, this, &QueuePane::removeView);
    connect(m_table, &QueueTableView::openRequested, this, [this](const QModelIndex& index) {
        const QString id = m_model ? m_model->applicationIdAt(index.row()) : QString();
        if (!id.isEmpty())
            Q_EMIT openRequested(id);
    });
    retranslate();
}

QueuePane::~QueuePane()
{
    close();
}

void QueuePane::open(views::ReaderFactory readers, const QString& user)
{
    close();
    m_user = user;
    m_model = std::make_unique<views::QueueModel>(readers);
    m_bins = std::make_unique<views::BinCountsModel>(readers);
    m_reads = std::make_unique<views::ReaderThread>(readers, QStringLiteral("queue pane reads"));
    m_table->setModel(m_model.get());
    m_binList->setModel(m_bins.get());
    m_table->viewport()->installEventFilter(this); // its width changes with the scroll bar too
    m_binList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_binList->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_binList->setCurrentIndex(m_bins->index(int(Bin::ToReview), 0));
    fitColumns();
    m_table->horizontalHeader()->setSortIndicator(int(views::Column::Submitted), Qt::AscendingOrder);

    connect(m_binList->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { applyQuery(); });
    connect(m_model.get(), &views::QueueModel::counted, this, &QueuePane::updateCount);
    connect(m_model.get(), &QAbstractItemModel::rowsInserted, this, &QueuePane::updateCount);
    connect(m_model.get(), &QAbstractItemModel::modelReset, this, &QueuePane::updateCount);
    connect(m_model.get(), &views::QueueModel::firstRowsLoaded, this, &QueuePane::selectFirstRowIfNone);
    connect(m_model.get(), &views::QueueModel::rowsLoaded, this, &QueuePane::checkCurrent);
    connect(m_model.get(), &QAbstractItemModel::modelReset, this, &QueuePane::checkCurrent);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &QueuePane::checkCurrent);

    m_reads->run<views::FilterChoices>(
        [user](const views::CacheView* cache) {
            if (!cache)
                return views::FilterChoices();
            auto choices = views::readFilterChoices(*cache, user);
            return choices ? *choices : views::FilterChoices();
        },
        this,
        [this](views::FilterChoices choices) {
            m_filters->setSchools(choices.schools);
            m_filters->setDataDates(choices.firstDay, choices.lastDay);
        });
    listSavedViews();
    applyQuery();
}

void QueuePane::close()
{
    m_searchDelay.stop();
    m_table->setModel(nullptr);
    m_binList->setModel(nullptr);
    m_reads.reset();
    m_model.reset();
    m_bins.reset();
    {
        const QSignalBlocker block(m_search);
        m_search->clear(); // what was typed may be a name or an ID number
    }
    m_filters->setSchools({});
    m_filters->setSavedNames({});
    m_user.clear();
    m_lastCurrent.clear();
    m_wantedId.clear();
    m_rowsShown = false;
    updateCount();
}

void QueuePane::refresh()
{
    if (!m_model)
        return;
    m_model->refresh();
    m_bins->refresh();
}

void QueuePane::applyQuery()
{
    if (!m_model || m_applyingView)
        return;
    views::QueueQuery q = m_model->query();
    const QModelIndex bin = m_binList->currentIndex();
    q.bin = bin.isValid() ? views::BinCountsModel::binAt(bin.row()) : Bin::ToReview;
    q.filter = m_filters->filter();
    q.search = m_search->text().trimmed();
    q.sortColumn = views::Column(m_table->horizontalHeader()->sortIndicatorSection());
    q.order = m_table->horizontalHeader()->sortIndicatorOrder();
    m_model->setQuery(q);
    m_bins->setQuery(q);
}

void QueuePane::updateCount()
{
    if (!m_model) {
        m_count->clear();
        return;
    }
    const QLocale locale;
    const qint64 n = m_model->count();
    m_count->setText(m_model->isCounting() ? tr("counting… %1").arg(locale.toString(n))
                                           : tr("%n application(s)", nullptr, int(n)));
    showWhenEmpty();
}

void QueuePane::showWhenEmpty()
{
    const bool empty = m_model && !m_model->isCounting() && m_model->count() == 0;
    if (!empty) {
        m_empty->hide();
        return;
    }
    const views::QueueQuery& q = m_model->query();
    const bool narrowed = !q.search.isEmpty() || !(q.filter == views::QueueFilter());
    const QString text =
        narrowed ? tr("No application matches the search and filters.") : tr("No application in this queue.");
    m_empty->setText(text);
    m_empty->show();
    Q_EMIT nothingMatches(text);
}

void QueuePane::listSavedViews()
{
    QStringList names;
    if (!m_user.isEmpty())
        for (const views::SavedQueueView& v : views::SavedFilters(m_user).all())
            names << v.name;
    m_filters->setSavedNames(names);
}

void QueuePane::saveView(const QString& name)
{
    if (m_user.isEmpty() || !m_model)
        return;
    views::SavedFilters(m_user).save({name, m_model->query()});
    listSavedViews();
}

void QueuePane::removeView(const QString& name)
{
    if (m_user.isEmpty())
        return;
    views::SavedFilters(m_user).remove(name);
    listSavedViews();
}

void QueuePane::applySavedView(const QString& name)
{
    if (m_user.isEmpty() || !m_model)
        return;
    for (const views::SavedQueueView& v : views::SavedFilters(m_user).all()) {
        if (v.name != name)
            continue;
        // One query for the whole view: the bin, the order and the filters, then read.
        m_applyingView = true;
        m_binList->setCurrentIndex(m_bins->index(store::QueueRules::listedRow(v.query.bin), 0));
        m_table->horizontalHeader()->setSortIndicator(int(v.query.sortColumn), v.query.order);
        m_filters->setFilter(v.query.filter);
        m_applyingView = false;
        applyQuery();
        return;
    }
}

void QueuePane::selectFirstRowIfNone()
{
    if (!m_wantedId.isEmpty())
        return; // restore() selects its applicant
    if (!m_table->currentIndex().isValid() && m_model && m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, 0));
    checkCurrent();
    if (!std::exchange(m_rowsShown, true))
        Q_EMIT firstRowsShown();
}

void QueuePane::checkCurrent()
{
    const QString id = currentApplicationId();
    if (id == m_lastCurrent || (id.isEmpty() && m_table->currentIndex().isValid()))
        return; // same application, or its row is still loading
    m_lastCurrent = id;
    Q_EMIT currentChanged(id);
}

QString QueuePane::currentApplicationId() const
{
    const QModelIndex i = m_table->currentIndex();
    return m_model && i.isValid() ? m_model->applicationIdAt(i.row()) : QString();
}

void QueuePane::buildSearchKeys()
{
    // Esc clears the search at once; in an empty field it goes back to the queue.
    auto* clear = new QAction(m_search);
    clear->setObjectName(QStringLiteral("clearSearchAction"));
    clear->setShortcut(QKeySequence(Qt::Key_Escape));
    clear->setShortcutContext(Qt::WidgetShortcut);
    m_search->addAction(clear);
    connect(clear, &QAction::triggered, this, [this] {
        if (m_search->text().isEmpty()) {
            m_table->setFocus(Qt::ShortcutFocusReason);
            return;
        }
        {
            const QSignalBlocker block(m_search);
            m_search->clear();
        }
        m_searchDelay.stop();
        applyQuery();
    });
}

void QueuePane::selectBin(int row)
{
    if (m_bins && row >= 0 && row < m_bins->rowCount())
        m_binList->setCurrentIndex(m_bins->index(row, 0));
}

void QueuePane::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void QueuePane::moveBy(int delta)
{
    m_table->moveBy(delta);
}

void QueuePane::fitBinList()
{
    // As wide as the longest bin name and a six-digit count: the table gets the rest.
    const QFontMetrics fm = m_binList->fontMetrics();
    int widest = fm.horizontalAdvance(tr("Queue"));
    for (int b = 0; b < views::kBinCount; ++b)
        widest = std::max(widest, fm.horizontalAdvance(views::labels::bin(views::BinCountsModel::binAt(b))));
    m_binList->setFixedWidth(widest + fm.horizontalAdvance(QStringLiteral("000,000")) + 36 +
                             BinShortcutDelegate::hintWidth(fm));
}

void QueuePane::fitColumns()
{
    for (int c = 0; c < views::kColumnCount; ++c)
        m_table->setColumnHidden(c, false);
    m_table->fitColumns();
    for (int c = 0; c < views::kColumnCount; ++c)
        m_naturalWidth[c] = m_table->columnWidth(c);
    fitColumnsToWidth();
}

void QueuePane::fitColumnsToWidth()
{
    if (!m_model)
        return;
    using views::Column;
    // The school column stretches; below this it elides too much to read.
    const int schoolMin = m_table->fontMetrics().horizontalAdvance(QStringLiteral("日照市东港区实")) + 16;
    int needed = schoolMin;
    for (int c = 0; c < views::kColumnCount; ++c)
        if (Column(c) != Column::School)
            needed += m_naturalWidth[c];
    // A narrow table gives up the columns the detail pane shows anyway (the channel is a filter
    // too) rather than push the flags out of view.
    const int available = m_table->viewport()->width() - 4; // the stretched column rounds
    for (Column c : {Column::Channel, Column::Age}) {
        const bool hide = needed > available;
        m_table->setColumnHidden(int(c), hide);
        if (hide)
            needed -= m_naturalWidth[int(c)];
    }
}

bool QueuePane::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        fitColumnsToWidth();
    return QWidget::eventFilter(watched, event);
}

void QueuePane::retranslate()
{
    m_search->setPlaceholderText(tr("Search: application number, ID number, phone, child's or guardian's name  ( / )"));
    m_filters->retranslate();
    updateCount();
    fitColumns();
    fitBinList();
    if (m_model)
        Q_EMIT m_model->headerDataChanged(Qt::Horizontal, 0, views::kColumnCount - 1);
    m_table->viewport()->update();
    m_binList->viewport()->update();
}

} // namespace adm::ui

namespace adm::ui {

views::QueueViewState QueuePane::state() const
{
    views::QueueViewState s;
    const QModelIndex bin = m_binList->currentIndex();
    s.query.bin = bin.isValid() ? views::BinCountsModel::binAt(bin.row()) : Bin::ToReview;
    s.query.filter = m_filters->filter();
    s.query.search = m_search->text().trimmed();
    s.query.sortColumn = views::Column(m_table->horizontalHeader()->sortIndicatorSection());
    s.query.order = m_table->horizontalHeader()->sortIndicatorOrder();
    s.applicationId = currentApplicationId();
    s.row = s.applicationId.isEmpty() ? -1 : m_table->currentIndex().row();
    return s;
}

void QueuePane::restore(const views::QueueViewState& state)
{
    if (!m_model)
        return;
    // Every part silently, then one query: the bin's own signal queries with all of them in place.
    m_filters->restore(state.query.filter);
    {
        const QSignalBlocker block(m_search);
        m_search->setText(state.query.search);
    }
    m_searchDelay.stop();
    {
        QHeaderView* header = m_table->horizontalHeader();
        const QSignalBlocker block(header); // no sort of its own: applyQuery reads the indicator
        header->setSortIndicator(int(state.query.sortColumn), state.query.order);
    }
    m_wantedId = state.applicationId;
    m_wantedRow = state.row;
    if (!m_wantedId.isEmpty()) {
        connect(m_model.get(), &views::QueueModel::firstRowsLoaded, this, &QueuePane::seekWanted, Qt::UniqueConnection);
        connect(m_model.get(), &views::QueueModel::rowsLoaded, this, &QueuePane::seekWanted, Qt::UniqueConnection);
        connect(m_model.get(), &views::QueueModel::counted, this, &QueuePane::seekWanted, Qt::UniqueConnection);
        connect(m_model.get(), &QAbstractItemModel::rowsInserted, this, &QueuePane::seekWanted, Qt::UniqueConnection);
    }
    int row = 0;
    for (int r = 0; r < views::kBinCount; ++r)
        if (views::BinCountsModel::binAt(r) == state.query.bin)
            row = r;
    m_binList->setCurrentIndex(m_bins->index(row, 0));
    applyQuery();
    if (m_wantedId.isEmpty())
        Q_EMIT restored();
    else
        seekWanted();
}

void QueuePane::seekWanted()
{
    if (m_wantedId.isEmpty() || !m_model)
        return;
    if (m_wantedRow >= 0 && m_wantedRow < m_model->rowCount()) {
        const QModelIndex at = m_model->index(m_wantedRow, 0);
        const QString id = m_model->applicationIdAt(m_wantedRow);
        if (id.isEmpty()) {
            m_table->scrollTo(at, QAbstractItemView::PositionAtCenter); // its rows are read next
            (void)m_model->data(at);
            return;
        }
        if (id == m_wantedId) {
            m_wantedId.clear();
            m_table->setCurrentIndex(at);
            m_table->scrollTo(at, QAbstractItemView::PositionAtCenter);
            checkCurrent();
            Q_EMIT restored();
            return;
        }
    }
    if (m_model->isCounting())
        return; // the row may still come
    // Not where it was: the first row, as after any query.
    m_wantedId.clear();
    selectFirstRowIfNone();
    Q_EMIT restored();
}

} // namespace adm::ui
