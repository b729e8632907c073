#pragma once

#include "jobs/environmentstatus.h"
#include "jobs/jobwithresult.h"

namespace nrdb {

// Reads one environment's status (EnvironmentStatus): connects with a short timeout, so that a
// dead or silent server costs its own row a few seconds and no one else anything, times a round
// trip, verifies against the pack its catalog shows, and looks for its backups. A server that
// cannot be reached is a status, not a failure: the job fails only when cancelled.
// Thread: as JobWithResult.
class EnvironmentStatusJob : public JobWithResult<EnvironmentStatus> {
public:
    // What a status waits for a server that does not answer.
    static constexpr int kConnectTimeoutSeconds = 5;

    EnvironmentStatusJob(ConnectionProfile environment, QString backupDirectory = {})
        : m_environment(std::move(environment)), m_backupDirectory(std::move(backupDirectory))
    {
    }

    QString title() const override { return QStringLiteral("Read the status of %1").arg(m_environment.name); }
    JobAccess access() const override { return JobAccess::ReadOnly; }
    ConnectionProfile target() const override { return m_environment; }
    bool isQuiet() const override { return true; } // many at once, each a row of its own

protected:
    Result<EnvironmentStatus> execute(JobContext &context) override;

private:
    Status readInto(JobContext &context, EnvironmentStatus &status) const;

    ConnectionProfile m_environment;
    QString m_backupDirectory;
};

} // namespace nrdb
