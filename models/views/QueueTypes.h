#pragma once

#include "store/QueueRules.h"

#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariant>
#include <QVector>

// Value types of the reviewer queues: what a queue asks for (bin, filters, search, order) and
// what comes back (rows, anchor keys, counts). Plain values: they cross threads by copy.
namespace adm::views {

// The bins: their numbers, names, labels and what puts an application in each are the queue rules
// (store/QueueRules.h). kBinCount is the number of bins the queue list shows.
using Bin = store::QueueBin;
inline constexpr int kBinCount = store::QueueRules::listedCount();

// The columns a queue shows, in order. Every one of them can be sorted on.
enum class Column { Number, Child, Age, School, Claimed, Checked, Flags, Channel, Submitted };
inline constexpr int kColumnCount = 9;

struct QueueFilter {
    QString schoolId;    // empty: every school
    QString category;    // checked category A | B | C | none; empty: any
    qint64 flagMask = 0; // 0: any; else applications with at least one of these flags
    QString channel;     // online | counter; empty: both
    QDate from;          // submitted on or after (local date); invalid: open
    QDate to;            // submitted on or before (local date); invalid: open
    QDate overdueOn;     // valid: only information requests due before this day (today), see QueueSql
    // Supervision's drill-down (issue 16): applications of one district's schools; those an officer
    // account decided; only decisions that override the automatic check (with `officer` or alone).
    QString districtCode; // empty: every district
    QString officer;      // hub account of the decision's officer; empty: anyone
    bool overridesOnly = false;

    bool operator==(const QueueFilter&) const = default;
};

struct QueueQuery {
    Bin bin = Bin::ToReview;
    QueueFilter filter;
    QString search; // application number, ID number, phone or (part of) a name
    Column sortColumn = Column::Submitted;
    Qt::SortOrder order = Qt::AscendingOrder;

    bool operator==(const QueueQuery&) const = default;
};

// One row of queue_rows.
struct QueueRow {
    qint64 qid = 0;
    QString applicationId;
    qint64 version = 0;
    QString status;
    QString pending; // a decision of this workstation in the outbox: approve | reject | request_info
    bool conflict = false;
    int bin = 0;
    QString schoolId;
    QString schoolName;
    QString childName;
    QString birthDate; // YYYYMMDD
    QString claimed;
    QString checked;
    qint64 flagMask = 0;
    QString channel;
    QString submittedAt; // RFC 3339, UTC
};

// Where a row sits in the order: its sort key and its qid (which breaks ties).
struct QueueKey {
    QVariant key;
    qint64 qid = 0;
};

// A piece of a counting pass: rows counted so far, with the keys that make them reachable.
struct ScanChunk {
    qint64 counted = 0;        // rows counted up to and including this chunk
    QVector<qint64> qids;      // every row's qid, in order, while the result is small (see QueueReader)
    QVector<QueueKey> anchors; // the key of every stride-th row, in order
    bool qidsDropped = false;  // the result grew too big to keep every qid: use the anchors
};

// The count of each bin of the queue list, by its row there.
struct BinCounts {
    qint64 counts[kBinCount] = {};
    qint64 at(Bin bin) const
    {
        const int row = store::QueueRules::listedRow(bin);
        return row < 0 ? 0 : counts[row];
    }
};

// A school's seats: approvals (upstream and in the outbox) against its capacity.
struct SchoolSeats {
    QString schoolId;
    QString name;
    int capacity = 0;
    qint64 approved = 0;
};

} // namespace adm::views

Q_DECLARE_METATYPE(adm::views::QueueQuery)
Q_DECLARE_METATYPE(adm::views::QueueRow)
Q_DECLARE_METATYPE(adm::views::ScanChunk)
Q_DECLARE_METATYPE(adm::views::BinCounts)
