#include "connection/databaseadmin.h"

#include "connection/databasesession.h"
#include "util/sqlidentifier.h"
#include "util/sqlresource.h"

#include <QSqlQuery>
#include <QVariant>

namespace nrdb::databaseadmin {

namespace {

const QString kDuplicateDatabase = QStringLiteral("42P04");
const QString kUniqueViolation = QStringLiteral("23505"); // two CREATE DATABASE at once: pg_database's index

} // namespace

ConnectionProfile maintenanceOf(const ConnectionProfile &server)
{
    ConnectionProfile maintenance = server;
    maintenance.database = QStringLiteral("postgres");
    return maintenance;
}

Status validateName(const QString &name)
{
    if (name.isEmpty())
        return Error::usage(QStringLiteral("A database needs a name"));
    const qsizetype bytes = name.toUtf8().size();
    if (bytes > kMaxNameBytes)
        return Error::usage(
            QStringLiteral("The database name %1 is %2 bytes long; PostgreSQL keeps %3 and would cut it")
                .arg(name)
                .arg(bytes)
                .arg(kMaxNameBytes));
    return {};
}

Result<bool> exists(const QSqlDatabase &maintenance, const QString &name)
{
    QSqlQuery query(maintenance);
    query.setForwardOnly(true);
    if (!execPrepared(query, sqlResource(QStringLiteral("database_exists")), {name}))
        return sqlError(query.lastError(), QStringLiteral("Could not look up database %1").arg(name));
    return query.next();
}

Status create(const QSqlDatabase &maintenance, const QString &name)
{
    if (Status valid = validateName(name); !valid)
        return valid;
    QSqlQuery query(maintenance);
    if (!query.exec(QStringLiteral("CREATE DATABASE ") + quoteIdentifier(name)))
        return sqlError(query.lastError(), QStringLiteral("Could not create database %1").arg(name));
    return {};
}

Result<bool> createIfMissing(const QSqlDatabase &maintenance, const QString &name)
{
    const Result<bool> found = exists(maintenance, name);
    if (!found)
        return found.error();
    if (found.value())
        return false;
    const Status created = create(maintenance, name);
    if (created)
        return true;
    if (created.error().sqlState == kDuplicateDatabase || created.error().sqlState == kUniqueViolation)
        return false; // another client made it between our look and our CREATE
    return created.error();
}

Status dropIfExists(const QSqlDatabase &maintenance, const QString &name)
{
    QSqlQuery query(maintenance);
    if (!query.exec(QStringLiteral("DROP DATABASE IF EXISTS ") + quoteIdentifier(name) +
                    QStringLiteral(" WITH (FORCE)")))
        return sqlError(query.lastError(), QStringLiteral("Could not drop database %1").arg(name));
    return {};
}

Status dropOnItsOwnConnection(const ConnectionProfile &server, const QString &name)
{
    DatabaseSession cleanup;
    if (Status opened = cleanup.open(server); !opened)
        return opened;
    return dropIfExists(cleanup.database(), name);
}

} // namespace nrdb::databaseadmin
