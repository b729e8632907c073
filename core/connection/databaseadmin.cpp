#include "connection/databaseadmin.h"

#include "connection/databasesession.h"
#include "util/sqlidentifier.h"

#include <QSqlQuery>
#include <QVariant>

namespace nrdb::databaseadmin {

Result<bool> exists(const QSqlDatabase &maintenance, const QString &name)
{
    QSqlQuery query(maintenance);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = ?"));
    query.addBindValue(name);
    if (!query.exec())
        return sqlError(query.lastError(), QStringLiteral("Could not look up database %1").arg(name));
    return query.next();
}

Status create(const QSqlDatabase &maintenance, const QString &name)
{
    QSqlQuery query(maintenance);
    if (!query.exec(QStringLiteral("CREATE DATABASE ") + quoteIdentifier(name)))
        return sqlError(query.lastError(), QStringLiteral("Could not create database %1").arg(name));
    return {};
}

Status dropIfExists(const QSqlDatabase &maintenance, const QString &name)
{
    QSqlQuery query(maintenance);
    if (!query.exec(QStringLiteral("DROP DATABASE IF EXISTS ") + quoteIdentifier(name) + QStringLiteral(" WITH (FORCE)")))
        return sqlError(query.lastError(), QStringLiteral("Could not drop database %1").arg(name));
    return {};
}

} // namespace nrdb::databaseadmin
