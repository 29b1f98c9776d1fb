#pragma once

#include "QueueTypes.h"

#include <QList>
#include <QString>

namespace adm::views {

// A queue view worth coming back to: the bin, the filters and the order (not the search, which may
// be a name or an ID number). Another branch defines views::QueueViewState for lock and restore;
// the two are meant to become one.
struct SavedQueueView {
    QString name;
    QueueQuery query; // its search is left out: a saved view names a bin, filters and an order
};

// The saved queue views of one local user, in QSettings under the user's name (no personal data:
// codes, dates and the names the user gave).
class SavedFilters {
public:
    explicit SavedFilters(const QString& localUser);

    QList<SavedQueueView> all() const;
    // Replaces a view of the same name.
    void save(const SavedQueueView& view);
    void remove(const QString& name);

private:
    void write(const QList<SavedQueueView>& views);

    QString m_group;
};

} // namespace adm::views
