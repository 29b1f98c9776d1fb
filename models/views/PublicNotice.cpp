// The public notice of a signed batch: A4 pages painted with QPainter (QPdfWriter, or a QPrinter for
// printing), the QR code from CounterReceipt::qrImage; and its read from the batch's signed bytes.
#include "PublicNotice.h"

#include "CounterReceipt.h"
#include "security/Crypto.h"
#include "security/Signatures.h"
#include "store/Sql.h"
#include "store/Workspace.h"
#include "sync/SignOffReads.h"

#include <QColor>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QFontMetricsF>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <algorithm>
#include <cmath>

namespace adm::views {

namespace {

constexpr const char* kFontFamily = "Noto Sans CJK SC";      // named: a generic family falls back to Japanese glyphs
constexpr const char* kMonoFamily = "Noto Sans Mono CJK SC"; // the batch id, the fingerprint, the digest
constexpr double kQrMillimetres = 32.0;
constexpr int kGroups = 2;            // the table runs in two groups of columns side by side
constexpr double kGutterMm = 8.0;     // between the groups
constexpr double kRowFactor = 1.55;   // a row's height in lines of its font
constexpr double kFooterGapMm = 4.0;  // between the table and the footer
constexpr double kMinFontScale = 0.5; // the smallest a one-line value shrinks to

Error cannotWrite(const QString& path, const QString& why)
{
    return Error{QStringLiteral("cannot_write"),
                 QCoreApplication::translate(
                     "PublicNotice", "Cannot write the public notice to %1: %2. Choose another file and try again.")
                     .arg(path, why)};
}

QString noticeTitle(const PublicNoticeData& d)
{
    if (!d.title.trimmed().isEmpty())
        return d.title.trimmed();
    const QString school = d.schoolName.isEmpty() ? d.schoolId : d.schoolName;
    return QStringLiteral("%1 义务教育招生录取公示名单").arg(school).trimmed();
}

QString schoolText(const PublicNoticeData& d)
{
    if (d.schoolName.isEmpty() || d.schoolId.isEmpty())
        return d.schoolName.isEmpty() ? d.schoolId : d.schoolName;
    return QStringLiteral("%1（%2）").arg(d.schoolName, d.schoolId);
}

QString algorithmText(const QString& name)
{
    if (name == QLatin1String("ed25519"))
        return QStringLiteral("Ed25519");
    if (name == QLatin1String("sm2-sm3"))
        return QStringLiteral("SM2（SM3 摘要）");
    return name;
}

struct Row {
    QString label;
    QString value;
    bool mono = false;
};

// Lays the pages out and paints them when `painter` is not null; without one it only measures (the
// page count and the rows each page takes are known before the first page is painted).
class NoticeLayout {
public:
    NoticeLayout(QPaintDevice& device, QPainter* painter, const QRectF& area, const PublicNoticeData& data)
        : m_device(device)
        , m_painter(painter)
        , m_area(area)
        , m_data(data)
        , m_pt(device.logicalDpiY() / 72.0)
        , m_mm(device.logicalDpiY() / 25.4)
    {}

    // The first page's head (title, batch, signer, fingerprint, QR code, notes) from the top; its bottom.
    double firstHead(const QImage& qr);
    // A later page's head: the title marked continued; its bottom.
    double nextHead();
    // The table's column titles at `y` for every group; their bottom.
    double tableHead(double y);
    // One row of the table: its number (from 1), in `group` at `y`.
    void row(double y, int group, int number, const PublicNoticeRow& r, bool shaded);
    // The page's footer at the bottom of the area.
    void footer(int page, int pages);
    // Where the footer starts (the table ends above it).
    double footerTop() const { return m_area.bottom() - footerHeight(); }
    double rowHeight() const { return QFontMetricsF(font(10), &m_device).height() * kRowFactor; }
    // A sentence in place of the table when the batch lists no one.
    double emptyLine(double y);

private:
    QFont font(double points, bool bold = false, bool mono = false) const
    {
        QFont f(QString::fromLatin1(mono ? kMonoFamily : kFontFamily));
        f.setPointSizeF(points);
        f.setBold(bold);
        f.setStyleStrategy(QFont::PreferNoShaping);
        return f;
    }
    double points(double value) const { return value * m_pt; }
    double footerHeight() const { return QFontMetricsF(font(8.5), &m_device).height() + kFooterGapMm * m_mm; }
    double groupWidth() const { return (m_area.width() - (kGroups - 1) * kGutterMm * m_mm) / kGroups; }
    // The column edges of a group, as fractions of its width: number, name, category.
    static constexpr double kColumns[] = {0.0, 0.22, 0.68, 1.0};

    // Text wrapped within `width` from (x, y); its height. A word longer than the width is broken
    // anywhere rather than run off the page.
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
    // One line that must stay whole (an id, a fingerprint, a name): the font shrinks until it fits.
    double line(double x, double y, double width, QFont f, const QString& s, int align = Qt::AlignLeft,
                const QColor& colour = Qt::black)
    {
        const double advance = QFontMetricsF(f, &m_device).horizontalAdvance(s);
        if (advance > width && advance > 0)
            f.setPointSizeF(f.pointSizeF() * std::max(kMinFontScale, width / advance * 0.98));
        const QFontMetricsF fm(f, &m_device);
        if (m_painter && !s.isEmpty()) {
            m_painter->setFont(f);
            m_painter->setPen(colour);
            m_painter->drawText(QRectF(x, y, width, fm.height()), align | Qt::AlignTop | Qt::TextDontClip, s);
        }
        return fm.height();
    }
    void rule(double y, double widthPoints, const QColor& colour)
    {
        if (!m_painter)
            return;
        m_painter->setPen(QPen(colour, widthPoints * m_pt));
        m_painter->drawLine(QPointF(m_area.left(), y), QPointF(m_area.right(), y));
    }
    // Label: value rows in `width` from `x`, the values `labelWidth` right of the labels; their height.
    double rows(double x, double y, double width, double labelWidth, const QList<Row>& list);
    // The width of the label column that holds every label of `list`.
    double labelWidth(const QList<Row>& list) const;

    QPaintDevice& m_device;
    QPainter* m_painter;
    QRectF m_area;
    const PublicNoticeData& m_data;
    double m_pt; // device pixels per point
    double m_mm; // device pixels per millimetre
};

double NoticeLayout::labelWidth(const QList<Row>& list) const
{
    const QFontMetricsF labelMetrics(font(10), &m_device);
    double width = 0;
    for (const Row& r : list)
        width = std::max(width, labelMetrics.horizontalAdvance(r.label));
    return width + 4 * m_mm;
}

double NoticeLayout::rows(double x, double y, double width, double labelWidth, const QList<Row>& list)
{
    const QColor grey(96, 96, 96);
    const QFont labelFont = font(10);
    const double top = y;
    for (const Row& r : list) {
        const double h = text(x, y, labelWidth, labelFont, r.label, Qt::AlignLeft, grey);
        const double v =
            r.mono ? line(x + labelWidth, y + points(0.5), width - labelWidth, font(9.5, false, true), r.value)
                   : text(x + labelWidth, y, width - labelWidth, font(10), r.value);
        y += std::max(h, v) + points(2.5);
    }
    return y - top;
}

double NoticeLayout::firstHead(const QImage& qr)
{
    const QColor grey(96, 96, 96);
    const double left = m_area.left();
    const double width = m_area.width();
    double y = m_area.top();

    y += text(left, y, width, font(16, true), noticeTitle(m_data), Qt::AlignHCenter);
    if (!m_data.batchTitle.trimmed().isEmpty()) {
        y += points(2);
        y += text(left, y, width, font(11), m_data.batchTitle.trimmed(), Qt::AlignHCenter, grey);
    }
    y += points(4);
    rule(y, 0.8, Qt::black);
    y += points(8);

    // The QR code at the right, in whole device pixels per module (no scaling, no smoothing).
    const double qrSide = qr.isNull() ? 0 : qr.width();
    const double qrX = m_area.right() - qrSide;
    double qrBottom = y;
    if (!qr.isNull()) {
        if (m_painter) {
            m_painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
            m_painter->drawImage(QRectF(qrX, y, qrSide, qrSide), qr);
        }
        qrBottom += qrSide + points(1);
        qrBottom += text(qrX - 4 * m_mm, qrBottom, qrSide + 8 * m_mm, font(7.5), QStringLiteral("批次编号与签名摘要"),
                         Qt::AlignHCenter, grey);
    }

    // At its left: the school, the batch and who signed it (the batch's title is under the page's).
    const QString when = m_data.signedAt.isValid()
                             ? m_data.signedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                             : QString();
    const QList<Row> head{{QStringLiteral("学校"), schoolText(m_data)},
                          {QStringLiteral("批次编号"), m_data.batchId, true},
                          {QStringLiteral("录取人数"), QStringLiteral("%1 人").arg(m_data.rows.size())},
                          {QStringLiteral("签署人"), m_data.signer},
                          {QStringLiteral("签署时间"), when},
                          {QStringLiteral("签名算法"), algorithmText(m_data.algorithm)}};
    // Below, the whole width: the key's fingerprint and the digest, each on one line.
    const QList<Row> keys{{QStringLiteral("公钥指纹"), m_data.keyFingerprint, true},
                          {QStringLiteral("签名内容 SHA-256"), QString::fromLatin1(m_data.signedBytesSha256Hex), true}};
    const double labels = labelWidth(head + keys);
    const double leftWidth = width - qrSide - (qr.isNull() ? 0 : 6 * m_mm);
    const double ly = y + rows(left, y, leftWidth, labels, head);
    y = std::max(ly, qrBottom) + points(2);
    y += rows(left, y, width, labels, keys);
    y += points(3);

    // What the categories mean, and how to check the notice.
    y += text(left, y, width, font(9),
              QStringLiteral("类别：A类 学区内有房产，城区户籍；B类 学区内有房产，非城区户籍；"
                             "C类 学区内无房产，在学区内居住并在本市就业。"));
    y += points(2);
    y += text(left, y, width, font(8.5),
              QStringLiteral("说明：本名单为校长签署的录取批次中的全部录取儿童。为保护个人信息，姓名中间的字以“*”"
                             "隐去，不公布身份证号码。二维码内容为“批次编号 签名内容的 SHA-256 摘要”，"
                             "应与学校导出的 batch.json 的摘要（sha256sum batch.json）一致；签名可用上列指纹的"
                             "公钥以 openssl 核验。如有异议，请在公示期内向学校反映。"),
              Qt::AlignLeft, grey);
    y += points(5);
    rule(y, 0.4, QColor(170, 170, 170));
    y += points(6);
    return y;
}

double NoticeLayout::nextHead()
{
    double y = m_area.top();
    y += text(m_area.left(), y, m_area.width(), font(11, true), QStringLiteral("%1（续）").arg(noticeTitle(m_data)));
    y += points(3);
    rule(y, 0.6, Qt::black);
    y += points(6);
    return y;
}

double NoticeLayout::tableHead(double y)
{
    const QFont f = font(10, true);
    const double h = rowHeight();
    const QStringList titles{QStringLiteral("序号"), QStringLiteral("姓名"), QStringLiteral("类别")};
    for (int g = 0; g < kGroups; ++g) {
        const double gx = m_area.left() + g * (groupWidth() + kGutterMm * m_mm);
        if (m_painter)
            m_painter->fillRect(QRectF(gx, y, groupWidth(), h), QColor(228, 228, 228));
        for (int c = 0; c < titles.size(); ++c) {
            const double x = gx + kColumns[c] * groupWidth() + 2 * m_mm;
            const double w = (kColumns[c + 1] - kColumns[c]) * groupWidth() - 3 * m_mm;
            const double lh = QFontMetricsF(f, &m_device).height();
            line(x, y + (h - lh) / 2, w, f, titles.at(c));
        }
    }
    return y + h;
}

void NoticeLayout::row(double y, int group, int number, const PublicNoticeRow& r, bool shaded)
{
    if (!m_painter)
        return;
    const double h = rowHeight();
    const double gx = m_area.left() + group * (groupWidth() + kGutterMm * m_mm);
    if (shaded)
        m_painter->fillRect(QRectF(gx, y, groupWidth(), h), QColor(245, 245, 245));
    m_painter->setPen(QPen(QColor(205, 205, 205), 0.3 * m_pt));
    m_painter->drawLine(QPointF(gx, y + h), QPointF(gx + groupWidth(), y + h));
    const QFont f = font(10);
    const double lh = QFontMetricsF(f, &m_device).height();
    const QStringList cells{QString::number(number), r.maskedName, PublicNotice::categoryLabel(r.category)};
    for (int c = 0; c < cells.size(); ++c) {
        const double x = gx + kColumns[c] * groupWidth() + 2 * m_mm;
        const double w = (kColumns[c + 1] - kColumns[c]) * groupWidth() - 3 * m_mm;
        line(x, y + (h - lh) / 2, w, f, cells.at(c));
    }
}

void NoticeLayout::footer(int page, int pages)
{
    const QColor grey(96, 96, 96);
    const QFont f = font(8.5);
    const double h = QFontMetricsF(f, &m_device).height();
    const double y = m_area.bottom() - h;
    rule(y - points(3), 0.4, QColor(170, 170, 170));
    // In the monospaced family: pdftotext reads the narrow spaces of the proportional one around a single
    // digit as no space at all ("第1页共3页").
    const QFont pageFont = font(8.5, false, true);
    const QString pageText = QStringLiteral("第 %1 页 共 %2 页").arg(page).arg(pages);
    const double pageWidth = QFontMetricsF(pageFont, &m_device).horizontalAdvance(pageText) + 2 * m_mm;
    line(m_area.left(), y, m_area.width() - pageWidth - 4 * m_mm, f, QStringLiteral("批次编号 %1").arg(m_data.batchId),
         Qt::AlignLeft, grey);
    line(m_area.right() - pageWidth, y, pageWidth, pageFont, pageText, Qt::AlignRight, grey);
}

double NoticeLayout::emptyLine(double y)
{
    return text(m_area.left(), y, m_area.width(), font(10), QStringLiteral("（本批次没有录取的儿童）"));
}

// The QR code about kQrMillimetres wide on `device`, in whole device pixels per module.
QImage qrFor(const QPaintDevice& device, const QString& text)
{
    const QImage probe = CounterReceipt::qrImage(text, 1); // one pixel per module: its side in modules
    if (probe.isNull())
        return {};
    const double target = kQrMillimetres * device.logicalDpiY() / 25.4;
    return CounterReceipt::qrImage(text, std::max(1, int(std::lround(target / probe.width()))));
}

// How many rows each page takes: the first page below its head, the others below theirs.
struct Pagination {
    int first = 0; // rows on the first page (all groups)
    int next = 0;  // rows on each later page
    int pages(int rows) const
    {
        if (rows <= first)
            return 1;
        return 1 + (rows - first + next - 1) / next;
    }
};

Pagination paginate(QPaintDevice& device, const QRectF& area, const PublicNoticeData& data, const QImage& qr)
{
    NoticeLayout measure(device, nullptr, area, data);
    const double rowHeight = measure.rowHeight();
    auto fits = [&](double top) {
        const double space = measure.footerTop() - measure.tableHead(top);
        return std::max(0, int(std::floor(space / rowHeight))) * kGroups;
    };
    Pagination p;
    p.first = fits(measure.firstHead(qr));
    p.next = std::max(kGroups, fits(measure.nextHead()));
    return p;
}

QRectF pageArea(const QPaintDevice& device)
{
    return QRectF(0, 0, device.width(), device.height());
}

QPageLayout a4Layout()
{
    return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 14, 15, 12),
                       QPageLayout::Millimeter);
}

Error noticeError(const QString& code, const QString& message)
{
    return Error{code, message};
}

} // namespace

QString PublicNotice::maskName(const QString& name)
{
    const QList<uint> characters = name.trimmed().toUcs4();
    if (characters.isEmpty())
        return {};
    if (characters.size() == 1)
        return QStringLiteral("*");
    const QString first = QString::fromUcs4(reinterpret_cast<const char32_t*>(&characters.first()), 1);
    if (characters.size() == 2)
        return first + u'*';
    const QString last = QString::fromUcs4(reinterpret_cast<const char32_t*>(&characters.last()), 1);
    return first + QString(characters.size() - 2, u'*') + last;
}

QString PublicNotice::categoryLabel(const QString& code)
{
    if (code == QLatin1String("A") || code == QLatin1String("B") || code == QLatin1String("C"))
        return code + QStringLiteral("类");
    return code;
}

QString PublicNotice::qrText(const PublicNoticeData& data)
{
    return QStringLiteral("%1 %2").arg(data.batchId, QString::fromLatin1(data.signedBytesSha256Hex));
}

Status PublicNotice::paint(QPagedPaintDevice& device, const PublicNoticeData& data)
{
    QPainter p;
    if (!p.begin(&device))
        return Error{QStringLiteral("cannot_write"),
                     QCoreApplication::translate(
                         "PublicNotice", "The public notice cannot be started: check the printer or the file.")};
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    const QRectF area = pageArea(device);
    const QImage qr = qrFor(device, qrText(data));
    const Pagination pagination = paginate(device, area, data, qr);
    const int total = int(data.rows.size());
    const int pages = pagination.pages(total);

    NoticeLayout layout(device, &p, area, data);
    int done = 0;
    for (int page = 1; page <= pages; ++page) {
        if (page > 1 && !device.newPage()) {
            p.end();
            return Error{
                QStringLiteral("cannot_write"),
                QCoreApplication::translate("PublicNotice", "A page of the public notice could not be added.")};
        }
        const double top = page == 1 ? layout.firstHead(qr) : layout.nextHead();
        const int capacity = page == 1 ? pagination.first : pagination.next;
        const int onPage = std::min(capacity, total - done);
        if (total == 0) {
            layout.emptyLine(top);
        } else if (onPage > 0) {
            // Down the first group, then down the next: the numbers read in columns.
            const int perGroup = (onPage + kGroups - 1) / kGroups;
            const double body = layout.tableHead(top);
            for (int i = 0; i < onPage; ++i) {
                const int group = i / perGroup;
                const int inGroup = i % perGroup;
                layout.row(body + inGroup * layout.rowHeight(), group, done + i + 1, data.rows.at(done + i),
                           inGroup % 2 == 1);
            }
        }
        done += onPage;
        layout.footer(page, pages);
    }
    if (!p.end())
        return Error{QStringLiteral("cannot_write"),
                     QCoreApplication::translate("PublicNotice", "The public notice could not be finished.")};
    return {};
}

int PublicNotice::pageCount(const PublicNoticeData& data)
{
    QPdfWriter writer(QStringLiteral("/dev/null"));
    writer.setResolution(300);
    writer.setPageLayout(a4Layout());
    const QRectF area = pageArea(writer);
    return paginate(writer, area, data, qrFor(writer, qrText(data))).pages(int(data.rows.size()));
}

Result<PublicNoticeData> PublicNotice::write(store::Workspace& workspace, const QString& batchId, const QString& path)
{
    auto notice = readPublicNotice(workspace.database().writer(), batchId);
    if (!notice)
        return notice.error();
    if (Status s = writePdf(*notice, path); !s)
        return s.error();
    // Ids and the digest only: the notice itself shows (masked) names.
    if (auto e = workspace.audit().append(workspace.user(), QStringLiteral("batch.notice"),
                                          QStringLiteral("batch=%1 rows=%2 sha256=%3")
                                              .arg(notice->batchId)
                                              .arg(notice->rows.size())
                                              .arg(QString::fromLatin1(notice->signedBytesSha256Hex)));
        !e)
        return e.error();
    return notice;
}

Status PublicNotice::writePdf(const PublicNoticeData& data, const QString& path)
{
    const QFileInfo info(path);
    if (path.trimmed().isEmpty() || info.isDir())
        return cannotWrite(path, QCoreApplication::translate("PublicNotice", "this is not a file name"));
    if (!info.absoluteDir().exists())
        return cannotWrite(path, QCoreApplication::translate("PublicNotice", "the folder does not exist"));
    Status result;
    {
        QPdfWriter writer(path);
        writer.setResolution(300);
        writer.setCreator(QStringLiteral("Admissions Workstation"));
        writer.setTitle(noticeTitle(data));
        writer.setPageLayout(a4Layout());
        result = paint(writer, data);
    } // the writer finishes the file here
    if (!result)
        return cannotWrite(path, QCoreApplication::translate("PublicNotice", "the file cannot be opened or written"));
    if (!QFileInfo::exists(path) || QFileInfo(path).size() == 0)
        return cannotWrite(path, QCoreApplication::translate("PublicNotice", "the file was not written"));
    return {};
}

Result<PublicNoticeData> PublicNotice::readPublicNotice(store::Connection& c, const QString& batchId)
{
    const QString id = batchId.trimmed();
    auto found = sync::SignOffReads::find(c, id);
    if (!found)
        return found.error();
    if (!*found)
        return noticeError(
            QStringLiteral("not_found"),
            QCoreApplication::translate("PublicNotice", "There is no batch %1 on this workstation.").arg(id));
    const sync::BatchSummary& batch = **found;
    if (batch.state == sync::batchstate::Draft)
        return noticeError(QStringLiteral("not_signed"),
                           QCoreApplication::translate("PublicNotice",
                                                       "Batch %1 is not signed yet: only a signed batch has a public "
                                                       "notice. Sign it first (admissionsctl batch sign %1).")
                               .arg(id));
    if (batch.state == sync::batchstate::Conflict || batch.state == sync::batchstate::Invalid ||
        !batch.replacedBy.isEmpty())
        return noticeError(QStringLiteral("batch_refused"),
                           QCoreApplication::translate("PublicNotice",
                                                       "The city platform did not take batch %1 (%2): its decisions "
                                                       "were not applied, so it has no public notice. Print the "
                                                       "notice of the batch signed in its place.")
                               .arg(id, batch.state));
    auto bytes = sync::SignOffReads::signedBytes(c, id);
    if (!bytes)
        return bytes.error();

    // What is printed is what was signed: the signature is checked before the bytes are read.
    const auto algorithm = crypto::signatureAlgorithmFromName(bytes->algorithm);
    if (!algorithm ||
        !crypto::verifySignature(bytes->publicKeyPem, *algorithm, bytes->canonical, bytes->signature).ok())
        return noticeError(QStringLiteral("bad_signature"),
                           QCoreApplication::translate("PublicNotice",
                                                       "The signature of batch %1 does not verify with its key on "
                                                       "this workstation: no notice is printed of it.")
                               .arg(id));
    const QJsonObject object = QJsonDocument::fromJson(bytes->canonical).object();

    PublicNoticeData data;
    data.batchId = object.value(QStringLiteral("id")).toString();
    data.batchTitle = object.value(QStringLiteral("title")).toString();
    data.schoolId = object.value(QStringLiteral("school_id")).toString();
    data.signer = object.value(QStringLiteral("signer")).toString();
    data.algorithm = object.value(QStringLiteral("algorithm")).toString();
    data.keyFingerprint = crypto::keyFingerprint(bytes->publicKeyPem);
    data.signedAt = batch.signedAt;
    data.signedBytesSha256Hex = crypto::sha256(bytes->canonical).toHex();

    struct Admitted {
        QString applicationId;
        QString category;
    };
    QList<Admitted> admitted;
    for (const QJsonValue& v : object.value(QStringLiteral("items")).toArray()) {
        const QJsonObject item = v.toObject();
        if (item.value(QStringLiteral("outcome")).toString() == QLatin1String("approve"))
            admitted.append({item.value(QStringLiteral("application_id")).toString(),
                             item.value(QStringLiteral("category")).toString()});
    }
    if (admitted.isEmpty())
        return noticeError(QStringLiteral("nothing_to_notice"),
                           QCoreApplication::translate("PublicNotice",
                                                       "Batch %1 admits no one (it holds only rejections): there is "
                                                       "no public notice of it.")
                               .arg(id));
    // By category (A, B, C: the order seats are filled in), then by application id.
    std::stable_sort(admitted.begin(), admitted.end(), [](const Admitted& a, const Admitted& b) {
        return a.category != b.category ? a.category < b.category : a.applicationId < b.applicationId;
    });

    auto q = c.prepare(QStringLiteral("SELECT child_name, admission_year FROM applications WHERE id = ?"));
    if (!q)
        return q.error();
    QMap<qint64, int> years;
    for (const Admitted& a : std::as_const(admitted)) {
        q->reset();
        q->bind(1, a.applicationId);
        Error error;
        if (!q->step(&error)) {
            if (!error.code.isEmpty())
                return error;
            return noticeError(QStringLiteral("not_cached"),
                               QCoreApplication::translate("PublicNotice",
                                                           "Application %1 of batch %2 is not in the cache any more: "
                                                           "sync, then print the notice again.")
                                   .arg(a.applicationId, id));
        }
        data.rows.append({maskName(q->text(0)), a.category, QStringLiteral("approve")});
        years[q->int64(1)] += 1;
    }

    auto s = c.prepare(QStringLiteral("SELECT name FROM schools WHERE id = ?"));
    if (!s)
        return s.error();
    s->bind(1, data.schoolId);
    if (s->step())
        data.schoolName = s->text(0);
    const QString school = data.schoolName.isEmpty() ? data.schoolId : data.schoolName;
    // The admission year most of the children have (a batch is of one year in practice).
    qint64 year = 0;
    int most = 0;
    for (auto it = years.cbegin(); it != years.cend(); ++it)
        if (it.value() > most) {
            most = it.value();
            year = it.key();
        }
    data.title = year > 0 ? QStringLiteral("%1 %2年义务教育招生录取公示名单").arg(school).arg(year)
                          : QStringLiteral("%1 义务教育招生录取公示名单").arg(school);
    return data;
}

} // namespace adm::views
