#pragma once

#include "jobs/job.h"

#include <memory>

namespace nrdb {

class SandboxCluster;

// Starts a sandbox cluster and creates an empty database in it. The cluster belongs to whoever
// made the job; on success its state() tells how to reach the database. Worker thread, per Job.
class StartSandboxJob : public Job {
public:
    StartSandboxJob(std::shared_ptr<SandboxCluster> cluster, QString databaseName);

    QString title() const override;
    JobAccess access() const override { return JobAccess::Write; }
    Status run(JobContext &context) override;

    // The new database, as the sandbox's superuser; valid after success.
    const ConnectionProfile &profile() const { return m_profile; }

private:
    std::shared_ptr<SandboxCluster> m_cluster;
    QString m_databaseName;
    ConnectionProfile m_profile;
};

} // namespace nrdb
