#pragma once

#include <QHash>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

namespace nrdb {

// Plain value types read from pg_catalog in one refresh. Any thread; copy freely.

struct SchemaInfo {
    quint32 oid = 0;
    QString name;
    QString owner;
    QString comment;
    bool usable = true; // false: the current user lacks USAGE ("no privilege")
};

enum class RelationKind { Table, PartitionedTable, View, MaterializedView, ForeignTable };
QString relationKindName(RelationKind kind);

struct ColumnInfo {
    int position = 0;
    QString name;
    QString type; // as format_type() writes it, e.g. "character varying(36)"
    bool isBoolean = false;
    bool notNull = false;
    QString defaultExpression;
    QString identity;       // "", "always", "by default"
    bool generated = false; // GENERATED ALWAYS AS (...) STORED: defaultExpression holds the expression
    QString comment;
};

enum class ConstraintType { PrimaryKey, Unique, Check, Exclusion, ForeignKey };
QString constraintTypeName(ConstraintType type); // "primary key", "unique", "check", "exclusion", "foreign key"

// ON DELETE / ON UPDATE of a foreign key, as SQL writes it.
QString foreignKeyActionSql(QChar code); // 'a' -> "NO ACTION", 'c' -> "CASCADE", ...

struct ConstraintInfo {
    QString name;
    ConstraintType type = ConstraintType::Check;
    QStringList columns;
    QString definition; // pg_get_constraintdef()
    bool deferrable = false;
    bool validated = true;
    // Foreign keys only:
    quint32 referencedOid = 0;
    QStringList referencedColumns;
    QString onDelete; // "NO ACTION", "CASCADE", ...
    QString onUpdate;
};

struct IndexInfo {
    QString name;
    QString method;      // btree, hash, gin, ...
    QStringList columns; // key columns; an expression shows as "(expression)"
    bool unique = false;
    bool primary = false;
    bool valid = true;
    bool partial = false;
    QString definition; // pg_get_indexdef()
    qint64 bytes = 0;
    QString constraintName; // the primary-key, unique or exclusion constraint it backs
};

struct RelationInfo {
    quint32 oid = 0;
    quint32 schemaOid = 0;
    QString schema;
    QString name;
    RelationKind kind = RelationKind::Table;
    QString owner;
    quint32 partitionParentOid = 0; // a partition's parent table
    QString partitionBound;         // FOR VALUES ...
    QString partitionKey;           // of a partitioned table: RANGE (created_at)
    qint64 rowEstimate = -1;        // -1: never analysed
    qint64 totalBytes = 0;          // table, indexes and TOAST; -1: not sized, another session locks it
    QString viewDefinition;
    QString comment;
    QVector<ColumnInfo> columns;
    QVector<ConstraintInfo> constraints;
    QVector<IndexInfo> indexes;

    QString qualifiedName() const { return schema + QLatin1Char('.') + name; }
    bool isTable() const { return kind == RelationKind::Table || kind == RelationKind::PartitionedTable; }
    const ConstraintInfo *primaryKey() const;
    QVector<const ConstraintInfo *> foreignKeys() const;
    const ColumnInfo *column(const QString &name) const;
};

struct SequenceInfo {
    QString schema;
    QString name;
    QString dataType;
    qint64 start = 1;
    qint64 increment = 1;
    qint64 minValue = 1;
    qint64 maxValue = 0;
    bool cycles = false;
    quint32 ownerRelationOid = 0; // the table whose column owns it (serial / identity)
    QString ownerColumn;
};

struct EnumInfo {
    QString schema;
    QString name;
    QStringList labels;
};

struct DomainInfo {
    QString schema;
    QString name;
    QString baseType;
    bool notNull = false;
    QString defaultValue;
    QStringList checks;
};

struct ExtensionInfo {
    QString name;
    QString version;
    QString schema;
};

// Everything one refresh read. Lookups by oid and by schema-qualified name.
struct SchemaSnapshot {
    QVector<SchemaInfo> schemas;
    QVector<RelationInfo> relations;
    QVector<SequenceInfo> sequences;
    QVector<EnumInfo> enums;
    QVector<DomainInfo> domains;
    QVector<ExtensionInfo> extensions;
    int queryCount = 0; // catalog queries the refresh issued

    // Fills the lookup tables; the reader calls it once it has read everything.
    void index();
    const RelationInfo *relation(quint32 oid) const;
    const RelationInfo *relation(const QString &schema, const QString &name) const;
    const SchemaInfo *schema(const QString &name) const;
    // Foreign keys that point at the relation, with the relation that holds each.
    QVector<QPair<const RelationInfo *, const ConstraintInfo *>> referencesTo(quint32 oid) const;

private:
    QHash<quint32, int> m_byOid;
    QHash<QString, int> m_byQualifiedName;
    QHash<quint32, QVector<QPair<int, int>>> m_incoming; // referenced oid -> (relation, constraint)
};

} // namespace nrdb

Q_DECLARE_METATYPE(nrdb::SchemaSnapshot)
