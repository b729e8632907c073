#pragma once

#include "connection/serverinfo.h"
#include "jobs/jobwithresult.h"

namespace nrdb {

// Connects to a database and reads its ServerInfo. Thread: as JobWithResult.
class ServerSummaryJob : public JobWithResult<ServerInfo> {
public:
    explicit ServerSummaryJob(ConnectionProfile target) : m_target(std::move(target)) {}

    QString title() const override { return QStringLiteral("Read server summary"); }
    JobAccess access() const override { return JobAccess::ReadOnly; }
    ConnectionProfile target() const override { return m_target; }

protected:
    Result<ServerInfo> execute(JobContext &context) override;

private:
    ConnectionProfile m_target;
};

} // namespace nrdb
