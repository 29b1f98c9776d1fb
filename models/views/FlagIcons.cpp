#include "FlagIcons.h"

#include "store/CacheEligibility.h"

#include <QGuiApplication>
#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace adm::views {

namespace {

constexpr int kMark = 10; // one flag mark, in device-independent pixels
constexpr int kGap = 3;

bool canPaint()
{
    return qobject_cast<QGuiApplication*>(QCoreApplication::instance()) != nullptr;
}

QPixmap canvas(int width, int height)
{
    const qreal dpr = qApp->devicePixelRatio();
    QPixmap pm(int(width * dpr), int(height * dpr));
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    return pm;
}

} // namespace

QColor FlagIcons::color(const QString& flag)
{
    if (flag == QLatin1String("under_age") || flag == QLatin1String("property_cancelled"))
        return QColor(0xc6, 0x28, 0x28);
    if (flag == QLatin1String("duplicate_application") || flag == QLatin1String("shared_property") ||
        flag == QLatin1String("guardian_not_linked") || flag == QLatin1String("record_missing"))
        return QColor(0xe6, 0x8a, 0x00);
    return QColor(0x1e, 0x6f, 0xc8);
}

QIcon FlagIcons::forMask(qint64 mask)
{
    if (mask == 0 || !canPaint())
        return {};
    // Never freed: a static QIcon would outlive the QGuiApplication at exit.
    static auto* cache = new QHash<qint64, QIcon>;
    if (const auto it = cache->constFind(mask); it != cache->constEnd())
        return *it;
    const QStringList flags = store::CacheEligibility::flagsInBitOrder();
    QStringList set;
    for (int bit = 0; bit < flags.size(); ++bit)
        if (mask & (qint64(1) << bit))
            set << flags.at(bit);
    const int width = int(set.size()) * (kMark + kGap);
    QPixmap pm = canvas(width, kMark + 4);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    int x = 1;
    for (const QString& f : set) {
        p.setPen(QPen(color(f).darker(130), 1));
        p.setBrush(color(f));
        p.drawRoundedRect(QRectF(x, 2, kMark, kMark), 2.5, 2.5);
        x += kMark + kGap;
    }
    p.end();
    const QIcon icon(pm);
    cache->insert(mask, icon);
    return icon;
}

QIcon FlagIcons::pendingDecision()
{
    if (!canPaint())
        return {};
    static QIcon* icon = nullptr;
    if (!icon) {
        QPixmap pm = canvas(14, 14);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(0x1e, 0x6f, 0xc8), 1.6));
        p.drawEllipse(QRectF(1.5, 1.5, 11, 11));
        p.drawLine(QPointF(7, 7), QPointF(7, 3.5));
        p.drawLine(QPointF(7, 7), QPointF(9.5, 8.5));
        p.end();
        icon = new QIcon(pm);
    }
    return *icon;
}

QIcon FlagIcons::conflict()
{
    if (!canPaint())
        return {};
    static QIcon* icon = nullptr;
    if (!icon) {
        QPixmap pm = canvas(14, 14);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xc6, 0x28, 0x28));
        p.drawEllipse(QRectF(1, 1, 12, 12));
        p.setPen(QPen(Qt::white, 2));
        p.drawLine(QPointF(7, 3.5), QPointF(7, 8));
        p.drawPoint(QPointF(7, 10.5));
        p.end();
        icon = new QIcon(pm);
    }
    return *icon;
}

} // namespace adm::views
