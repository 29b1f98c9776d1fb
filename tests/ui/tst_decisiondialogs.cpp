#include "DecisionDialog.h"
#include "RevealDialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace adm;
using namespace adm::ui;

// The real decision and reveal dialogs, driven with the mouse and the keyboard: what they refuse,
// and what they hand to the workflow.
class TestDecisionDialogs : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rejectWithoutReasonIsRefused();
    void approveInAnotherCategoryNeedsAReason();
    void approveWarnsBeforeGoingOverTheSeats();
    void requestInfoSaysWhatIsNeeded();
    void requestInfoHasADueDate();
    void revealNeedsAReason();

private:
    static DecisionContext context()
    {
        DecisionContext c;
        c.applicationId = QStringLiteral("A2026P0001");
        c.checkedCategory = QStringLiteral("A");
        c.claimedCategory = QStringLiteral("A");
        c.seats = {QStringLiteral("S1"), QStringLiteral("第五小学"), 180, 12};
        return c;
    }
};

void TestDecisionDialogs::rejectWithoutReasonIsRefused()
{
    DecisionDialog dialog(DecisionDialog::Kind::Reject, context());
    dialog.show();
    auto* decide = dialog.findChild<QPushButton*>(QStringLiteral("decideButton"));
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("decisionError"));
    auto* reason = dialog.findChild<QComboBox*>(QStringLiteral("reasonCombo"));
    QVERIFY(decide && error && reason);
    QTest::mouseClick(decide, Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("reason")), qPrintable(error->text()));

    reason->setFocus();
    QTest::keyClick(reason, Qt::Key_Down);
    QVERIFY(!reason->currentData().toString().isEmpty());
    QTest::mouseClick(decide, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const sync::DecisionRequest r = dialog.request();
    QCOMPARE(r.outcome, QStringLiteral("reject"));
    QCOMPARE(r.applicationId, QStringLiteral("A2026P0001"));
    QCOMPARE(r.reasonCode, reason->currentData().toString());
}

void TestDecisionDialogs::approveInAnotherCategoryNeedsAReason()
{
    DecisionDialog dialog(DecisionDialog::Kind::Approve, context());
    dialog.show();
    auto* category = dialog.findChild<QComboBox*>(QStringLiteral("categoryCombo"));
    auto* reason = dialog.findChild<QComboBox*>(QStringLiteral("reasonCombo"));
    auto* decide = dialog.findChild<QPushButton*>(QStringLiteral("decideButton"));
    QCOMPARE(category->currentText(), QStringLiteral("A")); // preset from the check
    category->setFocus();
    QTest::keyClick(category, Qt::Key_Down);
    QCOMPARE(category->currentText(), QStringLiteral("B"));
    QTest::mouseClick(decide, Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("decisionError"))->isVisible());
    reason->setCurrentIndex(reason->findData(QStringLiteral("category_override")));
    QTest::mouseClick(decide, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.request().category, QStringLiteral("B"));
    QCOMPARE(dialog.request().reasonCode, QStringLiteral("category_override"));
}

void TestDecisionDialogs::approveWarnsBeforeGoingOverTheSeats()
{
    DecisionContext full = context();
    full.seats.approved = 180;
    DecisionDialog dialog(DecisionDialog::Kind::Approve, full);
    dialog.show();
    auto* seats = dialog.findChild<QLabel*>(QStringLiteral("seatsLabel"));
    QVERIFY(seats);
    QVERIFY2(seats->text().contains(QStringLiteral("180 of 180")), qPrintable(seats->text()));
    QVERIFY(seats->text().contains(QStringLiteral("over the capacity")));
    // The same category as the check: no reason needed.
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("decideButton")), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.request().category, QStringLiteral("A"));
    QVERIFY(dialog.request().reasonCode.isEmpty());
}

void TestDecisionDialogs::requestInfoSaysWhatIsNeeded()
{
    DecisionDialog dialog(DecisionDialog::Kind::RequestInfo, context());
    dialog.show();
    auto* decide = dialog.findChild<QPushButton*>(QStringLiteral("decideButton"));
    QTest::mouseClick(decide, Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    auto* note = dialog.findChild<QPlainTextEdit*>(QStringLiteral("noteEdit"));
    QTest::keyClicks(note, QStringLiteral("the rental filing"));
    QTest::mouseClick(decide, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.request().note, QStringLiteral("the rental filing"));
    QCOMPARE(dialog.request().outcome, QStringLiteral("request_info"));
    // Due in a week unless the officer says otherwise; never before tomorrow.
    QCOMPARE(dialog.request().dueDate, QDate::currentDate().addDays(7));
}

void TestDecisionDialogs::requestInfoHasADueDate()
{
    DecisionDialog dialog(DecisionDialog::Kind::RequestInfo, context());
    dialog.show();
    auto* due = dialog.findChild<QDateEdit*>(QStringLiteral("dueDateEdit"));
    QVERIFY(due);
    QCOMPARE(due->date(), QDate::currentDate().addDays(7));
    QCOMPARE(due->minimumDate(), QDate::currentDate().addDays(1));
    due->setDate(QDate::currentDate()); // refused by the edit: stays at the minimum
    QCOMPARE(due->date(), QDate::currentDate().addDays(1));
    due->setDate(QDate::currentDate().addDays(14));
    QTest::keyClicks(dialog.findChild<QPlainTextEdit*>(QStringLiteral("noteEdit")),
                     QStringLiteral("the household register"));
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("decideButton")), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.request().dueDate, QDate::currentDate().addDays(14));
    // Other decisions carry no due date.
    DecisionDialog reject(DecisionDialog::Kind::Reject, context());
    QVERIFY(reject.findChild<QDateEdit*>(QStringLiteral("dueDateEdit")) == nullptr);
    QVERIFY(!reject.request().dueDate.isValid());
}

void TestDecisionDialogs::revealNeedsAReason()
{
    RevealDialog dialog(QStringLiteral("A2026P0001"), QStringLiteral("guardian 1"));
    dialog.show();
    auto* reason = dialog.findChild<QComboBox*>(QStringLiteral("revealReasonCombo"));
    auto* show = dialog.findChildren<QPushButton*>().first();
    for (QPushButton* b : dialog.findChildren<QPushButton*>())
        if (b->isDefault())
            show = b;
    QTest::mouseClick(show, Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    reason->setFocus();
    QTest::keyClick(reason, Qt::Key_Down);
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.reasonCode(), QStringLiteral("identity_check"));
}

QTEST_MAIN(TestDecisionDialogs)
#include "tst_decisiondialogs.moc"
