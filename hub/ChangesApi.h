#pragma once

#include "HttpMessage.h"
#include "SessionStore.h"

namespace adm::hub {

struct HubContext;

// GET /api/v1/changes?after=<cursor>&limit=<1..5000>: the account's view of the change log.
// The cursor is opaque to clients; inside it holds the hub's epoch, the seq it points after, and
// the head of the log when it was issued (for expiry). A page scans at most kScanWindow seqs, so
// that a narrow account pulling a large city never makes one request slow: such a page may come
// back short, with has_more still true.
class ChangesApi {
public:
    static constexpr qint64 kScanWindow = 200000;
    static constexpr int kDefaultLimit = 1000;
    static constexpr int kMaxLimit = 5000;

    explicit ChangesApi(HubContext& context)
        : m_context(context)
    {}
    HttpReply pull(const HttpRequest& request, const Session& session);

    struct Cursor {
        QString epoch;
        qint64 after = 0;
        qint64 issuedHead = 0;
    };
    static QString encodeCursor(const Cursor& cursor);
    static std::optional<Cursor> decodeCursor(const QString& text);

private:
    HubContext& m_context;
};

} // namespace adm::hub
