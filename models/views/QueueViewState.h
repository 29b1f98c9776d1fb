#pragma once

#include "QueueTypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <optional>

namespace adm::views {

// Where an officer is in the queues: the bin, the filters, the search, the order and the selected
// applicant. The idle lock keeps it (in the cache, with the draft) and puts it back after
// unlocking; saved filters can reuse the query half of it.
struct QueueViewState {
    QueueQuery query;
    QString applicationId; // the selected applicant; empty: none
    int row = -1;          // its row in that query when it was kept: where to look for it first

    bool operator==(const QueueViewState&) const = default;

    QByteArray toJson() const;
    static std::optional<QueueViewState> fromJson(const QByteArray& json);

    static QJsonObject filterToJson(const QueueFilter& filter);
    static QueueFilter filterFromJson(const QJsonObject& json);
    static QJsonObject queryToJson(const QueueQuery& query);
    static QueueQuery queryFromJson(const QJsonObject& json);
};

} // namespace adm::views
