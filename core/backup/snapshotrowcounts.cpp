#include "backup/snapshotrowcounts.h"

#include "connection/databasesession.h"
#include "util/sqlidentifier.h"

#include <QSqlQuery>

namespace nrdb {

bool beginSnapshotRead(QSqlQuery &query)
{
    return query.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"));
}

Result<QMap<QString, qint64>> countRows(const QSqlDatabase &db, const QVector<TableName> &tables)
{
    QMap<QString, qint64> counts;
    if (tables.isEmpty())
        return counts;
    QStringList selects;
    for (const TableName &table : tables)
        selects << QStringLiteral("SELECT %1, count(*) FROM %2.%3")
                       .arg(quoteLiteral(table.qualified()), quoteIdentifier(table.schema),
                            quoteIdentifier(table.name));
    QSqlQuery query(db);
    if (!query.exec(selects.join(QStringLiteral(" UNION ALL "))))
        return sqlError(query.lastError(), QStringLiteral("Could not count the rows"));
    while (query.next())
        counts.insert(query.value(0).toString(), query.value(1).toLongLong());
    return counts;
}

Result<QMap<QString, qint64>> countRowsInSnapshot(const ConnectionProfile &profile, const QString &snapshotId,
                                                  const QVector<TableName> &tables)
{
    if (tables.isEmpty())
        return QMap<QString, qint64>{};
    DatabaseSession session;
    if (Status opened = session.open(profile); !opened)
        return opened.error();
    QSqlQuery query(session.database());
    if (!beginSnapshotRead(query) ||
        !query.exec(QStringLiteral("SET TRANSACTION SNAPSHOT %1").arg(quoteLiteral(snapshotId))))
        return sqlError(query.lastError(), QStringLiteral("Could not take the dump's snapshot to count its rows"));
    const Result<QMap<QString, qint64>> counts = countRows(session.database(), tables);
    if (counts)
        (void)query.exec(QStringLiteral("ROLLBACK"));
    return counts;
}

} // namespace nrdb
