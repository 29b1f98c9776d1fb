#pragma once

#include "views/ReaderFactory.h"

#include <QDialog>
#include <memory>

class QTreeWidget;

namespace adm::views {
class ReaderThread;
}

namespace adm::ui {

// What the cache holds: counts per entity, data set, status, channel and grade (no personal
// data), read on a thread of its own.
class CacheCountsDialog : public QDialog {
    Q_OBJECT
public:
    CacheCountsDialog(views::ReaderFactory readers, QWidget* parent = nullptr);
    ~CacheCountsDialog() override;

private:
    void fill(const QJsonObject& stats, const QString& error);

    QTreeWidget* m_counts = nullptr;
    std::unique_ptr<views::ReaderThread> m_reads;
};

} // namespace adm::ui
