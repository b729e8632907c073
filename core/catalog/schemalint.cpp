#include "catalog/schemalint.h"

#include "util/sqlidentifier.h"

#include <QSet>

namespace nrdb {

namespace {

constexpr int kMaxIdentifierBytes = 63; // NAMEDATALEN - 1

QString qualified(const RelationInfo &table)
{
    return quoteIdentifier(table.schema) + QLatin1Char('.') + quoteIdentifier(table.name);
}

QString quotedList(const QStringList &names)
{
    QStringList quoted;
    for (const QString &name : names)
        quoted << quoteIdentifier(name);
    return quoted.join(QStringLiteral(", "));
}

// ix_<table>_<columns>, as NetRaven names its indexes, cut to what PostgreSQL keeps.
QString indexNameFor(const RelationInfo &table, const QStringList &columns)
{
    QString name = QStringLiteral("ix_%1_%2").arg(table.name, columns.join(QLatin1Char('_')));
    while (name.toUtf8().size() > kMaxIdentifierBytes)
        name.chop(1);
    return name;
}

bool startsWith(const QStringList &list, const QStringList &prefix)
{
    return prefix.size() <= list.size() && list.mid(0, prefix.size()) == prefix;
}

// An index supports a foreign key when its leading columns are the key's columns, in any order.
bool supports(const IndexInfo &index, const QStringList &keyColumns)
{
    if (!index.valid || index.partial || index.columns.size() < keyColumns.size())
        return false;
    const QStringList leading = index.columns.mid(0, keyColumns.size());
    return QSet<QString>(leading.cbegin(), leading.cend()) == QSet<QString>(keyColumns.cbegin(), keyColumns.cend());
}

void foreignKeysWithoutIndex(const RelationInfo &table, QVector<LintFinding> &findings)
{
    for (const ConstraintInfo *key : table.foreignKeys()) {
        const bool supported = std::any_of(table.indexes.cbegin(), table.indexes.cend(),
                                           [key](const IndexInfo &index) { return supports(index, key->columns); });
        if (supported)
            continue;
        // CONCURRENTLY keeps writes flowing while it builds; a partitioned table cannot do it.
        const QString concurrently =
            table.kind == RelationKind::PartitionedTable ? QString() : QStringLiteral("CONCURRENTLY ");
        findings << LintFinding{
            QStringLiteral("fk-without-index"),
            LintSeverity::Warning,
            table.schema,
            table.name,
            key->name,
            QStringLiteral("Foreign key %1 (%2) has no index on its columns")
                .arg(key->name, key->columns.join(QStringLiteral(", "))),
            QStringLiteral("Deleting or updating a row of the referenced table makes PostgreSQL look for referencing "
                           "rows here; without an index that is a sequential scan of %1 per row, and joins on the key "
                           "cannot use an index either.")
                .arg(table.qualifiedName()),
            QStringLiteral("CREATE INDEX %1%2 ON %3 (%4);")
                .arg(concurrently, quoteIdentifier(indexNameFor(table, key->columns)), qualified(table),
                     quotedList(key->columns))};
    }
}

void redundantIndexes(const RelationInfo &table, QVector<LintFinding> &findings)
{
    for (int i = 0; i < table.indexes.size(); ++i) {
        const IndexInfo &candidate = table.indexes.at(i);
        if (!candidate.constraintName.isEmpty() || candidate.partial)
            continue; // an index that backs a constraint goes with the constraint
        for (int j = 0; j < table.indexes.size(); ++j) {
            const IndexInfo &other = table.indexes.at(j);
            if (i == j || !other.valid || other.partial || other.method != candidate.method)
                continue;
            const bool covered = candidate.method == QLatin1String("btree")
                                     ? startsWith(other.columns, candidate.columns)
                                     : other.columns == candidate.columns;
            if (!covered || (candidate.unique && !(other.unique && other.columns == candidate.columns)))
                continue;
            // Of two identical plain indexes, report one: the one whose name sorts later.
            if (other.columns == candidate.columns && other.constraintName.isEmpty() &&
                other.unique == candidate.unique && candidate.name < other.name)
                continue;
            const QString what = other.primary ? QStringLiteral("repeats the primary key %1").arg(other.name)
                                 : other.columns == candidate.columns
                                     ? QStringLiteral("repeats index %1").arg(other.name)
                                     : QStringLiteral("is a prefix of index %1").arg(other.name);
            findings << LintFinding{
                QStringLiteral("redundant-index"),
                LintSeverity::Warning,
                table.schema,
                table.name,
                candidate.name,
                QStringLiteral("Index %1 (%2) %3")
                    .arg(candidate.name, candidate.columns.join(QStringLiteral(", ")), what),
                QStringLiteral("Every write to %1 maintains both indexes, and the planner can use %2 for everything "
                               "%3 serves.")
                    .arg(table.qualifiedName(), other.name, candidate.name),
                QStringLiteral("DROP INDEX CONCURRENTLY %1.%2;")
                    .arg(quoteIdentifier(table.schema), quoteIdentifier(candidate.name))};
            break;
        }
    }
}

void nullableBooleans(const RelationInfo &table, QVector<LintFinding> &findings)
{
    for (const ColumnInfo &column : table.columns) {
        if (!column.isBoolean || column.notNull)
            continue;
        findings << LintFinding{
            QStringLiteral("nullable-boolean"),
            LintSeverity::Info,
            table.schema,
            table.name,
            column.name,
            QStringLiteral("Boolean column %1.%2 may be NULL").arg(table.name, column.name),
            QStringLiteral("A flag that can be true, false or unknown makes every WHERE NOT %1 miss the NULL rows. "
                           "Once no row holds NULL, ALTER TABLE %2 ALTER COLUMN %3 SET NOT NULL (a full scan "
                           "under an exclusive lock) closes the gap.")
                .arg(column.name, qualified(table), quoteIdentifier(column.name)),
            {}};
    }
}

} // namespace

QString lintSeverityName(LintSeverity severity)
{
    return severity == LintSeverity::Warning ? QStringLiteral("warning") : QStringLiteral("info");
}

QVector<LintFinding> lintSnapshot(const SchemaSnapshot &snapshot)
{
    QVector<LintFinding> findings;
    for (const RelationInfo &table : snapshot.relations) {
        if (!table.isTable() || table.partitionParentOid != 0)
            continue;
        foreignKeysWithoutIndex(table, findings);
        if (!table.primaryKey())
            findings << LintFinding{QStringLiteral("no-primary-key"),
                                    LintSeverity::Warning,
                                    table.schema,
                                    table.name,
                                    {},
                                    QStringLiteral("Table %1 has no primary key").arg(table.qualifiedName()),
                                    QStringLiteral("Rows cannot be addressed one by one, logical replication cannot "
                                                   "replicate updates and deletes, and duplicates go unnoticed."),
                                    {}};
        redundantIndexes(table, findings);
        nullableBooleans(table, findings);
        if (table.foreignKeys().isEmpty() && snapshot.referencesTo(table.oid).isEmpty())
            findings << LintFinding{
                QStringLiteral("isolated-table"),
                LintSeverity::Info,
                table.schema,
                table.name,
                {},
                QStringLiteral("Table %1 references no table and no table references it").arg(table.qualifiedName()),
                QStringLiteral("Often right (settings, logs), sometimes a missing foreign key."),
                {}};
    }
    return findings;
}

} // namespace nrdb
