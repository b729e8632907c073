#pragma once

#include "migrate/advisorylock.h"
#include "util/result.h"

#include <memory>

namespace nrdb {

class JobContext;

// How long a job that changes the schema waits for another's to finish, unless it is told.
constexpr int kSchemaLockTimeoutMs = 30000;

// Takes the advisory lock that serialises every change this tool makes to one database's schema
// or seed rows (init, adopt, seed, repair, a compare's apply share it; advisory locks belong to a
// database, so one key serves them all), logging who holds it while waiting and giving up when the
// job is cancelled. Released when the returned lock goes. The lock is a session's and stacks: a
// job that holds it may run steps that take it again on its connection. Thread: the job's worker.
Result<std::unique_ptr<AdvisoryLock>> lockSchemaChanges(JobContext &context, const QSqlDatabase &db, int timeoutMs);

} // namespace nrdb
