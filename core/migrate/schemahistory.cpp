#include "migrate/schemahistory.h"

#include "connection/databasesession.h"
#include "connection/libpqconnection.h"
#include "util/sqlresource.h"

#include <QSqlQuery>
#include <QVariant>

namespace nrdb::schemahistory {

bool existsIn(const SchemaSnapshot &snapshot)
{
    return snapshot.relation(kSchema, QStringLiteral("schema_history")) != nullptr;
}

Status ensure(const QSqlDatabase &db)
{
    return execScript(db, sqlResource(QStringLiteral("ddl_schema_history")),
                      QStringLiteral("Could not create the migration history (nrdb.schema_history)"));
}

Result<QVector<AppliedMigration>> applied(const QSqlDatabase &db, const QString &pack)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sqlResource(QStringLiteral("history_exists"))) || !query.next())
        return sqlError(query.lastError(), QStringLiteral("Could not look for the migration history"));
    QVector<AppliedMigration> rows;
    if (!query.value(0).toBool())
        return rows;
    if (!execPrepared(query, sqlResource(QStringLiteral("history_applied")), {pack}))
        return sqlError(query.lastError(), QStringLiteral("Could not read the migration history"));
    while (query.next())
        rows << AppliedMigration{query.value(0).toInt(),    query.value(1).toString(), query.value(2).toString(),
                                 query.value(3).toString(), query.value(4).toString(), query.value(5).toInt(),
                                 query.value(6).toString()};
    return rows;
}

Result<QStringList> recordedPacks(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sqlResource(QStringLiteral("history_exists"))) || !query.next())
        return sqlError(query.lastError(), QStringLiteral("Could not look for the migration history"));
    QStringList packs;
    if (!query.value(0).toBool())
        return packs;
    if (!query.exec(sqlResource(QStringLiteral("history_packs"))))
        return sqlError(query.lastError(), QStringLiteral("Could not read the migration history"));
    while (query.next())
        packs << query.value(0).toString();
    return packs;
}

Status record(const QSqlDatabase &db, const QString &pack, const Migration &migration, int durationMs,
              const QString &how)
{
    QSqlQuery query(db);
    const QVariantList row{pack, migration.version, migration.name, migration.checksum, durationMs, how};
    if (!execPrepared(query, sqlResource(QStringLiteral("history_record")), row))
        return sqlError(query.lastError(), QStringLiteral("Could not record migration %1").arg(migration.label()));
    return {};
}

} // namespace nrdb::schemahistory
