#pragma once

#include "util/result.h"

#include <QSqlDatabase>
#include <QString>

struct pg_conn;

namespace nrdb {

// The libpq connection behind a QPSQL session; null for any other driver or a closed session.
// Thread: the one that owns the session.
pg_conn *libpqConnection(const QSqlDatabase &db);

// Runs a script of several statements (a migration, a DDL resource) in one round trip, as psql -c
// does, on the session's own connection (and so inside its open transaction, if any). Qt's QPSQL
// reports only the first statement's result, so an error in a later one would pass unseen there;
// here the first statement that fails stops the script and is the result, with its SQLSTATE.
Status execScript(const QSqlDatabase &db, const QString &sql, const QString &context);

} // namespace nrdb
