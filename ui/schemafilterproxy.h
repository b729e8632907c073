#pragma once

#include <QSortFilterProxyModel>

namespace nrdb {

// Search as you type over a SchemaTreeModel: relations whose name contains the text, with all
// their columns, keys and indexes; and relations with a column whose name contains it, with
// those columns only. Under their schemas. Cost per keystroke is one pass over the relations and
// their columns. GUI thread only.
class SchemaFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setSearchText(const QString &text);
    const QString &searchText() const { return m_text; }
    // A relation shown for its columns, not its name (the view expands it to show them).
    bool matchesByColumnOnly(const QModelIndex &relation) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool nameMatches(const QModelIndex &sourceIndex) const;
    bool hasMatchingColumn(const QModelIndex &sourceRelation) const;

    QString m_text;
};

} // namespace nrdb
