#include "migrate/schemahistory.h"

#include "connection/databasesession.h"
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
    QSqlQuery query(db);
    if (!query.exec(sqlResource(QStringLiteral("ddl_schema_history"))))
        return sqlError(query.lastError(), QStringLiteral("Could not create the migration history (nrdb.schema_history)"));
    return {};
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
    query.prepare(sqlResource(QStringLiteral("history_applied")));
    query.addBindValue(pack);
    if (!query.exec())
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

Status record(const QSqlDatabase &db, const QString &pack, const Migration &migration, int durationMs, const QString &how)
{
    QSqlQuery query(db);
    query.prepare(sqlResource(QStringLiteral("history_record")));
    query.addBindValue(pack);
    query.addBindValue(migration.version);
    query.addBindValue(migration.name);
    query.addBindValue(migration.checksum);
    query.addBindValue(durationMs);
    query.addBindValue(how);
    if (!query.exec())
        return sqlError(query.lastError(), QStringLiteral("Could not record migration %1").arg(migration.label()));
    return {};
}

} // namespace nrdb::schemahistory
