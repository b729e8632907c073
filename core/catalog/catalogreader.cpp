#include "catalog/catalogreader.h"

#include "catalog/catalogrows.h"
#include "connection/databasesession.h"
#include "util/sqlresource.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>

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

// What the queries read into, and what a later query needs of an earlier one's rows.
struct Reading {
    SchemaSnapshot snapshot;
    QHash<quint32, QString> schemaNames;

    RelationInfo *relation(quint32 oid) { return const_cast<RelationInfo *>(snapshot.relation(oid)); }
};

void readSchemas(CatalogRows &rows, Reading &reading)
{
    const int oid = rows.column("oid"), name = rows.column("name"), owner = rows.column("owner"),
              comment = rows.column("comment"), usable = rows.column("usable");
    while (rows.next()) {
        const SchemaInfo schema{rows.oid(oid), rows.text(name), rows.text(owner), rows.text(comment),
                                rows.flag(usable)};
        reading.schemaNames.insert(schema.oid, schema.name);
        reading.snapshot.schemas << schema;
    }
}

void readRelations(CatalogRows &rows, Reading &reading)
{
    const int oid = rows.column("oid"), schemaOid = rows.column("schema_oid"), name = rows.column("name"),
              kind = rows.column("kind"), parentOid = rows.column("partition_parent_oid"),
              bound = rows.column("partition_bound"), key = rows.column("partition_key"),
              rowEstimate = rows.column("row_estimate"), totalBytes = rows.column("total_bytes"),
              viewDefinition = rows.column("view_definition"), comment = rows.column("comment"),
              owner = rows.column("owner");
    reading.snapshot.relations.reserve(rows.rowCount());
    while (rows.next()) {
        RelationInfo relation;
        relation.oid = rows.oid(oid);
        relation.schemaOid = rows.oid(schemaOid);
        relation.schema = reading.schemaNames.value(relation.schemaOid);
        relation.name = rows.text(name);
        relation.kind = relationKind(rows.code(kind));
        relation.partitionParentOid = rows.oid(parentOid);
        relation.partitionBound = rows.text(bound);
        relation.partitionKey = rows.text(key);
        relation.rowEstimate = rows.number(rowEstimate);
        relation.totalBytes = rows.number(totalBytes);
        relation.viewDefinition = rows.text(viewDefinition).trimmed();
        relation.comment = rows.text(comment);
        relation.owner = rows.text(owner);
        reading.snapshot.relations << relation;
    }
    reading.snapshot.index();
}

void readColumns(CatalogRows &rows, Reading &reading)
{
    const int relationOid = rows.column("relation_oid"), position = rows.column("position"), name = rows.column("name"),
              type = rows.column("type"), isBoolean = rows.column("is_boolean"), notNull = rows.column("not_null"),
              defaultExpression = rows.column("default_expression"), identity = rows.column("identity"),
              generated = rows.column("generated"), comment = rows.column("comment");
    while (rows.next()) {
        RelationInfo *relation = reading.relation(rows.oid(relationOid));
        if (!relation)
            continue;
        ColumnInfo column;
        column.position = static_cast<int>(rows.number(position));
        column.name = rows.text(name);
        column.type = rows.text(type);
        column.isBoolean = rows.flag(isBoolean);
        column.notNull = rows.flag(notNull);
        column.defaultExpression = rows.text(defaultExpression);
        column.identity = rows.code(identity) == 'a'   ? QStringLiteral("always")
                          : rows.code(identity) == 'd' ? QStringLiteral("by default")
                                                       : QString();
        column.generated = rows.code(generated) == 's';
        column.comment = rows.text(comment);
        relation->columns << column;
    }
}

void readConstraints(CatalogRows &rows, Reading &reading)
{
    const int relationOid = rows.column("relation_oid"), name = rows.column("name"), type = rows.column("type"),
              columns = rows.column("columns"), referencedOid = rows.column("referenced_oid"),
              referencedColumns = rows.column("referenced_columns"), onUpdate = rows.column("on_update"),
              onDelete = rows.column("on_delete"), deferrable = rows.column("deferrable"),
              validated = rows.column("validated"), definition = rows.column("definition");
    while (rows.next()) {
        RelationInfo *relation = reading.relation(rows.oid(relationOid));
        if (!relation)
            continue;
        ConstraintInfo constraint;
        constraint.name = rows.text(name);
        constraint.type = constraintType(rows.code(type));
        constraint.columns = columnNames(relation, attributeNumbers(rows.text(columns)));
        constraint.deferrable = rows.flag(deferrable);
        constraint.validated = rows.flag(validated);
        constraint.definition = rows.text(definition);
        if (constraint.type == ConstraintType::ForeignKey) {
            constraint.referencedOid = rows.oid(referencedOid);
            constraint.referencedColumns = columnNames(reading.snapshot.relation(constraint.referencedOid),
                                                       attributeNumbers(rows.text(referencedColumns)));
            constraint.onUpdate = foreignKeyActionSql(QLatin1Char(rows.code(onUpdate)));
            constraint.onDelete = foreignKeyActionSql(QLatin1Char(rows.code(onDelete)));
        }
        relation->constraints << constraint;
    }
}

void readIndexes(CatalogRows &rows, Reading &reading)
{
    const int relationOid = rows.column("relation_oid"), name = rows.column("name"), method = rows.column("method"),
              isUnique = rows.column("is_unique"), isPrimary = rows.column("is_primary"),
              isValid = rows.column("is_valid"), columns = rows.column("columns"),
              keyColumnCount = rows.column("key_column_count"), isPartial = rows.column("is_partial"),
              definition = rows.column("definition"), bytes = rows.column("bytes"),
              constraintName = rows.column("constraint_name"), tableLocked = rows.column("table_locked");
    while (rows.next()) {
        RelationInfo *relation = reading.relation(rows.oid(relationOid));
        if (!relation)
            continue;
        IndexInfo index;
        index.name = rows.text(name);
        index.method = rows.text(method);
        index.unique = rows.flag(isUnique);
        index.primary = rows.flag(isPrimary);
        index.valid = rows.flag(isValid);
        index.columns = columnNames(
            relation, attributeNumbers(rows.text(columns)).mid(0, static_cast<int>(rows.number(keyColumnCount))));
        index.partial = rows.flag(isPartial);
        index.definition = rows.flag(tableLocked)
                               ? QStringLiteral("(not read: another session holds an exclusive lock on the table)")
                               : rows.text(definition);
        index.bytes = rows.number(bytes);
        index.constraintName = rows.text(constraintName);
        relation->indexes << index;
    }
}

void readSequences(CatalogRows &rows, Reading &reading)
{
    const int schemaOid = rows.column("schema_oid"), name = rows.column("name"), dataType = rows.column("data_type"),
              start = rows.column("start_value"), increment = rows.column("increment"),
              minValue = rows.column("min_value"), maxValue = rows.column("max_value"), cycles = rows.column("cycles"),
              ownerOid = rows.column("owner_relation_oid"), ownerColumn = rows.column("owner_column");
    while (rows.next()) {
        SequenceInfo sequence;
        sequence.schema = reading.schemaNames.value(rows.oid(schemaOid));
        sequence.name = rows.text(name);
        sequence.dataType = rows.text(dataType);
        sequence.start = rows.number(start);
        sequence.increment = rows.number(increment);
        sequence.minValue = rows.number(minValue);
        sequence.maxValue = rows.number(maxValue);
        sequence.cycles = rows.flag(cycles);
        sequence.ownerRelationOid = rows.oid(ownerOid);
        sequence.ownerColumn = sequence.ownerRelationOid == 0
                                   ? QString()
                                   : columnName(reading.snapshot.relation(sequence.ownerRelationOid),
                                                static_cast<int>(rows.number(ownerColumn)));
        reading.snapshot.sequences << sequence;
    }
}

void readTypes(CatalogRows &rows, Reading &reading)
{
    const int schemaOid = rows.column("schema_oid"), name = rows.column("name"), kind = rows.column("kind"),
              labels = rows.column("labels"), baseType = rows.column("base_type"), notNull = rows.column("not_null"),
              defaultValue = rows.column("default_value"), checks = rows.column("checks");
    while (rows.next()) {
        const QString schema = reading.schemaNames.value(rows.oid(schemaOid));
        if (rows.code(kind) == 'e')
            reading.snapshot.enums << EnumInfo{schema, rows.text(name), jsonStrings(rows.text(labels))};
        else
            reading.snapshot.domains << DomainInfo{schema,
                                                   rows.text(name),
                                                   rows.text(baseType),
                                                   rows.flag(notNull),
                                                   rows.text(defaultValue),
                                                   jsonStrings(rows.text(checks))};
    }
}

void readExtensions(CatalogRows &rows, Reading &reading)
{
    const int name = rows.column("name"), version = rows.column("version"), schema = rows.column("schema_name");
    while (rows.next())
        reading.snapshot.extensions << ExtensionInfo{rows.text(name), rows.text(version), rows.text(schema)};
}

// The queries in the order read() runs them (each may use what those before it read), with what
// reads their rows.
struct CatalogQuery {
    const char *name;
    void (*read)(CatalogRows &rows, Reading &reading);
};
constexpr CatalogQuery kQueries[] = {
    {"catalog_schemas", readSchemas}, {"catalog_relations", readRelations},
    {"catalog_columns", readColumns}, {"catalog_constraints", readConstraints},
    {"catalog_indexes", readIndexes}, {"catalog_sequences", readSequences},
    {"catalog_types", readTypes},     {"catalog_extensions", readExtensions},
};

Result<SchemaSnapshot> readAll(const QSqlDatabase &db, const std::function<bool()> &cancelled)
{
    Reading reading;
    for (const CatalogQuery &query : kQueries) {
        if (cancelled && cancelled())
            return Error::cancelled(QStringLiteral("Cancelled"));
        const QString name = QString::fromLatin1(query.name);
        ++reading.snapshot.queryCount;
        Result<CatalogRows> rows = CatalogRows::run(db, sqlResource(name), name);
        if (!rows)
            return rows.error();
        query.read(rows.value(), reading);
    }
    reading.snapshot.index(); // again: foreign keys are known now
    return std::move(reading.snapshot);
}

// The session's lock_timeout set to value; what it was.
Result<QString> setLockTimeout(const QSqlDatabase &db, const QString &value)
{
    QSqlQuery query(db);
    if (!execPrepared(query, sqlResource(QStringLiteral("set_lock_timeout")), {value}) || !query.next())
        return sqlError(query.lastError(), QStringLiteral("Could not set a lock timeout for reading the catalog"));
    return query.value(0).toString();
}

constexpr int kLockPollMs = 250;

// A table the read could not size, nor read its indexes, for someone's ACCESS EXCLUSIVE lock.
bool hasLockedTable(const SchemaSnapshot &snapshot)
{
    return std::any_of(snapshot.relations.cbegin(), snapshot.relations.cend(),
                       [](const RelationInfo &relation) { return relation.totalBytes < 0; });
}

// A read that waited too long for a lock, with who holds the ACCESS EXCLUSIVE locks it met.
Error lockedOut(const QSqlDatabase &db, int lockTimeoutMs, const QString &detail)
{
    QSqlQuery query(db);
    QStringList holders;
    if (query.exec(sqlResource(QStringLiteral("exclusive_lock_holders")))) {
        while (query.next())
            holders << QStringLiteral("%1 is locked by process %2 (%3%4, %5, its transaction open for %6 s)")
                           .arg(query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                                query.value(3).toString().isEmpty() ? QString()
                                                                    : QStringLiteral(", ") + query.value(3).toString(),
                                query.value(4).toString(), query.value(5).toString());
    }
    return Error::busy(
        QStringLiteral("The schema could not be read within %1 s: %2. Try again once that "
                       "transaction ends.")
            .arg(lockTimeoutMs / 1000.0)
            .arg(holders.isEmpty() ? QStringLiteral("a table it reads is locked") : holders.join(QStringLiteral("; "))),
        detail);
}

} // namespace

QStringList CatalogReader::queryNames()
{
    QStringList names;
    for (const CatalogQuery &query : kQueries)
        names << QString::fromLatin1(query.name);
    return names;
}

Result<SchemaSnapshot> CatalogReader::read(const QSqlDatabase &db, const std::function<bool()> &cancelled,
                                           const CatalogReadOptions &options)
{
    const Result<QString> previous = setLockTimeout(db, QStringLiteral("%1ms").arg(options.lockTimeoutMs));
    if (!previous)
        return previous.error();
    const bool waitForTables = options.lockedTables == LockedTables::WaitThenFail;
    const QDeadlineTimer deadline(options.lockTimeoutMs);
    Result<SchemaSnapshot> snapshot = readAll(db, cancelled);
    while (waitForTables && snapshot && hasLockedTable(snapshot.value()) && !deadline.hasExpired()) {
        QThread::msleep(kLockPollMs);
        snapshot = readAll(db, cancelled);
    }
    (void)setLockTimeout(db, previous.value());
    if (!snapshot && snapshot.error().sqlState == QLatin1String("55P03"))
        return lockedOut(db, options.lockTimeoutMs, snapshot.error().message);
    if (snapshot && waitForTables && hasLockedTable(snapshot.value()))
        return lockedOut(db, options.lockTimeoutMs, {});
    return snapshot;
}

} // namespace nrdb
