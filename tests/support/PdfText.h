#pragma once

#include <QString>

// Reading back what the workstation printed: a PDF's text (poppler's pdftotext) and its QR code
// (pdftoppm, then zbar's zbarimg), for the receipt and export tests.
namespace testsupport {

// The PDF's text as pdftotext -layout reads it, in NFKC: QPdfWriter writes some Han characters as
// Kangxi radicals (入 as U+2F0A), which NFKC folds to the ideographs. Empty, with `error` set, when it
// cannot be read.
QString pdfText(const QString& pdf, QString* error);

// The QR code of the PDF's first page as zbarimg reads it from a 200 dpi rendering (next to the PDF).
QString decodedQr(const QString& pdf, QString* error);

// True when text read back holds `needle`. pdftotext reads a glyph back as the first code point the
// font maps to it: beyond the Kangxi radicals NFKC folds, some Han characters come back as a CJK
// Radicals Supplement character (门 as ⻔ U+2ED4) or as a variant sharing the glyph in Noto Sans CJK SC
// (户 U+6237 as 戶 U+6236). Such a character matches too.
bool textHolds(const QString& text, const QString& needle);

// The tools these need, missing here (for a QSKIP that says which); empty when all are installed.
QString missingPdfTools(bool needsQr);

} // namespace testsupport
