#include "DecisionDialog.h"

#include "sync/ReasonCodes.h"
#include "views/Labels.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace adm::ui {

namespace {

QString outcomeOf(DecisionDialog::Kind kind)
{
    switch (kind) {
    case DecisionDialog::Kind::Approve:
        return QStringLiteral("approve");
    case DecisionDialog::Kind::Reject:
        return QStringLiteral("reject");
    case DecisionDialog::Kind::RequestInfo:
        return QStringLiteral("request_info");
    }
    return {};
}

bool isCategory(const QString& c)
{
    return c == QLatin1String("A") || c == QLatin1String("B") || c == QLatin1String("C");
}

} // namespace

DecisionDialog::DecisionDialog(Kind kind, const DecisionContext& context, QWidget* parent)
    : QDialog(parent)
    , m_kind(kind)
    , m_context(context)
{
    setObjectName(QStringLiteral("decisionDialog"));
    const QString outcome = outcomeOf(kind);
    switch (kind) {
    case Kind::Approve:
        setWindowTitle(tr("Approve %1").arg(context.applicationId));
        break;
    case Kind::Reject:
        setWindowTitle(tr("Reject %1").arg(context.applicationId));
        break;
    case Kind::RequestInfo:
        setWindowTitle(tr("Request information for %1").arg(context.applicationId));
        break;
    }

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    if (kind == Kind::Approve) {
        m_category = new QComboBox(this);
        m_category->setObjectName(QStringLiteral("categoryCombo"));
        for (const QString& c : {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")})
            m_category->addItem(c, c);
        const QString preset = isCategory(context.checkedCategory) ? context.checkedCategory : context.claimedCategory;
        m_category->setCurrentIndex(std::max(0, m_category->findData(preset)));
        form->addRow(tr("&Category:"), m_category);
        auto* found = new QLabel(isCategory(context.checkedCategory)
                                     ? tr("The automatic check found category %1.").arg(context.checkedCategory)
                                     : tr("The automatic check found no category; a reason is needed."),
                                 this);
        found->setWordWrap(true);
        form->addRow(QString(), found);
        const views::SchoolSeats& s = context.seats;
        if (s.capacity > 0) {
            auto* seats =
                new QLabel(tr("Seats at %1: %2 of %3 approved.").arg(s.name).arg(s.approved).arg(s.capacity), this);
            seats->setObjectName(QStringLiteral("seatsLabel"));
            seats->setWordWrap(true);
            if (s.approved + 1 > s.capacity) {
                seats->setText(tr("Seats at %1: %2 of %3 approved. This approval goes over the capacity.")
                                   .arg(s.name)
                                   .arg(s.approved)
                                   .arg(s.capacity));
                seats->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
            }
            form->addRow(tr("Seats:"), seats);
        }
    }

    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("reasonCombo"));
    m_reason->addItem(kind == Kind::Reject ? tr("Choose a reason…") : tr("(no reason)"), QString());
    for (const QString& code : sync::ReasonCodes::codesFor(outcome))
        m_reason->addItem(views::labels::reason(code, outcome), code);
    m_reason->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    form->addRow(tr("Rea&son:"), m_reason);
    m_reasonHint = new QLabel(this);
    m_reasonHint->setWordWrap(true);
    form->addRow(QString(), m_reasonHint);

    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_note->setTabChangesFocus(true);
    m_note->setMinimumHeight(70);
    m_note->setPlaceholderText(kind == Kind::RequestInfo ? tr("What the family must bring or explain")
                                                         : tr("A note for the family and the file (optional)"));
    form->addRow(kind == Kind::RequestInfo ? tr("&Needed:") : tr("&Note:"), m_note);
    if (kind == Kind::RequestInfo)
        addDueDate(form);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("decisionError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    const QString label = kind == Kind::Approve  ? tr("&Approve")
                          : kind == Kind::Reject ? tr("&Reject")
                                                 : tr("Send &request");
    m_decide = buttons->addButton(label, QDialogButtonBox::AcceptRole);
    m_decide->setObjectName(QStringLiteral("decideButton"));
    m_decide->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_decide, &QPushButton::clicked, this, &DecisionDialog::accept);
    if (m_category)
        connect(m_category, &QComboBox::currentIndexChanged, this, &DecisionDialog::updateState);
    connect(m_reason, &QComboBox::currentIndexChanged, this, &DecisionDialog::updateState);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    updateState();
    (m_category ? static_cast<QWidget*>(m_category) : m_reason)->setFocus();
}

void DecisionDialog::addDueDate(QFormLayout* form)
{
    // The family is told the date with what to bring; the queue's "Information overdue" filter reads it.
    const QDate today = QDate::currentDate();
    m_due = new QDateEdit(today.addDays(sync::kDefaultDueDays), this);
    m_due->setObjectName(QStringLiteral("dueDateEdit"));
    m_due->setCalendarPopup(true);
    m_due->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_due->setMinimumDate(today.addDays(1));
    form->addRow(tr("&Due by:"), m_due);
    auto* sent = new QLabel(tr("The text above and this date are sent to the family."), this);
    sent->setWordWrap(true);
    form->addRow(QString(), sent);
}

void DecisionDialog::updateState()
{
    QString hint;
    if (m_kind == Kind::Approve) {
        const bool differs = m_category->currentData().toString() != m_context.checkedCategory;
        hint = differs ? tr("A category other than the check's needs a reason.") : QString();
    } else if (m_kind == Kind::Reject) {
        hint = tr("A rejection needs a standard reason, so that the family can be told why.");
    }
    if (m_reason->currentData().toString() == QLatin1String("other"))
        hint = tr("The reason \"other\" needs a note saying what it is.");
    m_reasonHint->setText(hint);
    m_reasonHint->setVisible(!hint.isEmpty());
}

QString DecisionDialog::problem() const
{
    const QString reason = m_reason->currentData().toString();
    const QString note = m_note->toPlainText().trimmed();
    if (m_kind == Kind::Approve && reason.isEmpty() &&
        m_category->currentData().toString() != m_context.checkedCategory)
        return tr("Choose a reason for approving in category %1.").arg(m_category->currentData().toString());
    if (m_kind == Kind::Reject && reason.isEmpty())
        return tr("Choose the reason for the rejection.");
    if (m_kind == Kind::RequestInfo && note.isEmpty())
        return tr("Say what the family must bring or explain.");
    if (reason == QLatin1String("other") && note.isEmpty())
        return tr("Write a note saying what the reason is.");
    return {};
}

void DecisionDialog::accept()
{
    const QString p = problem();
    if (!p.isEmpty()) {
        m_error->setText(p);
        m_error->show();
        return;
    }
    QDialog::accept();
}

sync::DecisionRequest DecisionDialog::request() const
{
    sync::DecisionRequest r;
    r.applicationId = m_context.applicationId;
    r.outcome = outcomeOf(m_kind);
    if (m_category)
        r.category = m_category->currentData().toString();
    r.reasonCode = m_reason->currentData().toString();
    r.note = m_note->toPlainText().trimmed();
    if (m_due)
        r.dueDate = m_due->date();
    return r;
}

} // namespace adm::ui
