#pragma once

#include "connection/connectionprofile.h"
#include "jobs/jobtypes.h"

#include <QObject>

#include <memory>

namespace nrdb {

class JobRunner;
class SandboxCluster;
class StartSandboxJob;
struct Error;

// Starts a sandbox cluster with a "netraven" database as a job, and owns the cluster until it is
// destroyed, when the cluster is stopped and removed. GUI thread only.
class SandboxController : public QObject {
    Q_OBJECT
public:
    explicit SandboxController(JobRunner *runner, QObject *parent = nullptr);
    ~SandboxController() override;

    void start();
    bool isStarting() const { return m_jobId != 0; }

signals:
    void ready(const nrdb::ConnectionProfile &profile);
    void failed(const QString &message);

private:
    void onJobFinished(JobId id, JobState state, const Error &error);

    JobRunner *m_runner;
    std::shared_ptr<SandboxCluster> m_cluster;
    std::shared_ptr<StartSandboxJob> m_job;
    JobId m_jobId = 0;
};

} // namespace nrdb
