#pragma once

#include "domain/Result.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <array>

namespace adm::store {

class Connection;

// The bins of the queue list. The number of a placed bin is its value in queue_rows.bin; Conflicts
// is an overlay (the rows with conflict != 0, each also in its own bin). See kQueueBins.
enum class QueueBin {
    ToReview = 0,
    Flagged = 1,
    InfoRequested = 2,
    Approved = 3,
    Rejected = 4,
    Conflicts = 5,
    Returned = 6,
    Closed = 9
};

enum class QueueFlags { Any, None, Some };

// One bin: its number, name, label, whether the queue list shows it, and what puts an application
// there. Placement: a decision of this workstation still in the outbox (`decision`, the outbox's
// outcome column) wins over everything; then the upstream status (`statuses`, and the check's
// flags where `flags` says); the one bin with `rest` takes everything else. An overlay bin
// (`overlay`, a queue_rows column) holds the rows where that column is not 0, besides their bin.
struct QueueBinRule {
    QueueBin bin;
    const char* name;  // a stable code: docs, tests, logs
    const char* label; // the queue list's words: QT_TRANSLATE_NOOP("Labels", …)
    bool listed = true;
    const char* decision = nullptr;
    std::array<const char*, 4> statuses{};
    QueueFlags flags = QueueFlags::Any;
    bool rest = false;
    const char* overlay = nullptr;
};

// One field packed into queue_rows.facets, so that a filter is answered from each order's index.
// With codes, the field's value is the index of the column's text in `codes` (0 for any other
// text); without, the column's integer value as it is, in the bits from `shift` up.
struct QueueFacet {
    const char* name;
    const char* column; // the queue_rows column it packs
    int shift;
    int width; // bits; 0: the rest of the integer
    std::array<const char*, 6> codes{};
};

// The queue's rules in one place. Adding a bin is one enumerator of QueueBin and one row here: the
// triggers are made from this table, and a cache whose triggers differ from it gets them again, with
// every row's bin put right, when it is opened (QueueRules::ensure). docs/architecture.md.
inline constexpr QueueBinRule kQueueBins[] = {
    {.bin = QueueBin::ToReview,
     .name = "to_review",
     .label = QT_TRANSLATE_NOOP("Labels", "To review"),
     .statuses = {"submitted", "under_review"},
     .flags = QueueFlags::None},
    {.bin = QueueBin::Flagged,
     .name = "flagged",
     .label = QT_TRANSLATE_NOOP("Labels", "Flagged"),
     .statuses = {"submitted", "under_review"},
     .flags = QueueFlags::Some},
    {.bin = QueueBin::InfoRequested,
     .name = "info_requested",
     .label = QT_TRANSLATE_NOOP("Labels", "Information requested"),
     .decision = "request_info",
     .statuses = {"info_requested"}},
    {.bin = QueueBin::Approved,
     .name = "approved",
     .label = QT_TRANSLATE_NOOP("Labels", "Approved"),
     .decision = "approve",
     .statuses = {"approved"}},
    {.bin = QueueBin::Rejected,
     .name = "rejected",
     .label = QT_TRANSLATE_NOOP("Labels", "Rejected"),
     .decision = "reject",
     .statuses = {"rejected"}},
    {.bin = QueueBin::Conflicts,
     .name = "conflicts",
     .label = QT_TRANSLATE_NOOP("Labels", "Conflicts"),
     .overlay = "conflict"},
    // An officer's decision the principal took out of a batch and sent back with a note (issue 14),
    // until the application changes: the officer reads the note in the detail pane and decides again.
    {.bin = QueueBin::Returned,
     .name = "returned",
     .label = QT_TRANSLATE_NOOP("Labels", "Returned by the principal"),
     .overlay = "returned"},
    // Withdrawn, or any status this workstation does not know yet: not in the queue list.
    {.bin = QueueBin::Closed,
     .name = "closed",
     .label = QT_TRANSLATE_NOOP("Labels", "Closed"),
     .listed = false,
     .rest = true},
};

inline constexpr QueueFacet kQueueFacets[] = {
    {.name = "channel", .column = "channel", .shift = 0, .width = 1, .codes = {"online", "counter"}},
    {.name = "category", .column = "checked", .shift = 1, .width = 3, .codes = {"", "A", "B", "C", "none"}},
    {.name = "flags", .column = "flag_mask", .shift = 4, .width = 0},
};

// What the rules read, as SQL expressions: queue_rows' own columns unless a trigger has them from
// elsewhere (NEW.status, the eligibility result being written, …).
struct QueueInputs {
    QString pending = QStringLiteral("pending");
    QString status = QStringLiteral("status");
    QString flagMask = QStringLiteral("flag_mask");
    QString channel = QStringLiteral("channel");
    QString checked = QStringLiteral("checked");
};

class QueueRules {
public:
    static constexpr int listedCount()
    {
        int n = 0;
        for (const QueueBinRule& r : kQueueBins)
            n += r.listed ? 1 : 0;
        return n;
    }
    static const QueueBinRule& rule(QueueBin bin);
    static bool isDefined(int number);
    // The bins of the queue list, in order, and a bin's row there (-1: not listed).
    static QueueBin listedAt(int row);
    static int listedRow(QueueBin bin);
    // Outcomes of a pending decision that place a row (approve, reject, request_info).
    static QStringList decisions();
    static const QueueFacet& facet(const char* name);

    // The rules evaluated in C++: what the generated SQL must agree with.
    static QueueBin binOf(const QString& pending, const QString& status, qint64 flagMask);
    static qint64 facetsOf(const QString& channel, const QString& checked, qint64 flagMask);
    static int facetCode(const QueueFacet& facet, const QString& value); // -1: not one of its codes

    // The same rules as SQL expressions over `in`.
    static QString binSql(const QueueInputs& in = {});
    static QString facetsSql(const QueueInputs& in = {});
    // The pending decision of an application, from the outbox ('' for none).
    static QString pendingSql(const QString& applicationId, const QString& version);
    static QString conflictSql(const QString& applicationId);
    // Whether a batch item of the application at that version was returned to its officer (0 or 1).
    static QString returnedSql(const QString& applicationId, const QString& version);
    // A filter on one facet: the condition and the value to bind.
    static QString facetTestSql(const QueueFacet& facet);

    // The triggers that keep queue_rows in step with the tables the writers write, by name, as
    // CREATE TRIGGER statements exactly as sqlite_master keeps them.
    static QList<QPair<QString, QString>> triggers();
    // True when the cache's queue triggers are exactly triggers().
    static Result<bool> isInstalled(Connection& c);
    // Replaces every queue trigger with triggers(), then puts right what they would have written:
    // each row's pending decision, conflict, bin and facets (only rows that differ are written).
    // In the caller's transaction.
    static Status install(Connection& c);
    // install() in a transaction of its own when the cache's triggers are not triggers().
    static Status ensure(Connection& c);
};

} // namespace adm::store
