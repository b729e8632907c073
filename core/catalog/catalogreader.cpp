#include "catalog/catalogreader.h"

#include "connection/databasesession.h"
#include "util/sqlresource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace nrdb {

namespace {

// "{1,2}" (smallint[]) or "1 2" (int2vector) to numbers.
QVector<int> attributeNumbers(const QString &text)
{
    QVector<int> numbers;
    QString digits = text;
    digits.remove(QLatin1Char('{')).remove(QLatin1Char('}'));
    const QStringList parts = digits.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    for (const QString &part : parts)
        numbers << part.toInt();
    return numbers;
}

QStringList jsonStrings(const QVariant &value)
{
    QStringList strings;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const QJsonValue &item : array)
        strings << item.toString();
    return strings;
}

QChar firstChar(const QVariant &value)
{
    const QString text = value.toString();
    return text.isEmpty() ? QChar() : text.at(0);
}

RelationKind relationKind(const QString &code)
{
    switch (code.isEmpty() ? 'r' : code.at(0).toLatin1()) {
    case 'p': return RelationKind::PartitionedTable;
    case 'v': return RelationKind::View;
    case 'm': return RelationKind::MaterializedView;
    case 'f': return RelationKind::ForeignTable;
    default: return RelationKind::Table;
    }
}

ConstraintType constraintType(const QString &code)
{
    switch (code.isEmpty() ? 'c' : code.at(0).toLatin1()) {
    case 'p': return ConstraintType::PrimaryKey;
    case 'u': return ConstraintType::Unique;
    case 'f': return ConstraintType::ForeignKey;
    case 'x': return ConstraintType::Exclusion;
    default: return ConstraintType::Check;
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

// Runs one bundled catalog query; the caller walks its rows once.
class CatalogQuery {
public:
    CatalogQuery(const QSqlDatabase &db, SchemaSnapshot &snapshot) : m_db(db), m_snapshot(snapshot) {}

    Result<QSqlQuery> run(const QString &name)
    {
        QSqlQuery query(m_db);
        query.setForwardOnly(true); // QPSQL would otherwise keep a second copy of every row
        ++m_snapshot.queryCount;
        if (!query.exec(sqlResource(name)))
            return sqlError(query.lastError(), QStringLiteral("Could not read the catalog (%1)").arg(name));
        return query;
    }

private:
    const QSqlDatabase &m_db;
    SchemaSnapshot &m_snapshot;
};

} // namespace

QStringList CatalogReader::queryNames()
{
    return {QStringLiteral("catalog_schemas"),     QStringLiteral("catalog_relations"),
            QStringLiteral("catalog_columns"),     QStringLiteral("catalog_constraints"),
            QStringLiteral("catalog_indexes"),     QStringLiteral("catalog_sequences"),
            QStringLiteral("catalog_types"),       QStringLiteral("catalog_extensions")};
}

Result<SchemaSnapshot> CatalogReader::read(const QSqlDatabase &db, const std::function<bool()> &cancelled)
{
    SchemaSnapshot snapshot;
    CatalogQuery catalog(db, snapshot);
    Result<QSqlQuery> q = Error{};
    Error failure;
    // Runs the next query into q; false (with failure set) when cancelled or refused.
    const auto next = [&](const char *name) {
        if (cancelled && cancelled()) {
            failure = Error{ErrorKind::Cancelled, QStringLiteral("Cancelled"), {}, {}};
            return false;
        }
        q = catalog.run(QString::fromLatin1(name));
        if (!q)
            failure = q.error();
        return q.ok();
    };

    if (!next("catalog_schemas"))
        return failure;
    QHash<quint32, QString> schemaNames;
    while (q.value().next()) {
        SchemaInfo schema{static_cast<quint32>(q.value().value(0).toLongLong()), q.value().value(1).toString(),
                          q.value().value(2).toString(), q.value().value(3).toString(), q.value().value(4).toBool()};
        schemaNames.insert(schema.oid, schema.name);
        snapshot.schemas << schema;
    }

    if (!next("catalog_relations"))
        return failure;
    while (q.value().next()) {
        const QSqlQuery &row = q.value();
        RelationInfo relation;
        relation.oid = static_cast<quint32>(row.value(0).toLongLong());
        relation.schemaOid = static_cast<quint32>(row.value(1).toLongLong());
        relation.schema = schemaNames.value(relation.schemaOid);
        relation.name = row.value(2).toString();
        relation.kind = relationKind(row.value(3).toString());
        relation.partitionParentOid = static_cast<quint32>(row.value(4).toLongLong());
        relation.partitionBound = row.value(5).toString();
        relation.partitionKey = row.value(6).toString();
        relation.rowEstimate = row.value(7).toLongLong();
        relation.totalBytes = row.value(8).toLongLong();
        relation.viewDefinition = row.value(9).toString().trimmed();
        relation.comment = row.value(10).toString();
        relation.owner = row.value(11).toString();
        snapshot.relations << relation;
    }
    snapshot.index();
    const auto relationFor = [&snapshot](const QVariant &oid) {
        return const_cast<RelationInfo *>(snapshot.relation(static_cast<quint32>(oid.toLongLong())));
    };

    if (!next("catalog_columns"))
        return failure;
    while (q.value().next()) {
        const QSqlQuery &row = q.value();
        RelationInfo *relation = relationFor(row.value(0));
        if (!relation)
            continue;
        ColumnInfo column;
        column.position = row.value(1).toInt();
        column.name = row.value(2).toString();
        column.type = row.value(3).toString();
        column.isBoolean = row.value(4).toBool();
        column.notNull = row.value(5).toBool();
        column.defaultExpression = row.value(6).toString();
        const QString identity = row.value(7).toString();
        column.identity = identity == QLatin1String("a")   ? QStringLiteral("always")
                          : identity == QLatin1String("d") ? QStringLiteral("by default")
                                                           : QString();
        column.generated = row.value(8).toString() == QLatin1String("s");
        column.comment = row.value(9).toString();
        relation->columns << column;
    }

    if (!next("catalog_constraints"))
        return failure;
    while (q.value().next()) {
        const QSqlQuery &row = q.value();
        RelationInfo *relation = relationFor(row.value(1));
        if (!relation)
            continue;
        ConstraintInfo constraint;
        constraint.name = row.value(2).toString();
        constraint.type = constraintType(row.value(3).toString());
        constraint.columns = columnNames(relation, attributeNumbers(row.value(4).toString()));
        constraint.deferrable = row.value(9).toBool();
        constraint.validated = row.value(10).toBool();
        constraint.definition = row.value(11).toString();
        if (constraint.type == ConstraintType::ForeignKey) {
            constraint.referencedOid = static_cast<quint32>(row.value(5).toLongLong());
            constraint.referencedColumns =
                columnNames(snapshot.relation(constraint.referencedOid), attributeNumbers(row.value(6).toString()));
            constraint.onUpdate = foreignKeyActionSql(firstChar(row.value(7)));
            constraint.onDelete = foreignKeyActionSql(firstChar(row.value(8)));
        }
        relation->constraints << constraint;
    }

    if (!next("catalog_indexes"))
        return failure;
    while (q.value().next()) {
        const QSqlQuery &row = q.value();
        RelationInfo *relation = relationFor(row.value(1));
        if (!relation)
            continue;
        IndexInfo index;
        index.name = row.value(2).toString();
        index.method = row.value(3).toString();
        index.unique = row.value(4).toBool();
        index.primary = row.value(5).toBool();
        index.valid = row.value(6).toBool();
        index.columns = columnNames(relation, attributeNumbers(row.value(7).toString()).mid(0, row.value(8).toInt()));
        index.partial = row.value(9).toBool();
        index.definition = row.value(10).toString();
        index.bytes = row.value(11).toLongLong();
        index.constraintName = row.value(12).toString();
        relation->indexes << index;
    }

    if (!next("catalog_sequences"))
        return failure;
    while (q.value().next()) {
        const QSqlQuery &row = q.value();
        SequenceInfo sequence;
        sequence.schema = schemaNames.value(static_cast<quint32>(row.value(1).toLongLong()));
        sequence.name = row.value(2).toString();
        sequence.dataType = row.value(3).toString();
        sequence.start = row.value(4).toLongLong();
        sequence.increment = row.value(5).toLongLong();
        sequence.minValue = row.value(6).toLongLong();
        sequence.maxValue = row.value(7).toLongLong();
        sequence.cycles = row.value(8).toBool();
        sequence.ownerRelationOid = static_cast<quint32>(row.value(9).toLongLong());
        sequence.ownerColumn = sequence.ownerRelationOid == 0
                                   ? QString()
                                   : columnName(snapshot.relation(sequence.ownerRelationOid), row.value(10).toInt());
        snapshot.sequences << sequence;
    }

    if (!next("catalog_types"))
        return failure;
    while (q.value().next()) {
        const QSqlQuery &row = q.value();
        const QString schema = schemaNames.value(static_cast<quint32>(row.value(1).toLongLong()));
        if (row.value(3).toString() == QLatin1String("e"))
            snapshot.enums << EnumInfo{schema, row.value(2).toString(), jsonStrings(row.value(4))};
        else
            snapshot.domains << DomainInfo{schema,
                                           row.value(2).toString(),
                                           row.value(5).toString(),
                                           row.value(6).toBool(),
                                           row.value(7).toString(),
                                           jsonStrings(row.value(8))};
    }

    if (!next("catalog_extensions"))
        return failure;
    while (q.value().next())
        snapshot.extensions << ExtensionInfo{q.value().value(0).toString(), q.value().value(1).toString(),
                                             q.value().value(2).toString()};

    snapshot.index(); // again: foreign keys are known now
    return snapshot;
}

} // namespace nrdb
