#pragma once

#include "domain/Entities.h"

#include <QAbstractItemModel>
#include <memory>
#include <vector>

namespace adm::views {

// Every agency record about an application's people, in full: one top-level row per record
// (data set and the agency's record number), below it every field as the agency sent it, nested
// objects and lists included, fields this version does not know too. ID numbers show masked.
class RecordTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    explicit RecordTreeModel(QObject* parent = nullptr);
    ~RecordTreeModel() override;

    void setRecords(const QList<AgencyRecord>& records);
    void clear();
    // The top-level row of a record, -1 when absent.
    int rowOfRecord(const QString& recordId) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    enum Role { RecordIdRole = Qt::UserRole + 1 };

private:
    struct Node;
    Node* nodeOf(const QModelIndex& index) const;

    std::unique_ptr<Node> m_root;
};

} // namespace adm::views
