#include "CounterWindow.h"

#include "CounterCheckPanel.h"
#include "CounterForm.h"
#include "CounterListModel.h"
#include "CounterLookupPanel.h"
#include "CounterPrompter.h"
#include "Prompter.h"
#include "domain/IdNumber.h"
#include "views/CounterReceipt.h"
#include "views/CounterService.h"
#include "views/ReaderThread.h"
#include "views/Session.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPageLayout>
#include <QPageSize>
#include <QPointer>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace adm::ui {

namespace {

const QString kOutputSetting = QStringLiteral("counter/receiptOutput");
const QString kFolderSetting = QStringLiteral("counter/receiptFolder");
const QString kPrint = QStringLiteral("print");
const QString kPdf = QStringLiteral("pdf");

using ListResult = Result<QList<sync::CounterRecord>>;
using FoundResult = Result<std::optional<sync::CounterRecord>>;
using PreviewResult = Result<views::CounterPreview>;
using ContextResult = Result<views::CounterContext>;

Error closedCache()
{
    return Error{QStringLiteral("closed"), CounterWindow::tr("The cache cannot be read.")};
}

} // namespace

CounterWindow::CounterWindow(views::Session& session, Prompter& prompter, CounterPrompter& counterPrompter,
                             QWidget* parent)
    : QMainWindow(parent)
    , m_session(&session)
    , m_prompter(prompter)
    , m_counterPrompter(counterPrompter)
    , m_user(session.user())
    , m_service(std::make_unique<views::CounterService>(session))
    , m_reads(std::make_unique<views::ReaderThread>(session.readers(), QStringLiteral("counter reads")))
    , m_checks(std::make_unique<views::ReaderThread>(session.readers(), QStringLiteral("counter checks")))
{
    setObjectName(QStringLiteral("counterWindow"));
    setWindowFlag(Qt::Window);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("counterSplitter"));
    splitter->addWidget(buildListPane());
    splitter->addWidget(buildFormPane());
    splitter->addWidget(buildSidePane());
    // A wider screen gives every pane room, the form the most.
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 4);
    splitter->setStretchFactor(2, 3);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({380, 640, 330});
    setCentralWidget(splitter);

    auto action = [this](const QKeySequence& key, const char* name, auto slot) {
        auto* a = new QAction(this);
        a->setObjectName(QLatin1String(name));
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    m_saveAction = action(QKeySequence::Save, "counterSaveAction", [this] { save(); });
    m_newAction = action(QKeySequence::New, "counterNewAction", [this] { newApplication(); });
    m_findAction = action(QKeySequence::Find, "counterFindAction", [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(1500); // a crash loses at most the last seconds of typing
    connect(&m_draftTimer, &QTimer::timeout, this, &CounterWindow::keepDraftNow);
    m_checkTimer.setSingleShot(true);
    m_checkTimer.setInterval(300); // once typing pauses: one check, not one per key
    connect(&m_checkTimer, &QTimer::timeout, this, &CounterWindow::runCheck);

    connect(m_form, &CounterForm::edited, this, &CounterWindow::edited);
    connect(m_form, &CounterForm::schoolChanged, this, &CounterWindow::updateTitle);
    connect(m_form, &CounterForm::tabChainChanged, this, &CounterWindow::fixTabOrder);
    connect(m_form, &CounterForm::lookupRequested, this, &CounterWindow::lookup);
    connect(m_form, &CounterForm::personChanged, this, [this](const QString& person) { m_lookedUp.remove(person); });
    connect(m_lookup, &CounterLookupPanel::addressTaken, m_form, &CounterForm::takeAddress);
    connect(m_lookup, &CounterLookupPanel::memberTaken, this,
            [this](const QString& person, const QString& name, const QString& id, const QString& record,
                   const QString& source) {
                QString why;
                if (!m_form->takeGuardian(person, name, id, record, source, &why))
                    showMessage(why, Tone::Warning);
            });
    connect(&session, &views::Session::cacheChanged, this, &CounterWindow::refreshList);

    retranslate();
    fixTabOrder();
    m_form->setEnabled(false); // until the schools are read and a draft is offered
    readContext();
    refreshList();
}

CounterWindow::~CounterWindow()
{
    shutdown();
}

QWidget* CounterWindow::buildListPane()
{
    auto* pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("counterListPane"));
    pane->setMinimumWidth(300);
    m_listTitle = new QLabel(pane);
    QFont bold = m_listTitle->font();
    bold.setBold(true);
    m_listTitle->setFont(bold);
    m_search = new QLineEdit(pane);
    m_search->setObjectName(QStringLiteral("counterSearch"));
    m_search->setClearButtonEnabled(true);
    m_searchLabel = new QLabel(pane);
    m_searchLabel->setBuddy(m_search);
    m_searchMessage = new QLabel(pane);
    m_searchMessage->setObjectName(QStringLiteral("counterSearchMessage"));
    m_searchMessage->setWordWrap(true);
    m_searchMessage->hide();
    m_model = new CounterListModel(this);
    m_table = new QTableView(pane);
    m_table->setObjectName(QStringLiteral("counterList"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_allDays = new QCheckBox(pane);
    m_allDays->setObjectName(QStringLiteral("counterAllDays"));
    m_reprint = new QPushButton(pane);
    m_reprint->setObjectName(QStringLiteral("counterReprint"));
    m_reprint->setAutoDefault(false);
    m_reprint->setEnabled(false);

    auto* searchLine = new QHBoxLayout;
    searchLine->addWidget(m_searchLabel);
    searchLine->addWidget(m_search, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_allDays);
    buttons->addStretch(1);
    buttons->addWidget(m_reprint);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(8, 8, 4, 8);
    layout->addWidget(m_listTitle);
    layout->addLayout(searchLine);
    layout->addWidget(m_searchMessage);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_search, &QLineEdit::returnPressed, this, &CounterWindow::search);
    connect(m_allDays, &QCheckBox::toggled, this, [this] {
        retranslate();
        refreshList();
    });
    connect(m_reprint, &QPushButton::clicked, this, &CounterWindow::reprint);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { m_reprint->setEnabled(current.isValid()); });
    return pane;
}

QWidget* CounterWindow::buildFormPane()
{
    auto* pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("counterFormPane"));
    m_form = new CounterForm;
    m_formScroll = new QScrollArea(pane);
    m_formScroll->setObjectName(QStringLiteral("counterFormScroll"));
    m_formScroll->setWidgetResizable(true);
    m_formScroll->setFrameShape(QFrame::NoFrame);
    m_formScroll->setWidget(m_form);
    m_formScroll->setMinimumWidth(520);

    m_message = new QLabel(pane);
    m_message->setObjectName(QStringLiteral("counterMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();
    m_english = new QCheckBox(pane);
    m_english->setObjectName(QStringLiteral("counterEnglishReceipt"));
    m_output = new QComboBox(pane);
    m_output->setObjectName(QStringLiteral("counterReceiptOutput"));
    m_outputLabel = new QLabel(pane);
    m_outputLabel->setBuddy(m_output);
    m_new = new QPushButton(pane);
    m_new->setObjectName(QStringLiteral("counterNew"));
    m_new->setAutoDefault(false);
    m_save = new QPushButton(pane);
    m_save->setObjectName(QStringLiteral("counterSave"));
    m_save->setAutoDefault(false);
    QFont bold = m_save->font();
    bold.setBold(true);
    m_save->setFont(bold);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_english);
    bar->addSpacing(12);
    bar->addWidget(m_outputLabel);
    bar->addWidget(m_output);
    bar->addStretch(1);
    bar->addWidget(m_new);
    bar->addWidget(m_save);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(4, 0, 4, 8);
    layout->addWidget(m_formScroll, 1);
    layout->addWidget(m_message);
    layout->addLayout(bar);

    connect(m_save, &QPushButton::clicked, this, &CounterWindow::save);
    connect(m_new, &QPushButton::clicked, this, &CounterWindow::newApplication);
    connect(m_output, &QComboBox::activated, this, [this] {
        QSettings().setValue(kOutputSetting, m_output->currentData().toString());
        retranslate();
    });
    return pane;
}

QWidget* CounterWindow::buildSidePane()
{
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("counterSidePane"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(280);
    auto* side = new QWidget;
    m_check = new CounterCheckPanel(side);
    m_lookup = new CounterLookupPanel(side);
    auto* layout = new QVBoxLayout(side);
    layout->setContentsMargins(4, 8, 8, 8);
    layout->addWidget(m_check);
    layout->addWidget(m_lookup);
    layout->addStretch(1);
    scroll->setWidget(side);
    return scroll;
}

void CounterWindow::retranslate()
{
    updateTitle();
    m_listTitle->setText(m_allDays->isChecked() ? tr("Applications taken at this counter")
                                                : tr("Today's applications at this counter"));
    m_searchLabel->setText(tr("&Find:"));
    m_search->setPlaceholderText(tr("Local number or platform id; scan the receipt's QR code"));
    m_search->setToolTip(tr("Type or scan a local number and press Enter (Ctrl+F comes here)"));
    m_allDays->setText(tr("Earlier da&ys too"));
    m_reprint->setText(tr("&Reprint receipt"));
    m_english->setText(tr("&English receipt"));
    m_english->setToolTip(tr("The receipt is in Chinese unless this is ticked."));
    m_outputLabel->setText(tr("Recei&pt:"));
    const QString output = m_output->count() > 0 ? m_output->currentData().toString()
                                                 : QSettings().value(kOutputSetting, kPrint).toString();
    {
        const QSignalBlocker block(m_output);
        m_output->clear();
        m_output->addItem(tr("Print"), kPrint);
        m_output->addItem(tr("Save as PDF"), kPdf);
        m_output->setCurrentIndex(std::max(0, m_output->findData(output)));
    }
    m_new->setText(tr("Ne&w application"));
    m_new->setToolTip(tr("A new application for the next family (Ctrl+N)"));
    m_save->setText(m_output->currentData().toString() == kPdf ? tr("&Save and write receipt PDF")
                                                               : tr("&Save and print receipt"));
    m_save->setToolTip(tr("Checks, saves in the cache's outbox and makes the receipt (Ctrl+S)"));
    m_saveAction->setText(tr("Save and make the receipt"));
    m_newAction->setText(tr("New application"));
    m_findAction->setText(tr("Find a local number"));
    m_model->retranslate();
}

void CounterWindow::updateTitle()
{
    const QString school = m_form ? m_form->schoolName() : QString();
    setWindowTitle(school.isEmpty() ? tr("Counter intake") : tr("Counter intake — %1").arg(school));
}

// Tab follows the paper form top to bottom, then the receipt and the buttons, then the list and the lookup.
void CounterWindow::fixTabOrder()
{
    QList<QWidget*> chain = m_form->tabChain();
    chain << m_english << m_output << m_save << m_new << m_search << m_allDays << m_table << m_reprint;
    for (const char* name : {"lookupResults", "takeAddress", "takeMember"})
        if (auto* w = m_lookup->findChild<QWidget*>(QLatin1String(name)))
            chain << w;
    for (int i = 0; i + 1 < chain.size(); ++i)
        QWidget::setTabOrder(chain.at(i), chain.at(i + 1));
}

void CounterWindow::showMessage(const QString& text, Tone tone)
{
    static const char* colours[] = {"", "#2e7d32", "#8a5a00", "#b00020"};
    m_message->setStyleSheet(tone == Tone::Plain ? QString()
                                                 : QStringLiteral("color: %1;").arg(QLatin1String(colours[int(tone)])));
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void CounterWindow::readContext()
{
    m_reads->run<ContextResult>(
        [](const views::CacheView* cache) -> ContextResult {
            if (!cache)
                return closedCache();
            return views::readCounterContext(*cache);
        },
        this,
        [this](ContextResult context) {
            if (!context) {
                showMessage(tr("The schools of this workstation cannot be read: %1").arg(context.error().message),
                            Tone::Error);
                return;
            }
            if (context->schools.isEmpty())
                showMessage(tr("This workstation holds no school yet: sync with the city platform first."),
                            Tone::Warning);
            m_form->setContext(*context, m_user);
            m_check->setSchools(context->schools);
            fixTabOrder();
            updateTitle();
            offerDraft();
        });
}

// An application typed before a crash, a kill or a closed window is offered back once, before typing.
void CounterWindow::offerDraft()
{
    if (!m_service)
        return;
    m_service->takeDraft(this, [this](Result<std::optional<sync::CounterApplication>> draft) {
        if (!draft) {
            showMessage(tr("A draft left from before cannot be read: %1").arg(draft.error().message), Tone::Warning);
        } else if (draft->has_value()) {
            const sync::CounterApplication& a = **draft;
            QString text = tr("An application typed earlier was not saved: continue it?");
            if (!a.child.name.isEmpty())
                text += u'\n' + tr("Child: %1").arg(a.child.name);
            const int answer =
                m_prompter.choose(this, tr("Unsaved application"), text, {tr("&Continue it"), tr("&Discard it")}, 0);
            if (answer == 1) {
                if (m_service)
                    m_service->clearDraft(this);
            } else {
                m_form->setApplication(a);
                showMessage(tr("The application typed earlier is back in the form."));
            }
        }
        m_ready = true;
        m_form->setEnabled(true);
        fixTabOrder();
        m_form->focusFirstField();
        m_check->showProblems(m_form->hasTypedText() ? int(m_form->problems().size()) : -1);
        runCheck();
        Q_EMIT ready();
    });
}

void CounterWindow::edited()
{
    if (!m_ready)
        return;
    m_draftDirty = true;
    m_draftTimer.start();
    m_checkTimer.start();
    m_check->showProblems(int(m_form->problems().size()));
}

void CounterWindow::keepDraftNow()
{
    m_draftTimer.stop();
    if (!m_service || !m_ready || !std::exchange(m_draftDirty, false))
        return;
    if (!m_form->hasTypedText()) { // everything typed was taken back
        m_service->clearDraft(this);
        return;
    }
    m_service->keepDraft(m_form->application(), this, [this](Status kept) {
        if (kept)
            Q_EMIT draftKept();
        else
            showMessage(tr("What is typed could not be kept as a draft: %1").arg(kept.error().message), Tone::Warning);
    });
}

void CounterWindow::runCheck()
{
    m_checkTimer.stop();
    if (!m_checks || !m_ready)
        return;
    const quint64 generation = ++m_checkGeneration;
    const sync::CounterApplication application = m_form->application();
    const QList<AgencyRecord> records = lookedUp();
    m_checks->run<PreviewResult>(
        [application, records](const views::CacheView* cache) -> PreviewResult {
            if (!cache)
                return closedCache();
            return views::readCounterPreview(*cache, application, records);
        },
        this,
        [this, generation, claimed = application.claimedCategory](PreviewResult preview) {
            if (generation != m_checkGeneration)
                return; // typed on since: a newer check comes
            if (!preview) {
                m_check->showError(preview.error().message);
                return;
            }
            m_form->showPreview(*preview);
            m_check->showPreview(*preview, claimed);
            Q_EMIT previewShown();
        });
}

void CounterWindow::save()
{
    if (!m_ready || m_saving || !m_service)
        return;
    m_draftTimer.stop();
    const QList<sync::FieldProblem> problems = m_form->showProblemsForSave();
    m_check->showProblems(int(problems.size()));
    if (!problems.isEmpty()) {
        showMessage(tr("Not saved: %1").arg(problems.first().message), Tone::Error);
        if (m_draftDirty)
            m_draftTimer.start();
        return;
    }
    m_saving = true;
    QPointer<QWidget> focus = QApplication::focusWidget();
    m_form->setEnabled(false); // nothing typed while it is saved is lost to the form's clearing
    showMessage(tr("Saving…"));
    m_service->save(m_form->application(), this, [this, focus](Result<sync::CounterRecord> saved) {
        m_saving = false;
        m_form->setEnabled(true);
        if (!saved) {
            showMessage(tr("Not saved: %1").arg(saved.error().message), Tone::Error);
            if (focus)
                focus->setFocus(Qt::OtherFocusReason);
            m_draftDirty = true;
            m_draftTimer.start();
            return;
        }
        const QString ref = saved->clientRef;
        // The next family: the draft went with the save (one transaction).
        m_draftDirty = false;
        m_draftTimer.stop();
        m_checkTimer.stop();
        ++m_checkGeneration;
        ++m_lookupGeneration;
        m_form->clear();
        m_lookedUp.clear();
        m_lookup->clear();
        m_check->clear();
        m_selectAfterList = ref;
        refreshList();
        showMessage(tr("Saved as %1. It waits in the outbox until the next sync uploads it.").arg(ref), Tone::Ok);
        m_form->focusFirstField();
        Q_EMIT this->saved(ref);
        makeReceipt(ref, false);
    });
}

void CounterWindow::newApplication()
{
    if (!m_ready)
        return; // the window is opening: a draft left from before is offered first
    if (m_form->hasTypedText()) {
        const int answer =
            m_prompter.choose(this, tr("Start a new application?"),
                              tr("What is typed for this family is not saved. Discard it and start a new application?"),
                              {tr("&Discard and start anew"), tr("&Keep typing")}, 1);
        if (answer != 0)
            return;
    }
    m_draftTimer.stop();
    m_draftDirty = false;
    ++m_checkGeneration;
    ++m_lookupGeneration;
    m_form->clear();
    m_lookedUp.clear();
    m_lookup->clear();
    m_check->clear();
    if (m_service)
        m_service->clearDraft(this);
    showMessage({});
    m_form->focusFirstField();
}

void CounterWindow::makeReceipt(const QString& clientRef, bool reprint)
{
    if (!m_service)
        return;
    const bool english = m_english->isChecked();
    const bool pdf = m_output->currentData().toString() == kPdf;
    m_service->receipt(
        clientRef, reprint, this, [this, clientRef, english, pdf, reprint](Result<views::CounterReceiptData> data) {
            if (!data) {
                showMessage(tr("No receipt for %1: %2").arg(clientRef, data.error().message), Tone::Error);
                return;
            }
            const views::ReceiptLanguage language =
                english ? views::ReceiptLanguage::English : views::ReceiptLanguage::Chinese;
            const QString saved = reprint ? QString() : tr("Saved as %1.").arg(clientRef) + u' ';
            QString path;
            if (pdf) {
                QSettings settings;
                const QString folder =
                    settings.value(kFolderSetting, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                        .toString();
                const std::optional<QString> chosen = m_counterPrompter.askReceiptPdfPath(
                    this, QDir(folder).filePath(QStringLiteral("receipt-%1.pdf").arg(clientRef)));
                if (!chosen) {
                    showMessage(saved + tr("No receipt was written: reprint it from the list."), Tone::Warning);
                    return;
                }
                path = *chosen;
                if (Status written = views::CounterReceipt::writePdf(*data, path, language); !written) {
                    showMessage(saved + written.error().message, Tone::Error);
                    return;
                }
                settings.setValue(kFolderSetting, QFileInfo(path).absolutePath());
                showMessage(saved + tr("The receipt is in %1.").arg(QDir::toNativeSeparators(path)), Tone::Ok);
            } else {
                QPrinter printer(QPrinter::HighResolution);
                printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A5), QPageLayout::Portrait,
                                                  QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
                printer.setDocName(tr("Receipt %1").arg(clientRef));
                if (!m_counterPrompter.askPrint(this, printer)) {
                    showMessage(saved + tr("The receipt was not printed: reprint it from the list."), Tone::Warning);
                    return;
                }
                if (Status printed = views::CounterReceipt::paint(printer, *data, language); !printed) {
                    showMessage(saved + printed.error().message, Tone::Error);
                    return;
                }
                showMessage(saved + tr("The receipt is printed."), Tone::Ok);
            }
            m_english->setChecked(false); // the next family gets the Chinese receipt again
            Q_EMIT receiptDone(clientRef, path);
        });
}

void CounterWindow::refreshList()
{
    if (!m_reads)
        return;
    const quint64 generation = ++m_listGeneration;
    const bool allDays = m_allDays->isChecked();
    const QDate day = allDays ? QDate() : QDate::currentDate();
    m_reads->run<ListResult>(
        [day](const views::CacheView* cache) -> ListResult {
            if (!cache)
                return closedCache();
            return views::readCounterList(*cache, day);
        },
        this,
        [this, generation, allDays](ListResult list) {
            if (generation != m_listGeneration)
                return;
            if (!list) {
                m_searchMessage->setText(tr("The counter list cannot be read: %1").arg(list.error().message));
                m_searchMessage->show();
                return;
            }
            const QString keep = !m_selectAfterList.isEmpty() ? std::exchange(m_selectAfterList, QString())
                                                              : m_model->clientRefAt(m_table->currentIndex().row());
            m_model->setRecords(*list, allDays);
            m_table->resizeColumnsToContents();
            m_table->horizontalHeader()->setStretchLastSection(true);
            if (const int row = m_model->rowOf(keep); row >= 0)
                selectRow(row);
            m_reprint->setEnabled(m_table->currentIndex().isValid());
            Q_EMIT listShown();
        });
}

void CounterWindow::selectRow(int row)
{
    const QModelIndex index = m_model->index(row, 0);
    m_table->setCurrentIndex(index);
    m_table->selectRow(row);
    m_table->scrollTo(index);
    m_reprint->setEnabled(true);
}

// A local number typed or scanned (a scanner types it and presses Enter): its row is selected; one taken
// on an earlier day shows the list of every day.
void CounterWindow::search()
{
    const QString text = m_search->text().trimmed();
    m_search->selectAll(); // the next scan replaces it
    m_searchMessage->hide();
    if (text.isEmpty())
        return;
    if (const int row = m_model->rowOf(text); row >= 0) {
        selectRow(row);
        return;
    }
    if (!m_reads)
        return;
    m_reads->run<FoundResult>(
        [text](const views::CacheView* cache) -> FoundResult {
            if (!cache)
                return closedCache();
            return views::findCounterApplication(*cache, text);
        },
        this,
        [this, text](FoundResult found) {
            if (!found || !found->has_value()) {
                m_searchMessage->setText(
                    !found ? found.error().message
                           : tr("No application with the number %1 was taken at this workstation.").arg(text));
                m_searchMessage->show();
                return;
            }
            const QString ref = (*found)->clientRef;
            if (const int row = m_model->rowOf(ref); row >= 0) {
                selectRow(row);
                return;
            }
            m_selectAfterList = ref;
            if (m_allDays->isChecked())
                refreshList();
            else
                m_allDays->setChecked(true); // reads the list again
        });
}

void CounterWindow::reprint()
{
    const QString ref = m_model->clientRefAt(m_table->currentIndex().row());
    if (!ref.isEmpty())
        makeReceipt(ref, true);
}

void CounterWindow::lookup(const QString& person, const QString& idNumber)
{
    if (!m_service)
        return;
    const QString who = CounterForm::personLabel(person);
    const IdNumber id = IdNumber::parse(idNumber);
    if (!id.isValid()) {
        m_lookup->showError(who, idNumber.isEmpty() ? tr("type the ID number first.") : id.problemMessage());
        return;
    }
    m_lookup->showLooking(person, who);
    const quint64 generation = ++m_lookupGeneration;
    m_service->lookup(m_form->formId(), person, id.text(), this,
                      [this, generation, person, who, number = id.text()](Result<QList<AgencyRecord>> records) {
                          // What came is used by the check while the number typed is still the one looked up.
                          if (records && m_form->idNumberOf(person) == number) {
                              m_lookedUp.insert(person, *records);
                              m_checkTimer.start();
                          }
                          if (generation != m_lookupGeneration)
                              return;
                          if (!records)
                              m_lookup->showError(who, records.error().message);
                          else
                              m_lookup->showRecords(person, who, *records, m_form->idNumberOf(QStringLiteral("child")));
                      });
}

QList<AgencyRecord> CounterWindow::lookedUp() const
{
    QList<AgencyRecord> all;
    for (const QList<AgencyRecord>& records : m_lookedUp)
        all << records;
    return all;
}

void CounterWindow::shutdown()
{
    m_draftTimer.stop();
    m_checkTimer.stop();
    ++m_checkGeneration;
    ++m_listGeneration;
    ++m_lookupGeneration;
    m_ready = false;
    m_checks.reset();
    m_reads.reset();
    m_service.reset();
    if (m_session) {
        disconnect(m_session, nullptr, this, nullptr);
        m_session = nullptr;
    }
}

void CounterWindow::closeEvent(QCloseEvent* event)
{
    keepDraftNow(); // offered again when the window opens next
    QMainWindow::closeEvent(event);
}

void CounterWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

} // namespace adm::ui
