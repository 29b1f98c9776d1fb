#include "QueuePane.h"

#include "FilterBar.h"
#include "QueueTableView.h"
#include "views/BinCountsModel.h"
#include "views/CacheReads.h"
#include "views/Labels.h"
#include "views/QueueModel.h"
#include "views/ReaderThread.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTreeView>
#include <QVBoxLayout>

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

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setClearButtonEnabled(true);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("countLabel"));
    m_filters = new FilterBar(this);
    m_table = new QueueTableView(this);

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
    connect(m_filters, &FilterBar::filterChanged, this, &QueuePane::applyQuery);
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

void QueuePane::open(views::ReaderFactory readers)
{
    close();
    m_model = std::make_unique<views::QueueModel>(readers);
    m_bins = std::make_unique<views::BinCountsModel>(readers);
    m_reads = std::make_unique<views::ReaderThread>(readers, QStringLiteral("queue pane reads"));
    m_table->setModel(m_model.get());
    m_binList->setModel(m_bins.get());
    m_binList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_binList->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_binList->setCurrentIndex(m_bins->index(int(Bin::ToReview), 0));
    m_table->fitColumns();
    m_table->horizontalHeader()->setSortIndicator(int(views::Column::Submitted), Qt::AscendingOrder);

    connect(m_binList->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { applyQuery(); });
    connect(m_model.get(), &views::QueueModel::counted, this, &QueuePane::updateCount);
    connect(m_model.get(), &QAbstractItemModel::rowsInserted, this, &QueuePane::updateCount);
    connect(m_model.get(), &QAbstractItemModel::modelReset, this, &QueuePane::updateCount);
    connect(m_model.get(), &views::QueueModel::firstRowsLoaded, this, &QueuePane::selectFirstRowIfNone);
    connect(m_model.get(), &views::QueueModel::rowsLoaded, this, &QueuePane::checkCurrent);
    connect(m_model.get(), &QAbstractItemModel::modelReset, this, &QueuePane::checkCurrent);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &QueuePane::checkCurrent);

    m_reads->run<QList<QPair<QString, QString>>>(
        [](const views::CacheView* cache) {
            if (!cache)
                return QList<QPair<QString, QString>>();
            auto schools = views::readSchools(*cache);
            return schools ? *schools : QList<QPair<QString, QString>>();
        },
        this, [this](QList<QPair<QString, QString>> schools) { m_filters->setSchools(schools); });
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
    m_lastCurrent.clear();
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
    if (!m_model)
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
}

void QueuePane::selectFirstRowIfNone()
{
    if (!m_table->currentIndex().isValid() && m_model && m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, 0));
    checkCurrent();
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
    m_binList->setFixedWidth(widest + fm.horizontalAdvance(QStringLiteral("000,000")) + 48);
}

void QueuePane::retranslate()
{
    m_search->setPlaceholderText(tr("Search: application number, ID number, phone or name  ( / )"));
    m_filters->retranslate();
    updateCount();
    m_table->fitColumns();
    fitBinList();
    if (m_model)
        Q_EMIT m_model->headerDataChanged(Qt::Horizontal, 0, views::kColumnCount - 1);
    m_table->viewport()->update();
    m_binList->viewport()->update();
}

} // namespace adm::ui
