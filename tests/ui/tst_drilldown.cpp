#include "CityFixture.h"
#include "FilterBar.h"
#include "MainWindow.h"
#include "QueuePane.h"
#include "ResultCheck.h"
#include "ScriptedPrompter.h"
#include "security/Roles.h"
#include "store/CacheEligibility.h"
#include "store/ChangeApplier.h"
#include "store/Sql.h"
#include "store/Workspace.h"
#include "views/LocalSession.h"
#include "views/OpenCache.h"
#include "views/QueueModel.h"

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace adm;

namespace {
const QString kSupervisor = QStringLiteral("zhao.min");
const QString kOtherPassphrase = QStringLiteral("another passphrase 2");
} // namespace

// Supervision's drill-down (issue 16) in the real main window of a bureau supervisor:
// MainWindow::showQueueQuery shows the queue view the dashboard asks for, its drill-down filters as
// chips, and the chips go with the keyboard (Space on a chip, then Clear).
class TestDrillDown : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void showsTheQueryAndItsChips();

private:
    qint64 approvedIn(const QString& district, const QString& officer);

    QTemporaryDir m_dir;
    QString m_district;
};

void TestDrillDown::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    auto ws = testsupport::makeCityWorkspace(m_dir.path(), 400);
    QVERIFY(ws);
    QVERIFY_OK(ws->addUser(kSupervisor, role::Supervisor, security::SecretBytes(kOtherPassphrase), false));
    // Twelve applications of one district decided upstream by officer.liu: nine approvals, three rejections.
    store::Connection& db = ws->database().writer();
    QList<Change> changes;
    {
        auto q = db.prepare(
            QStringLiteral("SELECT a.id, a.version, a.data, s.district_code FROM applications a JOIN "
                           "schools s ON s.id = a.target_school_id WHERE a.status = 'submitted' AND "
                           "s.district_code = (SELECT s2.district_code FROM applications a2 JOIN schools s2 ON s2.id = "
                           "a2.target_school_id GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) "
                           "ORDER BY a.id LIMIT 12"));
        QVERIFY_OK(q);
        while (q->step()) {
            m_district = q->text(3);
            QJsonObject data = QJsonDocument::fromJson(q->utf8(2)).object();
            const bool approve = changes.size() % 4 != 3;
            data.insert(
                QStringLiteral("decision"),
                QJsonObject{{QStringLiteral("outcome"), approve ? QStringLiteral("approve") : QStringLiteral("reject")},
                            {QStringLiteral("category"), approve ? QJsonValue(QStringLiteral("C")) : QJsonValue()},
                            {QStringLiteral("decided_by"), QStringLiteral("officer.liu")},
                            {QStringLiteral("decided_at"), QStringLiteral("2026-06-02T08:00:00Z")}});
            data.insert(QStringLiteral("status"), approve ? QStringLiteral("approved") : QStringLiteral("rejected"));
            const qint64 version = q->int64(1) + 1;
            data.insert(QStringLiteral("version"), version);
            changes.append(testsupport::applicationUpsert(q->text(0), data, version));
        }
    }
    QCOMPARE(changes.size(), 12);
    QVERIFY_OK(store::ChangeApplier(db).apply(changes));
    QVERIFY_OK(store::CacheEligibility(db).refresh());
    QVERIFY(!m_district.isEmpty());
}

// From the applications themselves: approved ones of the district's schools, decided by `officer`
// (any officer when empty).
qint64 TestDrillDown::approvedIn(const QString& district, const QString& officer)
{
    auto ws = store::Workspace::unlock(m_dir.path(), testsupport::kReviewer, testsupport::kPassphrase);
    if (!ws)
        return -1;
    auto q = (*ws)->database().writer().prepare(
        QStringLiteral("SELECT a.data FROM applications a JOIN schools s ON s.id = a.target_school_id WHERE "
                       "a.status = 'approved' AND (coalesce(?, '') = '' OR s.district_code = ?)"));
    if (!q)
        return -1;
    q->bind(1, district).bind(2, district);
    qint64 n = 0;
    while (q->step()) {
        const QJsonObject data = QJsonDocument::fromJson(q->utf8(0)).object();
        const QString by =
            data.value(QStringLiteral("decision")).toObject().value(QStringLiteral("decided_by")).toString();
        n += officer.isEmpty() || by == officer;
    }
    return n;
}

void TestDrillDown::showsTheQueryAndItsChips()
{
    const qint64 byOfficer = approvedIn(m_district, QStringLiteral("officer.liu"));
    const qint64 inDistrict = approvedIn(m_district, {});
    const qint64 approved = approvedIn({}, {});
    QCOMPARE(byOfficer, 9);
    QVERIFY2(inDistrict > byOfficer && approved > inDistrict,
             qPrintable(QStringLiteral("%1 %2 %3").arg(byOfficer).arg(inDistrict).arg(approved)));

    ScriptedPrompter prompter;
    auto ws = store::Workspace::unlock(m_dir.path(), kSupervisor, security::SecretBytes(kOtherPassphrase));
    QVERIFY_OK(ws);
    ui::MainWindow window(
        std::make_unique<views::LocalSession>(std::move(*ws)),
        [](views::OpenCache cache) -> std::unique_ptr<views::Session> {
            return std::make_unique<views::LocalSession>(cache.take());
        },
        &prompter);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto* model = window.queuePane()->model();
    QVERIFY(model);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isCounting() && model->rowCount() > 0, 10000);
    auto* districtChip = window.findChild<QToolButton*>(QStringLiteral("districtChip"));
    auto* decisionsChip = window.findChild<QToolButton*>(QStringLiteral("decisionsChip"));
    auto* clear = window.findChild<QToolButton*>(QStringLiteral("clearFiltersButton"));
    QVERIFY(districtChip && decisionsChip && clear);
    QVERIFY(!districtChip->isVisible() && !decisionsChip->isVisible());

    views::QueueQuery query;
    query.bin = views::Bin::Approved;
    query.filter.districtCode = m_district;
    query.filter.officer = QStringLiteral("officer.liu");
    window.showQueueQuery(query);

    QTRY_VERIFY(districtChip->isVisible() && decisionsChip->isVisible());
    QCOMPARE(districtChip->text(), QStringLiteral("District %1 ×").arg(m_district));
    QCOMPARE(decisionsChip->text(), QStringLiteral("Decisions by officer.liu ×"));
    QTRY_COMPARE_WITH_TIMEOUT(model->query().filter.officer, QStringLiteral("officer.liu"), 5000);
    QCOMPARE(model->query().bin, views::Bin::Approved);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isCounting() && model->count() == byOfficer, 10000);

    // The keyboard: Tab reaches a chip, Space removes its filter, the focus stays in the bar.
    QVERIFY(decisionsChip->focusPolicy() & Qt::TabFocus);
    decisionsChip->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(decisionsChip->hasFocus());
    QTest::keyClick(decisionsChip, Qt::Key_Space);
    QTRY_VERIFY(!decisionsChip->isVisible());
    QVERIFY(districtChip->hasFocus());
    QTRY_VERIFY_WITH_TIMEOUT(
        !model->isCounting() && model->query().filter.officer.isEmpty() && model->count() == inDistrict, 10000);
    // Clear, with the keyboard too, takes the district's chip away.
    clear->setFocus(Qt::TabFocusReason);
    QTest::keyClick(clear, Qt::Key_Space);
    QTRY_VERIFY(!districtChip->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(
        !model->isCounting() && model->query().filter == views::QueueFilter() && model->count() == approved, 10000);
}

QTEST_MAIN(TestDrillDown)
#include "tst_drilldown.moc"
