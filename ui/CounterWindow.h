#pragma once

#include "domain/Entities.h"

#include <QMainWindow>
#include <QMap>
#include <QTimer>
#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QTableView;

namespace adm::views {
class CounterService;
class ReaderThread;
class Session;
} // namespace adm::views

namespace adm::ui {

class CounterCheckPanel;
class CounterForm;
class CounterListModel;
class CounterLookupPanel;
class CounterPrompter;
class Prompter;

// The counter screen (issue 13): walk-in paper applications typed while the family waits, checked,
// saved with their receipt, and the counter's list. Left: today's applications taken here (local number,
// child, time, state) with a search box a QR scanner types into, and a reprint; middle: the form; right:
// the check before saving and the agency lookup.
//
// It works through a views::Session: reads on reader threads (views::readCounterContext, the preview,
// the list), writes and the lookup through views::CounterService. What is typed is kept as a draft in
// the encrypted cache about 1.5 s after the last edit, so that a crash loses at most a few seconds; the
// next window offers it back. Questions go through the injected prompters.
class CounterWindow : public QMainWindow {
    Q_OBJECT
public:
    // `session` and the prompters must outlive the window, or shutdown() must be called first.
    CounterWindow(views::Session& session, Prompter& prompter, CounterPrompter& counterPrompter,
                  QWidget* parent = nullptr);
    ~CounterWindow() override;

    // The schools are read and a draft left from before was offered: the form takes typing.
    bool isReady() const { return m_ready; }
    CounterForm* form() const { return m_form; }
    CounterListModel* listModel() const { return m_model; }

    // Ctrl+N: a new application; asks before discarding what is typed.
    void newApplication();
    // Ctrl+S: checks, saves, and makes the receipt.
    void save();
    // Keeps what is typed as the draft now (closing, a lock).
    void keepDraftNow();
    // The session is about to close (a lock): everything that reads or writes through it stops; the
    // window is inert afterwards.
    void shutdown();
    // The pauses after the last edit (tests shorten them).
    void setDraftDelay(int ms) { m_draftTimer.setInterval(ms); }
    void setCheckDelay(int ms) { m_checkTimer.setInterval(ms); }

Q_SIGNALS:
    void ready();
    // A draft reached the cache.
    void draftKept();
    void saved(const QString& clientRef);
    // The receipt was printed or written (its PDF path, empty for a print).
    void receiptDone(const QString& clientRef, const QString& pdfPath);
    // The check panel shows what the preview read.
    void previewShown();
    void listShown();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    enum class Tone { Plain, Ok, Warning, Error };

    QWidget* buildListPane();
    QWidget* buildFormPane();
    QWidget* buildSidePane();
    void retranslate();
    void updateTitle();
    void fixTabOrder();
    void showMessage(const QString& text, Tone tone = Tone::Plain);

    void readContext();
    void offerDraft();
    void edited();
    void runCheck();
    void refreshList();
    void search();
    void selectRow(int row);
    void reprint();
    void makeReceipt(const QString& clientRef, bool reprint);
    void lookup(const QString& person, const QString& idNumber);
    QList<AgencyRecord> lookedUp() const;

    views::Session* m_session = nullptr;
    Prompter& m_prompter;
    CounterPrompter& m_counterPrompter;
    QString m_user;
    std::unique_ptr<views::CounterService> m_service;
    std::unique_ptr<views::ReaderThread> m_reads;  // the schools, the list, the search
    std::unique_ptr<views::ReaderThread> m_checks; // the preview while typing

    CounterListModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_searchLabel = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_searchMessage = nullptr;
    QCheckBox* m_allDays = nullptr;
    QPushButton* m_reprint = nullptr;
    QLabel* m_listTitle = nullptr;

    QScrollArea* m_formScroll = nullptr;
    CounterForm* m_form = nullptr;
    QLabel* m_message = nullptr;
    QCheckBox* m_english = nullptr;
    QLabel* m_outputLabel = nullptr;
    QComboBox* m_output = nullptr;
    QPushButton* m_new = nullptr;
    QPushButton* m_save = nullptr;
    CounterCheckPanel* m_check = nullptr;
    CounterLookupPanel* m_lookup = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_newAction = nullptr;
    QAction* m_findAction = nullptr;

    QTimer m_draftTimer;
    QTimer m_checkTimer;
    bool m_ready = false;
    bool m_saving = false;
    bool m_draftDirty = false; // edited since the draft was last kept
    quint64 m_checkGeneration = 0;
    quint64 m_listGeneration = 0;
    quint64 m_lookupGeneration = 0;
    QString m_selectAfterList;                     // a local number to select once the list is read again
    QMap<QString, QList<AgencyRecord>> m_lookedUp; // per person of the form (child, guardian1 …)
    QString m_schoolsError;
};

} // namespace adm::ui
