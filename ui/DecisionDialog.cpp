#include "DecisionDialog.h"

#include "SubmitShortcut.h"
#include "ErrorSpace.h"
#include "sync/ReasonCodes.h"
#include "views/FlagIcons.h"
#include "views/Labels.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextEdit>
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
    reserveErrorSpace(m_error);

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
    layout->addWidget(applicantSummary());
    layout->setSizeConstraint(QLayout::SetMinimumSize); // grows for a long message
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    addSubmitShortcut(this, m_decide);
    updateState();
    watchEdits();
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
    if (againstCheck())
        hint = againstCheckHint();
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
    if (const QString p = againstCheckProblem(); !p.isEmpty())
        return p;
    if (m_kind == Kind::RequestInfo && note.isEmpty())
        return tr("Say what the family must bring or explain.");
    if (reason == QLatin1String("other") && note.isEmpty())
        return tr("Write a note saying what the reason is.");
    return {};
}

QWidget* DecisionDialog::applicantSummary()
{
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 6);
    const QString name = m_context.childName.isEmpty() ? tr("(name not read)") : m_context.childName;
    auto* who =
        new QLabel(tr("<b>%1</b> · %2").arg(m_context.applicationId.toHtmlEscaped(), name.toHtmlEscaped()), box);
    who->setObjectName(QStringLiteral("decisionApplicant"));
    who->setTextFormat(Qt::RichText);
    who->setWordWrap(true);
    QFont big = who->font();
    big.setPointSizeF(big.pointSizeF() * 1.15);
    who->setFont(big);
    layout->addWidget(who);

    QString verdict;
    if (!m_context.eligible)
        verdict = tr("The automatic check has not judged this application.");
    else if (*m_context.eligible)
        verdict = tr("The automatic check found it eligible.");
    else
        verdict = tr("The automatic check found it <b>not eligible</b>.");
    QStringList lines{verdict};
    if (m_context.flags.isEmpty() && m_context.eligible)
        lines << tr("It raised no flag.");
    for (qsizetype i = 0; i < m_context.flags.size(); ++i) {
        const QString& code = m_context.flags.at(i);
        const QString why = m_context.flagReasons.value(i);
        const QString mark =
            QStringLiteral("<span style='color:%1'>■</span> ").arg(views::FlagIcons::color(code).name());
        lines << mark + (why.isEmpty() ? views::labels::flag(code).toHtmlEscaped()
                                       : tr("%1: %2").arg(views::labels::flag(code), why).toHtmlEscaped());
    }
    auto* flags = new QLabel(lines.join(QStringLiteral("<br>")), box);
    flags->setObjectName(QStringLiteral("decisionFlags"));
    flags->setTextFormat(Qt::RichText);
    flags->setWordWrap(true);
    layout->addWidget(flags);
    return box;
}

bool DecisionDialog::againstCheck() const
{
    if (!m_context.eligible)
        return false;
    return (m_kind == Kind::Approve && !*m_context.eligible) || (m_kind == Kind::Reject && *m_context.eligible);
}

QString DecisionDialog::againstCheckHint() const
{
    return m_kind == Kind::Approve
               ? tr("The check found this application not eligible: approving it needs a standard reason.")
               : tr("The check found this application eligible: rejecting it needs a note saying why.");
}

QString DecisionDialog::againstCheckProblem() const
{
    if (!againstCheck())
        return {};
    if (m_kind == Kind::Approve && m_reason->currentData().toString().isEmpty())
        return tr("The check found this application not eligible. Choose the reason for approving it.");
    if (m_kind == Kind::Reject && m_note->toPlainText().trimmed().isEmpty())
        return tr("The check found this application eligible. Write in the note why you reject it.");
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

namespace adm::ui {

// The inputs a draft keeps: every named field, whoever added it (Qt's own inner widgets are
// named qt_…).
QList<QWidget*> DecisionDialog::inputs() const
{
    QList<QWidget*> found;
    for (QWidget* w : findChildren<QWidget*>()) {
        const QString name = w->objectName();
        if (name.isEmpty() || name.startsWith(QLatin1String("qt_")))
            continue;
        if (qobject_cast<QPlainTextEdit*>(w) || qobject_cast<QTextEdit*>(w) || qobject_cast<QLineEdit*>(w) ||
            qobject_cast<QComboBox*>(w) || qobject_cast<QDateEdit*>(w) || qobject_cast<QCheckBox*>(w))
            found << w;
    }
    return found;
}

void DecisionDialog::watchEdits()
{
    auto changed = [this] {
        if (!m_restoring)
            Q_EMIT edited();
    };
    for (QWidget* w : inputs()) {
        if (auto* p = qobject_cast<QPlainTextEdit*>(w))
            connect(p, &QPlainTextEdit::textChanged, this, changed);
        else if (auto* t = qobject_cast<QTextEdit*>(w))
            connect(t, &QTextEdit::textChanged, this, changed);
        else if (auto* l = qobject_cast<QLineEdit*>(w))
            connect(l, &QLineEdit::textChanged, this, changed);
        else if (auto* c = qobject_cast<QComboBox*>(w))
            connect(c, &QComboBox::currentIndexChanged, this, changed);
        else if (auto* d = qobject_cast<QDateEdit*>(w))
            connect(d, &QDateEdit::dateChanged, this, changed);
        else if (auto* b = qobject_cast<QCheckBox*>(w))
            connect(b, &QCheckBox::toggled, this, changed);
    }
}

views::DecisionDraft DecisionDialog::draft() const
{
    views::DecisionDraft d;
    d.kind = outcomeOf(m_kind);
    d.applicationId = m_context.applicationId;
    for (QWidget* w : inputs()) {
        QString value;
        if (auto* p = qobject_cast<QPlainTextEdit*>(w))
            value = p->toPlainText();
        else if (auto* t = qobject_cast<QTextEdit*>(w))
            value = t->toPlainText();
        else if (auto* l = qobject_cast<QLineEdit*>(w))
            value = l->text();
        else if (auto* c = qobject_cast<QComboBox*>(w))
            value = c->currentData().isValid() ? c->currentData().toString() : c->currentText();
        else if (auto* e = qobject_cast<QDateEdit*>(w))
            value = e->date().toString(Qt::ISODate);
        else if (auto* b = qobject_cast<QCheckBox*>(w))
            value = b->isChecked() ? QStringLiteral("1") : QStringLiteral("0");
        d.fields.insert(w->objectName(), value);
    }
    return d;
}

void DecisionDialog::restore(const views::DecisionDraft& draft)
{
    m_restoring = true;
    for (QWidget* w : inputs()) {
        const auto it = draft.fields.constFind(w->objectName());
        if (it == draft.fields.cend())
            continue;
        const QString& value = it.value();
        if (auto* p = qobject_cast<QPlainTextEdit*>(w)) {
            p->setPlainText(value);
            p->moveCursor(QTextCursor::End);
        } else if (auto* t = qobject_cast<QTextEdit*>(w)) {
            t->setPlainText(value);
        } else if (auto* l = qobject_cast<QLineEdit*>(w)) {
            l->setText(value);
        } else if (auto* c = qobject_cast<QComboBox*>(w)) {
            int i = c->findData(value);
            if (i < 0)
                i = c->findText(value);
            if (i >= 0)
                c->setCurrentIndex(i);
        } else if (auto* e = qobject_cast<QDateEdit*>(w)) {
            const QDate date = QDate::fromString(value, Qt::ISODate);
            if (date.isValid())
                e->setDate(date);
        } else if (auto* b = qobject_cast<QCheckBox*>(w)) {
            b->setChecked(value == QLatin1String("1"));
        }
    }
    m_restoring = false;
    updateState();
}

bool DecisionDialog::hasTypedText() const
{
    for (QWidget* w : inputs()) {
        if (auto* p = qobject_cast<QPlainTextEdit*>(w); p && !p->toPlainText().trimmed().isEmpty())
            return true;
        if (auto* t = qobject_cast<QTextEdit*>(w); t && !t->toPlainText().trimmed().isEmpty())
            return true;
        if (auto* l = qobject_cast<QLineEdit*>(w); l && !l->text().trimmed().isEmpty())
            return true;
    }
    return false;
}

void DecisionDialog::reject()
{
    if (hasTypedText()) {
        DialogPrompter own;
        Prompter& prompter = m_prompter ? *m_prompter : own;
        const int answer =
            prompter.choose(this, tr("Discard what you typed?"),
                            tr("Discard what you typed for application %1? It is lost once this dialog closes.")
                                .arg(m_context.applicationId),
                            {tr("&Keep editing"), tr("&Discard")}, 0);
        if (answer != 1)
            return;
    }
    QDialog::reject();
}

} // namespace adm::ui
