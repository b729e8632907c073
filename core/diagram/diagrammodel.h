#pragma once

#include "catalog/schemasnapshot.h"

#include <QHash>
#include <QString>
#include <QVector>

namespace nrdb {

// A mark given from outside (verify) to a table or a column of the diagram.
enum class DiagramStatus { Normal, Missing, Changed, Extra };
QString diagramStatusName(DiagramStatus status); // "", "missing", "changed", "extra"

struct DiagramColumn {
    QString name;
    QString type;
    bool primaryKey = false;
    bool foreignKey = false;
    DiagramStatus status = DiagramStatus::Normal;
};

struct DiagramTable {
    quint32 oid = 0; // 0 for a table that is only expected (a missing one)
    QString schema;
    QString name;
    QVector<DiagramColumn> columns;
    DiagramStatus status = DiagramStatus::Normal;

    QString qualifiedName() const { return schema + QLatin1Char('.') + name; }
};

// A foreign key: from the referencing table to the referenced one.
struct DiagramRelation {
    int from = 0; // index into DiagramModel::tables
    int to = 0;
    QString name;
    QStringList columns;
    QStringList referencedColumns;
    bool oneToOne = false; // the referencing columns are unique: each row has at most one partner
    bool cascadeDelete = false;

    QString describe(const QString &fromTable, const QString &toTable) const;
};

// Tables and columns to mark, keyed "schema.table" and "schema.table.column".
struct DiagramMarks {
    QHash<QString, DiagramStatus> tables;
    QHash<QString, DiagramStatus> columns;
    bool isEmpty() const { return tables.isEmpty() && columns.isEmpty(); }
};

// What the diagram draws: the tables of some schemas and the foreign keys between them. Built
// from a snapshot; a plain value type, any thread.
struct DiagramModel {
    QVector<DiagramTable> tables;
    QVector<DiagramRelation> relations;

    // Tables (not views) of the given schemas, or of every schema when the list is empty;
    // foreign keys whose both ends are among them.
    static DiagramModel fromSnapshot(const SchemaSnapshot &snapshot, const QStringList &schemas = {});

    int indexOf(const QString &qualifiedName) const;
    // The tables within `depth` foreign-key steps of `table`, in either direction, itself included.
    QVector<int> neighbourhood(int table, int depth) const;
    // Marks tables and columns; a missing table or column that is not drawn yet is added, empty.
    void applyMarks(const DiagramMarks &marks);
};

} // namespace nrdb
