#pragma once

#include "CacheView.h"
#include "CounterReceipt.h"
#include "Session.h"
#include "domain/Entities.h"
#include "sync/CounterIntake.h"

#include <QDate>
#include <QObject>
#include <optional>

namespace adm::views {

// The schools the counter takes applications for, and the year.
struct CounterContext {
    sync::CounterScope scope;
    QList<QPair<QString, QString>> schools; // id, name
};

// What the form shows beside what is typed: the check on what is known (cached and looked-up records
// and the typed data), the child's other applications this year, the claimed address against the
// school's zones and the birth date against the policy.
struct CounterPreview {
    QList<sync::KnownApplication> known;
    bool checked = false; // false: not enough typed for the check yet
    QString category;     // A | B | C | empty (none)
    QStringList flags;
    QMap<QString, QString> flagReasons;
    QString addressMatch; // exact | loose | none | empty
    QString zoneName;
    QString addressText;
    QString policyId;
    QDate birthFrom;
    QDate birthTo;
};

// Reads for the counter on a reader connection (ReaderThread); no writes.
Result<CounterContext> readCounterContext(const CacheView& cache);
Result<CounterPreview> readCounterPreview(const CacheView& cache, const sync::CounterApplication& application,
                                          const QList<AgencyRecord>& lookedUp);
Result<QList<sync::CounterRecord>> readCounterList(const CacheView& cache, const QDate& day = {});
Result<std::optional<sync::CounterRecord>> findCounterApplication(const CacheView& cache, const QString& ref);

// The counter's writes and its live lookup, for the counter window (and the tests): the save through
// sync::CounterIntake on the writer's thread, the draft of the form in the encrypted cache, the lookup
// on a worker thread with its audit entry, the receipt's data for a print or a reprint.
class CounterService : public QObject {
    Q_OBJECT
public:
    explicit CounterService(Session& session, QObject* parent = nullptr);

    void save(const sync::CounterApplication& application, QObject* context,
              std::function<void(Result<sync::CounterRecord>)> done);

    // The form being typed, kept so that a crash or a power cut loses at most a few seconds.
    void keepDraft(const sync::CounterApplication& application, QObject* context,
                   std::function<void(Status)> done = {});
    void clearDraft(QObject* context, std::function<void(Status)> done = {});
    void takeDraft(QObject* context, std::function<void(Result<std::optional<sync::CounterApplication>>)> done);

    // The records the platform holds about a person of the form (`person`: child, guardian1…), looked
    // up live; an audit entry records who looked up whom (by the form's position, never the number).
    void lookup(const QString& formId, const QString& person, const QString& idNumber, QObject* context,
                std::function<void(Result<QList<AgencyRecord>>)> done);

    // The receipt of an application taken here (language chosen by the caller); `reprint` writes an
    // audit entry "counter.receipt".
    void receipt(const QString& clientRef, bool reprint, QObject* context,
                 std::function<void(Result<CounterReceiptData>)> done);

Q_SIGNALS:
    void saved(const QString& clientRef);

private:
    Session& m_session;
};

// The receipt of one saved application, read on the writer's connection or a reader's.
Result<CounterReceiptData> readCounterReceipt(store::Connection& connection, const QString& clientRef,
                                              const QString& clerk);

} // namespace adm::views
