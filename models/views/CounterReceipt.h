#pragma once

#include "domain/Result.h"

#include <QDateTime>
#include <QImage>
#include <QString>
#include <QStringList>

class QPagedPaintDevice;

namespace adm::views {

// The receipt (回执) a counter clerk hands a family for a walk-in paper application: one A5 page with
// the local number in large type and as a QR code. The family's papers are in Chinese, so the receipt
// is Chinese whatever the interface's language (fixed literal text, not tr()); English is an option.

struct CounterReceiptData {
    QString clientRef; // the local number, e.g. "S371102001-7F3A09C2-00012": large type and the QR code
    QDateTime takenAt; // shown in local time, "yyyy-MM-dd HH:mm"
    QString schoolId;
    QString schoolName;
    QString grade; // "primary1" | "junior7"
    QString childName;
    QString childIdMasked; // already masked by the caller (IdNumber::masked), never the full number
    QStringList evidence;  // kinds of paper documents seen (household_register, …); unknown kinds as they are
    QString clerk;         // who took it
    QString contact;       // how the family can ask; empty: a default sentence (the school, the city platform)
};

enum class ReceiptLanguage { Chinese, English };

class CounterReceipt {
public:
    // The Chinese label (or English) of an evidence kind; an unknown kind as it is.
    static QString evidenceLabel(const QString& kind, ReceiptLanguage language);
    // One A5 portrait page on `device` (set up by the caller: a QPdfWriter or a QPrinter). The text
    // shrinks when it would not fit the page; nothing is cut off.
    static Status paint(QPagedPaintDevice& device, const CounterReceiptData& data, ReceiptLanguage language);
    // QPdfWriter at 300 dpi to `path`; error "cannot_write" when the file cannot be written.
    static Status writePdf(const CounterReceiptData& data, const QString& path,
                           ReceiptLanguage language = ReceiptLanguage::Chinese);
    // The QR code of `text` (libqrencode, level M, 8-bit mode): black modules on white with a 4-module
    // quiet zone, `moduleSize` pixels per module. A null QImage if encoding fails.
    static QImage qrImage(const QString& text, int moduleSize);
};

} // namespace adm::views
