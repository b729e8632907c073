#include "catalog/schematreemodel.h"

#include <QHash>
#include <QLocale>

namespace nrdb {

SchemaTreeModel::SchemaTreeModel(QObject *parent) : QAbstractItemModel(parent)
{
}

quintptr SchemaTreeModel::encode(const Node &node)
{
    return (static_cast<quintptr>(node.kind) << 60) | (static_cast<quintptr>(node.group) << 56) |
           static_cast<quintptr>(static_cast<quint32>(node.number));
}

SchemaTreeModel::Node SchemaTreeModel::decode(quintptr id)
{
    return Node{static_cast<NodeKind>((id >> 60) & 0xF), static_cast<int>((id >> 56) & 0xF),
                static_cast<int>(id & 0xFFFFFFFFu)};
}

void SchemaTreeModel::setSnapshot(std::shared_ptr<const SchemaSnapshot> snapshot)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_relationsBySchema.clear();
    m_schemaOfRelation.clear();
    m_rowInSchema.clear();
    if (m_snapshot) {
        QHash<quint32, int> schemaIndex;
        for (int i = 0; i < m_snapshot->schemas.size(); ++i)
            schemaIndex.insert(m_snapshot->schemas.at(i).oid, i);
        m_relationsBySchema.resize(m_snapshot->schemas.size());
        m_schemaOfRelation.resize(m_snapshot->relations.size());
        m_rowInSchema.resize(m_snapshot->relations.size());
        for (int r = 0; r < m_snapshot->relations.size(); ++r) {
            const int s = schemaIndex.value(m_snapshot->relations.at(r).schemaOid, -1);
            m_schemaOfRelation[r] = s;
            if (s >= 0) {
                m_rowInSchema[r] = static_cast<int>(m_relationsBySchema[s].size());
                m_relationsBySchema[s].append(r); // the catalog query returns them sorted by name
            }
        }
    }
    endResetModel();
}

QModelIndex SchemaTreeModel::relationIndex(quint32 oid) const
{
    if (!m_snapshot)
        return {};
    const RelationInfo *relation = m_snapshot->relation(oid);
    if (!relation)
        return {};
    const int r = static_cast<int>(relation - m_snapshot->relations.constData());
    if (m_schemaOfRelation.value(r, -1) < 0)
        return {};
    return createIndex(m_rowInSchema.at(r), 0, encode({NodeKind::Relation, 0, m_schemaOfRelation.at(r)}));
}

int SchemaTreeModel::itemCount(const RelationInfo &relation, int group) const
{
    switch (group) {
    case ColumnsGroup:
        return static_cast<int>(relation.columns.size());
    case KeysGroup:
        return static_cast<int>(relation.constraints.size());
    case IndexesGroup:
        return static_cast<int>(relation.indexes.size());
    }
    return 0;
}

QModelIndex SchemaTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, encode({NodeKind::Schema, 0, row}));
    const Node node = decode(parent.internalId());
    switch (node.kind) {
    case NodeKind::Schema:
        return createIndex(row, column, encode({NodeKind::Relation, 0, parent.row()}));
    case NodeKind::Relation: {
        const int relation = m_relationsBySchema.at(node.number).at(parent.row());
        return createIndex(row, column, encode({NodeKind::Group, row, relation}));
    }
    case NodeKind::Group:
        return createIndex(row, column, encode({NodeKind::Item, node.group, node.number}));
    case NodeKind::Item:
        return {};
    }
    return {};
}

QModelIndex SchemaTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node node = decode(child.internalId());
    switch (node.kind) {
    case NodeKind::Schema:
        return {};
    case NodeKind::Relation:
        return createIndex(node.number, 0, encode({NodeKind::Schema, 0, node.number}));
    case NodeKind::Group: {
        const int schema = m_schemaOfRelation.at(node.number);
        return createIndex(m_rowInSchema.at(node.number), 0, encode({NodeKind::Relation, 0, schema}));
    }
    case NodeKind::Item:
        return createIndex(node.group, 0, encode({NodeKind::Group, node.group, node.number}));
    }
    return {};
}

int SchemaTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_snapshot || parent.column() > 0)
        return 0;
    if (!parent.isValid())
        return static_cast<int>(m_snapshot->schemas.size());
    const Node node = decode(parent.internalId());
    switch (node.kind) {
    case NodeKind::Schema:
        return static_cast<int>(m_relationsBySchema.at(parent.row()).size());
    case NodeKind::Relation:
        return m_snapshot->relations.at(m_relationsBySchema.at(node.number).at(parent.row())).isTable()
                   ? GroupCount
                   : 1; // a view has columns only
    case NodeKind::Group:
        return itemCount(m_snapshot->relations.at(node.number), node.group);
    case NodeKind::Item:
        return 0;
    }
    return 0;
}

int SchemaTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant SchemaTreeModel::itemData(const RelationInfo &relation, int group, int row, int column) const
{
    if (group == ColumnsGroup) {
        const ColumnInfo &c = relation.columns.at(row);
        if (column == NameColumn)
            return c.name;
        QString detail = c.type + (c.notNull ? QStringLiteral(" not null") : QString());
        if (!c.identity.isEmpty())
            detail += QStringLiteral(" identity ") + c.identity;
        else if (c.generated)
            detail += QStringLiteral(" generated");
        return detail;
    }
    if (group == KeysGroup) {
        const ConstraintInfo &k = relation.constraints.at(row);
        return column == NameColumn ? k.name : constraintTypeName(k.type) + QStringLiteral(": ") + k.definition;
    }
    const IndexInfo &i = relation.indexes.at(row);
    if (column == NameColumn)
        return i.name;
    return QStringLiteral("%1%2 (%3)")
        .arg(i.unique ? QStringLiteral("unique ") : QString(), i.method, i.columns.join(QStringLiteral(", ")));
}

QVariant SchemaTreeModel::relationData(const RelationInfo &relation, int column, int role)
{
    if (role == Qt::TextAlignmentRole && column >= RowsColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QLocale locale;
    switch (column) {
    case NameColumn:
        return relation.name;
    case DetailColumn:
        return relation.partitionParentOid ? QStringLiteral("partition") : relationKindName(relation.kind);
    case RowsColumn:
        if (!relation.isTable())
            return {};
        if (relation.rowEstimate < 0)
            return role == Qt::ToolTipRole ? tr("Never analysed: ANALYZE %1 gives an estimate").arg(relation.name)
                                           : tr("not analysed");
        return role == Qt::ToolTipRole ? tr("About %1 rows, as of the last ANALYZE").arg(relation.rowEstimate)
                                       : QStringLiteral("≈ %1").arg(locale.toString(relation.rowEstimate));
    case SizeColumn:
        if (!relation.isTable())
            return {};
        if (relation.totalBytes < 0)
            return role == Qt::ToolTipRole ? tr("Not sized: another session held a lock on it") : tr("?");
        return role == Qt::ToolTipRole ? tr("Table, indexes and TOAST") : locale.formattedDataSize(relation.totalBytes);
    default:
        return {};
    }
}

QVariant SchemaTreeModel::data(const QModelIndex &index, int role) const
{
    if (!m_snapshot || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node node = decode(index.internalId());
    if (role == NodeKindRole)
        return static_cast<int>(node.kind);
    if (node.kind == NodeKind::Schema) {
        const SchemaInfo &schema = m_snapshot->schemas.at(index.row());
        if (role == Qt::DisplayRole && index.column() <= DetailColumn) {
            const auto count = m_relationsBySchema.at(index.row()).size();
            return index.column() == NameColumn ? schema.name
                   : !schema.usable             ? tr("no privilege")
                   : count == 1                 ? tr("1 relation")
                                                : tr("%1 relations").arg(count);
        }
        if (role == Qt::ToolTipRole)
            return schema.usable ? schema.comment
                                 : QStringLiteral("You may not use schema %1 (no USAGE privilege)").arg(schema.name);
        return {};
    }
    const int relationNumber =
        node.kind == NodeKind::Relation ? m_relationsBySchema.at(node.number).at(index.row()) : node.number;
    const RelationInfo &relation = m_snapshot->relations.at(relationNumber);
    if (role == RelationOidRole)
        return relation.oid;
    if (role == SearchTextRole) {
        if (node.kind == NodeKind::Relation)
            return relation.name;
        return node.kind == NodeKind::Item ? itemData(relation, node.group, index.row(), NameColumn) : QVariant();
    }
    if (node.kind == NodeKind::Relation)
        return relationData(relation, index.column(), role);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (index.column() > DetailColumn)
        return {};
    switch (node.kind) {
    case NodeKind::Group: {
        static const char *const names[] = {"Columns", "Keys", "Indexes"};
        return index.column() == NameColumn ? QString::fromLatin1(names[node.group])
                                            : QString::number(itemCount(relation, node.group));
    }
    case NodeKind::Item:
        return itemData(relation, node.group, index.row(), index.column());
    default:
        return {};
    }
}

QVariant SchemaTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const titles[] = {"Name", "Details", "Rows", "Size"};
    return tr(titles[section]);
}

} // namespace nrdb
