#pragma once

#include "migrate/advisorylock.h"
#include "util/result.h"

#include <memory>

namespace nrdb {

class JobContext;

// Takes the advisory lock that serialises every change this tool makes to one database's schema
// or seed rows (init, adopt, seed, repair, a compare's apply share it; advisory locks belong to a
// database, so one key serves them all), logging who holds it while waiting and giving up when the
// job is cancelled. Released when the returned lock goes. Thread: the job's worker.
Result<std::unique_ptr<AdvisoryLock>> lockSchemaChanges(JobContext &context, const QSqlDatabase &db, int timeoutMs);

} // namespace nrdb
