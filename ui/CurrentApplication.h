#pragma once

#include "views/ApplicationDetail.h"

#include <QObject>
#include <optional>

namespace adm::ui {

// The one application the officer is looking at: the source of truth that the detail pane, the
// queue table and every decision key follow, so that a key never acts on another application than
// the one shown. It is chosen from the queue (a row) or opened from outside it (a related
// application not in the rows shown); its detail is read by the window and handed here.
class CurrentApplication : public QObject {
    Q_OBJECT
public:
    enum class Place {
        InQueue,      // the current row of the queue table
        OutsideQueue, // opened from the detail pane; not among the queue's rows
    };

    explicit CurrentApplication(QObject* parent = nullptr);

    QString id() const { return m_id; }
    bool isEmpty() const { return m_id.isEmpty(); }
    Place place() const { return m_place; }
    // The detail read for id(); null while it is being read, or when the read failed.
    const views::ApplicationDetail* detail() const { return m_detail ? &*m_detail : nullptr; }

    // Makes `id` the current application. Choosing the current one again changes nothing.
    void choose(const QString& id, Place place);
    void clear();
    // A detail read for some application: kept (and announced) only if it is still the current one.
    bool setDetail(const views::ApplicationDetail& detail);
    void setReadError(const QString& id, const QString& message);
    // Someone needs the detail without the pause a queue move waits for (a decision key).
    void wantDetailNow() { Q_EMIT detailWantedNow(); }

Q_SIGNALS:
    void chosen(const QString& id, adm::ui::CurrentApplication::Place place);
    void cleared();
    void detailRead(const adm::views::ApplicationDetail& detail);
    void readFailed(const QString& id, const QString& message);
    void detailWantedNow();

private:
    QString m_id;
    Place m_place = Place::InQueue;
    std::optional<views::ApplicationDetail> m_detail;
};

} // namespace adm::ui
