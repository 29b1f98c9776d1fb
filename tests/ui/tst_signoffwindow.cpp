#include "CityFixture.h"
#include "DetailPane.h"
#include "MainWindow.h"
#include "PdfText.h"
#include "QueuePane.h"
#include "RelativesDialog.h"
#include "ResultCheck.h"
#include "ScriptedPrompter.h"
#include "SignOffPrompter.h"
#include "SignOffWindow.h"
#include "security/Roles.h"
#include "security/Signatures.h"
#include "store/QueueRules.h"
#include "store/Sql.h"
#include "store/Workspace.h"
#include "sync/Outbox.h"
#include "sync/SignOff.h"
#include "sync/SignOffReads.h"
#include "sync/SyncState.h"
#include "views/BinCountsModel.h"
#include "views/LocalSession.h"
#include "views/OpenCache.h"
#include "views/QueueModel.h"

#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

using namespace adm;

namespace {

const QString kPrincipal = QStringLiteral("wang.xiaozhang");
const QString kPrincipalPassphrase = QStringLiteral("principal passphrase 3");
const QString kAccount = QStringLiteral("principal.s371102001");

// Answers the sign-off's questions as the test says; the passphrase of a signature is asked by the real
// dialog ("signPassphrase"), typed into it with the keyboard.
class ScriptedSignOffPrompter : public ui::DialogSignOffPrompter {
public:
    QString title = QStringLiteral("First batch");
    QString passphrase; // typed into the signature's dialog
    QString shownText;  // what that dialog said
    QStringList asked;

    std::optional<sync::BatchSelection> askNewBatch(QWidget*, const ui::NewBatchContext& context) override
    {
        asked << QStringLiteral("new batch");
        sync::BatchSelection s;
        s.title = title;
        s.schoolId = context.schoolId;
        return s;
    }
    std::optional<ui::NewKeyAnswer> askNewKey(QWidget*) override
    {
        asked << QStringLiteral("new key");
        ui::NewKeyAnswer a;
        a.passphrase = security::SecretBytes(kPrincipalPassphrase);
        return a;
    }
    std::optional<security::SecretBytes> askSignPassphrase(QWidget* parent, const sync::BatchSummary& batch,
                                                           const sync::SigningKeyInfo& key) override
    {
        asked << QStringLiteral("sign");
        // Typed into the real dialog once it shows.
        QTimer::singleShot(50, [this] { typeIntoDialog(); });
        return ui::DialogSignOffPrompter::askSignPassphrase(parent, batch, key);
    }
    std::optional<QString> askExportFolder(QWidget*, const QString&) override { return std::nullopt; }
    QString noticeFile; // where "Public notice…" writes; empty: cancelled
    std::optional<QString> askNoticeFile(QWidget*, const QString&) override
    {
        asked << QStringLiteral("notice");
        return noticeFile.isEmpty() ? std::nullopt : std::optional<QString>(noticeFile);
    }

private:
    void typeIntoDialog()
    {
        QWidget* dialog = QApplication::activeModalWidget();
        if (!dialog || dialog->objectName() != QLatin1String("signPassphrase")) {
            QTimer::singleShot(50, [this] { typeIntoDialog(); });
            return;
        }
        if (auto* text = dialog->findChild<QLabel*>(QStringLiteral("passphraseText")))
            shownText = text->text();
        auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("passphraseEdit"));
        if (!edit) {
            qWarning("no passphrase edit in the dialog");
            return;
        }
        edit->setFocus();
        QTest::keyClicks(edit, passphrase);
        QTest::keyClick(edit, Qt::Key_Return);
    }
};

QWidget* focused()
{
    return QApplication::focusWidget();
}

} // namespace

// The principal's sign-off window (issue 14) on the real widgets over a generated city's cache, with the
// keyboard: a signing key generated, a batch made from the candidates, every override marked seen with
// Space, a wrong passphrase refused with nothing signed, then the batch signed: its outbox item holds
// the canonical bytes, whose signature verifies with the key's public key. A reviewer has no sign-off.
class TestSignOffWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void wholeSignOffWithTheKeyboard();
    void reviewerHasNoSignOff();
    void reviewerSeesReturnedAndRelated();

private:
    std::unique_ptr<ui::MainWindow> open(const QString& user, const QString& passphrase);

    QTemporaryDir m_dir;
    QString m_school;
    ScriptedPrompter m_prompter;
    ScriptedSignOffPrompter m_signOffPrompter;
    std::unique_ptr<ui::MainWindow> m_window;
    store::Workspace* m_workspace = nullptr;
};

void TestSignOffWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    auto ws = testsupport::makeCityWorkspace(m_dir.filePath(QStringLiteral("ws")), 400);
    QVERIFY(ws);
    m_school = testsupport::addSignOffDesk(*ws, kPrincipal, kPrincipalPassphrase, kAccount);
    QVERIFY2(!m_school.isEmpty(), "no sign-off desk");
    store::Connection& db = ws->database().writer();
    const auto candidates = TEST_VALUE(sync::SignOffReads::candidates(db, m_school));
    QVERIFY2(!candidates.value(QStringLiteral("approve")).isEmpty(), "no approval is a candidate");
}

std::unique_ptr<ui::MainWindow> TestSignOffWindow::open(const QString& user, const QString& passphrase)
{
    auto ws = store::Workspace::unlock(m_dir.filePath(QStringLiteral("ws")), user, security::SecretBytes(passphrase));
    if (!ws) {
        qWarning("unlock failed: %s", qPrintable(ws.error().message));
        return nullptr;
    }
    m_workspace = ws->get();
    auto session = std::make_unique<views::LocalSession>(std::move(*ws));
    auto window = std::make_unique<ui::MainWindow>(
        std::move(session),
        [](views::OpenCache cache) -> std::unique_ptr<views::Session> {
            return std::make_unique<views::LocalSession>(cache.take());
        },
        &m_prompter);
    window->setSignOffPrompter(&m_signOffPrompter);
    window->show();
    QApplication::setActiveWindow(window.get());
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("the main window did not become active");
    return window;
}

void TestSignOffWindow::cleanup()
{
    m_window.reset();
    m_workspace = nullptr;
}

void TestSignOffWindow::wholeSignOffWithTheKeyboard()
{
    m_window = open(kPrincipal, kPrincipalPassphrase);
    QVERIFY(m_window);
    QVERIFY(m_window->findChild<QAction*>(QStringLiteral("signOffAction")));
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    ui::SignOffWindow* w = nullptr;
    QTRY_VERIFY(w = m_window->signOffWindow());
    QCOMPARE(w->objectName(), QStringLiteral("signOffWindow"));
    QApplication::setActiveWindow(w);
    QVERIFY(QTest::qWaitForWindowActive(w));
    QTRY_VERIFY_WITH_TIMEOUT(!w->overview().schoolId.isEmpty(), 10000);
    QCOMPARE(w->overview().schoolId, m_school);
    QCOMPARE(w->overview().account, kAccount);
    QVERIFY(!w->overview().key);
    QVERIFY(w->overview().batches.isEmpty());
    QVERIFY(!w->overview().candidates.value(QStringLiteral("approve")).isEmpty());

    QSignalSpy answers(w, &ui::SignOffWindow::answered);
    // Alt+G: a signing key (Ed25519 by default), its fingerprint shown.
    QTest::keyClick(focused(), Qt::Key_G, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 1, 20000);
    QVERIFY2(answers.last().at(0).toBool(), qPrintable(answers.last().at(1).toString()));
    QTRY_VERIFY(w->overview().key.has_value());
    const sync::SigningKeyInfo key = *w->overview().key;
    QCOMPARE(key.algorithm, QStringLiteral("ed25519"));
    QVERIFY(w->message().contains(key.fingerprint));
    QVERIFY(w->findChild<QLabel*>(QStringLiteral("signingKeyLine"))->text().contains(key.fingerprint));

    // Ctrl+N: a batch of the candidates; its review shows, the focus in the overrides.
    QTest::keyClick(focused(), Qt::Key_N, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 2, 20000);
    QVERIFY2(answers.last().at(0).toBool(), qPrintable(answers.last().at(1).toString()));
    QTRY_VERIFY(w->review() && w->review()->batch.title == m_signOffPrompter.title);
    const QString batchId = w->review()->batch.id;
    auto* overrides = w->findChild<QTreeWidget*>(QStringLiteral("overrideList"));
    QVERIFY(overrides);
    const int overrideCount = int(w->review()->overrides().size());
    QVERIFY2(overrideCount > 0, "the batch has no override to see");
    QCOMPARE(overrides->topLevelItemCount(), overrideCount);
    QVERIFY(!w->findChild<QLabel*>(QStringLiteral("seatsLabel"))->text().isEmpty());

    // Signing before every override was seen: told so, nothing asked.
    // (A button's mnemonic clicks it a moment later: animateClick.)
    QTRY_VERIFY(w->findChild<QWidget*>(QStringLiteral("signButton"))->isEnabled());
    QTest::keyClick(focused(), Qt::Key_S, Qt::AltModifier);
    QTRY_VERIFY2(w->message().contains(QStringLiteral("%1 left").arg(overrideCount)), qPrintable(w->message()));
    QVERIFY(!m_signOffPrompter.asked.contains(QStringLiteral("sign")));
    QTRY_COMPARE(focused(), static_cast<QWidget*>(overrides));

    // Space on each row marks it seen, the next row coming up.
    overrides->setCurrentItem(overrides->topLevelItem(0));
    for (int i = 0; i < overrideCount; ++i) {
        const int before = int(answers.size());
        QCOMPARE(focused(), static_cast<QWidget*>(overrides));
        QTest::keyClick(focused(), Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), before + 1, 10000);
        QVERIFY2(answers.last().at(0).toBool(), qPrintable(answers.last().at(1).toString()));
    }
    auto everySeen = [&] {
        if (!w->review() || w->review()->batch.id != batchId)
            return false;
        for (const sync::BatchItem& i : w->review()->items)
            if (i.needsSeeing())
                return false;
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(everySeen(), 10000);

    // A wrong passphrase signs nothing.
    m_signOffPrompter.passphrase = QStringLiteral("not my passphrase");
    int before = int(answers.size());
    QTest::keyClick(focused(), Qt::Key_S, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), before + 1, 20000);
    QVERIFY(!answers.last().at(0).toBool());
    QVERIFY(m_signOffPrompter.shownText.contains(key.fingerprint));
    auto opened = m_workspace->database().openReader();
    QVERIFY_OK(opened);
    std::unique_ptr<store::Connection> reader = std::move(*opened);
    auto batch = TEST_VALUE(sync::SignOffReads::find(*reader, batchId));
    QVERIFY(batch);
    QCOMPARE(batch->state, sync::batchstate::Draft);
    auto batchItems = [&] {
        QList<sync::OutboxItem> out;
        for (const sync::OutboxItem& i : TEST_VALUE(sync::Outbox(*reader).list()))
            if (i.kind == QLatin1String("batch"))
                out << i;
        return out;
    };
    QVERIFY(batchItems().isEmpty());

    // The right one signs it.
    m_signOffPrompter.passphrase = kPrincipalPassphrase;
    before = int(answers.size());
    QTRY_VERIFY(w->findChild<QWidget*>(QStringLiteral("signButton"))->isEnabled());
    QApplication::setActiveWindow(w);
    QVERIFY(QTest::qWaitForWindowActive(w));
    QTest::keyClick(focused() ? focused() : w, Qt::Key_S, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), before + 1, 20000);
    QVERIFY2(answers.last().at(0).toBool(), qPrintable(answers.last().at(1).toString()));
    batch = TEST_VALUE(sync::SignOffReads::find(*reader, batchId));
    QVERIFY(batch);
    QCOMPARE(batch->state, sync::batchstate::Signed);
    QCOMPARE(batch->keyId, key.keyId);
    const QList<sync::OutboxItem> items = batchItems();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().subjectId, batchId);
    const auto bytes = TEST_VALUE(sync::SignOffReads::signedBytes(*reader, batchId));
    QVERIFY(!bytes.canonical.isEmpty());
    QCOMPARE(bytes.publicKeyPem, key.publicKeyPem);
    QVERIFY_OK(crypto::verifySignature(key.publicKeyPem, crypto::SignatureAlgorithm::Ed25519, bytes.canonical,
                                       bytes.signature));
    QByteArray changed = bytes.canonical;
    changed[changed.size() / 2] = changed.at(changed.size() / 2) == 'a' ? 'b' : 'a';
    QVERIFY(!crypto::verifySignature(key.publicKeyPem, crypto::SignatureAlgorithm::Ed25519, changed, bytes.signature));
    // The list says it is signed.
    QTRY_VERIFY(w->overview().batches.size() == 1 && w->overview().batches.first().state == sync::batchstate::Signed);
    auto* list = w->findChild<QListWidget*>(QStringLiteral("batchList"));
    QTRY_VERIFY(list->count() == 1 && list->item(0)->text().contains(m_signOffPrompter.title));

    // The public notice of the signed batch (Alt+P): a PDF naming the batch, its audit entry.
    auto* notice = w->findChild<QPushButton*>(QStringLiteral("noticeButton"));
    QVERIFY(notice);
    QTRY_VERIFY(notice->isEnabled());
    m_signOffPrompter.noticeFile = m_dir.filePath(QStringLiteral("notice.pdf"));
    const qsizetype noticeBefore = answers.size();
    QApplication::setActiveWindow(w);
    QVERIFY(QTest::qWaitForWindowActive(w));
    QTest::keyClick(focused(), Qt::Key_P, Qt::AltModifier);
    QTRY_VERIFY_WITH_TIMEOUT(answers.size() > noticeBefore, 20000);
    QVERIFY2(answers.last().at(0).toBool(), qPrintable(answers.last().at(1).toString()));
    QVERIFY(m_signOffPrompter.asked.contains(QStringLiteral("notice")));
    QVERIFY(QFileInfo(m_signOffPrompter.noticeFile).size() > 0);
    QString error;
    const QString text = testsupport::pdfText(m_signOffPrompter.noticeFile, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(testsupport::textHolds(text, batchId), qPrintable(text));
    auto audit = reader->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'batch.notice'"));
    QVERIFY_OK(audit);
    QCOMPARE(audit->toInt(), 1);
}

void TestSignOffWindow::reviewerHasNoSignOff()
{
    m_window = open(testsupport::kReviewer, testsupport::kPassphrase);
    QVERIFY(m_window);
    QVERIFY(!m_window->findChild<QAction*>(QStringLiteral("signOffAction")));
    QVERIFY(m_window->findChild<QAction*>(QStringLiteral("declaredRelativesAction")));
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QCoreApplication::processEvents(); // the shortcut acts at once when it exists
    QVERIFY(!m_window->signOffWindow());
}

// A reviewer on the principal's workstation: the item the principal returned waits in the overlay bin
// "Returned by the principal" with the note in the detail pane; declaring a relative named on it
// (Workstation → Declared relatives…) greys its row with the reason and puts the refusal in the pane.
void TestSignOffWindow::reviewerSeesReturnedAndRelated()
{
    const QString note = QStringLiteral("请核实租赁合同的备案日期");
    QString id;
    QString childId;
    {
        // A draft of the principal's with one item returned (the candidates went to the signed batch).
        auto opened = store::Workspace::unlock(m_dir.filePath(QStringLiteral("ws")), kPrincipal,
                                               security::SecretBytes(kPrincipalPassphrase));
        QVERIFY_OK(opened);
        std::unique_ptr<store::Workspace> ws = std::move(*opened);
        store::Connection& db = ws->database().writer();
        auto app = db.prepare(QStringLiteral("SELECT id, child_id_number FROM applications WHERE target_school_id = ? "
                                             "AND status = 'approved' ORDER BY id LIMIT 1"));
        QVERIFY_OK(app);
        app->bind(1, m_school);
        QVERIFY(app->step());
        id = app->text(0);
        childId = app->text(1);
        QVERIFY_OK(db.exec(QStringLiteral("INSERT INTO batches (id, school_id, title, created_at, created_by) VALUES "
                                          "('b-returned', '%1', 'second', '2026-06-20T08:00:00Z', '%2')")
                               .arg(m_school, kPrincipal)));
        QVERIFY_OK(db.exec(QStringLiteral("INSERT INTO batch_items (batch_id, application_id, version, outcome) SELECT "
                                          "'b-returned', id, version, 'approve' FROM applications WHERE id = '%1'")
                               .arg(id)));
        sync::SignOff signOff(db, ws->audit(), kPrincipal, QStringLiteral("principal"), kAccount);
        QVERIFY_OK(signOff.returnItem(QStringLiteral("b-returned"), id, note));
    }
    m_window = open(testsupport::kReviewer, testsupport::kPassphrase);
    QVERIFY(m_window);
    auto* binList = m_window->findChild<QTreeView*>(QStringLiteral("binList"));
    QVERIFY(binList);
    auto* bins = qobject_cast<views::BinCountsModel*>(binList->model());
    QTRY_COMPARE(bins->countOf(views::Bin::Returned), qint64(1));
    const QRect rect = binList->visualRect(bins->index(store::QueueRules::listedRow(views::Bin::Returned), 0));
    QTest::mouseClick(binList->viewport(), Qt::LeftButton, {}, rect.center());
    views::QueueModel* model = m_window->findChild<ui::QueuePane*>()->model();
    QTRY_VERIFY(model->query().bin == views::Bin::Returned && !model->isCounting() && model->rowCount() == 1);
    QTRY_COMPARE(model->applicationIdAt(0), id);
    QTRY_VERIFY(m_window->detailPane()->detail() && m_window->detailPane()->detail()->application.id == id);
    QLabel* banner = nullptr;
    QTRY_VERIFY(banner = m_window->findChild<QLabel*>(QStringLiteral("returnedBanner")));
    QVERIFY2(banner->text().contains(note) && banner->text().contains(kPrincipal), qPrintable(banner->text()));
    QVERIFY(!model->data(model->index(0, 0), views::QueueModel::RefusedRole).toBool());

    // The reviewer declares the child as a relative: the row greys, and the pane says someone else decides.
    auto* relatives = m_window->findChild<QAction*>(QStringLiteral("declaredRelativesAction"));
    QVERIFY(relatives);
    relatives->trigger();
    ui::RelativesDialog* dialog = nullptr;
    QTRY_VERIFY(dialog = m_window->findChild<ui::RelativesDialog*>());
    auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("relativeIdNumber"));
    QVERIFY(edit);
    edit->setFocus();
    QTest::keyClicks(edit, childId);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(model->data(model->index(0, 0), views::QueueModel::RefusedRole).toBool(), 10000);
    QCOMPARE(model->data(model->index(0, 1), Qt::ToolTipRole).toString(), ui::DetailPane::relationRefusal());
    QVERIFY(model->data(model->index(0, 1), Qt::ForegroundRole).isValid());
    QTRY_VERIFY(m_window->findChild<QLabel*>(QStringLiteral("declaredRelationBanner")));
    dialog->close();
}

QTEST_MAIN(TestSignOffWindow)
#include "tst_signoffwindow.moc"
