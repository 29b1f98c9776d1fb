#include "DecisionDialog.h"
#include "RevealDialog.h"

#include <QApplication>
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
    void bodyNamesTheApplicantAndTheFlags_data();
    void bodyNamesTheApplicantAndTheFlags();
    void approvingWhatTheCheckFoundNotEligibleNeedsAReason();
    void rejectingWhatTheCheckFoundEligibleNeedsANote();
    void ctrlEnterSubmitsFromTheTextBox();

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

void TestDecisionDialogs::bodyNamesTheApplicantAndTheFlags_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("approve") << int(DecisionDialog::Kind::Approve);
    QTest::newRow("reject") << int(DecisionDialog::Kind::Reject);
    QTest::newRow("request information") << int(DecisionDialog::Kind::RequestInfo);
}

void TestDecisionDialogs::bodyNamesTheApplicantAndTheFlags()
{
    QFETCH(int, kind);
    DecisionContext c = context();
    c.childName = QStringLiteral("欧阳小明");
    c.eligible = false;
    c.flags = {QStringLiteral("shared_property"), QStringLiteral("duplicate_application")};
    c.flagReasons = {QStringLiteral("two households on one certificate"), QString()};
    DecisionDialog dialog(DecisionDialog::Kind(kind), c);
    dialog.show();
    auto* who = dialog.findChild<QLabel*>(QStringLiteral("decisionApplicant"));
    auto* flags = dialog.findChild<QLabel*>(QStringLiteral("decisionFlags"));
    QVERIFY(who && flags && who->isVisible() && flags->isVisible());
    QVERIFY2(who->text().contains(QStringLiteral("A2026P0001")), qPrintable(who->text()));
    QVERIFY2(who->text().contains(QStringLiteral("欧阳小明")), qPrintable(who->text()));
    QVERIFY2(flags->text().contains(QStringLiteral("Shared property")), qPrintable(flags->text()));
    QVERIFY(flags->text().contains(QStringLiteral("two households on one certificate")));
    QVERIFY(flags->text().contains(QStringLiteral("Duplicate application")));
    QVERIFY(flags->text().contains(QStringLiteral("not eligible")));

    // Without flags, the body says so rather than leaving the officer to wonder.
    c.flags.clear();
    c.flagReasons.clear();
    c.eligible = true;
    DecisionDialog clean(DecisionDialog::Kind(kind), c);
    QVERIFY(clean.findChild<QLabel*>(QStringLiteral("decisionFlags"))->text().contains(QStringLiteral("no flag")));
}

void TestDecisionDialogs::approvingWhatTheCheckFoundNotEligibleNeedsAReason()
{
    // Category A found, but not eligible (the child's age): the same category, yet against the check.
    DecisionContext c = context();
    c.eligible = false;
    DecisionDialog dialog(DecisionDialog::Kind::Approve, c);
    dialog.show();
    auto* decide = dialog.findChild<QPushButton*>(QStringLiteral("decideButton"));
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("decisionError"));
    auto* reason = dialog.findChild<QComboBox*>(QStringLiteral("reasonCombo"));
    QTest::mouseClick(decide, Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QVERIFY2(error->isVisible() && error->text().contains(QStringLiteral("not eligible")), qPrintable(error->text()));
    reason->setCurrentIndex(reason->findData(QStringLiteral("verified_on_paper")));
    QTest::mouseClick(decide, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.request().reasonCode, QStringLiteral("verified_on_paper"));

    // Eligible: approving as the check found needs nothing.
    c.eligible = true;
    DecisionDialog plain(DecisionDialog::Kind::Approve, c);
    plain.show();
    QTest::mouseClick(plain.findChild<QPushButton*>(QStringLiteral("decideButton")), Qt::LeftButton);
    QCOMPARE(plain.result(), int(QDialog::Accepted));
}

void TestDecisionDialogs::rejectingWhatTheCheckFoundEligibleNeedsANote()
{
    DecisionContext c = context();
    c.eligible = true;
    DecisionDialog dialog(DecisionDialog::Kind::Reject, c);
    dialog.show();
    auto* decide = dialog.findChild<QPushButton*>(QStringLiteral("decideButton"));
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("decisionError"));
    auto* reason = dialog.findChild<QComboBox*>(QStringLiteral("reasonCombo"));
    reason->setCurrentIndex(reason->findData(QStringLiteral("not_in_zone")));
    QTest::mouseClick(decide, Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QVERIFY2(error->isVisible() && error->text().contains(QStringLiteral("eligible")), qPrintable(error->text()));
    QTest::keyClicks(dialog.findChild<QPlainTextEdit*>(QStringLiteral("noteEdit")),
                     QStringLiteral("the family moved out in May"));
    QTest::mouseClick(decide, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.request().note, QStringLiteral("the family moved out in May"));

    // Not eligible: the standard reason is enough.
    c.eligible = false;
    DecisionDialog plain(DecisionDialog::Kind::Reject, c);
    plain.show();
    auto* plainReason = plain.findChild<QComboBox*>(QStringLiteral("reasonCombo"));
    plainReason->setCurrentIndex(plainReason->findData(QStringLiteral("not_in_zone")));
    QTest::mouseClick(plain.findChild<QPushButton*>(QStringLiteral("decideButton")), Qt::LeftButton);
    QCOMPARE(plain.result(), int(QDialog::Accepted));
}

void TestDecisionDialogs::ctrlEnterSubmitsFromTheTextBox()
{
    DecisionDialog dialog(DecisionDialog::Kind::RequestInfo, context());
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto* note = dialog.findChild<QPlainTextEdit*>(QStringLiteral("noteEdit"));
    note->setFocus();
    QTest::keyClicks(note, QStringLiteral("the rental filing"));
    QTest::keyClick(note, Qt::Key_Return); // a new line, not a decision
    QVERIFY(dialog.isVisible());
    QTest::keyClicks(note, QStringLiteral("and the household register"));
    QTest::keyClick(note, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.request().note, QStringLiteral("the rental filing\nand the household register"));
}

QTEST_MAIN(TestDecisionDialogs)
#include "tst_decisiondialogs.moc"
