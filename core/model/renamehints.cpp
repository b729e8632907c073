#include "model/renamehints.h"

#include "util/sqlidentifier.h"

namespace nrdb {

namespace {

QStringList columnDescriptions(const SchemaModel &model, const QString &table)
{
    QStringList descriptions;
    for (const SchemaModel::Column &column : model.tables.value(table).columns)
        descriptions << column.describe();
    return descriptions;
}

bool looksRenamed(const SchemaModel &wanted, const SchemaModel &current, const DriftItem &missing,
                  const DriftItem &extra)
{
    if (missing.objectType == QLatin1String("table")) {
        const QStringList columns = columnDescriptions(wanted, missing.table);
        return !columns.isEmpty() && columns == columnDescriptions(current, extra.table);
    }
    if (missing.objectType == QLatin1String("column"))
        return missing.table == extra.table && missing.expected == extra.actual;
    if (missing.objectType == QLatin1String("index"))
        return missing.table == extra.table && QString(missing.expected).replace(missing.object, QString()) ==
                                                   QString(extra.actual).replace(extra.object, QString());
    return false;
}

QString renameHint(const QString &schema, const DriftItem &missing, const DriftItem &extra)
{
    const QString qualifiedExtra =
        quoteIdentifier(schema) + QLatin1Char('.') +
        quoteIdentifier(missing.objectType == QLatin1String("index") ? extra.object : extra.table);
    if (missing.objectType == QLatin1String("table"))
        return QStringLiteral("table %1 may be %2 renamed: ALTER TABLE %3 RENAME TO %4 would keep its rows")
            .arg(extra.table, missing.table, qualifiedExtra, quoteIdentifier(missing.table));
    if (missing.objectType == QLatin1String("column"))
        return QStringLiteral("column %1.%2 may be %3 renamed: ALTER TABLE %4 RENAME COLUMN %5 TO %6 would keep "
                              "its values")
            .arg(extra.table, extra.object, missing.object, qualifiedExtra, quoteIdentifier(extra.object),
                 quoteIdentifier(missing.object));
    return QStringLiteral("index %1 may be %2 renamed: ALTER INDEX %3 RENAME TO %4 would not rebuild it")
        .arg(extra.object, missing.object, qualifiedExtra, quoteIdentifier(missing.object));
}

} // namespace

QStringList renameHints(const SchemaModel &wanted, const SchemaModel &current, const QVector<DriftItem> &drift)
{
    QStringList hints;
    for (const DriftItem &missing : drift) {
        if (missing.kind != DriftKind::Missing)
            continue;
        for (const DriftItem &extra : drift) {
            if (extra.kind == DriftKind::Extra && extra.objectType == missing.objectType &&
                looksRenamed(wanted, current, missing, extra))
                hints << renameHint(wanted.schema, missing, extra);
        }
    }
    return hints;
}

} // namespace nrdb
