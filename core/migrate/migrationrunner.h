#pragma once

#include "migrate/migrationstatus.h"
#include "model/modelpack.h"
#include "util/result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace nrdb::migrationrunner {

// Runs statements in one transaction; on any failure rolls back and returns the error.
Status inTransaction(const QSqlDatabase &db, const QStringList &statements, const QString &what);

// Applies one migration of pack in a transaction of its own, with its history row and, for a pack
// that keeps another tool's history beside ours, that tool's stamp: NetRaven's own Alembic never
// sees the schema without its revision. Every statement of the script counts; on any failure the
// transaction is rolled back and nothing of the migration stays. Returns how long it took (ms).
Result<int> apply(const QSqlDatabase &db, const ModelPack &pack, const Migration &migration);

} // namespace nrdb::migrationrunner
