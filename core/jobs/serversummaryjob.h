#pragma once

#include "connection/serverinfo.h"
#include "jobs/job.h"

namespace nrdb {

// Connects to a database and reads its ServerInfo. Worker thread, per Job.
class ServerSummaryJob : public Job {
public:
    explicit ServerSummaryJob(ConnectionProfile target) : m_target(std::move(target)) {}

    QString title() const override { return QStringLiteral("Read server summary"); }
    JobAccess access() const override { return JobAccess::ReadOnly; }
    ConnectionProfile target() const override { return m_target; }
    Status run(JobContext &context) override;

    const ServerInfo &info() const { return m_info; }

private:
    ConnectionProfile m_target;
    ServerInfo m_info;
};

} // namespace nrdb
