#include "catalog/catalogreader.h"

#include "catalog/catalogrows.h"
#include "util/sqlresource.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace nrdb {

namespace {

// "{1,2}" (smallint[]) or "1 2" (int2vector) to numbers.
QVector<int> attributeNumbers(const QString &text)
{
    QVector<int> numbers;
    int current = -1;
    for (const QChar c : text) {
        if (c.isDigit()) {
            current = (current < 0 ? 0 : current * 10) + c.digitValue();
        } else if (current >= 0) {
            numbers << current;
            current = -1;
        }
    }
    if (current >= 0)
        numbers << current;
    return numbers;
}

QStringList jsonStrings(const QString &json)
{
    QStringList strings;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &item : array)
        strings << item.toString();
    return strings;
}

RelationKind relationKind(char code)
{
    switch (code) {
    case 'p':
        return RelationKind::PartitionedTable;
    case 'v':
        return RelationKind::View;
    case 'm':
        return RelationKind::MaterializedView;
    case 'f':
        return RelationKind::ForeignTable;
    default:
        return RelationKind::Table;
    }
}

ConstraintType constraintType(char code)
{
    switch (code) {
    case 'p':
        return ConstraintType::PrimaryKey;
    case 'u':
        return ConstraintType::Unique;
    case 'f':
        return ConstraintType::ForeignKey;
    case 'x':
        return ConstraintType::Exclusion;
    default:
        return ConstraintType::Check;
    }
}

QString columnName(const RelationInfo *relation, int position)
{
    if (position == 0 || !relation)
        return QStringLiteral("(expression)");
    for (const ColumnInfo &column : relation->columns) {
        if (column.position == position)
            return column.name;
    }
    return QStringLiteral("#%1").arg(position);
}

QStringList columnNames(const RelationInfo *relation, const QVector<int> &positions)
{
    QStringList names;
    for (const int position : positions)
        names << columnName(relation, position);
    return names;
}

} // namespace

QStringList CatalogReader::queryNames()
{
    return {QStringLiteral("catalog_schemas"), QStringLiteral("catalog_relations"),
            QStringLiteral("catalog_columns"), QStringLiteral("catalog_constraints"),
            QStringLiteral("catalog_indexes"), QStringLiteral("catalog_sequences"),
            QStringLiteral("catalog_types"),   QStringLiteral("catalog_extensions")};
}

Result<SchemaSnapshot> CatalogReader::read(const QSqlDatabase &db, const std::function<bool()> &cancelled)
{
    SchemaSnapshot snapshot;
    Result<CatalogRows> q = Error{};
    Error failure;
    // Runs the next query into q; false (with failure set) when cancelled or refused.
    const auto next = [&](const char *name) {
        if (cancelled && cancelled()) {
            failure = Error::cancelled(QStringLiteral("Cancelled"));
            return false;
        }
        ++snapshot.queryCount;
        q = CatalogRows::run(db, sqlResource(QString::fromLatin1(name)), QString::fromLatin1(name));
        if (!q)
            failure = q.error();
        return q.ok();
    };

    if (!next("catalog_schemas"))
        return failure;
    QHash<quint32, QString> schemaNames;
    for (CatalogRows &row = q.value(); row.next();) {
        SchemaInfo schema{row.oid(0), row.text(1), row.text(2), row.text(3), row.flag(4)};
        schemaNames.insert(schema.oid, schema.name);
        snapshot.schemas << schema;
    }

    if (!next("catalog_relations"))
        return failure;
    snapshot.relations.reserve(q.value().rowCount());
    for (CatalogRows &row = q.value(); row.next();) {
        RelationInfo relation;
        relation.oid = row.oid(0);
        relation.schemaOid = row.oid(1);
        relation.schema = schemaNames.value(relation.schemaOid);
        relation.name = row.text(2);
        relation.kind = relationKind(row.code(3));
        relation.partitionParentOid = row.oid(4);
        relation.partitionBound = row.text(5);
        relation.partitionKey = row.text(6);
        relation.rowEstimate = row.number(7);
        relation.totalBytes = row.number(8);
        relation.viewDefinition = row.text(9).trimmed();
        relation.comment = row.text(10);
        relation.owner = row.text(11);
        snapshot.relations << relation;
    }
    snapshot.index();
    const auto relationFor = [&snapshot](quint32 oid) { return const_cast<RelationInfo *>(snapshot.relation(oid)); };

    if (!next("catalog_columns"))
        return failure;
    for (CatalogRows &row = q.value(); row.next();) {
        RelationInfo *relation = relationFor(row.oid(0));
        if (!relation)
            continue;
        ColumnInfo column;
        column.position = static_cast<int>(row.number(1));
        column.name = row.text(2);
        column.type = row.text(3);
        column.isBoolean = row.flag(4);
        column.notNull = row.flag(5);
        column.defaultExpression = row.text(6);
        column.identity = row.code(7) == 'a'   ? QStringLiteral("always")
                          : row.code(7) == 'd' ? QStringLiteral("by default")
                                               : QString();
        column.generated = row.code(8) == 's';
        column.comment = row.text(9);
        relation->columns << column;
    }

    if (!next("catalog_constraints"))
        return failure;
    for (CatalogRows &row = q.value(); row.next();) {
        RelationInfo *relation = relationFor(row.oid(1));
        if (!relation)
            continue;
        ConstraintInfo constraint;
        constraint.name = row.text(2);
        constraint.type = constraintType(row.code(3));
        constraint.columns = columnNames(relation, attributeNumbers(row.text(4)));
        constraint.deferrable = row.flag(9);
        constraint.validated = row.flag(10);
        constraint.definition = row.text(11);
        if (constraint.type == ConstraintType::ForeignKey) {
            constraint.referencedOid = row.oid(5);
            constraint.referencedColumns =
                columnNames(snapshot.relation(constraint.referencedOid), attributeNumbers(row.text(6)));
            constraint.onUpdate = foreignKeyActionSql(QLatin1Char(row.code(7)));
            constraint.onDelete = foreignKeyActionSql(QLatin1Char(row.code(8)));
        }
        relation->constraints << constraint;
    }

    if (!next("catalog_indexes"))
        return failure;
    for (CatalogRows &row = q.value(); row.next();) {
        RelationInfo *relation = relationFor(row.oid(1));
        if (!relation)
            continue;
        IndexInfo index;
        index.name = row.text(2);
        index.method = row.text(3);
        index.unique = row.flag(4);
        index.primary = row.flag(5);
        index.valid = row.flag(6);
        index.columns = columnNames(relation, attributeNumbers(row.text(7)).mid(0, static_cast<int>(row.number(8))));
        index.partial = row.flag(9);
        index.definition = row.flag(13)
                               ? QStringLiteral("(not read: another session holds an exclusive lock on the table)")
                               : row.text(10);
        index.bytes = row.number(11);
        index.constraintName = row.text(12);
        relation->indexes << index;
    }

    if (!next("catalog_sequences"))
        return failure;
    for (CatalogRows &row = q.value(); row.next();) {
        SequenceInfo sequence;
        sequence.schema = schemaNames.value(row.oid(1));
        sequence.name = row.text(2);
        sequence.dataType = row.text(3);
        sequence.start = row.number(4);
        sequence.increment = row.number(5);
        sequence.minValue = row.number(6);
        sequence.maxValue = row.number(7);
        sequence.cycles = row.flag(8);
        sequence.ownerRelationOid = row.oid(9);
        sequence.ownerColumn = sequence.ownerRelationOid == 0 ? QString()
                                                              : columnName(snapshot.relation(sequence.ownerRelationOid),
                                                                           static_cast<int>(row.number(10)));
        snapshot.sequences << sequence;
    }

    if (!next("catalog_types"))
        return failure;
    for (CatalogRows &row = q.value(); row.next();) {
        const QString schema = schemaNames.value(row.oid(1));
        if (row.code(3) == 'e')
            snapshot.enums << EnumInfo{schema, row.text(2), jsonStrings(row.text(4))};
        else
            snapshot.domains << DomainInfo{schema,      row.text(2), row.text(5),
                                           row.flag(6), row.text(7), jsonStrings(row.text(8))};
    }

    if (!next("catalog_extensions"))
        return failure;
    for (CatalogRows &row = q.value(); row.next();)
        snapshot.extensions << ExtensionInfo{row.text(0), row.text(1), row.text(2)};

    snapshot.index(); // again: foreign keys are known now
    return snapshot;
}

} // namespace nrdb
