#include "migrate/migrationrunner.h"

#include "connection/databasesession.h"
#include "connection/libpqconnection.h"
#include "migrate/foreignhistory.h"
#include "migrate/schemahistory.h"

#include <QElapsedTimer>
#include <QSqlQuery>

namespace nrdb::migrationrunner {

namespace {

// A connection the server ended has nothing to roll back: the server did it.
void rollbackIfOpen(QSqlDatabase &connection)
{
    if (connection.isOpen())
        connection.rollback();
}

} // namespace

Status inTransaction(const QSqlDatabase &db, const QStringList &statements, const QString &what)
{
    QSqlDatabase connection = db;
    if (!connection.transaction())
        return sqlError(connection.lastError(), QStringLiteral("Could not begin: %1").arg(what));
    QSqlQuery query(connection);
    for (const QString &statement : statements) {
        if (!query.exec(statement)) {
            const Error error = sqlError(query.lastError(), what);
            rollbackIfOpen(connection);
            return error;
        }
    }
    if (!connection.commit())
        return sqlError(connection.lastError(), QStringLiteral("Could not commit: %1").arg(what));
    return {};
}

Result<int> apply(const QSqlDatabase &db, const ModelPack &pack, const Migration &migration)
{
    QElapsedTimer clock;
    clock.start();
    QSqlDatabase connection = db;
    if (!connection.transaction())
        return sqlError(connection.lastError(), QStringLiteral("Could not begin migration %1").arg(migration.label()));
    Status step = execScript(connection, migration.sql, QStringLiteral("Migration %1 failed").arg(migration.label()));
    if (step)
        step = schemahistory::record(db, pack.name, migration, static_cast<int>(clock.elapsed()),
                                     QStringLiteral("applied"));
    if (step && !pack.foreignHistory.isEmpty())
        step = foreignhistory::stamp(db, pack, migration.version);
    if (!step) {
        rollbackIfOpen(connection);
        return step.error();
    }
    if (!connection.commit())
        return sqlError(connection.lastError(), QStringLiteral("Could not commit migration %1").arg(migration.label()));
    return static_cast<int>(clock.elapsed());
}

} // namespace nrdb::migrationrunner
