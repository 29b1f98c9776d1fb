#pragma once

#include "views/QueueTypes.h"
#include "views/QueueViewState.h"
#include "views/ReaderFactory.h"

#include <QTimer>
#include <QWidget>
#include <memory>

class QLabel;
class QLineEdit;
class QTreeView;

namespace adm::views {
class BinCountsModel;
class QueueModel;
class ReaderThread;
} // namespace adm::views

namespace adm::ui {

class FilterBar;
class QueueTableView;

// The queues: the bins with their counts on the left; on the right the search field, the filters
// and the table of the chosen bin. Owns the queue models of the open session.
class QueuePane : public QWidget {
    Q_OBJECT
public:
    explicit QueuePane(QWidget* parent = nullptr);
    ~QueuePane() override;

    // Makes the models over a session's readers and shows the first bin. `user`: the local user,
    // whose hub account decides the schools offered and whose saved views are listed.
    void open(views::ReaderFactory readers, const QString& user = {});
    // Drops the models, and clears what was typed in the search field.
    void close();
    bool isOpen() const { return m_model != nullptr; }
    // The session's first query has shown its rows (firstRowsShown() was sent).
    bool hasShownRows() const { return m_rowsShown; }
    // The cache changed: count and read again, keeping the place.
    void refresh();

    QString currentApplicationId() const;
    // Shows the bin at `row` of the bin list (the bin keys, Ctrl+1 …).
    void selectBin(int row);
    // Where the officer is: bin, filters, search, order, selected applicant (the idle lock keeps it).
    views::QueueViewState state() const;
    // Puts an open queue back there; the applicant is selected once its row is read.
    void restore(const views::QueueViewState& state);
    void focusSearch();
    void moveBy(int delta);
    void retranslate();

    QueueTableView* table() const { return m_table; }
    views::QueueModel* model() const { return m_model.get(); }
    views::BinCountsModel* bins() const { return m_bins.get(); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

Q_SIGNALS:
    // The current row shows another application (empty: none).
    void currentChanged(const QString& applicationId);
    void openRequested(const QString& applicationId);
    // restore() is done: its applicant is selected, or was not found where it was.
    void restored();
    // The session's first query has shown its rows and selected its first: an application opened
    // after this is not replaced by that automatic pick (a draft offered at the start waits for it).
    void firstRowsShown();
    // The counted queue is empty under the search and filters (the detail pane says so).
    void nothingMatches(const QString& message);

private:
    void applyQuery();
    void updateCount();
    void checkCurrent();
    void selectFirstRowIfNone();
    void fitBinList();
    void buildSearchKeys();
    void seekWanted();
    void showWhenEmpty();
    void fitColumns();
    void fitColumnsToWidth();
    void saveView(const QString& name);
    void applySavedView(const QString& name);
    void removeView(const QString& name);
    void listSavedViews();

    QTreeView* m_binList = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_empty = nullptr;
    QString m_user;
    bool m_applyingView = false;
    int m_naturalWidth[views::kColumnCount] = {};
    FilterBar* m_filters = nullptr;
    QueueTableView* m_table = nullptr;
    QTimer m_searchDelay;
    std::unique_ptr<views::QueueModel> m_model;
    std::unique_ptr<views::BinCountsModel> m_bins;
    std::unique_ptr<views::ReaderThread> m_reads;
    QString m_lastCurrent;
    QString m_wantedId; // restore(): the applicant to select, at m_wantedRow if it is still there
    int m_wantedRow = -1;
    bool m_rowsShown = false;
};

} // namespace adm::ui
