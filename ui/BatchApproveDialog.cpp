#include "BatchApproveDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>
#include <algorithm>

namespace adm::ui {

BatchApproveDialog::BatchApproveDialog(const views::BatchPlan& plan, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("batchApproveDialog"));
    setWindowTitle(tr("Approve clean applications"));
    const int clean = int(plan.clean.size());

    auto* summary = new QLabel(this);
    summary->setObjectName(QStringLiteral("batchSummary"));
    summary->setWordWrap(true);
    summary->setText(
        clean > 0
            ? tr("%n of the selected applications are clean: the check found the category claimed, eligible, with no "
                 "flag. Each is approved in the category found, as its own decision that Ctrl+Z takes back one by "
                 "one until it is sent.",
                 nullptr, clean)
            : tr("None of the %n selected applications is clean.", nullptr, plan.selected));

    auto* skipped = new QLabel(this);
    skipped->setObjectName(QStringLiteral("batchSkipped"));
    skipped->setWordWrap(true);
    QStringList lines;
    for (auto it = plan.skipped.constBegin(); it != plan.skipped.constEnd(); ++it)
        lines << QStringLiteral("• ") + views::BatchApproval::skipText(it.key(), int(it.value().size()));
    if (lines.isEmpty())
        skipped->hide();
    else
        skipped->setText(tr("Left out, to be decided one by one (%n):", nullptr, plan.skippedCount()) + u'\n' +
                         lines.join(u'\n'));

    auto* seats = new QLabel(this);
    seats->setObjectName(QStringLiteral("batchSeats"));
    seats->setWordWrap(true);
    // The schools closest to full first; a long selection lists only a few of them.
    QList<views::BatchSeats> bySeatsLeft;
    for (const views::BatchSeats& s : plan.seats)
        if (s.capacity > 0)
            bySeatsLeft << s;
    std::sort(bySeatsLeft.begin(), bySeatsLeft.end(), [](const views::BatchSeats& a, const views::BatchSeats& b) {
        return a.capacity - a.approved - a.adding < b.capacity - b.approved - b.adding;
    });
    constexpr int kShown = 4;
    QStringList seatLines;
    for (int i = 0; i < std::min<int>(kShown, int(bySeatsLeft.size())); ++i) {
        const views::BatchSeats& s = bySeatsLeft.at(i);
        seatLines << tr("%1: %2 seats, %3 approved, %4 more with these")
                         .arg(s.name.isEmpty() ? s.schoolId : s.name)
                         .arg(s.capacity)
                         .arg(s.approved)
                         .arg(s.adding);
    }
    if (bySeatsLeft.size() > kShown)
        seatLines << tr("… and %n more school(s) with room for these.", nullptr, int(bySeatsLeft.size() - kShown));
    seats->setText(seatLines.join(u'\n'));
    seats->setVisible(!seatLines.isEmpty());

    auto* refusal = new QLabel(plan.refusal(), this);
    refusal->setObjectName(QStringLiteral("batchRefusal"));
    refusal->setWordWrap(true);
    refusal->setStyleSheet(QStringLiteral("color: #b00020;"));
    refusal->setVisible(plan.overCapacity());

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (clean > 0 && !plan.overCapacity()) {
        QPushButton* approve = buttons->addButton(tr("&Approve %n", nullptr, clean), QDialogButtonBox::AcceptRole);
        approve->setObjectName(QStringLiteral("batchApproveButton"));
        approve->setDefault(true);
        connect(approve, &QPushButton::clicked, this, &QDialog::accept);
        auto* submit = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
        connect(submit, &QShortcut::activated, this, &QDialog::accept);
    } else {
        buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
    }

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(skipped);
    layout->addWidget(seats);
    layout->addWidget(refusal);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

} // namespace adm::ui
