#include "catalog/schemasnapshot.h"

namespace nrdb {

QString relationKindName(RelationKind kind)
{
    switch (kind) {
    case RelationKind::Table:
        return QStringLiteral("table");
    case RelationKind::PartitionedTable:
        return QStringLiteral("partitioned table");
    case RelationKind::View:
        return QStringLiteral("view");
    case RelationKind::MaterializedView:
        return QStringLiteral("materialized view");
    case RelationKind::ForeignTable:
        return QStringLiteral("foreign table");
    }
    return {};
}

QString constraintTypeName(ConstraintType type)
{
    switch (type) {
    case ConstraintType::PrimaryKey:
        return QStringLiteral("primary key");
    case ConstraintType::Unique:
        return QStringLiteral("unique");
    case ConstraintType::Check:
        return QStringLiteral("check");
    case ConstraintType::Exclusion:
        return QStringLiteral("exclusion");
    case ConstraintType::ForeignKey:
        return QStringLiteral("foreign key");
    }
    return {};
}

QString foreignKeyActionSql(QChar code)
{
    switch (code.toLatin1()) {
    case 'a':
        return QStringLiteral("NO ACTION");
    case 'r':
        return QStringLiteral("RESTRICT");
    case 'c':
        return QStringLiteral("CASCADE");
    case 'n':
        return QStringLiteral("SET NULL");
    case 'd':
        return QStringLiteral("SET DEFAULT");
    default:
        return {};
    }
}

const ConstraintInfo *RelationInfo::primaryKey() const
{
    for (const ConstraintInfo &constraint : constraints) {
        if (constraint.type == ConstraintType::PrimaryKey)
            return &constraint;
    }
    return nullptr;
}

QVector<const ConstraintInfo *> RelationInfo::foreignKeys() const
{
    QVector<const ConstraintInfo *> keys;
    for (const ConstraintInfo &constraint : constraints) {
        if (constraint.type == ConstraintType::ForeignKey)
            keys << &constraint;
    }
    return keys;
}

const ColumnInfo *RelationInfo::column(const QString &columnName) const
{
    for (const ColumnInfo &candidate : columns) {
        if (candidate.name == columnName)
            return &candidate;
    }
    return nullptr;
}

void SchemaSnapshot::index()
{
    m_byOid.clear();
    m_byQualifiedName.clear();
    m_incoming.clear();
    for (int i = 0; i < relations.size(); ++i) {
        const RelationInfo &relation = relations.at(i);
        m_byOid.insert(relation.oid, i);
        m_byQualifiedName.insert(relation.schema + QChar(0) + relation.name, i);
        for (int k = 0; k < relation.constraints.size(); ++k) {
            const ConstraintInfo &constraint = relation.constraints.at(k);
            if (constraint.type == ConstraintType::ForeignKey)
                m_incoming[constraint.referencedOid].append({i, k});
        }
    }
}

const RelationInfo *SchemaSnapshot::relation(quint32 oid) const
{
    const auto it = m_byOid.constFind(oid);
    return it == m_byOid.constEnd() ? nullptr : &relations.at(*it);
}

const RelationInfo *SchemaSnapshot::relation(const QString &schemaName, const QString &name) const
{
    const auto it = m_byQualifiedName.constFind(schemaName + QChar(0) + name);
    return it == m_byQualifiedName.constEnd() ? nullptr : &relations.at(*it);
}

const SchemaInfo *SchemaSnapshot::schema(const QString &name) const
{
    for (const SchemaInfo &candidate : schemas) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

QVector<QPair<const RelationInfo *, const ConstraintInfo *>> SchemaSnapshot::referencesTo(quint32 oid) const
{
    QVector<QPair<const RelationInfo *, const ConstraintInfo *>> references;
    for (const auto &[relationIndex, constraintIndex] : m_incoming.value(oid)) {
        const RelationInfo &holder = relations.at(relationIndex);
        references.append({&holder, &holder.constraints.at(constraintIndex)});
    }
    return references;
}

} // namespace nrdb
