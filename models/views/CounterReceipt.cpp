// The counter receipt: one A5 page painted with QPainter (QPdfWriter, or a QPrinter for printing), the
// local number as a QR code from libqrencode.
#include "CounterReceipt.h"

#include <QColor>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QFontMetricsF>
#include <QList>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <algorithm>
#include <cmath>
#include <functional>
#include <qrencode.h>

namespace adm::views {

namespace {

constexpr const char* kFontFamily = "Noto Sans CJK SC"; // named: a generic family falls back to Japanese glyphs
constexpr double kQrMillimetres = 30.0;
constexpr int kQuietZone = 4;     // modules of white around the code (ISO/IEC 18004)
constexpr double kMinScale = 0.5; // the smallest the text shrinks to when it would not fit the page

Error cannotWrite(const QString& path, const QString& why)
{
    return Error{QStringLiteral("cannot_write"),
                 QCoreApplication::translate("CounterReceipt",
                                             "Cannot write the receipt to %1: %2. Choose another folder and try again.")
                     .arg(path, why)};
}

struct Row {
    QString label;
    QString value;
};

// Every word on the page, in the receipt's language. Fixed literal text: the receipt is Chinese whatever
// the interface's language, so none of it goes through tr().
struct Content {
    QString title;
    QString numberLabel;
    QString number;
    QList<Row> head; // next to the QR code
    QString qrCaption;
    QString documentsHeading;
    QStringList documents;
    Row clerk;
    QString nextHeading;
    QStringList next;
    QString contactHeading;
    QString contact;
};

QString gradeLabel(const QString& grade, ReceiptLanguage language)
{
    const bool zh = language == ReceiptLanguage::Chinese;
    if (grade == QLatin1String("primary1"))
        return zh ? QStringLiteral("小学一年级") : QStringLiteral("Primary grade 1");
    if (grade == QLatin1String("junior7"))
        return zh ? QStringLiteral("初中七年级") : QStringLiteral("Junior grade 7");
    return grade;
}

QString schoolText(const CounterReceiptData& d, ReceiptLanguage language)
{
    if (d.schoolName.isEmpty() || d.schoolId.isEmpty())
        return d.schoolName.isEmpty() ? d.schoolId : d.schoolName;
    return language == ReceiptLanguage::Chinese ? QStringLiteral("%1（%2）").arg(d.schoolName, d.schoolId)
                                                : QStringLiteral("%1 (%2)").arg(d.schoolName, d.schoolId);
}

Content content(const CounterReceiptData& d, ReceiptLanguage language)
{
    const QString when =
        d.takenAt.isValid() ? d.takenAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
    QStringList documents;
    for (const QString& kind : d.evidence)
        documents << CounterReceipt::evidenceLabel(kind, language);

    Content c;
    c.number = d.clientRef;
    if (language == ReceiptLanguage::Chinese) {
        c.title = QStringLiteral("义务教育入学申请回执");
        c.numberLabel = QStringLiteral("本地编号");
        c.head = {{QStringLiteral("受理时间"), when},
                  {QStringLiteral("受理学校"), schoolText(d, language)},
                  {QStringLiteral("申请年级"), gradeLabel(d.grade, language)},
                  {QStringLiteral("儿童姓名"), d.childName},
                  {QStringLiteral("身份证号"), d.childIdMasked}};
        c.qrCaption = QStringLiteral("本地编号二维码");
        c.documentsHeading = QStringLiteral("已查验的纸质材料");
        c.documents = documents.isEmpty() ? QStringList{QStringLiteral("（未登记材料）")} : documents;
        c.clerk = {QStringLiteral("受理人"), d.clerk};
        c.nextHeading = QStringLiteral("后续事项");
        c.next = {QStringLiteral("学校将把本申请上传至市义务教育入学服务平台，由有关部门核验申请信息和材料。"),
                  QStringLiteral("审核结果由学校公布，请留意学校的通知。"),
                  QStringLiteral("请妥善保管本回执；咨询时请提供上方的本地编号。"),
                  QStringLiteral("本回执仅证明学校已收到申请，不代表入学结果。")};
        c.contactHeading = QStringLiteral("咨询方式");
        c.contact = d.contact.trimmed().isEmpty()
                        ? QStringLiteral("请向受理学校咨询，或登录市义务教育入学服务平台查询；咨询时请提供本地编号。")
                        : d.contact.trimmed();
    } else {
        c.title = QStringLiteral("Receipt for a school admission application");
        c.numberLabel = QStringLiteral("Local number");
        c.head = {{QStringLiteral("Taken at"), when},
                  {QStringLiteral("School"), schoolText(d, language)},
                  {QStringLiteral("Grade"), gradeLabel(d.grade, language)},
                  {QStringLiteral("Child"), d.childName},
                  {QStringLiteral("ID number"), d.childIdMasked}};
        c.qrCaption = QStringLiteral("Local number as a QR code");
        c.documentsHeading = QStringLiteral("Paper documents seen");
        c.documents = documents.isEmpty() ? QStringList{QStringLiteral("(none recorded)")} : documents;
        c.clerk = {QStringLiteral("Taken by"), d.clerk};
        c.nextHeading = QStringLiteral("What happens next");
        c.next = {QStringLiteral("The school uploads this application to the city's school admission platform, "
                                 "where the application and its documents are checked."),
                  QStringLiteral("The school announces the results; watch for its notice."),
                  QStringLiteral("Keep this receipt. Quote the local number above whenever you ask about the "
                                 "application."),
                  QStringLiteral("This receipt only shows that the school received the application; it is not an "
                                 "admission decision.")};
        c.contactHeading = QStringLiteral("How to ask");
        c.contact = d.contact.trimmed().isEmpty()
                        ? QStringLiteral("Ask the school that took the application, or look up the local number on the "
                                         "city's school admission platform.")
                        : d.contact.trimmed();
    }
    return c;
}

// Lays the page out from the top of `area` and returns the height it takes; paints too when `painter`
// is not null (a first pass without a painter measures, to choose `scale`). Sizes are in points times
// `scale`; the QR code keeps its size.
class PageLayout {
public:
    PageLayout(QPaintDevice& device, QPainter* painter, const QRectF& area, double scale)
        : m_device(device)
        , m_painter(painter)
        , m_area(area)
        , m_pt(device.logicalDpiY() / 72.0)
        , m_mm(device.logicalDpiY() / 25.4)
        , m_scale(scale)
    {}

    double run(const Content& c, const QImage& qr);

private:
    QFont font(double points, bool bold = false) const
    {
        QFont f(QString::fromLatin1(kFontFamily));
        f.setPointSizeF(points * m_scale);
        f.setBold(bold);
        f.setStyleStrategy(QFont::PreferNoShaping);
        return f;
    }
    double points(double value) const { return value * m_pt * m_scale; }
    // Text wrapped within `width` from (x, y); its height. A word longer than the width (a long
    // address or web address) is broken anywhere rather than run off the page.
    double text(double x, double y, double width, const QFont& f, const QString& s, int align = Qt::AlignLeft,
                const QColor& colour = Qt::black)
    {
        const QFontMetricsF fm(f, &m_device);
        int flags = align | Qt::AlignTop | Qt::TextWordWrap | Qt::TextDontClip;
        QRectF bounds = fm.boundingRect(QRectF(x, y, width, 1e6), flags, s);
        if (bounds.width() > width + 0.5) {
            flags = (flags & ~Qt::TextWordWrap) | Qt::TextWrapAnywhere;
            bounds = fm.boundingRect(QRectF(x, y, width, 1e6), flags, s);
        }
        const double height = std::max(bounds.height(), fm.height());
        if (m_painter && !s.isEmpty()) {
            m_painter->setFont(f);
            m_painter->setPen(colour);
            m_painter->drawText(QRectF(x, y, width, height), flags, s);
        }
        return height;
    }
    void rule(double y, double widthPoints, const QColor& colour)
    {
        if (!m_painter)
            return;
        m_painter->setPen(QPen(colour, widthPoints * m_pt));
        m_painter->drawLine(QPointF(m_area.left(), y), QPointF(m_area.right(), y));
    }
    // A list: each item after `marker(i)`, wrapped with a hanging indent, in `columns` columns (row by row).
    double list(double y, const QStringList& items, int columns, const std::function<QString(int)>& marker);

    QPaintDevice& m_device;
    QPainter* m_painter;
    QRectF m_area;
    double m_pt; // device pixels per point
    double m_mm; // device pixels per millimetre
    double m_scale;
};

double PageLayout::list(double y, const QStringList& items, int columns, const std::function<QString(int)>& marker)
{
    const QFont body = font(10);
    const double indent = 6 * m_mm * m_scale;
    const double columnWidth = m_area.width() / columns;
    const double top = y;
    for (int i = 0; i < items.size(); i += columns) {
        double rowHeight = 0;
        for (int k = 0; k < columns && i + k < items.size(); ++k) {
            const double x = m_area.left() + k * columnWidth + 2 * m_mm * m_scale;
            text(x, y, indent, body, marker(i + k));
            rowHeight = std::max(rowHeight,
                                 text(x + indent, y, columnWidth - indent - 2 * m_mm * m_scale, body, items.at(i + k)));
        }
        y += rowHeight + points(1.5);
    }
    return y - top;
}

double PageLayout::run(const Content& c, const QImage& qr)
{
    const QColor grey(96, 96, 96);
    const double left = m_area.left();
    const double width = m_area.width();
    double y = m_area.top();

    // The title and a thin rule under it.
    y += text(left, y, width, font(15, true), c.title, Qt::AlignHCenter);
    y += points(3);
    rule(y, 0.8, Qt::black);
    y += points(8);

    // The labels of the rows, aligned in one column.
    const QFont labelFont = font(10);
    const QFont valueFont = font(10);
    const QFontMetricsF labelMetrics(labelFont, &m_device);
    double labelWidth = labelMetrics.horizontalAdvance(c.clerk.label);
    for (const Row& r : c.head)
        labelWidth = std::max(labelWidth, labelMetrics.horizontalAdvance(r.label));
    labelWidth += 4 * m_mm * m_scale;
    auto row = [&](double rowX, double rowY, double rowWidth, const Row& r) {
        const double h = text(rowX, rowY, labelWidth, labelFont, r.label, Qt::AlignLeft, grey);
        return std::max(h, text(rowX + labelWidth, rowY, rowWidth - labelWidth, valueFont, r.value));
    };

    // The QR code at the right, in whole device pixels per module (no scaling, no smoothing).
    const double qrSide = qr.isNull() ? 0 : qr.width();
    const double qrX = m_area.right() - qrSide;
    if (m_painter && !qr.isNull()) {
        m_painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
        m_painter->drawImage(QRectF(qrX, y, qrSide, qrSide), qr);
    }
    double qrBottom = y;
    if (!qr.isNull()) {
        qrBottom += qrSide + points(2);
        qrBottom += text(qrX - 3 * m_mm, qrBottom, qrSide + 6 * m_mm, font(7.5), c.qrCaption, Qt::AlignHCenter, grey);
    }

    // At its left: the local number in large type (smaller when it would not fit on one line), then the rows.
    const double leftWidth = width - qrSide - (qr.isNull() ? 0 : 5 * m_mm);
    double ly = y;
    ly += text(left, ly, leftWidth, font(8.5), c.numberLabel, Qt::AlignLeft, grey);
    QFont numberFont = font(17, true);
    const double advance = QFontMetricsF(numberFont, &m_device).horizontalAdvance(c.number);
    if (advance > leftWidth)
        numberFont.setPointSizeF(numberFont.pointSizeF() * leftWidth / advance * 0.97);
    ly += text(left, ly, leftWidth, numberFont, c.number);
    ly += points(5);
    for (const Row& r : c.head)
        ly += row(left, ly, leftWidth, r) + points(2.5);
    y = std::max(ly, qrBottom) + points(4);
    rule(y, 0.4, QColor(170, 170, 170));
    y += points(7);

    // The paper documents seen: two columns when every label fits in half the width.
    const QFont heading = font(10.5, true);
    y += text(left, y, width, heading, c.documentsHeading) + points(3);
    const QFontMetricsF bodyMetrics(font(10), &m_device);
    double widest = 0;
    for (const QString& d : c.documents)
        widest = std::max(widest, bodyMetrics.horizontalAdvance(d));
    const int columns = c.documents.size() > 2 && widest < width / 2 - 10 * m_mm * m_scale ? 2 : 1;
    y += list(y, c.documents, columns, [](int) { return QStringLiteral("•"); });
    y += points(4);
    y += row(left, y, width, c.clerk);
    y += points(6);
    rule(y, 0.4, QColor(170, 170, 170));
    y += points(7);

    // What happens next, and how to ask.
    y += text(left, y, width, heading, c.nextHeading) + points(3);
    y += list(y, c.next, 1, [](int i) { return QStringLiteral("%1.").arg(i + 1); });
    y += points(6);
    y += text(left, y, width, heading, c.contactHeading) + points(3);
    y += text(left + 2 * m_mm * m_scale, y, width - 2 * m_mm * m_scale, font(10), c.contact);
    return y - m_area.top();
}

} // namespace

QString CounterReceipt::evidenceLabel(const QString& kind, ReceiptLanguage language)
{
    struct Label {
        const char* kind;
        const char* chinese; // UTF-8
        const char* english;
    };
    static const Label labels[] = {
        {"household_register", "户口簿", "Household register (hukou booklet)"},
        {"property_certificate", "不动产权证书（房产证）", "Property certificate"},
        {"sale_contract", "购房合同", "House purchase contract"},
        {"rental_filing", "房屋租赁登记备案证明", "Rental registration filing"},
        {"residence_permit", "居住证", "Residence permit"},
        {"social_insurance", "社会保险缴费证明", "Social insurance payment record"},
        {"business_licence", "营业执照", "Business licence"},
        {"marriage_certificate", "结婚证", "Marriage certificate"},
    };
    for (const Label& l : labels) {
        if (kind == QLatin1String(l.kind))
            return QString::fromUtf8(language == ReceiptLanguage::Chinese ? l.chinese : l.english);
    }
    return kind;
}

QImage CounterReceipt::qrImage(const QString& text, int moduleSize)
{
    if (moduleSize < 1 || text.isEmpty())
        return {};
    const QByteArray bytes = text.toUtf8();
    QRcode* code = QRcode_encodeString8bit(bytes.constData(), 0, QR_ECLEVEL_M);
    if (!code)
        return {};
    const int modules = code->width;
    const int side = (modules + 2 * kQuietZone) * moduleSize;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < modules; ++y) {
        for (int x = 0; x < modules; ++x) {
            if (!(code->data[y * modules + x] & 1))
                continue;
            const int px = (x + kQuietZone) * moduleSize;
            const int py = (y + kQuietZone) * moduleSize;
            for (int row = py; row < py + moduleSize; ++row)
                std::fill_n(image.scanLine(row) + px, moduleSize, uchar(0));
        }
    }
    QRcode_free(code);
    return image;
}

Status CounterReceipt::paint(QPagedPaintDevice& device, const CounterReceiptData& data, ReceiptLanguage language)
{
    QPainter p;
    if (!p.begin(&device))
        return Error{QStringLiteral("cannot_write"),
                     QCoreApplication::translate("CounterReceipt",
                                                 "The receipt cannot be started: check the printer or the file.")};
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    const QRectF area(0, 0, device.width(), device.height());
    const Content c = content(data, language);

    // The QR code about 30 mm wide, in whole device pixels per module.
    QImage qr;
    if (QRcode* probe = QRcode_encodeString8bit(data.clientRef.toUtf8().constData(), 0, QR_ECLEVEL_M)) {
        const int modules = probe->width + 2 * kQuietZone;
        QRcode_free(probe);
        const double target = kQrMillimetres * device.logicalDpiY() / 25.4;
        qr = qrImage(data.clientRef, std::max(1, int(std::lround(target / modules))));
    }

    // The text shrinks until the page holds it all.
    double scale = 1.0;
    while (scale > kMinScale && PageLayout(device, nullptr, area, scale).run(c, qr) > area.height())
        scale *= 0.96;
    PageLayout(device, &p, area, scale).run(c, qr);

    if (!p.end())
        return Error{QStringLiteral("cannot_write"),
                     QCoreApplication::translate("CounterReceipt", "The receipt could not be finished.")};
    return {};
}

Status CounterReceipt::writePdf(const CounterReceiptData& data, const QString& path, ReceiptLanguage language)
{
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return cannotWrite(path, QCoreApplication::translate("CounterReceipt", "the folder does not exist"));
    Status result;
    {
        QPdfWriter writer(path);
        writer.setResolution(300);
        writer.setCreator(QStringLiteral("Admissions Workstation"));
        writer.setTitle(language == ReceiptLanguage::Chinese
                            ? QStringLiteral("义务教育入学申请回执")
                            : QStringLiteral("Receipt for a school admission application"));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A5), QPageLayout::Portrait, QMarginsF(12, 12, 12, 12),
                                         QPageLayout::Millimeter));
        result = paint(writer, data, language);
    } // the writer finishes the file here
    if (!result)
        return cannotWrite(path, QCoreApplication::translate("CounterReceipt", "the file cannot be opened or written"));
    if (!QFileInfo::exists(path) || QFileInfo(path).size() == 0)
        return cannotWrite(path, QCoreApplication::translate("CounterReceipt", "the file was not written"));
    return {};
}

} // namespace adm::views
