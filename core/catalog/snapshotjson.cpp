#include "snapshotjson.h"

namespace nrdb {

namespace {

QJsonObject columnJson(const ColumnInfo &column)
{
    QJsonObject json{{QStringLiteral("name"), column.name},
                     {QStringLiteral("type"), column.type},
                     {QStringLiteral("not_null"), column.notNull}};
    if (!column.defaultExpression.isEmpty())
        json.insert(column.generated ? QStringLiteral("generated") : QStringLiteral("default"),
                    column.defaultExpression);
    if (!column.identity.isEmpty())
        json.insert(QStringLiteral("identity"), column.identity);
    if (!column.comment.isEmpty())
        json.insert(QStringLiteral("comment"), column.comment);
    return json;
}

QJsonObject constraintJson(const SchemaSnapshot &snapshot, const ConstraintInfo &constraint)
{
    QJsonObject json{{QStringLiteral("name"), constraint.name},
                     {QStringLiteral("type"), constraintTypeName(constraint.type)},
                     {QStringLiteral("columns"), QJsonArray::fromStringList(constraint.columns)},
                     {QStringLiteral("definition"), constraint.definition}};
    if (constraint.type == ConstraintType::ForeignKey) {
        const RelationInfo *target = snapshot.relation(constraint.referencedOid);
        json.insert(QStringLiteral("references"), target ? target->qualifiedName() : QString());
        json.insert(QStringLiteral("referenced_columns"), QJsonArray::fromStringList(constraint.referencedColumns));
        json.insert(QStringLiteral("on_delete"), constraint.onDelete);
        json.insert(QStringLiteral("on_update"), constraint.onUpdate);
    }
    if (!constraint.validated)
        json.insert(QStringLiteral("validated"), false);
    return json;
}

QJsonObject indexJson(const IndexInfo &index)
{
    return QJsonObject{{QStringLiteral("name"), index.name},
                       {QStringLiteral("method"), index.method},
                       {QStringLiteral("columns"), QJsonArray::fromStringList(index.columns)},
                       {QStringLiteral("unique"), index.unique},
                       {QStringLiteral("primary"), index.primary},
                       {QStringLiteral("valid"), index.valid},
                       {QStringLiteral("partial"), index.partial},
                       {QStringLiteral("bytes"), index.bytes},
                       {QStringLiteral("definition"), index.definition}};
}

QJsonObject relationJson(const SchemaSnapshot &snapshot, const RelationInfo &relation)
{
    QJsonArray columns;
    for (const ColumnInfo &column : relation.columns)
        columns.append(columnJson(column));
    QJsonArray constraints;
    for (const ConstraintInfo &constraint : relation.constraints)
        constraints.append(constraintJson(snapshot, constraint));
    QJsonArray indexes;
    for (const IndexInfo &index : relation.indexes)
        indexes.append(indexJson(index));
    QJsonObject json{{QStringLiteral("schema"), relation.schema},
                     {QStringLiteral("name"), relation.name},
                     {QStringLiteral("kind"), relationKindName(relation.kind)},
                     {QStringLiteral("owner"), relation.owner},
                     {QStringLiteral("rows_estimate"), relation.rowEstimate},
                     {QStringLiteral("total_bytes"), relation.totalBytes},
                     {QStringLiteral("columns"), columns},
                     {QStringLiteral("constraints"), constraints},
                     {QStringLiteral("indexes"), indexes}};
    if (!relation.comment.isEmpty())
        json.insert(QStringLiteral("comment"), relation.comment);
    if (!relation.viewDefinition.isEmpty())
        json.insert(QStringLiteral("view_definition"), relation.viewDefinition);
    if (const RelationInfo *parent = snapshot.relation(relation.partitionParentOid))
        json.insert(QStringLiteral("partition_of"), parent->qualifiedName());
    if (!relation.partitionBound.isEmpty())
        json.insert(QStringLiteral("partition_bound"), relation.partitionBound);
    if (!relation.partitionKey.isEmpty())
        json.insert(QStringLiteral("partition_key"), relation.partitionKey);
    return json;
}

} // namespace

QJsonObject snapshotToJson(const SchemaSnapshot &snapshot)
{
    QJsonArray schemas;
    for (const SchemaInfo &schema : snapshot.schemas)
        schemas.append(QJsonObject{{QStringLiteral("name"), schema.name},
                                   {QStringLiteral("owner"), schema.owner},
                                   {QStringLiteral("usable"), schema.usable}});
    QJsonArray relations;
    for (const RelationInfo &relation : snapshot.relations)
        relations.append(relationJson(snapshot, relation));
    QJsonArray sequences;
    for (const SequenceInfo &sequence : snapshot.sequences)
        sequences.append(QJsonObject{{QStringLiteral("schema"), sequence.schema},
                                     {QStringLiteral("name"), sequence.name},
                                     {QStringLiteral("type"), sequence.dataType},
                                     {QStringLiteral("owned_by"), sequence.ownerColumn}});
    QJsonArray enums;
    for (const EnumInfo &type : snapshot.enums)
        enums.append(QJsonObject{{QStringLiteral("schema"), type.schema},
                                 {QStringLiteral("name"), type.name},
                                 {QStringLiteral("labels"), QJsonArray::fromStringList(type.labels)}});
    QJsonArray domains;
    for (const DomainInfo &domain : snapshot.domains)
        domains.append(QJsonObject{{QStringLiteral("schema"), domain.schema},
                                   {QStringLiteral("name"), domain.name},
                                   {QStringLiteral("base_type"), domain.baseType},
                                   {QStringLiteral("not_null"), domain.notNull},
                                   {QStringLiteral("checks"), QJsonArray::fromStringList(domain.checks)}});
    QJsonArray extensions;
    for (const ExtensionInfo &extension : snapshot.extensions)
        extensions.append(QJsonObject{{QStringLiteral("name"), extension.name},
                                      {QStringLiteral("version"), extension.version},
                                      {QStringLiteral("schema"), extension.schema}});
    return QJsonObject{{QStringLiteral("schemas"), schemas},     {QStringLiteral("relations"), relations},
                       {QStringLiteral("sequences"), sequences}, {QStringLiteral("enums"), enums},
                       {QStringLiteral("domains"), domains},     {QStringLiteral("extensions"), extensions}};
}

QJsonArray findingsToJson(const QVector<LintFinding> &findings)
{
    QJsonArray array;
    for (const LintFinding &finding : findings) {
        QJsonObject json{{QStringLiteral("rule"), finding.rule},
                         {QStringLiteral("severity"), lintSeverityName(finding.severity)},
                         {QStringLiteral("schema"), finding.schema},
                         {QStringLiteral("table"), finding.table},
                         {QStringLiteral("object"), finding.object},
                         {QStringLiteral("message"), finding.message},
                         {QStringLiteral("explanation"), finding.explanation}};
        if (!finding.fixSql.isEmpty())
            json.insert(QStringLiteral("fix_sql"), finding.fixSql);
        array.append(json);
    }
    return array;
}

} // namespace nrdb
