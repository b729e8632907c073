#include "jobs/packlock.h"

#include "jobs/jobcontext.h"

namespace nrdb {

Result<std::unique_ptr<AdvisoryLock>> lockPack(JobContext &context, const QSqlDatabase &db, const ModelPack &pack,
                                               int timeoutMs)
{
    auto lock = std::make_unique<AdvisoryLock>(db, QStringLiteral("migrate %1").arg(pack.name));
    const Status locked = lock->acquire(
        timeoutMs, [&context](const QString &line) { context.info(line); },
        [&context] { return context.isCancelled(); });
    if (!locked)
        return locked.error();
    return lock;
}

} // namespace nrdb
