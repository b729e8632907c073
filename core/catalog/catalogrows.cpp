#include "catalog/catalogrows.h"

#include "connection/libpqconnection.h"

#include <libpq-fe.h>

#include <cstdlib>

namespace nrdb {

Result<CatalogRows> CatalogRows::run(const QSqlDatabase &db, const QString &sql, const QString &what)
{
    PGconn *connection = libpqConnection(db);
    if (!connection)
        return Error::usage(QStringLiteral("Reading the catalog needs a PostgreSQL (QPSQL) connection"));
    CatalogRows rows;
    rows.m_result.reset(PQexec(connection, sql.toUtf8().constData()), &PQclear);
    if (!rows.m_result || PQresultStatus(rows.m_result.get()) != PGRES_TUPLES_OK) {
        const char *sqlState = rows.m_result ? PQresultErrorField(rows.m_result.get(), PG_DIAG_SQLSTATE) : nullptr;
        return Error::sql(QStringLiteral("Could not read the catalog (%1): %2")
                              .arg(what, QString::fromUtf8(PQerrorMessage(connection)).trimmed()),
                          sqlState ? QString::fromLatin1(sqlState) : QString());
    }
    rows.m_rowCount = PQntuples(rows.m_result.get());
    return rows;
}

int CatalogRows::column(const char *name) const
{
    const int number = PQfnumber(m_result.get(), name);
    Q_ASSERT_X(number >= 0, "CatalogRows::column", name);
    return number;
}

const char *CatalogRows::raw(int column) const
{
    return PQgetvalue(m_result.get(), m_row, column);
}

QString CatalogRows::text(int column) const
{
    return isNull(column) ? QString() : QString::fromUtf8(raw(column));
}

qint64 CatalogRows::number(int column) const
{
    return isNull(column) ? 0 : std::strtoll(raw(column), nullptr, 10);
}

bool CatalogRows::flag(int column) const
{
    return !isNull(column) && raw(column)[0] == 't';
}

bool CatalogRows::isNull(int column) const
{
    return PQgetisnull(m_result.get(), m_row, column) != 0;
}

char CatalogRows::code(int column) const
{
    return isNull(column) ? '\0' : raw(column)[0];
}

} // namespace nrdb
