#include "CacheCountsDialog.h"

#include "views/CacheReads.h"
#include "views/Labels.h"
#include "views/ReaderThread.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace adm::ui {

namespace {

QString groupTitle(const QString& key)
{
    if (key == QLatin1String("entities"))
        return CacheCountsDialog::tr("Records in the cache");
    if (key == QLatin1String("datasets"))
        return CacheCountsDialog::tr("Agency records by data set");
    if (key == QLatin1String("statuses"))
        return CacheCountsDialog::tr("Applications by status");
    if (key == QLatin1String("channels"))
        return CacheCountsDialog::tr("Applications by channel");
    if (key == QLatin1String("grades"))
        return CacheCountsDialog::tr("Applications by grade");
    return key;
}

QString itemTitle(const QString& group, const QString& key)
{
    static const QHash<QString, const char*> names = {
        {QStringLiteral("policy"), QT_TRANSLATE_NOOP("adm::ui::CacheCountsDialog", "Admission policies")},
        {QStringLiteral("school"), QT_TRANSLATE_NOOP("adm::ui::CacheCountsDialog", "Schools")},
        {QStringLiteral("zone"), QT_TRANSLATE_NOOP("adm::ui::CacheCountsDialog", "Catchment zones")},
        {QStringLiteral("application"), QT_TRANSLATE_NOOP("adm::ui::CacheCountsDialog", "Applications")},
        {QStringLiteral("agency_record"), QT_TRANSLATE_NOOP("adm::ui::CacheCountsDialog", "Agency records")},
        {QStringLiteral("primary1"), QT_TRANSLATE_NOOP("adm::ui::CacheCountsDialog", "Primary grade 1")},
        {QStringLiteral("junior7"), QT_TRANSLATE_NOOP("adm::ui::CacheCountsDialog", "Junior middle grade 7")},
    };
    if (group == QLatin1String("datasets"))
        return views::labels::dataset(key);
    if (group == QLatin1String("statuses"))
        return views::labels::status(key);
    if (group == QLatin1String("channels"))
        return views::labels::channel(key);
    const auto it = names.constFind(key);
    // Unknown kinds are shown by their own name, never dropped.
    return it == names.constEnd() ? key : QCoreApplication::translate("adm::ui::CacheCountsDialog", it.value());
}

} // namespace

CacheCountsDialog::CacheCountsDialog(views::ReaderFactory readers, QWidget* parent)
    : QDialog(parent)
    , m_reads(std::make_unique<views::ReaderThread>(std::move(readers), QStringLiteral("cache counts")))
{
    setObjectName(QStringLiteral("cacheCountsDialog"));
    setWindowTitle(tr("What the cache holds"));
    m_counts = new QTreeWidget(this);
    m_counts->setObjectName(QStringLiteral("countsTree"));
    m_counts->setColumnCount(2);
    m_counts->setHeaderLabels({tr("What"), tr("Count")});
    m_counts->setUniformRowHeights(true);
    m_counts->header()->setStretchLastSection(false);
    m_counts->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_counts->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_counts);
    layout->addWidget(buttons);
    resize(480, 520);

    struct Answer {
        QJsonObject stats;
        QString error;
    };
    m_reads->run<Answer>(
        [](const views::CacheView* cache) {
            if (!cache)
                return Answer{{}, tr("The cache cannot be read.")};
            auto stats = views::readCacheCounts(*cache);
            return stats ? Answer{*stats, {}} : Answer{{}, stats.error().message};
        },
        this, [this](Answer a) { fill(a.stats, a.error); });
}

CacheCountsDialog::~CacheCountsDialog() = default;

void CacheCountsDialog::fill(const QJsonObject& stats, const QString& error)
{
    m_counts->clear();
    if (!error.isEmpty()) {
        new QTreeWidgetItem(m_counts, {tr("Cannot count the cache: %1").arg(error)});
        return;
    }
    const QLocale locale;
    for (const QString& group : {QStringLiteral("entities"), QStringLiteral("datasets"), QStringLiteral("statuses"),
                                 QStringLiteral("channels"), QStringLiteral("grades")}) {
        auto* top = new QTreeWidgetItem(m_counts, {groupTitle(group)});
        const QJsonObject o = stats.value(group).toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            auto* item =
                new QTreeWidgetItem(top, {itemTitle(group, it.key()), locale.toString(it.value().toInteger())});
            item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        }
        top->setExpanded(true);
    }
}

} // namespace adm::ui
