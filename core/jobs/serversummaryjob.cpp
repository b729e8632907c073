#include "jobs/serversummaryjob.h"

#include "jobs/jobcontext.h"

namespace nrdb {

Result<ServerInfo> ServerSummaryJob::execute(JobContext &context)
{
    context.setPhase(QStringLiteral("Connecting to %1").arg(m_target.displayName()));
    const Result<QSqlDatabase> db = context.database();
    if (!db)
        return db.error();
    context.setPhase(QStringLiteral("Reading the summary"));
    const Result<ServerInfo> info = ServerInfo::read(db.value());
    if (info)
        context.info(QStringLiteral("PostgreSQL %1, database %2 as %3")
                         .arg(info.value().serverVersion, info.value().currentDatabase, info.value().currentUser));
    return info;
}

} // namespace nrdb
