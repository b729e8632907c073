#pragma once

#include "jobs/jobwithresult.h"

#include <memory>

namespace nrdb {

class SandboxCluster;

// Starts a sandbox cluster and creates an empty database in it; the result is how to reach that
// database as the sandbox's superuser. The cluster belongs to whoever made the job.
// Thread: as JobWithResult.
class StartSandboxJob : public JobWithResult<ConnectionProfile> {
public:
    StartSandboxJob(std::shared_ptr<SandboxCluster> cluster, QString databaseName);

    QString title() const override;
    JobAccess access() const override { return JobAccess::Write; }

protected:
    Result<ConnectionProfile> execute(JobContext &context) override;

private:
    std::shared_ptr<SandboxCluster> m_cluster;
    QString m_databaseName;
};

} // namespace nrdb
