#include "jobs/schemalock.h"

#include "jobs/jobcontext.h"

namespace nrdb {

Result<std::unique_ptr<AdvisoryLock>> lockSchemaChanges(JobContext &context, const QSqlDatabase &db, int timeoutMs)
{
    context.setPhase(QStringLiteral("Waiting for the schema lock"));
    auto lock = std::make_unique<AdvisoryLock>(db, QStringLiteral("change the schema"));
    const Status locked = lock->acquire(
        timeoutMs, [&context](const QString &line) { context.info(line); },
        [&context] { return context.isCancelled(); });
    if (!locked)
        return locked.error();
    return lock;
}

} // namespace nrdb
