#include "DetailPane.h"

#include "CurrentApplication.h"
#include "DetailSections.h"
#include "NotesSection.h"
#include "views/RecordTreeModel.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QVBoxLayout>

namespace adm::ui {

DetailPane::DetailPane(QWidget* parent)
    : QScrollArea(parent)
    , m_records(new views::RecordTreeModel(this))
{
    setObjectName(QStringLiteral("detailPane"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setMinimumWidth(440);
    setFocusPolicy(Qt::StrongFocus); // F6 brings the keys here
    m_busy = new QLabel(this);
    m_busy->setObjectName(QStringLiteral("detailBusy"));
    m_busy->setStyleSheet(QStringLiteral("QLabel { background: palette(window); border: 1px solid palette(mid); "
                                         "border-radius: 3px; padding: 2px 8px; }"));
    m_busy->hide();
    m_busyDelay.setSingleShot(true);
    m_busyDelay.setInterval(300);
    connect(&m_busyDelay, &QTimer::timeout, this, [this] { showBusy(true); });
    clear();
}

void DetailPane::showBusy(bool busy)
{
    if (!busy || m_loadingId.isEmpty()) {
        m_busyDelay.stop();
        m_busy->hide();
        return;
    }
    m_busy->setText(tr("Reading %1…").arg(m_loadingId));
    m_busy->adjustSize();
    m_busy->move(width() - m_busy->width() - 24, 6);
    m_busy->raise();
    m_busy->show();
}

DetailPane::~DetailPane() = default;

QWidget* DetailPane::message(const QString& text)
{
    auto* w = new QWidget;
    auto* layout = new QVBoxLayout(w);
    auto* label = new QLabel(text, w);
    label->setObjectName(QStringLiteral("detailMessage"));
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setStyleSheet(QStringLiteral("color: palette(dark);"));
    layout->addWidget(label, 1);
    return w;
}

void DetailPane::setContent(QWidget* content)
{
    if (QWidget* old = takeWidget())
        old->deleteLater();
    setWidget(content);
}

void DetailPane::follow(CurrentApplication* current)
{
    connect(current, &CurrentApplication::chosen, this, [this](const QString& id, CurrentApplication::Place place) {
        setOutsideQueue(place == CurrentApplication::Place::OutsideQueue);
        showLoading(id);
    });
    connect(current, &CurrentApplication::detailRead, this, &DetailPane::showDetail);
    connect(current, &CurrentApplication::readFailed, this,
            [this](const QString&, const QString& message) { showError(message); });
    connect(current, &CurrentApplication::cleared, this, &DetailPane::clear);
}

void DetailPane::setOutsideQueue(bool outside)
{
    m_outsideQueue = outside;
}

void DetailPane::clear()
{
    m_outsideQueue = false;
    m_detail.reset();
    m_loadingId.clear();
    showBusy(false);
    m_revealed.clear();
    m_records->clear();
    setContent(message(tr("Choose an application in the queue.")));
}

void DetailPane::showLoading(const QString& applicationId)
{
    m_loadingId = applicationId;
    if (m_detail) {
        // Moving through the queue: the previous one stays as it is until this one is read, so that
        // the pane neither flickers nor greys with every key; a slow read gets a small note.
        if (m_detail->application.id != applicationId && !m_busyDelay.isActive() && !m_busy->isVisible())
            m_busyDelay.start();
        return;
    }
    setContent(message(tr("Reading %1…").arg(applicationId)));
}

void DetailPane::showError(const QString& text)
{
    showBusy(false);
    m_detail.reset();
    m_records->clear();
    setContent(message(text));
}

QString DetailPane::applicationId() const
{
    return !m_loadingId.isEmpty() ? m_loadingId : m_detail ? m_detail->application.id : QString();
}

void DetailPane::showDetail(const views::ApplicationDetail& detail)
{
    if (!m_detail || m_detail->application.id != detail.application.id) {
        m_revealed.clear();
        m_scrollToTop = true; // another applicant: read from the top, not where the last one was left
    }
    m_detail = detail;
    m_loadingId.clear();
    showBusy(false);
    rebuild();
}

void DetailPane::setDecisionsOffered(bool offered)
{
    if (offered == m_decisionsOffered)
        return;
    m_decisionsOffered = offered;
    if (m_detail)
        rebuild();
}

void DetailPane::revealIdNumber(int position)
{
    m_revealed.insert(position);
    rebuild();
}

void DetailPane::rebuild()
{
    if (!m_detail)
        return;
    const int scroll = std::exchange(m_scrollToTop, false) ? 0 : verticalScrollBar()->value();
    const views::ApplicationDetail& d = *m_detail;
    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("detailContent"));
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 8, 12, 12);
    if (m_outsideQueue)
        layout->addWidget(outsideQueueBanner(content));
    if (d.declaredRelation) {
        auto* banner = new QLabel(relationRefusal(), content);
        banner->setObjectName(QStringLiteral("declaredRelationBanner"));
        banner->setWordWrap(true);
        banner->setStyleSheet(
            QStringLiteral("background: #fdecea; color: #8a0015; border: 1px solid #e0a0a0; padding: 6px;"));
        layout->addWidget(banner);
    }
    if (d.returned)
        layout->addWidget(returnedBanner(*d.returned, content));
    layout->addWidget(sections::summary(d, content));
    layout->addWidget(sections::title(tr("Child and guardians"), content));
    layout->addWidget(sections::people(d, m_revealed, this, content));
    if (!d.conflicts.isEmpty()) {
        layout->addWidget(sections::title(tr("Decision not taken by the city platform"), content));
        layout->addWidget(sections::conflicts(d, this, content));
    }
    layout->addWidget(sections::title(tr("Automatic check"), content));
    layout->addWidget(sections::check(d, content));
    layout->addWidget(sections::title(tr("Agency records in full"), content));
    m_records->setRecords(d.records);
    layout->addWidget(sections::records(m_records, content));
    layout->addWidget(sections::title(tr("History"), content));
    layout->addWidget(sections::history(d, content));
    layout->addWidget(sections::title(tr("Notes"), content));
    layout->addWidget(NotesSection::make(d, this, content));
    layout->addWidget(sections::title(tr("Related applications"), content));
    layout->addWidget(sections::related(d, this, content));
    layout->addStretch(1);
    setContent(content);
    verticalScrollBar()->setValue(scroll);
}

QWidget* DetailPane::returnedBanner(const sync::BatchItem& item, QWidget* parent)
{
    auto* banner = new QLabel(parent);
    banner->setObjectName(QStringLiteral("returnedBanner"));
    banner->setWordWrap(true);
    banner->setTextFormat(Qt::PlainText);
    banner->setText(tr("Returned by the principal (%1, %2): %3\nDecide it again: the new decision goes to "
                       "the principal's next batch.")
                        .arg(item.returnedBy, QLocale().toString(item.returnedAt.toLocalTime(), QLocale::ShortFormat),
                             item.returnedNote));
    banner->setStyleSheet(
        QStringLiteral("background: #fff4e0; color: #5c3b00; border: 1px solid #e6c27a; padding: 6px;"));
    return banner;
}

QString DetailPane::relationRefusal()
{
    return tr("You declared a relationship to a person on this application: someone else decides.");
}

QWidget* DetailPane::outsideQueueBanner(QWidget* parent)
{
    auto* banner = new QLabel(tr("This application is not among the rows of the queue on the left: it was opened from "
                                 "a related application. The decision keys act on it. Choose a row on the left to go "
                                 "back to the queue."),
                              parent);
    banner->setObjectName(QStringLiteral("outsideQueueBanner"));
    banner->setWordWrap(true);
    banner->setStyleSheet(
        QStringLiteral("background: #fff4ce; color: #4a3b00; border: 1px solid #e0c060; padding: 6px;"));
    return banner;
}

void DetailPane::keyPressEvent(QKeyEvent* event)
{
    // Reading the evidence without the mouse: Space and Shift+Space page as PageDown and PageUp do.
    if (event->key() == Qt::Key_Space && (event->modifiers() & ~Qt::ShiftModifier) == Qt::NoModifier) {
        verticalScrollBar()->triggerAction(event->modifiers() & Qt::ShiftModifier ? QAbstractSlider::SliderPageStepSub
                                                                                  : QAbstractSlider::SliderPageStepAdd);
        event->accept();
        return;
    }
    QScrollArea::keyPressEvent(event);
}

void DetailPane::focusInEvent(QFocusEvent* event)
{
    setFrameShape(QFrame::StyledPanel); // shows where PageUp, PageDown and Space go
    QScrollArea::focusInEvent(event);
}

void DetailPane::changeEvent(QEvent* event)
{
    QScrollArea::changeEvent(event);
    // Zoomed: the section titles have fonts of their own, made from the pane's.
    if (event->type() == QEvent::FontChange && m_detail)
        rebuild();
}

void DetailPane::focusOutEvent(QFocusEvent* event)
{
    setFrameShape(QFrame::NoFrame);
    QScrollArea::focusOutEvent(event);
}

} // namespace adm::ui
