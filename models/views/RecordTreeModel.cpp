#include "RecordTreeModel.h"

#include "Labels.h"
#include "domain/IdNumber.h"
#include "domain/JsonCodec.h"

#include <QJsonArray>
#include <QJsonObject>

namespace adm::views {

struct RecordTreeModel::Node {
    QString key;
    QString value;
    QString recordId; // top-level rows
    Node* parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    Node* add(const QString& k, const QString& v)
    {
        auto n = std::make_unique<Node>();
        n->key = k;
        n->value = v;
        n->parent = this;
        n->row = int(children.size());
        children.push_back(std::move(n));
        return children.back().get();
    }
};

namespace {

QString shown(const QString& text)
{
    // Personal ID numbers stay masked here; the detail pane reveals the applicants' own on request.
    if (text.size() == 18 && IdNumber::parse(text).isValid())
        return IdNumber::masked(text);
    return text;
}

QString scalar(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool() ? RecordTreeModel::tr("yes") : RecordTreeModel::tr("no");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 15);
    case QJsonValue::String:
        return shown(v.toString());
    case QJsonValue::Null:
        return RecordTreeModel::tr("(empty)");
    default:
        return {};
    }
}

template <typename NodeT> void addValue(NodeT* parent, const QString& key, const QJsonValue& v)
{
    if (v.isObject()) {
        NodeT* n = parent->add(key, QString());
        const QJsonObject o = v.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            addValue(n, labels::field(it.key()), it.value());
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        NodeT* n = parent->add(key, a.isEmpty() ? RecordTreeModel::tr("(none)") : QString());
        for (int i = 0; i < a.size(); ++i)
            addValue(n, QString::number(i + 1), a.at(i));
    } else {
        parent->add(key, scalar(v));
    }
}

} // namespace

RecordTreeModel::RecordTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{}

RecordTreeModel::~RecordTreeModel() = default;

void RecordTreeModel::clear()
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    endResetModel();
}

void RecordTreeModel::setRecords(const QList<AgencyRecord>& records)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    for (const AgencyRecord& r : records) {
        const QString title = r.sourceRef.isEmpty() ? labels::dataset(r.dataset)
                                                    : tr("%1 · %2").arg(labels::dataset(r.dataset), r.sourceRef);
        Node* top = m_root->add(title, labels::agency(r.agency));
        top->recordId = r.id;
        top->add(tr("Record id"), r.id);
        top->add(tr("Agency's record number"), r.sourceRef);
        top->add(tr("Data set"), r.dataset);
        top->add(tr("Fetched at"), r.fetchedAt.isValid()
                                       ? r.fetchedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                       : tr("(unknown)"));
        addValue(top, tr("People"), QJsonArray::fromStringList(r.subjectIdNumbers));
        const QJsonObject fields = r.raw.value(QStringLiteral("fields")).toObject();
        // Known fields by their name in the interface's language, unknown ones as the agency named them.
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
            const QJsonValue v = it.value();
            addValue(top, labels::field(it.key()),
                     v.isString() ? QJsonValue(labels::fieldValue(it.key(), v.toString())) : v);
        }
        // Whatever else the agency record carries, known to this version or not.
        static const QStringList shownAbove = {QStringLiteral("id"),         QStringLiteral("agency"),
                                               QStringLiteral("dataset"),    QStringLiteral("source_ref"),
                                               QStringLiteral("fetched_at"), QStringLiteral("subject_id_numbers"),
                                               QStringLiteral("fields")};
        for (auto it = r.raw.constBegin(); it != r.raw.constEnd(); ++it)
            if (!shownAbove.contains(it.key()))
                addValue(top, it.key(), it.value());
    }
    endResetModel();
}

int RecordTreeModel::rowOfRecord(const QString& recordId) const
{
    for (const auto& n : m_root->children)
        if (n->recordId == recordId)
            return n->row;
    return -1;
}

RecordTreeModel::Node* RecordTreeModel::nodeOf(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex RecordTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= 2 || row < 0)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    Node* p = nodeOf(parent);
    if (row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex RecordTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    Node* p = nodeOf(child)->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row, 0, p);
}

int RecordTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int RecordTreeModel::columnCount(const QModelIndex&) const
{
    return 2;
}

QVariant RecordTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node* n = nodeOf(index);
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return index.column() == 0 ? n->key : n->value;
    if (role == RecordIdRole)
        return n->recordId;
    return {};
}

QVariant RecordTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return section == 0 ? tr("Field") : tr("Value");
    return QAbstractItemModel::headerData(section, orientation, role);
}

} // namespace adm::views
