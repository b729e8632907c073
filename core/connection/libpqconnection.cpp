#include "connection/libpqconnection.h"

#include "connection/databasesession.h"

#include <QSqlDriver>
#include <QVariant>

#include <libpq-fe.h>

#include <cstring>
#include <memory>

namespace nrdb {

pg_conn *libpqConnection(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    // Qt names the type after libpq's typedef or the struct behind it, depending on the version.
    const char *type = handle.isValid() ? handle.typeName() : "";
    if (std::strcmp(type, "PGconn*") != 0 && std::strcmp(type, "pg_conn*") != 0)
        return nullptr;
    return *static_cast<PGconn *const *>(handle.data());
}

Status execScript(const QSqlDatabase &db, const QString &sql, const QString &context)
{
    PGconn *connection = libpqConnection(db);
    if (!connection)
        return Error::usage(context + QStringLiteral(": a PostgreSQL (QPSQL) connection is needed"));
    const std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(connection, sql.toUtf8().constData()), &PQclear);
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY)
        return {};
    const char *sqlState = result ? PQresultErrorField(result.get(), PG_DIAG_SQLSTATE) : nullptr;
    const QString serverText =
        QString::fromUtf8(result ? PQresultErrorMessage(result.get()) : PQerrorMessage(connection)).trimmed();
    const ErrorKind kind = PQstatus(connection) == CONNECTION_OK ? ErrorKind::Sql : ErrorKind::Connection;
    return serverError(kind, context, serverText, sqlState ? QString::fromLatin1(sqlState) : QString());
}

} // namespace nrdb
