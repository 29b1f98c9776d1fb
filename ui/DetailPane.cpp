#include "DetailPane.h"

#include "DetailSections.h"
#include "NotesSection.h"
#include "views/RecordTreeModel.h"

#include <QLabel>
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
    clear();
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

void DetailPane::clear()
{
    m_detail.reset();
    m_loadingId.clear();
    m_revealed.clear();
    m_records->clear();
    setContent(message(tr("Choose an application in the queue.")));
}

void DetailPane::showLoading(const QString& applicationId)
{
    m_loadingId = applicationId;
    if (m_detail) {
        // Moving through the queue: the previous one stays, greyed, until this one is read, so that
        // the pane does not flicker with every key.
        if (m_detail->application.id != applicationId && widget())
            widget()->setEnabled(false);
        return;
    }
    setContent(message(tr("Reading %1…").arg(applicationId)));
}

void DetailPane::showError(const QString& text)
{
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
    if (!m_detail || m_detail->application.id != detail.application.id)
        m_revealed.clear();
    m_detail = detail;
    m_loadingId.clear();
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
    const int scroll = verticalScrollBar() ? verticalScrollBar()->value() : 0;
    const views::ApplicationDetail& d = *m_detail;
    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("detailContent"));
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 8, 12, 12);
    layout->addWidget(sections::summary(d, content));
    layout->addWidget(sections::title(tr("Child and guardians"), content));
    layout->addWidget(sections::people(d, m_revealed, this, content));
    if (!d.conflicts.isEmpty()) {
        layout->addWidget(sections::title(tr("Decision not taken by the hub"), content));
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

} // namespace adm::ui
