#include "schemafilterproxy.h"

#include "catalog/schematreemodel.h"

namespace nrdb {

void SchemaFilterProxy::setSearchText(const QString &text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

bool SchemaFilterProxy::nameMatches(const QModelIndex &sourceIndex) const
{
    return sourceIndex.data(SchemaTreeModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive);
}

bool SchemaFilterProxy::hasMatchingColumn(const QModelIndex &sourceRelation) const
{
    const QAbstractItemModel *model = sourceModel();
    const QModelIndex columns = model->index(SchemaTreeModel::ColumnsGroup, 0, sourceRelation);
    for (int row = 0; row < model->rowCount(columns); ++row) {
        if (nameMatches(model->index(row, 0, columns)))
            return true;
    }
    return false;
}

bool SchemaFilterProxy::matchesByColumnOnly(const QModelIndex &relation) const
{
    const QModelIndex source = mapToSource(relation);
    return !m_text.isEmpty() && !nameMatches(source) && hasMatchingColumn(source);
}

bool SchemaFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QAbstractItemModel *model = sourceModel();
    const QModelIndex index = model->index(sourceRow, 0, sourceParent);
    switch (static_cast<SchemaTreeModel::NodeKind>(index.data(SchemaTreeModel::NodeKindRole).toInt())) {
    case SchemaTreeModel::NodeKind::Schema:
        for (int row = 0; row < model->rowCount(index); ++row) {
            const QModelIndex relation = model->index(row, 0, index);
            if (nameMatches(relation) || hasMatchingColumn(relation))
                return true;
        }
        return false;
    case SchemaTreeModel::NodeKind::Relation:
        return nameMatches(index) || hasMatchingColumn(index);
    case SchemaTreeModel::NodeKind::Group: // all of a relation found by name; else its matching columns
        return nameMatches(sourceParent) || sourceRow == SchemaTreeModel::ColumnsGroup;
    case SchemaTreeModel::NodeKind::Item:
        return nameMatches(sourceParent.parent()) || nameMatches(index);
    }
    return true;
}

} // namespace nrdb
