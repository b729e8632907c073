#include "jobs/serversummaryjob.h"

#include "jobs/jobcontext.h"

namespace nrdb {

Status ServerSummaryJob::run(JobContext &context)
{
    context.setPhase(QStringLiteral("Connecting to %1").arg(m_target.displayName()));
    const Result<QSqlDatabase> db = context.database();
    if (!db)
        return db.error();
    context.setPhase(QStringLiteral("Reading the summary"));
    const Result<ServerInfo> info = ServerInfo::read(db.value());
    if (!info)
        return info.error();
    m_info = info.value();
    context.info(QStringLiteral("PostgreSQL %1, database %2 as %3")
                     .arg(m_info.serverVersion, m_info.currentDatabase, m_info.currentUser));
    return {};
}

} // namespace nrdb
