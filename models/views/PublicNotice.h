#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

class QPagedPaintDevice;

namespace adm::store {
class Connection;
class Workspace;
} // namespace adm::store

namespace adm::views {

// The public notice (公示名单) of a signed batch (issue 14; docs/signoff.md): the children the batch
// admits, for the school's notice board. Names have their middle characters masked (王*明), no ID number
// is ever on it; it names the batch, the signer, the key's fingerprint and the signing time, and carries
// a QR code of "<batch id> <SHA-256 of the signed bytes>" so that anyone can match the paper to the
// exported batch.json (sha256sum) and check its signature with openssl. The notice is for families: it
// is Chinese whatever the interface's language (fixed literal text, not tr()), like the counter receipt.

struct PublicNoticeRow {
    QString maskedName; // already masked (PublicNotice::maskName), never the full name
    QString category;   // A | B | C
    QString outcome;    // approve (only approvals go on the notice)
};

struct PublicNoticeData {
    QString batchId;
    QString batchTitle; // the principal's title of the batch ("第一轮录取"); may be empty
    QString schoolName;
    QString schoolId;
    QString title; // the page title: "<school> <year>年义务教育招生录取公示名单"; empty: made from the school
    QString signer;         // the hub account that signed
    QString keyFingerprint; // crypto::keyFingerprint of the signer's public key
    QString algorithm;      // ed25519 | sm2-sm3
    QDateTime signedAt;
    QByteArray signedBytesSha256Hex; // lower-case hex of the SHA-256 of the exact signed bytes
    QList<PublicNoticeRow> rows;     // in the order printed
};

class PublicNotice {
public:
    // The name with its middle masked: the first and last character kept for three characters or more
    // (王小明 → 王*明, 欧阳小明 → 欧**明), the first for two (李明 → 李*), "*" for one (never the whole
    // name). Counted in
    // characters (a character outside the BMP is one); white space around the name is dropped.
    static QString maskName(const QString& name);
    // The notice's label of a category in the table: "A类" (the first page explains A, B and C); an unknown
    // code as it is.
    static QString categoryLabel(const QString& code);
    // "<batch id> <sha256 hex>": what the QR code holds.
    static QString qrText(const PublicNoticeData& data);

    // The notice as A4 portrait pages on `device` (set up by the caller: a QPdfWriter or a QPrinter):
    // the title, the batch, the signer, the fingerprint and the QR code on the first page, then the table
    // of the rows, continued over as many pages as it takes, each page numbered "第 n 页 共 m 页" with the
    // batch id. Nothing is cut off: long text wraps or shrinks.
    static Status paint(QPagedPaintDevice& device, const PublicNoticeData& data);
    // QPdfWriter at 300 dpi to `path`; error "cannot_write" when the file cannot be written.
    static Status writePdf(const PublicNoticeData& data, const QString& path);
    // How many pages paint() makes of `data` on A4 (for tests and the CLI's message).
    static int pageCount(const PublicNoticeData& data);

    // The notice of a signed batch, from its exact signed bytes (the items signed, the signer, the key)
    // and the cache (the children's names, the school's name, the admission year): only approvals, by
    // category then application id. The signature is checked against the key before anything is read.
    // Errors: "not_found", "not_signed" (a draft), "batch_refused" (the platform refused it: conflict,
    // invalid or replaced; its notice would list decisions that were not applied), "bad_signature",
    // "nothing_to_notice" (no approval in it), "not_cached" (an application is no longer in the cache).
    static Result<PublicNoticeData> readPublicNotice(store::Connection& connection, const QString& batchId);
    // readPublicNotice, writePdf to `path`, and the audit entry "batch.notice" (the batch id, the number
    // of rows and the digest; never a name) by the workspace's user: what `admissionsctl batch notice`
    // and the sign-off window's "Public notice…" do. Any role may: the notice is public.
    static Result<PublicNoticeData> write(store::Workspace& workspace, const QString& batchId, const QString& path);
};

} // namespace adm::views
