#pragma once

#include <QSortFilterProxyModel>

namespace nrdb {

// Search as you type over a SchemaTreeModel: relations whose name contains the text, with all
// their columns, keys and indexes, under their schemas. Cost per keystroke is one pass over the
// relations, however many columns they have. GUI thread only.
class SchemaFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};

} // namespace nrdb
