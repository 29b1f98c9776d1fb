#include "CityFixture.h"
#include "CounterForm.h"
#include "CounterListModel.h"
#include "CounterLookupPanel.h"
#include "CounterPrompter.h"
#include "CounterWindow.h"
#include "MainWindow.h"
#include "PdfText.h"
#include "ResultCheck.h"
#include "ScriptedPrompter.h"
#include "domain/IdNumber.h"
#include "domain/JsonCodec.h"
#include "security/Roles.h"
#include "store/CacheEligibility.h"
#include "store/Sql.h"
#include "store/Workspace.h"
#include "sync/CounterIntake.h"
#include "sync/Outbox.h"
#include "views/DraftStore.h"
#include "views/LocalSession.h"
#include "views/OpenCache.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QHash>
#include <QInputMethodEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTreeWidget>

using namespace adm;

namespace {

const QString kClerk = QStringLiteral("wang.lei");
const QString kSupervisor = QStringLiteral("zhao.min");
const QString kOtherPassphrase = QStringLiteral("another passphrase 2");
const QString kChildName = QStringLiteral("林小雨");
const QString kGuardianName = QStringLiteral("林大海");

// The receipt's questions, answered as the test says.
class ScriptedCounterPrompter : public ui::CounterPrompter {
public:
    std::optional<QString> pdfPath;
    QString printTo; // empty: the print dialog is cancelled; else the printer writes a PDF there
    QStringList asked;

    std::optional<QString> askReceiptPdfPath(QWidget*, const QString& suggested) override
    {
        asked << QStringLiteral("pdf ") + suggested;
        return pdfPath;
    }
    bool askPrint(QWidget*, QPrinter& printer) override
    {
        asked << QStringLiteral("print");
        if (printTo.isEmpty())
            return false;
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(printTo);
        return true;
    }
};

QString idNumber(const QString& area, const QDate& birth, int sequence)
{
    const QString first17 =
        area + birth.toString(QStringLiteral("yyyyMMdd")) + QStringLiteral("%1").arg(sequence, 3, 10, QLatin1Char('0'));
    return first17 + IdNumber::checkCharacter(first17);
}

QWidget* focused()
{
    return QApplication::focusWidget();
}

QString focusedName()
{
    return focused() ? focused()->objectName() : QStringLiteral("(nothing)");
}

void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    if (QWidget* w = focused())
        QTest::keyClick(w, key, modifiers);
    else
        qWarning("no widget has the focus for a key");
}

void type(const QString& text)
{
    if (QWidget* w = focused())
        QTest::keyClicks(w, text);
}

// Chinese comes from the keyboard through the input method: what it commits.
void commit(const QString& text)
{
    QInputMethodEvent event;
    event.setCommitString(text);
    if (QWidget* w = focused())
        QApplication::sendEvent(w, &event);
}

} // namespace

// The counter screen (issue 13) driven on the real widgets over a generated city's cache, as a counter
// clerk: a whole application typed with the keyboard alone, saved with Ctrl+S, its receipt written to
// PDF and read back; the ID number checked as typed; a child already in the cache shown before saving;
// a missing name stops the save at its field; the local number typed (or scanned) into the search box
// finds its row; the counter offered only to the roles that take applications.
class TestCounterForm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void wholeApplicationWithTheKeyboard();
    void idNumberIsCheckedAsTyped();
    void childAlreadyInTheCacheIsShownBeforeSaving();
    void missingNameStopsTheSaveAtItsField();
    void ctrlNAsksBeforeDiscarding();
    void lookupOfflineAndValuesTakenFromARecord();
    void guardiansAreAddedAndRemoved();
    void searchFindsTheRowAndReprints();
    void offeredOnlyToRolesThatTakeApplications();

private:
    struct Open {
        std::unique_ptr<ui::MainWindow> window;
        store::Workspace* workspace = nullptr; // owned by the window's session
        views::Session* session = nullptr;
        ui::CounterWindow* counter = nullptr;
        QString error;
    };
    Open open(const QString& user);
    // Grade, school, the child, one guardian, the address and category A, with the keyboard; stops in the
    // claimed category. Returns what went wrong, or an empty string.
    QString typeApplication(bool withName);
    QList<sync::OutboxItem> applicationItems();
    template <typename T> T* find(const char* name) const
    {
        return m_open.counter ? m_open.counter->findChild<T*>(QLatin1String(name)) : nullptr;
    }

    QTemporaryDir m_dir;
    Open m_open;
    ScriptedPrompter m_prompter;
    ScriptedCounterPrompter m_counterPrompter;
    Application m_existing; // an application of the city, in the cache
    QString m_childId;      // valid, in the policy's birth range, not in the cache
    QString m_guardianId;
};

void TestCounterForm::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    auto ws = testsupport::makeCityWorkspace(m_dir.filePath(QStringLiteral("ws")), 300);
    QVERIFY(ws);
    QVERIFY_OK(ws->addUser(kClerk, role::Clerk, security::SecretBytes(kOtherPassphrase), false));
    QVERIFY_OK(ws->addUser(kSupervisor, role::Supervisor, security::SecretBytes(kOtherPassphrase), false));
    auto q = ws->database().writer().prepare(
        QStringLiteral("SELECT data FROM applications WHERE grade = 'primary1' AND status = 'submitted' "
                       "AND claimed_category = 'A' ORDER BY id LIMIT 1"));
    QVERIFY_OK(q);
    QVERIFY(q->step());
    m_existing = TEST_VALUE(json::readApplication(QJsonDocument::fromJson(q->utf8(0)).object()));
    QVERIFY(!m_existing.id.isEmpty());
    // A child born in the policy's range of the school and grade, whom the cache does not know.
    const auto details = TEST_VALUE(store::CacheEligibility(ws->database().writer()).claimDetails(m_existing));
    QVERIFY2(details.birthFrom.isValid(), "no policy for the school of the application");
    for (int sequence = 901; sequence < 999 && m_childId.isEmpty(); sequence += 2) {
        const QString id = idNumber(m_existing.child.idNumber.left(6), details.birthFrom.addDays(40), sequence);
        const auto known =
            TEST_VALUE(sync::CounterIntake::knownApplicationsOf(ws->database().writer(), id, m_existing.admissionYear));
        if (known.isEmpty())
            m_childId = id;
    }
    QVERIFY(!m_childId.isEmpty());
    m_guardianId = idNumber(m_existing.child.idNumber.left(6), QDate(1988, 3, 4), 555);
}

TestCounterForm::Open TestCounterForm::open(const QString& user)
{
    Open o;
    auto ws = store::Workspace::unlock(
        m_dir.filePath(QStringLiteral("ws")), user,
        security::SecretBytes(user == testsupport::kReviewer ? testsupport::kPassphrase : kOtherPassphrase));
    if (!ws) {
        o.error = QStringLiteral("unlock failed: ") + ws.error().message;
        return o;
    }
    o.workspace = ws->get();
    auto session = std::make_unique<views::LocalSession>(std::move(*ws));
    o.session = session.get();
    o.window = std::make_unique<ui::MainWindow>(
        std::move(session),
        [](views::OpenCache cache) -> std::unique_ptr<views::Session> {
            return std::make_unique<views::LocalSession>(cache.take());
        },
        &m_prompter);
    o.window->setCounterPrompter(&m_counterPrompter);
    o.window->show();
    QApplication::setActiveWindow(o.window.get());
    if (!QTest::qWaitForWindowActive(o.window.get()))
        o.error = QStringLiteral("the main window did not become active");
    return o;
}

void TestCounterForm::init()
{
    m_prompter = ScriptedPrompter();
    m_counterPrompter = ScriptedCounterPrompter();
    if (QString(QTest::currentTestFunction()) == QLatin1String("offeredOnlyToRolesThatTakeApplications"))
        return;
    m_open = open(kClerk);
    QVERIFY2(m_open.error.isEmpty(), qPrintable(m_open.error));
    // Ctrl+N in the main window opens the counter window with a new application.
    QTest::keyClick(m_open.window.get(), Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(m_open.counter = m_open.window->counterWindow());
    QTRY_VERIFY_WITH_TIMEOUT(m_open.counter->isReady(), 20000);
    QApplication::setActiveWindow(m_open.counter);
    QVERIFY(QTest::qWaitForWindowActive(m_open.counter));
    QTRY_COMPARE(focusedName(), QStringLiteral("counterGrade"));
    QVERIFY(m_prompter.questions.isEmpty()); // no draft was left by the test before
}

void TestCounterForm::cleanup()
{
    if (m_open.counter && m_open.workspace) {
        // What a test left typed is no draft for the next one.
        m_open.counter->form()->clear();
        QVERIFY_OK(views::DraftStore(m_open.workspace->database().writer()).clearCounterForm(kClerk));
    }
    m_open.window.reset();
    m_open = Open{};
}

QString TestCounterForm::typeApplication(bool withName)
{
    auto expect = [](const char* name) -> QString {
        return focusedName() == QLatin1String(name)
                   ? QString()
                   : QStringLiteral("the focus is in %1, not %2").arg(focusedName(), QLatin1String(name));
    };
    auto* school = find<QComboBox>("counterSchool");
    const int schoolIndex = school ? school->findData(m_existing.targetSchoolId) : -1;
    if (schoolIndex < 0)
        return QStringLiteral("the school %1 is not offered").arg(m_existing.targetSchoolId);
    QString error;
    press(Qt::Key_Home); // primary grade 1
    press(Qt::Key_Tab);
    if (!(error = expect("counterSchool")).isEmpty())
        return error;
    press(Qt::Key_Home);
    for (int i = 0; i < schoolIndex; ++i)
        press(Qt::Key_Down);
    press(Qt::Key_Tab);
    if (!(error = expect("childIdNumber")).isEmpty())
        return error;
    type(m_childId);
    press(Qt::Key_Tab);
    if (!(error = expect("childName")).isEmpty())
        return error;
    if (withName)
        commit(kChildName);
    press(Qt::Key_Tab); // the child's Look up
    press(Qt::Key_Tab);
    if (!(error = expect("guardianIdNumber0")).isEmpty())
        return error;
    type(m_guardianId);
    press(Qt::Key_Tab);
    commit(kGuardianName);
    press(Qt::Key_Tab);
    if (!(error = expect("guardianRelation0")).isEmpty())
        return error;
    press(Qt::Key_Down); // father
    press(Qt::Key_Tab);
    if (!(error = expect("guardianPhone0")).isEmpty())
        return error;
    type(QStringLiteral("138 0013 8000"));
    press(Qt::Key_Tab); // the guardian's Look up
    press(Qt::Key_Tab); // Add guardian
    press(Qt::Key_Tab);
    if (!(error = expect("claimedAddress")).isEmpty())
        return error;
    commit(m_existing.claimedAddress);
    press(Qt::Key_Tab);
    if (!(error = expect("claimedCategory")).isEmpty())
        return error;
    press(Qt::Key_Down); // A
    return {};
}

QList<sync::OutboxItem> TestCounterForm::applicationItems()
{
    QList<sync::OutboxItem> out;
    auto reader = m_open.workspace->database().openReader();
    if (!reader)
        return out;
    auto items = sync::Outbox(**reader).list();
    for (const sync::OutboxItem& item : items ? *items : QList<sync::OutboxItem>())
        if (item.kind == sync::kind::Application)
            out << item;
    return out;
}

void TestCounterForm::wholeApplicationWithTheKeyboard()
{
    QTemporaryDir receipts;
    const QString pdf = receipts.filePath(QStringLiteral("receipt.pdf"));
    m_counterPrompter.pdfPath = pdf;
    const qsizetype before = applicationItems().size();
    QSignalSpy receipt(m_open.counter, &ui::CounterWindow::receiptDone);

    const QString typed = typeApplication(true);
    QVERIFY2(typed.isEmpty(), qPrintable(typed));
    // Two paper documents, the first with a note: Space ticks, Tab goes to its note.
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("evidence_household_register"));
    press(Qt::Key_Space);
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("evidenceNote_household_register"));
    type(QStringLiteral("original seen"));
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("evidence_property_certificate"));
    press(Qt::Key_Space);
    press(Qt::Key_Tab); // its note
    // An unticked document has no note in the way: Tab goes from box to box.
    for (const char* name : {"evidence_sale_contract", "evidence_rental_filing", "evidence_residence_permit",
                             "evidence_social_insurance", "evidence_business_licence", "evidence_marriage_certificate",
                             "counterEnglishReceipt", "counterReceiptOutput"}) {
        press(Qt::Key_Tab);
        QCOMPARE(focusedName(), QLatin1String(name));
    }
    press(Qt::Key_Home);
    press(Qt::Key_Down); // Save as PDF
    QCOMPARE(find<QComboBox>("counterReceiptOutput")->currentData().toString(), QStringLiteral("pdf"));

    // Before anything is saved: the check has run on what is typed, and no other application is known.
    QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>("counterCategory")->text().startsWith(QStringLiteral("The check finds")),
                             10000);
    QVERIFY(!find<QLabel>("counterKnown")->isVisible());
    QVERIFY2(find<QLabel>("childIdStatus")->text().contains(QStringLiteral("within the policy's range")),
             qPrintable(find<QLabel>("childIdStatus")->text()));
    QVERIFY(find<QLabel>("paperEvidenceWarning")->isHidden()); // A: household register and property seen

    press(Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(receipt.size(), 1, 20000);
    const QString ref = receipt.first().at(0).toString();
    QCOMPARE(receipt.first().at(1).toString(), pdf);
    QVERIFY(!ref.isEmpty());
    QVERIFY2(m_counterPrompter.asked.value(0).endsWith(QStringLiteral("receipt-%1.pdf").arg(ref)),
             qPrintable(m_counterPrompter.asked.join(u'|')));

    // The form is empty for the next family; the new row is at the top of the list, waiting.
    QCOMPARE(find<QLineEdit>("childName")->text(), QString());
    QCOMPARE(find<QLineEdit>("childIdNumber")->text(), QString());
    ui::CounterListModel* list = m_open.counter->listModel();
    QTRY_VERIFY(list->rowCount() >= 1 && list->clientRefAt(0) == ref);
    QCOMPARE(list->index(0, ui::CounterListModel::State).data().toString(), QStringLiteral("Waiting to upload"));
    QCOMPARE(list->index(0, ui::CounterListModel::Child).data().toString(), kChildName);
    QCOMPARE(find<QTableView>("counterList")->currentIndex().row(), 0);

    // One outbox item, holding what was typed.
    const QList<sync::OutboxItem> items = applicationItems();
    QCOMPARE(items.size(), before + 1);
    const QJsonObject p = items.last().payload;
    QCOMPARE(p.value(QStringLiteral("client_ref")).toString(), ref);
    const QJsonObject child = p.value(QStringLiteral("child")).toObject();
    QCOMPARE(child.value(QStringLiteral("name")).toString(), kChildName);
    QCOMPARE(child.value(QStringLiteral("id_number")).toString(), m_childId);
    QCOMPARE(p.value(QStringLiteral("target_school_id")).toString(), m_existing.targetSchoolId);
    QCOMPARE(p.value(QStringLiteral("grade")).toString(), QStringLiteral("primary1"));
    QCOMPARE(p.value(QStringLiteral("claimed_category")).toString(), QStringLiteral("A"));
    QCOMPARE(p.value(QStringLiteral("claimed_address")).toString(), m_existing.claimedAddress);
    const QJsonObject guardian = p.value(QStringLiteral("guardians")).toArray().at(0).toObject();
    QCOMPARE(guardian.value(QStringLiteral("name")).toString(), kGuardianName);
    QCOMPARE(guardian.value(QStringLiteral("relation")).toString(), QStringLiteral("father"));
    QCOMPARE(guardian.value(QStringLiteral("phone")).toString(), QStringLiteral("13800138000"));
    const QJsonArray evidence = p.value(QStringLiteral("paper_evidence")).toArray();
    QCOMPARE(evidence.size(), 2);
    QCOMPARE(evidence.at(0).toObject().value(QStringLiteral("kind")).toString(), sync::paper::HouseholdRegister);
    QCOMPARE(evidence.at(0).toObject().value(QStringLiteral("checked_by")).toString(), kClerk);
    QCOMPARE(evidence.at(0).toObject().value(QStringLiteral("note")).toString(), QStringLiteral("original seen"));
    QCOMPARE(evidence.at(1).toObject().value(QStringLiteral("kind")).toString(), sync::paper::PropertyCertificate);

    // The receipt: the local number and the child's name, never the full ID number.
    QVERIFY(QFile::exists(pdf));
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext is not installed (poppler-utils): the receipt's text is not read back");
    QString error;
    const QString read = testsupport::pdfText(pdf, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(read.contains(ref), qPrintable(read));
    QVERIFY2(testsupport::textHolds(read, kChildName), qPrintable(read));
    QVERIFY2(!read.contains(m_childId), qPrintable(read));
    QVERIFY2(read.contains(IdNumber::masked(m_childId)), qPrintable(read));
}

void TestCounterForm::idNumberIsCheckedAsTyped()
{
    press(Qt::Key_Tab);
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("childIdNumber"));
    auto* status = find<QLabel>("childIdStatus");
    // A letter is told at once, before the 18 characters are typed.
    type(QStringLiteral("37110O"));
    QVERIFY(status->isVisible());
    QCOMPARE(status->text(), IdNumber::parse(QStringLiteral("37110O000000000000")).problemMessage());
    press(Qt::Key_Backspace);
    press(Qt::Key_Backspace);
    QCOMPARE(status->text(), QStringLiteral("4 of 18 characters"));
    // A mistyped digit: the check character does not match.
    QString wrong = m_childId;
    wrong[14] = wrong[14] == u'1' ? u'2' : u'1'; // a sequence digit: the date stays possible
    const IdNumber parsed = IdNumber::parse(wrong);
    QCOMPARE(parsed.problem(), IdNumber::Problem::WrongCheckCharacter);
    find<QLineEdit>("childIdNumber")->clear();
    type(wrong);
    QCOMPARE(status->text(), parsed.problemMessage());
    // An impossible birth date (the 13th month) is told once its digits are typed.
    find<QLineEdit>("childIdNumber")->clear();
    type(m_childId.left(6) + QStringLiteral("20191301"));
    QCOMPARE(status->text(), IdNumber::parse(m_childId.left(6) + QStringLiteral("201913010000")).problemMessage());
    // The right number: the birth date, the sex and the policy's range.
    find<QLineEdit>("childIdNumber")->clear();
    type(m_childId);
    const IdNumber right = IdNumber::parse(m_childId);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("within the policy's range")), 10000);
    QVERIFY2(status->text().startsWith(
                 QStringLiteral("Born %1, %2")
                     .arg(right.birthDate().toString(Qt::ISODate),
                          right.sex() == IdNumber::Sex::Male ? QStringLiteral("boy") : QStringLiteral("girl"))),
             qPrintable(status->text()));
    // A guardian's mobile number of 10 digits is refused once the field is left.
    auto* phone = find<QLineEdit>("guardianPhone0");
    phone->setFocus();
    type(QStringLiteral("1380013800"));
    press(Qt::Key_Tab);
    QVERIFY(find<QLabel>("guardianPhoneError0")->isVisible());
    QCOMPARE(find<QLabel>("guardianPhoneError0")->text(),
             QStringLiteral("The mobile number of guardian 1 must be 11 digits starting with 1."));
}

void TestCounterForm::childAlreadyInTheCacheIsShownBeforeSaving()
{
    const qsizetype before = applicationItems().size();
    press(Qt::Key_Tab);
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("childIdNumber"));
    type(m_existing.child.idNumber);
    auto* known = find<QLabel>("counterKnown");
    QTRY_VERIFY_WITH_TIMEOUT(known->isVisible(), 10000);
    QVERIFY2(known->text().contains(QStringLiteral("already has an application")), qPrintable(known->text()));
    QVERIFY2(known->text().contains(m_existing.id), qPrintable(known->text()));
    QCOMPARE(applicationItems().size(), before); // nothing saved
    // Another child (not the one the first test saved here): the warning goes.
    find<QLineEdit>("childIdNumber")->clear();
    type(idNumber(m_childId.left(6), IdNumber::parse(m_childId).birthDate(), 991));
    QTRY_VERIFY_WITH_TIMEOUT(!known->isVisible(), 10000);
}

void TestCounterForm::missingNameStopsTheSaveAtItsField()
{
    const qsizetype before = applicationItems().size();
    const int rows = m_open.counter->listModel()->rowCount();
    const QString typed = typeApplication(false);
    QVERIFY2(typed.isEmpty(), qPrintable(typed));
    QVERIFY(find<QLabel>("childNameError")->isHidden()); // the field was left empty, not typed: no message yet
    QVERIFY(find<QPushButton>("counterSave")->isEnabled());
    press(Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(focusedName(), QStringLiteral("childName"));
    auto* error = find<QLabel>("childNameError");
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("Type the child's name as on the household register."));
    QVERIFY2(find<QLabel>("counterMessage")->text().contains(error->text()),
             qPrintable(find<QLabel>("counterMessage")->text()));
    // The missing papers of category A are a warning, not what stops it.
    QVERIFY(find<QLabel>("paperEvidenceWarning")->isVisible());
    QCoreApplication::processEvents(); // a save would be posted: none was
    QCOMPARE(applicationItems().size(), before);
    QCOMPARE(m_open.counter->listModel()->rowCount(), rows);
    QVERIFY(m_counterPrompter.asked.isEmpty());
    // Typed now, it saves.
    commit(kChildName);
    m_counterPrompter.pdfPath.reset(); // no receipt this time: cancelled
    find<QComboBox>("counterReceiptOutput")->setCurrentIndex(1);
    QSignalSpy saved(m_open.counter, &ui::CounterWindow::saved);
    press(Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(applicationItems().size(), before + 1);
    QTRY_VERIFY(find<QLabel>("counterMessage")->text().contains(QStringLiteral("reprint it from the list")));
}

void TestCounterForm::ctrlNAsksBeforeDiscarding()
{
    press(Qt::Key_Tab);
    press(Qt::Key_Tab);
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("childName"));
    commit(kChildName);
    m_prompter.choices = {1}; // keep typing
    press(Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(m_prompter.questions.size(), 1);
    QCOMPARE(find<QLineEdit>("childName")->text(), kChildName);
    m_prompter.choices = {0}; // discard
    press(Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(m_prompter.questions.size(), 2);
    QCOMPARE(find<QLineEdit>("childName")->text(), QString());
    QCOMPARE(focusedName(), QStringLiteral("counterGrade"));
    // An empty form starts anew without a question.
    press(Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(m_prompter.questions.size(), 2);
}

void TestCounterForm::lookupOfflineAndValuesTakenFromARecord()
{
    // Without a city platform the lookup says so in one line; the form goes on.
    press(Qt::Key_Tab);
    press(Qt::Key_Tab);
    type(m_childId);
    press(Qt::Key_Tab);
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("childLookup"));
    press(Qt::Key_Space);
    auto* status = find<QLabel>("lookupStatus");
    QTRY_VERIFY(status->text().startsWith(QStringLiteral("No lookup for the child: ")));
    QVERIFY(!find<QTreeWidget>("lookupResults")->isVisible());
    QVERIFY(find<QLineEdit>("childName")->isEnabled());

    // What the agencies hold (as a lookup brings it): the household address and a member are taken.
    AgencyRecord r;
    r.id = QStringLiteral("R-PS-TEST0001");
    r.agency = QStringLiteral("public_security");
    r.dataset = QStringLiteral("resident_population");
    r.subjectIdNumbers = {m_childId, m_guardianId};
    r.fields = QJsonObject{{QStringLiteral("household_no"), QStringLiteral("H-1")},
                           {QStringLiteral("address"), m_existing.claimedAddress},
                           {QStringLiteral("members"),
                            QJsonArray{QJsonObject{{QStringLiteral("id_number"), m_guardianId},
                                                   {QStringLiteral("name"), kGuardianName},
                                                   {QStringLiteral("relation_to_head"), QStringLiteral("head")}},
                                       QJsonObject{{QStringLiteral("id_number"), m_childId},
                                                   {QStringLiteral("name"), kChildName},
                                                   {QStringLiteral("relation_to_head"), QStringLiteral("child")}}}}};
    auto* panel = m_open.counter->findChild<ui::CounterLookupPanel*>();
    QVERIFY(panel);
    panel->showRecords(QStringLiteral("child"), QStringLiteral("the child"), {r}, m_childId);
    auto* tree = find<QTreeWidget>("lookupResults");
    QVERIFY(tree->isVisible());
    QTreeWidgetItem* record = tree->topLevelItem(0);
    QVERIFY(record);
    QTreeWidgetItem* address = nullptr;
    QList<QTreeWidgetItem*> members;
    for (int i = 0; i < record->childCount(); ++i) {
        if (record->child(i)->text(0).startsWith(QStringLiteral("Address: ")))
            address = record->child(i);
        if (record->child(i)->text(0).startsWith(QStringLiteral("Member: ")))
            members << record->child(i);
    }
    QVERIFY(address);
    QCOMPARE(members.size(), 2);
    QVERIFY2(!members.at(0)->text(0).contains(m_guardianId), "a member's ID number is shown masked");
    tree->setCurrentItem(address);
    find<QPushButton>("takeAddress")->click();
    QCOMPARE(find<QLineEdit>("claimedAddress")->text(), m_existing.claimedAddress);
    QVERIFY(find<QLabel>("addressSource")->isVisible());
    QVERIFY2(find<QLabel>("addressSource")->text().contains(QStringLiteral("record R-PS-TEST0001")),
             qPrintable(find<QLabel>("addressSource")->text()));
    // The child is no guardian of itself.
    tree->setCurrentItem(members.at(1));
    QVERIFY(!find<QPushButton>("takeMember")->isEnabled());
    tree->setCurrentItem(members.at(0));
    QVERIFY(find<QPushButton>("takeMember")->isEnabled());
    find<QPushButton>("takeMember")->click();
    QCOMPARE(find<QLineEdit>("guardianIdNumber0")->text(), m_guardianId);
    QCOMPARE(find<QLineEdit>("guardianName0")->text(), kGuardianName);
    QVERIFY(find<QLabel>("guardianSource0")->isVisible());
    QCOMPARE(focusedName(), QStringLiteral("guardianRelation0")); // what the record does not hold comes next
    sync::CounterApplication a = m_open.counter->form()->application();
    QCOMPARE(a.takenFrom.size(), 2);
    QCOMPARE(a.takenFrom.at(0).field, QStringLiteral("guardians[0]"));
    QCOMPARE(a.takenFrom.at(0).recordId, r.id);
    QCOMPARE(a.takenFrom.at(1).field, QStringLiteral("claimed_address"));
    // Typed over, the address is the clerk's again.
    find<QLineEdit>("claimedAddress")->setFocus();
    press(Qt::Key_End);
    type(QStringLiteral("A"));
    QVERIFY(find<QLabel>("addressSource")->isHidden());
    a = m_open.counter->form()->application();
    QCOMPARE(a.takenFrom.size(), 1);
}

void TestCounterForm::guardiansAreAddedAndRemoved()
{
    auto* add = find<QPushButton>("addGuardian");
    add->setFocus();
    press(Qt::Key_Space);
    QTRY_COMPARE(focusedName(), QStringLiteral("guardianIdNumber1"));
    type(m_guardianId);
    // Tab goes through the new row in the paper's order.
    for (const char* name : {"guardianName1", "guardianRelation1", "guardianPhone1", "guardianLookup1",
                             "removeGuardian1", "addGuardian"}) {
        press(Qt::Key_Tab);
        QCOMPARE(focusedName(), QLatin1String(name));
    }
    for (int i = 2; i < 4; ++i)
        add->click();
    QVERIFY(!add->isEnabled()); // four at most
    QCOMPARE(m_open.counter->form()->application().guardians.size(), 4);
    find<QPushButton>("removeGuardian0")->click();
    QTRY_COMPARE(m_open.counter->form()->application().guardians.size(), 3);
    QCOMPARE(find<QLineEdit>("guardianIdNumber0")->text(), m_guardianId); // the second moved up
    QVERIFY(add->isEnabled());
}

void TestCounterForm::searchFindsTheRowAndReprints()
{
    ui::CounterListModel* list = m_open.counter->listModel();
    QAbstractItemModelTester tester(list, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Two more taken at this counter (as admissionsctl intake would), then the list is read again.
    const auto scope = TEST_VALUE(sync::CounterIntake::scope(m_open.workspace->database().writer()));
    QStringList refs;
    for (int i = 0; i < 2; ++i) {
        sync::CounterApplication a;
        a.admissionYear = scope.admissionYear;
        a.grade = QStringLiteral("primary1");
        a.targetSchoolId = m_existing.targetSchoolId;
        a.child = {QStringLiteral("柜台%1").arg(i),
                   idNumber(m_childId.left(6), IdNumber::parse(m_childId).birthDate(), 801 + 2 * i)};
        a.guardians = {Guardian{kGuardianName, m_guardianId, QStringLiteral("mother"), QStringLiteral("13900139000")}};
        a.claimedAddress = m_existing.claimedAddress;
        a.claimedCategory = QStringLiteral("B");
        sync::CounterIntake intake(m_open.workspace->database().writer(), m_open.workspace->audit(), kClerk,
                                   role::Clerk, QString());
        refs << TEST_VALUE(intake.save(a)).clientRef;
    }
    Q_EMIT m_open.session->cacheChanged();
    QTRY_VERIFY(list->rowOf(refs.at(0)) >= 0 && list->rowOf(refs.at(1)) >= 0);
    QCOMPARE(list->clientRefAt(0), refs.at(1)); // newest first
    const int older = list->rowOf(refs.at(0));
    QVERIFY(older > 0);

    // Typed or scanned (a scanner types it and presses Enter).
    press(Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(focusedName(), QStringLiteral("counterSearch"));
    type(refs.at(0).toLower());
    press(Qt::Key_Return);
    auto* table = find<QTableView>("counterList");
    QTRY_COMPARE(table->currentIndex().row(), older);
    QVERIFY(table->selectionModel()->isRowSelected(older, {}));
    // A number not taken here says so.
    type(QStringLiteral("S000000000-00000000-00001"));
    press(Qt::Key_Return);
    auto* message = find<QLabel>("counterSearchMessage");
    QTRY_VERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("S000000000-00000000-00001")), qPrintable(message->text()));
    QCOMPARE(table->currentIndex().row(), older);

    // Reprint on the printer (the print dialog answered; the printer writes a PDF).
    QTemporaryDir out;
    m_counterPrompter.printTo = out.filePath(QStringLiteral("printed.pdf"));
    find<QComboBox>("counterReceiptOutput")->setCurrentIndex(0);
    QSignalSpy receipt(m_open.counter, &ui::CounterWindow::receiptDone);
    press(Qt::Key_R, Qt::AltModifier);
    QTRY_COMPARE(receipt.size(), 1);
    QCOMPARE(receipt.first().at(0).toString(), refs.at(0));
    QCOMPARE(m_counterPrompter.asked, QStringList{QStringLiteral("print")});
    QVERIFY(QFile::exists(m_counterPrompter.printTo));
    // Reprints are in the audit log.
    auto n = m_open.workspace->database().writer().scalar(
        QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'counter.receipt'"));
    QVERIFY_OK(n);
    QCOMPARE(n->toLongLong(), 1);
}

void TestCounterForm::offeredOnlyToRolesThatTakeApplications()
{
    {
        Open o = open(kSupervisor);
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QVERIFY(!o.window->findChild<QAction*>(QStringLiteral("newCounterAction")));
        QVERIFY(!o.window->findChild<QToolBar*>(QStringLiteral("counterToolBar")));
        QTest::keyClick(o.window.get(), Qt::Key_N, Qt::ControlModifier);
        QCoreApplication::processEvents(); // the shortcut acts at once when it exists
        QVERIFY(!o.window->counterWindow());
    }
    {
        Open o = open(testsupport::kReviewer);
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        auto* action = o.window->findChild<QAction*>(QStringLiteral("newCounterAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::New));
        QVERIFY(!o.window->findChild<QToolBar*>(QStringLiteral("counterToolBar"))); // the toolbar is a clerk's
        // No other action of the window has Ctrl+N.
        for (QAction* other : o.window->findChildren<QAction*>())
            if (other != action)
                QVERIFY2(!other->shortcuts().contains(QKeySequence(QKeySequence::New)),
                         qPrintable(other->objectName()));
    }
    {
        Open o = open(kClerk);
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        auto* bar = o.window->findChild<QToolBar*>(QStringLiteral("counterToolBar"));
        QVERIFY(bar);
        QAction* intake = o.window->findChild<QAction*>(QStringLiteral("counterIntakeAction"));
        QVERIFY(intake && bar->actions().contains(intake));
        intake->trigger();
        QTRY_VERIFY(o.window->counterWindow() && o.window->counterWindow()->isReady());
        QVERIFY2(o.window->counterWindow()->windowTitle().startsWith(QStringLiteral("Counter intake — ")),
                 qPrintable(o.window->counterWindow()->windowTitle()));
        // Locking closes it with the session.
        QPointer<ui::CounterWindow> counter = o.window->counterWindow();
        o.window->lock();
        QVERIFY(!o.window->counterWindow());
        QTRY_VERIFY(!counter);
    }
}

QTEST_MAIN(TestCounterForm)
#include "tst_counterform.moc"
