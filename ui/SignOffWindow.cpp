#include "SignOffWindow.h"

#include "Prompter.h"
#include "SignOffPrompter.h"
#include "views/Labels.h"
#include "views/ReaderThread.h"
#include "views/Session.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace adm::ui {

namespace {

QString styleFor(int tone)
{
    switch (tone) {
    case 1:
        return QStringLiteral("color: #1b5e20;");
    case 2:
        return QStringLiteral("color: #8a4b00; font-weight: bold;");
    case 3:
        return QStringLiteral("color: #b00020; font-weight: bold;");
    default:
        return {};
    }
}

QString when(const QDateTime& t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace

SignOffWindow::SignOffWindow(views::Session& session, Prompter& prompter, SignOffPrompter& signOffPrompter,
                             QWidget* parent)
    : QMainWindow(parent)
    , m_session(&session)
    , m_prompter(prompter)
    , m_signOffPrompter(signOffPrompter)
    , m_user(session.user())
    , m_service(std::make_unique<views::SignOffService>(session))
    , m_reads(std::make_unique<views::ReaderThread>(session.readers(), QStringLiteral("signoff-reads")))
{
    setObjectName(QStringLiteral("signOffWindow"));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("signOffSplitter"));
    splitter->addWidget(buildBatchPane());
    splitter->addWidget(buildReviewPane());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({420, 940});
    setCentralWidget(splitter);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("signOffMessage"));
    m_message->setWordWrap(true);
    statusBar()->addWidget(m_message, 1);

    auto action = [this](const QKeySequence& key, const char* name, auto slot) {
        auto* a = new QAction(this);
        a->setObjectName(QLatin1String(name));
        a->setShortcut(key);
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    action(QKeySequence::New, "signOffNewBatchAction", [this] { newBatch(); });
    action(QKeySequence::Refresh, "signOffRefreshAction", [this] { refresh(); });
    action(QKeySequence(Qt::CTRL | Qt::Key_W), "signOffCloseAction", [this] { close(); });

    connect(m_service.get(), &views::SignOffService::changed, this, &SignOffWindow::refresh);
    connect(&session, &views::Session::cacheChanged, this, [this] {
        if (!m_busy)
            refresh();
    });
    retranslate();
    updateActions();
    refresh();
    m_batches->setFocus();
}

SignOffWindow::~SignOffWindow()
{
    shutdown();
}

void SignOffWindow::shutdown()
{
    if (!m_session)
        return;
    disconnect(m_session, nullptr, this, nullptr);
    m_reads.reset();
    m_service.reset();
    m_session = nullptr;
    updateActions();
}

QWidget* SignOffWindow::buildBatchPane()
{
    auto* pane = new QWidget(this);
    auto* layout = new QVBoxLayout(pane);
    m_keyLine = new QLabel(pane);
    m_keyLine->setObjectName(QStringLiteral("signingKeyLine"));
    m_keyLine->setWordWrap(true);
    m_keyLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_keyLine);
    m_generateKey = new QPushButton(pane);
    m_generateKey->setObjectName(QStringLiteral("generateKeyButton"));
    connect(m_generateKey, &QPushButton::clicked, this, &SignOffWindow::generateKey);
    layout->addWidget(m_generateKey);
    m_batchesTitle = new QLabel(pane);
    m_batchesTitle->setStyleSheet(QStringLiteral("font-weight: bold;"));
    layout->addWidget(m_batchesTitle);
    m_batches = new QListWidget(pane);
    m_batches->setObjectName(QStringLiteral("batchList"));
    m_batches->setWordWrap(true);
    m_batches->setAlternatingRowColors(true);
    m_batches->setTextElideMode(Qt::ElideNone);
    m_batchesTitle->setBuddy(m_batches);
    connect(m_batches, &QListWidget::currentRowChanged, this, [this] {
        updateActions();
        readReview(selectedBatchId());
    });
    layout->addWidget(m_batches, 1);
    m_advice = new QLabel(pane);
    m_advice->setObjectName(QStringLiteral("batchAdvice"));
    m_advice->setWordWrap(true);
    m_advice->setStyleSheet(styleFor(2));
    layout->addWidget(m_advice);
    m_renew = new QPushButton(pane);
    m_renew->setObjectName(QStringLiteral("renewButton"));
    connect(m_renew, &QPushButton::clicked, this, &SignOffWindow::renewBatch);
    layout->addWidget(m_renew);
    m_candidates = new QLabel(pane);
    m_candidates->setObjectName(QStringLiteral("candidatesLabel"));
    m_candidates->setWordWrap(true);
    layout->addWidget(m_candidates);
    auto* row = new QHBoxLayout;
    m_newBatch = new QPushButton(pane);
    m_newBatch->setObjectName(QStringLiteral("newBatchButton"));
    connect(m_newBatch, &QPushButton::clicked, this, &SignOffWindow::newBatch);
    m_discard = new QPushButton(pane);
    m_discard->setObjectName(QStringLiteral("discardButton"));
    connect(m_discard, &QPushButton::clicked, this, &SignOffWindow::discardBatch);
    row->addWidget(m_newBatch);
    row->addWidget(m_discard);
    layout->addLayout(row);
    return pane;
}

QTreeWidget* SignOffWindow::makeTree(const char* name)
{
    auto* tree = new QTreeWidget(this);
    tree->setObjectName(QLatin1String(name));
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->setSelectionMode(QAbstractItemView::SingleSelection);
    tree->header()->setStretchLastSection(true);
    tree->installEventFilter(this);
    return tree;
}

QWidget* SignOffWindow::buildReviewPane()
{
    auto* pane = new QWidget(this);
    auto* layout = new QVBoxLayout(pane);
    m_reviewTitle = new QLabel(pane);
    m_reviewTitle->setObjectName(QStringLiteral("reviewTitle"));
    m_reviewTitle->setStyleSheet(QStringLiteral("font-size: 120%; font-weight: bold;"));
    m_reviewTitle->setWordWrap(true);
    layout->addWidget(m_reviewTitle);
    m_reviewState = new QLabel(pane);
    m_reviewState->setObjectName(QStringLiteral("reviewState"));
    m_reviewState->setWordWrap(true);
    layout->addWidget(m_reviewState);
    m_seats = new QLabel(pane);
    m_seats->setObjectName(QStringLiteral("seatsLabel"));
    m_seats->setWordWrap(true);
    m_seats->setTextFormat(Qt::PlainText);
    layout->addWidget(m_seats);
    m_seatsWarning = new QLabel(pane);
    m_seatsWarning->setObjectName(QStringLiteral("seatsWarning"));
    m_seatsWarning->setWordWrap(true);
    m_seatsWarning->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold; background: #fdecea; "
                                                 "padding: 4px;"));
    layout->addWidget(m_seatsWarning);
    m_relationWarning = new QLabel(pane);
    m_relationWarning->setObjectName(QStringLiteral("relationWarning"));
    m_relationWarning->setWordWrap(true);
    m_relationWarning->setStyleSheet(styleFor(3));
    layout->addWidget(m_relationWarning);
    m_unseen = new QLabel(pane);
    m_unseen->setObjectName(QStringLiteral("unseenLabel"));
    m_unseen->setWordWrap(true);
    layout->addWidget(m_unseen);

    m_tabs = new QTabWidget(pane);
    m_tabs->setObjectName(QStringLiteral("reviewTabs"));
    m_overrides = makeTree("overrideList");
    m_overrides->setColumnCount(6);
    m_flagged = makeTree("flaggedList");
    m_flagged->setColumnCount(4);
    m_related = makeTree("relatedList");
    m_related->setColumnCount(4);
    m_items = makeTree("itemList");
    m_items->setColumnCount(4);
    m_returned = makeTree("returnedList");
    m_returned->setColumnCount(4);
    for (QTreeWidget* t : {m_overrides, m_flagged, m_related, m_items, m_returned})
        m_tabs->addTab(t, QString());
    connect(m_tabs, &QTabWidget::currentChanged, this, &SignOffWindow::updateActions);
    layout->addWidget(m_tabs, 1);

    auto* row = new QHBoxLayout;
    m_return = new QPushButton(pane);
    m_return->setObjectName(QStringLiteral("returnButton"));
    connect(m_return, &QPushButton::clicked, this, &SignOffWindow::returnItem);
    m_export = new QPushButton(pane);
    m_export->setObjectName(QStringLiteral("exportButton"));
    connect(m_export, &QPushButton::clicked, this, &SignOffWindow::exportBatch);
    m_notice = new QPushButton(pane);
    m_notice->setObjectName(QStringLiteral("noticeButton"));
    connect(m_notice, &QPushButton::clicked, this, &SignOffWindow::writeNotice);
    m_sign = new QPushButton(pane);
    m_sign->setObjectName(QStringLiteral("signButton"));
    connect(m_sign, &QPushButton::clicked, this, &SignOffWindow::sign);
    row->addWidget(m_return);
    row->addStretch(1);
    row->addWidget(m_notice);
    row->addWidget(m_export);
    row->addWidget(m_sign);
    layout->addLayout(row);
    return pane;
}

void SignOffWindow::retranslate()
{
    setWindowTitle(tr("Sign-off — %1").arg(m_user));
    m_generateKey->setText(m_overview.key ? tr("&Generate a new signing key…") : tr("&Generate signing key…"));
    m_batchesTitle->setText(tr("&Batches"));
    m_renew->setText(tr("&Make again without the moved items"));
    m_newBatch->setText(tr("&New batch…"));
    m_discard->setText(tr("&Discard draft"));
    m_return->setText(tr("&Return to officer…"));
    m_export->setText(tr("E&xport…"));
    m_notice->setText(tr("&Public notice…"));
    m_notice->setToolTip(tr("The notice board's list (公示名单) of the children this signed batch admits, as a "
                            "PDF: names masked, no ID numbers, a QR code of the batch id and its digest."));
    m_sign->setText(tr("&Sign…"));
    m_overrides->setHeaderLabels({tr("Application"), tr("Decision"), tr("Why it is an override"), tr("Officer"),
                                  tr("Officer's reason"), tr("Seen")});
    m_flagged->setHeaderLabels({tr("Application"), tr("Decision"), tr("Flags"), tr("Officer")});
    m_related->setHeaderLabels({tr("Application"), tr("Decision"), tr("Declared by"), tr("Decided by")});
    m_items->setHeaderLabels({tr("Application"), tr("Decision"), tr("Officer"), tr("Decided")});
    m_returned->setHeaderLabels({tr("Application"), tr("Decision"), tr("Note for the officer"), tr("Returned")});
    showOverview();
    showReview();
}

void SignOffWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

bool SignOffWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_overrides && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier) {
            markCurrentSeen();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

QString SignOffWindow::message() const
{
    return m_message->text();
}

void SignOffWindow::showMessage(const QString& text, Tone tone)
{
    m_message->setText(text);
    m_message->setStyleSheet(styleFor(int(tone)));
}

void SignOffWindow::refresh()
{
    if (!m_reads)
        return;
    const quint64 generation = ++m_overviewGeneration;
    const QString user = m_user;
    m_reads->run<Result<views::SignOffOverview>>(
        [user](const views::CacheView* cache) -> Result<views::SignOffOverview> {
            if (!cache)
                return Error{QStringLiteral("closed"), SignOffWindow::tr("The cache cannot be read.")};
            return views::readSignOffOverview(*cache, user);
        },
        this,
        [this, generation](Result<views::SignOffOverview> read) {
            if (generation != m_overviewGeneration)
                return;
            if (!read) {
                showMessage(read.error().message, Tone::Error);
                return;
            }
            const QString keep = m_selectAfterRead.isEmpty() ? selectedBatchId() : m_selectAfterRead;
            m_selectAfterRead.clear();
            m_overview = *read;
            showOverview();
            int row = m_batches->count() > 0 ? 0 : -1;
            for (int i = 0; i < m_batches->count(); ++i)
                if (m_batches->item(i)->data(kIdRole).toString() == keep)
                    row = i;
            const bool same = row >= 0 && m_batches->currentRow() == row;
            {
                const QSignalBlocker blocker(m_batches);
                m_batches->setCurrentRow(row);
            }
            updateActions();
            readReview(row >= 0 ? m_batches->item(row)->data(kIdRole).toString() : QString());
            Q_UNUSED(same);
            Q_EMIT overviewShown();
        });
}

QString SignOffWindow::stateSentence(const sync::BatchSummary& b) const
{
    using namespace sync::batchstate;
    if (b.state == Draft)
        return b.unseen > 0 ? tr("Draft, not signed: %n override(s) still to mark seen.", nullptr, b.unseen)
                            : tr("Draft, not signed yet.");
    if (b.state == Signed)
        return tr("Signed %1; it goes to the city platform at the next sync.").arg(when(b.signedAt));
    if (b.state == Sent)
        return tr("Sent to the city platform; its answer has not come yet.");
    if (b.state == Accepted)
        return tr("Accepted by the city platform.");
    if (b.state == Conflict)
        return b.replacedBy.isEmpty()
                   ? tr("Refused: application %1 moved on at the city platform since you signed.").arg(b.resultId)
                   : tr("Refused as a conflict; made again as a new draft.");
    if (b.state == Invalid)
        return b.replacedBy.isEmpty() ? tr("Refused: the city platform could not accept it (%1).").arg(b.resultCode)
                                      : tr("Refused; made again as a new draft.");
    return b.state;
}

QString SignOffWindow::decisionText(const sync::SignOffDecision& d) const
{
    if (d.outcome == QLatin1String("approve"))
        return tr("Approve, category %1").arg(d.category);
    return tr("Reject");
}

QString SignOffWindow::overrideText(const sync::SignOffDecision& d) const
{
    namespace k = sync::overridekind;
    if (d.overrideKind == k::CategoryChanged)
        return tr("The check found category %1").arg(d.checkCategory);
    if (d.overrideKind == k::ApprovedNotEligible)
        return tr("The check found no category");
    if (d.overrideKind == k::RejectedEligible)
        return tr("The check found category %1").arg(d.checkCategory);
    if (d.overrideKind == k::NotChecked)
        return tr("Approved without a check result");
    return {};
}

void SignOffWindow::showOverview()
{
    const views::SignOffOverview& o = m_overview;
    if (o.account.isEmpty())
        m_keyLine->setText(tr("No city platform account is known for you on this workstation: sign in to the "
                              "city platform once, then sign batches."));
    else if (o.key)
        m_keyLine->setText(
            tr("Signing key (%1): fingerprint %2. %3")
                .arg(o.key->algorithm == QLatin1String("sm2-sm3") ? tr("SM2 with SM3") : QStringLiteral("Ed25519"),
                     o.key->fingerprint,
                     o.key->registered ? tr("Registered with the city platform.")
                                       : tr("Goes to the city platform at the next sync.")));
    else
        m_keyLine->setText(tr("You have no signing key yet: generate one before you sign."));
    m_generateKey->setText(o.key ? tr("&Generate a new signing key…") : tr("&Generate signing key…"));
    m_generateKey->setVisible(!o.key);
    const QString keep = selectedBatchId();
    {
        const QSignalBlocker blocker(m_batches);
        m_batches->clear();
        for (const sync::BatchSummary& b : o.batches) {
            auto* item = new QListWidgetItem(
                tr("%1\n%n decision(s) · %2", nullptr, b.items).arg(b.title, stateSentence(b)), m_batches);
            item->setData(kIdRole, b.id);
            item->setToolTip(b.advice);
            if (b.id == keep)
                m_batches->setCurrentItem(item);
        }
    }
    const int approvals = int(o.candidates.value(QStringLiteral("approve")).size());
    const int rejections = int(o.candidates.value(QStringLiteral("reject")).size());
    if (o.schoolId.isEmpty())
        m_candidates->setText(tr("The cache holds no application of your school yet: sync first."));
    else
        m_candidates->setText(tr("Decisions accepted by the city platform and in no batch: %1 approvals, %2 "
                                 "rejections.")
                                  .arg(approvals)
                                  .arg(rejections));
    updateActions();
}

void SignOffWindow::readReview(const QString& batchId)
{
    if (!m_reads)
        return;
    const quint64 generation = ++m_reviewGeneration;
    if (batchId.isEmpty()) {
        m_review.reset();
        showReview();
        return;
    }
    m_reads->run<Result<sync::BatchReview>>(
        [batchId](const views::CacheView* cache) -> Result<sync::BatchReview> {
            if (!cache)
                return Error{QStringLiteral("closed"), SignOffWindow::tr("The cache cannot be read.")};
            return views::readBatchReview(*cache, batchId);
        },
        this,
        [this, generation, batchId](Result<sync::BatchReview> read) {
            if (generation != m_reviewGeneration)
                return;
            if (!read) {
                m_review.reset();
                showMessage(read.error().message, Tone::Error);
            } else {
                m_review = *read;
            }
            showReview();
            Q_EMIT reviewShown(batchId);
        });
}

void SignOffWindow::showReview()
{
    // Keeps the current row of each list across a new read.
    auto currentOf = [](QTreeWidget* t) {
        return t->currentItem() ? t->currentItem()->data(0, kIdRole).toString() : QString();
    };
    const QString current[] = {currentOf(m_overrides), currentOf(m_flagged), currentOf(m_related), currentOf(m_items),
                               currentOf(m_returned)};
    for (QTreeWidget* t : {m_overrides, m_flagged, m_related, m_items, m_returned})
        t->clear();
    if (!m_review) {
        m_reviewTitle->setText(m_batches->count() == 0 ? tr("No batch yet: make one with New batch… (Ctrl+N).")
                                                       : tr("Choose a batch on the left."));
        for (QLabel* l : {m_reviewState, m_seats, m_seatsWarning, m_relationWarning, m_unseen})
            l->clear();
        m_seatsWarning->hide();
        m_relationWarning->hide();
        for (int i = 0; i < m_tabs->count(); ++i)
            m_tabs->setTabText(i, QString());
        updateActions();
        return;
    }
    const sync::BatchReview& r = *m_review;
    const sync::BatchSummary& b = r.batch;
    m_reviewTitle->setText(tr("%1 — made by %2 on %3").arg(b.title, b.createdBy, when(b.createdAt)));
    QString state = stateSentence(b);
    if (!b.fingerprint.isEmpty())
        state += QLatin1Char(' ') + tr("Signed with the key %1.").arg(b.fingerprint);
    m_reviewState->setText(state);

    QStringList seatLines;
    if (r.seats.capacity > 0)
        seatLines
            << tr("%1: %2 approved for %3 seats.").arg(r.seats.schoolName).arg(r.seats.approved).arg(r.seats.capacity);
    else
        seatLines
            << tr("%1: %2 approved; the number of seats is not known.").arg(r.seats.schoolName).arg(r.seats.approved);
    for (const sync::SeatLine& l : r.seats.categories)
        seatLines << tr("Category %1: %2 in this batch, %3 approved in all; with the categories before it %4 "
                        "seats taken%5")
                         .arg(l.category)
                         .arg(l.inBatch)
                         .arg(l.approved)
                         .arg(l.cumulative)
                         .arg(l.over ? tr(" — over capacity") : QString());
    m_seats->setText(seatLines.join(QLatin1Char('\n')));
    m_seatsWarning->setText(r.seats.warning.isEmpty() && r.seats.over() ? tr("Over capacity.") : r.seats.warning);
    m_seatsWarning->setVisible(r.seats.over() || !r.seats.warning.isEmpty());

    auto add = [](QTreeWidget* t, const sync::BatchItem& i, const QStringList& columns) {
        auto* row = new QTreeWidgetItem(t, columns);
        row->setData(0, kIdRole, i.applicationId);
        return row;
    };
    const QList<sync::BatchItem> overrides = r.overrides();
    int unseen = 0;
    for (const sync::BatchItem& i : overrides) {
        // The reason as the officer chose it from the list (its label in this language), then the note.
        QString reason = i.reasonCode.isEmpty() ? QString() : views::labels::reason(i.reasonCode, i.outcome);
        if (!i.note.isEmpty())
            reason += (reason.isEmpty() ? QString() : QStringLiteral(": ")) + i.note;
        auto* row = add(m_overrides, i,
                        {i.applicationId, decisionText(i), overrideText(i), i.decidedBy, reason,
                         i.seenAt.isValid() ? tr("Seen") : tr("Not seen yet")});
        row->setToolTip(4, reason);
        if (!i.seenAt.isValid()) {
            ++unseen;
            QFont f = row->font(5);
            f.setBold(true);
            row->setFont(5, f);
        }
    }
    for (const sync::BatchItem& i : r.flaggedApprovals())
        add(m_flagged, i, {i.applicationId, decisionText(i), i.flags.join(QStringLiteral(", ")), i.decidedBy});
    bool mine = false;
    QStringList mineIds;
    for (const sync::BatchItem& i : r.related()) {
        add(m_related, i,
            {i.applicationId, decisionText(i), i.declaredBy.join(QStringLiteral(", ")),
             i.decidedByDeclarant ? tr("%1 — who declared a relationship").arg(i.decidedBy) : i.decidedBy});
        if (i.declaredBy.contains(m_user)) {
            mine = true;
            mineIds << i.applicationId;
        }
    }
    for (const sync::BatchItem& i : r.items)
        add(m_items, i, {i.applicationId, decisionText(i), i.decidedBy, when(i.decidedAt)});
    for (const sync::BatchItem& i : r.returned)
        add(m_returned, i, {i.applicationId, decisionText(i), i.returnedNote, when(i.returnedAt)});
    m_relationWarning->setText(
        mine ? tr("You declared a relationship to a person on %1: return it to the officer; someone else signs it.")
                   .arg(mineIds.join(QStringLiteral(", ")))
             : QString());
    m_relationWarning->setVisible(mine);
    if (b.state == sync::batchstate::Draft)
        m_unseen->setText(unseen > 0 ? tr("Mark each override seen (Space on its row): %n left.", nullptr, unseen)
                                     : tr("Every override was seen. The batch can be signed."));
    else
        m_unseen->clear();
    m_tabs->setTabText(0, tr("&Overrides (%1)").arg(overrides.size()));
    m_tabs->setTabText(1, tr("&Flagged approvals (%1)").arg(m_flagged->topLevelItemCount()));
    m_tabs->setTabText(2, tr("Declared re&lationships (%1)").arg(m_related->topLevelItemCount()));
    m_tabs->setTabText(3, tr("&All items (%1)").arg(r.items.size()));
    m_tabs->setTabText(4, tr("Re&turned (%1)").arg(r.returned.size()));
    int t = 0;
    for (QTreeWidget* tree : {m_overrides, m_flagged, m_related, m_items, m_returned}) {
        const QString& id = current[t++];
        QTreeWidgetItem* select = tree->topLevelItemCount() > 0 ? tree->topLevelItem(0) : nullptr;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            if (tree->topLevelItem(i)->data(0, kIdRole).toString() == id)
                select = tree->topLevelItem(i);
        if (select)
            tree->setCurrentItem(select);
        for (int c = 0; c + 1 < tree->columnCount(); ++c)
            tree->resizeColumnToContents(c);
    }
    updateActions();
}

QString SignOffWindow::selectedBatchId() const
{
    const QListWidgetItem* item = m_batches->currentItem();
    return item ? item->data(kIdRole).toString() : QString();
}

std::optional<sync::BatchSummary> SignOffWindow::selectedBatch() const
{
    const QString id = selectedBatchId();
    for (const sync::BatchSummary& b : m_overview.batches)
        if (b.id == id)
            return b;
    return std::nullopt;
}

QString SignOffWindow::currentItemId() const
{
    auto* tree = qobject_cast<QTreeWidget*>(m_tabs->currentWidget());
    if (!tree || tree == m_returned || !tree->currentItem())
        return {};
    return tree->currentItem()->data(0, kIdRole).toString();
}

} // namespace adm::ui
