#pragma once

#include "sandbox/sandboxstate.h"
#include "util/result.h"

#include <QSqlDatabase>

namespace nrdb::bench {

// Creates schema "bench" with `tables` tables of ten columns each: a primary key, two foreign
// keys to earlier tables (the previous one and the one at half its number), an index on one of
// them (so the other is a lint finding), text, numeric, boolean, timestamp and jsonb columns.
// Runs in batches of a few hundred tables per transaction.
Status createSyntheticSchema(const QSqlDatabase &db, int tables);
// A new database on server, with that schema.
Status createSyntheticDatabase(const SandboxState &server, const QString &database, int tables);

} // namespace nrdb::bench
