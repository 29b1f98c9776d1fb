#include "CityFixture.h"
#include "CounterForm.h"
#include "CounterWindow.h"
#include "MainWindow.h"
#include "ResultCheck.h"
#include "ScriptedPrompter.h"
#include "store/Workspace.h"
#include "views/DraftStore.h"
#include "views/LocalSession.h"
#include "views/OpenCache.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace adm;

// kill -9 of the workstation while a walk-in application is typed at the counter loses at most the
// last seconds of typing (issue 13): the form's draft is in the encrypted cache, and the next counter
// window offers it back with what was typed. The typing window runs in a process of its own
// (counter_child), killed with SIGKILL.
class TestCounterKill : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void killWhileTypingKeepsTheForm();

private:
    QString child() const
    {
        return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("counter_child"));
    }
    std::optional<QJsonObject> draft();

    QTemporaryDir m_dir;
};

namespace {
const QString kIdNumber = QStringLiteral("37110220190612003X");
const QString kName = QStringLiteral("王小明");
} // namespace

void TestCounterKill::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(testsupport::makeCityWorkspace(m_dir.path(), 300));
    QVERIFY(QFile::exists(child()));
}

std::optional<QJsonObject> TestCounterKill::draft()
{
    auto ws = store::Workspace::unlock(m_dir.path(), testsupport::kReviewer, testsupport::kPassphrase);
    if (!ws) {
        qWarning("unlock: %s", qPrintable(ws.error().message));
        return std::nullopt;
    }
    auto body = views::DraftStore((*ws)->database().writer()).counterForm(testsupport::kReviewer);
    if (!body || !body->has_value())
        return std::nullopt;
    return QJsonDocument::fromJson(**body).object();
}

void TestCounterKill::killWhileTypingKeepsTheForm()
{
    QProcess p;
    QByteArray out;
    connect(&p, &QProcess::readyReadStandardOutput, this, [&] { out += p.readAllStandardOutput(); });
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(child(), {m_dir.path(), kIdNumber, kName});
    QVERIFY(p.waitForStarted());
    // The draft reaches the cache a short time after the typing stops; the window stays open.
    QTRY_VERIFY2_WITH_TIMEOUT(out.contains("kept\n") || p.state() != QProcess::Running, out.constData(), 60000);
    QVERIFY2(p.state() == QProcess::Running, out.constData());
    p.kill(); // SIGKILL: nothing runs in the child any more
    QVERIFY(p.waitForFinished());
    QCOMPARE(p.exitStatus(), QProcess::CrashExit);

    const std::optional<QJsonObject> kept = draft();
    QVERIFY(kept);
    const QJsonObject typedChild = kept->value(QStringLiteral("child")).toObject();
    QCOMPARE(typedChild.value(QStringLiteral("id_number")).toString(), kIdNumber);
    QCOMPARE(typedChild.value(QStringLiteral("name")).toString(), kName);
    // Encrypted: no file of the data folder holds the ID number or the name.
    for (const QString& name : QDir(m_dir.path()).entryList(QDir::Files)) {
        QFile f(m_dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY2(!bytes.contains(kIdNumber.toLatin1()), qPrintable(name));
        QVERIFY2(!bytes.contains(kName.toUtf8()), qPrintable(name));
    }

    // The next counter window offers it; "Continue it" fills the form with what was typed.
    {
        auto ws = store::Workspace::unlock(m_dir.path(), testsupport::kReviewer, testsupport::kPassphrase);
        QVERIFY_OK(ws);
        ScriptedPrompter prompter;
        prompter.choices = {0};
        ui::MainWindow window(
            std::make_unique<views::LocalSession>(std::move(*ws)),
            [](views::OpenCache cache) -> std::unique_ptr<views::Session> {
                return std::make_unique<views::LocalSession>(cache.take());
            },
            &prompter);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.findChild<QAction*>(QStringLiteral("newCounterAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.counterWindow() && window.counterWindow()->isReady(), 30000);
        ui::CounterWindow* counter = window.counterWindow();
        QCOMPARE(prompter.questions.size(), 1);
        QVERIFY2(prompter.questions.first().startsWith(
                     QStringLiteral("An application typed earlier was not saved: continue it?")),
                 qPrintable(prompter.questions.first()));
        QCOMPARE(counter->findChild<QLineEdit*>(QStringLiteral("childIdNumber"))->text(), kIdNumber);
        QCOMPARE(counter->findChild<QLineEdit*>(QStringLiteral("childName"))->text(), kName);
        QVERIFY(counter->form()->hasTypedText());
        // Discarded on purpose (Ctrl+N, "Discard"): the draft is gone from the cache.
        prompter.choices = {0};
        counter->newApplication();
        QCOMPARE(counter->findChild<QLineEdit*>(QStringLiteral("childName"))->text(), QString());
    }
    QVERIFY(!draft());
}

QTEST_MAIN(TestCounterKill)
#include "tst_counterkill.moc"
