#include "jobs/startsandboxjob.h"

#include "connection/databaseadmin.h"
#include "connection/databasesession.h"
#include "jobs/jobcontext.h"
#include "sandbox/sandboxcluster.h"

namespace nrdb {

StartSandboxJob::StartSandboxJob(std::shared_ptr<SandboxCluster> cluster, QString databaseName)
    : m_cluster(std::move(cluster)), m_databaseName(std::move(databaseName))
{
}

QString StartSandboxJob::title() const
{
    return QStringLiteral("Start sandbox server");
}

Result<ConnectionProfile> StartSandboxJob::execute(JobContext &context)
{
    context.setPhase(QStringLiteral("Starting the server"), 2);
    if (Status started = m_cluster->start([&context](const QString &line) { context.info(line); }); !started)
        return started.error();
    context.setProgress(1, 2);
    Status status = context.isCancelled() ? Status(JobContext::cancelledError()) : Status();
    if (status) {
        context.setPhase(QStringLiteral("Creating database %1").arg(m_databaseName), 2);
        DatabaseSession maintenance;
        status = maintenance.open(m_cluster->state().profile());
        if (status)
            status = databaseadmin::create(maintenance.database(), m_databaseName);
    }
    if (!status) {
        (void)m_cluster->stop(); // half a sandbox is of no use to anyone
        return status.error();
    }
    context.info(QStringLiteral("Created database %1").arg(m_databaseName));
    context.setProgress(2, 2);
    return m_cluster->state().profile(m_databaseName);
}

} // namespace nrdb
