#pragma once

#include "catalog/schemasnapshot.h"

#include <QAbstractItemModel>

#include <memory>

namespace nrdb {

// A SchemaSnapshot as a tree: schemas, their tables and views, and under each relation the
// groups Columns, Keys and Indexes; a table's row has its estimated rows and its size. Nodes are encoded in the model
// indexes, so nothing is built per table up front. Owner thread only.
class SchemaTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class NodeKind { Schema, Relation, Group, Item };
    enum Group { ColumnsGroup, KeysGroup, IndexesGroup, GroupCount };
    enum Role { NodeKindRole = Qt::UserRole + 1, RelationOidRole, SearchTextRole };
    enum Column { NameColumn, DetailColumn, RowsColumn, SizeColumn, ColumnCount };

    explicit SchemaTreeModel(QObject *parent = nullptr);

    void setSnapshot(std::shared_ptr<const SchemaSnapshot> snapshot);
    const std::shared_ptr<const SchemaSnapshot> &snapshot() const { return m_snapshot; }
    // The index of a relation's node, for "go to table".
    QModelIndex relationIndex(quint32 oid) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node {
        NodeKind kind;
        int group;  // Group and Item nodes
        int number; // schema index (Schema, Relation) or relation index (Group, Item)
    };
    static quintptr encode(const Node &node);
    static Node decode(quintptr id);
    QVariant itemData(const RelationInfo &relation, int group, int row, int column) const;
    static QVariant relationData(const RelationInfo &relation, int column, int role);
    int itemCount(const RelationInfo &relation, int group) const;

    std::shared_ptr<const SchemaSnapshot> m_snapshot;
    QVector<QVector<int>> m_relationsBySchema; // schema index -> relation indexes, sorted by name
    QVector<int> m_schemaOfRelation;
    QVector<int> m_rowInSchema;
};

} // namespace nrdb
