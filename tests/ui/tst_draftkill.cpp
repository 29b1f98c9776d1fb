#include "CityFixture.h"
#include "ResultCheck.h"
#include "store/Workspace.h"
#include "views/DraftStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace adm;

// kill -9 of the workstation while a decision dialog is open loses at most the last seconds of
// typing: the draft is found in the cache afterwards, and the next start offers it again. The
// window runs in a process of its own (draft_child), killed with SIGKILL.
class TestDraftKill : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void killWithADialogOpenKeepsTheDraft();

private:
    std::optional<views::DecisionDraft> draft(store::Workspace& ws);
    QString child() const
    {
        return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("draft_child"));
    }

    QTemporaryDir m_dir;
    QString m_application;
};

void TestDraftKill::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    auto ws = testsupport::makeCityWorkspace(m_dir.path(), 300);
    QVERIFY(ws);
    // An application of the To review bin, which the child finds by its number.
    m_application = TEST_VALUE(ws->database().writer().scalar(QStringLiteral(
                                   "SELECT application_id FROM queue_rows WHERE bin = 0 ORDER BY qid LIMIT 1")))
                        .toString();
    QVERIFY(!m_application.isEmpty());
    QVERIFY(QFile::exists(child()));
}

std::optional<views::DecisionDraft> TestDraftKill::draft(store::Workspace& ws)
{
    auto d = views::DraftStore(ws.database().writer()).draft(testsupport::kReviewer);
    if (!d)
        qWarning("draft: %s", qPrintable(d.error().message));
    return d ? *d : std::nullopt;
}

void TestDraftKill::killWithADialogOpenKeepsTheDraft()
{
    const QString typed = QStringLiteral("Grandmother's hukou book arrives Tuesday, check page 3");
    QProcess p;
    QByteArray out;
    connect(&p, &QProcess::readyReadStandardOutput, this, [&] { out += p.readAllStandardOutput(); });
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(child(), {QStringLiteral("write"), m_dir.path(), m_application, typed});
    QVERIFY(p.waitForStarted());
    QTRY_VERIFY2_WITH_TIMEOUT(out.contains("typed\n") || p.state() != QProcess::Running, out.constData(), 60000);
    QVERIFY2(p.state() == QProcess::Running, out.constData());

    // The draft reaches the cache a short time after the typing stops (while the dialog stays open).
    {
        auto ws = store::Workspace::unlock(m_dir.path(), testsupport::kReviewer, testsupport::kPassphrase);
        QVERIFY_OK(ws);
        QTRY_VERIFY_WITH_TIMEOUT(draft(**ws) && draft(**ws)->field(QStringLiteral("noteEdit")) == typed, 20000);
    }
    QVERIFY(p.state() == QProcess::Running); // the dialog is still open
    p.kill();                                // SIGKILL: nothing runs in the child any more
    QVERIFY(p.waitForFinished());
    QCOMPARE(p.exitStatus(), QProcess::CrashExit);

    {
        auto ws = store::Workspace::unlock(m_dir.path(), testsupport::kReviewer, testsupport::kPassphrase);
        QVERIFY_OK(ws);
        const std::optional<views::DecisionDraft> kept = draft(**ws);
        QVERIFY(kept);
        QCOMPARE(kept->kind, QStringLiteral("approve"));
        QCOMPARE(kept->applicationId, m_application);
        QCOMPARE(kept->field(QStringLiteral("noteEdit")), typed);
    }
    // Encrypted: no file of the data folder holds the text.
    for (const QString& name : QDir(m_dir.path()).entryList(QDir::Files)) {
        QFile f(m_dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains(QByteArrayLiteral("hukou book")), qPrintable(name));
    }

    // The next start offers it; "Go on" reopens the dialog with the text; Esc, "Discard" clears it.
    QProcess again;
    QByteArray said;
    connect(&again, &QProcess::readyReadStandardOutput, this, [&] { said += again.readAllStandardOutput(); });
    again.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    again.start(child(), {QStringLiteral("resume"), m_dir.path()});
    QVERIFY(again.waitForStarted());
    QTRY_VERIFY2_WITH_TIMEOUT(again.state() == QProcess::NotRunning, said.constData(), 60000);
    QCOMPARE(again.exitCode(), 0);
    const QString text = QString::fromUtf8(said);
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 4, qPrintable(text));
    QCOMPARE(lines.at(0), QStringLiteral("asked: You were writing a decision on application %1 when the "
                                         "workstation stopped. Go on?")
                              .arg(m_application));
    QCOMPARE(lines.at(1), QStringLiteral("note: ") + typed);
    QVERIFY2(lines.at(2).startsWith(QStringLiteral("asked: Discard what you typed for application ")),
             qPrintable(text));
    QCOMPARE(lines.at(3), QStringLiteral("closed"));
    auto ws = store::Workspace::unlock(m_dir.path(), testsupport::kReviewer, testsupport::kPassphrase);
    QVERIFY_OK(ws);
    QVERIFY(!draft(**ws));
}

QTEST_MAIN(TestDraftKill)
#include "tst_draftkill.moc"
