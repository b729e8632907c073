#include "schemafilterproxy.h"

#include "catalog/schematreemodel.h"

namespace nrdb {

void SchemaFilterProxy::setSearchText(const QString &text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

bool SchemaFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QAbstractItemModel *model = sourceModel();
    const QModelIndex index = model->index(sourceRow, 0, sourceParent);
    const auto kind = static_cast<SchemaTreeModel::NodeKind>(index.data(SchemaTreeModel::NodeKindRole).toInt());
    const auto matches = [this](const QModelIndex &relation) {
        return relation.data(SchemaTreeModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive);
    };
    switch (kind) {
    case SchemaTreeModel::NodeKind::Schema:
        for (int row = 0; row < model->rowCount(index); ++row) {
            if (matches(model->index(row, 0, index)))
                return true;
        }
        return false;
    case SchemaTreeModel::NodeKind::Relation:
        return matches(index);
    default:
        return true; // inside a relation that matched
    }
}

} // namespace nrdb
