#pragma once

#include "migrate/advisorylock.h"
#include "model/modelpack.h"
#include "util/result.h"

#include <memory>

namespace nrdb {

class JobContext;

// Takes the advisory lock that serialises every change a pack makes to a database (init, adopt,
// seed share it), logging who holds it while waiting and giving up when the job is cancelled.
// Released when the returned lock goes. Thread: the job's worker.
Result<std::unique_ptr<AdvisoryLock>> lockPack(JobContext &context, const QSqlDatabase &db, const ModelPack &pack,
                                               int timeoutMs);

} // namespace nrdb
