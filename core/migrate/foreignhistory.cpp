#include "migrate/foreignhistory.h"

#include "connection/databasesession.h"
#include "util/sqlidentifier.h"
#include "util/sqlresource.h"

#include <QSqlQuery>
#include <QVariant>

namespace nrdb {

namespace {

QString qualifiedTable(const ModelPack &pack)
{
    return quoteIdentifier(pack.schema) + QLatin1Char('.') + quoteIdentifier(pack.foreignHistory.table);
}

} // namespace

QString ForeignHistoryCheck::describe() const
{
    const QString state = !tableExists      ? QStringLiteral("no %1 table").arg(table)
                          : found.isEmpty() ? QStringLiteral("%1 is empty").arg(table)
                                            : QStringLiteral("%1 = %2").arg(table, found.join(QStringLiteral(", ")));
    return problem.isEmpty() ? QStringLiteral("%1: %2").arg(tool, state)
                             : QStringLiteral("%1: %2. %3").arg(tool, state, problem);
}

namespace foreignhistory {

Result<ForeignHistoryCheck> read(const QSqlDatabase &db, const ModelPack &pack)
{
    ForeignHistoryCheck check;
    check.tool = pack.foreignHistory.tool;
    check.table = pack.foreignHistory.table;
    QSqlQuery query(db);
    if (!execPrepared(query, sqlResource(QStringLiteral("table_exists")), {qualifiedTable(pack)}) || !query.next())
        return sqlError(query.lastError(), QStringLiteral("Could not look for %1").arg(check.table));
    check.tableExists = query.value(0).toBool();
    if (!check.tableExists)
        return check;
    if (!query.exec(QStringLiteral("SELECT %1::text FROM %2 ORDER BY 1")
                        .arg(quoteIdentifier(pack.foreignHistory.column), qualifiedTable(pack))))
        return sqlError(query.lastError(), QStringLiteral("Could not read %1").arg(check.table));
    while (query.next())
        check.found << query.value(0).toString();
    return check;
}

void judge(ForeignHistoryCheck &check, const ModelPack &pack, int catalogVersion)
{
    check.expected = pack.foreignHistory.revisionAt(catalogVersion);
    const QString upgrade = QStringLiteral("%1 would try to create the tables again and fail").arg(check.tool);
    if (!check.tableExists)
        check.problem = QStringLiteral("The schema is there but %1 does not know it: %2.").arg(check.tool, upgrade);
    else if (check.found.isEmpty())
        check.problem = QStringLiteral("%1 records no revision: %2.").arg(check.tool, upgrade);
    else if (check.found.size() > 1)
        check.problem = QStringLiteral("%1 keeps one revision here, not %2.").arg(check.tool).arg(check.found.size());
    else if (check.found.first() != check.expected)
        check.problem = QStringLiteral("The catalog is %1 %2, which %3 calls %4.")
                            .arg(pack.name, pack.describeVersion(catalogVersion), check.tool, check.expected);
}

Status stamp(const QSqlDatabase &db, const ModelPack &pack, int version)
{
    const QString revision = pack.foreignHistory.revisionAt(version);
    if (revision.isEmpty())
        return {};
    const QString column = quoteIdentifier(pack.foreignHistory.column);
    QSqlQuery query(db);
    if (!execPrepared(query,
                      QStringLiteral("DELETE FROM %1 WHERE %2 IS DISTINCT FROM ?").arg(qualifiedTable(pack), column),
                      {revision}))
        return sqlError(query.lastError(), QStringLiteral("Could not stamp %1").arg(pack.foreignHistory.table));
    if (!execPrepared(query,
                      QStringLiteral("INSERT INTO %1 (%2) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM %1)")
                          .arg(qualifiedTable(pack), column),
                      {revision}))
        return sqlError(query.lastError(), QStringLiteral("Could not stamp %1").arg(pack.foreignHistory.table));
    return {};
}

} // namespace foreignhistory
} // namespace nrdb
