#pragma once

#include "util/result.h"

#include <QSqlDatabase>
#include <QString>

namespace nrdb {

// Database-level statements run over a maintenance connection (usually to "postgres").
// Thread: the thread that owns the connection.
namespace databaseadmin {

Result<bool> exists(const QSqlDatabase &maintenance, const QString &name);
Status create(const QSqlDatabase &maintenance, const QString &name);
// WITH (FORCE) ends the sessions still connected to it (PostgreSQL 13+).
Status dropIfExists(const QSqlDatabase &maintenance, const QString &name);

} // namespace databaseadmin
} // namespace nrdb
