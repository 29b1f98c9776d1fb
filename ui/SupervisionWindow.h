#pragma once

#include "views/QueueTypes.h"
#include "views/SupervisionTables.h"

#include <QMainWindow>
#include <QMap>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;

class QChartView;

namespace adm::views {
class ReaderThread;
class Session;
} // namespace adm::views

namespace adm::ui {

// The files the supervision dashboard writes: a table (CSV or XLSX, by the name's suffix) and the
// dashboard report (PDF). DialogSupervisionPrompter asks with QFileDialog; the GUI tests answer.
class SupervisionPrompter {
public:
    virtual ~SupervisionPrompter();
    // The file a table is exported to (…csv or …xlsx); nullopt: cancelled.
    virtual std::optional<QString> askTableFile(QWidget* parent, const QString& suggested) = 0;
    // The PDF file the dashboard report is written to; nullopt: cancelled.
    virtual std::optional<QString> askReportFile(QWidget* parent, const QString& suggested) = 0;
};

class DialogSupervisionPrompter : public SupervisionPrompter {
public:
    std::optional<QString> askTableFile(QWidget* parent, const QString& suggested) override;
    std::optional<QString> askReportFile(QWidget* parent, const QString& suggested) override;
};

// The supervision dashboard (issue 16; docs/supervision.md), for the bureau's supervisors (a principal
// sees their school). A scope chooser (the city, a district, a school) and when the figures were made;
// tabs Progress (tiles, the cumulative chart, per day), Seats (per district and per school, the category
// mix), Channels (online against counter), Quality (flags, times to decision, schools without
// decisions for N days) and Reviewers (per officer, the outliers first, the method in a line).
//
// The figures (views::SupervisionReport) are read on a reader thread, again after every change of the
// cache; each table keeps its selection and scroll position. Double-click or Enter on a district, a
// school, an officer or a flag emits drillDownRequested with the matching queue. Every table exports to
// CSV or XLSX, and the whole dashboard to a PDF report; each export is recorded in the audit log.
class SupervisionWindow : public QMainWindow {
    Q_OBJECT
public:
    // `session` and `prompter` must outlive the window, or shutdown() must be called first.
    SupervisionWindow(views::Session& session, SupervisionPrompter& prompter, QWidget* parent = nullptr);
    ~SupervisionWindow() override;

    // The session is about to close (a lock): nothing reads or writes through it any more.
    void shutdown();
    // Reads the figures again (after a sync); a read already running is followed by one more.
    void refresh();
    // Shows another scope (a code of the scope chooser: 371100, a district code, a school id).
    void setScope(const QString& code);
    // The figures shown, and the tables as shown; null before the first read.
    const views::SupervisionRead* shown() const { return m_read ? &*m_read : nullptr; }
    const views::SupervisionTable* table(const QString& code) const;
    QTableView* tableView(const QString& code) const;
    QString message() const;

    // The table with the focus (else the current tab's last used), to a file the prompter names.
    void exportCurrentTable();
    void exportTable(const QString& code);
    // The whole dashboard with its charts, as a PDF.
    void writeReport();

Q_SIGNALS:
    // New figures were read and shown.
    void figuresShown();
    // A district, school, officer or flag row was opened: the queue that matches it.
    void drillDownRequested(const adm::views::QueueQuery& query);
    // An export (a table or the report) finished; `path` is where the file is, when ok.
    void exported(bool ok, const QString& path, const QString& message);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Table {
        QTableView* view = nullptr;
        views::SupervisionTableModel* model = nullptr;
        int tab = 0;
    };
    enum class Tone { Plain, Ok, Error };

    QWidget* buildProgressTab();
    QWidget* buildSeatsTab();
    QWidget* buildChannelsTab();
    QWidget* buildQualityTab();
    QWidget* buildReviewersTab();
    QTableView* makeTable(const QString& code, int tab, QWidget* parent);
    QChartView* makeChartView(const char* name, QWidget* parent);
    QPushButton* makeExportButton(int tab, QWidget* parent);
    void retranslate();
    void read();
    void showFigures(views::SupervisionRead read);
    void showTables();
    void setTable(const QString& code, views::SupervisionTable table);
    void showChoices();
    void showStalled();
    void drill(const QString& code, int row);
    void showTableMenu(const QString& code, const QPoint& globalPos);
    void showMessage(const QString& text, Tone tone = Tone::Plain);
    void finishExport(const QString& temp, const QString& path, const QString& action, const QString& subject);
    QString heading(const QString& title) const;
    QString exportFolder() const;

    views::Session* m_session = nullptr;
    SupervisionPrompter& m_prompter;
    QString m_role;
    std::unique_ptr<views::ReaderThread> m_reads;
    std::optional<views::SupervisionRead> m_read;
    QString m_scopeCode; // empty: the role's default, until the first read says which
    bool m_reading = false;
    bool m_readAgain = false;
    bool m_busy = false; // an export runs
    QString m_lastFolder;

    QMap<QString, Table> m_tables;
    QMap<int, QString> m_tabTable; // the table last used on each tab
    QLabel* m_scopeLabel = nullptr;
    QComboBox* m_scope = nullptr;
    QLabel* m_generated = nullptr;
    QPushButton* m_refresh = nullptr;
    QPushButton* m_report = nullptr;
    QTabWidget* m_tabs = nullptr;
    QMap<QString, QLabel*> m_tileTitles;
    QMap<QString, QLabel*> m_tileValues;
    QChartView* m_progressChart = nullptr;
    QChartView* m_mixChart = nullptr;
    QChartView* m_channelChart = nullptr;
    QChartView* m_overrideChart = nullptr;
    QLabel* m_progressTitle = nullptr;
    QLabel* m_seatsTitle = nullptr;
    QLabel* m_mixTitle = nullptr;
    QLabel* m_flagsTitle = nullptr;
    QLabel* m_qualityTitle = nullptr;
    QLabel* m_stalledLabel = nullptr;
    QSpinBox* m_stalledDays = nullptr;
    QLabel* m_method = nullptr;
    QList<QPushButton*> m_exportButtons;
    QLabel* m_message = nullptr;
    QList<QAction*> m_actions; // retranslated
};

} // namespace adm::ui
