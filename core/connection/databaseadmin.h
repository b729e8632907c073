#pragma once

#include "connection/connectionprofile.h"
#include "util/result.h"

#include <QSqlDatabase>
#include <QString>

namespace nrdb {

// Database-level statements run over a maintenance connection (usually to "postgres").
// Thread: the thread that owns the connection.
namespace databaseadmin {

// The same server and credentials, on its maintenance database ("postgres"): for statements about
// databases, and a connection that holds none of them open.
ConnectionProfile maintenanceOf(const ConnectionProfile &server);

// PostgreSQL keeps 63 bytes of a name (NAMEDATALEN - 1) and silently cuts a longer one.
constexpr int kMaxNameBytes = 63;
// An Error of kind Usage for a name that is empty or longer than PostgreSQL keeps.
Status validateName(const QString &name);

Result<bool> exists(const QSqlDatabase &maintenance, const QString &name);
Status create(const QSqlDatabase &maintenance, const QString &name);
// Creates it unless it exists, also when another client creates it at the same moment; true if
// this call made it.
Result<bool> createIfMissing(const QSqlDatabase &maintenance, const QString &name);
// WITH (FORCE) ends the sessions still connected to it (PostgreSQL 13+).
Status dropIfExists(const QSqlDatabase &maintenance, const QString &name);
// The same on a connection of its own to server, for clean-up: a cancel aimed at a job's own
// connection cannot interrupt it.
Status dropOnItsOwnConnection(const ConnectionProfile &server, const QString &name);

} // namespace databaseadmin
} // namespace nrdb
